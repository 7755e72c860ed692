//! Crate-local value objects: bounded whole numbers (ratings, capacities,
//! durations, renewal periods) and CPD hours (a core two-decimal quantity). Each rejects out-of-range values
//! on construction and on load, and states its range in its JSON Schema.

pub use mcn_core::bounded::OutOfRange;

mcn_core::bounded_integer! {
    /// A rating from 1 (poor) to 5 (excellent).
    ///
    /// A feedback rating.
    ///
    /// ```
    /// use mcn_training::Rating;
    /// assert_eq!(Rating::new(5)?.get(), 5);
    /// assert!(Rating::new(0).is_err() && Rating::new(6).is_err());
    /// # Ok::<(), mcn_training::values::OutOfRange>(())
    /// ```
    pub struct Rating(u8), min = 1, max = 5, what = "rating"
}

mcn_core::bounded_integer! {
    /// Number of places at the event, 1 to 100000.
    pub struct Capacity(u32), min = 1, max = 100_000, what = "capacity"
}

mcn_core::bounded_integer! {
    /// A duration in whole minutes, 1 to 10080 (seven days).
    pub struct Minutes(u32), min = 1, max = 10_080, what = "duration in minutes"
}

mcn_core::bounded_integer! {
    /// Renewal period in whole months, 1 to 600.
    ///
    /// How often training must be renewed (at most every 50 years).
    pub struct RenewalMonths(u16), min = 1, max = 600, what = "renewal period in months"
}

impl Rating {
    /// Every rating, lowest first.
    pub const ALL: [Self; 5] = [Self(1), Self(2), Self(3), Self(4), Self(5)];
}

mcn_core::hundredths_quantity! {
    /// Continuing professional development hours: 0 to 1,000 in steps of
    /// 0.01, serialised as a JSON number (`6.5`).
    ///
    /// ```
    /// use mcn_training::CpdHours;
    /// assert_eq!(CpdHours::try_from(6.5)?.hundredths(), 650);
    /// assert!(CpdHours::try_from(1000.01).is_err());
    /// assert!(CpdHours::try_from(1.125).is_err());
    /// # Ok::<(), mcn_core::decimal::DecimalError>(())
    /// ```
    pub struct CpdHours(u32), max = 100_000,
    description = "CPD hours, 0 to 1000, at most two decimal places (checked on load)."
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rating_bounds_and_serde() {
        assert!(Rating::new(0).is_err());
        assert_eq!(Rating::new(1).unwrap().get(), 1);
        assert_eq!(Rating::new(5).unwrap().get(), 5);
        let err = Rating::new(6).unwrap_err();
        assert_eq!(err.to_string(), "rating 6 is out of range: expected 1 to 5");
        assert_eq!(
            serde_json::to_string(&Rating::new(4).unwrap()).unwrap(),
            "4"
        );
        assert!(serde_json::from_str::<Rating>("0").is_err());
        assert!(serde_json::from_str::<Rating>("-1").is_err());
        assert!(serde_json::from_str::<Rating>("3.5").is_err());
        assert!(serde_json::from_str::<Rating>("256").is_err());
        assert_eq!(serde_json::from_str::<Rating>("3").unwrap().get(), 3);
        assert_eq!(Rating::ALL.map(Rating::get), [1, 2, 3, 4, 5]);
    }

    #[test]
    fn capacity_minutes_and_renewal_bounds() {
        assert!(Capacity::new(0).is_err());
        assert_eq!(Capacity::new(1).unwrap().get(), 1);
        assert!(Capacity::new(100_000).is_ok() && Capacity::new(100_001).is_err());
        assert!(Capacity::new(u64::MAX).is_err());
        assert_eq!(
            Capacity::new(100_001).unwrap_err().to_string(),
            "capacity 100001 is out of range: expected 1 to 100000"
        );
        assert_eq!((Minutes::MIN.get(), Minutes::MAX.get()), (1, 10_080));
        assert!(Minutes::new(0).is_err());
        assert!(Minutes::new(1).is_ok() && Minutes::new(10_080).is_ok());
        assert!(Minutes::new(10_081).is_err());
        assert!(RenewalMonths::new(0).is_err());
        assert!(RenewalMonths::new(600).is_ok() && RenewalMonths::new(601).is_err());
        assert!(serde_json::from_str::<Minutes>("0").is_err());
        assert_eq!(
            serde_json::from_str::<RenewalMonths>("36").unwrap().get(),
            36
        );
    }

    #[test]
    fn schemas_state_the_range() {
        let schema = schemars::schema_for!(Rating);
        assert_eq!(
            schema.get("minimum").and_then(serde_json::Value::as_u64),
            Some(1)
        );
        assert_eq!(
            schema.get("maximum").and_then(serde_json::Value::as_u64),
            Some(5)
        );
        let schema = schemars::schema_for!(CpdHours);
        assert_eq!(
            schema.get("maximum").and_then(serde_json::Value::as_u64),
            Some(1000)
        );
    }

    #[test]
    fn cpd_hours() {
        assert_eq!(CpdHours::try_from(0.0).unwrap().hundredths(), 0);
        assert_eq!(CpdHours::try_from(0.01).unwrap().hundredths(), 1);
        assert_eq!(CpdHours::try_from(1000.0).unwrap().hundredths(), 100_000);
        assert!(CpdHours::try_from(1000.01).is_err());
        assert!(CpdHours::try_from(-1.0).is_err());
        assert!(CpdHours::try_from(f64::NAN).is_err());
        assert!(CpdHours::try_from(0.005).is_err());
        for h in 1..=1000_u32 {
            let value = f64::from(h) / 100.0;
            assert_eq!(
                CpdHours::try_from(value).unwrap().hundredths(),
                h,
                "{value}"
            );
        }
        let hours = CpdHours::try_from(6.5).unwrap();
        assert_eq!(hours.to_string(), "6.50");
        assert_eq!(serde_json::to_string(&hours).unwrap(), "6.5");
        assert_eq!(serde_json::from_str::<CpdHours>("6.5").unwrap(), hours);
        assert!(serde_json::from_str::<CpdHours>("-0.5").is_err());
        assert_eq!(CpdHours::from_hundredths(100_001), None);
    }
}
