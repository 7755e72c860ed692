//! Reading a document from JSON, with errors that say where and what.

use std::{borrow::Cow, io::Read};

use mcn_core::{JsonPointer, version::SchemaVersionError};
use serde::{Deserialize, de::DeserializeOwned};

/// Why a document could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// Nothing but white space was given.
    #[error("the input is empty: expected a JSON network document")]
    Empty,
    /// The document declares a schema version this build cannot read.
    #[error(transparent)]
    Version(#[from] SchemaVersionError),
    /// The bytes are not JSON, or not a document of the expected shape.
    #[error("{path}: {message} at line {line} column {column}")]
    Invalid {
        /// Where in the document (the deepest path reached).
        path: JsonPointer,
        /// What was wrong and what was expected.
        message: String,
        /// Line of the input (1-based).
        line: usize,
        /// Column of the input (1-based; 0 at the very start).
        column: usize,
    },
    /// The input could not be read.
    #[error("could not read the input")]
    Io(#[from] std::io::Error),
}

impl LoadError {
    /// The JSON Pointer of the problem, where there is one.
    #[must_use]
    pub const fn path(&self) -> Option<&JsonPointer> {
        match self {
            Self::Invalid { path, .. } => Some(path),
            _ => None,
        }
    }
}

/// Parses `bytes` as a `T`, checking `schema_version` first.
///
/// The fast path is a plain `serde_json` parse. Only when it fails is the input
/// read again, to find the schema version (an unsupported version is reported
/// in preference to any other error, since the rest cannot be judged) and the
/// JSON path of the problem.
pub(crate) fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, LoadError> {
    serde_json::from_slice(bytes).map_err(|error| explain::<T>(bytes, &error))
}

/// Reads everything from `reader` and parses it as a `T`.
pub(crate) fn parse_reader<T: DeserializeOwned>(mut reader: impl Read) -> Result<T, LoadError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    parse(&bytes)
}

fn explain<T: DeserializeOwned>(bytes: &[u8], fast: &serde_json::Error) -> LoadError {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return LoadError::Empty;
    }
    if let Some(error) = unsupported_version(bytes) {
        return LoadError::Version(error);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let tracked = serde_path_to_error::deserialize::<_, T>(&mut deserializer);
    match tracked {
        Err(error) => {
            let path = pointer(JsonPointer::root(), error.path());
            invalid(path, error.inner())
        }
        // The value parsed: the first error was trailing input after it.
        Ok(_) => invalid(
            JsonPointer::root(),
            &deserializer
                .end()
                .err()
                .unwrap_or_else(|| clone_error(fast)),
        ),
    }
}

fn clone_error(error: &serde_json::Error) -> serde_json::Error {
    serde::de::Error::custom(strip_location(error))
}

fn invalid(path: JsonPointer, error: &serde_json::Error) -> LoadError {
    LoadError::Invalid {
        path,
        message: shorten(&strip_location(error)).into_owned(),
        line: error.line(),
        column: error.column(),
    }
}

/// Characters kept from the start and the end of a long message.
const KEEP_HEAD: usize = 200;
const KEEP_TAIL: usize = 100;

/// `text`, with the middle of anything longer than a few hundred characters
/// left out: serde quotes whole offending values, and a 100 MB string must not
/// be echoed back.
///
/// ```
/// let long = format!("invalid value {:?}", "x".repeat(10_000));
/// let short = mcn_network::load::shorten(&long);
/// assert!(short.contains("characters left out") && short.chars().count() < 400);
/// assert_eq!(mcn_network::load::shorten("short"), "short");
/// ```
#[must_use]
pub fn shorten(text: &str) -> Cow<'_, str> {
    let count = text.chars().count();
    if count <= KEEP_HEAD + KEEP_TAIL + 40 {
        return Cow::Borrowed(text);
    }
    let byte_at = |chars: usize| {
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| i)
    };
    let head = text.get(..byte_at(KEEP_HEAD)).unwrap_or_default();
    let tail = text.get(byte_at(count - KEEP_TAIL)..).unwrap_or_default();
    Cow::Owned(format!(
        "{head}… [{} characters left out] …{tail}",
        count - KEEP_HEAD - KEEP_TAIL
    ))
}

