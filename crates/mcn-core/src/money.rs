//! Amounts of money in pounds sterling, held as whole pence.

use std::{borrow::Cow, fmt, iter::Sum, ops::Add};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// A non-negative amount of money in GBP, held as integer pence so sums are exact.
///
/// Serialises as a JSON integer of pence (`150000` is £1,500.00). Addition
/// saturates at the largest amount rather than wrapping.
///
/// ```
/// use mcn_core::Money;
/// let grant = Money::from_pounds(45_000) + Money::from_pence(50);
/// assert_eq!(grant.to_string(), "£45,000.50");
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(u64);

impl Money {
    /// Nothing.
    pub const ZERO: Self = Self(0);

    /// An amount in pence.
    #[must_use]
    pub const fn from_pence(pence: u64) -> Self {
        Self(pence)
    }

    /// A whole number of pounds (saturating).
    #[must_use]
    pub const fn from_pounds(pounds: u64) -> Self {
        Self(pounds.saturating_mul(100))
    }

    /// The amount in pence.
    #[must_use]
    pub const fn pence(self) -> u64 {
        self.0
    }

    /// Whether the amount is zero.
    #[must_use]
    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }
}

impl Add for Money {
    type Output = Self;

    fn add(self, rhs: Self) -> Self {
        Self(self.0.saturating_add(rhs.0))
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Self>>(iter: I) -> Self {
        iter.copied().sum()
    }
}

impl fmt::Display for Money {
    /// `£1,234.56`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pounds = (self.0 / 100).to_string();
        let mut grouped = String::with_capacity(pounds.len() + pounds.len() / 3);
        for (i, digit) in pounds.chars().enumerate() {
            if i > 0 && (pounds.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        write!(f, "£{grouped}.{:02}", self.0 % 100)
    }
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Money")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_core::money::Money")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "minimum": 0,
            "maximum": u64::MAX,
            "description": "An amount in pounds sterling (GBP), as whole pence: 150000 is £1,500.00.",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_groups_thousands() {
        assert_eq!(Money::ZERO.to_string(), "£0.00");
        assert_eq!(Money::from_pence(5).to_string(), "£0.05");
        assert_eq!(Money::from_pence(99_999).to_string(), "£999.99");
        assert_eq!(Money::from_pounds(1_000).to_string(), "£1,000.00");
        assert_eq!(Money::from_pence(123_456_789).to_string(), "£1,234,567.89");
    }

    #[test]
    fn sums_exactly_and_saturates() {
        let total: Money = [Money::from_pence(10), Money::from_pence(20)].iter().sum();
        assert_eq!(total, Money::from_pence(30));
        assert_eq!(
            Money::from_pence(u64::MAX) + Money::from_pence(1),
            Money::from_pence(u64::MAX)
        );
    }

    #[test]
    fn serde_is_integer_pence_and_rejects_negatives_and_fractions() {
        assert_eq!(
            serde_json::to_string(&Money::from_pounds(2)).unwrap(),
            "200"
        );
        assert_eq!(
            serde_json::from_str::<Money>("250").unwrap(),
            Money::from_pence(250)
        );
        assert!(serde_json::from_str::<Money>("-1").is_err());
        assert!(serde_json::from_str::<Money>("1.5").is_err());
    }
}
