//! When a service can be reached: days of the week, weekly opening slots
//! (each one FHIR `HealthcareService.availableTime` element, field for field),
//! non-empty weekly schedules and [`Availability`].

use std::borrow::Cow;

use chrono::{NaiveTime, Weekday};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

mcn_core::vocabulary! {
    /// A day of the week, spelled as FHIR's `days-of-week` codes (`mon` ... `sun`).
    ///
    /// Deliberately exhaustive (not `#[non_exhaustive]`): the week will not grow.
    exhaustive DayOfWeek {
        /// Monday.
        Mon => "mon",
        /// Tuesday.
        Tue => "tue",
        /// Wednesday.
        Wed => "wed",
        /// Thursday.
        Thu => "thu",
        /// Friday.
        Fri => "fri",
        /// Saturday.
        Sat => "sat",
        /// Sunday.
        Sun => "sun",
    }
}

impl DayOfWeek {
    /// Monday to Friday.
    pub const WEEKDAYS: [Self; 5] = [Self::Mon, Self::Tue, Self::Wed, Self::Thu, Self::Fri];
}

impl From<DayOfWeek> for Weekday {
    fn from(day: DayOfWeek) -> Self {
        match day {
            DayOfWeek::Mon => Self::Mon,
            DayOfWeek::Tue => Self::Tue,
            DayOfWeek::Wed => Self::Wed,
            DayOfWeek::Thu => Self::Thu,
            DayOfWeek::Fri => Self::Fri,
            DayOfWeek::Sat => Self::Sat,
            DayOfWeek::Sun => Self::Sun,
        }
    }
}

impl From<Weekday> for DayOfWeek {
    fn from(day: Weekday) -> Self {
        match day {
            Weekday::Mon => Self::Mon,
            Weekday::Tue => Self::Tue,
            Weekday::Wed => Self::Wed,
            Weekday::Thu => Self::Thu,
            Weekday::Fri => Self::Fri,
            Weekday::Sat => Self::Sat,
            Weekday::Sun => Self::Sun,
        }
    }
}

