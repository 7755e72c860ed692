//! Properties on arbitrary documents (`mcn_network::strategy::wired_document`:
//! references resolve, dangle or point at the wrong kind): `evaluate` never
//! panics, is deterministic, every share is a proportion from 0 to 1, every
//! indicator of the catalogue is there, evidence is sorted and limited, and
//! every rendering works (the HTML well-formed).

use mcn_core::{NaiveDate, strategy as core};
use mcn_evaluation::{CATALOGUE, EvaluationSettings, Months, Value, render};

use crate::evaluate;
use mcn_network::{Network, strategy::wired_document};
use proptest::prelude::*;

use crate::html_check::check;

/// A share's parts are consistent: numerator ≤ denominator and the proportion,
/// when present, is numerator / denominator in [0, 1].
fn assert_share(value: &Value, what: &str) {
    let (parts, proportion) = match value {
        Value::Proportion {
            numerator,
            denominator,
            proportion,
        } => ((*numerator, *denominator), proportion),
        Value::WteProportion {
            numerator,
            denominator,
            proportion,
        } => (
            (
                u64::from(numerator.hundredths()),
                u64::from(denominator.hundredths()),
            ),
            proportion,
        ),
        _ => return,
    };
    let (numerator, denominator) = parts;
    assert!(
        numerator <= denominator,
        "{what}: {numerator} > {denominator}"
    );
    assert_eq!(proportion.is_some(), denominator > 0, "{what}");
    if let Some(p) = proportion {
        assert!((0.0..=1.0).contains(&p.value()), "{what}: {}", p.value());
    }
}

fn settings() -> impl Strategy<Value = EvaluationSettings> {
    (1_u32..=120, prop::option::of(0_u32..5)).prop_map(|(months, limit)| EvaluationSettings {
        window_months: Months::new(months).unwrap(),
        evidence_limit: limit,
        ..EvaluationSettings::default()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn evaluate_never_panics_and_shares_are_proportions(
        document in wired_document(),
        as_of in core::date(),
        settings in settings(),
    ) {
        let network = Network::new(document);
        let report = evaluate(&network, as_of, &settings);
        let ids: Vec<&str> = report.indicators.iter().map(|i| i.id.as_str()).collect();
        let catalogue: Vec<&str> = CATALOGUE.iter().map(|s| s.id).collect();
        prop_assert_eq!(ids, catalogue);
        for indicator in &report.indicators {
            assert_share(&indicator.value, &indicator.id);
            if indicator.value.is_proportion() && indicator.value.number().is_none() {
                prop_assert_eq!(indicator.rag, None);
            }
            for breakdown in &indicator.breakdowns {
                for row in &breakdown.rows {
                    prop_assert_eq!(row.cells.len(), breakdown.columns.len());
                    for cell in &row.cells {
                        assert_share(cell, &format!("{} {} {}", indicator.id, breakdown.id, row.key));
                    }
                }
            }
            prop_assert!(indicator.evidence.windows(2).all(|w| w[0].path < w[1].path));
            if let Some(limit) = settings.evidence_limit {
                prop_assert!(indicator.evidence.len() <= limit as usize);
            } else {
                prop_assert_eq!(indicator.evidence_omitted, 0);
            }
        }
        prop_assert_eq!(&evaluate(&network, as_of, &settings), &report);
        prop_assert!(check(&render::html(&report)).is_ok(), "{:?}", check(&render::html(&report)));
        let _ = render::markdown(&report);
        let _ = render::text(&report);
    }

    #[test]
    fn comparing_two_dates_never_panics(
        document in wired_document(),
        a in core::date(),
        b in core::date(),
    ) {
        let network = Network::new(document);
        let settings = EvaluationSettings::default();
        let (before, after) = (evaluate(&network, a, &settings), evaluate(&network, b, &settings));
        let comparison = mcn_evaluation::compare(&before, &after);
        prop_assert_eq!(comparison.changes.len(), CATALOGUE.len());
        let report = after.with_comparison(&before);
        prop_assert!(check(&render::html(&report)).is_ok());
        let _ = NaiveDate::MIN;
    }
}
