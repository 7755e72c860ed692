//! proptest strategies for every document type of this crate (feature
//! `proptest`), for this and other crates' property tests.
//!
//! Every strategy yields values that parse. Beyond that they are valid *on their
//! own*: an organisation's sector agrees with its kind and its identifiers are one
//! per organisation register; a membership history follows the lifecycle in date
//! order; a service covers at least one locality; a locality's estimate does not
//! exceed its population. Ids are random, so references do not resolve and rules
//! relating several entities (duplicates, cycles) rarely fire.

use chrono::{Days, NaiveDate, NaiveTime};
use mcn_core::{
    History, IdentifierSystem, Lifecycle, StatusChange,
    id::{LocalityId, MembershipId, OrganisationId, PersonId, ServiceId, SystemUseId},
    strategy::{self as core, id},
};
use proptest::prelude::*;

use crate::{
    AgeRange, Availability, CanShare, DayOfWeek, Locality, LocalityKind, Membership,
    MembershipStatus, MembershipTier, Organisation, OrganisationKind, Sector, Service, ServiceKind,
    Succession, SystemCategory, SystemUse, WeeklySchedule, WeeklySlot,
};

/// A succession to a random organisation on a random date.
pub fn succession() -> impl Strategy<Value = Succession> {
    (id::<OrganisationId>(), core::date())
        .prop_map(|(organisation, on)| Succession { organisation, on })
}

fn organisation_systems() -> Vec<IdentifierSystem> {
    let mut systems = vec![
        IdentifierSystem::Ods,
        IdentifierSystem::CharityEnglandWales,
        IdentifierSystem::CharityScotland,
        IdentifierSystem::CharityNorthernIreland,
        IdentifierSystem::CompaniesHouse,
    ];
    systems.extend(IdentifierSystem::other("https://example.org/ids").ok());
    systems
}

/// An organisation: sector absent or agreeing with the kind where the kind settles
/// it, given otherwise; up to three identifiers, each from a different
/// organisation register.
pub fn organisation() -> impl Strategy<Value = Organisation> {
    let sector_and_kind = (
        core::vocabulary::<OrganisationKind>(),
        core::vocabulary::<Sector>(),
        any::<bool>(),
    )
        .prop_map(|(kind, any_sector, state_it)| {
            let sector = match kind.sector() {
                Some(implied) => state_it.then_some(implied),
                None => Some(any_sector),
            };
            (kind, sector)
        });
    let identifiers =
        prop::sample::subsequence(organisation_systems(), 0..=3).prop_flat_map(|systems| {
            systems
                .into_iter()
                .map(core::identifier_in)
                .collect::<Vec<_>>()
        });
    (
        id::<OrganisationId>(),
        core::text(),
        sector_and_kind,
        prop::option::of(core::text()),
        identifiers,
        prop::option::of(id::<OrganisationId>()),
        prop::option::of(succession()),
        prop::collection::vec(id::<LocalityId>(), 0..3),
        any::<bool>(),
    )
        .prop_map(
            |(
                id,
                name,
                (kind, sector),
                kind_detail,
                identifiers,
                part_of,
                successor,
                localities,
                active,
            )| Organisation {
                id,
                name,
                kind,
                kind_detail,
                sector,
                identifiers,
                part_of,
                successor,
                localities,
                active,
            },
        )
}

/// A locality; its estimate never exceeds its population when both are given.
pub fn locality() -> impl Strategy<Value = Locality> {
    let figures = prop::option::of(0_u64..5_000_000).prop_flat_map(|population| {
        let estimate = match population {
            Some(p) => prop::option::of(0..=p).boxed(),
            None => prop::option::of(0_u64..50_000).boxed(),
        };
        (Just(population), estimate)
    });
    (
        id::<LocalityId>(),
        core::text(),
        core::vocabulary::<LocalityKind>(),
        prop::option::of(id::<LocalityId>()),
        figures,
    )
        .prop_map(
            |(id, name, kind, parent, (population_0_19, children_with_llc_estimate))| Locality {
                id,
                name,
                kind,
                parent,
                population_0_19,
                children_with_llc_estimate,
            },
        )
}

fn time_of_day(seconds: u32) -> NaiveTime {
    NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap_or(NaiveTime::MIN)
}

/// A weekly slot: one to seven distinct days, all day or between two times.
pub fn weekly_slot() -> impl Strategy<Value = WeeklySlot> {
    let days = prop::sample::subsequence(DayOfWeek::ALL.to_vec(), 1..=7).prop_shuffle();
    let hours =
        prop::option::of((0_u32..86_399).prop_flat_map(|start| (Just(start), start + 1..86_400)));
    (days, hours).prop_filter_map("valid slot", |(days, hours)| match hours {
        None => WeeklySlot::all_day(days).ok(),
        Some((start, end)) => WeeklySlot::between(days, time_of_day(start), time_of_day(end)).ok(),
    })
}