/// Why a weekly slot was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SlotError {
    /// No day was given.
    #[error("a weekly slot needs at least one day in days_of_week")]
    NoDays,
    /// A day was given twice.
    #[error("day {0} is given twice in days_of_week")]
    RepeatedDay(DayOfWeek),
    /// `all_day` was given together with a start or end time.
    #[error("an all-day slot takes no available_start_time or available_end_time")]
    TimesWithAllDay,
    /// A slot that is not all day lacks its start or end time.
    #[error("a slot that is not all day needs both available_start_time and available_end_time")]
    MissingTime,
    /// The end time is not after the start time.
    #[error(
        "slot ends at {end} but starts at {start}: the end must be after the start \
         (split a slot past midnight into two)"
    )]
    EndNotAfterStart {
        /// The start time.
        start: NaiveTime,
        /// The end time given.
        end: NaiveTime,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Hours {
    AllDay,
    Between(NaiveTime, NaiveTime),
}

/// One weekly opening slot: on these days, all day or from a start to an end time.
///
/// Field for field a FHIR `HealthcareService.availableTime` element
/// (`daysOfWeek`, `allDay`, `availableStartTime`, `availableEndTime`). Checked on
/// construction and on load: at least one day, none repeated; either all day (and
/// no times) or both times with the end after the start. A slot running past
/// midnight is written as two slots.
///
/// ```
/// use chrono::NaiveTime;
/// use mcn_organisations::{DayOfWeek, WeeklySlot};
/// let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
/// let slot = WeeklySlot::between(DayOfWeek::WEEKDAYS.to_vec(), t(9), t(17))?;
/// assert_eq!(slot.available_start_time(), Some(t(9)));
/// assert!(WeeklySlot::between(vec![DayOfWeek::Sat], t(20), t(8)).is_err());
/// # Ok::<(), mcn_organisations::SlotError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawWeeklySlot", into = "RawWeeklySlot")]
pub struct WeeklySlot {
    days_of_week: Vec<DayOfWeek>,
    hours: Hours,
}

/// One weekly opening slot, as a FHIR `HealthcareService.availableTime` element:
/// the days it applies to (at least one, none repeated), and either
/// `all_day: true` with no times, or `available_start_time` and
/// `available_end_time` with the end after the start (a slot past midnight is two
/// slots).
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawWeeklySlot {
    /// The days the slot applies to (FHIR codes `mon` ... `sun`).
    #[schemars(length(min = 1, max = 7), extend("uniqueItems" = true))]
    days_of_week: Vec<DayOfWeek>,
    /// Open all day (00:00 to 24:00) on those days.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    all_day: bool,
    /// Opening time, `HH:MM:SS`; required unless `all_day`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    available_start_time: Option<NaiveTime>,
    /// Closing time, `HH:MM:SS`, after the opening time; required unless `all_day`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    available_end_time: Option<NaiveTime>,
}

fn check_days(days: &[DayOfWeek]) -> Result<(), SlotError> {
    if days.is_empty() {
        return Err(SlotError::NoDays);
    }
    let mut seen = [false; 7];
    for day in days {
        if let Some(slot) = seen.get_mut(*day as usize) {
            if *slot {
                return Err(SlotError::RepeatedDay(*day));
            }
            *slot = true;
        }
    }
    Ok(())
}

impl WeeklySlot {
    /// Open all day on `days`.
    pub fn all_day(days_of_week: Vec<DayOfWeek>) -> Result<Self, SlotError> {
        check_days(&days_of_week)?;
        Ok(Self {
            days_of_week,
            hours: Hours::AllDay,
        })
    }

    /// Open from `start` to `end` on `days`; `end` must be after `start`.
    pub fn between(
        days_of_week: Vec<DayOfWeek>,
        start: NaiveTime,
        end: NaiveTime,
    ) -> Result<Self, SlotError> {
        check_days(&days_of_week)?;
        if end <= start {
            return Err(SlotError::EndNotAfterStart { start, end });
        }
        Ok(Self {
            days_of_week,
            hours: Hours::Between(start, end),
        })
    }

    /// The days the slot applies to, in the order given.
    #[must_use]
    pub fn days_of_week(&self) -> &[DayOfWeek] {
        &self.days_of_week
    }

    /// Whether the slot is all day.
    #[must_use]
    pub const fn is_all_day(&self) -> bool {
        matches!(self.hours, Hours::AllDay)
    }

    /// The opening time, unless all day.
    #[must_use]
    pub const fn available_start_time(&self) -> Option<NaiveTime> {
        match self.hours {
            Hours::AllDay => None,
            Hours::Between(start, _) => Some(start),
        }
    }

    /// The closing time, unless all day.
    #[must_use]
    pub const fn available_end_time(&self) -> Option<NaiveTime> {
        match self.hours {
            Hours::AllDay => None,
            Hours::Between(_, end) => Some(end),
        }
    }

    /// Whether the slot covers its days whole: all day, or from midnight to 23:59
    /// or later (the way FHIR data often writes "all day").
    #[must_use]
    pub fn covers_whole_day(&self) -> bool {
        match self.hours {
            Hours::AllDay => true,
            Hours::Between(start, end) => {
                start == NaiveTime::MIN
                    && NaiveTime::from_hms_opt(23, 59, 0).is_some_and(|late| end >= late)
            }
        }
    }
}

impl TryFrom<RawWeeklySlot> for WeeklySlot {
    type Error = SlotError;

    fn try_from(raw: RawWeeklySlot) -> Result<Self, Self::Error> {
        match (
            raw.all_day,
            raw.available_start_time,
            raw.available_end_time,
        ) {
            (true, None, None) => Self::all_day(raw.days_of_week),
            (true, _, _) => Err(SlotError::TimesWithAllDay),
            (false, Some(start), Some(end)) => Self::between(raw.days_of_week, start, end),
            (false, _, _) => Err(SlotError::MissingTime),
        }
    }
}

impl From<WeeklySlot> for RawWeeklySlot {
    fn from(slot: WeeklySlot) -> Self {
        Self {
            all_day: slot.is_all_day(),
            available_start_time: slot.available_start_time(),
            available_end_time: slot.available_end_time(),
            days_of_week: slot.days_of_week,
        }
    }
}

impl JsonSchema for WeeklySlot {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("WeeklySlot")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_organisations::service::WeeklySlot")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = RawWeeklySlot::json_schema(generator);
        // All day XOR both times, as `TryFrom<RawWeeklySlot>` checks (end after
        // start is checked on load only).
        let one_of = serde_json::json!([
            {
                "description": "All day: `all_day` is true and no times are given.",
                "properties": {
                    "all_day": { "const": true },
                    "available_start_time": { "type": "null" },
                    "available_end_time": { "type": "null" },
                },
                "required": ["all_day"],
            },
            {
                "description": "Between two times: both are given and `all_day` is absent or false.",
                "properties": {
                    "all_day": { "const": false },
                    "available_start_time": { "type": "string" },
                    "available_end_time": { "type": "string" },
                },
                "required": ["available_start_time", "available_end_time"],
            },
        ]);
        schema.insert("oneOf".to_owned(), one_of);
        schema
    }
}

