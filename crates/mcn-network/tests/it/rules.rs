//! Each cross-entity rule triggered and not triggered, on the fixture.

use serde_json::json;

use crate::fixture::{as_of, clean, codes, document, findings, ids, uuid};

#[test]
fn the_fixture_is_clean() {
    assert_eq!(codes(&clean()), Vec::<String>::new());
}

#[test]
fn duplicate_ids_in_any_collection_including_nested() {
    let mut doc = clean();
    let first = doc["people"][0].clone();
    doc["people"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": first["id"], "name": "Someone Else", "profession": "doctor"}));
    let decision = doc["meetings"][0]["decisions"][0].clone();
    doc["meetings"].as_array_mut().unwrap().push(json!({
        "id": uuid(6, 2), "body": ids::board(), "date": "2026-04-01", "format": "virtual", "status": "cancelled",
        "decisions": [decision]
    }));
    let found = findings(&doc);
    assert!(
        found.contains(&("network.id.duplicate".into(), "/people/2/id".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            "network.id.duplicate".into(),
            "/meetings/1/decisions/0/id".into()
        )),
        "{found:?}"
    );
}

#[test]
fn dangling_reference_names_both_ends() {
    let mut doc = clean();
    doc["appointments"][0]["person"] = json!(uuid(3, 99));
    let report = mcn_network::validate(&document(&doc), as_of());
    let finding = report
        .with_code("network.reference.dangling")
        .next()
        .expect("dangling reference reported");
    assert_eq!(finding.path.as_str(), "/appointments/0/person");
    assert!(
        finding.message.contains(&uuid(3, 99)) && finding.message.contains("appointment"),
        "{}",
        finding.message
    );
}

#[test]
fn wrong_kind_points_at_the_other_entity() {
    let mut doc = clean();
    // An organisation's id where a person is expected.
    doc["memberships"][0]["representative"] = json!(ids::trust());
    let report = mcn_network::validate(&document(&doc), as_of());
    let finding = report
        .with_code("network.reference.wrong_kind")
        .next()
        .expect("wrong kind reported");
    assert_eq!(finding.path.as_str(), "/memberships/0/representative");
    assert_eq!(finding.related[0].as_str(), "/organisations/0");
    assert_eq!(report.with_code("network.reference.dangling").count(), 0);
}

/// Points every UUID that is not an entity's own id at nothing, collecting the paths.
fn walk(value: &mut serde_json::Value, path: &mut Vec<String>, expected: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                if key == "id" {
                    continue;
                }
                path.push(key.clone());
                walk(child, path, expected);
                path.pop();
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                path.push(i.to_string());
                walk(item, path, expected);
                path.pop();
            }
        }
        serde_json::Value::String(text) if uuid::Uuid::try_parse(text).is_ok() => {
            "99999999-9999-4999-8999-999999999999".clone_into(text);
            expected.push(format!("/{}", path.join("/")));
        }
        _ => {}
    }
}

#[test]
fn every_reference_field_is_checked() {
    // Point every UUID that is not an entity's own id at nothing: each must be reported.
    let mut doc = clean();
    let mut expected = Vec::new();
    walk(&mut doc, &mut Vec::new(), &mut expected);
    let report = mcn_network::validate(&document(&doc), as_of());
    let mut dangling: Vec<String> = report
        .with_code("network.reference.dangling")
        .map(|f| f.path.as_str().to_owned())
        .collect();
    // The network's own id is not a reference.
    expected.retain(|p| p != "/network/id");
    expected.sort();
    dangling.sort();
    // An endorse-standard decision's missing standard has its own code.
    let endorse = "/meetings/0/decisions/0/subject/standard".to_owned();
    expected.retain(|p| *p != endorse);
    assert_eq!(dangling, expected);
    assert_eq!(
        report
            .with_code("network.decision.standard_missing")
            .next()
            .unwrap()
            .path
            .as_str(),
        endorse
    );
}

