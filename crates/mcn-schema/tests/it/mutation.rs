//! Valid documents changed in one place: the loader and the schema agree on
//! every change (both accept, both refuse, or a listed gap).
//!
//! Exhaustively on the richest entity of each kind in the Northvale example
//! (every value replaced by probes, an unknown key in every object, every key
//! removed and misspelt), and at random on whole generated documents.

use std::collections::BTreeMap;

use proptest::{prelude::*, sample::Index};
use serde_json::{Value, json};

use mcn_governance::{
    Action, Body, Communication, Decision, FundingStream, Meeting, Objective, Risk, Seat,
};
use mcn_network::NetworkProfile;
use mcn_organisations::{Locality, Membership, Organisation, Service, SystemUse};
use mcn_roles::{Appointment, Person, Post, StaffingRecord};
use mcn_standards::{Adoption, AuditResult, Measure, Standard};
use mcn_training::{Course, Event, Registration, TrainingRequirement};
use serde::{Serialize, de::DeserializeOwned};

use crate::common::{Verdict, judge, judge_document, validator};

/// Values that break or stretch some constraint somewhere, as JSON text.
const PROBES: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "1",
    "2",
    "3",
    "5",
    "6",
    "-1",
    "52",
    "53",
    "120",
    "121",
    "255",
    "256",
    "600",
    "601",
    "10080",
    "10081",
    "100000",
    "100001",
    "4294967296",
    "18446744073709551616",
    "0.5",
    "1.5",
    "0.01",
    "1.01",
    "0.125",
    "48.01",
    "1000.01",
    "3.0",
    "1e2",
    "-0.5",
    "[]",
    "{}",
    r#"[""]"#,
    r#"{"x": 1}"#,
    r#""""#,
    r#"" ""#,
    r#""x""#,
    r#""\u0000""#,
    r#""a\nb""#,
    r#""\u0085""#,
    r#""\u00a0""#,
    r#""\ufeff""#,
    r#""nhs_trust""#,
    r#""NHS_TRUST""#,
    r#""nhs-trust""#,
    r#""in_progress""#,
    r#""other""#,
    r#""2025-02-30""#,
    r#""2025-13-01""#,
    r#""2001-01-01""#,
    r#""2039-12-31""#,
    r#""0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f""#,
    r#""0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6""#,
    r#""0190f6a45b2e7c3d9e8f1a2b3c4d5e6g""#,
    r#""1.0""#,
    r#""1.7""#,
    r#""2.0""#,
    r#""1.x""#,
    r#""01.0""#,
    r#""rcb""#,
    r#""RC B""#,
    r#""ZZZ1234567""#,
    r#""SC012345""#,
    r#""12A3456E""#,
    r#""bob@""#,
    r#""a@b.co""#,
    r#""a@b..co""#,
    r#""ods""#,
    r#""gmc""#,
    r#""urn:x""#,
    r#""https://fhir.nhs.uk/Id/ods-organization-code""#,
    r#""09:00:00""#,
    r#""24:00""#,
    r#""mon""#,
    r#"["mon", "mon"]"#,
    r#""NICE-QS160-6""#,
    r#""nice-qs160""#,
    r#""NET--GL""#,
    r#""twenty_four_seven""#,
    r#"{"weekly": []}"#,
    r#"{"count": 0}"#,
    r#"{"fraction": {"numerator": 2, "denominator": 1}}"#,
    r#"{"post": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f"}"#,
    r#"{"start": "2025-02-01", "end": "2025-01-01"}"#,
    r#"{"start": "2025-01-01"}"#,
    r#"{"start": "2025-01-01", "end": null}"#,
    r#"{"system": "ods", "value": "rcb"}"#,
    r#"{"system": "gmc", "value": "123"}"#,
    r#"{"system": "urn:x", "value": "a b"}"#,
    r#"[{"status": "invited", "on": "2025-01-01"}]"#,
    r#"[{"status": "invite", "on": "2025-01-01"}]"#,
    r#"{"min_years": 5, "max_years": 121}"#,
    r#"{"numerator": 0, "denominator": 3}"#,
    r#"{"any_of": []}"#,
];

fn probes() -> Vec<Value> {
    let mut probes: Vec<Value> = PROBES
        .iter()
        .map(|text| serde_json::from_str(text).unwrap())
        .collect();
    probes.push(Value::String("x".repeat(501)));
    probes.push(Value::String(format!("{}@example.org", "a".repeat(243))));
    probes
}

/// JSON Pointers of every node under the root, objects and arrays included.
fn pointers(value: &Value, path: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map
            .iter()
            .map(|(key, child)| (key.replace('~', "~0").replace('/', "~1"), child))
            .collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, c)| (i.to_string(), c))
            .collect(),
        _ => return,
    };
    for (segment, child) in children {
        let child_path = format!("{path}/{segment}");
        out.push(child_path.clone());
        pointers(child, &child_path, out);
    }
}

