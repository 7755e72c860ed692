//! Value constructors for hand-written example data.
//!
//! The examples are constant data written in Rust, so a value that fails its
//! check is a typo in this crate, not bad input. Rather than panic, [`Ctx`]
//! records every such problem and returns a stand-in value; the builders'
//! tests (and `write-examples`) refuse a build with any problem recorded.

use std::{cell::RefCell, num::NonZeroU32};

use mcn_core::{
    Email, History, Identifier, IdentifierSystem, Lifecycle, NaiveDate, Note, Period, PostRole,
    Proportion, StatusChange, Text, Wte, WteTotal,
};
use mcn_governance::{
    Impact, Likelihood, QuorumThreshold, RequiredRoles, TorVersion, quorum::Fraction,
};
use mcn_organisations::AgeRange;
use mcn_standards::StandardCode;
use mcn_training::{Capacity, CpdHours, Minutes, Rating, RenewalMonths};

/// Builds checked values, recording (instead of panicking on) any that fail.
pub(crate) struct Ctx {
    problems: RefCell<Vec<String>>,
    fallback_note: Note,
    fallback_code: StandardCode,
    fallback_minutes: Minutes,
    fallback_rating: Rating,
    fallback_rating_scale: (Likelihood, Impact),
}

impl Ctx {
    /// A context with no problems recorded; `None` only if the stand-in values
    /// themselves cannot be built (which the unit tests rule out).
    pub(crate) fn new() -> Option<Self> {
        Some(Self {
            problems: RefCell::new(Vec::new()),
            fallback_note: Note::new(mcn_core::text::REDACTED).ok()?,
            fallback_code: StandardCode::new("INVALID").ok()?,
            fallback_minutes: Minutes::new(1).ok()?,
            fallback_rating: Rating::new(1).ok()?,
            fallback_rating_scale: (Likelihood::new(1).ok()?, Impact::new(1).ok()?),
        })
    }

    /// The problems recorded so far.
    pub(crate) fn into_problems(self) -> Vec<String> {
        self.problems.into_inner()
    }

    /// Records a problem found while building.
    pub(crate) fn problem(&self, what: String) {
        self.problems.borrow_mut().push(what);
    }

    /// A date from `YYYY-MM-DD`.
    pub(crate) fn date(&self, iso: &str) -> NaiveDate {
        iso.parse().unwrap_or_else(|error| {
            self.problem(format!("date {iso:?}: {error}"));
            NaiveDate::MIN
        })
    }

    /// A period from `start` to `end` (both `YYYY-MM-DD`, inclusive).
    pub(crate) fn period(&self, start: &str, end: &str) -> Period {
        let (start, end) = (self.date(start), self.date(end));
        Period::new(start, Some(end)).unwrap_or_else(|error| {
            self.problem(format!("period: {error}"));
            Period::day(start)
        })
    }

    /// An open-ended period from `start`.
    pub(crate) fn since(&self, start: &str) -> Period {
        Period::starting(self.date(start))
    }

    /// A short text.
    pub(crate) fn text(&self, text: &str) -> Text {
        Text::new(text).unwrap_or_else(|error| {
            self.problem(format!("text {text:?}: {error}"));
            Text::redacted()
        })
    }

    /// A longer text.
    pub(crate) fn note(&self, text: &str) -> Note {
        Note::new(text).unwrap_or_else(|error| {
            self.problem(format!("note {text:?}: {error}"));
            self.fallback_note.clone()
        })
    }

    /// An e-mail address.
    pub(crate) fn email(&self, address: &str) -> Option<Email> {
        Email::new(address)
            .map_err(|error| self.problem(format!("email {address:?}: {error}")))
            .ok()
    }

    /// An ODS code, as a one-element identifier list.
    pub(crate) fn ods(&self, code: &str) -> Vec<Identifier> {
        Identifier::new(IdentifierSystem::Ods, code)
            .map_err(|error| self.problem(format!("ods code {code:?}: {error}")))
            .into_iter()
            .collect()
    }

