//! The example documents in `docs/examples/` (issue 7, "Example network"):
//! they load, the naming contract holds, the generated ones (minimal and
//! invalid) are fresh, and the example network — data edited as a file, the
//! single source of truth `mcn_testkit::example::northvale()` loads — is in
//! canonical form and has the shape a realistic regional network has.
//!
//! Naming contract: every `docs/examples/invalid-<finding>.json` has findings,
//! and the finding its name encodes is among them (exactly that finding, plus
//! the companions the table below declares); every other `.json` there
//! validates with no error, on the date the examples describe and on any later
//! date. Files of other kinds (FHIR, CSV) go in sub-folders.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::PathBuf,
};

use mcn_core::{NaiveDate, Severity};
use mcn_network::{Network, NetworkDocument};
use mcn_testkit::example;
use serde_json::Value;

/// The day the examples describe (`mcn_testkit::example::AS_OF`).
fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

/// A day long after, when every date in the examples is in the past.
fn far_future() -> NaiveDate {
    NaiveDate::from_ymd_opt(2035, 1, 1).unwrap()
}

const STALE: &str =
    "run `cargo run -p mcn-testkit --example write-examples` and commit docs/examples/";

/// Each invalid example's file name, the finding it is named after, and the
/// other codes it unavoidably yields.
const INVALID: &[(&str, &str, &[&str])] = &[
    ("invalid-duplicate-id.json", "network.id.duplicate", &[]),
    (
        "invalid-dangling-reference.json",
        "network.reference.dangling",
        &[],
    ),
    (
        "invalid-wrong-kind.json",
        "network.reference.wrong_kind",
        &[],
    ),
    (
        "invalid-appointment-host-withdrawn.json",
        "network.appointment.host_withdrawn",
        &[],
    ),
    (
        "invalid-seat-organisation-not-member.json",
        "network.seat.organisation_not_member",
        &[],
    ),
    (
        "invalid-attendance-not-affiliated.json",
        "network.attendance.not_affiliated",
        &[],
    ),
    (
        "invalid-decision-standard-missing.json",
        "network.decision.standard_missing",
        &[],
    ),
    (
        "invalid-standard-endorsement-mismatch.json",
        "network.standard.endorsement_mismatch",
        &[],
    ),
    (
        "invalid-coordinator-missing.json",
        "network.coordinator.missing",
        &[],
    ),
    // A funded co-ordinator post with no holder is also a vacant funded post
    // (mcn-roles): both rules fire, by design of the two crates.
    (
        "invalid-coordinator-vacant.json",
        "network.coordinator.vacant",
        &["roles.post.vacant_funded"],
    ),
    (
        "invalid-coordinator-unfunded.json",
        "network.coordinator.unfunded",
        &[],
    ),
    (
        "invalid-meeting-inquorate.json",
        "network.meeting.inquorate",
        &[],
    ),
];

fn examples_dir() -> PathBuf {
    super::root().join("docs/examples")
}

/// Every top-level `.json` file of `docs/examples/`, by name.
fn json_files() -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in fs::read_dir(examples_dir()).expect("docs/examples exists") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "json") {
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            files.insert(name, fs::read(&path).unwrap());
        }
    }
    files
}

fn load(name: &str, bytes: &[u8]) -> NetworkDocument {
    NetworkDocument::from_json(bytes).unwrap_or_else(|e| panic!("{name} does not load: {e}"))
}

fn codes(document: NetworkDocument, on: NaiveDate) -> BTreeSet<String> {
    Network::new(document)
        .validate(on)
        .findings()
        .iter()
        .map(|f| f.code.clone())
        .collect()
}

#[test]
fn the_date_is_the_one_the_examples_describe() {
    assert_eq!(example::AS_OF, as_of());
}

#[test]
fn every_example_loads() {
    let files = json_files();
    assert!(files.len() >= 2 + INVALID.len(), "{:?}", files.keys());
    for (name, bytes) in &files {
        load(name, bytes);
    }
}

#[test]
fn valid_examples_have_no_errors_now_or_later() {
    for (name, bytes) in json_files() {
        if name.starts_with("invalid-") {
            continue;
        }
        for on in [as_of(), far_future()] {
            let report = Network::new(load(&name, &bytes)).validate(on);
            let errors: Vec<_> = report
                .errors()
                .map(|f| format!("{} at {}: {}", f.code, f.path, f.message))
                .collect();
            assert!(errors.is_empty(), "{name} on {on}: {errors:#?}");
        }
    }
}

