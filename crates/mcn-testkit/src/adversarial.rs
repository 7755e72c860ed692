//! Adversarial shapes: documents where one relation has a large fan-in or
//! depth (seats on one body, people at one meeting, representatives of one
//! organisation, meetings of one body, terms-of-reference versions, part-of,
//! successor and supersedes chains, many references to one entity), built
//! from the minimal example at any size n. The adversarial bench times them
//! at n, 2n and 4n; the workspace's step-count test checks that their cost
//! grows in proportion.
// Fixtures stop loudly: a shape that cannot be built is a broken test.
#![allow(clippy::expect_used, clippy::indexing_slicing)]

use mcn_core::NaiveDate;
use serde_json::{Value, json};

const MINIMAL: &str = include_str!("../../../docs/examples/minimal-network.json");
const BODY: &str = "4d494e49-000a-8000-8000-000000000001";
const HOSPICE: &str = "4d494e49-0002-8000-8000-000000000002";
const TRUST: &str = "4d494e49-0002-8000-8000-000000000001";
const CHAIR_POST: &str = "4d494e49-0007-8000-8000-000000000002";

/// A fresh id of a kind (`kind` is the second group, e.g. `"000b"` for seats).
fn id(kind: &str, i: usize) -> String {
    format!("4d494e49-{kind}-8000-8000-{:012x}", 0x10_0000 + i)
}

/// `2025-01-01` plus `days`.
fn day(days: usize) -> String {
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).expect("a valid date");
    let days = u64::try_from(days).expect("a small count");
    start
        .checked_add_days(chrono::Days::new(days))
        .expect("a date within range")
        .to_string()
}

fn minimal() -> Value {
    serde_json::from_str(MINIMAL).expect("the minimal example parses")
}

fn list<'a>(document: &'a mut Value, key: &str) -> &'a mut Vec<Value> {
    document
        .get_mut(key)
        .and_then(Value::as_array_mut)
        .expect("a collection of the minimal example")
}

fn org_seat(i: usize) -> Value {
    json!({"id": id("000b", i), "body": BODY, "holder": {"organisation": HOSPICE},
           "period": {"start": "2025-01-01"}})
}

fn person(i: usize) -> Value {
    json!({"id": id("0006", i), "name": format!("Person {i}"), "profession": "nurse",
           "employer": HOSPICE})
}

/// `n` people present at the first meeting, on behalf of the hospice if `represent`.
fn attend(document: &mut Value, n: usize, represent: bool) {
    for i in 0..n {
        list(document, "people").push(person(i));
    }
    let meeting = list(document, "meetings")
        .first_mut()
        .expect("the minimal example has a meeting");
    let attendance = meeting
        .get_mut("attendance")
        .and_then(Value::as_array_mut)
        .expect("the first meeting has attendance");
    for i in 0..n {
        let mut entry = json!({"person": id("0006", i), "status": "present"});
        if represent {
            entry["on_behalf_of"] = json!(HOSPICE);
        }
        attendance.push(entry);
    }
}

/// `n` held meetings of the body, copies of the first without decisions.
fn meetings(document: &mut Value, n: usize) {
    let template = list(document, "meetings")
        .first()
        .cloned()
        .expect("the minimal example has a meeting");
    for i in 0..n {
        let mut meeting = template.clone();
        if let Some(object) = meeting.as_object_mut() {
            object.remove("decisions");
            object.remove("minutes_approved_at");
        }
        meeting["id"] = json!(id("000c", i));
        meeting["date"] = json!(day(30 + i % 400));
        list(document, "meetings").push(meeting);
    }
}

/// `n` organisations (copies of the hospice) linked by `link(i)`.
fn organisations(document: &mut Value, n: usize, link: impl Fn(usize) -> (&'static str, Value)) {
    let template = list(document, "organisations")
        .get(1)
        .cloned()
        .expect("the minimal example has a hospice");
    for i in 0..n {
        let mut organisation = template.clone();
        if let Some(object) = organisation.as_object_mut() {
            object.remove("identifiers");
        }
        organisation["id"] = json!(id("0002", i));
        organisation["name"] = json!(format!("Organisation {i}"));
        let (key, value) = link(i);
        organisation[key] = value;
        list(document, "organisations").push(organisation);
    }
}

/// n voting seats each held by its own post, appointed for a month, and n
/// meetings of the body, meeting i with the holder of post i present.
fn seats_times_meetings(d: &mut Value, n: usize) {
    for i in 0..n {
        list(d, "people").push(person(i));
        list(d, "posts").push(json!({
            "id": id("0007", i), "title": format!("Post {i}"), "role": "member",
            "organisation": TRUST, "period": {"start": "2025-01-01"}}));
        list(d, "appointments").push(json!({
            "id": id("0008", i), "post": id("0007", i), "person": id("0006", i),
            "period": {"start": day(i % 400), "end": day(i % 400 + 30)},
            "wte": 0.1, "basis": "substantive"}));
        list(d, "seats").push(json!({
            "id": id("000b", i), "body": BODY, "holder": {"post": id("0007", i)},
            "period": {"start": "2025-01-01"}}));
    }
    meetings(d, n);
    // Meeting i (the last n) has person i present, in post.
    let all = list(d, "meetings");
    let first = all.len() - n;
    for (i, meeting) in all.iter_mut().skip(first).enumerate() {
        if let Some(attendance) = meeting.get_mut("attendance").and_then(Value::as_array_mut) {
            attendance.push(json!({"person": id("0006", i), "status": "present"}));
        }
    }
}

/// The shapes, each a function from n to a document's JSON bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// n voting seats on one body, all held by one organisation.
    SeatsOnOneBody,
    /// n people present at one meeting.
    AttendanceAtOneMeeting,
    /// n seats held by one organisation and n of its representatives
    /// present at one meeting (the matching's worst case).
    RepresentativesOfOneOrganisation,
    /// 100 seats and n held meetings of one body (seats × meetings).
    MeetingsOfOneBody,
    /// n terms-of-reference versions of one body and n meetings.
    TermsOfReferenceVersions,
    /// n organisations each part of the previous one (depth n).
    PartOfChain,
    /// n organisations each succeeded by the next (depth n).
    SuccessorChain,
    /// n standards each superseding the previous one (depth n).
    SupersedesChain,
    /// n posts of one organisation, each appointed once, and n appointments
    /// in turn to one post.
    ReferencesToOneEntity,
    /// n voting seats of one body, each held by its own post (appointed for
    /// a month, so posts fall vacant), and n held meetings of the body, each
    /// with one of the holders present (seats × meetings when each meeting
    /// walked every seat and asked for every post's holders).
    SeatsTimesMeetings,
}

