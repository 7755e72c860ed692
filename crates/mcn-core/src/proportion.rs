//! Proportions (targets and computed rates) and RAG ratings.

use std::{borrow::Cow, fmt};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A proportion outside `0..=1` (or not a number).
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[error("proportion {0} is out of range: expected a number from 0 to 1")]
pub struct ProportionError(pub f64);

/// A number from 0 to 1 inclusive, e.g. a target of `0.9` (90 %).
///
/// Computed rates are never stored in documents; use [`Proportion::of`] to
/// compute one from counts.
///
/// ```
/// use mcn_core::Proportion;
/// assert_eq!(Proportion::of(3, 4).map(Proportion::value), Some(0.75));
/// assert_eq!(Proportion::of(1, 0), None);
/// assert!(Proportion::try_from(1.2).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Proportion(f64);

impl Proportion {
    /// Nothing (0).
    pub const ZERO: Self = Self(0.0);
    /// Everything (1).
    pub const ONE: Self = Self(1.0);

    /// `numerator / denominator`, or `None` when the denominator is zero or the
    /// numerator exceeds it.
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    pub fn of(numerator: u64, denominator: u64) -> Option<Self> {
        (denominator > 0 && numerator <= denominator)
            .then(|| Self(numerator as f64 / denominator as f64))
    }

    /// The value, from 0 to 1.
    #[must_use]
    pub const fn value(self) -> f64 {
        self.0
    }

    /// The value as a percentage, from 0 to 100.
    #[must_use]
    pub fn percent(self) -> f64 {
        self.0 * 100.0
    }
}

impl TryFrom<f64> for Proportion {
    type Error = ProportionError;

    fn try_from(value: f64) -> Result<Self, Self::Error> {
        if (0.0..=1.0).contains(&value) {
            Ok(Self(value))
        } else {
            Err(ProportionError(value))
        }
    }
}

impl fmt::Display for Proportion {
    /// As a percentage with one decimal place, e.g. `87.5%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1}%", self.percent())
    }
}

impl Serialize for Proportion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.0)
    }
}

impl<'de> Deserialize<'de> for Proportion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::try_from(f64::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Proportion {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Proportion")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_core::proportion::Proportion")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "A proportion from 0 to 1 inclusive (0.9 is 90%).",
        })
    }
}

crate::vocabulary! {
    /// A red / amber / green rating, ordered worst first.
    Rag {
        /// Off track: needs action.
        Red => "red",
        /// At risk: needs attention.
        Amber => "amber",
        /// On track.
        Green => "green",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds() {
        assert!(Proportion::try_from(0.0).is_ok());
        assert!(Proportion::try_from(1.0).is_ok());
        assert!(Proportion::try_from(1.000_001).is_err());
        assert!(Proportion::try_from(-0.1).is_err());
        assert!(Proportion::try_from(f64::NAN).is_err());
        assert!(serde_json::from_str::<Proportion>("1.5").is_err());
        assert!(
            (serde_json::from_str::<Proportion>("0.9").unwrap().value() - 0.9).abs() < f64::EPSILON
        );
    }

    #[test]
    fn of_counts() {
        assert_eq!(Proportion::of(0, 5), Some(Proportion::ZERO));
        assert_eq!(Proportion::of(5, 5), Some(Proportion::ONE));
        assert_eq!(Proportion::of(6, 5), None);
        assert_eq!(Proportion::of(7, 8).unwrap().to_string(), "87.5%");
    }

    #[test]
    fn rag_orders_worst_first() {
        assert!(Rag::Red < Rag::Amber && Rag::Amber < Rag::Green);
        assert_eq!(serde_json::to_string(&Rag::Amber).unwrap(), "\"amber\"");
    }
}
