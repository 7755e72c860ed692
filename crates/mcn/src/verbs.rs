//! The top-level verbs that are not the owning crate's own function: one
//! line each over the crates that do the work (`evaluate` and `compare` are
//! re-exported as they are).

use mcn_core::{NaiveDate, Report};
use mcn_evaluation::{EvaluationReport, render::Format};
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
/// finding. Run it once and hand the report to [`evaluate`](crate::evaluate).
#[must_use]
pub fn validate(network: &Network, as_of: NaiveDate) -> Report {
    network.validate(as_of)
}

/// `report` as text, markdown, one self-contained HTML page or JSON.
pub fn render(report: &EvaluationReport, format: Format) -> Result<String, Error> {
    mcn_evaluation::render::to_string(report, format).map_err(Error::Render)
}
