//! Amounts of money in pounds sterling, held as whole pence.

use std::{borrow::Cow, fmt};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// A non-negative amount of money in GBP, held as integer pence so sums are exact.
///
/// Serialises as a JSON integer of pence (`150000` is £1,500.00). Addition
/// is checked ([`Money::checked_add`], [`Money::checked_sum`]): a total too
/// large to hold is `None`, never a wrapped or saturated amount.
///
/// ```
/// use mcn_core::Money;
/// let grant = Money::from_pounds(45_000).checked_add(Money::from_pence(50)).unwrap();
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

impl Money {
    /// `self + other`, or `None` when the sum is larger than the largest
    /// amount (`u64::MAX` pence): a total is never a saturated figure shown
    /// as real.
    #[must_use]
    pub const fn checked_add(self, other: Self) -> Option<Self> {
        match self.0.checked_add(other.0) {
            Some(pence) => Some(Self(pence)),
            None => None,
        }
    }

    /// The total of `amounts`, or `None` when it is too large to hold.
    ///
    /// ```
    /// use mcn_core::Money;
    /// let total = Money::checked_sum([Money::from_pounds(2), Money::from_pence(50)]);
    /// assert_eq!(total, Some(Money::from_pence(250)));
    /// assert_eq!(Money::checked_sum([Money::from_pence(u64::MAX), Money::from_pence(1)]), None);
    /// ```
    #[must_use]
    pub fn checked_sum(amounts: impl IntoIterator<Item = Self>) -> Option<Self> {
        amounts.into_iter().try_fold(Self::ZERO, Self::checked_add)
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
    fn sums_exactly_and_overflow_is_none() {
        let total = Money::checked_sum([Money::from_pence(10), Money::from_pence(20)]);
        assert_eq!(total, Some(Money::from_pence(30)));
        assert_eq!(
            Money::from_pence(u64::MAX).checked_add(Money::from_pence(1)),
            None
        );
        assert_eq!(
            Money::from_pence(u64::MAX - 1).checked_add(Money::from_pence(1)),
            Some(Money::from_pence(u64::MAX))
        );
        let near = Money::from_pence(u64::MAX / 2 + 1);
        assert_eq!(Money::checked_sum([near, near]), None);
        assert_eq!(Money::checked_sum([]), Some(Money::ZERO));
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
