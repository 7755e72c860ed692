//! Translations from schemars' output to portable draft 2020-12.
//!
//! - schemars' Rust-specific formats (`uint8` ... `uint64`, `int32`, ...) become
//!   `minimum`/`maximum` (the bounds the Rust integer enforces), and `double` /
//!   `float` go; strict validators such as Ajv refuse unknown formats.
//! - `partial-time` (chrono's `NaiveTime`) becomes the `pattern` of the times the
//!   loader accepts in canonical form, `HH:MM` or `HH:MM:SS[.fff]`.
//! - Descriptions lose what only makes sense in rustdoc: code examples, the
//!   brackets of intra-doc links and crate paths (`crate::`, `mcn_core::`).

use serde_json::{Map, Value};

/// Keywords whose values are data, not schemas: never rewritten.
const DATA_KEYWORDS: [&str; 4] = ["const", "default", "enum", "examples"];

/// The pattern of a time of day: `HH:MM`, `HH:MM:SS`, `HH:MM:SS.fff` (a leap
/// second `:60` included, as chrono reads it).
pub(crate) const TIME_PATTERN: &str =
    "^([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)(\\.[0-9]{1,9})?)?$";

/// Rewrites `schema` in place (see the module docs).
pub(crate) fn portable(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            rewrite_format(map);
            if let Some(Value::String(description)) = map.get_mut("description") {
                *description = clean_description(description);
            }
            for (key, value) in map.iter_mut() {
                if !DATA_KEYWORDS.contains(&key.as_str()) {
                    portable(value);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(portable),
        _ => {}
    }
}

fn integer_bounds(format: &str) -> Option<(Value, Value)> {
    Some(match format {
        "uint8" => (0.into(), u8::MAX.into()),
        "uint16" => (0.into(), u16::MAX.into()),
        "uint32" | "uint" => (0.into(), u32::MAX.into()),
        "uint64" => (0.into(), u64::MAX.into()),
        "int8" => (i8::MIN.into(), i8::MAX.into()),
        "int16" => (i16::MIN.into(), i16::MAX.into()),
        "int32" | "int" => (i32::MIN.into(), i32::MAX.into()),
        "int64" => (i64::MIN.into(), i64::MAX.into()),
        _ => return None,
    })
}

fn rewrite_format(map: &mut Map<String, Value>) {
    let Some(Value::String(format)) = map.get("format") else {
        return;
    };
    if matches!(format.as_str(), "double" | "float") {
        // Any JSON number is a finite f64/f32 to serde: nothing to check.
        map.remove("format");
    } else if let Some((min, max)) = integer_bounds(format) {
        map.remove("format");
        map.entry("minimum").or_insert(min);
        map.entry("maximum").or_insert(max);
    } else if format == "partial-time" {
        map.remove("format");
        map.insert("pattern".to_owned(), TIME_PATTERN.into());
    }
}

/// Drops fenced code blocks and intra-doc link brackets, and joins the lines of
/// each paragraph (list items keep their own line).
fn clean_description(text: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_code = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if trimmed.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push(if trimmed.starts_with("- ") || trimmed.starts_with('|') {
                '\n'
            } else {
                ' '
            });
        }
        current.push_str(trimmed);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    unpath(&unlink(&paragraphs.join("\n\n")))
}

/// `` `crate::Appointment` `` and `` `mcn_core::Redact` `` become
/// `` `Appointment` `` and `` `Redact` ``: Rust paths mean nothing in a schema.
fn unpath(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(tick) = rest.find('`') {
        let (before, from_tick) = rest.split_at(tick + 1);
        out.push_str(before);
        let crate_name_len = from_tick
            .find("::")
            .filter(|&end| {
                let name = from_tick.get(..end).unwrap_or_default();
                name == "crate"
                    || (name.starts_with("mcn_")
                        && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
            })
            .map_or(0, |end| end + 2);
        rest = from_tick.get(crate_name_len..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// `` [`Period::new`] `` becomes `` `Period::new` ``, `[module docs](self)`
/// becomes `module docs`; other brackets (`[slot, ...]`) stay.
fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let (before, from_open) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = from_open.find(']') else {
            out.push_str(from_open);
            return out;
        };
        let inner = from_open.get(1..close).unwrap_or_default();
        let after = from_open.get(close + 1..).unwrap_or_default();
        let link_target_end = after
            .strip_prefix('(')
            .and_then(|target| target.find(')').map(|end| end + 2));
        let is_code_link = inner.len() >= 2 && inner.starts_with('`') && inner.ends_with('`');
        if let Some(end) = link_target_end.filter(|_| !inner.contains('[')) {
            out.push_str(inner);
            rest = after.get(end..).unwrap_or_default();
        } else if is_code_link && !inner.contains('[') {
            out.push_str(inner);
            rest = after;
        } else {
            out.push('[');
            rest = from_open.get(1..).unwrap_or_default();
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn descriptions_lose_code_and_link_brackets_only() {
        let text = "A [`Period`], see [the docs](self) and `crate::validate`.\nSecond line of it.\n\n\
                    ```\nlet x = 1;\n```\n\nIn JSON `{\"weekly\": [slot, ...]}`.\n- one\n- two";
        assert_eq!(
            clean_description(text),
            "A `Period`, see the docs and `validate`. Second line of it.\n\n\
             In JSON `{\"weekly\": [slot, ...]}`.\n- one\n- two"
        );
    }

    #[test]
    fn integer_formats_become_bounds_and_data_is_untouched() {
        let mut schema = json!({
            "properties": {
                "n": {"type": "integer", "format": "uint32", "minimum": 1},
                "format": {"type": "string", "format": "partial-time"},
            },
            "default": {"format": "uint8"},
        });
        portable(&mut schema);
        assert_eq!(
            schema,
            json!({
                "properties": {
                    "n": {"type": "integer", "minimum": 1, "maximum": 4_294_967_295_u32},
                    "format": {"type": "string", "pattern": TIME_PATTERN},
                },
                "default": {"format": "uint8"},
            })
        );
    }
}
