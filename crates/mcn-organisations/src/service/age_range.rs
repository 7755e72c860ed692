//! The ages a service is for.

use std::{borrow::Cow, fmt};

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

/// Why an age range was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AgeRangeError {
    /// The minimum is above the maximum.
    #[error("age range {min}–{max} years: the minimum is above the maximum")]
    Inverted {
        /// The minimum given.
        min: u8,
        /// The maximum given.
        max: u8,
    },
    /// An age is above [`AgeRange::MAX_YEARS`].
    #[error("age {0} years is above the limit of 120")]
    TooOld(u8),
}

/// The ages a service is for, in completed years, both ends inclusive: `0`–`25`
/// takes a child from birth until their 26th birthday. Checked: minimum ≤
/// maximum ≤ 120.
///
/// ```
/// use mcn_organisations::AgeRange;
/// let r = AgeRange::new(0, 25)?;
/// assert!(r.contains(25) && !r.contains(26));
/// assert!(AgeRange::new(19, 18).is_err());
/// # Ok::<(), mcn_organisations::AgeRangeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawAgeRange", into = "RawAgeRange")]
pub struct AgeRange {
    min_years: u8,
    max_years: u8,
}

/// The ages a service is for, in completed years, both ends inclusive
/// (`min_years` ≤ `max_years` ≤ 120; 0–25 runs until the 26th birthday).
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawAgeRange {
    /// Youngest age served, in completed years.
    #[schemars(range(max = 120))]
    min_years: u8,
    /// Oldest age served, in completed years (inclusive); not below `min_years`.
    #[schemars(range(max = 120))]
    max_years: u8,
}

impl AgeRange {
    /// The highest age allowed.
    pub const MAX_YEARS: u8 = 120;

    /// Ages `min_years` to `max_years` inclusive.
    pub const fn new(min_years: u8, max_years: u8) -> Result<Self, AgeRangeError> {
        if max_years > Self::MAX_YEARS {
            return Err(AgeRangeError::TooOld(max_years));
        }
        if min_years > max_years {
            return Err(AgeRangeError::Inverted {
                min: min_years,
                max: max_years,
            });
        }
        Ok(Self {
            min_years,
            max_years,
        })
    }

    /// Youngest age served.
    #[must_use]
    pub const fn min_years(self) -> u8 {
        self.min_years
    }

    /// Oldest age served (inclusive).
    #[must_use]
    pub const fn max_years(self) -> u8 {
        self.max_years
    }

    /// Whether a person aged `age_years` (completed years) is in range.
    #[must_use]
    pub const fn contains(self, age_years: u8) -> bool {
        self.min_years <= age_years && age_years <= self.max_years
    }
}

impl fmt::Display for AgeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{} years", self.min_years, self.max_years)
    }
}

impl TryFrom<RawAgeRange> for AgeRange {
    type Error = AgeRangeError;

    fn try_from(raw: RawAgeRange) -> Result<Self, Self::Error> {
        Self::new(raw.min_years, raw.max_years)
    }
}

impl From<AgeRange> for RawAgeRange {
    fn from(range: AgeRange) -> Self {
        Self {
            min_years: range.min_years,
            max_years: range.max_years,
        }
    }
}

impl JsonSchema for AgeRange {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("AgeRange")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_organisations::service::AgeRange")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        RawAgeRange::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_range_bounds() {
        assert!(AgeRange::new(0, 0).is_ok());
        assert!(AgeRange::new(0, 120).is_ok());
        assert_eq!(AgeRange::new(0, 121), Err(AgeRangeError::TooOld(121)));
        assert_eq!(
            AgeRange::new(19, 18),
            Err(AgeRangeError::Inverted { min: 19, max: 18 })
        );
        let r: AgeRange = serde_json::from_str(r#"{"min_years":0,"max_years":25}"#).unwrap();
        assert_eq!(r.to_string(), "0–25 years");
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"min_years":0,"max_years":25}"#
        );
        assert!(serde_json::from_str::<AgeRange>(r#"{"min_years":26,"max_years":25}"#).is_err());
        assert!(serde_json::from_str::<AgeRange>(r#"{"min_years":0,"max_years":300}"#).is_err());
    }
}