/// A weekly schedule was given with no slots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a weekly schedule needs at least one slot")]
pub struct EmptySchedule;

/// A non-empty list of weekly slots.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<WeeklySlot>", into = "Vec<WeeklySlot>")]
pub struct WeeklySchedule(Vec<WeeklySlot>);

impl WeeklySchedule {
    /// A schedule of `slots`; there must be at least one.
    pub fn new(slots: Vec<WeeklySlot>) -> Result<Self, EmptySchedule> {
        if slots.is_empty() {
            Err(EmptySchedule)
        } else {
            Ok(Self(slots))
        }
    }

    /// The slots, in the order given.
    #[must_use]
    pub fn slots(&self) -> &[WeeklySlot] {
        &self.0
    }

    /// Whether every day of the week is covered whole by some slot.
    #[must_use]
    pub fn is_24_7(&self) -> bool {
        DayOfWeek::ALL.iter().all(|day| {
            self.0
                .iter()
                .any(|slot| slot.covers_whole_day() && slot.days_of_week.contains(day))
        })
    }
}

impl TryFrom<Vec<WeeklySlot>> for WeeklySchedule {
    type Error = EmptySchedule;

    fn try_from(slots: Vec<WeeklySlot>) -> Result<Self, Self::Error> {
        Self::new(slots)
    }
}

impl From<WeeklySchedule> for Vec<WeeklySlot> {
    fn from(schedule: WeeklySchedule) -> Self {
        schedule.0
    }
}

impl JsonSchema for WeeklySchedule {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("WeeklySchedule")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_organisations::service::WeeklySchedule")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = generator.subschema_for::<Vec<WeeklySlot>>();
        schema.insert("minItems".to_owned(), 1.into());
        schema.insert(
            "description".to_owned(),
            "Weekly opening slots; at least one.".into(),
        );
        schema
    }
}

/// When a service can be reached.
///
/// In JSON one of the strings `"twenty_four_seven"`, `"extended_hours"`,
/// `"office_hours"`, or `{"weekly": [slot, ...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Availability {
    /// Around the clock, every day of the year.
    TwentyFourSeven,
    /// Beyond office hours (evenings, weekends) but not around the clock; the
    /// times are not stated (give a `weekly` schedule where they are known).
    ExtendedHours,
    /// Office hours: Monday to Friday, 09:00 to 17:00.
    OfficeHours,
    /// A weekly schedule of opening slots.
    Weekly(WeeklySchedule),
}

impl Availability {
    /// Whether the service is available around the clock: `twenty_four_seven`, or a
    /// weekly schedule covering every day whole.
    #[must_use]
    pub fn is_24_7(&self) -> bool {
        match self {
            Self::TwentyFourSeven => true,
            Self::ExtendedHours | Self::OfficeHours => false,
            Self::Weekly(schedule) => schedule.is_24_7(),
        }
    }

