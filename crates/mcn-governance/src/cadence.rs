//! Meeting frequency (from the terms of reference) and cadence: meetings held
//! against meetings expected over a window, and the longest gap.
//!
//! # Arithmetic
//!
//! * **Expected meetings** over a closed window are the number of whole
//!   frequency intervals that fit in it: ⌊whole calendar months ÷ months per
//!   meeting⌋ for the month-based frequencies, ⌊days ÷ (7 × N)⌋ for
//!   "every N weeks". Whole months count from the window's first day to the day
//!   after its last (2025-01-01 to 2025-12-31 is 12 months; a month from the
//!   31st ends on the last day of a shorter month). So a 12-month window
//!   expects 12 monthly, 6 two-monthly, 4 quarterly, 2 six-monthly and 1 annual
//!   meeting, and a window shorter than one interval expects none. An
//!   open-ended window has no expected count.
//! * **Held meetings** are the body's meetings with status `held` dated within
//!   the effective window (the window clipped to the body's active period);
//!   scheduled and cancelled meetings do not count.
//! * **Gaps** are measured in days between consecutive points of: the
//!   effective window's first day, each held meeting's date (sorted), and the
//!   effective window's last day (when it has one). So the gap before the first
//!   meeting and after the last one count, and a window with no meeting has one
//!   gap as long as the window (last day − first day). Two meetings on one day
//!   make a gap of 0. Of equal gaps, the earliest is reported.

use std::collections::HashMap;

use chrono::{Datelike, Months};
use mcn_core::{NaiveDate, Period, id::BodyId, index::IdIndex, period::add_days_saturating};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    body::Body,
    meeting::{Meeting, MeetingStatus},
};

/// How often a body must meet, from its terms of reference.
///
/// Serialised as a string (`"monthly"`, `"quarterly"`, ...) or, for a
/// number of weeks, as `{"every_weeks": 6}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MeetingFrequency {
    /// Once a month.
    Monthly,
    /// Once every two months.
    EveryTwoMonths,
    /// Once a quarter (every three months).
    Quarterly,
    /// Once every six months.
    EverySixMonths,
    /// Once a year.
    Annually,
    /// Once every N weeks (1 to 52).
    EveryWeeks(WeekCount),
}

/// The length of a meeting interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    /// A number of calendar months.
    Months(u32),
    /// A number of days.
    Days(u32),
}

impl MeetingFrequency {
    /// The interval between meetings.
    #[must_use]
    pub fn interval(self) -> Interval {
        match self {
            Self::Monthly => Interval::Months(1),
            Self::EveryTwoMonths => Interval::Months(2),
            Self::Quarterly => Interval::Months(3),
            Self::EverySixMonths => Interval::Months(6),
            Self::Annually => Interval::Months(12),
            Self::EveryWeeks(weeks) => Interval::Days(u32::from(weeks.get()) * 7),
        }
    }

    /// Meetings expected over a closed `window` (see the [module docs](self));
    /// `None` when the window is open-ended.
    ///
    /// ```
    /// use mcn_core::{NaiveDate, Period};
    /// use mcn_governance::MeetingFrequency;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let year = Period::new(d(2025, 1, 1), Some(d(2025, 12, 31)))?;
    /// assert_eq!(MeetingFrequency::Quarterly.expected_meetings(year), Some(4));
    /// let six_weeks = serde_json::from_str::<MeetingFrequency>(r#"{"every_weeks": 6}"#)?;
    /// assert_eq!(six_weeks.expected_meetings(year), Some(8)); // 365 days ÷ 42
    /// assert_eq!(MeetingFrequency::Monthly.expected_meetings(Period::starting(d(2025, 1, 1))), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn expected_meetings(self, window: Period) -> Option<u32> {
        let end = window.end()?;
        let start = window.start();
        Some(match self.interval() {
            Interval::Months(months) => whole_months(start, end) / months.max(1),
            Interval::Days(days) => {
                let span = u64::try_from(window.days().unwrap_or(0)).unwrap_or(0);
                u32::try_from(span / u64::from(days.max(1))).unwrap_or(u32::MAX)
            }
        })
    }
}