    /// A WTE of one appointment, in hundredths (`40` is 0.40).
    pub(crate) fn wte(&self, hundredths: u16) -> Wte {
        Wte::from_hundredths(hundredths).unwrap_or_else(|| {
            self.problem(format!("wte {hundredths} hundredths"));
            Wte::default()
        })
    }

    /// A WTE total, in hundredths (`1250` is 12.50).
    pub(crate) fn wte_total(&self, hundredths: u32) -> WteTotal {
        WteTotal::from_hundredths(hundredths).unwrap_or_else(|| {
            self.problem(format!("wte total {hundredths} hundredths"));
            WteTotal::default()
        })
    }

    /// A proportion from 0 to 1.
    pub(crate) fn proportion(&self, value: f64) -> Option<Proportion> {
        Proportion::try_from(value)
            .map_err(|error| self.problem(format!("proportion {value}: {error}")))
            .ok()
    }

    /// An age range in completed years.
    pub(crate) fn ages(&self, min: u8, max: u8) -> Option<AgeRange> {
        AgeRange::new(min, max)
            .map_err(|error| self.problem(format!("age range: {error}")))
            .ok()
    }

    /// A standard's code.
    pub(crate) fn standard_code(&self, code: &str) -> StandardCode {
        StandardCode::new(code).unwrap_or_else(|error| {
            self.problem(format!("standard code {code:?}: {error}"));
            self.fallback_code.clone()
        })
    }

    /// A duration in minutes.
    pub(crate) fn minutes(&self, minutes: u64) -> Minutes {
        Minutes::new(minutes).unwrap_or_else(|error| {
            self.problem(format!("minutes: {error}"));
            self.fallback_minutes
        })
    }

    /// An event's number of places.
    pub(crate) fn capacity(&self, places: u64) -> Option<Capacity> {
        Capacity::new(places)
            .map_err(|error| self.problem(format!("capacity: {error}")))
            .ok()
    }

    /// A feedback rating, 1 to 5.
    pub(crate) fn rating(&self, rating: u8) -> Rating {
        Rating::new(u64::from(rating)).unwrap_or_else(|error| {
            self.problem(format!("rating: {error}"));
            self.fallback_rating
        })
    }

    /// CPD hours, in hundredths (`650` is 6.5 hours).
    pub(crate) fn cpd(&self, hundredths: u32) -> Option<CpdHours> {
        let hours = CpdHours::from_hundredths(hundredths);
        if hours.is_none() {
            self.problem(format!("cpd {hundredths} hundredths"));
        }
        hours
    }

    /// A renewal period in months.
    pub(crate) fn renewal(&self, months: u64) -> Option<RenewalMonths> {
        RenewalMonths::new(months)
            .map_err(|error| self.problem(format!("renewal: {error}")))
            .ok()
    }

    /// A risk's likelihood and impact, 1 to 5 each.
    pub(crate) fn risk_rating(&self, likelihood: u8, impact: u8) -> (Likelihood, Impact) {
        if let (Ok(likelihood), Ok(impact)) = (
            Likelihood::new(likelihood.into()),
            Impact::new(impact.into()),
        ) {
            (likelihood, impact)
        } else {
            self.problem(format!("risk rating {likelihood} x {impact}"));
            self.fallback_rating_scale
        }
    }

    /// A quorum of a fraction of the voting seats.
    pub(crate) fn fraction(&self, numerator: u32, denominator: u32) -> QuorumThreshold {
        Fraction::new(numerator, denominator).map_or_else(
            |error| {
                self.problem(format!("quorum fraction: {error}"));
                QuorumThreshold::Count(NonZeroU32::MIN)
            },
            QuorumThreshold::Fraction,
        )
    }

    /// A quorum of a number of voting members.
    pub(crate) fn count(&self, members: u32) -> QuorumThreshold {
        NonZeroU32::new(members).map_or_else(
            || {
                self.problem("quorum count 0".to_owned());
                QuorumThreshold::Count(NonZeroU32::MIN)
            },
            QuorumThreshold::Count,
        )
    }

    /// The chair or the vice-chair must be present.
    pub(crate) fn chair_or_vice(&self) -> RequiredRoles {
        RequiredRoles::any_of(vec![PostRole::Chair, PostRole::ViceChair]).unwrap_or_else(|error| {
            self.problem(format!("required roles: {error}"));
            RequiredRoles::role(PostRole::Chair)
        })
    }

