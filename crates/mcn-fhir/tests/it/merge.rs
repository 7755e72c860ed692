//! Imported organisations merged into a document by ODS code (the merge itself
//! is `mcn_network`'s and tested there; these check import and merge together).

use mcn_fhir::{ExportOptions, export, import_organisations};
use mcn_network::Network;
use mcn_organisations::OrganisationKind;
use serde_json::json;

use crate::fixture::{self, uuid};

fn exported() -> serde_json::Value {
    serde_json::to_value(export(
        &fixture::network(),
        fixture::as_of(),
        &ExportOptions::default(),
    ))
    .unwrap()
}

#[test]
fn merging_a_document_s_own_export_changes_nothing() {
    let mut document = fixture::document();
    let imported = import_organisations(exported().to_string().as_bytes()).unwrap();
    let summary = document.merge_organisations(imported.organisations);
    assert_eq!(document, fixture::document());
    assert_eq!(summary.unchanged.len(), 7);
    assert!(summary.added.is_empty() && summary.updated.is_empty() && summary.left.is_empty());
}

#[test]
fn matches_by_ods_code_keep_the_document_id_and_known_kind() {
    let mut bundle = exported();
    // The trust comes back under a foreign id, renamed, with an unmapped type
    // and a new company number; the site points at it by that foreign id.
    let trust = &mut bundle["entry"][1];
    assert_eq!(trust["resource"]["name"], "Testvale NHS Foundation Trust");
    trust["fullUrl"] = json!("https://directory.example/Organization/XT1");
    trust["resource"]["id"] = json!("XT1");
    trust["resource"]["name"] = json!("Testvale Teaching Hospitals NHS Foundation Trust");
    trust["resource"]["type"] = json!([{"text": "NHS trust"}]);
    trust["resource"]["identifier"]
        .as_array_mut()
        .unwrap()
        .push(json!({"system": "https://org-id.guide/list/GB-COH", "value": "87654321"}));
    bundle["entry"][2]["resource"]["partOf"] = json!({"reference": "Organization/XT1"});
    let imported = import_organisations(bundle.to_string().as_bytes()).unwrap();
    let foreign_id = imported.organisations[0].id;
    assert_ne!(foreign_id.to_string(), uuid(2, 1));

    let mut document = fixture::document();
    let summary = document.merge_organisations(imported.organisations);
    let trust_id = uuid(2, 1).parse().unwrap();
    assert_eq!(summary.updated, [trust_id]);
    assert_eq!(
        summary.unchanged.len(),
        6,
        "the site's parent maps back to the trust"
    );
    assert!(summary.added.is_empty() && summary.left.is_empty());
    let trust = &document.organisations[0];
    assert_eq!(trust.id, trust_id);
    assert_eq!(
        trust.name.as_str(),
        "Testvale Teaching Hospitals NHS Foundation Trust"
    );
    assert_eq!(
        trust.kind,
        OrganisationKind::NhsFoundationTrust,
        "kept: the import only knew `other`"
    );
    assert_eq!(trust.identifiers.len(), 2);
    assert_eq!(document.organisations[1].part_of, Some(trust_id));
}

#[test]
fn unmatched_organisations_are_added_and_the_rest_left() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/fhir/import-organisations.json"
    );
    let imported = import_organisations(&std::fs::read(path).unwrap()).unwrap();
    let new_ids: Vec<_> = imported.organisations.iter().map(|o| o.id).collect();
    let mut document = fixture::document();
    let summary = document.merge_organisations(imported.organisations);
    assert_eq!(summary.added, new_ids);
    assert_eq!(summary.left.len(), 7);
    assert!(summary.updated.is_empty() && summary.unchanged.is_empty());
    assert_eq!(document.organisations.len(), 11);
    // The site's parent is the added trust.
    assert_eq!(document.organisations[8].part_of, Some(new_ids[0]));
    // The one error left: the trust came in as kind `other` with no sector,
    // which the user must now state.
    let report = Network::new(document).validate(fixture::as_of());
    let errors: Vec<_> = report
        .findings()
        .iter()
        .filter(|f| f.severity == mcn_core::Severity::Error)
        .map(|f| (f.code.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(
        errors,
        [(
            "organisations.organisation.sector_missing",
            "/organisations/7"
        )]
    );
}
