//! Whole-time equivalents, as exact hundredths.
//!
//! [`Wte`] is one appointment's share of a full-time post (0.00 to 1.00);
//! [`WteTotal`] is a sum of them (funded or in-post WTE for a team), which may
//! exceed 1.

use std::{iter::Sum, ops::Add};

pub use crate::decimal::DecimalError;

crate::hundredths_quantity! {
    /// One appointment's whole-time equivalent: 0.00 to 1.00 in steps of 0.01,
    /// serialised as a JSON number (`0.6`).
    ///
    /// ```
    /// use mcn_core::Wte;
    /// assert_eq!(Wte::try_from(0.6)?.hundredths(), 60);
    /// assert!(Wte::try_from(1.01).is_err());
    /// assert!(Wte::try_from(0.333).is_err());
    /// # Ok::<(), mcn_core::wte::DecimalError>(())
    /// ```
    pub struct Wte(u16), max = 100,
    description = "Whole-time equivalent of one appointment, 0.00 to 1.00, at most two decimal places \
                   (the two-decimal rule is checked on load; JSON Schema cannot state it reliably for floats)."
}

impl Wte {
    /// Full time.
    pub const FULL: Self = Self(100);
    /// Nothing.
    pub const ZERO: Self = Self(0);
}

crate::hundredths_quantity! {
    /// A total of whole-time equivalents (e.g. funded WTE for a team): 0.00 to
    /// 100,000.00 in steps of 0.01, serialised as a JSON number.
    pub struct WteTotal(u32), max = 10_000_000,
    description = "A total of whole-time equivalents, 0.00 to 100000.00, at most two decimal places \
                   (checked on load)."
}

impl WteTotal {
    /// Nothing.
    pub const ZERO: Self = Self(0);

    /// `self - other`, or zero when `other` is larger (a shortfall never goes negative).
    #[must_use]
    pub const fn saturating_sub(self, other: Self) -> Self {
        Self(self.0.saturating_sub(other.0))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_ids_are_the_rust_paths() {
        use schemars::JsonSchema;
        assert_eq!(Wte::schema_id(), "mcn_core::wte::Wte");
        assert_eq!(WteTotal::schema_id(), "mcn_core::wte::WteTotal");
    }

    #[test]
    fn boundaries() {
        assert_eq!(Wte::try_from(1.0), Ok(Wte::FULL));
        assert_eq!(Wte::try_from(0.0), Ok(Wte::ZERO));
        assert_eq!(
            Wte::try_from(1.01),
            Err(DecimalError::OutOfRange {
                value: 1.01,
                max: 1.0
            })
        );
        assert!(Wte::try_from(-0.01).is_err());
        assert!(Wte::try_from(f64::NAN).is_err());
        assert_eq!(Wte::try_from(0.125), Err(DecimalError::TooPrecise(0.125)));
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
        assert!(
            err.to_string()
                .contains("1.5 is out of range: expected 0.00 to 1.00"),
            "{err}"
        );
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
