//! `evaluate`: every indicator of the catalogue as of a date.

use std::collections::HashMap;

use mcn_core::{NaiveDate, Report, Severity};
use mcn_network::Network;

use crate::{
    EvaluationSettings,
    indicators::{self, Context, Shared},
    report::{DataWarning, EvaluationReport, NetworkSummary, RagSummary, ValidationSummary},
};

/// Evaluates `network` as of `as_of`: every indicator of
/// [`CATALOGUE`](crate::CATALOGUE), in its order, with `findings` — the
/// network's validation report as of the same date — counted.
///
/// The findings are the caller's: a pipeline validates once
/// ([`Network::validate`]) and hands the report here, so the rules never run
/// twice and nothing is copied.
///
/// Pure and deterministic: no clock, no I/O; the same network, findings, date
/// and settings give the same report. Never panics: a document with error
/// findings is still evaluated, and the report's `warning` names the
/// indicators that read a collection with an error.
///
/// ```
/// use mcn_core::NaiveDate;
/// use mcn_evaluation::{EvaluationSettings, evaluate};
/// use mcn_network::{Network, NetworkDocument};
///
/// let json = br#"{"schema_version": "1.0",
///   "network": {"id": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f", "name": "Northvale CPC Network"}}"#;
/// let network = Network::new(NetworkDocument::from_json(json)?);
/// let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
/// let findings = network.validate(as_of);
/// let report = evaluate(&network, &findings, as_of, &EvaluationSettings::default());
/// let coordinator = report.indicator("leadership.coordinator_post").unwrap();
/// assert_eq!(coordinator.value.to_string(), "no");
/// assert_eq!(report.window.to_string(), "2025-11-02 to 2026-11-01");
/// # Ok::<(), mcn_network::LoadError>(())
/// ```
#[must_use]
pub fn evaluate(
    network: &Network,
    findings: &Report,
    as_of: NaiveDate,
    settings: &EvaluationSettings,
) -> EvaluationReport {
    evaluate_shared(network, &Shared::new(network), findings, as_of, settings)
}

/// [`evaluate`] with the date-independent lookups built by the caller (a
/// series builds them once for all its windows).
pub(crate) fn evaluate_shared<'n>(
    network: &'n Network<'n>,
    shared: &'n Shared<'n>,
    findings: &Report,
    as_of: NaiveDate,
    settings: &'n EvaluationSettings,
) -> EvaluationReport {
    let cx = Context::new(network, shared, as_of, settings);
    let mut indicators = indicators::all(&cx);

    // Error findings per top-level collection (`network` for the profile and
    // for findings about the document as a whole).
    let mut errors: HashMap<String, u64> = HashMap::new();
    for finding in findings.errors() {
        let collection = finding
            .path
            .segments()
            .next()
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "network".to_owned());
        *errors.entry(collection).or_default() += 1;
    }
    for indicator in &mut indicators {
        indicator.source_errors = indicator
            .sources
            .iter()
            .filter_map(|source| errors.get(source))
            .sum();
    }
    let validation = ValidationSummary {
        errors: count(findings, Severity::Error),
        warnings: count(findings, Severity::Warning),
        infos: count(findings, Severity::Info),
    };
    let warning = (validation.errors > 0).then(|| {
        let affected: Vec<String> = indicators
            .iter()
            .filter(|i| i.source_errors > 0)
            .map(|i| i.id.clone())
            .collect();
        let mut collections: Vec<&String> = errors.keys().collect();
        collections.sort();
        let collections: Vec<&str> = collections.iter().map(|s| s.as_str()).collect();
        DataWarning {
            message: format!(
                "the document has {} error finding{} (in {}); {} of {} figures read those \
                 collections and may be wrong: run `mcn validate` and fix the errors",
                validation.errors,
                if validation.errors == 1 { "" } else { "s" },
                collections.join(", "),
                affected.len(),
                indicators.len(),
            ),
            affected,
        }
    });
    let doc = network.document();
    EvaluationReport {
        network: NetworkSummary {
            id: doc.network.id,
            name: doc.network.name.to_string(),
        },
        as_of,
        window: cx.window,
        settings: settings.clone(),
        validation,
        warning,
        summary: RagSummary::of(&indicators),
        indicators,
        comparison: None,
    }
}

fn count(findings: &Report, severity: Severity) -> u64 {
    u64::try_from(findings.count(severity)).unwrap_or(u64::MAX)
}
