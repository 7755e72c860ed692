//! Comparable comparisons, worked out by hand: a vacancy rate over five
//! organisations is not an improvement on one over two ("basis changed"),
//! and a staffing return older than the stale age is left out and listed.

use mcn_core::NaiveDate;
use mcn_evaluation::{EvaluationSettings, Months, Outcome, Value, compare};
use mcn_network::{Network, NetworkDocument};
use serde_json::json;

use crate::{evaluate, fixture::id};

const ORG: u8 = 0x02;
const STAFF: u8 = 0x18;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn staffing(n: u8, org: u8, funded: f64, in_post: f64, as_of: &str) -> serde_json::Value {
    json!({"id": id(STAFF, n), "organisation": id(ORG, org), "profession": "nurse",
           "funded_wte": funded, "in_post_wte": in_post, "as_of": as_of})
}

/// Organisations 1 and 2 return in January and again in September 2026;
/// 3, 4 and 5 (fully staffed) first return in September; 6 returned once,
/// in June 2025, with nobody in post.
fn network() -> Network<'static> {
    let doc = json!({
        "schema_version": "1.1",
        "network": {"id": id(0x1a, 1), "name": "Basis test network"},
        "staffing": [
            staffing(1, 1, 10.0, 8.0, "2026-01-15"),
            staffing(2, 2, 10.0, 9.0, "2026-01-15"),
            staffing(3, 1, 10.0, 8.0, "2026-09-01"),
            staffing(4, 2, 10.0, 9.0, "2026-09-01"),
            staffing(5, 3, 10.0, 10.0, "2026-09-01"),
            staffing(6, 4, 10.0, 10.0, "2026-09-01"),
            staffing(7, 5, 10.0, 10.0, "2026-09-01"),
            staffing(8, 6, 10.0, 0.0, "2025-06-01"),
        ],
    });
    let bytes = serde_json::to_vec(&doc).unwrap();
    Network::new(NetworkDocument::from_json(&bytes).unwrap())
}

fn vacancy(report: &mcn_evaluation::EvaluationReport) -> &mcn_evaluation::Indicator {
    report.indicator("workforce.vacancy_rate").unwrap()
}

fn wte_share(value: &Value) -> (u32, u32) {
    match value {
        Value::WteProportion {
            numerator,
            denominator,
            ..
        } => (numerator.hundredths(), denominator.hundredths()),
        other => panic!("not a WTE share: {other:?}"),
    }
}

#[test]
fn a_vacancy_rate_over_more_organisations_is_a_basis_change_not_an_improvement() {
    let network = network();
    let settings = EvaluationSettings::default();
    let before = evaluate(&network, d(2026, 3, 31), &settings);
    let after = evaluate(&network, d(2026, 9, 30), &settings);
    // 31 March: organisations 1 and 2 (January): vacant 2 + 1 of 20 WTE, 15%.
    // Organisation 6's return (June 2025) is before 30 September 2025, six
    // months back: stale, left out.
    let b = vacancy(&before);
    assert_eq!(wte_share(&b.value), (300, 2000));
    assert_eq!(b.basis.as_ref().unwrap().count, 2);
    assert_eq!(b.stale, 1);
    let stale = b.breakdown("stale").unwrap();
    assert_eq!(stale.rows.len(), 1);
    assert_eq!(stale.rows[0].key, id(STAFF, 8));
    // 30 September: organisations 1–5 (September): 3 of 50 WTE, 6%.
    let a = vacancy(&after);
    assert_eq!(wte_share(&a.value), (300, 5000));
    assert_eq!(
        a.basis.as_ref().unwrap().to_string(),
        "5 organisations reporting staffing"
    );
    // 15% → 6% looks like an improvement; it is three more organisations.
    let comparison = compare(&before, &after);
    let change = comparison
        .changes
        .iter()
        .find(|c| c.id == "workforce.vacancy_rate")
        .unwrap();
    assert_eq!(change.outcome, Outcome::BasisChanged);
    assert_eq!(
        change.basis_change.as_deref(),
        Some("5 organisations reporting staffing, was 2")
    );
    assert_eq!(comparison.counts.basis_changed, 1);
    let html = mcn_evaluation::render::html(&after.with_comparison(&before));
    assert!(html.contains("basis changed: 5 organisations reporting staffing, was 2"));
}

#[test]
fn the_stale_age_is_a_setting() {
    let network = network();
    let settings = EvaluationSettings {
        stale_after_months: Months::new(12).unwrap(),
        ..EvaluationSettings::default()
    };
    // Twelve months back from 31 March 2026 is 31 March 2025: organisation
    // 6's June 2025 return counts, 10 WTE vacant: 13 of 30.
    let report = evaluate(&network, d(2026, 3, 31), &settings);
    let v = vacancy(&report);
    assert_eq!(wte_share(&v.value), (1300, 3000));
    assert_eq!((v.basis.as_ref().unwrap().count, v.stale), (3, 0));
    assert!(v.breakdown("stale").is_none());
}

#[test]
fn within_the_tolerance_a_change_is_judged() {
    let network = network();
    // Organisations 1 and 2 only on both dates (the others' returns are
    // after 2026-06-30; January is within six months of it): the same
    // basis, the same 15%: unchanged.
    let settings = EvaluationSettings::default();
    let before = evaluate(&network, d(2026, 3, 31), &settings);
    let after = evaluate(&network, d(2026, 6, 30), &settings);
    let change = compare(&before, &after)
        .changes
        .into_iter()
        .find(|c| c.id == "workforce.vacancy_rate")
        .unwrap();
    assert_eq!(
        (change.outcome, change.basis_change),
        (Outcome::Unchanged, None)
    );
    // By 31 August the January returns are stale too: nothing left to rate.
    let late = evaluate(&network, d(2026, 8, 31), &settings);
    assert_eq!(vacancy(&late).stale, 3);
    assert_eq!(vacancy(&late).rag, None);
}