/// Whole calendar months from `start` to the day after `end`: the largest `m`
/// with `start + m months ≤ end + 1 day` (chrono clamps to month ends).
fn whole_months(start: NaiveDate, end: NaiveDate) -> u32 {
    let stop = add_days_saturating(end, 1);
    let months_apart = (i64::from(stop.year()) - i64::from(start.year())) * 12
        + i64::from(stop.month())
        - i64::from(start.month());
    let mut m = u32::try_from(months_apart.max(0)).unwrap_or(0);
    while m > 0
        && start
            .checked_add_months(Months::new(m))
            .is_none_or(|reached| reached > stop)
    {
        m -= 1;
    }
    m
}

mcn_core::bounded_integer! {
    /// A number of weeks between meetings, 1 to 52.
    pub struct WeekCount(u8), min = 1, max = 52, what = "number of weeks"
}

/// A gap between two points of a cadence (see the [module docs](self)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    /// The earlier point (the window start or a meeting date).
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub from: NaiveDate,
    /// The later point (a meeting date or the window end).
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub to: NaiveDate,
    /// Days from `from` to `to`.
    pub days: i64,
}

/// How often a body met over a window, against its terms of reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cadence {
    /// The window clipped to the body's active period.
    pub window: Period,
    /// The frequency in the terms of reference in force on the window's last
    /// day (its first day when open-ended); `None` if none was in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<MeetingFrequency>,
    /// Meetings held in the window.
    pub held: u32,
    /// Meetings expected in the window; `None` with no frequency or an open window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<u32>,
    /// The longest gap; `None` only for an open window with no meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longest_gap: Option<Gap>,
}

impl Cadence {
    /// Whether the body met at least as often as expected (`None` when no
    /// expectation can be computed).
    #[must_use]
    pub fn met_expectation(&self) -> Option<bool> {
        self.expected.map(|expected| self.held >= expected)
    }
}

impl Body {
    /// The body's cadence over `window`, from `meetings` (meetings of other
    /// bodies are ignored); `None` when the body is not active at all in the
    /// window. See the [module docs](crate::cadence) for the arithmetic.
    pub fn cadence<'a>(
        &self,
        meetings: impl IntoIterator<Item = &'a Meeting>,
        window: Period,
    ) -> Option<Cadence> {
        let dates = meetings
            .into_iter()
            .filter(|m| m.body == self.id)
            .map(|m| (m.status, m.date));
        cadence_of(self, dates, window)
    }
}

fn cadence_of(
    body: &Body,
    meetings: impl IntoIterator<Item = (MeetingStatus, NaiveDate)>,
    window: Period,
) -> Option<Cadence> {
    let window = window.intersection(&body.active)?;
    let mut dates: Vec<NaiveDate> = meetings
        .into_iter()
        .filter(|(status, date)| *status == MeetingStatus::Held && window.contains(*date))
        .map(|(_, date)| date)
        .collect();
    dates.sort_unstable();

    let frequency = body
        .terms_as_of(window.end().unwrap_or(window.start()))
        .map(|(_, terms)| terms.meeting_frequency);
    let expected = frequency.and_then(|f| f.expected_meetings(window));

    let points = std::iter::once(window.start())
        .chain(dates.iter().copied())
        .chain(window.end());
    let mut longest_gap: Option<Gap> = None;
    let mut previous: Option<NaiveDate> = None;
    for point in points {
        if let Some(from) = previous {
            let days = (point - from).num_days();
            if longest_gap.is_none_or(|gap| days > gap.days) {
                longest_gap = Some(Gap {
                    from,
                    to: point,
                    days,
                });
            }
        }
        previous = Some(point);
    }

    Some(Cadence {
        window,
        frequency,
        held: u32::try_from(dates.len()).unwrap_or(u32::MAX),
        expected,
        longest_gap,
    })
}

/// One body's cadence, from [`cadence_by_body`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BodyCadence {
    /// Index of the body in the `bodies` slice.
    pub body: usize,
    /// The body's id.
    pub id: BodyId,
    /// Its cadence over the window.
    pub cadence: Cadence,
}