/// Misspellings of a key or enum value that serde must not accept.
fn misspell(word: &str) -> Vec<String> {
    let mut capitalised = word.to_owned();
    if let Some(first) = capitalised.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    let mut wrong = vec![
        word.to_uppercase(),
        capitalised,
        word.replace('_', "-"),
        format!("{word}s"),
        format!(" {word}"),
    ];
    wrong.retain(|w| w != word);
    wrong
}

/// Every kind of change, applied to `document` at `pointer`.
#[derive(Debug, Clone)]
enum Change {
    Replace(Value),
    InsertUnknownKey,
    RemoveKey(String),
    RenameKey(String, String),
    Push(Value),
}

fn apply(document: &Value, pointer: &str, change: &Change) -> Option<Value> {
    let mut changed = document.clone();
    let target = changed.pointer_mut(pointer)?;
    match (change, target) {
        (Change::Replace(value), target) => *target = value.clone(),
        (Change::InsertUnknownKey, Value::Object(map)) => {
            map.insert("unknown_field".to_owned(), json!(1));
        }
        (Change::RemoveKey(key), Value::Object(map)) => {
            map.remove(key)?;
        }
        (Change::RenameKey(from, to), Value::Object(map)) => {
            let value = map.remove(from)?;
            map.insert(to.clone(), value);
        }
        (Change::Push(value), Value::Array(items)) => items.push(value.clone()),
        _ => return None,
    }
    Some(changed)
}

/// How a value is judged: by a schema and the Rust type behind it.
type JudgeFn = dyn Fn(&Value) -> Result<Verdict, String>;
type Judge<'a> = &'a JudgeFn;

fn check(
    judge: Judge<'_>,
    value: &Value,
    pointer: &str,
    change: &Change,
) -> Result<Option<Verdict>, String> {
    let Some(changed) = apply(value, pointer, change) else {
        return Ok(None);
    };
    let verdict = judge(&changed).map_err(|error| format!("{change:?} at {pointer}: {error}"))?;
    if matches!(change, Change::InsertUnknownKey | Change::RenameKey(..))
        && verdict != Verdict::Rejected
    {
        return Err(format!(
            "{change:?} at {pointer} was not refused by both: {verdict:?}"
        ));
    }
    Ok(Some(verdict))
}

fn kind(value: &Value) -> u8 {
    match value {
        Value::Null | Value::Bool(_) => 0,
        Value::Number(_) => 1,
        Value::String(_) => 2,
        Value::Array(_) => 3,
        Value::Object(_) => 4,
    }
}

/// Every single change at every place in `value`: the probes of the same JSON
/// type as the value replaced (and one of each other type), misspellings of
/// strings and keys, unknown keys, removed keys, pushed elements.
fn every_change(
    value: &Value,
    judge: Judge<'_>,
    tally: &mut BTreeMap<String, usize>,
    failures: &mut Vec<String>,
) {
    let probes = probes();
    let mut paths = vec![String::new()];
    pointers(value, "", &mut paths);
    for pointer in &paths {
        let target = value.pointer(pointer).unwrap();
        let mut changes: Vec<Change> = Vec::new();
        if !pointer.is_empty() {
            let mut other_kinds = [false; 5];
            for probe in &probes {
                let probe_kind = usize::from(kind(probe));
                if kind(probe) == kind(target)
                    || !std::mem::replace(&mut other_kinds[probe_kind], true)
                {
                    changes.push(Change::Replace(probe.clone()));
                }
            }
        }
        match target {
            Value::Object(map) => {
                changes.push(Change::InsertUnknownKey);
                for key in map.keys() {
                    changes.push(Change::RemoveKey(key.clone()));
                    changes.extend(
                        misspell(key)
                            .into_iter()
                            .map(|wrong| Change::RenameKey(key.clone(), wrong)),
                    );
                }
            }
            Value::Array(items) => {
                changes.extend(items.first().cloned().map(Change::Push));
                changes.push(Change::Push(json!("x")));
            }
            Value::String(word) => {
                changes.extend(
                    misspell(word)
                        .into_iter()
                        .map(|wrong| Change::Replace(Value::String(wrong))),
                );
            }
            _ => {}
        }
        for change in &changes {
            match check(judge, value, pointer, change) {
                Ok(Some(verdict)) => *tally.entry(format!("{verdict:?}")).or_default() += 1,
                Ok(None) => {}
                Err(error) => failures.push(error),
            }
        }
    }
}

fn entity<T: DeserializeOwned + Serialize>(name: &'static str) -> (&'static str, Box<JudgeFn>) {
    (
        name,
        Box::new(move |value: &Value| judge::<T>(validator(name), value)),
    )
}

