//! Quorum rules, as the terms of reference state them: a threshold (a count
//! or a fraction of the voting seats) and roles that must be present.
//!
//! How a meeting's quorum is assessed against its rule is in [`assessment`]
//! (re-exported here).

pub mod assessment;

use std::{borrow::Cow, collections::HashSet, num::NonZeroU32};

use mcn_core::PostRole;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

pub use self::assessment::{
    Holding, MeetingQuorum, QuorumAssessment, QuorumCheck, RolePresent, SEAT_SAMPLE, SeatFill,
    SeatHolders, UnfilledCounts, UnfilledReason, UnfilledSeat, assess_meetings, assess_quorum,
};

/// When a meeting of a body is quorate.
///
/// ```json
/// { "threshold": { "fraction": { "numerator": 1, "denominator": 3 } },
///   "required_roles": [ { "any_of": ["chair", "vice_chair"] } ] }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuorumRule {
    /// How many voting members must be present.
    pub threshold: QuorumThreshold,
    /// Roles that must also be present; each entry is met by any one of its roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_roles: Vec<RequiredRoles>,
}

/// How many voting members must be present.
///
/// Serialised with the kind as the key: `{"count": 4}` or
/// `{"fraction": {"numerator": 1, "denominator": 3}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuorumThreshold {
    /// At least this many voting members present (1 or more).
    Count(NonZeroU32),
    /// At least this fraction of the current voting seats, rounded up.
    Fraction(Fraction),
}

impl QuorumThreshold {
    /// Voting members required when the body has `voting_seats` current voting
    /// seats: the count, or the fraction of the seats rounded up; at least 1.
    ///
    /// ```
    /// use mcn_governance::quorum::{Fraction, QuorumThreshold};
    /// let third = QuorumThreshold::Fraction(Fraction::new(1, 3).unwrap());
    /// assert_eq!(third.required(10), 4);
    /// assert_eq!(third.required(9), 3);
    /// assert_eq!(third.required(0), 1);
    /// ```
    #[must_use]
    pub fn required(self, voting_seats: u32) -> u32 {
        match self {
            Self::Count(count) => count.get(),
            Self::Fraction(fraction) => {
                let numerator = u64::from(fraction.numerator) * u64::from(voting_seats);
                let denominator = u64::from(fraction.denominator.max(1));
                let rounded_up = numerator.div_ceil(denominator);
                u32::try_from(rounded_up).unwrap_or(u32::MAX).max(1)
            }
        }
    }
}

/// A fraction from 1/n to 1 (numerator 1 or more, at most the denominator).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawFraction")]
pub struct Fraction {
    numerator: u32,
    denominator: u32,
}

/// A fraction of the voting seats, e.g. `{"numerator": 1, "denominator": 3}`;
/// the numerator must not exceed the denominator (checked on load).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawFraction {
    /// The part (1 or more).
    #[schemars(range(min = 1))]
    numerator: u32,
    /// The whole (1 or more, at least the numerator).
    #[schemars(range(min = 1))]
    denominator: u32,
}

/// A fraction that is zero or above one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "quorum fraction {numerator}/{denominator} is out of range: expected a numerator from 1 to the denominator"
)]
pub struct FractionError {
    /// The numerator given.
    pub numerator: u32,
    /// The denominator given.
    pub denominator: u32,
}

impl Fraction {
    /// `numerator / denominator`, with `1 ≤ numerator ≤ denominator`.
    pub const fn new(numerator: u32, denominator: u32) -> Result<Self, FractionError> {
        if numerator >= 1 && numerator <= denominator {
            Ok(Self {
                numerator,
                denominator,
            })
        } else {
            Err(FractionError {
                numerator,
                denominator,
            })
        }
    }

    /// The numerator.
    #[must_use]
    pub const fn numerator(self) -> u32 {
        self.numerator
    }

    /// The denominator.
    #[must_use]
    pub const fn denominator(self) -> u32 {
        self.denominator
    }
}

impl TryFrom<RawFraction> for Fraction {
    type Error = FractionError;

    fn try_from(raw: RawFraction) -> Result<Self, Self::Error> {
        Self::new(raw.numerator, raw.denominator)
    }
}

impl JsonSchema for Fraction {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Fraction")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_governance::quorum::Fraction")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        RawFraction::json_schema(generator)
    }
}

/// Roles of which at least one must be present, e.g. the chair or the vice-chair.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawRequiredRoles")]
pub struct RequiredRoles {
    any_of: Vec<PostRole>,
}