    /// A terms-of-reference version.
    pub(crate) fn version(major: u32, minor: u32) -> TorVersion {
        format!("{major}.{minor}")
            .parse()
            .unwrap_or(TorVersion::new(1, 0))
    }

    /// A status history from `(status, YYYY-MM-DD)` changes, oldest first.
    pub(crate) fn history<S: Lifecycle + Copy>(
        &self,
        first: (S, &str),
        rest: &[(S, &str)],
    ) -> History<S> {
        let mut history = History::starting(first.0, self.date(first.1));
        for &(status, on) in rest {
            history.push(StatusChange::new(status, self.date(on)));
        }
        history
    }
}

/// Deterministic ids: `PPPPPPPP-KKKK-8000-8000-NNNNNNNNNNNN`, where `P` names
/// the example, `K` the entity kind and `N` the entity's number. Version and
/// variant nibbles make them valid RFC 9562 version-8 (custom) UUIDs; distinct
/// kinds never share an id, so a reference of the wrong kind is always
/// recognisable.
macro_rules! example_ids {
    ($( $function:ident => $ty:ident, $kind:literal; )+) => {
        /// Id makers for one example network (one prefix each).
        #[derive(Debug, Clone, Copy)]
        pub(crate) struct Ids(pub(crate) u32);

        #[allow(dead_code)] // not every example uses every kind
        impl Ids {
            const fn raw(self, kind: u16, number: u64) -> u128 {
                ((self.0 as u128) << 96)
                    | ((kind as u128) << 80)
                    | (0x8000_u128 << 64)
                    | (0x8000_u128 << 48)
                    | (number as u128 & 0xffff_ffff_ffff)
            }

            $(
                #[doc = concat!("The `", stringify!($ty), "` numbered `number`.")]
                pub(crate) const fn $function(self, number: u64) -> mcn_core::id::$ty {
                    mcn_core::id::$ty::from_u128(self.raw($kind, number))
                }
            )+
        }
    };
}

example_ids! {
    network => NetworkId, 0x00;
    locality => LocalityId, 0x01;
    organisation => OrganisationId, 0x02;
    membership => MembershipId, 0x03;
    service => ServiceId, 0x04;
    system => SystemUseId, 0x05;
    person => PersonId, 0x06;
    post => PostId, 0x07;
    appointment => AppointmentId, 0x08;
    staffing => StaffingRecordId, 0x09;
    body => BodyId, 0x0a;
    seat => SeatId, 0x0b;
    meeting => MeetingId, 0x0c;
    decision => DecisionId, 0x0d;
    action => ActionId, 0x0e;
    objective => ObjectiveId, 0x0f;
    risk => RiskId, 0x10;
    funding_stream => FundingStreamId, 0x11;
    communication => CommunicationId, 0x12;
    course => CourseId, 0x13;
    event => EventId, 0x14;
    registration => RegistrationId, 0x15;
    requirement => TrainingRequirementId, 0x16;
    standard => StandardId, 0x17;
    measure => MeasureId, 0x18;
    adoption => AdoptionId, 0x19;
    audit_result => AuditResultId, 0x1a;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_8_and_kinds_differ() {
        let ids = Ids(0x4e56_4e56);
        let organisation = ids.organisation(3).to_string();
        assert_eq!(organisation, "4e564e56-0002-8000-8000-000000000003");
        assert_eq!(ids.organisation(3).as_uuid().get_version_num(), 8);
        assert_ne!(ids.person(3).as_uuid(), ids.organisation(3).as_uuid());
    }

    #[test]
    fn problems_are_recorded_not_panicked() {
        let c = Ctx::new().unwrap();
        assert_eq!(c.text("  ok ").as_str(), "ok");
        let _ = c.date("2025-02-30");
        let _ = c.text(" ");
        let _ = c.period("2025-01-02", "2025-01-01");
        let _ = c.wte(101);
        assert!(c.ods("not an ods code").is_empty());
        assert_eq!(c.into_problems().len(), 5);
    }
}
