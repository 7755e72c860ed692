//! Value constructors for the hand-written minimal example.
//!
//! The example is constant data written in Rust, so a value that fails its
//! own check is a typo in this crate, not bad input: these helpers panic with
//! the value and the reason, and the crate's tests build every example.
#![expect(
    clippy::expect_used,
    reason = "fixture data only tests use: a typo in it should fail the test loudly"
)]

use std::num::NonZeroU32;

use mcn_core::{
    History, Identifier, IdentifierSystem, Lifecycle, NaiveDate, Note, Period, PostRole,
    StatusChange, Text, Wte, WteTotal,
};
use mcn_governance::{QuorumThreshold, RequiredRoles, TorVersion};
use mcn_standards::StandardCode;

/// A date from `YYYY-MM-DD`.
pub(crate) fn date(iso: &str) -> NaiveDate {
    iso.parse().expect("an example date is YYYY-MM-DD")
}

/// A period from `start` to `end` (both `YYYY-MM-DD`, inclusive).
pub(crate) fn period(start: &str, end: &str) -> Period {
    Period::new(date(start), Some(date(end))).expect("an example period ends after it starts")
}

/// An open-ended period from `start`.
pub(crate) fn since(start: &str) -> Period {
    Period::starting(date(start))
}

/// A short text.
pub(crate) fn text(text: &str) -> Text {
    Text::new(text).expect("an example text is a valid Text")
}

/// A longer text.
pub(crate) fn note(text: &str) -> Note {
    Note::new(text).expect("an example note is a valid Note")
}

/// An ODS code, as a one-element identifier list.
pub(crate) fn ods(code: &str) -> Vec<Identifier> {
    vec![Identifier::new(IdentifierSystem::Ods, code).expect("an example ODS code is valid")]
}

/// A WTE of one appointment, in hundredths (`40` is 0.40).
pub(crate) fn wte(hundredths: u16) -> Wte {
    Wte::from_hundredths(hundredths).expect("an example WTE is at most 1.00")
}

/// A WTE total, in hundredths (`1250` is 12.50).
pub(crate) fn wte_total(hundredths: u32) -> WteTotal {
    WteTotal::from_hundredths(hundredths).expect("an example WTE total is in range")
}

/// A standard's code.
pub(crate) fn standard_code(code: &str) -> StandardCode {
    StandardCode::new(code).expect("an example standard code is valid")
}

/// A quorum of a number of voting members.
pub(crate) fn count(members: u32) -> QuorumThreshold {
    QuorumThreshold::Count(NonZeroU32::new(members).expect("an example quorum is at least 1"))
}

/// The chair or the vice-chair must be present.
pub(crate) fn chair_or_vice() -> RequiredRoles {
    RequiredRoles::any_of(vec![PostRole::Chair, PostRole::ViceChair])
        .expect("chair or vice-chair is a valid set of required roles")
}

/// A terms-of-reference version.
pub(crate) const fn version(major: u16, minor: u16) -> TorVersion {
    TorVersion::new(major, minor)
}

/// A status history from `(status, YYYY-MM-DD)` changes, oldest first.
pub(crate) fn history<S: Lifecycle + Copy>(first: (S, &str), rest: &[(S, &str)]) -> History<S> {
    let mut history = History::starting(first.0, date(first.1));
    for &(status, on) in rest {
        history.push(StatusChange::new(status, date(on)));
    }
    history
}
