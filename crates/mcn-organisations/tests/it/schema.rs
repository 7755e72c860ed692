//! The JSON Schemas state the constraints serde enforces.

use mcn_organisations::{AgeRange, Availability, Membership, Organisation, Service, WeeklySlot};
use serde_json::Value;

fn schema<T: schemars::JsonSchema>() -> Value {
    serde_json::to_value(schemars::schema_for!(T)).unwrap()
}

#[test]
fn organisation_schema_has_defaults_descriptions_and_no_extra_fields() {
    let s = schema::<Organisation>();
    assert_eq!(s["additionalProperties"], false);
    assert_eq!(s["properties"]["active"]["default"], true);
    let required: Vec<&str> = s["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(required, ["id", "name", "kind"]);
    for (name, property) in s["properties"].as_object().unwrap() {
        assert!(
            property.get("description").is_some(),
            "{name} has no description"
        );
    }
    let text = s.to_string();
    assert!(text.contains("childrens_hospice") && text.contains("local_authority"));
}

#[test]
fn value_constraints_are_in_the_schema() {
    let slot = schema::<WeeklySlot>();
    assert_eq!(slot["properties"]["days_of_week"]["minItems"], 1);
    assert_eq!(slot["properties"]["days_of_week"]["uniqueItems"], true);
    assert_eq!(slot["additionalProperties"], false);
    let age = schema::<AgeRange>();
    assert_eq!(age["properties"]["max_years"]["maximum"], 120);
    assert!(age["description"].as_str().unwrap().contains("min_years"));
    let availability = schema::<Availability>().to_string();
    assert!(availability.contains("twenty_four_seven") && availability.contains("weekly"));
    assert!(availability.contains("\"minItems\":1"), "{availability}");
}

#[test]
fn service_and_membership_schemas_build() {
    let service = schema::<Service>();
    assert!(service["properties"]["localities"].is_object());
    let membership = schema::<Membership>();
    assert_eq!(membership["properties"]["status"]["minItems"], 1);
    assert!(membership.to_string().contains("suspended"));
}
