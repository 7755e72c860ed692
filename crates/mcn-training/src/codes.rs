//! Every finding code this crate's rules emit (mirrored in `docs/findings.md`).

use mcn_core::{FindingCode, Severity};

/// An e-learning event gives a venue.
pub const EVENT_ELEARNING_WITH_VENUE: FindingCode = FindingCode::new(
    "training.event.elearning_with_venue",
    Severity::Warning,
    "an e-learning event names a venue, which e-learning does not have",
);

/// An in-person or blended event gives no locality, so reach by place cannot count it.
pub const EVENT_LOCALITY_MISSING: FindingCode = FindingCode::new(
    "training.event.locality_missing",
    Severity::Warning,
    "an in-person or blended event has no locality",
);

/// An event's own education level differs from its course's level.
pub const EVENT_LEVEL_DIFFERS_FROM_COURSE: FindingCode = FindingCode::new(
    "training.event.level_differs_from_course",
    Severity::Warning,
    "an event states an education level different from its course's level",
);

/// An event is marked held although its date is after the as-of date.
pub const EVENT_HELD_IN_FUTURE: FindingCode = FindingCode::new(
    "training.event.held_in_future",
    Severity::Error,
    "an event is marked held but its date is after the as-of date",
);

/// An event dated before the as-of date is still marked planned.
pub const EVENT_PAST_STILL_PLANNED: FindingCode = FindingCode::new(
    "training.event.past_still_planned",
    Severity::Info,
    "an event dated before the as-of date is still marked planned (held or cancelled not recorded)",
);

/// The same person holds two live (not cancelled) registrations for one event.
pub const REGISTRATION_DUPLICATE: FindingCode = FindingCode::new(
    "training.registration.duplicate",
    Severity::Error,
    "the same person is registered twice for one event (cancelled registrations aside)",
);

/// More registrations are marked attended than the event has places.
pub const REGISTRATION_ATTENDED_OVER_CAPACITY: FindingCode = FindingCode::new(
    "training.registration.attended_over_capacity",
    Severity::Warning,
    "a registration is marked attended beyond the event's capacity",
);

/// Attendance is recorded for a cancelled event.
pub const REGISTRATION_ATTENDANCE_FOR_CANCELLED_EVENT: FindingCode = FindingCode::new(
    "training.registration.attendance_for_cancelled_event",
    Severity::Error,
    "a registration is marked attended for an event that was cancelled",
);

/// Attendance is recorded for an event dated after the as-of date.
pub const REGISTRATION_ATTENDANCE_FOR_FUTURE_EVENT: FindingCode = FindingCode::new(
    "training.registration.attendance_for_future_event",
    Severity::Error,
    "a registration is marked attended for an event dated after the as-of date",
);

/// An attended registration gives an access barrier.
pub const REGISTRATION_BARRIER_ON_ATTENDED: FindingCode = FindingCode::new(
    "training.registration.barrier_on_attended",
    Severity::Warning,
    "an attended registration records an access barrier (ignored in barrier figures)",
);

/// The barrier is `other` but no `barrier_detail` says what it was.
pub const REGISTRATION_BARRIER_DETAIL_MISSING: FindingCode = FindingCode::new(
    "training.registration.barrier_detail_missing",
    Severity::Warning,
    "a registration's access barrier is `other` but no barrier_detail says what it was",
);

/// Feedback is recorded on a registration that is not marked attended.
pub const REGISTRATION_FEEDBACK_WITHOUT_ATTENDANCE: FindingCode = FindingCode::new(
    "training.registration.feedback_without_attendance",
    Severity::Warning,
    "a registration not marked attended carries feedback (ignored in feedback figures)",
);

/// A registration is still `booked` after its (not cancelled) event's date.
pub const REGISTRATION_UNRESOLVED_AFTER_EVENT: FindingCode = FindingCode::new(
    "training.registration.unresolved_after_event",
    Severity::Warning,
    "a registration is still booked after the event date: attendance was not recorded",
);

/// Two training requirements say the same thing.
pub const REQUIREMENT_DUPLICATE: FindingCode = FindingCode::new(
    "training.requirement.duplicate",
    Severity::Warning,
    "two training requirements apply to the same role or profession with the same level and outcome areas",
);

/// Every code above: events, then registrations, then requirements.
pub const ALL: &[FindingCode] = &[
    EVENT_ELEARNING_WITH_VENUE,
    EVENT_LOCALITY_MISSING,
    EVENT_LEVEL_DIFFERS_FROM_COURSE,
    EVENT_HELD_IN_FUTURE,
    EVENT_PAST_STILL_PLANNED,
    REGISTRATION_DUPLICATE,
    REGISTRATION_ATTENDED_OVER_CAPACITY,
    REGISTRATION_ATTENDANCE_FOR_CANCELLED_EVENT,
    REGISTRATION_ATTENDANCE_FOR_FUTURE_EVENT,
    REGISTRATION_BARRIER_ON_ATTENDED,
    REGISTRATION_BARRIER_DETAIL_MISSING,
    REGISTRATION_FEEDBACK_WITHOUT_ATTENDANCE,
    REGISTRATION_UNRESOLVED_AFTER_EVENT,
    REQUIREMENT_DUPLICATE,
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn codes_are_unique_and_in_this_crate() {
        let mut seen = HashSet::new();
        for code in ALL {
            assert!(seen.insert(code.code), "duplicate {}", code.code);
            assert!(code.code.starts_with("training."), "{}", code.code);
            assert_eq!(code.code.split('.').count(), 3, "{}", code.code);
        }
    }
}