/// A weekly schedule of one to four slots.
pub fn weekly_schedule() -> impl Strategy<Value = WeeklySchedule> {
    prop::collection::vec(weekly_slot(), 1..=4)
        .prop_filter_map("non-empty", |slots| WeeklySchedule::new(slots).ok())
}

/// Any availability.
pub fn availability() -> impl Strategy<Value = Availability> {
    prop_oneof![
        Just(Availability::TwentyFourSeven),
        Just(Availability::ExtendedHours),
        Just(Availability::OfficeHours),
        weekly_schedule().prop_map(Availability::Weekly),
    ]
}

/// An age range within 0–120 years.
pub fn age_range() -> impl Strategy<Value = AgeRange> {
    (0_u8..=AgeRange::MAX_YEARS, 0_u8..=AgeRange::MAX_YEARS)
        .prop_filter_map("valid range", |(a, b)| {
            AgeRange::new(a.min(b), a.max(b)).ok()
        })
}

/// A service covering one to three (random) localities.
pub fn service() -> impl Strategy<Value = Service> {
    (
        id::<ServiceId>(),
        id::<OrganisationId>(),
        core::vocabulary::<ServiceKind>(),
        prop::option::of(core::text()),
        prop::option::of(core::text()),
        availability(),
        prop::collection::vec(id::<LocalityId>(), 1..=3),
        prop::option::of(age_range()),
        prop::option::of(core::period()),
    )
        .prop_map(
            |(
                id,
                provider,
                kind,
                kind_detail,
                name,
                availability,
                localities,
                age_range,
                period,
            )| {
                Service {
                    id,
                    provider,
                    kind,
                    kind_detail,
                    name,
                    availability,
                    localities,
                    age_range,
                    period,
                }
            },
        )
}

/// A legal membership history: invited first, then up to `max_steps` changes
/// each allowed by the lifecycle, dated in order (same-day changes included).
pub fn membership_history(max_steps: usize) -> impl Strategy<Value = History<MembershipStatus>> {
    (
        core::date(),
        prop::collection::vec((any::<prop::sample::Index>(), 0_u64..400), 0..=max_steps),
    )
        .prop_map(|(invited_on, steps)| {
            let mut history = History::starting(MembershipStatus::Invited, invited_on);
            let mut status = MembershipStatus::Invited;
            let mut on = invited_on;
            for (choice, gap) in steps {
                let next: Vec<MembershipStatus> = MembershipStatus::ALL
                    .iter()
                    .copied()
                    .filter(|candidate| candidate.can_follow(&status))
                    .collect();
                if next.is_empty() {
                    break;
                }
                let Some(&chosen) = next.get(choice.index(next.len())) else {
                    break;
                };
                on = on.checked_add_days(Days::new(gap)).unwrap_or(on);
                history.push(StatusChange::new(chosen, on));
                status = chosen;
            }
            history
        })
}

/// Any history of up to `max` membership statuses, in any order and not
/// necessarily legal: for stressing queries and rules.
pub fn any_membership_history(max: usize) -> impl Strategy<Value = History<MembershipStatus>> {
    core::history(core::vocabulary::<MembershipStatus>(), max)
}

fn membership_with(
    status: impl Strategy<Value = History<MembershipStatus>>,
) -> impl Strategy<Value = Membership> {
    (
        id::<MembershipId>(),
        id::<OrganisationId>(),
        core::vocabulary::<MembershipTier>(),
        status,
        prop::option::of(core::date()),
        prop::option::of(id::<PersonId>()),
    )
        .prop_map(
            |(id, organisation, tier, status, agreement_signed_on, representative)| Membership {
                id,
                organisation,
                tier,
                status,
                agreement_signed_on,
                representative,
            },
        )
}

/// A membership with a legal history ([`membership_history`]).
pub fn membership() -> impl Strategy<Value = Membership> {
    membership_with(membership_history(6))
}

/// A membership whose history may be out of order or illegal.
pub fn any_membership() -> impl Strategy<Value = Membership> {
    membership_with(any_membership_history(6))
}

/// An entry of the technology inventory.
pub fn system_use() -> impl Strategy<Value = SystemUse> {
    (
        id::<SystemUseId>(),
        id::<OrganisationId>(),
        core::text(),
        core::vocabulary::<SystemCategory>(),
        core::vocabulary::<CanShare>(),
        prop::option::of(core::note()),
    )
        .prop_map(
            |(id, organisation, system, category, can_share, note)| SystemUse {
                id,
                organisation,
                system,
                category,
                can_share,
                note,
            },
        )
}

/// A date in the range [`mcn_core::strategy::date`] draws from, for `as_of`.
pub fn as_of() -> impl Strategy<Value = NaiveDate> {
    core::date()
}
