//! Each indicator's description next to the evidence it computed for the
//! example network, in one snapshot (`snapshots/it__review__*.snap`): read
//! it to check that what each definition says is what the code counted
//! (window membership, numerator, denominator, the dates read).

use std::fmt::Write as _;

use mcn_evaluation::{CATALOGUE, render};

/// How many evidence items are shown per indicator.
const SHOWN: usize = 6;

#[test]
fn every_description_next_to_its_evidence() {
    let report = crate::example::report();
    let mut out = String::new();
    for indicator in &report.indicators {
        let _ = writeln!(out, "## {} ({})\n", indicator.title, indicator.id);
        let _ = writeln!(out, "Says: {}\n", indicator.definition);
        let _ = writeln!(
            out,
            "Figure: {} {}; rating {}",
            indicator.value,
            indicator.unit,
            indicator
                .rag
                .map_or_else(|| "none".to_owned(), |r| format!("{r:?}").to_lowercase())
        );
        if let Some(basis) = &indicator.basis {
            let _ = writeln!(out, "Basis: {basis}");
        }
        if let Some(rate) = &indicator.rate {
            let _ = writeln!(out, "Rate: {rate}");
        }
        let total = indicator.evidence.len() as u64 + indicator.evidence_omitted;
        let _ = writeln!(out, "Evidence: {total}");
        for item in indicator.evidence.iter().take(SHOWN) {
            let _ = writeln!(
                out,
                "- {} {}: {}",
                item.path,
                item.label,
                item.note.as_deref().unwrap_or("")
            );
        }
        let _ = writeln!(out);
    }
    insta::assert_snapshot!("description_next_to_evidence", out);
}

#[test]
fn every_indicator_says_which_dates_it_reads() {
    for spec in CATALOGUE {
        assert!(!spec.reads.is_empty(), "{}", spec.id);
        assert!(spec.definition.ends_with('.'), "{}", spec.id);
        assert!(spec.described().contains("Dates read: "), "{}", spec.id);
    }
    // And the reports show it.
    let report = crate::example::report();
    assert!(render::markdown(&report).contains("Dates read: audit results' submitted\\_on"));
}
