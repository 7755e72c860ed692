//! The registry: names, ids, metadata, and the shape of every schema.

use std::collections::BTreeSet;

use mcn_schema::{BASE_URI, META_SCHEMA, document_types, find};
use serde_json::Value;

#[test]
fn names_are_unique_kebab_case_and_found() {
    let mut seen = BTreeSet::new();
    for ty in document_types() {
        let name = ty.name();
        assert!(seen.insert(name), "{name} is registered twice");
        assert!(
            !name.is_empty()
                && !name.starts_with('-')
                && !name.ends_with('-')
                && !name.contains("--")
                && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{name} is not kebab case"
        );
        assert_eq!(find(name).unwrap().name(), name);
    }
    for required in [
        "network-document",
        "report",
        "evaluation-report",
        "organisation",
        "person",
        "meeting",
        "registration",
        "standard",
    ] {
        assert!(seen.contains(required), "{required} is not registered");
    }
}

#[test]
fn unknown_names_are_refused_with_the_list() {
    let error = find("people").unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with("unknown schema \"people\": expected one of "),
        "{message}"
    );
    for ty in document_types() {
        assert!(
            message.contains(ty.name()),
            "{message} misses {}",
            ty.name()
        );
    }
}

#[test]
fn every_schema_declares_dialect_id_title_and_description() {
    let mut ids = BTreeSet::new();
    for ty in document_types() {
        let schema = ty.schema();
        let name = ty.name();
        assert_eq!(schema["$schema"], META_SCHEMA, "{name}");
        let id = schema["$id"].as_str().unwrap();
        assert_eq!(id, format!("{BASE_URI}{name}.schema.json"));
        assert!(ids.insert(id.to_owned()), "{id} twice");
        assert_eq!(schema["title"], ty.title(), "{name}");
        assert!(!ty.title().is_empty(), "{name}");
        let description = schema["description"].as_str().unwrap_or_default();
        assert!(description.len() > 10, "{name} has no description");
        assert!(
            !description.contains("```"),
            "{name}: rustdoc code in {description}"
        );
        assert!(
            jsonschema::meta::is_valid(&schema),
            "{name} is not a valid 2020-12 schema"
        );
    }
}

/// Walks every subschema (not the data under `const`, `default`, `enum`,
/// `examples`), with its JSON Pointer.
fn walk(value: &Value, path: &str, visit: &mut dyn FnMut(&str, &serde_json::Map<String, Value>)) {
    match value {
        Value::Object(map) => {
            visit(path, map);
            for (key, child) in map {
                if !matches!(key.as_str(), "const" | "default" | "enum" | "examples") {
                    walk(child, &format!("{path}/{key}"), visit);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk(child, &format!("{path}/{i}"), visit);
            }
        }
        _ => {}
    }
}

/// Fields the Rust types leave undocumented, so their schema has no
/// description: none may be.
const UNDESCRIBED: &[&str] = &[];

#[test]
fn objects_are_closed_variants_and_fields_are_described() {
    let mut undescribed = Vec::new();
    for ty in document_types() {
        let schema = ty.schema();
        let mut problems = Vec::new();
        walk(&schema, "", &mut |path, map| {
            if map.get("type") == Some(&Value::from("object"))
                && map.get("additionalProperties") != Some(&Value::Bool(false))
            {
                problems.push(format!(
                    "{path}: object without additionalProperties: false"
                ));
            }
            for branch in map
                .get("oneOf")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if branch.get("description").is_none() {
                    problems.push(format!(
                        "{path}: oneOf branch without description: {branch}"
                    ));
                }
            }
            // Fields are described; the one field of an enum variant or of an
            // identifier branch is described by its branch.
            if let Some(Value::Object(properties)) = map.get("properties")
                && map.get("type") == Some(&Value::from("object"))
                && !path.contains("/oneOf/")
            {
                for (field, property) in properties {
                    let at = format!("{} {path}/properties/{field}", ty.name());
                    if property.get("description").is_none() {
                        if UNDESCRIBED.contains(&at.as_str()) {
                            undescribed.push(at);
                        } else {
                            problems.push(format!("{path}/properties/{field}: no description"));
                        }
                    }
                }
            }
            if let Some(Value::String(format)) = map.get("format") {
                const STANDARD: [&str; 4] = ["date", "date-time", "uuid", "json-pointer"];
                if !STANDARD.contains(&format.as_str()) {
                    problems.push(format!("{path}: format {format} (not one we vouch for)"));
                }
            }
        });
        assert!(
            problems.is_empty(),
            "{}:\n{}",
            ty.name(),
            problems.join("\n")
        );
    }
    undescribed.sort();
    assert_eq!(
        undescribed, UNDESCRIBED,
        "UNDESCRIBED lists fields that are described now"
    );
}

