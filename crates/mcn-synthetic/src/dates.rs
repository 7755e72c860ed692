//! Saturating date arithmetic (never panics, whatever `as_of` is).

use chrono::{Days, Months};
use mcn_core::{NaiveDate, Period};

/// `date` plus `n` days, saturating.
pub(super) fn plus_days(date: NaiveDate, n: u64) -> NaiveDate {
    date.checked_add_days(Days::new(n))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` minus `n` days, saturating.
pub(super) fn minus_days(date: NaiveDate, n: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(n))
        .unwrap_or(NaiveDate::MIN)
}

/// `date` plus `n` months (clamped to the month's last day), saturating.
pub(super) fn plus_months(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_months(Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` minus `n` months, saturating.
pub(super) fn minus_months(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(n))
        .unwrap_or(NaiveDate::MIN)
}

/// Whole days from `from` to `to`; 0 when `to` is not after `from`.
pub(super) fn days_between(from: NaiveDate, to: NaiveDate) -> u64 {
    u64::try_from(to.signed_duration_since(from).num_days()).unwrap_or(0)
}

/// A period from `start`, ending no earlier than it.
pub(super) fn period(start: NaiveDate, end: Option<NaiveDate>) -> Period {
    Period::new(start, end.map(|end| end.max(start))).unwrap_or_else(|_| Period::starting(start))
}