#[test]
fn appointment_while_host_withdrawn() {
    let mut doc = clean();
    doc["memberships"][0]["status"]
        .as_array_mut()
        .unwrap()
        .push(json!({"status": "withdrawn", "on": "2026-01-01"}));
    let found = findings(&doc);
    assert!(
        found.contains(&(
            "network.appointment.host_withdrawn".into(),
            "/appointments/0/period".into()
        )),
        "{found:?}"
    );
    // Before the withdrawal date nothing is wrong.
    let report = mcn_network::validate(
        &document(&doc),
        mcn_core::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
    );
    assert_eq!(
        report
            .with_code("network.appointment.host_withdrawn")
            .count(),
        0
    );
}

#[test]
fn seat_held_by_a_non_member() {
    let mut doc = clean();
    doc["memberships"][1]["status"]
        .as_array_mut()
        .unwrap()
        .push(json!({"status": "suspended", "on": "2026-05-01"}));
    let found = findings(&doc);
    assert!(
        found.contains(&(
            "network.seat.organisation_not_member".into(),
            "/seats/2/holder/organisation".into()
        )),
        "{found:?}"
    );
}

#[test]
fn attendee_without_a_tie_to_the_organisation_they_represent() {
    let mut doc = clean();
    // Ann (employed by the trust, representative of the trust) speaks for the hospice.
    doc["meetings"][0]["attendance"][0]["on_behalf_of"] = json!(ids::hospice());
    let found = findings(&doc);
    assert!(
        found.contains(&(
            "network.attendance.not_affiliated".into(),
            "/meetings/0/attendance/0/on_behalf_of".into()
        )),
        "{found:?}"
    );
    // Holding a post hosted by the hospice is a tie: Bo's chair post is hosted by the hospice.
    let mut doc = clean();
    doc["people"][1]["employer"] = json!(ids::trust());
    doc["memberships"][1]["representative"] = serde_json::Value::Null;
    assert!(
        !codes(&doc).contains(&"network.attendance.not_affiliated".to_owned()),
        "{:?}",
        codes(&doc)
    );
}

#[test]
fn endorse_standard_decision_without_its_standard() {
    let mut doc = clean();
    doc["meetings"][0]["decisions"][0]["subject"] = json!({"standard": uuid(7, 9)});
    let found = findings(&doc);
    assert!(
        found.contains(&(
            "network.decision.standard_missing".into(),
            "/meetings/0/decisions/0/subject/standard".into()
        )),
        "{found:?}"
    );
    let mut doc = clean();
    doc["meetings"][0]["decisions"][0]
        .as_object_mut()
        .unwrap()
        .remove("subject");
    assert!(codes(&doc).contains(&"network.decision.standard_missing".to_owned()));
}

#[test]
fn standard_endorsed_by_a_decision_that_does_not_endorse_it() {
    let mut doc = clean();
    doc["meetings"][0]["decisions"][0]["outcome"] = json!("deferred");
    let found = findings(&doc);
    assert!(
        found.contains(&(
            "network.standard.endorsement_mismatch".into(),
            "/standards/0/endorsed_by".into()
        )),
        "{found:?}"
    );
}

#[test]
fn coordinator_missing_vacant_and_unfunded() {
    let mut doc = clean();
    doc["network"]
        .as_object_mut()
        .unwrap()
        .remove("coordinator_post");
    assert_eq!(codes(&doc), ["network.coordinator.missing"]);

    let mut doc = clean();
    doc["appointments"][0]["period"]["end"] = json!("2026-04-30");
    let found = findings(&doc);
    assert!(
        found.contains(&("network.coordinator.vacant".into(), "/posts/0".into())),
        "{found:?}"
    );
    // A vacant funded post is also a roles warning; nothing else.
    assert!(
        codes(&doc)
            .iter()
            .all(|c| c == "network.coordinator.vacant" || c == "roles.post.vacant_funded"),
        "{:?}",
        codes(&doc)
    );

    let mut doc = clean();
    doc["posts"][0]["funding"]["period"]["end"] = json!("2026-03-31");
    assert_eq!(codes(&doc), ["network.coordinator.unfunded"]);
}

