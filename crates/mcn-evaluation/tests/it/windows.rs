//! Window membership of audit results, worked out by hand: a result counts
//! in the window it was submitted in, whatever its reporting period, so
//! three consecutive yearly reports count each of three results once, and
//! none before it was submitted.

use mcn_core::NaiveDate;
use mcn_evaluation::{EvaluationSettings, Value};
use mcn_network::{Network, NetworkDocument};
use serde_json::json;

use crate::fixture::{self, AUDIT, MEAS, ORG, id};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn result(
    n: u8,
    period: (&str, &str),
    numerator: u32,
    denominator: u32,
    submitted: &str,
) -> serde_json::Value {
    json!({"id": id(AUDIT, n), "measure": id(MEAS, 1), "organisation": id(ORG, 1),
           "period": {"start": period.0, "end": period.1},
           "numerator": numerator, "denominator": denominator, "submitted_on": submitted})
}

/// The fixture with three results for measure 1 (of a standard endorsed on
/// 2025-03-04):
/// - 1: April–September 2025, submitted 2025-10-20;
/// - 2: October 2025–March 2026, submitted 2026-04-20 — its period straddles
///   the start (2025-11-02) of the year to 2026-11-01, so under the old rule
///   (period within the window) it was in no yearly report;
/// - 3: April–September 2026, submitted 2026-11-15, after 2026-11-01.
fn network() -> Network<'static> {
    let mut doc = fixture::json();
    doc["audit_results"] = json!([
        result(1, ("2025-04-01", "2025-09-30"), 6, 10, "2025-10-20"),
        result(2, ("2025-10-01", "2026-03-31"), 14, 20, "2026-04-20"),
        result(3, ("2026-04-01", "2026-09-30"), 36, 40, "2026-11-15"),
    ]);
    Network::new(NetworkDocument::from_json(&serde_json::to_vec(&doc).unwrap()).unwrap())
}

/// Measure 1's pooled (numerator, denominator) in the report as of `as_of`.
fn pooled(network: &Network, as_of: NaiveDate) -> (u64, u64) {
    let report = crate::evaluate(network, as_of, &EvaluationSettings::default());
    let compliance = report.indicator("standards.compliance").unwrap();
    let row = compliance
        .breakdown("by_measure")
        .unwrap()
        .rows
        .iter()
        .find(|r| r.key == id(MEAS, 1))
        .unwrap();
    match &row.cells[0] {
        Value::Proportion {
            numerator,
            denominator,
            ..
        } => (*numerator, *denominator),
        other => panic!("{other:?}"),
    }
}

#[test]
fn each_result_counts_in_the_year_it_was_submitted() {
    let network = network();
    // Year to 2025-11-01 (from 2024-11-02): result 1 only.
    assert_eq!(pooled(&network, d(2025, 11, 1)), (6, 10));
    // Year to 2026-11-01: result 2 (submitted in it, though its period
    // began before it); result 3 is not yet submitted.
    assert_eq!(pooled(&network, d(2026, 11, 1)), (14, 20));
    // Year to 2027-11-01: result 3.
    assert_eq!(pooled(&network, d(2027, 11, 1)), (36, 40));
    // The three windows tile: 6 + 14 + 36 of 10 + 20 + 40, each once.
}

#[test]
fn a_result_is_not_read_before_it_was_submitted() {
    let network = network();
    // On 2026-11-14 result 3 exists in the document but was not submitted.
    assert_eq!(pooled(&network, d(2026, 11, 14)), (14, 20));
    assert_eq!(pooled(&network, d(2026, 11, 15)), (50, 60));
}