#[test]
fn each_invalid_example_yields_exactly_its_finding() {
    let table: BTreeMap<&str, (&str, &[&str])> = INVALID
        .iter()
        .map(|&(file, code, also)| (file, (code, also)))
        .collect();
    for (name, bytes) in json_files() {
        if !name.starts_with("invalid-") {
            continue;
        }
        let (code, also) = table
            .get(name.as_str())
            .unwrap_or_else(|| panic!("{name} is not in the table of invalid examples"));
        let found = codes(load(&name, &bytes), as_of());
        let expected: BTreeSet<String> =
            also.iter().chain([code]).map(|c| (*c).to_owned()).collect();
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn the_table_covers_every_file_and_every_network_code() {
    let files = json_files();
    for (file, ..) in INVALID {
        assert!(files.contains_key(*file), "{file} is missing: {STALE}");
    }
    let named: BTreeSet<&str> = INVALID.iter().map(|(_, code, _)| *code).collect();
    let network: BTreeSet<&str> = mcn_network::codes::ALL.iter().map(|c| c.code).collect();
    assert_eq!(
        named, network,
        "every cross-entity rule needs exactly one invalid example"
    );
    assert_eq!(named.len(), INVALID.len(), "a code is named twice");
    // The file name spells the finding: `network.<entity>.<problem>` becomes
    // `invalid-<entity>-<problem>.json`, except for the three reference and
    // id rules, named after what they find.
    for (file, code, _) in INVALID {
        let spelled = code
            .strip_prefix("network.")
            .unwrap()
            .replace(['.', '_'], "-");
        let expected = match *code {
            "network.id.duplicate" => "duplicate-id".to_owned(),
            "network.reference.dangling" => "dangling-reference".to_owned(),
            "network.reference.wrong_kind" => "wrong-kind".to_owned(),
            _ => spelled,
        };
        assert_eq!(*file, format!("invalid-{expected}.json"));
    }
}

#[test]
fn committed_generated_examples_are_fresh() {
    let mut on_disk = json_files();
    // Not generated: data, edited as a file (checked below for canonical form).
    assert!(
        on_disk.remove(example::NORTHVALE_FILE).is_some(),
        "docs/examples/{} is missing",
        example::NORTHVALE_FILE
    );
    for file in example::files() {
        let expected = example::render(&file.document).unwrap();
        let committed = on_disk
            .remove(file.file_name)
            .unwrap_or_else(|| panic!("docs/examples/{} is missing: {STALE}", file.file_name));
        assert!(
            committed == expected.as_bytes(),
            "docs/examples/{} is stale: {STALE}",
            file.file_name
        );
    }
    assert!(
        on_disk.is_empty(),
        "docs/examples/ holds files the builder does not write ({:?}): {STALE}",
        on_disk.keys()
    );
}

#[test]
fn example_network_is_the_file_the_testkit_loads_in_canonical_form() {
    let files = json_files();
    let committed = &files[example::NORTHVALE_FILE];
    assert_eq!(committed.as_slice(), example::NORTHVALE_JSON.as_bytes());
    // Edited by hand, kept in the form the other files are written in (pretty
    // JSON, fields in declaration order, a final newline), so a round trip
    // through `NetworkDocument` loses nothing and diffs stay small.
    let rendered = example::render(&load(example::NORTHVALE_FILE, committed)).unwrap();
    assert!(
        rendered.as_bytes() == committed.as_slice(),
        "docs/examples/{} is not in canonical form: keep it as a `NetworkDocument` \
         pretty-prints (fields in declaration order, no nulls or empty lists, a final newline)",
        example::NORTHVALE_FILE
    );
}

/// The example network as plain JSON, for shape checks.
fn northvale_json() -> Value {
    let files = json_files();
    serde_json::from_slice(&files[example::NORTHVALE_FILE]).unwrap()
}

fn array<'a>(json: &'a Value, key: &str) -> &'a Vec<Value> {
    json[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is not an array"))
}

fn count_where(json: &Value, key: &str, field: &str, value: &str) -> usize {
    array(json, key)
        .iter()
        .filter(|entry| entry[field] == value)
        .count()
}

fn date(value: &Value) -> NaiveDate {
    value.as_str().unwrap().parse().unwrap()
}

#[test]
fn example_network_has_organisations_across_both_sectors_and_localities() {
    let json = northvale_json();

    let organisations = array(&json, "organisations");
    assert!(organisations.len() >= 25, "{}", organisations.len());
    for kind in [
        "nhs_foundation_trust",
        "nhs_trust",
        "community_provider",
        "integrated_care_board",
        "general_practice",
        "university",
        "local_authority",
    ] {
        assert!(
            count_where(&json, "organisations", "kind", kind) >= 1,
            "no {kind}"
        );
    }
    let hospices = count_where(&json, "organisations", "kind", "childrens_hospice");
    assert!(
        (2..=3).contains(&hospices),
        "{hospices} children's hospices"
    );
    let children_s_hospital = organisations
        .iter()
        .any(|o| o["name"].as_str().unwrap().contains("Children's Hospital"));
    assert!(children_s_hospital);

    // Region -> integrated care system -> places, with populations and estimates.
    let localities = array(&json, "localities");
    assert!((4..=6).contains(&localities.len()), "{}", localities.len());
    for kind in ["region", "integrated_care_system", "place"] {
        assert!(
            count_where(&json, "localities", "kind", kind) >= 1,
            "no {kind}"
        );
    }
    for locality in localities {
        let population = locality["population_0_19"].as_u64().unwrap();
        let estimate = locality["children_with_llc_estimate"].as_u64().unwrap();
        assert!(0 < estimate && estimate < population, "{locality}");
    }
}

#[test]
fn example_network_has_people_posts_and_two_years_of_governance() {
    let json = northvale_json();
    assert!(array(&json, "people").len() >= 60);
    assert!(array(&json, "posts").len() >= 20);

    // A steering group with three or four working groups, each with terms of
    // reference that require the chair or the vice-chair.
    let bodies = array(&json, "bodies");
    let roots: Vec<_> = bodies
        .iter()
        .filter(|b| b.get("reports_to").is_none())
        .collect();
    assert_eq!(roots.len(), 1);
    assert!(["board", "steering_group"].contains(&roots[0]["kind"].as_str().unwrap()));
    assert!(
        (3..=4).contains(&(bodies.len() - 1)),
        "{} groups",
        bodies.len() - 1
    );
    for body in bodies {
        for terms in array(body, "terms_of_reference") {
            let roles = &terms["quorum"]["required_roles"];
            assert!(
                roles.as_array().unwrap().iter().any(|r| {
                    let any_of = r["any_of"].as_array().unwrap();
                    any_of.contains(&Value::from("chair"))
                        && any_of.contains(&Value::from("vice_chair"))
                }),
                "{}: no chair-or-vice-chair quorum rule",
                body["name"]
            );
        }
    }
    // Seats held by posts and by organisations.
    let seats = array(&json, "seats");
    assert!(seats.iter().any(|s| s["holder"].get("post").is_some()));
    assert!(
        seats
            .iter()
            .any(|s| s["holder"].get("organisation").is_some())
    );

    // Two years of meetings, with decisions and actions.
    let meetings = array(&json, "meetings");
    let held: Vec<NaiveDate> = meetings
        .iter()
        .filter(|m| m.get("status").is_none_or(|s| s == "held"))
        .map(|m| date(&m["date"]))
        .collect();
    let first = held.iter().min().unwrap();
    let last = held.iter().max().unwrap();
    assert!((*last - *first).num_days() >= 700, "{first} to {last}");
    assert!(*last <= as_of());
    let decisions: Vec<&Value> = meetings
        .iter()
        .flat_map(|m| {
            m.get("decisions")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
        })
        .collect();
    for kind in ["approve_terms_of_reference", "endorse_standard"] {
        assert!(
            decisions.iter().any(|d| d["kind"] == kind),
            "no {kind} decision"
        );
    }

    // The work plan at several stages, with RAG ratings.
    let objectives = array(&json, "objectives");
    let stages: BTreeSet<&str> = objectives
        .iter()
        .map(|o| {
            o["stages"]
                .as_array()
                .unwrap()
                .iter()
                .rfind(|s| date(&s["on"]) <= as_of())
                .unwrap()["status"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(stages.len() >= 4, "{stages:?}");
    assert!(objectives.iter().any(|o| o.get("rag").is_some()));
}

#[test]
fn example_network_has_funding_risks_services_and_records() {
    let json = northvale_json();

    // A risk scoring 15 or more.
    assert!(
        array(&json, "risks")
            .iter()
            .any(|r| { r["likelihood"].as_u64().unwrap() * r["impact"].as_u64().unwrap() >= 15 })
    );

    // Two funding streams, one time-limited and ending within six months.
    let streams = array(&json, "funding_streams");
    assert_eq!(streams.len(), 2);
    let ending: Vec<_> = streams
        .iter()
        .filter(|s| s["basis"] == "time_limited")
        .filter_map(|s| s["period"].get("end").map(date))
        .filter(|end| *end >= as_of() && (*end - as_of()).num_days() <= 183)
        .collect();
    assert_eq!(ending.len(), 1);

    // 24/7 community nursing and a consultant advice line, covering some but
    // not all places.
    let services = array(&json, "services");
    for kind in ["community_childrens_nursing", "consultant_advice_line"] {
        assert!(
            services
                .iter()
                .any(|s| s["kind"] == kind && s["availability"] == "twenty_four_seven")
        );
    }
    let places = count_where(&json, "localities", "kind", "place");
    let advice_line = services
        .iter()
        .find(|s| s["kind"] == "consultant_advice_line" && s["availability"] == "twenty_four_seven")
        .unwrap();
    let covered = array(advice_line, "localities").len();
    assert!(0 < covered && covered < places, "{covered} of {places}");

    for key in [
        "systems",
        "staffing",
        "communications",
        "training_requirements",
        "adoptions",
        "audit_results",
    ] {
        assert!(!array(&json, key).is_empty(), "no {key}");
    }
    assert!(
        array(&json, "staffing")
            .iter()
            .any(|s| { s["in_post_wte"].as_f64().unwrap() < s["funded_wte"].as_f64().unwrap() })
    );
}

#[test]
fn example_network_has_training_and_standards() {
    let json = northvale_json();

    // Training at several levels and deliveries, with barriers and feedback.
    let courses = array(&json, "courses");
    let levels: BTreeSet<&str> = courses
        .iter()
        .map(|c| c["level"].as_str().unwrap())
        .collect();
    let deliveries: BTreeSet<&str> = courses
        .iter()
        .map(|c| c["delivery"].as_str().unwrap())
        .collect();
    assert_eq!(levels.len(), 4, "{levels:?}");
    assert_eq!(deliveries.len(), 4, "{deliveries:?}");
    let registrations = array(&json, "registrations");
    for status in [
        "attended",
        "did_not_attend",
        "cancelled",
        "wait_listed",
        "booked",
    ] {
        assert!(
            registrations.iter().any(|r| r["status"] == status),
            "no {status} registration"
        );
    }
    assert!(
        registrations
            .iter()
            .any(|r| r["status"] == "did_not_attend" && r.get("barrier").is_some())
    );
    assert!(registrations.iter().any(|r| r.get("feedback").is_some()));

    // The QS160 catalogue and two network guidelines.
    let standards = array(&json, "standards");
    for statement in 1..=6 {
        let code = format!("NICE-QS160-{statement}");
        assert!(
            standards.iter().any(|s| s["code"] == code.as_str()),
            "no {code}"
        );
    }
    let guidelines = standards
        .iter()
        .filter(|s| s["source"]["kind"] == "network_guideline")
        .count();
    assert_eq!(guidelines, 2);
}

#[test]
fn example_network_shows_honest_warnings_and_exactly_one_funded_vacancy() {
    let files = json_files();
    let network = Network::new(load(
        example::NORTHVALE_FILE,
        &files[example::NORTHVALE_FILE],
    ));
    let report = network.validate(as_of());
    let by_severity = |severity| -> BTreeSet<&str> {
        report
            .with_severity(severity)
            .map(|f| f.code.as_str())
            .collect()
    };
    assert_eq!(
        by_severity(Severity::Warning),
        BTreeSet::from([
            "governance.action.overdue",
            "governance.funding_stream.ending_soon",
            "governance.objective.past_due",
            "governance.terms_of_reference.review_overdue",
            "network.meeting.inquorate",
            "organisations.membership.no_agreement",
            "roles.post.vacant_funded",
        ])
    );
    assert_eq!(
        by_severity(Severity::Info),
        BTreeSet::from(["governance.risk.high_score"])
    );
    assert_eq!(report.with_code("network.meeting.inquorate").count(), 1);
    assert_eq!(report.with_code("roles.post.vacant_funded").count(), 1);
    assert!(report.with_code("governance.action.overdue").count() >= 2);

    let vacant = network.roles().vacant_funded_posts(as_of());
    assert_eq!(vacant.len(), 1);
    assert_eq!(vacant[0].role, mcn_core::PostRole::LocalityLead);
    // The co-ordinator post is funded and filled (the key enabler).
    let coordinator = network.document().network.coordinator_post.unwrap();
    let post = network.post(coordinator).unwrap();
    assert!(post.is_funded_on(as_of()));
    assert_eq!(network.roles().holders(coordinator, as_of()).len(), 1);
}