#[test]
fn inquorate_meeting_with_real_seat_holders() {
    // Bo (the chair) sends apologies: one member present of two required, and no chair.
    let mut doc = clean();
    doc["meetings"][0]["attendance"][1]["status"] = json!("apologies");
    let report = mcn_network::validate(&document(&doc), as_of());
    let finding = report
        .with_code("network.meeting.inquorate")
        .next()
        .expect("inquorate");
    assert_eq!(finding.path.as_str(), "/meetings/0");
    assert!(
        finding
            .message
            .contains("1 of 3 voting members present, 2 required"),
        "{}",
        finding.message
    );
    assert!(
        finding.message.contains("missing chair or vice_chair"),
        "{}",
        finding.message
    );

    // The chair's appointment ended before the meeting: the post seat is vacant, so
    // although Bo attends, only the organisation seat is filled by him.
    let mut doc = clean();
    doc["appointments"][1]["period"]["end"] = json!("2026-01-31");
    let report = mcn_network::validate(&document(&doc), as_of());
    let finding = report
        .with_code("network.meeting.inquorate")
        .next()
        .expect("inquorate without chair");
    assert!(
        finding.message.contains("missing chair or vice_chair"),
        "{}",
        finding.message
    );
}

#[test]
fn findings_are_sorted_by_path_then_code() {
    let mut doc = clean();
    doc["appointments"][1]["person"] = json!(uuid(3, 77));
    doc["appointments"][0]["person"] = json!(uuid(3, 78));
    doc["network"]
        .as_object_mut()
        .unwrap()
        .remove("coordinator_post");
    let report = mcn_network::validate(&document(&doc), as_of());
    let paths: Vec<_> = report.findings().iter().map(|f| f.path.clone()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

#[test]
fn ties_count_across_the_organisation_hierarchy() {
    // Ann's employer becomes a team that is part of the trust; she still speaks for the trust.
    let mut doc = clean();
    doc["organisations"].as_array_mut().unwrap().push(json!({
        "id": uuid(2, 3), "name": "Testvale Community Nursing Team", "kind": "nhs_foundation_trust",
        "part_of": ids::trust()
    }));
    doc["people"][0]["employer"] = json!(uuid(2, 3));
    doc["memberships"][0]
        .as_object_mut()
        .unwrap()
        .remove("representative");
    doc["posts"][0]["organisation"] = json!(uuid(2, 3));
    assert!(
        !codes(&doc).contains(&"network.attendance.not_affiliated".to_owned()),
        "{:?}",
        codes(&doc)
    );
    // ... but not for the hospice, which is outside that hierarchy.
    doc["meetings"][0]["attendance"][0]["on_behalf_of"] = json!(ids::hospice());
    assert!(codes(&doc).contains(&"network.attendance.not_affiliated".to_owned()));
}

#[test]
fn duplicate_ids_in_collections_nothing_refers_to_are_found_by_sorting() {
    // Registrations, adoptions and audit results are not indexed for the
    // duplicate check; their repeats are reported just the same, each
    // against the first occurrence, and lookups still find the first.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/example-network.json"
    ))
    .unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let registration = doc["registrations"][1]["id"].clone();
    doc["registrations"][3]["id"] = registration.clone();
    doc["registrations"][7]["id"] = registration.clone();
    doc["audit_results"][2]["id"] = doc["audit_results"][0]["id"].clone();
    let document = document(&doc);
    let network = mcn_network::Network::borrowed(&document);
    let report = network.validate(as_of());
    let duplicates: Vec<(String, Vec<String>)> = report
        .with_code("network.id.duplicate")
        .map(|f| {
            (
                f.path.as_str().to_owned(),
                f.related.iter().map(|p| p.as_str().to_owned()).collect(),
            )
        })
        .collect();
    assert_eq!(
        duplicates,
        [
            ("/audit_results/2/id", "/audit_results/0"),
            ("/registrations/3/id", "/registrations/1"),
            ("/registrations/7/id", "/registrations/1"),
        ]
        .map(|(at, first)| (at.to_owned(), vec![first.to_owned()]))
    );
    let id: mcn_core::id::RegistrationId = registration.as_str().unwrap().parse().unwrap();
    assert_eq!(
        network.registration(id).map(|r| r.id),
        document.registrations.get(1).map(|r| r.id)
    );
}