/// Roles of which at least one must be present (at least one role listed).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawRequiredRoles {
    /// The roles; any one present meets the requirement.
    #[schemars(length(min = 1))]
    any_of: Vec<PostRole>,
}

/// A required-roles entry listed no role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("required roles entry lists no role: give at least one in any_of")]
pub struct NoRoles;

impl RequiredRoles {
    /// Any one of `roles`; there must be at least one.
    pub fn any_of(roles: Vec<PostRole>) -> Result<Self, NoRoles> {
        if roles.is_empty() {
            Err(NoRoles)
        } else {
            Ok(Self { any_of: roles })
        }
    }

    /// Exactly this role.
    #[must_use]
    pub fn role(role: PostRole) -> Self {
        Self { any_of: vec![role] }
    }

    /// The roles, any one of which meets the requirement.
    #[must_use]
    pub fn roles(&self) -> &[PostRole] {
        &self.any_of
    }

    /// Whether a role in `present` meets it.
    pub fn met_by(&self, present: &HashSet<PostRole>) -> bool {
        self.any_of.iter().any(|role| present.contains(role))
    }
}

impl TryFrom<RawRequiredRoles> for RequiredRoles {
    type Error = NoRoles;

    fn try_from(raw: RawRequiredRoles) -> Result<Self, Self::Error> {
        Self::any_of(raw.any_of)
    }
}

impl JsonSchema for RequiredRoles {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("RequiredRoles")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_governance::quorum::RequiredRoles")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        RawRequiredRoles::json_schema(generator)
    }
}

impl std::fmt::Display for RequiredRoles {
    /// `chair` or `chair or vice_chair`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, role) in self.any_of.iter().enumerate() {
            if i > 0 {
                f.write_str(" or ")?;
            }
            write!(f, "{role}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraction_bounds() {
        assert!(Fraction::new(1, 1).is_ok());
        assert!(Fraction::new(2, 3).is_ok());
        assert!(Fraction::new(0, 3).is_err());
        assert!(Fraction::new(4, 3).is_err());
        assert!(Fraction::new(0, 0).is_err());
        let err =
            serde_json::from_str::<Fraction>(r#"{"numerator":3,"denominator":2}"#).unwrap_err();
        assert!(err.to_string().contains("quorum fraction 3/2"), "{err}");
        assert!(
            serde_json::from_str::<Fraction>(r#"{"numerator":1,"denominator":2,"x":1}"#).is_err()
        );
    }

    #[test]
    fn threshold_rounds_up_and_is_at_least_one() {
        let f = |n, d| QuorumThreshold::Fraction(Fraction::new(n, d).unwrap());
        assert_eq!(f(1, 3).required(10), 4);
        assert_eq!(f(1, 2).required(10), 5);
        assert_eq!(f(1, 2).required(11), 6);
        assert_eq!(f(2, 3).required(3), 2);
        assert_eq!(f(1, 1).required(7), 7);
        assert_eq!(f(1, 3).required(0), 1);
        assert_eq!(f(u32::MAX, u32::MAX).required(u32::MAX), u32::MAX);
        assert_eq!(
            QuorumThreshold::Count(NonZeroU32::new(5).unwrap()).required(2),
            5
        );
    }

    #[test]
    fn threshold_serde_shapes() {
        let count: QuorumThreshold = serde_json::from_str(r#"{"count":4}"#).unwrap();
        assert_eq!(count.required(0), 4);
        assert!(serde_json::from_str::<QuorumThreshold>(r#"{"count":0}"#).is_err());
        let rule: QuorumRule = serde_json::from_str(
            r#"{"threshold":{"fraction":{"numerator":1,"denominator":3}},"required_roles":[{"any_of":["chair","vice_chair"]}]}"#,
        )
        .unwrap();
        assert_eq!(rule.required_roles[0].to_string(), "chair or vice_chair");
        let back = serde_json::to_string(&rule).unwrap();
        assert_eq!(serde_json::from_str::<QuorumRule>(&back).unwrap(), rule);
    }

    #[test]
    fn required_roles_must_list_one() {
        assert_eq!(RequiredRoles::any_of(vec![]), Err(NoRoles));
        assert!(serde_json::from_str::<RequiredRoles>(r#"{"any_of":[]}"#).is_err());
        assert_eq!(
            RequiredRoles::role(PostRole::Chair).roles(),
            &[PostRole::Chair]
        );
    }
}
