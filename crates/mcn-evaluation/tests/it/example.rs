//! The shipped example network (`docs/examples/example-network.json`) as of
//! the date it describes: targeted checks of the JSON report (its frame, every
//! indicator's headline figure and rating, one indicator in full) and a
//! snapshot of the markdown paper. The arithmetic of every indicator is
//! checked by hand on a smaller fixture in `expected.rs`.

use std::path::Path;

use mcn_core::NaiveDate;
use mcn_evaluation::{EvaluationReport, EvaluationSettings, render};

use crate::evaluate;
use mcn_network::{Network, NetworkDocument};
use serde_json::{Value, json};

/// The date the example describes.
pub(crate) fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

pub(crate) fn network() -> Network<'static> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/example-network.json");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Network::new(NetworkDocument::from_json(&bytes).unwrap())
}

pub(crate) fn report() -> EvaluationReport {
    evaluate(&network(), as_of(), &EvaluationSettings::default())
}

fn report_json() -> Value {
    serde_json::to_value(report()).unwrap()
}

/// An indicator's value in a few characters: `n/d` for shares and ratios,
/// `total/responses` for a mean rating, the count, the pence, `true`/`false`.
fn headline(value: &Value) -> String {
    match value["kind"].as_str().unwrap() {
        "proportion" | "ratio" | "wte_proportion" => {
            format!("{}/{}", value["numerator"], value["denominator"])
        }
        "mean" => format!(
            "{}/{} on 1-{}",
            value["total"], value["responses"], value["scale"]
        ),
        "count" => value["count"].to_string(),
        "money" => format!("{}p", value["amount"]),
        "boolean" => value["value"].to_string(),
        other => panic!("unknown value kind {other}"),
    }
}

#[test]
fn report_frame() {
    let json = report_json();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // (`serde_json::Map` lists keys sorted.)
    assert_eq!(
        keys,
        [
            "as_of",
            "indicators",
            "network",
            "settings",
            "summary",
            "validation",
            "window"
        ]
    );
    assert_eq!(
        json["network"],
        json!({
            "id": "4e564e56-0000-8000-8000-000000000001",
            "name": "Northvale Children's Palliative Care Network",
        })
    );
    assert_eq!(json["as_of"], "2026-11-01");
    assert_eq!(
        json["window"],
        json!({ "start": "2025-11-02", "end": "2026-11-01" })
    );
    assert_eq!(
        json["settings"],
        serde_json::to_value(EvaluationSettings::default()).unwrap()
    );
    // The example's honest warnings (tests/workspace/examples.rs names them).
    assert_eq!(
        json["validation"],
        json!({ "errors": 0, "warnings": 9, "infos": 1 })
    );
    assert_eq!(
        json["summary"],
        json!({ "green": 12, "amber": 5, "red": 9, "not_rated": 6 })
    );
}

#[test]
fn every_indicator_headline_and_rating() {
    let json = report_json();
    let found: Vec<(String, String, Option<String>)> = json["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|indicator| {
            (
                indicator["id"].as_str().unwrap().to_owned(),
                headline(&indicator["value"]),
                indicator
                    .get("rag")
                    .map(|rag| rag.as_str().unwrap().to_owned()),
            )
        })
        .collect();
    let expected: &[(&str, &str, Option<&str>)] = &[
        ("leadership.coordinator_post", "true", Some("green")),
        ("leadership.clinical_lead", "true", Some("green")),
        ("leadership.posts_vacant", "1/22", Some("green")),
        ("leadership.funded_vacant_posts", "1", Some("amber")),
        ("leadership.funding_ending", "9600000p", Some("red")),
        ("governance.terms_current", "3/4", Some("amber")),
        ("governance.meeting_cadence", "3/4", Some("amber")),
        ("governance.quorate_meetings", "15/15", Some("green")),
        ("governance.overdue_actions", "3/6", Some("red")),
        ("governance.objectives_on_track", "7/9", Some("amber")),
        ("governance.high_risks", "1", Some("amber")),
        ("membership.active_members", "19", Some("green")),
        ("membership.engagement", "19/19", Some("green")),
        ("membership.unengaged", "0", Some("green")),
        ("training.events_held", "7", None),
        ("training.attendance_rate", "72/79", Some("green")),
        ("training.reach", "52", None),
        ("training.organisations_reached", "21", None),
        ("training.barriers", "9", None),
        ("training.relevance", "85/19 on 1-5", Some("green")),
        ("training.requirements_met", "29/51", Some("red")),
        ("standards.endorsed", "6", None),
        ("standards.adoption", "13/112", Some("red")),
        ("standards.compliance", "1/3", Some("red")),
        ("standards.audit_submission", "1/5", Some("red")),
        ("collaboration.body_mix", "4/4", Some("green")),
        (
            "collaboration.cross_organisation_events",
            "7/7",
            Some("green"),
        ),
        ("equity.qs160_24_7", "2/4", Some("red")),
        ("equity.specialist_team", "4/4", Some("green")),
        ("equity.training_per_child", "37/8474", None),
        ("workforce.vacancy_rate", "15.6/95.6", Some("red")),
        ("technology.record_sharing", "3/19", Some("red")),
    ];
    let expected: Vec<(String, String, Option<String>)> = expected
        .iter()
        .map(|(id, value, rag)| {
            (
                (*id).to_owned(),
                (*value).to_owned(),
                rag.map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(found, expected);
}

/// One indicator in full, as the JSON form spells it: value, threshold,
/// a breakdown with its columns and cells, evidence and sources.
#[test]
fn the_funded_vacant_post_indicator_in_full() {
    let json = report_json();
    let indicator = json["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "leadership.funded_vacant_posts")
        .unwrap();
    let post = "4e564e56-0007-8000-8000-00000000000a";
    assert_eq!(
        *indicator,
        json!({
            "id": "leadership.funded_vacant_posts",
            "theme": "leadership",
            "title": "Funded posts with nobody in post",
            "definition": "Posts whose funding covers the report date and which exist then with nobody appointed. Dates read: posts' funding periods, posts' and appointments' periods on the report date.",
            "value": { "kind": "count", "count": 1 },
            "unit": "posts",
            "direction": "lower_is_better",
            "rag": "amber",
            "threshold": { "kind": "at_most", "green": 0.0, "amber": 1.0 },
            "breakdowns": [{
                "id": "posts",
                "title": "Funded vacant posts",
                "columns": [
                    { "id": "role", "title": "Role" },
                    { "id": "organisation", "title": "Host organisation" },
                    { "id": "funded_wte", "title": "Funded WTE" },
                    { "id": "funding_ends", "title": "Funding ends" },
                ],
                "rows": [{
                    "key": post,
                    "label": "Locality lead, Eastmoor",
                    "path": "/posts/9",
                    "cells": [
                        { "kind": "text", "text": "locality lead" },
                        { "kind": "text", "text": "Westdale and Eastmoor Community Health NHS Trust" },
                        { "kind": "wte", "wte": 0.1 },
                        { "kind": "text", "text": "open-ended" },
                    ],
                }],
            }],
            "evidence": [{
                "id": post,
                "path": "/posts/9",
                "label": "Locality lead, Eastmoor",
                "note": "0.10 WTE, open-ended funding, nobody in post",
            }],
            "sources": ["posts", "appointments"],
        })
    );
}

#[test]
fn markdown_paper() {
    insta::assert_snapshot!("example_network_markdown", render::markdown(&report()));
}
