//! Whole-time equivalents, as exact hundredths.
//!
//! [`Wte`] is one appointment's share of a full-time post (0.00 to 1.00);
//! [`WteTotal`] is a sum of them (funded or in-post WTE for a team), which may
//! exceed 1.

use std::{borrow::Cow, fmt, iter::Sum, ops::Add};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a WTE figure was rejected.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum WteError {
    /// Negative, not a number, or above the maximum.
    #[error("WTE {value} is out of range: expected 0.00 to {max:.2}")]
    OutOfRange {
        /// The value given.
        value: f64,
        /// The largest value allowed.
        max: f64,
    },
    /// More than two decimal places.
    #[error("WTE {0} has more than two decimal places")]
    TooPrecise(f64),
}

/// Converts a decimal to exact hundredths, rejecting values out of `0..=max_hundredths`
/// or with more than two decimals.
fn to_hundredths(value: f64, max_hundredths: u32) -> Result<u32, WteError> {
    let max = f64::from(max_hundredths) / 100.0;
    if !value.is_finite() || value < 0.0 || value > max {
        return Err(WteError::OutOfRange { value, max });
    }
    let scaled = value * 100.0;
    let rounded = scaled.round();
    if (scaled - rounded).abs() > 1e-6 {
        return Err(WteError::TooPrecise(value));
    }
    // In range 0..=max_hundredths by the check above, so the cast is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Ok(rounded as u32)
}

fn from_hundredths(hundredths: u32) -> f64 {
    f64::from(hundredths) / 100.0
}

/// One appointment's whole-time equivalent: 0.00 to 1.00 in steps of 0.01,
/// serialised as a JSON number (`0.6`).
///
/// ```
/// use mcn_core::Wte;
/// assert_eq!(Wte::try_from(0.6)?.hundredths(), 60);
/// assert!(Wte::try_from(1.01).is_err());
/// assert!(Wte::try_from(0.333).is_err());
/// # Ok::<(), mcn_core::wte::WteError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Wte(u16);

impl Wte {
    /// Full time.
    pub const FULL: Self = Self(100);
    /// Nothing.
    pub const ZERO: Self = Self(0);

    /// From exact hundredths (`60` is 0.60); `None` above 100.
    #[must_use]
    pub const fn from_hundredths(hundredths: u16) -> Option<Self> {
        if hundredths <= 100 {
            Some(Self(hundredths))
        } else {
            None
        }
    }

    /// The value in hundredths.
    #[must_use]
    pub const fn hundredths(self) -> u16 {
        self.0
    }

    /// The value as a decimal.
    #[must_use]
    pub fn as_f64(self) -> f64 {
        from_hundredths(u32::from(self.0))
    }
}

impl TryFrom<f64> for Wte {
    type Error = WteError;

    fn try_from(value: f64) -> Result<Self, Self::Error> {
        let hundredths = to_hundredths(value, 100)?;
        u16::try_from(hundredths)
            .map(Self)
            .map_err(|_| WteError::OutOfRange { value, max: 1.0 })
    }
}

/// A total of whole-time equivalents (e.g. funded WTE for a team): 0.00 to
/// 100,000.00 in steps of 0.01, serialised as a JSON number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WteTotal(u32);

impl WteTotal {
    /// Nothing.
    pub const ZERO: Self = Self(0);
    /// The largest total allowed, in hundredths.
    pub const MAX_HUNDREDTHS: u32 = 10_000_000;

    /// From exact hundredths; `None` above the maximum.
    #[must_use]
    pub const fn from_hundredths(hundredths: u32) -> Option<Self> {
        if hundredths <= Self::MAX_HUNDREDTHS {
            Some(Self(hundredths))
        } else {
            None
        }
    }

    /// The value in hundredths.
    #[must_use]
    pub const fn hundredths(self) -> u32 {
        self.0
    }

    /// The value as a decimal.
    #[must_use]
    pub fn as_f64(self) -> f64 {
        from_hundredths(self.0)
    }

