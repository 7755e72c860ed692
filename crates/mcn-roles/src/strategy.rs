//! proptest strategies for every document type of this crate (feature
//! `proptest`), for this and other crates' property tests. Every strategy
//! yields valid values; [`world`] yields small, interlinked collections on
//! which the rules have something to find.

use std::num::NonZeroU16;

use chrono::Days;
use mcn_core::{
    Identifier, IdentifierSystem, NaiveDate, Period, Profession, WteTotal,
    id::{OrganisationId, PersonId, PostId, ServiceId},
    strategy as core,
};
use proptest::prelude::*;

use crate::{
    Appointment, AppointmentBasis, HoursPerWeek, Person, Post, PostFunding, RolesData,
    StaffingRecord,
};

/// 0 to 48 hours a week.
pub fn hours_per_week() -> impl Strategy<Value = HoursPerWeek> {
    (0_u16..=HoursPerWeek::MAX_HUNDREDTHS)
        .prop_filter_map("in range", HoursPerWeek::from_hundredths)
}

/// A registration that fits `profession`: on its register where it has one,
/// otherwise on a register named by URI.
pub fn registration_for(profession: Profession) -> BoxedStrategy<Identifier> {
    match profession.register() {
        Some(system) => core::identifier_in(system).boxed(),
        None => match IdentifierSystem::other("https://example.org/register") {
            Ok(system) => core::identifier_in(system).boxed(),
            Err(_) => core::identifier().boxed(),
        },
    }
}

/// A person whose registration (if any) fits their profession.
pub fn person() -> impl Strategy<Value = Person> {
    core::vocabulary::<Profession>().prop_flat_map(|profession| {
        (
            core::id::<PersonId>(),
            core::text(),
            prop::option::of(registration_for(profession)),
            prop::option::of(core::id::<OrganisationId>()),
            prop::option::of(core::email()),
        )
            .prop_map(move |(id, name, registration, employer, email)| Person {
                id,
                name,
                profession,
                registration,
                employer,
                email,
            })
    })
}

/// A person whose registration may be on any register, fitting or not.
pub fn person_any_registration() -> impl Strategy<Value = Person> {
    (person(), prop::option::of(core::identifier())).prop_map(|(mut person, registration)| {
        person.registration = registration;
        person
    })
}

/// Funding for a post (0.00 to 3.00 WTE).
pub fn post_funding() -> impl Strategy<Value = PostFunding> {
    (
        prop::option::of(core::id()),
        (0_u32..=300).prop_filter_map("in range", WteTotal::from_hundredths),
        core::period(),
    )
        .prop_map(|(stream, wte, period)| PostFunding {
            stream,
            wte,
            period,
        })
}

/// A holder limit: mostly absent (one), sometimes 1 to 4.
pub fn max_holders() -> impl Strategy<Value = Option<NonZeroU16>> {
    prop::option::weighted(
        0.3,
        (1_u16..=4).prop_filter_map("non-zero", NonZeroU16::new),
    )
}

/// A post.
pub fn post() -> impl Strategy<Value = Post> {
    (
        core::id::<PostId>(),
        core::text(),
        core::vocabulary::<mcn_core::PostRole>(),
        core::id::<OrganisationId>(),
        prop::option::of(core::id()),
        core::period(),
        prop::option::of(post_funding()),
        max_holders(),
    )
        .prop_map(
            |(id, title, role, organisation, body, period, funding, max_holders)| Post {
                id,
                title,
                role,
                organisation,
                body,
                period,
                funding,
                max_holders,
            },
        )
}

/// An appointment.
pub fn appointment() -> impl Strategy<Value = Appointment> {
    (
        core::id(),
        core::id(),
        core::id(),
        core::period(),
        core::wte(),
        prop::option::of(hours_per_week()),
        core::vocabulary::<AppointmentBasis>(),
    )
        .prop_map(
            |(id, post, person, period, wte, protected_hours_per_week, basis)| Appointment {
                id,
                post,
                person,
                period,
                wte,
                protected_hours_per_week,
                basis,
            },
        )
}

/// A staffing record (0.00 to 200.00 WTE funded and in post).
pub fn staffing_record() -> impl Strategy<Value = StaffingRecord> {
    (
        core::id(),
        core::id(),
        core::vocabulary::<Profession>(),
        prop::option::of(core::id()),
        core::wte_total(),
        core::wte_total(),
        core::date(),
    )
        .prop_map(
            |(id, organisation, profession, service, funded_wte, in_post_wte, as_of)| {
                StaffingRecord {
                    id,
                    organisation,
                    profession,
                    service,
                    funded_wte,
                    in_post_wte,
                    as_of,
                }
            },
        )
}

/// Small interlinked collections (people, posts, appointments, staffing), all
/// dated within [`window`], so that appointments overlap, posts fall vacant,
/// ids repeat and references sometimes dangle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct World {
    /// `people`.
    pub people: Vec<Person>,
    /// `posts`.
    pub posts: Vec<Post>,
    /// `appointments`.
    pub appointments: Vec<Appointment>,
    /// `staffing`.
    pub staffing: Vec<StaffingRecord>,
}