/// `serde_json`'s message without its own " at line L column C" suffix (for
/// callers that report the location separately).
#[must_use]
pub fn strip_location(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&suffix)
        .map_or_else(|| text.clone(), str::to_owned)
}

/// `base` extended by a `serde_path_to_error` path (the JSON Pointer of a
/// deserialisation error).
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

/// The schema version error, if the input is JSON whose top-level
/// `schema_version` is a string this build does not read.
fn unsupported_version(bytes: &[u8]) -> Option<SchemaVersionError> {
    #[derive(Deserialize)]
    struct Peek {
        #[serde(default)]
        schema_version: Option<serde_json::Value>,
    }
    let peek: Peek = serde_json::from_slice(bytes).ok()?;
    match peek.schema_version? {
        serde_json::Value::String(text) => mcn_core::SchemaVersion::parse(&text).err(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mcn_core::{Email, SchemaVersion};

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        schema_version: SchemaVersion,
        #[serde(default)]
        people: Vec<Person>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Person {
        email: Email,
    }

    fn err(json: &str) -> LoadError {
        parse::<Doc>(json.as_bytes()).unwrap_err()
    }

    #[test]
    fn names_path_line_and_column() {
        let json = "{\n  \"schema_version\": \"1.0\",\n  \"people\": [\n    {\"email\": \"a@b.org\"},\n    {\"email\": \"bob@\"}\n  ]\n}";
        let error = err(json);
        assert_eq!(
            error.to_string(),
            "/people/1/email: invalid email \"bob@\": the domain after '@' needs a dot and no empty parts at line 5 column 21"
        );
        assert_eq!(
            error.path().map(JsonPointer::as_str),
            Some("/people/1/email")
        );
    }

    #[test]
    fn version_is_reported_before_other_errors() {
        let error = err(r#"{"people": [{"shape": "of v2"}], "schema_version": "2.0"}"#);
        assert!(
            matches!(
                error,
                LoadError::Version(SchemaVersionError::UnsupportedMajor { .. })
            ),
            "{error}"
        );
        assert_eq!(
            error.to_string(),
            "schema_version \"2.0\" is not supported: this build reads 1.x documents"
        );
    }

    #[test]
    fn empty_null_truncated_trailing_and_bad_utf8() {
        assert!(matches!(err(""), LoadError::Empty));
        assert!(matches!(err(" \n\t"), LoadError::Empty));
        assert!(
            err("null").to_string().contains("invalid type: null"),
            "{}",
            err("null")
        );
        let truncated = err(r#"{"schema_version": "1.0", "people": [{"email": "#);
        assert!(
            truncated.to_string().contains("EOF while parsing"),
            "{truncated}"
        );
        let trailing = err(r#"{"schema_version": "1.0"} x"#);
        assert!(
            trailing.to_string().contains("trailing characters"),
            "{trailing}"
        );
        let bytes = b"{\"schema_version\": \"1.\xff\"}";
        assert!(matches!(
            parse::<Doc>(bytes),
            Err(LoadError::Invalid { .. })
        ));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(
            parse::<Doc>(deep.as_bytes()),
            Err(LoadError::Invalid { .. })
        ));
    }

    #[test]
    fn long_values_are_not_echoed_whole() {
        let json = format!(
            r#"{{"schema_version": "1.0", "people": [{{"email": "{}"}}]}}"#,
            "x".repeat(1_000_000)
        );
        let error = err(&json);
        assert!(
            error.to_string().len() < 1_000,
            "{} bytes",
            error.to_string().len()
        );
        assert!(error.to_string().contains("characters left out"));
    }

    #[test]
    fn reader_errors_are_io() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk on fire"))
            }
        }
        let error = parse_reader::<Doc>(Broken).unwrap_err();
        assert_eq!(error.to_string(), "could not read the input");
        let cause = std::error::Error::source(&error).map(ToString::to_string);
        assert_eq!(cause.as_deref(), Some("disk on fire"));
    }
}
