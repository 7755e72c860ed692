//! Calendar dates exactly as the schema writes them: `YYYY-MM-DD`.
//!
//! `chrono`'s own parsing is lenient (it accepts surrounding spaces and
//! single-digit months and days, `2025-4-1`); a document must not mean the same
//! date in several spellings. Every date field of the document types reads
//! through [`strict`] (or [`strict_option`]) with `#[serde(with = ...)]`, and
//! the CLI's `--as-of` and `--since` through [`parse`]. Written dates are
//! unchanged (`chrono` writes `YYYY-MM-DD`), and so are the JSON Schemas
//! (`format: date`).

use chrono::{Datelike as _, NaiveDate};
use serde::{Deserializer, Serialize, Serializer};

use crate::text::echo;

/// Why a date was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// Not ten characters `YYYY-MM-DD` (digits and hyphens).
    #[error("invalid date \"{0}\": expected a date as YYYY-MM-DD, e.g. 2025-04-01")]
    Format(String),
    /// The right shape, but no such day (`2025-02-30`).
    #[error("invalid date \"{0}\": there is no such day (expected a date as YYYY-MM-DD)")]
    NoSuchDay(String),
}

/// Parses exactly `YYYY-MM-DD`: four-digit year, two-digit month and day, no
/// surrounding white space. (A year outside 0000–9999, which only the
/// calendar's ends reach, is read in the one form `chrono` writes it:
/// `+262143-12-31`.)
///
/// ```
/// use mcn_core::date::parse;
/// assert_eq!(parse("2025-04-01")?.to_string(), "2025-04-01");
/// for bad in [" 2025-04-01", "2025-04-01 ", "2025-4-1", "2025-04-1", "+2025-04-01", "25-04-01"] {
///     assert!(parse(bad).is_err(), "{bad}");
/// }
/// assert!(parse("2025-02-30").is_err());
/// # Ok::<(), mcn_core::date::DateError>(())
/// ```
///
/// # Errors
///
/// [`DateError`] naming the text (shortened, control characters escaped).
pub fn parse(text: &str) -> Result<NaiveDate, DateError> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape {
        // Years outside 0000–9999 have one spelling too: chrono's, with a
        // sign (`+262143-12-31`), which is how such a date is written.
        return text
            .parse::<NaiveDate>()
            .ok()
            .filter(|date| !(0..=9999).contains(&date.year()) && date.to_string() == text)
            .ok_or_else(|| DateError::Format(echo(text).into_owned()));
    }
    let number = |range: std::ops::Range<usize>| {
        text.get(range)
            .and_then(|digits| digits.parse::<u32>().ok())
            .unwrap_or_default()
    };
    i32::try_from(number(0..4))
        .ok()
        .and_then(|year| NaiveDate::from_ymd_opt(year, number(5..7), number(8..10)))
        .ok_or_else(|| DateError::NoSuchDay(echo(text).into_owned()))
}

/// `#[serde(with = "mcn_core::date::strict")]` for a `NaiveDate` field.
pub mod strict {
    use super::{Deserializer, NaiveDate, Serialize, Serializer};

    /// Writes the date as `chrono` does (`YYYY-MM-DD`).
    ///
    /// # Errors
    ///
    /// The serialiser's.
    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        date.serialize(serializer)
    }

    /// Reads exactly `YYYY-MM-DD` ([`super::parse`]).
    ///
    /// # Errors
    ///
    /// Anything else.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        deserializer.deserialize_str(super::DateVisitor)
    }
}

/// `#[serde(default, with = "mcn_core::date::strict_option")]` for an
/// `Option<NaiveDate>` field.
pub mod strict_option {
    use super::{Deserializer, NaiveDate, Serialize, Serializer};

    /// Writes the date as `chrono` does, or `null`.
    ///
    /// # Errors
    ///
    /// The serialiser's.
    #[allow(clippy::ref_option)] // the signature serde's `with` asks for
    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        date.serialize(serializer)
    }

    /// Reads `null` or exactly `YYYY-MM-DD` ([`super::parse`]).
    ///
    /// # Errors
    ///
    /// Anything else.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        deserializer.deserialize_option(OptionVisitor)
    }

    struct OptionVisitor;

    impl<'de> serde::de::Visitor<'de> for OptionVisitor {
        type Value = Option<NaiveDate>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a date as YYYY-MM-DD, or null")
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_str(super::DateVisitor).map(Some)
        }
    }
}

/// Reads a string as a date, strictly.
struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a date as YYYY-MM-DD")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<NaiveDate, E> {
        parse(text).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Dated {
        #[serde(with = "strict")]
        on: NaiveDate,
        #[serde(
            default,
            with = "strict_option",
            skip_serializing_if = "Option::is_none"
        )]
        until: Option<NaiveDate>,
    }

    #[test]
    fn strict_in_serde() {
        let dated: Dated = serde_json::from_str(r#"{"on": "2025-04-01"}"#).unwrap();
        assert_eq!(dated.until, None);
        assert_eq!(
            serde_json::to_string(&dated).unwrap(),
            r#"{"on":"2025-04-01"}"#
        );
        let dated: Dated =
            serde_json::from_str(r#"{"on": "2025-04-01", "until": "2026-03-31"}"#).unwrap();
        assert_eq!(
            dated.until.map(|d| d.to_string()).as_deref(),
            Some("2026-03-31")
        );
        assert!(serde_json::from_str::<Dated>(r#"{"on": "2025-04-01", "until": null}"#).is_ok());
        // chrono alone is lenient.
        assert!(serde_json::from_str::<NaiveDate>(r#""2025-4-1""#).is_ok());
        for bad in [
            r#"{"on": "2025-4-1"}"#,
            r#"{"on": " 2025-04-01"}"#,
            r#"{"on": "2025-04-01", "until": "2026-3-31"}"#,
            r#"{"on": "2025-04-01", "until": "2026-03-31 "}"#,
            r#"{"on": 20250401}"#,
        ] {
            let error = serde_json::from_str::<Dated>(bad).unwrap_err().to_string();
            assert!(error.contains("date"), "{bad}: {error}");
        }
        // Borrowed or escaped, the same.
        assert!(serde_json::from_str::<Dated>(r#"{"on": "2025-04-0\u0031"}"#).is_ok());
    }

    #[test]
    fn parse_edges() {
        assert!(parse("0000-01-01").is_ok());
        assert!(parse("9999-12-31").is_ok());
        assert!(parse("2024-02-29").is_ok());
        assert!(matches!(parse("2025-02-29"), Err(DateError::NoSuchDay(_))));
        assert!(matches!(parse("2025-13-01"), Err(DateError::NoSuchDay(_))));
        assert!(matches!(parse("2025-00-10"), Err(DateError::NoSuchDay(_))));
        assert!(matches!(parse("2025−04−01"), Err(DateError::Format(_))));
        assert!(matches!(parse("２０２５-04-01"), Err(DateError::Format(_))));
        assert!(matches!(parse(""), Err(DateError::Format(_))));
        // The ends of the calendar round-trip in chrono's signed form only.
        for date in [NaiveDate::MAX, NaiveDate::MIN] {
            assert_eq!(parse(&date.to_string()), Ok(date));
        }
        assert!(parse("+2025-04-01").is_err());
        assert!(parse("+10000-1-01").is_err());
        assert_eq!(parse("+10000-01-01").map(|d| d.year()), Ok(10_000));
    }
}
