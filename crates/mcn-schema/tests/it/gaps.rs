//! The places where the schemas and the Rust loader knowingly differ: exactly
//! the gaps listed in `docs/schemas/README.md`, each shown to be real.

use chrono::NaiveTime;
use mcn_core::{Period, SchemaVersion, Text, id::PersonId};
use mcn_governance::quorum::Fraction;
use mcn_organisations::{AgeRange, WeeklySlot};
use mcn_training::Rating;
use serde_json::Value;

use crate::common::{def_validator, rust};

/// A known difference, with a value that shows it.
struct Gap {
    /// The id used in `docs/schemas/README.md`.
    id: &'static str,
    /// `true`: the loader refuses a value the schema accepts (a rule JSON Schema
    /// cannot state); `false`: the schema refuses a spelling the loader also
    /// reads (mcn never writes it).
    loader_stricter: bool,
    /// The definition the example is checked against.
    def: &'static str,
    /// The example, as JSON text.
    example: &'static str,
    /// The Rust type's verdict on the example.
    parse: fn(&str) -> Result<(), String>,
}

fn ok<T: serde::de::DeserializeOwned>(text: &str) -> Result<(), String> {
    rust::<T>(text).map(drop)
}

const LONG_UNTRIMMED: &str = concat!(
    "\" ",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxx",
    " \""
);

const GAPS: &[Gap] = &[
    Gap {
        id: "period-end-before-start",
        loader_stricter: true,
        def: "Period",
        example: r#"{"start": "2025-02-01", "end": "2025-01-31"}"#,
        parse: ok::<Period>,
    },
    Gap {
        id: "two-decimal-places",
        loader_stricter: true,
        def: "Wte",
        example: "0.125",
        parse: ok::<mcn_core::Wte>,
    },
    Gap {
        id: "integer-written-as-decimal",
        loader_stricter: true,
        def: "Rating",
        example: "3.0",
        parse: ok::<Rating>,
    },
    Gap {
        id: "quorum-fraction-above-one",
        loader_stricter: true,
        def: "Fraction",
        example: r#"{"numerator": 3, "denominator": 2}"#,
        parse: ok::<Fraction>,
    },
    Gap {
        id: "age-range-inverted",
        loader_stricter: true,
        def: "AgeRange",
        example: r#"{"min_years": 19, "max_years": 18}"#,
        parse: ok::<AgeRange>,
    },
    Gap {
        id: "slot-end-not-after-start",
        loader_stricter: true,
        def: "WeeklySlot",
        example: r#"{"days_of_week": ["sat"], "available_start_time": "20:00:00", "available_end_time": "08:00:00"}"#,
        parse: ok::<WeeklySlot>,
    },
    Gap {
        id: "schema-version-minor-spelling",
        loader_stricter: true,
        def: "SchemaVersion",
        example: r#""1.01""#,
        parse: ok::<SchemaVersion>,
    },
    Gap {
        id: "duplicate-keys",
        loader_stricter: true,
        def: "Period",
        example: r#"{"start": "2025-01-01", "start": "2025-01-02"}"#,
        parse: ok::<Period>,
    },
    Gap {
        id: "untrimmed-text-length",
        loader_stricter: false,
        def: "Text",
        example: LONG_UNTRIMMED,
        parse: ok::<Text>,
    },
    Gap {
        id: "invisible-or-bidi-text",
        loader_stricter: true,
        def: "Text",
        example: r#""\u200b\ufeff""#,
        parse: ok::<Text>,
    },
    Gap {
        id: "uuid-spelling",
        loader_stricter: false,
        def: "PersonId",
        example: r#""urn:uuid:0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f""#,
        parse: ok::<PersonId>,
    },
    Gap {
        id: "time-spelling",
        loader_stricter: false,
        def: "WeeklySlot",
        example: r#"{"days_of_week": ["mon"], "available_start_time": "9:00", "available_end_time": "17:00"}"#,
        parse: ok::<WeeklySlot>,
    },
];

