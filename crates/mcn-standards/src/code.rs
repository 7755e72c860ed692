//! [`StandardCode`]: the short, human-readable code of a standard.

use std::{borrow::Cow, fmt};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// Why a standard code was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StandardCodeError {
    /// Nothing was given.
    #[error("standard code is empty: give one such as \"NICE-QS160-6\"")]
    Empty,
    /// Longer than [`StandardCode::MAX_CHARS`].
    #[error("standard code {value:?} is {len} characters long; at most 40 are allowed")]
    TooLong {
        /// The code given.
        value: String,
        /// Its length in characters.
        len: usize,
    },
    /// A character other than `A`–`Z`, `0`–`9` or `-`.
    #[error(
        "standard code {value:?} contains {found:?}: use upper-case letters A-Z, digits and hyphens, e.g. \"NICE-QS160-6\""
    )]
    BadCharacter {
        /// The code given.
        value: String,
        /// The first offending character.
        found: char,
    },
    /// A hyphen at the start or end, or two in a row.
    #[error(
        "standard code {0:?} has a hyphen at its start or end or two in a row: hyphens separate groups, e.g. \"NET-GL-01\""
    )]
    MisplacedHyphen(String),
}

/// A standard's code: 1–40 characters, groups of upper-case letters and digits
/// joined by single hyphens, e.g. `NICE-QS160-6`, `NET-GL-01`, `TFSL-P1`.
///
/// Codes are exact (no trimming, no case folding), so the same code is always
/// spelled the same way in every member's tools.
///
/// ```
/// use mcn_standards::StandardCode;
/// assert_eq!(StandardCode::new("NICE-QS160-6")?.as_str(), "NICE-QS160-6");
/// assert!(StandardCode::new("nice-qs160").is_err());
/// assert!(StandardCode::new("NET--GL").is_err());
/// # Ok::<(), mcn_standards::code::StandardCodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct StandardCode(String);

impl StandardCode {
    /// The longest code allowed, in characters.
    pub const MAX_CHARS: usize = 40;

    /// The pattern a code matches (also stated in the JSON Schema).
    pub const PATTERN: &'static str = "^[A-Z0-9]+(-[A-Z0-9]+)*$";

    /// Checks `raw` is a well-formed code.
    pub fn new(raw: &str) -> Result<Self, StandardCodeError> {
        if raw.is_empty() {
            return Err(StandardCodeError::Empty);
        }
        if let Some(found) = raw
            .chars()
            .find(|c| !(c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '-'))
        {
            return Err(StandardCodeError::BadCharacter {
                value: raw.to_owned(),
                found,
            });
        }
        // Only ASCII from here on, so bytes are characters.
        let len = raw.len();
        if len > Self::MAX_CHARS {
            return Err(StandardCodeError::TooLong {
                value: raw.to_owned(),
                len,
            });
        }
        if raw.starts_with('-') || raw.ends_with('-') || raw.contains("--") {
            return Err(StandardCodeError::MisplacedHyphen(raw.to_owned()));
        }
        Ok(Self(raw.to_owned()))
    }

    /// The code.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for StandardCode {
    type Error = StandardCodeError;

    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::new(&raw)
    }
}

impl TryFrom<&str> for StandardCode {
    type Error = StandardCodeError;

    fn try_from(raw: &str) -> Result<Self, Self::Error> {
        Self::new(raw)
    }
}

impl std::str::FromStr for StandardCode {
    type Err = StandardCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl From<StandardCode> for String {
    fn from(code: StandardCode) -> Self {
        code.0
    }
}

impl AsRef<str> for StandardCode {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StandardCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl JsonSchema for StandardCode {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("StandardCode")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_standards::code::StandardCode")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "minLength": 1,
            "maxLength": Self::MAX_CHARS,
            "pattern": Self::PATTERN,
            "description": "A standard's code: groups of upper-case letters and digits joined by single hyphens, 1-40 characters, e.g. NICE-QS160-6 or NET-GL-01.",
            "examples": ["NICE-QS160-6", "NET-GL-01"],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_typical_codes_and_boundaries() {
        for ok in ["NICE-QS160-6", "NET-GL-01", "A", "9", "TFSL-P1-2024"] {
            assert_eq!(StandardCode::new(ok).unwrap().as_str(), ok);
        }
        let max = "A".repeat(StandardCode::MAX_CHARS);
        assert!(StandardCode::new(&max).is_ok());
        assert!(StandardCode::new(&format!("{}A", "A-".repeat(19))).is_ok());
    }

    #[test]
    fn rejects() {
        assert_eq!(StandardCode::new(""), Err(StandardCodeError::Empty));
        assert!(matches!(
            StandardCode::new(&"A".repeat(41)),
            Err(StandardCodeError::TooLong { len: 41, .. })
        ));
        assert!(matches!(
            StandardCode::new("nice-qs160"),
            Err(StandardCodeError::BadCharacter { found: 'n', .. })
        ));
        assert!(matches!(
            StandardCode::new("NICE QS160"),
            Err(StandardCodeError::BadCharacter { found: ' ', .. })
        ));
        assert!(matches!(
            StandardCode::new("NICÉ"),
            Err(StandardCodeError::BadCharacter { found: 'É', .. })
        ));
        for bad in ["-A", "A-", "A--B", "-"] {
            assert_eq!(
                StandardCode::new(bad),
                Err(StandardCodeError::MisplacedHyphen(bad.to_owned())),
                "{bad}"
            );
        }
    }

    #[test]
    fn serde_round_trips_and_rejects() {
        let code: StandardCode = serde_json::from_str("\"NET-GL-01\"").unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), "\"NET-GL-01\"");
        let err = serde_json::from_str::<StandardCode>("\" NET-GL-01\"").unwrap_err();
        assert!(err.to_string().contains("contains ' '"), "{err}");
    }

    #[test]
    fn schema_states_pattern_and_length() {
        let schema = schemars::schema_for!(StandardCode);
        assert_eq!(
            schema.get("pattern").and_then(|v| v.as_str()),
            Some(StandardCode::PATTERN)
        );
        assert_eq!(
            schema.get("maxLength").and_then(serde_json::Value::as_u64),
            Some(40)
        );
    }
}
