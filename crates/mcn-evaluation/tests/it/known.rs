//! As known on a date: a report as of `D` reads nothing that
//! `NetworkDocument::as_known_on(D)` drops, so
//! `evaluate(doc, D) == evaluate(doc.as_known_on(D), D)`.
//!
//! The two documents differ in positions where records were dropped, so
//! the reports are compared with every JSON Pointer replaced by the id of
//! the entity it points at (ids do not move), evidence in id order, and
//! no evidence limit (which items a limit keeps depends on their paths).
//! Both are evaluated with no findings: the figures are compared, not the
//! validation of two different documents.

use std::fmt::Write as _;

use mcn_core::{NaiveDate, Report, strategy as core};
use mcn_evaluation::{EvaluationReport, EvaluationSettings, Months};
use mcn_network::{Network, NetworkDocument, strategy::wired_document};
use proptest::prelude::*;
use serde_json::Value;

/// Replaces every JSON Pointer (`/meetings/3/decisions/0`) in `text` by the
/// id of what it points at in `doc`, when it points at an entity.
fn resolve_pointers(text: &str, doc: &Value) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('/') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '/'))
            .unwrap_or(tail.len());
        let pointer = &tail[..end];
        // An entity by its id; a nested record without one (a version of
        // terms of reference) by its content.
        match doc.pointer(pointer) {
            Some(v) if pointer.len() > 1 && v.is_object() => {
                match v.get("id").and_then(Value::as_str) {
                    Some(id) => {
                        let _ = write!(out, "<{id}>");
                    }
                    None => {
                        let _ = write!(out, "<{v}>");
                    }
                }
            }
            _ => out.push_str(pointer),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// `value` with pointers resolved (see [`resolve_pointers`]), `path` fields
/// removed and evidence sorted by what it is rather than where.
fn normalise(value: &mut Value, doc: &Value) {
    match value {
        Value::String(s) => *s = resolve_pointers(s, doc),
        Value::Array(items) => items.iter_mut().for_each(|v| normalise(v, doc)),
        Value::Object(map) => {
            if let Some(path) = map.remove("path") {
                map.insert(
                    "at".to_owned(),
                    Value::String(resolve_pointers(path.as_str().unwrap_or(""), doc)),
                );
            }
            for v in map.values_mut() {
                normalise(v, doc);
            }
            if let Some(Value::Array(evidence)) = map.get_mut("evidence") {
                evidence.sort_by_key(ToString::to_string);
            }
        }
        _ => {}
    }
}

/// The indicators of `doc` as of `as_of`, normalised for comparison.
fn figures(doc: &NetworkDocument, as_of: NaiveDate, settings: &EvaluationSettings) -> Value {
    let network = Network::borrowed(doc);
    let report: EvaluationReport =
        mcn_evaluation::evaluate(&network, &Report::default(), as_of, settings);
    let mut indicators = serde_json::to_value(&report.indicators).unwrap();
    normalise(&mut indicators, &serde_json::to_value(doc).unwrap());
    indicators
}

/// Checks the property for one document and date, naming the first
/// indicator that differs.
fn assert_known(doc: &NetworkDocument, as_of: NaiveDate, settings: &EvaluationSettings) {
    let full = figures(doc, as_of, settings);
    let known = figures(&doc.as_known_on(as_of), as_of, settings);
    if full != known {
        for (a, b) in full
            .as_array()
            .unwrap()
            .iter()
            .zip(known.as_array().unwrap())
        {
            assert!(
                a == b,
                "{} reads something not known on {as_of}:\n{}\n{}",
                a["id"],
                first_difference(a, b),
                first_difference(b, a)
            );
        }
    }
}

/// The first part of `a` not in `b`, for a short message.
fn first_difference(a: &Value, b: &Value) -> String {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => x
            .iter()
            .find(|(k, v)| y.get(*k) != Some(*v))
            .map_or_else(String::new, |(k, v)| {
                format!(
                    "{k}: {}",
                    y.get(k)
                        .map_or_else(|| v.to_string(), |w| first_difference(v, w))
                )
            }),
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .find(|(v, w)| v != w)
            .map_or_else(String::new, |(v, w)| first_difference(v, w)),
        _ => a.to_string().chars().take(400).collect(),
    }
}

fn settings(months: u32) -> EvaluationSettings {
    EvaluationSettings {
        window_months: Months::new(months).unwrap(),
        evidence_limit: None,
        ..EvaluationSettings::default()
    }
}

#[test]
fn the_example_as_known_on_earlier_dates() {
    let doc = crate::example::network().document().clone();
    for (y, m, d) in [
        (2024, 12, 31),
        (2025, 6, 30),
        (2025, 11, 1),
        (2026, 3, 31),
        (2026, 11, 1),
    ] {
        let as_of = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_known(&doc, as_of, &settings(12));
        assert_known(&doc, as_of, &settings(3));
    }
}

#[test]
fn a_synthetic_network_as_known_on_earlier_dates() {
    let generated_on = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    let doc = mcn_synthetic::generate(3, mcn_synthetic::Scale::Small, generated_on);
    for as_of in [
        NaiveDate::from_ymd_opt(2024, 9, 30).unwrap(),
        NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
        generated_on,
    ] {
        assert_known(&doc, as_of, &settings(12));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn a_report_reads_only_what_was_known(
        document in wired_document(),
        as_of in core::date(),
        months in prop_oneof![Just(1_u32), Just(3), Just(12), 1_u32..=120],
    ) {
        assert_known(&document, as_of, &settings(months));
    }
}
