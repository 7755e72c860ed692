//! The shipped example network (`docs/examples/example-network.json`) as of
//! its reference date: snapshots of the JSON report and the markdown paper.

use std::path::Path;

use mcn_core::NaiveDate;
use mcn_evaluation::{EvaluationReport, EvaluationSettings, render};

use crate::evaluate;
use mcn_network::{Network, NetworkDocument};

/// The example's reference date.
pub(crate) fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

pub(crate) fn network() -> Network<'static> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/example-network.json");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Network::new(NetworkDocument::from_json(&bytes).unwrap())
}

pub(crate) fn report() -> EvaluationReport {
    evaluate(&network(), as_of(), &EvaluationSettings::default())
}

#[test]
fn json_report() {
    insta::assert_json_snapshot!("example_network_report", report());
}

#[test]
fn markdown_paper() {
    insta::assert_snapshot!("example_network_markdown", render::markdown(&report()));
}
