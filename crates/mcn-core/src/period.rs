//! Date periods with an inclusive, optional end (as FHIR `Period` and Popolo).

use std::{borrow::Cow, fmt};

use chrono::{Days, Months, NaiveDate};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

/// A period's end falls before its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("period ends on {end} before it starts on {start}")]
pub struct PeriodError {
    /// The start given.
    pub start: NaiveDate,
    /// The end given, earlier than `start`.
    pub end: NaiveDate,
}

/// A span of calendar days from `start` to `end` inclusive; no `end` means open-ended.
///
/// A period whose end precedes its start cannot be built, through [`Period::new`]
/// or through serde.
///
/// ```
/// use chrono::NaiveDate;
/// use mcn_core::Period;
///
/// let d = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
/// let q1 = Period::new(d(1, 1), Some(d(3, 31)))?;
/// assert!(q1.contains(d(3, 31)));
/// assert!(!q1.contains(d(4, 1)));
/// assert!(Period::new(d(2, 1), Some(d(1, 1))).is_err());
/// # Ok::<(), mcn_core::period::PeriodError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawPeriod", deny_unknown_fields)]
pub struct Period {
    /// First day of the period.
    #[serde(with = "mcn_core::date::strict")]
    start: NaiveDate,
    /// Last day of the period (inclusive); absent while it is open-ended.
    #[serde(
        with = "mcn_core::date::strict_option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    end: Option<NaiveDate>,
}

/// A span of calendar days, start to end inclusive; no end means open-ended.
/// The end must not precede the start (checked on load; JSON Schema cannot say it).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    /// First day of the period.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    start: NaiveDate,
    /// Last day of the period (inclusive); absent while it is open-ended.
    #[schemars(with = "Option<NaiveDate>")]
    #[serde(with = "mcn_core::date::strict_option", default)]
    end: Option<NaiveDate>,
}

impl JsonSchema for Period {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Period")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_core::period::Period")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        RawPeriod::json_schema(generator)
    }
}

impl TryFrom<RawPeriod> for Period {
    type Error = PeriodError;

    fn try_from(raw: RawPeriod) -> Result<Self, Self::Error> {
        Self::new(raw.start, raw.end)
    }
}

impl Period {
    /// A period from `start` to `end` inclusive (`None`: open-ended).
    pub fn new(start: NaiveDate, end: Option<NaiveDate>) -> Result<Self, PeriodError> {
        match end {
            Some(end) if end < start => Err(PeriodError { start, end }),
            _ => Ok(Self { start, end }),
        }
    }

    /// An open-ended period starting on `start`.
    #[must_use]
    pub const fn starting(start: NaiveDate) -> Self {
        Self { start, end: None }
    }

    /// A single day.
    #[must_use]
    pub const fn day(date: NaiveDate) -> Self {
        Self {
            start: date,
            end: Some(date),
        }
    }

    /// First day.
    #[must_use]
    pub const fn start(&self) -> NaiveDate {
        self.start
    }

    /// Last day, if the period has ended or has a planned end.
    #[must_use]
    pub const fn end(&self) -> Option<NaiveDate> {
        self.end
    }

    /// Whether `date` lies within the period (both ends inclusive).
    #[must_use]
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|end| date <= end)
    }

    /// Whether the period is in force on `as_of`; the same as [`Period::contains`].
    #[must_use]
    pub fn is_current(&self, as_of: NaiveDate) -> bool {
        self.contains(as_of)
    }

    /// Whether the two periods share at least one day. Symmetric.
    #[must_use]
    pub fn overlaps(&self, other: &Self) -> bool {
        let self_starts_in_time = other.end.is_none_or(|end| self.start <= end);
        let other_starts_in_time = self.end.is_none_or(|end| other.start <= end);
        self_starts_in_time && other_starts_in_time
    }

    /// Whether `other` lies wholly within this period.
    #[must_use]
    pub fn encloses(&self, other: &Self) -> bool {
        self.start <= other.start
            && match (self.end, other.end) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(mine), Some(theirs)) => theirs <= mine,
            }
    }

    /// Whether the period has ended before `as_of`.
    #[must_use]
    pub fn has_ended(&self, as_of: NaiveDate) -> bool {
        self.end.is_some_and(|end| end < as_of)
    }

    /// The days shared by both periods, if any.
    #[must_use]
    pub fn intersection(&self, other: &Self) -> Option<Self> {
        if !self.overlaps(other) {
            return None;
        }
        let start = self.start.max(other.start);
        let end = match (self.end, other.end) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Some(Self { start, end })
    }

    /// Number of days in the period, or `None` when it is open-ended.
    #[must_use]
    pub fn days(&self) -> Option<i64> {
        self.end.map(|end| (end - self.start).num_days() + 1)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            Some(end) => write!(f, "{} to {}", self.start, end),
            None => write!(f, "from {}", self.start),
        }
    }
}