/// Whether `pattern` is valid in ECMAScript's unicode mode (Ajv compiles
/// patterns with the `u` flag): outside a character class only syntax
/// characters and class escapes may follow a backslash (`\-` is an error).
fn ecmascript_unicode_ok(pattern: &str) -> bool {
    let mut chars = pattern.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    if hex.len() != 4 || !hex.chars().all(|h| h.is_ascii_hexdigit()) {
                        return false;
                    }
                }
                Some(e) if "^$\\.*+?()[]{}|/dDwWsSbBnrtfv".contains(e) => {}
                Some('-') if in_class => {}
                _ => return false,
            },
            '[' => in_class = true,
            ']' => in_class = false,
            _ => {}
        }
    }
    true
}

#[test]
fn patterns_are_portable_to_ecmascript() {
    assert!(
        !ecmascript_unicode_ok("^[0-9]\\-[0-9]$"),
        "the checker itself"
    );
    for ty in document_types() {
        walk(&ty.schema(), "", &mut |path, map| {
            if let Some(Value::String(pattern)) = map.get("pattern") {
                assert!(
                    ecmascript_unicode_ok(pattern),
                    "{} {path}: {pattern}",
                    ty.name()
                );
            }
        });
    }
}

/// The `properties` of a schema, for comparing an entity schema's root with
/// the document's definition of the same type.
fn properties(schema: &Value) -> &Value {
    &schema["properties"]
}

#[test]
fn every_collection_of_the_document_has_its_entity_schema() {
    let document = find("network-document").unwrap().schema();
    let defs = &document["$defs"];
    let entity_properties: Vec<Value> = document_types()
        .iter()
        .filter(|ty| ty.name() != "network-document")
        .map(|ty| properties(&ty.schema()).clone())
        .collect();
    let registered = |def: &str| entity_properties.contains(properties(&defs[def]));
    let target = |items: &Value| {
        items["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/$defs/"))
            .unwrap()
            .to_owned()
    };
    let mut checked = Vec::new();
    for (field, property) in document["properties"].as_object().unwrap() {
        let def = if property["type"] == "array" {
            target(&property["items"])
        } else if property.get("$ref").is_some() {
            target(property)
        } else {
            continue;
        };
        if def == "SchemaVersion" {
            continue;
        }
        assert!(
            registered(&def),
            "collection {field} ({def}) has no entity schema"
        );
        checked.push(def);
    }
    for (owner, nested) in [
        ("Meeting", "decisions"),
        ("Meeting", "actions"),
        ("Standard", "measures"),
    ] {
        let def = target(&defs[owner]["properties"][nested]["items"]);
        assert!(
            registered(&def),
            "{owner}.{nested} ({def}) has no entity schema"
        );
        checked.push(def);
    }
    assert!(checked.len() >= 27, "only {checked:?}");
}

#[test]
fn the_index_lists_every_schema_and_its_file() {
    let index = mcn_schema::index();
    let entries = index["schemas"].as_array().unwrap();
    assert_eq!(entries.len(), document_types().len());
    for (entry, ty) in entries.iter().zip(document_types()) {
        assert_eq!(entry["name"], ty.name());
        assert_eq!(entry["$id"], ty.schema()["$id"]);
        assert_eq!(entry["title"], ty.title());
        assert_eq!(entry["file"], format!("{}.schema.json", ty.name()));
    }
    let files = mcn_schema::files();
    assert_eq!(files.len(), document_types().len() + 1);
    assert_eq!(files.last().unwrap().name, mcn_schema::INDEX_FILE);
}

#[test]
fn output_is_deterministic_and_canonical() {
    let first = mcn_schema::files();
    assert_eq!(first, mcn_schema::files());
    for file in &first {
        assert!(file.contents.ends_with("}\n"), "{}", file.name);
        let value: Value = serde_json::from_str(&file.contents).unwrap();
        assert_eq!(
            mcn_schema::to_canonical_json(&value),
            file.contents,
            "{}",
            file.name
        );
    }
    let document = &first[0].contents;
    let position = |key: &str| document.find(&format!("\n  \"{key}\"")).unwrap();
    assert!(position("$schema") < position("$id"));
    assert!(position("$id") < position("title"));
    assert!(position("properties") < position("$defs"));
}