/// The richest entity (most fields and nested values) of each kind in the
/// Northvale example: `(schema name, entity)`.
fn richest_entities() -> Vec<(&'static str, Value)> {
    let document = serde_json::to_value(mcn_testkit::example::northvale()).unwrap();
    let size = |value: &Value| {
        let mut paths = Vec::new();
        pointers(value, "", &mut paths);
        paths.len()
    };
    let richest = |items: Vec<&Value>| items.into_iter().max_by_key(|item| size(item)).cloned();
    let mut entities = vec![("network-profile", document["network"].clone())];
    for &(collection, name) in crate::conformance::COLLECTIONS {
        let items: Vec<&Value> = document[collection]
            .as_array()
            .into_iter()
            .flatten()
            .collect();
        entities.extend(richest(items.clone()).map(|entity| (name, entity)));
        for (nested, nested_name) in [
            ("decisions", "decision"),
            ("actions", "action"),
            ("measures", "measure"),
        ] {
            let inner: Vec<&Value> = items
                .iter()
                .flat_map(|item| item[nested].as_array().into_iter().flatten())
                .collect();
            entities.extend(richest(inner).map(|entity| (nested_name, entity)));
        }
    }
    entities
}

#[test]
fn every_single_change_to_example_entities_is_judged_alike() {
    let judges: BTreeMap<&str, Box<JudgeFn>> = [
        entity::<NetworkProfile>("network-profile"),
        entity::<Locality>("locality"),
        entity::<Organisation>("organisation"),
        entity::<Membership>("membership"),
        entity::<Service>("service"),
        entity::<SystemUse>("system-use"),
        entity::<Person>("person"),
        entity::<Post>("post"),
        entity::<Appointment>("appointment"),
        entity::<StaffingRecord>("staffing-record"),
        entity::<Body>("body"),
        entity::<Seat>("seat"),
        entity::<Meeting>("meeting"),
        entity::<Decision>("decision"),
        entity::<Action>("action"),
        entity::<Objective>("objective"),
        entity::<Risk>("risk"),
        entity::<FundingStream>("funding-stream"),
        entity::<Communication>("communication"),
        entity::<Course>("course"),
        entity::<Event>("event"),
        entity::<Registration>("registration"),
        entity::<TrainingRequirement>("training-requirement"),
        entity::<Standard>("standard"),
        entity::<Measure>("measure"),
        entity::<Adoption>("adoption"),
        entity::<AuditResult>("audit-result"),
    ]
    .into_iter()
    .collect();
    let entities = richest_entities();
    assert_eq!(
        entities.len(),
        judges.len(),
        "an entity kind is missing from the example"
    );
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for (name, value) in &entities {
        every_change(value, judges[name].as_ref(), &mut tally, &mut failures);
    }
    // The document itself: its root and its schema version.
    let document = serde_json::to_value(mcn_testkit::example::minimal()).unwrap();
    let root =
        json!({"schema_version": document["schema_version"], "network": document["network"]});
    every_change(&root, &judge_document, &mut tally, &mut failures);
    assert!(
        failures.is_empty(),
        "{} disagreements, e.g.:\n{}",
        failures.len(),
        failures
            .iter()
            .take(8)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The probes reach both outcomes, and the gaps stay the exception.
    let count = |key: &str| tally.get(key).copied().unwrap_or_default();
    assert!(count("Rejected") > 5000, "{tally:?}");
    assert!(count("Accepted") > 500, "{tally:?}");
    let gaps: usize = tally
        .iter()
        .filter(|(k, _)| k.starts_with("Gap"))
        .map(|(_, n)| n)
        .sum();
    assert!(gaps * 20 < count("Rejected"), "{tally:?}");
    println!("{tally:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn a_random_change_to_a_generated_document_is_judged_alike(
        document in mcn_network::strategy::wired_document(),
        at in any::<Index>(),
        probe in any::<Index>(),
        kind in 0_u8..5,
    ) {
        let value = serde_json::to_value(&document).unwrap();
        let mut paths = Vec::new();
        pointers(&value, "", &mut paths);
        let pointer = at.get(&paths).clone();
        let target = value.pointer(&pointer).unwrap();
        let probes = probes();
        let keys: Vec<String> = target.as_object().map(|map| map.keys().cloned().collect()).unwrap_or_default();
        let change = match (kind, target) {
            (1, Value::Object(_)) => Change::InsertUnknownKey,
            (2, Value::Object(_)) if !keys.is_empty() => Change::RemoveKey(probe.get(&keys).clone()),
            (3, Value::Object(_)) if !keys.is_empty() => {
                let key = probe.get(&keys).clone();
                Change::RenameKey(key.clone(), format!("{key}_"))
            }
            (4, Value::Array(_)) => Change::Push(probe.get(&probes).clone()),
            _ => Change::Replace(probe.get(&probes).clone()),
        };
        let result = check(&judge_document, &value, &pointer, &change);
        prop_assert!(result.is_ok(), "{}", result.unwrap_err());
    }
}
