//! The exported bundles validate against the official FHIR R4 JSON Schema
//! (`fhir-r4/fhir.schema.json`, draft-06; see `fhir-r4/PROVENANCE.md`).

use std::sync::LazyLock;

use jsonschema::Validator;
use mcn_fhir::{ExportOptions, export};
use serde_json::{Value, json};

use crate::fixture;

fn schema() -> &'static Value {
    static SCHEMA: LazyLock<Value> = LazyLock::new(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/it/fhir-r4/fhir.schema.json"
        );
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {path}: {e}"));
        serde_json::from_slice(&bytes).unwrap()
    });
    &SCHEMA
}

fn validator() -> &'static Validator {
    static VALIDATOR: LazyLock<Validator> = LazyLock::new(|| {
        assert_eq!(
            schema()["$schema"],
            "http://json-schema.org/draft-06/schema#"
        );
        jsonschema::draft6::new(schema()).expect("the FHIR schema compiles as draft-06")
    });
    &VALIDATOR
}

/// The schema's errors for `resource`, checked against its own type's
/// definition only (the whole schema's `oneOf` over every resource type only
/// says "not valid under any of the schemas").
fn errors_as(resource: &Value) -> Vec<String> {
    let kind = resource["resourceType"].as_str().unwrap_or("?");
    let narrowed = json!({
        "$ref": format!("#/definitions/{kind}"),
        "definitions": schema()["definitions"].clone(),
    });
    let validator = jsonschema::draft6::new(&narrowed).unwrap();
    validator
        .iter_errors(resource)
        .map(|e| format!("{kind} {}: {e}", e.instance_path()))
        .collect()
}

/// Panics with readable messages unless `resource` (a bundle or a single
/// resource) conforms.
pub(crate) fn assert_conforms(resource: &Value) {
    if validator().is_valid(resource) {
        return;
    }
    let mut errors = Vec::new();
    for entry in resource["entry"].as_array().into_iter().flatten() {
        errors.extend(errors_as(&entry["resource"]));
    }
    if errors.is_empty() {
        errors = errors_as(resource);
    }
    panic!("not valid FHIR R4:\n{}", errors.join("\n"));
}

fn bundle_json(options: ExportOptions) -> Value {
    serde_json::to_value(export(&fixture::network(), fixture::as_of(), &options)).unwrap()
}

#[test]
fn fixture_exports_conform_with_and_without_options() {
    for personal in [false, true] {
        for measures in [false, true] {
            let options = ExportOptions::default()
                .with_personal_data(personal)
                .with_measures(measures);
            assert_conforms(&bundle_json(options));
        }
    }
}

#[test]
fn an_empty_network_exports_a_conforming_bundle() {
    let document = mcn_network::NetworkDocument::from_json(
        br#"{"schema_version": "1.0", "network": {"id": "00000000-0000-0000-0001-000000000001", "name": "Empty"}}"#,
    )
    .unwrap();
    let bundle = export(
        &mcn_network::Network::new(document),
        fixture::as_of(),
        &ExportOptions::default().with_measures(true),
    );
    assert_eq!(bundle.entry.len(), 1, "the network's own Organization");
    assert_conforms(&serde_json::to_value(bundle).unwrap());
}

#[test]
fn the_schema_check_can_fail() {
    let mut bundle = bundle_json(ExportOptions::default().with_measures(true));
    assert!(validator().is_valid(&bundle));
    let pristine = bundle.clone();
    // A boolean written as a string.
    bundle["entry"][1]["resource"]["active"] = json!("yes");
    assert!(!validator().is_valid(&bundle));
    assert!(
        errors_as(&bundle["entry"][1]["resource"])
            .iter()
            .any(|e| e.contains("/active"))
    );
    // An element R4 does not have.
    let mut bundle = pristine.clone();
    bundle["entry"][1]["resource"]["successor"] = json!("x");
    assert!(!validator().is_valid(&bundle));
    // A MeasureReport without its required period.
    let mut bundle = pristine;
    let report = bundle["entry"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["resource"]["resourceType"] == "MeasureReport")
        .unwrap();
    report["resource"].as_object_mut().unwrap().remove("period");
    assert!(!validator().is_valid(&bundle));
}

/// The other networks checked: the shipped example and a synthetic one.
pub(crate) fn other_networks() -> Vec<(
    &'static str,
    mcn_network::NetworkDocument,
    mcn_core::NaiveDate,
)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/example-network.json"
    );
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    let example = mcn_network::NetworkDocument::from_json(&bytes).unwrap();
    let as_of = mcn_testkit::example::AS_OF;
    let synthetic = mcn_synthetic::generate(7, mcn_synthetic::Scale::Small, as_of);
    vec![
        ("example network", example, as_of),
        ("synthetic small network", synthetic, as_of),
    ]
}

#[test]
fn the_example_and_a_synthetic_network_export_conforming_bundles() {
    for (name, document, as_of) in other_networks() {
        assert!(
            document.organisations.len() > 10 && !document.audit_results.is_empty(),
            "{name}"
        );
        let network = mcn_network::Network::new(document);
        for personal in [false, true] {
            let options = ExportOptions::default()
                .with_personal_data(personal)
                .with_measures(true);
            let bundle = serde_json::to_value(export(&network, as_of, &options)).unwrap();
            let entries = bundle["entry"].as_array().unwrap().len();
            assert!(entries > 100, "{name}: only {entries} entries");
            assert_conforms(&bundle);
        }
    }
}

#[test]
fn the_committed_example_bundle_is_fresh() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/fhir/example-network.bundle.json"
    );
    let committed: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let (_, document, as_of) = other_networks().swap_remove(0);
    let exported = serde_json::to_value(export(
        &mcn_network::Network::new(document),
        as_of,
        &ExportOptions::default().with_measures(true),
    ))
    .unwrap();
    assert!(
        committed == exported,
        "docs/examples/fhir/example-network.bundle.json is stale: regenerate it with\n  \
         cargo run -p mcn-cli -- fhir export docs/examples/example-network.json \
         --as-of 2026-11-01 --measures -o docs/examples/fhir/example-network.bundle.json"
    );
    assert_conforms(&committed);
}