    /// The availability as weekly slots, one per FHIR `availableTime` element:
    /// 24/7 is one all-day slot on every day; office hours Monday to Friday 09:00
    /// to 17:00; extended hours has no stated times (empty: a FHIR export says
    /// "extended hours" in `availabilityExceptions`); a weekly schedule is its slots.
    #[must_use]
    pub fn available_times(&self) -> Vec<WeeklySlot> {
        match self {
            Self::TwentyFourSeven => vec![WeeklySlot {
                days_of_week: DayOfWeek::ALL.to_vec(),
                hours: Hours::AllDay,
            }],
            Self::OfficeHours => match (
                NaiveTime::from_hms_opt(9, 0, 0),
                NaiveTime::from_hms_opt(17, 0, 0),
            ) {
                (Some(start), Some(end)) => vec![WeeklySlot {
                    days_of_week: DayOfWeek::WEEKDAYS.to_vec(),
                    hours: Hours::Between(start, end),
                }],
                _ => Vec::new(),
            },
            Self::ExtendedHours => Vec::new(),
            Self::Weekly(schedule) => schedule.0.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn days_convert_to_chrono_and_back() {
        for day in DayOfWeek::ALL {
            assert_eq!(DayOfWeek::from(Weekday::from(day)), day);
        }
    }

    #[test]
    fn slot_constructors_accept_and_reject() {
        use DayOfWeek::{Mon, Sat};
        assert!(WeeklySlot::all_day(vec![Mon]).unwrap().is_all_day());
        assert_eq!(WeeklySlot::all_day(vec![]), Err(SlotError::NoDays));
        assert_eq!(
            WeeklySlot::all_day(vec![Mon, Sat, Mon]),
            Err(SlotError::RepeatedDay(Mon))
        );
        assert!(WeeklySlot::between(vec![Mon], t(9, 0), t(9, 1)).is_ok());
        assert_eq!(
            WeeklySlot::between(vec![Mon], t(9, 0), t(9, 0)),
            Err(SlotError::EndNotAfterStart {
                start: t(9, 0),
                end: t(9, 0)
            })
        );
        assert!(WeeklySlot::between(DayOfWeek::ALL.to_vec(), t(0, 0), t(23, 59)).is_ok());
    }

    #[test]
    fn slot_serde_is_fhir_shaped_and_checked() {
        let slot: WeeklySlot = serde_json::from_str(
            r#"{"days_of_week":["mon","tue"],"available_start_time":"09:00:00","available_end_time":"17:30:00"}"#,
        )
        .unwrap();
        assert_eq!(slot.available_end_time(), Some(t(17, 30)));
        assert_eq!(
            serde_json::to_string(&slot).unwrap(),
            r#"{"days_of_week":["mon","tue"],"available_start_time":"09:00:00","available_end_time":"17:30:00"}"#
        );
        let all_day: WeeklySlot =
            serde_json::from_str(r#"{"days_of_week":["sat"],"all_day":true}"#).unwrap();
        assert_eq!(
            serde_json::to_string(&all_day).unwrap(),
            r#"{"days_of_week":["sat"],"all_day":true}"#
        );
        for (bad, why) in [
            (r#"{"days_of_week":[],"all_day":true}"#, "at least one day"),
            (
                r#"{"days_of_week":["sun"],"all_day":true,"available_start_time":"09:00:00"}"#,
                "takes no available_start_time",
            ),
            (
                r#"{"days_of_week":["sun"],"available_start_time":"09:00:00"}"#,
                "needs both",
            ),
            (r#"{"days_of_week":["sun"]}"#, "needs both"),
            (
                r#"{"days_of_week":["sun"],"available_start_time":"18:00:00","available_end_time":"08:00:00"}"#,
                "split a slot past midnight",
            ),
            (
                r#"{"days_of_week":["sun","sun"],"all_day":true}"#,
                "given twice",
            ),
        ] {
            let err = serde_json::from_str::<WeeklySlot>(bad).unwrap_err();
            assert!(err.to_string().contains(why), "{bad}: {err}");
        }
        assert!(
            serde_json::from_str::<WeeklySlot>(r#"{"days_of_week":["mon"],"all_day":true,"x":1}"#)
                .is_err()
        );
    }

    #[test]
    fn availability_serde_and_24_7() {
        let a: Availability = serde_json::from_str(r#""twenty_four_seven""#).unwrap();
        assert!(a.is_24_7());
        assert!(!Availability::OfficeHours.is_24_7());
        assert!(!Availability::ExtendedHours.is_24_7());
        let weekly: Availability = serde_json::from_str(
            r#"{"weekly":[{"days_of_week":["mon","tue","wed","thu","fri"],"all_day":true},{"days_of_week":["sat","sun"],"available_start_time":"00:00:00","available_end_time":"23:59:59"}]}"#,
        )
        .unwrap();
        assert!(weekly.is_24_7());
        let not_sunday: Availability = serde_json::from_str(
            r#"{"weekly":[{"days_of_week":["mon","tue","wed","thu","fri","sat"],"all_day":true},{"days_of_week":["sun"],"available_start_time":"08:00:00","available_end_time":"23:59:59"}]}"#,
        )
        .unwrap();
        assert!(!not_sunday.is_24_7());
        let err = serde_json::from_str::<Availability>(r#"{"weekly":[]}"#).unwrap_err();
        assert!(err.to_string().contains("at least one slot"), "{err}");
        assert!(serde_json::from_str::<Availability>(r#""always""#).is_err());
    }

    #[test]
    fn available_times_map_to_fhir() {
        let all = Availability::TwentyFourSeven.available_times();
        assert_eq!(all.len(), 1);
        assert!(all[0].is_all_day() && all[0].days_of_week().len() == 7);
        let office = Availability::OfficeHours.available_times();
        assert_eq!(office[0].days_of_week(), DayOfWeek::WEEKDAYS);
        assert_eq!(office[0].available_start_time(), Some(t(9, 0)));
        assert_eq!(office[0].available_end_time(), Some(t(17, 0)));
        assert!(Availability::ExtendedHours.available_times().is_empty());
        let slot = WeeklySlot::all_day(vec![DayOfWeek::Wed]).unwrap();
        let weekly = Availability::Weekly(WeeklySchedule::new(vec![slot.clone()]).unwrap());
        assert_eq!(weekly.available_times(), vec![slot]);
    }
}
