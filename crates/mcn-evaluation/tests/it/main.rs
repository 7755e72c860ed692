//! Integration tests for mcn-evaluation.
#![recursion_limit = "512"]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::float_cmp,
    clippy::too_many_lines,
    clippy::unnecessary_wraps
)]

mod behaviour;
mod comparable;
mod compare;
mod example;
mod expected;
mod fixture;
mod html;
mod html_check;
mod known;
mod props;
mod review;
mod series;
mod windows;

use mcn_core::NaiveDate;
use mcn_evaluation::{EvaluationReport, EvaluationSettings};
use mcn_network::Network;

/// The pipeline every test runs: validate once as of `as_of`, then evaluate
/// with those findings.
fn evaluate(
    network: &Network,
    as_of: NaiveDate,
    settings: &EvaluationSettings,
) -> EvaluationReport {
    mcn_evaluation::evaluate(network, &network.validate(as_of), as_of, settings)
}
