//! What the export contains: required elements and codes, references that
//! resolve inside the bundle, and how each entity maps.

use std::collections::{BTreeMap, BTreeSet};

use mcn_fhir::{ExportOptions, export};
use serde_json::{Value, json};

use crate::fixture::{self, uuid};

fn bundle(options: ExportOptions) -> Value {
    serde_json::to_value(export(&fixture::network(), fixture::as_of(), &options)).unwrap()
}

fn full() -> Value {
    bundle(ExportOptions::default().with_measures(true))
}

fn entries(bundle: &Value) -> &Vec<Value> {
    bundle["entry"].as_array().unwrap()
}

/// The resource of the entry for the entity with this id.
fn resource<'a>(bundle: &'a Value, id: &str) -> &'a Value {
    let url = format!("urn:uuid:{id}");
    &entries(bundle)
        .iter()
        .find(|e| e["fullUrl"] == url)
        .unwrap_or_else(|| panic!("no entry {url}"))["resource"]
}

fn reference(id: &str) -> Value {
    json!(format!("urn:uuid:{id}"))
}

fn codings(concept: &Value) -> Vec<(String, String)> {
    concept["coding"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["system"].as_str().unwrap().to_owned(),
                c["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn has_coding(concept: &Value, system: &str, code: &str) -> bool {
    codings(concept).contains(&(system.to_owned(), code.to_owned()))
}

#[test]
fn one_entry_per_entity_with_stable_full_urls() {
    let bundle = full();
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "collection");
    let document = fixture::document();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut urls = BTreeSet::new();
    for entry in entries(&bundle) {
        let resource = &entry["resource"];
        *counts
            .entry(resource["resourceType"].as_str().unwrap())
            .or_default() += 1;
        let id = resource["id"].as_str().unwrap();
        assert_eq!(entry["fullUrl"], format!("urn:uuid:{id}"));
        assert!(urls.insert(id.to_owned()), "fullUrl {id} repeated");
    }
    let measures: usize = document.standards.iter().map(|s| s.measures.len()).sum();
    let expected = BTreeMap::from([
        ("HealthcareService", document.services.len()),
        ("Location", document.localities.len()),
        ("Measure", measures),
        ("MeasureReport", document.audit_results.len()),
        ("Organization", document.organisations.len() + 1),
        ("OrganizationAffiliation", document.memberships.len()),
        ("Practitioner", document.people.len()),
        ("PractitionerRole", document.appointments.len()),
    ]);
    assert_eq!(counts, expected);
    // Stable: the same input gives the same bytes.
    assert_eq!(full().to_string(), bundle.to_string());
}

#[test]
fn measures_only_on_request() {
    let bundle = bundle(ExportOptions::default());
    assert!(entries(&bundle).iter().all(|e| {
        let kind = &e["resource"]["resourceType"];
        kind != "Measure" && kind != "MeasureReport"
    }));
}

/// Every `reference` string anywhere under `value`.
fn references(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                match (key.as_str(), item) {
                    ("reference", Value::String(text)) => found.push(text.clone()),
                    _ => references(item, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| references(item, found)),
        _ => {}
    }
}

#[test]
fn every_reference_resolves_inside_the_bundle() {
    let bundle = bundle(
        ExportOptions::default()
            .with_measures(true)
            .with_personal_data(true),
    );
    let urls: BTreeSet<&str> = entries(&bundle)
        .iter()
        .map(|e| e["fullUrl"].as_str().unwrap())
        .collect();
    let mut found = Vec::new();
    references(&bundle, &mut found);
    // Canonical references of MeasureReports resolve to a Measure's url.
    let measure_urls: BTreeSet<&str> = entries(&bundle)
        .iter()
        .filter(|e| e["resource"]["resourceType"] == "Measure")
        .map(|e| e["resource"]["url"].as_str().unwrap())
        .collect();
    let mut canonicals = 0;
    for entry in entries(&bundle) {
        if entry["resource"]["resourceType"] == "MeasureReport" {
            assert!(measure_urls.contains(entry["resource"]["measure"].as_str().unwrap()));
            canonicals += 1;
        }
    }
    assert_eq!(canonicals, 3);
    assert!(found.len() > 30, "only {} references", found.len());
    for reference in &found {
        assert!(
            urls.contains(reference.as_str()),
            "{reference} does not resolve"
        );
    }
}

#[test]
fn a_dangling_reference_is_left_out() {
    let mut value = fixture::value();
    // The site's parent and a service's provider point at nothing.
    value["organisations"][1]["part_of"] = json!(uuid(2, 99));
    value["services"][0]["provider"] = json!(uuid(2, 98));
    let document = mcn_network::NetworkDocument::from_json(value.to_string().as_bytes()).unwrap();
    let bundle = serde_json::to_value(export(
        &mcn_network::Network::new(document),
        fixture::as_of(),
        &ExportOptions::default(),
    ))
    .unwrap();
    assert!(resource(&bundle, &uuid(2, 2)).get("partOf").is_none());
    let service = resource(&bundle, &uuid(8, 1));
    assert!(service.get("providedBy").is_none());
    assert_eq!(service["name"], "Testvale palliative care advice line");
    crate::conformance::assert_conforms(&bundle);
}

#[test]
fn organisations_map_identifiers_type_and_hierarchy() {
    let bundle = full();
    let network = resource(&bundle, &uuid(1, 1));
    assert_eq!(network["resourceType"], "Organization");
    assert!(has_coding(
        &network["type"][0],
        "https://mcn.example/fhir/CodeSystem/network-type",
        "managed_clinical_network"
    ));
    let trust = resource(&bundle, &uuid(2, 1));
    assert_eq!(trust["name"], "Testvale NHS Foundation Trust");
    assert_eq!(trust["active"], true);
    assert_eq!(
        trust["identifier"],
        json!([{"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "XT1"}])
    );
    assert!(has_coding(
        &trust["type"][0],
        "https://mcn.example/fhir/CodeSystem/organisation-kind",
        "nhs_foundation_trust"
    ));
    assert!(has_coding(
        &trust["type"][0],
        "http://terminology.hl7.org/CodeSystem/organization-type",
        "prov"
    ));
    let site = resource(&bundle, &uuid(2, 2));
    assert_eq!(site["partOf"]["reference"], reference(&uuid(2, 1)));
    let hospice = resource(&bundle, &uuid(2, 3));
    assert_eq!(
        hospice["identifier"],
        json!([
            {"system": "https://org-id.guide/list/GB-CHC", "value": "1234567"},
            {"system": "https://org-id.guide/list/GB-COH", "value": "01234567"}
        ])
    );
    let forum = resource(&bundle, &uuid(2, 6));
    assert_eq!(forum["type"][0]["text"], "Parent carer forum");
    assert!(has_coding(
        &forum["type"][1],
        "https://mcn.example/fhir/CodeSystem/organisation-sector",
        "voluntary"
    ));
    let merged = resource(&bundle, &uuid(2, 7));
    assert_eq!(merged["active"], false);
    let successor = &merged["extension"][0];
    assert_eq!(
        successor["url"],
        "https://mcn.example/fhir/StructureDefinition/organisation-successor"
    );
    assert_eq!(
        successor["extension"][0]["valueReference"]["reference"],
        reference(&uuid(2, 1))
    );
    assert_eq!(successor["extension"][1]["valueDate"], "2023-04-01");
}

#[test]
fn memberships_are_affiliations_with_the_network() {
    let bundle = full();
    let network = reference(&uuid(1, 1));
    for n in 1..=4 {
        let affiliation = resource(&bundle, &uuid(6, n));
        assert_eq!(affiliation["resourceType"], "OrganizationAffiliation");
        assert_eq!(affiliation["organization"]["reference"], network);
        assert_eq!(affiliation["network"][0]["reference"], network);
        assert!(has_coding(
            &affiliation["code"][0],
            "http://hl7.org/fhir/organization-role",
            "member"
        ));
    }
    let trust = resource(&bundle, &uuid(6, 1));
    assert_eq!(
        trust["participatingOrganization"]["reference"],
        reference(&uuid(2, 1))
    );
    assert_eq!(trust["active"], true);
    assert_eq!(trust["period"], json!({"start": "2024-02-01"}));
    assert!(has_coding(
        &trust["code"][1],
        "https://mcn.example/fhir/CodeSystem/membership-tier",
        "full"
    ));
    // Suspended and reinstated: one period from the first active day, open.
    let hospice = resource(&bundle, &uuid(6, 2));
    assert_eq!(hospice["period"], json!({"start": "2024-02-01"}));
    assert_eq!(hospice["active"], true);
    // Withdrawn: the period ends the day before, inactive on the day.
    let withdrawn = resource(&bundle, &uuid(6, 3));
    assert_eq!(
        withdrawn["period"],
        json!({"start": "2024-03-01", "end": "2025-05-31"})
    );
    assert_eq!(withdrawn["active"], false);
    // Only invited: no period, not active.
    let invited = resource(&bundle, &uuid(6, 4));
    assert!(invited.get("period").is_none());
    assert_eq!(invited["active"], false);
}

#[test]
fn appointments_are_practitioner_roles_at_the_post_host() {
    let bundle = full();
    let ended = resource(&bundle, &uuid(9, 3));
    assert_eq!(ended["resourceType"], "PractitionerRole");
    assert_eq!(ended["practitioner"]["reference"], reference(&uuid(4, 2)));
    assert_eq!(ended["organization"]["reference"], reference(&uuid(2, 3)));
    assert!(has_coding(
        &ended["code"][0],
        "https://mcn.example/fhir/CodeSystem/post-role",
        "chair"
    ));
    assert_eq!(
        ended["period"],
        json!({"start": "2024-02-01", "end": "2025-12-31"})
    );
    assert_eq!(ended["active"], false);
    let coordinator = resource(&bundle, &uuid(9, 1));
    assert_eq!(coordinator["active"], true);
    assert!(has_coding(
        &coordinator["code"][0],
        "https://mcn.example/fhir/CodeSystem/post-role",
        "network_coordinator"
    ));
    let doctor = resource(&bundle, &uuid(4, 1));
    assert!(has_coding(
        &doctor["qualification"][0]["code"],
        "https://mcn.example/fhir/CodeSystem/profession",
        "doctor"
    ));
}

#[test]
fn services_map_hours_coverage_and_provider() {
    let bundle = full();
    let line = resource(&bundle, &uuid(8, 1));
    assert_eq!(line["providedBy"]["reference"], reference(&uuid(2, 1)));
    assert_eq!(
        line["availableTime"],
        json!([{"daysOfWeek": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "allDay": true}])
    );
    assert_eq!(line["coverageArea"][0]["reference"], reference(&uuid(3, 2)));
    assert!(has_coding(
        &line["type"][0],
        "https://mcn.example/fhir/CodeSystem/service-kind",
        "consultant_advice_line"
    ));
    assert_eq!(line["active"], true);
    let nursing = resource(&bundle, &uuid(8, 2));
    assert_eq!(
        nursing["availableTime"],
        json!([
            {"daysOfWeek": ["mon", "tue", "wed", "thu", "fri"],
             "availableStartTime": "08:00:00", "availableEndTime": "20:00:00"},
            {"daysOfWeek": ["sat", "sun"], "allDay": true}
        ])
    );
    assert_eq!(nursing["eligibility"][0]["comment"], "Ages 0–25 years");
    let breaks = resource(&bundle, &uuid(8, 3));
    assert!(breaks.get("availableTime").is_none());
    assert!(
        breaks["availabilityExceptions"]
            .as_str()
            .unwrap()
            .starts_with("Extended hours")
    );
    let ended = resource(&bundle, &uuid(8, 4));
    assert_eq!(ended["active"], false);
    assert_eq!(
        ended["availableTime"],
        json!([{"daysOfWeek": ["mon", "tue", "wed", "thu", "fri"],
                "availableStartTime": "09:00:00", "availableEndTime": "17:00:00"}])
    );
    let place = resource(&bundle, &uuid(3, 3));
    assert_eq!(place["resourceType"], "Location");
    assert_eq!(place["partOf"]["reference"], reference(&uuid(3, 2)));
    assert!(has_coding(
        &place["physicalType"],
        "http://terminology.hl7.org/CodeSystem/location-physical-type",
        "area"
    ));
    assert!(has_coding(
        &place["type"][0],
        "https://mcn.example/fhir/CodeSystem/locality-kind",
        "place"
    ));
}

#[test]
fn measures_carry_status_scoring_and_populations() {
    let bundle = full();
    let statuses: Vec<&str> = (1..=4)
        .map(|n| resource(&bundle, &uuid(7, n))["status"].as_str().unwrap())
        .collect();
    // Endorsed, endorsed, draft, retired on the day.
    assert_eq!(statuses, ["active", "active", "draft", "retired"]);
    let measure = resource(&bundle, &uuid(7, 1));
    assert_eq!(measure["url"], reference(&uuid(7, 1)));
    assert!(has_coding(
        &measure["scoring"],
        "http://terminology.hl7.org/CodeSystem/measure-scoring",
        "proportion"
    ));
    assert!(has_coding(
        &measure["type"][0],
        "http://terminology.hl7.org/CodeSystem/measure-type",
        "structure"
    ));
    let populations = measure["group"][0]["population"].as_array().unwrap();
    let codes: Vec<_> = populations
        .iter()
        .flat_map(|p| codings(&p["code"]))
        .collect();
    let system = "http://terminology.hl7.org/CodeSystem/measure-population".to_owned();
    assert_eq!(
        codes,
        [
            (system.clone(), "numerator".to_owned()),
            (system, "denominator".to_owned())
        ]
    );
    assert_eq!(
        populations[1]["criteria"]["description"],
        "Localities the network covers"
    );
    assert!(
        measure["guidance"]
            .as_str()
            .unwrap()
            .contains("Target: 90 %")
    );
}

#[test]
fn audit_results_are_summary_measure_reports_by_the_reporter() {
    let bundle = full();
    let report = resource(&bundle, &uuid(11, 1));
    assert_eq!(report["status"], "complete");
    assert_eq!(report["type"], "summary");
    assert_eq!(report["measure"], reference(&uuid(7, 1)));
    assert_eq!(report["reporter"]["reference"], reference(&uuid(2, 1)));
    assert!(report.get("subject").is_none());
    assert_eq!(
        report["period"],
        json!({"start": "2025-04-01", "end": "2026-03-31"})
    );
    assert_eq!(report["date"], "2026-04-15");
    let group = &report["group"][0];
    assert_eq!(group["population"][0]["count"], 9);
    assert_eq!(group["population"][1]["count"], 10);
    assert_eq!(group["measureScore"]["value"], 0.9);
    let category = resource(&bundle, &uuid(11, 2));
    assert!(has_coding(
        &category["group"][0]["code"],
        "https://mcn.example/fhir/CodeSystem/condition-category",
        "progressive_without_cure"
    ));
    // No denominator, no score.
    let empty = resource(&bundle, &uuid(11, 3));
    assert!(empty["group"][0].get("measureScore").is_none());
    assert_eq!(empty["group"][0]["population"][1]["count"], 0);
}
