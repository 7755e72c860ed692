//! The JSON Schemas state the value constraints serde enforces.

use mcn_standards::{Adoption, AuditResult, Standard};
use serde_json::Value;

fn schema<T: schemars::JsonSchema>() -> Value {
    serde_json::to_value(schemars::schema_for!(T)).unwrap()
}

#[test]
fn standard_schema_states_code_pattern_and_denies_unknown_fields() {
    let s = schema::<Standard>();
    assert_eq!(s["additionalProperties"], Value::Bool(false));
    let code = &s["$defs"]["StandardCode"];
    assert_eq!(code["pattern"], "^[A-Z0-9]+(-[A-Z0-9]+)*$");
    assert_eq!(code["maxLength"], 40);
    assert_eq!(s["properties"]["status"]["minItems"], 1);
    let required: Vec<_> = s["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for field in ["id", "code", "title", "kind", "source", "version", "status"] {
        assert!(
            required.contains(&field),
            "{field} not required: {required:?}"
        );
    }
    assert!(!required.contains(&"measures"));
}

#[test]
fn audit_counts_are_non_negative_integers() {
    let s = schema::<AuditResult>();
    for field in ["numerator", "denominator"] {
        assert_eq!(s["properties"][field]["type"], "integer", "{field}");
        assert_eq!(s["properties"][field]["minimum"], 0, "{field}");
    }
    let category = s["properties"]["category"].to_string();
    assert!(category.contains("ConditionCategory"), "{category}");
}

#[test]
fn adoption_schema_names_every_status() {
    let text = schema::<Adoption>().to_string();
    for status in [
        "not_started",
        "planned",
        "in_progress",
        "adopted",
        "not_applicable",
    ] {
        assert!(text.contains(status), "{status}");
    }
}
