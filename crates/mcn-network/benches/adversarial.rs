//! Adversarial shapes: documents where one relation has a large fan-in or
//! depth (seats on one body, people at one meeting, representatives of one
//! organisation, meetings of one body, terms-of-reference versions, part-of,
//! successor and supersedes chains, many references to one entity), each at
//! n, 2n and 4n. Each is timed as a whole load (`from_json`, `Network::new`,
//! `validate` and `mcn_evaluation::evaluate`), so any cost that grows faster
//! than the input shows as a growth per doubling above 2×.
//!
//! ```text
//! cargo bench -p mcn-network --bench adversarial            # divan timings
//! ADVERSARIAL_TABLE=1 cargo bench -p mcn-network --bench adversarial
//! ```
//!
//! The second form prints the table of `docs/PERFORMANCE.md` ("Adversarial
//! shapes"): the best of five wall times, and the peak memory of one run in a
//! fresh process (this binary again, given the document in a temporary file):
//! how much its peak resident set (`VmHWM` in `/proc/self/status`, Linux
//! only; elsewhere the column is empty) grew from after reading the file to
//! after the run. Each document is built from the minimal example, outside
//! the timed part.
#![allow(clippy::expect_used, clippy::indexing_slicing, clippy::print_stdout)] // a bench may stop loudly (building JSON by index) and print its table

use std::{sync::LazyLock, time::Instant};

use divan::{Bencher, black_box};
use mcn_core::NaiveDate;
use mcn_evaluation::EvaluationSettings;
use mcn_network::{Network, NetworkDocument};
use serde_json::{Value, json};

/// The date every document is validated and evaluated as of.
fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 1).expect("a valid date")
}

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
    (start + chrono::Days::new(days)).to_string()
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

/// The shapes, each a function from n to a document's JSON bytes.
#[derive(Clone, Copy, Debug)]
enum Shape {
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
}

impl Shape {
    const ALL: [Self; 9] = [
        Self::SeatsOnOneBody,
        Self::AttendanceAtOneMeeting,
        Self::RepresentativesOfOneOrganisation,
        Self::MeetingsOfOneBody,
        Self::TermsOfReferenceVersions,
        Self::PartOfChain,
        Self::SuccessorChain,
        Self::SupersedesChain,
        Self::ReferencesToOneEntity,
    ];

    /// The smallest size benchmarked (then 2n and 4n).
    const fn n(self) -> usize {
        match self {
            Self::SeatsOnOneBody
            | Self::AttendanceAtOneMeeting
            | Self::RepresentativesOfOneOrganisation => 20_000,
            Self::MeetingsOfOneBody | Self::TermsOfReferenceVersions => 2_000,
            _ => 10_000,
        }
    }

    fn document(self, n: usize) -> Vec<u8> {
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
        }
        serde_json::to_vec(&d).expect("a document serialises")
    }
}

/// The timed part: load, validate, evaluate.
fn run(bytes: &[u8]) -> usize {
    let document = NetworkDocument::from_json(bytes).expect("an adversarial document loads");
    let network = Network::new(document);
    let report = network.validate(as_of());
    let evaluation =
        mcn_evaluation::evaluate(&network, &report, as_of(), &EvaluationSettings::default());
    report.findings().len() + evaluation.indicators.len()
}

/// Each shape's documents at n, 2n, 4n, built once.
static DOCUMENTS: LazyLock<Vec<(Shape, [Vec<u8>; 3])>> = LazyLock::new(|| {
    Shape::ALL
        .iter()
        .map(|&shape| {
            let n = shape.n();
            (
                shape,
                [
                    shape.document(n),
                    shape.document(2 * n),
                    shape.document(4 * n),
                ],
            )
        })
        .collect()
});

fn bytes(shape: usize, size: usize) -> &'static [u8] {
    DOCUMENTS
        .get(shape)
        .and_then(|(_, sizes)| sizes.get(size))
        .map(Vec::as_slice)
        .expect("a shape and size of the table")
}

/// Shape index (in `Shape::ALL`) × size (0: n, 1: 2n, 2: 4n).
#[divan::bench(args = [0, 1, 2], consts = [0, 1, 2, 3, 4, 5, 6, 7, 8], sample_count = 5, sample_size = 1)]
fn shape<const SHAPE: usize>(bencher: Bencher, size: usize) {
    let input = bytes(SHAPE, size);
    bencher.bench(|| run(black_box(input)));
}

/// Peak resident memory of this process so far (kB), where Linux offers it.
fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// In a child process: read the document at `path`, note the peak resident
/// memory, run once, and print how much the peak grew (kB).
fn child(path: &std::ffi::OsStr) {
    let input = std::fs::read(path).expect("the parent wrote the document");
    let before = peak_kb();
    black_box(run(black_box(&input)));
    if let (Some(before), Some(after)) = (before, peak_kb()) {
        println!("{}", after.saturating_sub(before));
    }
}

/// The peak memory of one run in a fresh process (MB), or `None` where the
/// platform does not report it.
fn peak_mb(input: &[u8]) -> Option<f64> {
    let path = std::env::temp_dir().join(format!("mcn-adversarial-{}.json", std::process::id()));
    std::fs::write(&path, input).ok()?;
    let output = std::process::Command::new(std::env::current_exe().ok()?)
        .env("ADVERSARIAL_CHILD", &path)
        .output()
        .ok();
    let _ = std::fs::remove_file(&path);
    let kb: u64 = String::from_utf8(output?.stdout)
        .ok()?
        .trim()
        .parse()
        .ok()?;
    #[allow(clippy::cast_precision_loss)] // kB counts are far below 2^52
    Some(kb as f64 / 1024.0)
}

fn table() {
    println!(
        "| shape | n | JSON at 4n (MB) | time n / 2n / 4n (ms) | growth per doubling | peak memory n / 2n / 4n (MB) | growth |"
    );
    println!("|---|---:|---:|---|---|---|---|");
    for (index, (shape, sizes)) in DOCUMENTS.iter().enumerate() {
        let mut times = [0.0_f64; 3];
        let mut peaks = [None::<f64>; 3];
        for size in 0..3 {
            let input = bytes(index, size);
            let mut best = f64::INFINITY;
            for _ in 0..5 {
                let start = Instant::now();
                black_box(run(black_box(input)));
                best = best.min(start.elapsed().as_secs_f64() * 1000.0);
            }
            times[size] = best;
            peaks[size] = peak_mb(input);
        }
        let growth = |v: [f64; 3]| format!("{:.2}× / {:.2}×", v[1] / v[0], v[2] / v[1]);
        let peak_text = match peaks {
            [Some(a), Some(b), Some(c)] => (
                format!("{a:.1} / {b:.1} / {c:.1}"),
                growth([a.max(0.1), b.max(0.1), c.max(0.1)]),
            ),
            _ => (String::from("–"), String::from("–")),
        };
        #[allow(clippy::cast_precision_loss)] // sizes are far below 2^52
        let json_mb = sizes.get(2).map_or(0.0, |b| b.len() as f64 / 1_048_576.0);
        println!(
            "| {shape:?} | {} | {json_mb:.1} | {:.1} / {:.1} / {:.1} | {} | {} | {} |",
            shape.n(),
            times[0],
            times[1],
            times[2],
            growth(times),
            peak_text.0,
            peak_text.1
        );
    }
}

fn main() {
    if let Some(path) = std::env::var_os("ADVERSARIAL_CHILD") {
        child(&path);
    } else if std::env::var_os("ADVERSARIAL_TABLE").is_some() {
        table();
    } else {
        divan::main();
    }
}