/// The loader-stricter gap a Rust error message belongs to, if any.
pub(crate) fn classify(rust_error: &str) -> Option<&'static str> {
    let integral_float = rust_error
        .split_once("invalid type: floating point `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .and_then(|(number, _)| number.parse::<f64>().ok())
        .is_some_and(|number| number.fract() == 0.0);
    let schema_version_minor = rust_error.contains("schema_version")
        && rust_error.contains("is malformed")
        && rust_error
            .split('"')
            .nth(1)
            .and_then(|version| version.strip_prefix("1."))
            .is_some_and(|minor| {
                minor.bytes().all(|b| b.is_ascii_digit())
                    && (minor.len() >= 10 || (minor.len() > 1 && minor.starts_with('0')))
            });
    [
        (
            "period-end-before-start",
            rust_error.contains("before it starts on"),
        ),
        (
            "two-decimal-places",
            rust_error.contains("has more than two decimal places"),
        ),
        ("integer-written-as-decimal", integral_float),
        (
            "quorum-fraction-above-one",
            rust_error.contains("expected a numerator from 1 to the denominator"),
        ),
        (
            "age-range-inverted",
            rust_error.contains("the minimum is above the maximum"),
        ),
        (
            "slot-end-not-after-start",
            rust_error.contains("the end must be after the start"),
        ),
        ("schema-version-minor-spelling", schema_version_minor),
        ("duplicate-keys", rust_error.contains("duplicate field")),
        (
            "invisible-or-bidi-text",
            rust_error.contains("invisible characters do not count")
                || rust_error.contains("bidirectional control character"),
        ),
    ]
    .into_iter()
    .find_map(|(id, matched)| matched.then_some(id))
}

/// The schema-stricter gap that explains why the schema refuses `input`,
/// which Rust read and wrote back as `written`: the first string that changed
/// is a non-canonical spelling of a listed kind.
pub(crate) fn classify_stricter(input: &Value, written: &Value) -> Option<&'static str> {
    let (was, now) = first_changed_string(input, written)?;
    if now.parse::<PersonId>().is_ok() && was.parse::<PersonId>().is_ok() {
        Some("uuid-spelling")
    } else if now.parse::<NaiveTime>().is_ok() && was.trim().parse::<NaiveTime>().is_ok() {
        Some("time-spelling")
    } else if was.trim() == now && was.chars().count() > Text::MAX_CHARS {
        Some("untrimmed-text-length")
    } else {
        None
    }
}

fn first_changed_string(a: &Value, b: &Value) -> Option<(String, String)> {
    match (a, b) {
        (Value::String(x), Value::String(y)) if x != y => Some((x.clone(), y.clone())),
        (Value::Array(xs), Value::Array(ys)) => xs
            .iter()
            .zip(ys)
            .find_map(|(x, y)| first_changed_string(x, y)),
        (Value::Object(xs), Value::Object(ys)) => xs
            .iter()
            .find_map(|(key, x)| ys.get(key).and_then(|y| first_changed_string(x, y))),
        _ => None,
    }
}

/// The gap ids listed in `docs/schemas/README.md`: the table rows `` | `id` | ``
/// under its heading "What the schemas do not check".
fn listed_in_readme() -> Vec<String> {
    let path = crate::common::workspace().join("docs/schemas/README.md");
    let readme = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    let mut ids: Vec<String> = readme
        .lines()
        .skip_while(|line| !line.starts_with("## What the schemas do not check"))
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split_once("` |").map(|(id, _)| id.to_owned()))
        .collect();
    ids.sort();
    ids
}

#[test]
fn every_gap_is_real() {
    for gap in GAPS {
        let value: Value = serde_json::from_str(gap.example).unwrap();
        let schema_ok = def_validator(gap.def).is_valid(&value);
        let rust_result = (gap.parse)(gap.example);
        if gap.loader_stricter {
            assert!(
                schema_ok,
                "{}: the schema now refuses {}",
                gap.id, gap.example
            );
            let error = rust_result.expect_err(gap.id);
            assert_eq!(classify(&error), Some(gap.id), "{}: {error}", gap.id);
        } else {
            assert!(
                !schema_ok,
                "{}: the schema now accepts {}",
                gap.id, gap.example
            );
            assert!(
                rust_result.is_ok(),
                "{}: Rust now refuses {}",
                gap.id,
                gap.example
            );
        }
    }
}

#[test]
fn the_readme_lists_exactly_these_gaps() {
    let mut ours: Vec<String> = GAPS.iter().map(|gap| gap.id.to_owned()).collect();
    ours.sort();
    assert_eq!(
        listed_in_readme(),
        ours,
        "docs/schemas/README.md must list exactly the gaps in tests/it/gaps.rs"
    );
}
