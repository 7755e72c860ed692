//! The risk register: likelihood × impact (1–5 each), score derived, never stored.

use std::{borrow::Cow, fmt};

use mcn_core::{
    NaiveDate, Note, Text,
    id::{PersonId, RiskId},
};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// An entry in the risk register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// The risk's id.
    pub id: RiskId,
    /// What might happen.
    pub title: Text,
    /// What kind of risk it is.
    pub category: RiskCategory,
    /// How likely it is, 1 (rare) to 5 (almost certain).
    pub likelihood: Likelihood,
    /// How bad it would be, 1 (negligible) to 5 (catastrophic).
    pub impact: Impact,
    /// Who manages it.
    pub owner: PersonId,
    /// What is being done about it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mitigations: Vec<Note>,
    /// Open, tolerated or closed.
    pub status: RiskStatus,
    /// The day by which it must be reviewed.
    pub review_by: NaiveDate,
}

impl Risk {
    /// Likelihood × impact, 1 to 25.
    #[must_use]
    pub fn score(&self) -> RiskScore {
        RiskScore(self.likelihood.get() * self.impact.get())
    }

    /// Whether it is still live (not closed) and its review date is before `as_of`.
    #[must_use]
    pub fn is_review_overdue(&self, as_of: NaiveDate) -> bool {
        self.status != RiskStatus::Closed && self.review_by < as_of
    }
}

/// The kind of a risk.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RiskCategory {
    /// Funding for the network or for services.
    Funding,
    /// Staff shortage or turnover.
    Workforce,
    /// Member engagement and competing priorities.
    Engagement,
    /// Governance and accountability.
    Governance,
    /// Technology and information sharing.
    Technology,
    /// Quality and safety of care.
    Clinical,
    /// Reputation.
    Reputation,
    /// Any other risk.
    Other,
}

/// Whether a risk is live.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RiskStatus {
    /// Live and being treated.
    Open,
    /// Live, accepted without further treatment (still reviewed).
    Tolerated,
    /// No longer a risk.
    Closed,
}

/// A 1–5 rating out of range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{kind} {value} is out of range: expected 1 to 5")]
pub struct RatingError {
    /// `likelihood` or `impact`.
    pub kind: &'static str,
    /// The value given.
    pub value: u64,
}

macro_rules! rating {
    ($(#[$meta:meta])* $name:ident, $kind:literal, $description:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "u64", into = "u8")]
        pub struct $name(u8);

        impl $name {
            /// A rating from 1 to 5; `None` otherwise.
            #[must_use]
            pub const fn new(value: u8) -> Option<Self> {
                if value >= 1 && value <= 5 { Some(Self(value)) } else { None }
            }

            /// The rating, 1 to 5.
            #[must_use]
            pub const fn get(self) -> u8 {
                self.0
            }
        }

        impl TryFrom<u64> for $name {
            type Error = RatingError;

            fn try_from(value: u64) -> Result<Self, Self::Error> {
                u8::try_from(value)
                    .ok()
                    .and_then(Self::new)
                    .ok_or(RatingError { kind: $kind, value })
            }
        }

        impl From<$name> for u8 {
            fn from(rating: $name) -> Self {
                rating.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }

            fn schema_id() -> Cow<'static, str> {
                Cow::Borrowed(concat!("mcn_governance::risk::", stringify!($name)))
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 5,
                    "description": $description,
                })
            }
        }
    };
}

rating! {
    /// How likely a risk is: 1 (rare) to 5 (almost certain).
    Likelihood, "likelihood", "Likelihood of a risk, 1 (rare) to 5 (almost certain)."
}

rating! {
    /// How bad a risk would be: 1 (negligible) to 5 (catastrophic).
    Impact, "impact", "Impact of a risk, 1 (negligible) to 5 (catastrophic)."
}

/// A risk score, likelihood × impact: 1 to 25 (not every number in between
/// is a product, but any is accepted as a threshold).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u64", into = "u8")]
pub struct RiskScore(u8);

/// A risk score outside 1 to 25.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("risk score {0} is out of range: expected 1 to 25")]
pub struct RiskScoreError(pub u64);

impl RiskScore {
    /// The score from which a risk is high on a 5 × 5 matrix (15: e.g. 3 × 5).
    pub const HIGH: Self = Self(15);

    /// A score from 1 to 25; `None` otherwise.
    #[must_use]
    pub const fn new(value: u8) -> Option<Self> {
        if value >= 1 && value <= 25 {
            Some(Self(value))
        } else {
            None
        }
    }

    /// The score.
    #[must_use]
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u64> for RiskScore {
    type Error = RiskScoreError;

    fn try_from(value: u64) -> Result<Self, Self::Error> {
        u8::try_from(value)
            .ok()
            .and_then(Self::new)
            .ok_or(RiskScoreError(value))
    }
}

impl From<RiskScore> for u8 {
    fn from(score: RiskScore) -> Self {
        score.0
    }
}

impl fmt::Display for RiskScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl JsonSchema for RiskScore {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("RiskScore")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_governance::risk::RiskScore")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "minimum": 1,
            "maximum": 25,
            "description": "A risk score, likelihood × impact, 1 to 25.",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_accept_one_to_five() {
        assert!(Likelihood::new(0).is_none());
        assert_eq!(Likelihood::new(1).map(Likelihood::get), Some(1));
        assert_eq!(Impact::new(5).map(Impact::get), Some(5));
        assert!(Impact::new(6).is_none());
        let err = serde_json::from_str::<Impact>("6").unwrap_err();
        assert!(
            err.to_string().contains("impact 6 is out of range"),
            "{err}"
        );
        assert!(serde_json::from_str::<Likelihood>("0").is_err());
        assert!(serde_json::from_str::<Likelihood>("300").is_err());
        assert_eq!(serde_json::from_str::<Likelihood>("3").unwrap().get(), 3);
    }

    #[test]
    fn score_bounds() {
        assert!(RiskScore::new(0).is_none());
        assert!(RiskScore::new(26).is_none());
        assert_eq!(RiskScore::new(25).map(RiskScore::get), Some(25));
        assert_eq!(RiskScore::HIGH.get(), 15);
    }
}