impl World {
    /// The collections as rule input.
    #[must_use]
    pub fn data(&self) -> RolesData<'_> {
        RolesData {
            people: &self.people,
            posts: &self.posts,
            appointments: &self.appointments,
            staffing: &self.staffing,
        }
    }
}

/// The first day of the window [`world`] dates fall in.
pub fn window_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// A date in a narrow window (2024 to mid-2025), so that periods meet often.
pub fn window() -> impl Strategy<Value = NaiveDate> {
    (0_u64..540).prop_map(|days| {
        window_start()
            .checked_add_days(Days::new(days))
            .unwrap_or(NaiveDate::MIN)
    })
}

/// A period within (or running open-ended from) the window.
pub fn window_period() -> impl Strategy<Value = Period> {
    (window(), prop::option::weighted(0.7, 0_u64..240)).prop_map(|(start, length)| {
        let end = length.and_then(|days| start.checked_add_days(Days::new(days)));
        Period::new(start, end).unwrap_or(Period::starting(start))
    })
}

/// One of `pool`, or occasionally (or when the pool is empty) a `fresh` one.
fn pick<T>(pool: Vec<T>, fresh: BoxedStrategy<T>) -> BoxedStrategy<T>
where
    T: Clone + std::fmt::Debug + 'static,
{
    if pool.is_empty() {
        fresh
    } else {
        prop_oneof![9 => prop::sample::select(pool), 1 => fresh].boxed()
    }
}

/// People for [`world`]: any registrations, and now and then a repeated id.
fn world_people() -> impl Strategy<Value = Vec<Person>> {
    prop::collection::vec(person_any_registration(), 0..8).prop_map(|mut people| {
        if people.len() > 3
            && let Some(first) = people.first().map(|p| p.id)
            && let Some(last) = people.last_mut()
        {
            last.id = first;
        }
        people
    })
}

/// Posts for [`world`], existing and funded within the window.
fn world_posts() -> impl Strategy<Value = Vec<Post>> {
    let funding = prop::option::of((window_period(), 0_u32..=150));
    prop::collection::vec((post(), window_period(), funding), 0..6).prop_map(|posts| {
        posts
            .into_iter()
            .map(|(mut post, period, funding)| {
                post.period = period;
                post.funding = funding.and_then(|(period, wte)| {
                    Some(PostFunding {
                        stream: None,
                        wte: WteTotal::from_hundredths(wte)?,
                        period,
                    })
                });
                post
            })
            .collect()
    })
}

/// Appointments for [`world`], mostly to the given posts and people.
fn world_appointments(
    post_ids: Vec<PostId>,
    person_ids: Vec<PersonId>,
) -> impl Strategy<Value = Vec<Appointment>> {
    let row = (
        appointment(),
        pick(post_ids, core::id::<PostId>().boxed()),
        pick(person_ids, core::id::<PersonId>().boxed()),
        window_period(),
    );
    prop::collection::vec(row, 0..14).prop_map(|rows| {
        rows.into_iter()
            .map(|(mut appointment, post, person, period)| {
                appointment.post = post;
                appointment.person = person;
                appointment.period = period;
                appointment
            })
            .collect()
    })
}

/// Staffing records for [`world`]: few organisations, services and professions,
/// dated within the window.
fn world_staffing(
    organisations: Vec<OrganisationId>,
    services: Vec<ServiceId>,
) -> impl Strategy<Value = Vec<StaffingRecord>> {
    let row = (
        staffing_record(),
        prop::sample::select(organisations),
        prop::option::of(prop::sample::select(services)),
        prop::sample::select(vec![Profession::Nurse, Profession::Doctor]),
        window(),
        (0_u32..=500, 0_u32..=500),
    );
    prop::collection::vec(row, 0..10).prop_map(|rows| {
        rows.into_iter()
            .map(
                |(mut record, organisation, service, profession, as_of, (funded, in_post))| {
                    record.organisation = organisation;
                    record.service = service;
                    record.profession = profession;
                    record.as_of = as_of;
                    record.funded_wte = WteTotal::from_hundredths(funded).unwrap_or_default();
                    record.in_post_wte = WteTotal::from_hundredths(in_post).unwrap_or_default();
                    record
                },
            )
            .collect()
    })
}

/// Small interlinked collections: see [`World`].
pub fn world() -> impl Strategy<Value = World> {
    let organisations = prop::collection::vec(core::id::<OrganisationId>(), 1..3);
    let services = prop::collection::vec(core::id::<ServiceId>(), 1..3);
    (world_people(), world_posts(), organisations, services).prop_flat_map(
        |(people, posts, organisations, services)| {
            let person_ids = people.iter().map(|p| p.id).collect();
            let post_ids = posts.iter().map(|p| p.id).collect();
            (
                Just(people),
                Just(posts),
                world_appointments(post_ids, person_ids),
                world_staffing(organisations, services),
            )
                .prop_map(|(people, posts, appointments, staffing)| World {
                    people,
                    posts,
                    appointments,
                    staffing,
                })
        },
    )
}
