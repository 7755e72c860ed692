//! `mcn fhir export` and `mcn fhir import-organisations`.

use mcn_network::NetworkDocument;
use serde_json::{Value, json};

use crate::support::{TempDir, fixtures, mcn, run_in, run_with_stdin};

const AS_OF: &str = "2025-06-01";

/// The hand-written FHIR bundle in docs/examples/fhir.
fn import_example() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/fhir/import-organisations.json"
    )
    .to_owned()
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap()
}

fn resource_types(bundle: &Value) -> Vec<String> {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["resource"]["resourceType"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn export_writes_a_bundle_without_personal_data_by_default() {
    let run = mcn(&["fhir", "export", "valid.json", "--as-of", AS_OF]);
    run.assert_code(0);
    assert_eq!(run.stderr, "");
    let bundle = json(&run.stdout);
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "collection");
    assert_eq!(
        resource_types(&bundle),
        [
            "Organization",
            "Organization",
            "OrganizationAffiliation",
            "Practitioner",
            "PractitionerRole"
        ]
    );
    assert!(!run.out().contains("Alex Example"));

    let personal = mcn(&[
        "fhir",
        "export",
        "valid.json",
        "--as-of",
        AS_OF,
        "--include-personal-data",
    ]);
    personal.assert_code(0);
    assert!(personal.out().contains("\"text\": \"Alex Example\""));
}

#[test]
fn export_as_of_settles_active_and_o_writes_a_file() {
    let dir = TempDir::new("fhir-export");
    std::fs::copy(fixtures().join("valid.json"), dir.path().join("valid.json")).unwrap();
    let run = run_in(
        dir.path(),
        &[
            "fhir",
            "export",
            "valid.json",
            "--as-of",
            "2023-01-01",
            "-o",
            "bundle.json",
        ],
    );
    run.assert_code(0);
    assert_eq!(run.out(), "");
    let bundle = json(&std::fs::read(dir.path().join("bundle.json")).unwrap());
    let affiliation = &bundle["entry"][2]["resource"];
    assert_eq!(affiliation["resourceType"], "OrganizationAffiliation");
    assert_eq!(
        affiliation["active"], false,
        "not yet a member on 2023-01-01"
    );
    let later = json(&mcn(&["fhir", "export", "valid.json", "--as-of", AS_OF]).stdout);
    assert_eq!(later["entry"][2]["resource"]["active"], true);
}

#[test]
fn export_measures_on_request() {
    let mut document = json(&std::fs::read(fixtures().join("valid.json")).unwrap());
    let measure = "0190f6a4-5b2e-7c3d-9e8f-000000000061";
    document["standards"] = json!([{
        "id": "0190f6a4-5b2e-7c3d-9e8f-000000000060", "code": "NICE-QS160-6",
        "title": "24-hour access", "kind": "quality_statement",
        "source": {"kind": "nice_quality_standard", "reference": "QS160"}, "version": "2017",
        "status": [{"status": "draft", "on": "2024-01-01"}],
        "measures": [{"id": measure, "kind": "structure", "description": "Access",
                      "numerator": "Localities with access", "denominator": "Localities"}]
    }]);
    document["audit_results"] = json!([{
        "id": "0190f6a4-5b2e-7c3d-9e8f-000000000062", "measure": measure,
        "organisation": "0190f6a4-5b2e-7c3d-9e8f-000000000010",
        "period": {"start": "2024-04-01", "end": "2025-03-31"},
        "numerator": 3, "denominator": 4, "submitted_on": "2025-04-10"
    }]);
    let dir = TempDir::new("fhir-measures");
    let file = dir.write("network.json", document.to_string());
    let without = run_in(dir.path(), &["fhir", "export", file, "--as-of", AS_OF]);
    without.assert_code(0);
    assert!(!resource_types(&json(&without.stdout)).contains(&"Measure".to_owned()));
    let with = run_in(
        dir.path(),
        &["fhir", "export", file, "--as-of", AS_OF, "--measures"],
    );
    with.assert_code(0);
    let types = resource_types(&json(&with.stdout));
    assert_eq!(types[types.len() - 2..], ["Measure", "MeasureReport"]);
}

#[test]
fn export_of_an_unusable_document_exits_2() {
    let run = mcn(&["fhir", "export", "unparsable.json"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .starts_with("error: could not load unparsable.json"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn import_prints_organisations_and_warnings() {
    let example = import_example();
    let run = mcn(&["fhir", "import-organisations", &example]);
    run.assert_code(0);
    let organisations = json(&run.stdout);
    let names: Vec<&str> = organisations
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
    assert_eq!(
        organisations[0]["identifiers"],
        json!([{"system": "ods", "value": "RR8"}])
    );
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect();
    assert_eq!(warnings.len(), 10, "{}", run.stderr);
    assert!(
        warnings.iter().any(|w| w.ends_with(
            "/entry/3/resource: organization \"XYZ99\" has no name: not imported (missing_name)"
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("mcn: imported 4 organisations from "),
        "{}",
        run.stderr
    );
}

#[test]
fn import_into_a_document_merges_and_reports() {
    let example = import_example();
    let run = mcn(&[
        "fhir",
        "import-organisations",
        &example,
        "--into",
        "valid.json",
    ]);
    run.assert_code(0);
    let merged = NetworkDocument::from_json(&run.stdout).unwrap();
    assert_eq!(merged.organisations.len(), 5);
    assert!(
        run.stderr
            .contains("  added: 4: \"Leeds Teaching Hospitals NHS Trust\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("  left (in the document, not in the import): 1"),
        "{}",
        run.stderr
    );

    // Into the same file, from standard input.
    let dir = TempDir::new("fhir-import");
    std::fs::copy(
        fixtures().join("valid.json"),
        dir.path().join("network.json"),
    )
    .unwrap();
    let bytes = std::fs::read(&example).unwrap();
    let run = run_with_stdin(
        dir.path(),
        &[
            "fhir",
            "import-organisations",
            "-",
            "--into",
            "network.json",
            "-o",
            "network.json",
        ],
        &bytes,
    );
    run.assert_code(0);
    assert_eq!(run.out(), "");
    let written =
        NetworkDocument::from_json(&std::fs::read(dir.path().join("network.json")).unwrap())
            .unwrap();
    assert_eq!(written, merged);
}

#[test]
fn import_errors_name_the_json_path() {
    let dir = TempDir::new("fhir-bad");
    let file = dir.write(
        "bad.json",
        r#"{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Organization", "name": 3}}]}"#,
    );
    let run = run_in(dir.path(), &["fhir", "import-organisations", file]);
    run.assert_code(2);
    assert!(
        run.stderr.contains(
            "could not import bad.json: /entry/0/resource/name: invalid type: integer `3`"
        ),
        "{}",
        run.stderr
    );
    let missing = run_in(dir.path(), &["fhir", "import-organisations", "nope.json"]);
    missing.assert_code(2);
    assert!(
        missing
            .stderr
            .starts_with("error: could not read nope.json"),
        "{}",
        missing.stderr
    );
}
