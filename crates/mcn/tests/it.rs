//! The facade as an embedder meets it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::error::Error as _;

use mcn::{EvaluationReport, EvaluationSettings, Format, NaiveDate, Network, NetworkDocument};

const EXAMPLE: &[u8] = include_bytes!("../../../docs/examples/example-network.json");

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

#[test]
fn the_documented_path_runs_the_rules_once_and_copies_nothing() {
    let document = NetworkDocument::from_json(EXAMPLE).unwrap();
    let network = Network::borrowed(&document);
    assert!(std::ptr::eq(network.document(), &raw const document));

    let runs = mcn::network::rule_runs_on_this_thread();
    let findings = mcn::validate(&network, as_of());
    let report = mcn::evaluate(&network, &findings, as_of(), &EvaluationSettings::default());
    assert_eq!(mcn::network::rule_runs_on_this_thread() - runs, 1);

    assert!(!findings.has_errors());
    assert_eq!(
        report.validation.warnings,
        u64::try_from(findings.warnings().count()).unwrap()
    );
    assert!(std::ptr::eq(network.document(), &raw const document));
}

#[test]
fn load_indexes_what_it_parsed() {
    let network = mcn::load(EXAMPLE).unwrap();
    let document = network.document();
    let first = document.organisations.first().unwrap();
    assert_eq!(network.organisation(first.id), Some(first));
    assert_eq!(*document, NetworkDocument::from_json(EXAMPLE).unwrap());
}

#[test]
fn a_load_error_is_the_load_error_with_its_cause_printed_once() {
    let json = br#"{"schema_version": "1.0", "network": {"id": "not-a-uuid", "name": "N"}}"#;
    let error = mcn::load(json).unwrap_err();
    let inner = NetworkDocument::from_json(json).unwrap_err();
    assert!(matches!(error, mcn::Error::Load(_)));
    assert_eq!(error.to_string(), inner.to_string());
    assert!(error.to_string().contains("/network/id"), "{error}");
    // Walking the chain never repeats a message already printed.
    let mut printed = vec![error.to_string()];
    let mut cause = error.source();
    while let Some(next) = cause {
        let message = next.to_string();
        assert!(
            printed.iter().all(|p| !p.contains(&message)),
            "{message:?} was already printed in {printed:?}"
        );
        printed.push(message);
        cause = next.source();
    }
}

#[test]
fn render_gives_every_format_and_json_reads_back() {
    let network = mcn::load(EXAMPLE).unwrap();
    let findings = mcn::validate(&network, as_of());
    let report = mcn::evaluate(&network, &findings, as_of(), &EvaluationSettings::default());
    let text = mcn::render(&report, Format::Text).unwrap();
    let markdown = mcn::render(&report, Format::Markdown).unwrap();
    let html = mcn::render(&report, Format::Html).unwrap();
    let json = mcn::render(&report, Format::Json).unwrap();
    // Each names the network (HTML escapes its apostrophe).
    let name = report.network.name.as_str();
    for rendered in [&text, &markdown, &json] {
        assert!(rendered.contains(name), "{rendered:.200}");
    }
    assert!(html.contains(&name.replace('\'', "&#39;")), "{html:.200}");
    assert!(markdown.starts_with("# "));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(json.ends_with("}\n"));
    let back: EvaluationReport = serde_json::from_str(&json).unwrap();
    // Each indicator reads back with the figure it was written with (to the
    // precision a report shows: serde_json's float parsing is not exact).
    let shown = |r: &EvaluationReport| -> Vec<(String, String)> {
        r.indicators
            .iter()
            .map(|i| (i.id.clone(), i.value.to_string()))
            .collect()
    };
    assert_eq!(shown(&back), shown(&report));
}

#[test]
fn compare_reads_two_reports_of_one_network() {
    let network = mcn::load(EXAMPLE).unwrap();
    let settings = EvaluationSettings::default();
    let at =
        |day: NaiveDate| mcn::evaluate(&network, &mcn::validate(&network, day), day, &settings);
    let earlier = at(NaiveDate::from_ymd_opt(2025, 11, 1).unwrap());
    let later = at(as_of());
    let same = mcn::compare(&later, &later);
    assert_eq!(same.counts.improved + same.counts.worsened, 0);
    let changed = mcn::compare(&earlier, &later);
    assert!(changed.counts.improved + changed.counts.worsened > 0);
}

#[cfg(feature = "fhir")]
#[test]
fn fhir_errors_convert_to_the_facade_error() {
    fn import(bytes: &[u8]) -> Result<mcn::fhir::Import, mcn::Error> {
        Ok(mcn::fhir::import_organisations(bytes)?)
    }
    let error = import(b"[1, 2]").unwrap_err();
    assert!(matches!(error, mcn::Error::FhirImport(_)), "{error:?}");
}

#[cfg(feature = "schema")]
#[test]
fn schemas_are_reachable_through_the_facade() {
    let names: Vec<&str> = mcn::schema::document_types()
        .iter()
        .map(mcn::schema::DocumentType::name)
        .collect();
    assert!(names.contains(&"network-document"), "{names:?}");
}

#[cfg(feature = "csv")]
#[test]
fn spreadsheets_round_trip_through_the_facade() {
    fn round_trip(document: &NetworkDocument) -> Result<NetworkDocument, mcn::Error> {
        let files: Vec<(String, Vec<u8>)> = mcn::csv::export(document)?
            .into_iter()
            .map(|t| (t.table.file_name(), t.text.into_bytes()))
            .collect();
        Ok(mcn::csv::import(&files, None)?.document)
    }
    let document = NetworkDocument::from_json(EXAMPLE).unwrap();
    assert_eq!(round_trip(&document).unwrap(), document);
    let error = mcn::csv::import(&[("people.csv".to_owned(), b"x\n".to_vec())], None)
        .map_err(mcn::Error::from)
        .unwrap_err();
    assert!(matches!(error, mcn::Error::CsvImport(_)), "{error:?}");
}