/// `date` plus `days` days, or the last representable date if that is
/// beyond it (a horizon "N days from `as_of`" never fails).
///
/// ```
/// use mcn_core::{NaiveDate, period::add_days_saturating};
/// let d = NaiveDate::from_ymd_opt(2025, 1, 31).unwrap();
/// assert_eq!(add_days_saturating(d, 1), NaiveDate::from_ymd_opt(2025, 2, 1).unwrap());
/// assert_eq!(add_days_saturating(NaiveDate::MAX, 1), NaiveDate::MAX);
/// ```
#[must_use]
pub fn add_days_saturating(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` plus `months` calendar months (clamped to the month's last day, as
/// chrono does), or the last representable date if that is beyond it.
///
/// ```
/// use mcn_core::{NaiveDate, period::add_months_saturating};
/// let d = NaiveDate::from_ymd_opt(2025, 1, 31).unwrap();
/// assert_eq!(add_months_saturating(d, 1), NaiveDate::from_ymd_opt(2025, 2, 28).unwrap());
/// assert_eq!(add_months_saturating(NaiveDate::MAX, 1), NaiveDate::MAX);
/// ```
#[must_use]
pub fn add_months_saturating(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn end_before_start_is_rejected_also_through_serde() {
        assert_eq!(
            Period::new(d(2025, 2, 1), Some(d(2025, 1, 31))),
            Err(PeriodError {
                start: d(2025, 2, 1),
                end: d(2025, 1, 31)
            })
        );
        let err = serde_json::from_str::<Period>(r#"{"start":"2025-02-01","end":"2025-01-31"}"#)
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("period ends on 2025-01-31 before it starts on 2025-02-01")
        );
    }

    #[test]
    fn one_day_period_is_allowed() {
        let p = Period::new(d(2025, 1, 1), Some(d(2025, 1, 1))).unwrap();
        assert_eq!(p.days(), Some(1));
        assert_eq!(p, Period::day(d(2025, 1, 1)));
    }

    #[test]
    fn unknown_fields_are_rejected() {
        assert!(
            serde_json::from_str::<Period>(r#"{"start":"2025-01-01","ned":"2025-02-01"}"#).is_err()
        );
    }

    #[test]
    fn contains_is_inclusive_and_open_end_is_unbounded() {
        let p = Period::new(d(2025, 1, 1), Some(d(2025, 12, 31))).unwrap();
        assert!(p.contains(d(2025, 1, 1)) && p.contains(d(2025, 12, 31)));
        assert!(!p.contains(d(2024, 12, 31)) && !p.contains(d(2026, 1, 1)));
        let open = Period::starting(d(2025, 1, 1));
        assert!(open.is_current(d(2099, 1, 1)));
        assert!(!open.is_current(d(2024, 12, 31)));
    }

    #[test]
    fn overlaps_touching_and_disjoint() {
        let a = Period::new(d(2025, 1, 1), Some(d(2025, 6, 30))).unwrap();
        let touching = Period::new(d(2025, 6, 30), None).unwrap();
        let after = Period::new(d(2025, 7, 1), None).unwrap();
        assert!(a.overlaps(&touching) && touching.overlaps(&a));
        assert!(!a.overlaps(&after) && !after.overlaps(&a));
        assert_eq!(a.intersection(&touching), Some(Period::day(d(2025, 6, 30))));
        assert_eq!(a.intersection(&after), None);
    }

    #[test]
    fn encloses_and_has_ended() {
        let year = Period::new(d(2025, 1, 1), Some(d(2025, 12, 31))).unwrap();
        assert!(year.encloses(&Period::day(d(2025, 5, 5))));
        assert!(!year.encloses(&Period::starting(d(2025, 5, 5))));
        assert!(Period::starting(d(2020, 1, 1)).encloses(&year));
        assert!(year.has_ended(d(2026, 1, 1)));
        assert!(!year.has_ended(d(2025, 12, 31)));
    }

    #[test]
    fn display() {
        assert_eq!(
            Period::starting(d(2025, 4, 1)).to_string(),
            "from 2025-04-01"
        );
        assert_eq!(
            Period::day(d(2025, 4, 1)).to_string(),
            "2025-04-01 to 2025-04-01"
        );
    }
}
