//! Reading a document from JSON, with errors that say where and what.

use std::io::Read;

use mcn_core::{
    JsonPointer,
    serde_error::{message, pointer},
    strict::{self, Strict, first_duplicate, is_duplicate},
    text::echo,
    version::SchemaVersionError,
};
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
    #[error("{}: {message} at line {line} column {column}", echo(path.as_str()))]
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
    /// The input is larger than the limit (see [`DEFAULT_INPUT_LIMIT`]).
    #[error("the input is larger than the limit of {limit} bytes: refused before reading it all")]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
}

/// The largest input read by default, in bytes (2 GiB): a runaway file or
/// `/dev/zero` is refused with [`LoadError::TooLarge`] instead of exhausting
/// memory. [`crate::NetworkDocument::from_reader_with_limit`] sets another.
pub const DEFAULT_INPUT_LIMIT: u64 = 2 * 1024 * 1024 * 1024;

/// The UTF-8 byte-order mark, which some editors and spreadsheets write at the
/// start of a file: skipped.
const BOM: &[u8] = b"\xef\xbb\xbf";

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
/// A leading UTF-8 byte-order mark is skipped. The parse is strict
/// ([`mcn_core::strict`]): a duplicate key or an array given for an object is
/// an error.
///
/// The fast path is a plain (strict) `serde_json` parse. Only when it fails is
/// the input read again, to find the schema version (an unsupported version is
/// reported in preference to any other error, since the rest cannot be judged)
/// and the JSON path of the problem.
pub(crate) fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, LoadError> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    strict_parse(bytes).map_err(|error| explain::<T>(bytes, &error))
}

/// A parse of all of `bytes` as a `T`, strictly.
fn strict_parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = strict::deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// [`parse`] with the size limit: input longer than `limit` bytes is refused.
pub(crate) fn parse_limited<T: DeserializeOwned>(bytes: &[u8], limit: u64) -> Result<T, LoadError> {
    if u64::try_from(bytes.len()).map_or(true, |len| len > limit) {
        return Err(LoadError::TooLarge { limit });
    }
    parse(bytes)
}

/// Reads everything from `reader` (at most `limit` bytes) and parses it as a `T`.
pub(crate) fn parse_reader<T: DeserializeOwned>(
    reader: impl Read,
    limit: u64,
) -> Result<T, LoadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    parse_limited(&bytes, limit)
}

fn explain<T: DeserializeOwned>(bytes: &[u8], fast: &serde_json::Error) -> LoadError {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return LoadError::Empty;
    }
    if let Some(error) = unsupported_version(bytes) {
        return LoadError::Version(error);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let tracked = serde_path_to_error::deserialize::<_, T>(Strict(&mut deserializer));
    match tracked {
        Err(error) => {
            let path = if is_duplicate(&message(error.inner())) {
                first_duplicate(bytes).unwrap_or_else(|| pointer(JsonPointer::root(), error.path()))
            } else {
                pointer(JsonPointer::root(), error.path())
            };
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
    serde::de::Error::custom(message(error))
}

fn invalid(path: JsonPointer, error: &serde_json::Error) -> LoadError {
    LoadError::Invalid {
        path,
        message: echo(&message(error)).into_owned(),
        line: error.line(),
        column: error.column(),
    }
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
    fn duplicate_keys_are_refused_with_their_path() {
        let error = err(
            r#"{"schema_version": "1.0", "people": [{"email": "a@b.org"}, {"email": "a@b.org", "email": "c@d.org"}]}"#,
        );
        assert_eq!(
            error.path().map(JsonPointer::as_str),
            Some("/people/1/email")
        );
        assert!(
            error.to_string().contains("duplicate field `email`"),
            "{error}"
        );
        let error = err(r#"{"schema_version": "1.0", "schema_version": "1.0"}"#);
        assert_eq!(
            error.path().map(JsonPointer::as_str),
            Some("/schema_version")
        );
    }

    #[test]
    fn arrays_for_objects_are_refused() {
        // serde's derive takes a struct's fields in order from an array.
        assert!(serde_json::from_str::<Doc>(r#"["1.0", []]"#).is_ok());
        let error = err(r#"["1.0", []]"#);
        assert!(
            error
                .to_string()
                .contains("invalid type: sequence, expected struct Doc"),
            "{error}"
        );
        let error = err(r#"{"schema_version": "1.0", "people": [["a@b.org"]]}"#);
        assert_eq!(error.path().map(JsonPointer::as_str), Some("/people/0"));
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let json = b"\xef\xbb\xbf{\"schema_version\": \"1.0\"}";
        assert!(parse::<Doc>(json).is_ok());
        assert!(parse_reader::<Doc>(&json[..], DEFAULT_INPUT_LIMIT).is_ok());
        // Only one, and only at the start.
        assert!(parse::<Doc>(b"\xef\xbb\xbf\xef\xbb\xbf{}").is_err());
    }

    #[test]
    fn input_over_the_limit_is_refused() {
        let json = br#"{"schema_version": "1.0"}"#;
        assert!(parse_reader::<Doc>(&json[..], 25).is_ok());
        let error = parse_reader::<Doc>(&json[..], 24).unwrap_err();
        assert!(
            matches!(error, LoadError::TooLarge { limit: 24 }),
            "{error}"
        );
        assert_eq!(
            error.to_string(),
            "the input is larger than the limit of 24 bytes: refused before reading it all"
        );
        // An endless reader stops at the limit.
        let error = parse_reader::<Doc>(std::io::repeat(b' '), 1 << 20).unwrap_err();
        assert!(matches!(error, LoadError::TooLarge { .. }));
        assert!(matches!(
            parse_limited::<Doc>(json, 3),
            Err(LoadError::TooLarge { limit: 3 })
        ));
    }

    #[test]
    fn control_characters_in_messages_are_escaped() {
        let error = err(r#"{"schema_version": "1.0", "\u001b[2Jx": 1}"#);
        let text = error.to_string();
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("\\u{1b}[2Jx"), "{text}");
    }

    #[test]
    fn reader_errors_are_io() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk on fire"))
            }
        }
        let error = parse_reader::<Doc>(Broken, DEFAULT_INPUT_LIMIT).unwrap_err();
        assert_eq!(error.to_string(), "could not read the input");
        let cause = std::error::Error::source(&error).map(ToString::to_string);
        assert_eq!(cause.as_deref(), Some("disk on fire"));
    }
}
