//! The document schema version and its check.

use std::{borrow::Cow, fmt};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// The schema version this build writes.
pub const SCHEMA_VERSION: &str = "1.0";

/// The major version this build reads; any `1.x` document is accepted.
pub const SUPPORTED_MAJOR: u32 = 1;

/// Why a schema version was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SchemaVersionError {
    /// Not of the form `MAJOR.MINOR`.
    #[error("schema_version {0:?} is malformed: expected MAJOR.MINOR such as \"1.0\"")]
    Malformed(String),
    /// A major version this build cannot read.
    #[error(
        "schema_version {found:?} is not supported: this build reads {SUPPORTED_MAJOR}.x documents"
    )]
    UnsupportedMajor {
        /// The version found.
        found: String,
    },
}

/// A document schema version, `MAJOR.MINOR`, whose major this build reads.
///
/// ```
/// use mcn_core::version::{SchemaVersion, SchemaVersionError};
/// assert!(SchemaVersion::parse("1.3").is_ok());
/// assert!(matches!(SchemaVersion::parse("2.0"), Err(SchemaVersionError::UnsupportedMajor { .. })));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SchemaVersion {
    major: u32,
    minor: u32,
}

impl SchemaVersion {
    /// The version this build writes.
    pub const CURRENT: Self = Self {
        major: SUPPORTED_MAJOR,
        minor: 0,
    };

    /// Parses `MAJOR.MINOR` and checks the major version is supported.
    pub fn parse(text: &str) -> Result<Self, SchemaVersionError> {
        let malformed = || SchemaVersionError::Malformed(text.to_owned());
        let (major, minor) = text.split_once('.').ok_or_else(malformed)?;
        let number = |part: &str| {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(malformed());
            }
            part.parse::<u32>().map_err(|_| malformed())
        };
        let (major, minor) = (number(major)?, number(minor)?);
        if major != SUPPORTED_MAJOR {
            return Err(SchemaVersionError::UnsupportedMajor {
                found: text.to_owned(),
            });
        }
        Ok(Self { major, minor })
    }

    /// The major version.
    #[must_use]
    pub const fn major(self) -> u32 {
        self.major
    }

    /// The minor version.
    #[must_use]
    pub const fn minor(self) -> u32 {
        self.minor
    }
}

impl Default for SchemaVersion {
    fn default() -> Self {
        Self::CURRENT
    }
}

impl TryFrom<String> for SchemaVersion {
    type Error = SchemaVersionError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<SchemaVersion> for String {
    fn from(version: SchemaVersion) -> Self {
        version.to_string()
    }
}

impl fmt::Display for SchemaVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl JsonSchema for SchemaVersion {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("SchemaVersion")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_core::version::SchemaVersion")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^1\\.[0-9]+$",
            "description": "Document schema version MAJOR.MINOR; this schema describes major version 1.",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_is_the_written_constant() {
        assert_eq!(SchemaVersion::CURRENT.to_string(), SCHEMA_VERSION);
        assert_eq!(
            SchemaVersion::parse(SCHEMA_VERSION),
            Ok(SchemaVersion::CURRENT)
        );
    }

    #[test]
    fn accepts_any_minor_of_major_one() {
        assert_eq!(SchemaVersion::parse("1.12").unwrap().minor(), 12);
    }

    #[test]
    fn rejects_other_majors_and_malformed() {
        for bad in ["", "1", "1.", ".1", "1.0.0", "v1.0", "1.x", "1.-1", " 1.0"] {
            assert!(
                matches!(
                    SchemaVersion::parse(bad),
                    Err(SchemaVersionError::Malformed(_))
                ),
                "{bad:?}"
            );
        }
        assert!(matches!(
            SchemaVersion::parse("0.9"),
            Err(SchemaVersionError::UnsupportedMajor { .. })
        ));
        let err = serde_json::from_str::<SchemaVersion>("\"2.0\"").unwrap_err();
        assert!(
            err.to_string().contains("this build reads 1.x documents"),
            "{err}"
        );
    }
}
