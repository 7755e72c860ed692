//! Validators built once, and the agreement check between the Rust loader and
//! the schemas.

use std::{
    collections::HashMap,
    path::PathBuf,
    sync::{LazyLock, Mutex},
};

use jsonschema::{Draft, Validator};
use mcn_network::NetworkDocument;
use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Map, Value, json};

use crate::gaps;

/// The workspace root.
pub(crate) fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A draft 2020-12 validator with format validation on, refusing unknown
/// formats (so every format we emit is one validators know).
pub(crate) fn build(schema: &Value) -> Validator {
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .should_validate_formats(true)
        .should_ignore_unknown_formats(false)
        .build(schema)
        .unwrap_or_else(|error| panic!("schema does not compile: {error}"))
}

static BY_NAME: LazyLock<HashMap<&'static str, Validator>> = LazyLock::new(|| {
    mcn_schema::document_types()
        .iter()
        .map(|ty| (ty.name(), build(&ty.schema())))
        .collect()
});

/// The validator of the registered schema `name`.
pub(crate) fn validator(name: &str) -> &'static Validator {
    BY_NAME
        .get(name)
        .unwrap_or_else(|| panic!("no schema named {name}"))
}

/// The `$defs` of the registered schema `name`.
pub(crate) fn defs_of(name: &str) -> Map<String, Value> {
    match mcn_schema::find(name).unwrap().schema().get("$defs") {
        Some(Value::Object(defs)) => defs.clone(),
        _ => Map::new(),
    }
}

/// The definitions of the document and the findings report together (their
/// names do not clash), by definition name.
pub(crate) static DEFS: LazyLock<Map<String, Value>> = LazyLock::new(|| {
    let mut defs = defs_of("network-document");
    for (name, def) in defs_of("report") {
        let clash = defs.insert(name.clone(), def.clone());
        assert!(
            clash.is_none_or(|old| old == def),
            "{name} differs between schemas"
        );
    }
    defs
});

static BY_DEF: LazyLock<Mutex<HashMap<String, &'static Validator>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// A validator of the definition `def` of [`DEFS`] (e.g. `Text`,
/// `Identifier`), with all definitions it refers to.
pub(crate) fn def_validator(def: &str) -> &'static Validator {
    def_validator_in(None, def)
}

/// A validator of the definition `def` of the registered schema `schema`, or
/// of [`DEFS`] when `schema` is `None`.
pub(crate) fn def_validator_in(schema: Option<&str>, def: &str) -> &'static Validator {
    let key = format!("{}#{def}", schema.unwrap_or_default());
    let mut cache = BY_DEF.lock().unwrap();
    cache.entry(key).or_insert_with(|| {
        let defs = schema.map_or_else(|| DEFS.clone(), defs_of);
        assert!(defs.contains_key(def), "no definition {def}");
        let schema = json!({
            "$schema": mcn_schema::META_SCHEMA,
            "$ref": format!("#/$defs/{def}"),
            "$defs": Value::Object(defs),
        });
        Box::leak(Box::new(build(&schema)))
    })
}

/// The schema's error messages for `instance`.
pub(crate) fn errors(validator: &Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

/// How the Rust loader and a schema judged a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Both accept it.
    Accepted,
    /// Both refuse it.
    Rejected,
    /// They differ, as the listed gap says (the loader refuses what JSON
    /// Schema cannot state, or the schema refuses a non-canonical spelling).
    Gap(&'static str),
}

/// Parses `text` as a `T` the way the loader does (from bytes).
pub(crate) fn rust<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str::<T>(text).map_err(|error| error.to_string())
}

/// Judges `value` by the Rust type `T` and by `validator`, and fails when
/// they disagree:
/// - Rust refuses it: the schema must refuse it too, unless the refusal is a
///   gap listed in `docs/schemas/README.md` (recognised by its message);
/// - Rust accepts it: the schema must accept the input, and what Rust writes
///   back.
pub(crate) fn judge<T: DeserializeOwned + Serialize>(
    validator: &Validator,
    value: &Value,
) -> Result<Verdict, String> {
    judge_with(validator, value, |text| {
        rust::<T>(text).map(|t| serde_json::to_value(t).unwrap())
    })
}

/// [`judge`] for a whole document, parsed by `NetworkDocument::from_json`.
pub(crate) fn judge_document(value: &Value) -> Result<Verdict, String> {
    judge_with(validator("network-document"), value, |text| {
        NetworkDocument::from_json(text.as_bytes())
            .map(|doc| serde_json::to_value(doc).unwrap())
            .map_err(|error| error.to_string())
    })
}

fn judge_with(
    validator: &Validator,
    value: &Value,
    parse: impl Fn(&str) -> Result<Value, String>,
) -> Result<Verdict, String> {
    let text = value.to_string();
    let schema_ok = validator.is_valid(value);
    match parse(&text) {
        Err(rust_error) => {
            if !schema_ok {
                return Ok(Verdict::Rejected);
            }
            match gaps::classify(&rust_error) {
                Some(gap) => Ok(Verdict::Gap(gap)),
                None => Err(format!(
                    "Rust refuses what the schema accepts (not a listed gap):\n  value: {}\n  rust: {rust_error}",
                    short(&text)
                )),
            }
        }
        Ok(written) => {
            if !schema_ok {
                if let Some(gap) = gaps::classify_stricter(value, &written) {
                    return Ok(Verdict::Gap(gap));
                }
                return Err(format!(
                    "the schema refuses what Rust accepts:\n  value: {}\n  schema: {:?}",
                    short(&text),
                    errors(validator, value)
                ));
            }
            let written_errors = errors(validator, &written);
            if written_errors.is_empty() {
                Ok(Verdict::Accepted)
            } else {
                Err(format!(
                    "the schema refuses what Rust writes:\n  value: {}\n  schema: {written_errors:?}",
                    short(&written.to_string())
                ))
            }
        }
    }
}

fn short(text: &str) -> String {
    if text.chars().count() > 400 {
        let head: String = text.chars().take(400).collect();
        format!("{head}…")
    } else {
        text.to_owned()
    }
}
