//! The top-level verbs: one line each over the crates that do the work.

use mcn_core::{NaiveDate, Report};
use mcn_evaluation::{Comparison, EvaluationReport, EvaluationSettings, render::Format};
use mcn_network::{Network, NetworkDocument};

use crate::Error;

/// Parses a network document from JSON and indexes it.
///
/// A document that cannot be read is an [`Error::Load`] naming the JSON
/// Pointer, line and column of the problem (an unsupported
/// `schema_version` is reported before anything else). Problems between
/// entities are not errors here: they are findings of [`validate`].
pub fn load(json: &[u8]) -> Result<Network<'static>, Error> {
    Ok(Network::new(NetworkDocument::from_json(json)?))
}

/// Every rule of every domain and every cross-entity rule, as of `as_of`:
/// the findings, sorted by path then code. Never fails: every problem is a
/// finding. Run it once and hand the report to [`evaluate`].
#[must_use]
pub fn validate(network: &Network, as_of: NaiveDate) -> Report {
    network.validate(as_of)
}

/// Every indicator as of `as_of`, with `findings` (the [`validate`] report as
/// of the same date) counted; the rules are not run again.
#[must_use]
pub fn evaluate(
    network: &Network,
    findings: &Report,
    as_of: NaiveDate,
    settings: &EvaluationSettings,
) -> EvaluationReport {
    mcn_evaluation::evaluate(network, findings, as_of, settings)
}

/// What changed between two reports: improved, worsened or unchanged for
/// each indicator, by its direction.
#[must_use]
pub fn compare(before: &EvaluationReport, after: &EvaluationReport) -> Comparison {
    mcn_evaluation::compare(before, after)
}

/// `report` as text, markdown, one self-contained HTML page or JSON.
pub fn render(report: &EvaluationReport, format: Format) -> Result<String, Error> {
    mcn_evaluation::render::to_string(report, format).map_err(Error::Render)
}