    /// `self - other`, or zero when `other` is larger (a shortfall never goes negative).
    #[must_use]
    pub const fn saturating_sub(self, other: Self) -> Self {
        Self(self.0.saturating_sub(other.0))
    }
}

impl TryFrom<f64> for WteTotal {
    type Error = WteError;

    fn try_from(value: f64) -> Result<Self, Self::Error> {
        to_hundredths(value, Self::MAX_HUNDREDTHS).map(Self)
    }
}

impl From<Wte> for WteTotal {
    fn from(wte: Wte) -> Self {
        Self(u32::from(wte.0))
    }
}

impl Add for WteTotal {
    type Output = Self;

    /// Saturates at the maximum.
    fn add(self, rhs: Self) -> Self {
        Self(self.0.saturating_add(rhs.0).min(Self::MAX_HUNDREDTHS))
    }
}

impl Sum for WteTotal {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::ZERO, Add::add)
    }
}

impl Sum<Wte> for WteTotal {
    fn sum<I: Iterator<Item = Wte>>(iter: I) -> Self {
        iter.map(Self::from).sum()
    }
}

macro_rules! wte_common {
    ($name:ident, $max:expr, $description:expr) => {
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_f64(self.as_f64())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = f64::deserialize(deserializer)?;
                Self::try_from(value).map_err(serde::de::Error::custom)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }

            fn schema_id() -> Cow<'static, str> {
                Cow::Borrowed(concat!("mcn_core::wte::", stringify!($name)))
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "number",
                    "minimum": 0,
                    "maximum": $max,
                    "description": $description,
                })
            }
        }
    };
}

wte_common!(
    Wte,
    1,
    "Whole-time equivalent of one appointment, 0.00 to 1.00, at most two decimal places \
     (the two-decimal rule is checked on load; JSON Schema cannot state it reliably for floats)."
);
wte_common!(
    WteTotal,
    100_000,
    "A total of whole-time equivalents, 0.00 to 100000.00, at most two decimal places \
     (checked on load)."
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        assert_eq!(Wte::try_from(1.0), Ok(Wte::FULL));
        assert_eq!(Wte::try_from(0.0), Ok(Wte::ZERO));
        assert_eq!(
            Wte::try_from(1.01),
            Err(WteError::OutOfRange {
                value: 1.01,
                max: 1.0
            })
        );
        assert!(Wte::try_from(-0.01).is_err());
        assert!(Wte::try_from(f64::NAN).is_err());
        assert_eq!(Wte::try_from(0.125), Err(WteError::TooPrecise(0.125)));
        assert_eq!(Wte::from_hundredths(101), None);
    }

    #[test]
    fn awkward_binary_fractions_are_exact() {
        for h in 0..=100_u16 {
            let value = f64::from(h) / 100.0;
            assert_eq!(Wte::try_from(value).unwrap().hundredths(), h, "{value}");
        }
        assert_eq!(Wte::try_from(0.07).unwrap().to_string(), "0.07");
    }

    #[test]
    fn serde_is_a_number() {
        let wte = Wte::try_from(0.6).unwrap();
        assert_eq!(serde_json::to_string(&wte).unwrap(), "0.6");
        assert_eq!(serde_json::from_str::<Wte>("1").unwrap(), Wte::FULL);
        let err = serde_json::from_str::<Wte>("1.5").unwrap_err();
        assert!(err.to_string().contains("out of range"), "{err}");
        assert!(serde_json::from_str::<Wte>("\"0.5\"").is_err());
    }

    #[test]
    fn totals_sum_and_exceed_one() {
        let total: WteTotal = [Wte::FULL, Wte::try_from(0.6).unwrap()].into_iter().sum();
        assert_eq!(total.to_string(), "1.60");
        assert_eq!(WteTotal::try_from(12.5).unwrap().hundredths(), 1250);
        assert!(WteTotal::try_from(100_000.01).is_err());
        assert_eq!(
            WteTotal::try_from(1.0)
                .unwrap()
                .saturating_sub(WteTotal::try_from(2.0).unwrap()),
            WteTotal::ZERO
        );
    }
}
