//! Whole-time equivalents, as exact hundredths.
//!
//! [`Wte`] is one appointment's share of a full-time post (0.00 to 1.00);
//! [`WteTotal`] is a sum of them (funded or in-post WTE for a team), which may
//! exceed 1.

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

impl WteTotal {
    /// `self + other`, or `None` above the largest total (100,000.00): a
    /// total is never a saturated figure shown as real.
    #[must_use]
    pub fn checked_add(self, other: Self) -> Option<Self> {
        self.0
            .checked_add(other.0)
            .filter(|sum| *sum <= Self::MAX_HUNDREDTHS)
            .map(Self)
    }

    /// The total of `values` (appointments' [`Wte`]s or totals), or `None`
    /// when it is above the largest total.
    ///
    /// ```
    /// use mcn_core::{Wte, WteTotal};
    /// let total = WteTotal::checked_sum([Wte::FULL, Wte::try_from(0.6)?]);
    /// assert_eq!(total.map(|t| t.hundredths()), Some(160));
    /// let max = WteTotal::try_from(100_000.0)?;
    /// assert_eq!(WteTotal::checked_sum([max, WteTotal::try_from(0.01)?]), None);
    /// # Ok::<(), mcn_core::wte::DecimalError>(())
    /// ```
    #[must_use]
    pub fn checked_sum<T: Into<Self>>(values: impl IntoIterator<Item = T>) -> Option<Self> {
        values
            .into_iter()
            .try_fold(Self::ZERO, |total, value| total.checked_add(value.into()))
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
        let total = WteTotal::checked_sum([Wte::FULL, Wte::try_from(0.6).unwrap()]).unwrap();
        assert_eq!(total.to_string(), "1.60");
        // Above the largest total is None, not the maximum.
        let max = WteTotal::try_from(100_000.0).unwrap();
        assert_eq!(max.checked_add(WteTotal::ZERO), Some(max));
        assert_eq!(max.checked_add(WteTotal::try_from(0.01).unwrap()), None);
        assert_eq!(
            WteTotal::checked_sum(std::iter::repeat_n(Wte::FULL, 100_001)),
            None
        );
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
