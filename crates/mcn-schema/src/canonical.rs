//! One stable text form for schemas, whatever `serde_json`'s map order.

use serde::{Serialize, Serializer, ser::SerializeMap};
use serde_json::Value;

/// Keys written first in every object, in this order (`name` leads the
/// index's entries); everything else follows alphabetically, `$defs` last.
const LEADING: [&str; 6] = ["$schema", "name", "$id", "title", "description", "type"];

fn rank(key: &str) -> usize {
    LEADING
        .iter()
        .position(|&leading| leading == key)
        .unwrap_or(if key == "$defs" {
            LEADING.len() + 1
        } else {
            LEADING.len()
        })
}

/// Serialises a `Value` with object keys in [`rank`] order, whatever the map's
/// own order.
struct Ordered<'a>(&'a Value);

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Object(map) => {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by(|(a, _), (b, _)| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
                let mut out = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    out.serialize_entry(key, &Ordered(value))?;
                }
                out.end()
            }
            Value::Array(items) => serializer.collect_seq(items.iter().map(Ordered)),
            other => other.serialize(serializer),
        }
    }
}

/// `value` as pretty-printed JSON (two-space indent) with a trailing newline,
/// object keys in one fixed order (`$schema`, `name`, `$id`, `title`,
/// `description`, `type`, then alphabetical, `$defs` last), so files diff cleanly and do not
/// depend on `serde_json`'s `preserve_order` feature.
///
/// ```
/// let text = mcn_schema::to_canonical_json(&serde_json::json!({"b": 1, "$id": "x", "a": 2}));
/// assert_eq!(text, "{\n  \"$id\": \"x\",\n  \"a\": 2,\n  \"b\": 1\n}\n");
/// ```
#[must_use]
pub fn to_canonical_json(value: &Value) -> String {
    // Serialising a `Value` to a string cannot fail (its keys are strings).
    let mut text = serde_json::to_string_pretty(&Ordered(value)).unwrap_or_default();
    text.push('\n');
    text
}
