//! The document schema version and its check.

use std::{borrow::Cow, fmt, str::FromStr};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// The schema version this build writes.
///
/// Minor versions only add optional fields, so every `1.x` document loads:
/// 1.1 added a risk's `recorded_on` (when it was entered on the register).
pub const SCHEMA_VERSION: &str = "1.1";

/// The major version this build reads; any `1.x` document is accepted.
pub const SUPPORTED_MAJOR: u32 = 1;

/// A version that is not `MAJOR.MINOR` in canonical form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "version {0:?} is malformed: expected MAJOR.MINOR such as \"1.0\" or \"2.1\" (no leading zeros)"
)]
pub struct MalformedVersion(pub String);

/// A `MAJOR.MINOR` version (`"1.0"`, `"2.1"`), ordered numerically (`"1.10"`
/// is after `"1.9"`): the one parser behind the document's [`SchemaVersion`]
/// and the terms-of-reference version of a governance body.
///
/// Each number is ASCII digits, at most nine of them, with no leading zeros
/// (`0` itself is fine): no sign, no white space, no empty part. So every
/// version has exactly one spelling, equal versions are equal strings, and
/// the JSON Schema pattern `^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$` states
/// the same rule.
///
/// ```
/// use mcn_core::version::Version;
/// let v: Version = "1.10".parse()?;
/// assert!(v > "1.9".parse()?);
/// assert_eq!(v, Version::new(1, 10));
/// for bad in ["1", "01.0", "1.01", "+1.0", " 1.0", "1.", "1.0.0", "1234567890.0"] {
///     assert!(bad.parse::<Version>().is_err(), "{bad}");
/// }
/// # Ok::<(), mcn_core::version::MalformedVersion>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Version {
    major: u32,
    minor: u32,
}

impl Version {
    /// The largest number a part may have (nine digits).
    pub const MAX_PART: u32 = 999_999_999;

    /// A version from its numbers (any `u16` is within the nine-digit limit).
    #[must_use]
    pub const fn new(major: u16, minor: u16) -> Self {
        Self {
            major: major as u32,
            minor: minor as u32,
        }
    }

    /// The major number.
    #[must_use]
    pub const fn major(self) -> u32 {
        self.major
    }

    /// The minor number.
    #[must_use]
    pub const fn minor(self) -> u32 {
        self.minor
    }
}

impl FromStr for Version {
    type Err = MalformedVersion;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let number = |part: &str| {
            let canonical = !part.is_empty()
                && part.len() <= 9
                && part.bytes().all(|b| b.is_ascii_digit())
                && (part == "0" || !part.starts_with('0'));
            canonical.then(|| part.parse::<u32>().ok()).flatten()
        };
        text.split_once('.')
            .and_then(|(major, minor)| Some((number(major)?, number(minor)?)))
            .map(|(major, minor)| Self { major, minor })
            .ok_or_else(|| MalformedVersion(text.to_owned()))
    }
}

impl TryFrom<String> for Version {
    type Error = MalformedVersion;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<Version> for String {
    fn from(version: Version) -> Self {
        version.to_string()
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl JsonSchema for Version {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Version")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_core::version::Version")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": Version::PATTERN,
            "description": "A version MAJOR.MINOR, e.g. \"2.1\"; numbers without leading zeros.",
        })
    }
}

impl Version {
    /// The JSON Schema pattern of a canonical version.
    pub const PATTERN: &'static str = "^(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})$";
}

/// Why a schema version was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SchemaVersionError {
    /// Not of the form `MAJOR.MINOR` (see [`Version`]).
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

/// A document schema version, a [`Version`] whose major this build reads.
///
/// ```
/// use mcn_core::version::{SchemaVersion, SchemaVersionError};
/// assert!(SchemaVersion::parse("1.3").is_ok());
/// assert!(matches!(SchemaVersion::parse("2.0"), Err(SchemaVersionError::UnsupportedMajor { .. })));
/// assert!(matches!(SchemaVersion::parse("1.03"), Err(SchemaVersionError::Malformed(_))));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SchemaVersion(Version);

impl SchemaVersion {
    /// The version this build writes.
    #[allow(clippy::cast_possible_truncation)] // SUPPORTED_MAJOR is 1
    pub const CURRENT: Self = Self(Version::new(SUPPORTED_MAJOR as u16, 1));

    /// Parses `MAJOR.MINOR` (canonical, as [`Version`]) and checks the major
    /// version is supported.
    pub fn parse(text: &str) -> Result<Self, SchemaVersionError> {
        let version = text
            .parse::<Version>()
            .map_err(|_| SchemaVersionError::Malformed(text.to_owned()))?;
        if version.major() != SUPPORTED_MAJOR {
            return Err(SchemaVersionError::UnsupportedMajor {
                found: text.to_owned(),
            });
        }
        Ok(Self(version))
    }

    /// The version.
    #[must_use]
    pub const fn version(self) -> Version {
        self.0
    }

    /// The major version.
    #[must_use]
    pub const fn major(self) -> u32 {
        self.0.major()
    }

    /// The minor version.
    #[must_use]
    pub const fn minor(self) -> u32 {
        self.0.minor()
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
        fmt::Display::fmt(&self.0, f)
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
        // The committed schema's pattern (it admits a minor with leading zeros
        // or more than nine digits, which the loader refuses: a documented gap).
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
    fn one_canonical_spelling_per_version() {
        for good in ["0.0", "1.0", "2.1", "1.10", "10.0", "999999999.999999999"] {
            let version: Version = good.parse().unwrap();
            assert_eq!(version.to_string(), good);
        }
        for bad in [
            // leading zeros
            "01.0",
            "1.01",
            "00.0",
            "0.00",
            // empty parts
            "",
            ".",
            "1.",
            ".1",
            // signs
            "+1.0",
            "-1.0",
            "1.+0",
            "1.-0",
            // white space
            " 1.0",
            "1.0 ",
            "1 .0",
            "1. 0",
            "1.0\n",
            // overflow: ten digits, even within u32
            "1000000000.0",
            "1.1000000000",
            "4294967296.0",
            "1.99999999999999999999",
            // anything else
            "1",
            "1.0.0",
            "1,0",
            "v1.0",
            "1.x",
            "١.٠",
        ] {
            assert_eq!(
                bad.parse::<Version>(),
                Err(MalformedVersion(bad.to_owned())),
                "{bad:?}"
            );
        }
        assert!("1.9".parse::<Version>().unwrap() < "1.10".parse().unwrap());
        assert_eq!(
            MalformedVersion("01.0".into()).to_string(),
            r#"version "01.0" is malformed: expected MAJOR.MINOR such as "1.0" or "2.1" (no leading zeros)"#
        );
    }

    #[test]
    fn rejects_other_majors_and_malformed() {
        for bad in [
            "", "1", "1.", ".1", "1.0.0", "v1.0", "1.x", "1.-1", " 1.0", "01.0", "1.01", "1.00",
        ] {
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