/// The cadence of every body active in `window`, in document order, grouping
/// meetings by body in one pass (O(bodies + meetings log meetings)).
///
/// A body id listed twice counts its meetings for the first occurrence only.
#[must_use]
pub fn cadence_by_body(bodies: &[Body], meetings: &[Meeting], window: Period) -> Vec<BodyCadence> {
    let index = IdIndex::new(bodies.iter().map(|body| body.id));
    let mut by_body: HashMap<usize, Vec<(MeetingStatus, NaiveDate)>> = HashMap::new();
    for meeting in meetings {
        if let Some(i) = index.position(meeting.body) {
            by_body
                .entry(i)
                .or_default()
                .push((meeting.status, meeting.date));
        }
    }
    bodies
        .iter()
        .enumerate()
        .filter_map(|(i, body)| {
            let own = by_body.remove(&i).unwrap_or_default();
            cadence_of(body, own, window).map(|cadence| BodyCadence {
                body: i,
                id: body.id,
                cadence,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn window(a: NaiveDate, b: NaiveDate) -> Period {
        Period::new(a, Some(b)).unwrap()
    }

    #[test]
    fn whole_months_counts_to_the_day_after_the_end() {
        assert_eq!(whole_months(d(2025, 1, 1), d(2025, 12, 31)), 12);
        assert_eq!(whole_months(d(2025, 1, 1), d(2025, 12, 30)), 11);
        assert_eq!(whole_months(d(2025, 1, 1), d(2025, 1, 1)), 0);
        assert_eq!(whole_months(d(2025, 1, 15), d(2025, 2, 14)), 1);
        assert_eq!(whole_months(d(2025, 1, 15), d(2025, 2, 13)), 0);
        // From the 31st a month ends on the last day of a shorter month.
        assert_eq!(whole_months(d(2025, 1, 31), d(2025, 2, 27)), 1);
        assert_eq!(whole_months(d(2025, 1, 31), d(2025, 2, 26)), 0);
    }

    #[test]
    fn expected_per_frequency_over_a_year() {
        let year = window(d(2025, 4, 1), d(2026, 3, 31));
        let expect = |f: MeetingFrequency| f.expected_meetings(year);
        assert_eq!(expect(MeetingFrequency::Monthly), Some(12));
        assert_eq!(expect(MeetingFrequency::EveryTwoMonths), Some(6));
        assert_eq!(expect(MeetingFrequency::Quarterly), Some(4));
        assert_eq!(expect(MeetingFrequency::EverySixMonths), Some(2));
        assert_eq!(expect(MeetingFrequency::Annually), Some(1));
        let weeks = |n| MeetingFrequency::EveryWeeks(WeekCount::new(n).unwrap());
        assert_eq!(expect(weeks(1)), Some(52));
        assert_eq!(expect(weeks(52)), Some(1));
        // A window shorter than the interval expects nothing.
        let short = window(d(2025, 4, 1), d(2025, 6, 29));
        assert_eq!(
            MeetingFrequency::Quarterly.expected_meetings(short),
            Some(0)
        );
    }

    #[test]
    fn week_count_bounds_and_serde_shape() {
        assert!(WeekCount::new(0).is_err());
        assert!(WeekCount::new(53).is_err());
        assert_eq!(WeekCount::new(52).map(WeekCount::get), Ok(52));
        let f: MeetingFrequency = serde_json::from_str(r#"{"every_weeks":6}"#).unwrap();
        assert_eq!(serde_json::to_string(&f).unwrap(), r#"{"every_weeks":6}"#);
        assert_eq!(
            serde_json::to_string(&MeetingFrequency::EveryTwoMonths).unwrap(),
            "\"every_two_months\""
        );
        for bad in [
            r#"{"every_weeks":0}"#,
            r#"{"every_weeks":53}"#,
            r#"{"every_weeks":-1}"#,
        ] {
            assert!(
                serde_json::from_str::<MeetingFrequency>(bad).is_err(),
                "{bad}"
            );
        }
    }
}
