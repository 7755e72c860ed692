//! Every finding code the roles rules emit (mirrored in `docs/findings.md`).

use mcn_core::{FindingCode, Severity};

/// More appointments to a post overlap in time than the post may have holders
/// (one, unless the post's `max_holders` says more).
pub const APPOINTMENT_OVERLAP: FindingCode = FindingCode::new(
    "roles.appointment.overlap",
    Severity::Error,
    "more appointments to a post overlap in time than the post may have holders at once",
);

/// An appointment starts before its post exists or runs past the post's end.
pub const APPOINTMENT_OUTSIDE_POST_PERIOD: FindingCode = FindingCode::new(
    "roles.appointment.outside_post_period",
    Severity::Error,
    "an appointment runs outside the period its post exists",
);

/// While a post is funded, the WTE of its concurrent appointments exceeds the funded WTE.
pub const APPOINTMENT_WTE_ABOVE_FUNDED: FindingCode = FindingCode::new(
    "roles.appointment.wte_above_funded",
    Severity::Warning,
    "appointments to a post add up to more WTE than the post is funded for",
);

/// A person's registration is on a register that does not fit their profession.
pub const PERSON_REGISTRATION_MISMATCH: FindingCode = FindingCode::new(
    "roles.person.registration_mismatch",
    Severity::Error,
    "a person's professional registration is on a register that does not fit their profession",
);

/// A person's appointments current on the date add up to more than 1.0 WTE.
pub const PERSON_OVER_ALLOCATED: FindingCode = FindingCode::new(
    "roles.person.over_allocated",
    Severity::Warning,
    "a person's current appointments add up to more than 1.0 WTE",
);

/// A post that exists and is funded on the date has no current appointment.
pub const POST_VACANT_FUNDED: FindingCode = FindingCode::new(
    "roles.post.vacant_funded",
    Severity::Warning,
    "a post funded on the date has nobody appointed to it",
);

/// A staffing record shows more WTE in post than funded.
pub const STAFFING_IN_POST_ABOVE_FUNDED: FindingCode = FindingCode::new(
    "roles.staffing.in_post_above_funded",
    Severity::Info,
    "a staffing record shows more WTE in post than funded",
);

/// Every code above.
pub const ALL: &[FindingCode] = &[
    APPOINTMENT_OVERLAP,
    APPOINTMENT_OUTSIDE_POST_PERIOD,
    APPOINTMENT_WTE_ABOVE_FUNDED,
    PERSON_REGISTRATION_MISMATCH,
    PERSON_OVER_ALLOCATED,
    POST_VACANT_FUNDED,
    STAFFING_IN_POST_ABOVE_FUNDED,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_in_this_crate() {
        let mut seen = std::collections::HashSet::new();
        for code in ALL {
            assert!(code.code.starts_with("roles."), "{}", code.code);
            assert_eq!(code.code.split('.').count(), 3, "{}", code.code);
            assert!(seen.insert(code.code), "duplicate {}", code.code);
        }
    }
}
