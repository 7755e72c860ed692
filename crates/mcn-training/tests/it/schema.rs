//! JSON Schemas state the constraints the types enforce on load.

use mcn_training::*;
use serde_json::Value;

fn schema<T: schemars::JsonSchema>() -> Value {
    serde_json::to_value(schemars::schema_for!(T)).unwrap()
}

#[test]
fn registration_schema_bounds_ratings_and_closes_objects() {
    let s = schema::<Registration>();
    assert_eq!(s["additionalProperties"], false);
    let required: Vec<&str> = s["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        required,
        ["id", "event", "person", "organisation", "status"]
    );
    let rating = &s["$defs"]["Rating"];
    assert_eq!(rating["minimum"], 1);
    assert_eq!(rating["maximum"], 5);
    assert!(
        s["$defs"]["AccessBarrier"]
            .to_string()
            .contains("no_release"),
        "{}",
        s["$defs"]["AccessBarrier"]
    );
}

#[test]
fn event_and_requirement_schemas_state_ranges_and_shapes() {
    let e = schema::<Event>();
    assert_eq!(e["$defs"]["Minutes"]["minimum"], 1);
    assert_eq!(e["$defs"]["Capacity"]["minimum"], 1);
    assert!(e["properties"]["title"]["description"].is_string());
    let r = schema::<TrainingRequirement>();
    assert_eq!(r["$defs"]["RenewalMonths"]["maximum"], 600);
    let applies = r["$defs"]["AppliesTo"].to_string();
    assert!(
        applies.contains("\"role\"") && applies.contains("\"profession\""),
        "{applies}"
    );
    let c = schema::<Course>();
    assert_eq!(c["$defs"]["CpdHours"]["maximum"], 1000);
    let level = c["$defs"]["EducationLevel"].to_string();
    for name in ["public_health", "universal", "core", "specialist"] {
        assert!(level.contains(name), "{level}");
    }
}