impl Shape {
    /// Every shape, in the order of the table in `docs/PERFORMANCE.md`.
    pub const ALL: [Self; 10] = [
        Self::SeatsOnOneBody,
        Self::AttendanceAtOneMeeting,
        Self::RepresentativesOfOneOrganisation,
        Self::MeetingsOfOneBody,
        Self::TermsOfReferenceVersions,
        Self::PartOfChain,
        Self::SuccessorChain,
        Self::SupersedesChain,
        Self::ReferencesToOneEntity,
        Self::SeatsTimesMeetings,
    ];

    /// The smallest size benchmarked (then 2n and 4n).
    #[must_use]
    pub const fn n(self) -> usize {
        match self {
            Self::SeatsOnOneBody
            | Self::AttendanceAtOneMeeting
            | Self::RepresentativesOfOneOrganisation => 20_000,
            Self::MeetingsOfOneBody | Self::TermsOfReferenceVersions | Self::SeatsTimesMeetings => {
                2_000
            }
            _ => 10_000,
        }
    }

    /// The document of this shape at size `n`, as compact JSON.
    ///
    /// # Panics
    ///
    /// If the minimal example lacks what a shape copies (a body, a meeting,
    /// a hospice, a standard): a broken fixture, not an input.
    #[must_use]
    pub fn document(self, n: usize) -> Vec<u8> {
        let mut d = minimal();
        match self {
            Self::SeatsOnOneBody => {
                for i in 0..n {
                    list(&mut d, "seats").push(org_seat(i));
                }
                attend(&mut d, 10, true);
            }
            Self::AttendanceAtOneMeeting => attend(&mut d, n, false),
            Self::RepresentativesOfOneOrganisation => {
                for i in 0..n {
                    list(&mut d, "seats").push(org_seat(i));
                }
                attend(&mut d, n, true);
            }
            Self::MeetingsOfOneBody => {
                for i in 0..100 {
                    list(&mut d, "seats").push(org_seat(i));
                }
                meetings(&mut d, n);
            }
            Self::TermsOfReferenceVersions => {
                let body = list(&mut d, "bodies")
                    .first_mut()
                    .expect("the minimal example has a body");
                let template = body["terms_of_reference"][0].clone();
                let versions = body["terms_of_reference"]
                    .as_array_mut()
                    .expect("terms of reference");
                for i in 0..n {
                    let mut terms = template.clone();
                    if let Some(object) = terms.as_object_mut() {
                        object.remove("approved_by");
                    }
                    terms["version"] = json!(format!("2.{i}"));
                    terms["approved_on"] = json!(day(20 + i % 400));
                    versions.push(terms);
                }
                meetings(&mut d, n);
            }
            Self::PartOfChain => organisations(&mut d, n, |i| {
                let parent = if i == 0 {
                    TRUST.to_owned()
                } else {
                    id("0002", i - 1)
                };
                ("part_of", json!(parent))
            }),
            Self::SuccessorChain => organisations(&mut d, n, |i| {
                let next = if i + 1 == n {
                    TRUST.to_owned()
                } else {
                    id("0002", i + 1)
                };
                (
                    "successor",
                    json!({"organisation": next, "on": day(i % 400)}),
                )
            }),
            Self::SupersedesChain => {
                let template = list(&mut d, "standards")
                    .first()
                    .cloned()
                    .expect("the minimal example has a standard");
                let first = template["id"].clone();
                for i in 0..n {
                    let mut standard = template.clone();
                    standard["id"] = json!(id("0017", i));
                    standard["code"] = json!(format!("KV-GL-{i:06}"));
                    standard["supersedes"] = if i == 0 {
                        first.clone()
                    } else {
                        json!(id("0017", i - 1))
                    };
                    list(&mut d, "standards").push(standard);
                }
            }
            Self::ReferencesToOneEntity => {
                for i in 0..n {
                    list(&mut d, "people").push(person(i));
                    list(&mut d, "posts").push(json!({
                        "id": id("0007", i), "title": format!("Post {i}"), "role": "member",
                        "organisation": TRUST, "period": {"start": "2025-01-01"}}));
                    list(&mut d, "appointments").push(json!({
                        "id": id("0008", i), "post": id("0007", i), "person": id("0006", i),
                        "period": {"start": "2025-01-01"}, "wte": 0.1, "basis": "substantive"}));
                    list(&mut d, "appointments").push(json!({
                        "id": id("0008", n + i), "post": CHAIR_POST, "person": id("0006", i),
                        "period": {"start": day(2 * i), "end": day(2 * i + 1)},
                        "wte": 0.1, "basis": "substantive"}));
                }
            }
            Self::SeatsTimesMeetings => seats_times_meetings(&mut d, n),
        }
        serde_json::to_vec(&d).expect("a document serialises")
    }
}
