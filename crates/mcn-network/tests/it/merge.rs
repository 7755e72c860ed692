//! `NetworkDocument::merge_organisations`: matching by ODS code, else by id,
//! and what a match takes from the imported organisation.

use mcn_core::id::OrganisationId;
use mcn_network::{MergeSummary, NetworkDocument};
use mcn_organisations::{Organisation, OrganisationKind};
use serde_json::{Value, json};

use crate::fixture::{self, ids, uuid};

fn clean() -> NetworkDocument {
    let mut value = fixture::clean();
    value["localities"] = json!([
        {"id": uuid(12, 1), "name": "Testvale", "kind": "region"}
    ]);
    fixture::document(&value)
}

fn organisation(value: &Value) -> Organisation {
    serde_json::from_value(value.clone()).unwrap()
}

fn id(text: &str) -> OrganisationId {
    text.parse().unwrap()
}

#[test]
fn the_document_s_own_organisations_change_nothing() {
    let mut document = clean();
    let imported = document.organisations.clone();
    let summary = document.merge_organisations(imported);
    assert_eq!(document, clean());
    assert_eq!(summary.unchanged, [id(&ids::trust()), id(&ids::hospice())]);
    assert!(summary.added.is_empty() && summary.updated.is_empty() && summary.left.is_empty());
    assert!(summary.notes.is_empty());
}

#[test]
fn a_match_by_ods_code_keeps_the_document_id_and_a_better_kind() {
    let mut document = clean();
    // The trust under a foreign id, renamed, kind unknown to the import, with
    // its ODS code in lower case, a company number and a site pointing at it.
    let trust = organisation(&json!({
        "id": uuid(13, 1), "name": "Testvale Teaching Hospitals", "kind": "other",
        "identifiers": [{"system": "ods", "value": "xt1"},
                        {"system": "companies_house", "value": "87654321"}]
    }));
    let site = organisation(&json!({
        "id": uuid(13, 2), "name": "Testvale Children's Centre", "kind": "other",
        "sector": "nhs", "part_of": uuid(13, 1)
    }));
    let summary = document.merge_organisations(vec![trust, site]);
    let trust_id = id(&ids::trust());
    assert_eq!(summary.updated, [trust_id]);
    assert_eq!(summary.added, [id(&uuid(13, 2))]);
    assert_eq!(summary.left, [id(&ids::hospice())]);
    let trust = &document.organisations[0];
    assert_eq!(trust.id, trust_id);
    assert_eq!(trust.name.as_str(), "Testvale Teaching Hospitals");
    assert_eq!(
        trust.kind,
        OrganisationKind::NhsFoundationTrust,
        "kept: the import only knew `other`"
    );
    let identifiers: Vec<String> = trust.identifiers.iter().map(ToString::to_string).collect();
    assert_eq!(identifiers, ["ods:XT1", "companies_house:87654321"]);
    assert_eq!(
        document.organisations[2].part_of,
        Some(trust_id),
        "the added site's parent is mapped to the document's id"
    );
}

#[test]
fn a_match_by_id_takes_a_stated_kind_and_sector() {
    let mut document = clean();
    let hospice = organisation(&json!({
        "id": ids::hospice(), "name": "Harbour Children's Hospice", "kind": "charity",
        "sector": "voluntary",
        "identifiers": [{"system": "charity_england_wales", "value": "7654321"}],
        "localities": [uuid(12, 1), uuid(12, 9)]
    }));
    let summary = document.merge_organisations(vec![hospice]);
    assert_eq!(summary.updated, [id(&ids::hospice())]);
    assert_eq!(summary.left, [id(&ids::trust())]);
    let hospice = &document.organisations[1];
    assert_eq!(hospice.kind, OrganisationKind::Charity);
    assert!(hospice.sector.is_some());
    assert_eq!(hospice.identifiers.len(), 1, "replaced in the same system");
    assert_eq!(hospice.localities, [uuid(12, 1).parse().unwrap()]);
    assert_eq!(
        summary.notes,
        [format!(
            "\"Harbour Children's Hospice\" ({}): 1 locality not in the document left out",
            ids::hospice()
        )]
    );
}

#[test]
fn an_organisation_matched_twice_takes_the_last_and_says_so() {
    let mut document = clean();
    let first = organisation(&json!({
        "id": uuid(13, 1), "name": "First", "kind": "nhs_foundation_trust",
        "identifiers": [{"system": "ods", "value": "XT1"}]
    }));
    let second = organisation(&json!({
        "id": uuid(13, 2), "name": "Second", "kind": "nhs_foundation_trust",
        "identifiers": [{"system": "ods", "value": "XT1"}]
    }));
    let summary = document.merge_organisations(vec![first, second]);
    assert_eq!(document.organisations[0].name.as_str(), "Second");
    assert_eq!(summary.updated, [id(&ids::trust()), id(&ids::trust())]);
    assert_eq!(
        summary.notes,
        [format!(
            "\"First\" ({}) was matched by more than one imported organisation: the last one counts",
            ids::trust()
        )]
    );
}

#[test]
fn the_summary_serialises_as_lists_of_ids() {
    let summary = MergeSummary::default();
    assert_eq!(
        serde_json::to_value(&summary).unwrap(),
        json!({"added": [], "updated": [], "unchanged": [], "left": [], "notes": []})
    );
}
