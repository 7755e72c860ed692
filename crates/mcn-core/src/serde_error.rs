//! Where and what of a `serde_json` error, for every crate that reads JSON
//! (document loading in mcn-network, FHIR import): the JSON Pointer of the
//! value that failed (from a [`serde_path_to_error`] path) and the message
//! without `serde_json`'s own location suffix, for callers that report the
//! line and column separately.

use crate::JsonPointer;

/// `base` extended by a [`serde_path_to_error`] path: the JSON Pointer of the
/// value a deserialisation error is about. A segment the tracker could not
/// name ends the pointer there.
///
/// ```
/// use mcn_core::{JsonPointer, serde_error::pointer};
/// let json = r#"{"people": [{"age": 1}, {"age": "x"}]}"#;
/// #[derive(serde::Deserialize)]
/// struct Doc { people: Vec<Person> }
/// #[derive(serde::Deserialize)]
/// struct Person { age: u8 }
/// let mut de = serde_json::Deserializer::from_str(json);
/// let error = serde_path_to_error::deserialize::<_, Doc>(&mut de).err().unwrap();
/// assert_eq!(pointer(JsonPointer::root(), error.path()).as_str(), "/people/1/age");
/// ```
#[must_use]
pub fn pointer(base: JsonPointer, path: &serde_path_to_error::Path) -> JsonPointer {
    use serde_path_to_error::Segment;
    let mut pointer = base;
    for segment in path {
        match segment {
            Segment::Seq { index } => pointer.push_index(*index),
            Segment::Map { key } => pointer.push_key(key),
            Segment::Enum { variant } => pointer.push_key(variant),
            Segment::Unknown => break,
        }
    }
    pointer
}

/// `serde_json`'s message without its own " at line L column C" suffix.
///
/// ```
/// let error = serde_json::from_str::<u8>("\"x\"").unwrap_err();
/// assert_eq!(error.to_string(), "invalid type: string \"x\", expected u8 at line 1 column 3");
/// assert_eq!(mcn_core::serde_error::message(&error), "invalid type: string \"x\", expected u8");
/// ```
#[must_use]
pub fn message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&suffix)
        .map_or_else(|| text.clone(), str::to_owned)
}
