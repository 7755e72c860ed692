//! Trends: windows that tile (each day, and so each activity, in exactly one
//! window), audit results counted once across a series whatever their
//! reporting periods, and the series of the example in every form (one SVG
//! per indicator in the HTML page).

use chrono::Days;
use mcn_core::{NaiveDate, Period, strategy as core};
use mcn_evaluation::{
    CATALOGUE, EvaluationSettings, Value,
    render::{self, Format},
    series::{Cadence, series, window_of, windows},
};
use mcn_network::Network;
use proptest::prelude::*;
use serde_json::json;

use crate::{
    fixture::{self, AUDIT, MEAS, ORG, id},
    html_check::check,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn cadence() -> impl Strategy<Value = Cadence> {
    prop_oneof![Just(Cadence::Monthly), Just(Cadence::Quarterly)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Consecutive calendar windows: each starts the day after the one
    /// before ends, on the first of a month; every date in their span is in
    /// exactly one, and `window_of` finds it.
    #[test]
    fn windows_tile(
        cadence in cadence(),
        from in core::date(),
        months in 0_u32..60,
        dates in prop::collection::vec(0_u64..2_000, 1..20),
    ) {
        let to = from.checked_add_months(chrono::Months::new(months)).unwrap();
        let Ok(windows) = windows(cadence, from, to) else {
            // Only when no window has ended by `to`.
            prop_assert!(months < cadence.months() + 1);
            return Ok(());
        };
        prop_assert!(!windows.is_empty());
        prop_assert_eq!(windows[0].start(), cadence.start_of(from));
        for pair in windows.windows(2) {
            prop_assert_eq!(pair[0].end().unwrap().succ_opt(), Some(pair[1].start()));
        }
        for w in &windows {
            use chrono::Datelike as _;
            prop_assert_eq!(w.start().day(), 1);
            prop_assert!(w.end().unwrap() <= to);
        }
        let start = windows[0].start();
        for offset in dates {
            let date = start.checked_add_days(Days::new(offset)).unwrap();
            let containing: Vec<usize> = (0..windows.len()).filter(|&i| windows[i].contains(date)).collect();
            prop_assert!(containing.len() <= 1);
            prop_assert_eq!(window_of(&windows, date), containing.first().copied());
            let last = windows.last().unwrap().end().unwrap();
            prop_assert_eq!(containing.len() == 1, date <= last);
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Audit results with random reporting periods (many straddling a
    /// window boundary) and submission dates: over a quarterly series each
    /// is pooled in exactly one window, the one it was submitted in, so the
    /// pooled denominators of the windows add up to those of the results
    /// submitted in the series' span.
    #[test]
    fn each_audit_result_counts_in_exactly_one_window(
        results in prop::collection::vec((0_u64..760, 0_u64..200, 1_u32..50, 0_u32..50), 0..12),
    ) {
        let span_start = d(2025, 4, 1);
        let mut json = fixture::json();
        let audits: Vec<serde_json::Value> = results
            .iter()
            .enumerate()
            .map(|(n, &(submitted, length, denominator, numerator))| {
                let submitted_on = span_start.checked_add_days(Days::new(submitted)).unwrap();
                // A reporting period ending before the submission, of any length.
                let end = submitted_on.pred_opt().unwrap();
                let start = end.checked_sub_days(Days::new(length)).unwrap();
                json!({"id": id(AUDIT, u8::try_from(n + 1).unwrap()), "measure": id(MEAS, 1),
                       "organisation": id(ORG, 1),
                       "period": {"start": start.to_string(), "end": end.to_string()},
                       "numerator": numerator.min(denominator), "denominator": denominator,
                       "submitted_on": submitted_on.to_string()})
            })
            .collect();
        json["audit_results"] = serde_json::Value::Array(audits);
        let network = Network::new(
            mcn_network::NetworkDocument::from_json(&serde_json::to_vec(&json).unwrap()).unwrap(),
        );
        let to = d(2027, 3, 31);
        let trends = series(&network, &network.validate(to), Cadence::Quarterly, span_start, to,
            &EvaluationSettings::default()).unwrap();
        prop_assert_eq!(trends.windows.len(), 8);
        let pooled = per_window_denominators(&network, &trends.windows);
        let expected: u64 = results
            .iter()
            .filter(|&&(submitted, ..)| submitted < 730) // 2025-04-01 + 730 days = 2027-04-01
            .map(|&(_, _, denominator, _)| u64::from(denominator))
            .sum();
        prop_assert_eq!(pooled, expected);
    }
}

/// The pooled denominator of measure 1 in each window's report, added up.
fn per_window_denominators(network: &Network, windows: &[Period]) -> u64 {
    windows
        .iter()
        .map(|w| {
            let end = w.end().unwrap();
            let settings = EvaluationSettings {
                window_months: mcn_evaluation::Months::new(3).unwrap(),
                ..EvaluationSettings::default()
            };
            let report = crate::evaluate(network, end, &settings);
            assert_eq!(
                report.window, *w,
                "a report on a quarter's last day covers the quarter"
            );
            let compliance = report.indicator("standards.compliance").unwrap();
            compliance
                .breakdown("by_measure")
                .and_then(|b| b.rows.iter().find(|r| r.key == id(MEAS, 1)))
                .map_or(0, |row| match &row.cells[0] {
                    Value::Proportion { denominator, .. } => *denominator,
                    _ => 0,
                })
        })
        .sum()
}

#[test]
fn the_example_quarterly_from_2025() {
    let network = crate::example::network();
    let to = crate::example::as_of();
    let trends = series(
        &network,
        &network.validate(to),
        Cadence::Quarterly,
        d(2025, 1, 1),
        to,
        &EvaluationSettings::default(),
    )
    .unwrap();
    // 2025 Q1 to 2026 Q3: 2026 Q4 has not ended on 1 November 2026.
    let labels: Vec<&str> = trends.indicators[0]
        .points
        .iter()
        .map(|p| p.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4", "2026 Q1", "2026 Q2", "2026 Q3"
        ]
    );
    let ids: Vec<&str> = trends.indicators.iter().map(|i| i.id.as_str()).collect();
    let catalogue: Vec<&str> = CATALOGUE.iter().map(|s| s.id).collect();
    assert_eq!(ids, catalogue);
    assert_eq!(trends.validation.errors, 0);
    // Every form renders; the page has one trend line per indicator.
    let html = render::series_html(&trends);
    check(&html).unwrap();
    assert_eq!(
        html.matches("<svg class=\"trend\"").count(),
        CATALOGUE.len()
    );
    assert_eq!(html.matches("<svg").count(), CATALOGUE.len());
    assert!(html.contains("class=\"band-green\""));
    let markdown = render::series_markdown(&trends);
    assert!(markdown.contains("| Indicator | 2025 Q1 | 2025 Q2 |"));
    let json: serde_json::Value =
        serde_json::from_str(&render::series_to_string(&trends, Format::Json).unwrap()).unwrap();
    assert_eq!(json["cadence"], "quarterly");
    assert_eq!(json["windows"].as_array().unwrap().len(), 7);
    assert!(render::series_text(&trends).contains("governance.quorate_meetings"));
}

#[test]
fn a_series_is_the_reports_of_its_windows() {
    let network = fixture::network();
    let to = fixture::as_of();
    let findings = network.validate(to);
    let trends = series(
        &network,
        &findings,
        Cadence::Monthly,
        d(2026, 5, 20),
        to,
        &EvaluationSettings::default(),
    )
    .unwrap();
    assert_eq!(trends.windows.len(), 6); // May to October 2026 (ended on 31 October)
    let settings = EvaluationSettings {
        window_months: mcn_evaluation::Months::new(1).unwrap(),
        ..EvaluationSettings::default()
    };
    for (i, window) in trends.windows.iter().enumerate() {
        let report =
            mcn_evaluation::evaluate(&network, &findings, window.end().unwrap(), &settings);
        for (series, indicator) in trends.indicators.iter().zip(&report.indicators) {
            assert_eq!(series.points[i].value, indicator.value, "{}", indicator.id);
            assert_eq!(series.points[i].rag, indicator.rag, "{}", indicator.id);
        }
    }
}

#[test]
fn no_window_ended_is_an_error() {
    let network = fixture::network();
    let error = series(
        &network,
        &network.validate(d(2026, 11, 1)),
        Cadence::Quarterly,
        d(2026, 10, 5),
        d(2026, 11, 1),
        &EvaluationSettings::default(),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "no quarterly window from 2026-10-05 has ended by 2026-11-01: the first ends on \
         2026-12-31; give an earlier --from or a later date"
    );
}

/// From 10,000 registrations and audit results the windows run on two
/// threads: the series is still each window's report, in order.
#[test]
fn a_large_series_on_two_threads_is_the_reports_of_its_windows() {
    let to = d(2026, 4, 1);
    let counts = mcn_synthetic::Counts::NATIONAL.scaled(1, 100);
    let network = Network::new(mcn_synthetic::generate(
        2,
        mcn_synthetic::Scale::Custom(counts),
        to,
    ));
    let doc = network.document();
    assert!(doc.registrations.len() + doc.audit_results.len() >= 10_000);
    let findings = network.validate(to);
    let trends = series(
        &network,
        &findings,
        Cadence::Quarterly,
        d(2024, 4, 1),
        to,
        &EvaluationSettings::default(),
    )
    .unwrap();
    assert_eq!(trends.windows.len(), 8);
    let settings = EvaluationSettings {
        window_months: mcn_evaluation::Months::new(3).unwrap(),
        ..EvaluationSettings::default()
    };
    for (i, window) in trends.windows.iter().enumerate() {
        let report =
            mcn_evaluation::evaluate(&network, &findings, window.end().unwrap(), &settings);
        assert_eq!(report.window, *window);
        for (series, indicator) in trends.indicators.iter().zip(&report.indicators) {
            assert_eq!(series.points[i].value, indicator.value, "{}", indicator.id);
        }
    }
}
