//! proptest strategies for every document type of this crate (feature
//! `proptest`), for this and other crates' property tests. Every strategy
//! yields valid values; ids are random.

use mcn_core::{
    Money,
    id::{
        CourseId, EventId, LocalityId, OrganisationId, PersonId, RegistrationId,
        TrainingRequirementId,
    },
    strategy::{self as core, id},
};
use proptest::prelude::*;

use crate::{
    AccessBarrier, AppliesTo, Capacity, Course, CpdHours, Delivery, EducationLevel, Event,
    EventKind, EventStatus, Feedback, LearningOutcome, Minutes, Rating, Registration,
    RegistrationStatus, RenewalMonths, Statement, StatementObject, TrainingRequirement, Verb,
};

/// Up to four outcome areas (possibly repeated).
pub fn outcomes() -> impl Strategy<Value = Vec<LearningOutcome>> {
    prop::collection::vec(core::vocabulary::<LearningOutcome>(), 0..=4)
}

/// A rating, 1 to 5.
pub fn rating() -> impl Strategy<Value = Rating> {
    prop::sample::select(Rating::ALL.to_vec())
}

/// A capacity, 1 to 200 (small, so over-capacity cases occur).
pub fn capacity() -> impl Strategy<Value = Capacity> {
    (1_u64..=200).prop_filter_map("in range", |n| Capacity::new(n).ok())
}

/// A duration, 1 minute to 7 days.
pub fn minutes() -> impl Strategy<Value = Minutes> {
    (u64::from(Minutes::MIN)..=u64::from(Minutes::MAX))
        .prop_filter_map("in range", |n| Minutes::new(n).ok())
}

/// A renewal period, 1 to 600 months.
pub fn renewal_months() -> impl Strategy<Value = RenewalMonths> {
    (1_u64..=600).prop_filter_map("in range", |n| RenewalMonths::new(n).ok())
}

/// CPD hours, 0 to 1,000.
pub fn cpd_hours() -> impl Strategy<Value = CpdHours> {
    (0_u32..=CpdHours::MAX_HUNDREDTHS).prop_filter_map("in range", CpdHours::from_hundredths)
}

/// Any feedback.
pub fn feedback() -> impl Strategy<Value = Feedback> {
    (
        rating(),
        rating(),
        any::<bool>(),
        prop::option::of(core::note()),
    )
        .prop_map(|(overall, relevance, would_recommend, comment)| Feedback {
            overall,
            relevance,
            would_recommend,
            comment,
        })
}

/// Who a requirement applies to.
pub fn applies_to() -> impl Strategy<Value = AppliesTo> {
    prop_oneof![
        core::vocabulary::<mcn_core::PostRole>().prop_map(AppliesTo::Role),
        core::vocabulary::<mcn_core::Profession>().prop_map(AppliesTo::Profession),
    ]
}

/// A course.
pub fn course() -> impl Strategy<Value = Course> {
    (
        id::<CourseId>(),
        core::text(),
        id::<OrganisationId>(),
        core::vocabulary::<EducationLevel>(),
        outcomes(),
        core::vocabulary::<Delivery>(),
        prop::option::of(cpd_hours()),
        prop::collection::vec(core::vocabulary::<mcn_core::Profession>(), 0..3),
        prop::option::of(core::note()),
    )
        .prop_map(
            |(
                id,
                title,
                provider,
                level,
                outcomes,
                delivery,
                cpd_hours,
                professions,
                accreditation,
            )| {
                Course {
                    id,
                    title,
                    provider,
                    level,
                    outcomes,
                    delivery,
                    cpd_hours,
                    professions,
                    accreditation,
                }
            },
        )
}

/// An event (naming a random course, if any).
pub fn event() -> impl Strategy<Value = Event> {
    event_with(prop::option::of(id::<CourseId>()).boxed())
}

/// An event whose course (if any) is drawn from `course`.
pub fn event_with(course: BoxedStrategy<Option<CourseId>>) -> impl Strategy<Value = Event> {
    (
        (
            id::<EventId>(),
            core::vocabulary::<EventKind>(),
            course,
            core::text(),
            core::date(),
            minutes(),
        ),
        (
            core::vocabulary::<Delivery>(),
            prop::option::of(core::vocabulary::<EducationLevel>()),
            outcomes(),
        ),
        (
            prop::option::of(id::<LocalityId>()),
            prop::option::of(core::text()),
            prop::option::of(capacity()),
            prop_oneof![Just(Money::ZERO), core::money()],
            id::<OrganisationId>(),
            core::vocabulary::<EventStatus>(),
        ),
    )
        .prop_map(
            |(
                (id, kind, course, title, date, duration_minutes),
                (delivery, level, outcomes),
                (locality, venue, capacity, cost, host, status),
            )| Event {
                id,
                kind,
                course,
                title,
                date,
                duration_minutes,
                delivery,
                level,
                outcomes,
                locality,
                venue,
                capacity,
                cost,
                host,
                status,
            },
        )
}

/// A registration (for a random event).
pub fn registration() -> impl Strategy<Value = Registration> {
    registration_with(
        id::<EventId>().boxed(),
        id::<PersonId>().boxed(),
        id::<OrganisationId>().boxed(),
    )
}

/// A registration whose event, person and organisation are drawn from the
/// strategies given (e.g. `prop::sample::select` over a few ids, so that
/// people and events repeat).
pub fn registration_with(
    event: BoxedStrategy<EventId>,
    person: BoxedStrategy<PersonId>,
    organisation: BoxedStrategy<OrganisationId>,
) -> impl Strategy<Value = Registration> {
    (
        (id::<RegistrationId>(), event, person, organisation),
        core::vocabulary::<RegistrationStatus>(),
        prop::option::of(core::vocabulary::<AccessBarrier>()),
        prop::option::of(core::text()),
        prop::option::of(feedback()),
    )
        .prop_map(
            |((id, event, person, organisation), status, barrier, barrier_detail, feedback)| {
                Registration {
                    id,
                    event,
                    person,
                    organisation,
                    status,
                    barrier,
                    barrier_detail,
                    feedback,
                }
            },
        )
}

/// A training requirement.
pub fn training_requirement() -> impl Strategy<Value = TrainingRequirement> {
    (
        id::<TrainingRequirementId>(),
        applies_to(),
        core::vocabulary::<EducationLevel>(),
        outcomes(),
        prop::option::of(renewal_months()),
        prop::option::of(core::note()),
    )
        .prop_map(|(id, applies_to, level, outcomes, renewal_months, note)| {
            TrainingRequirement {
                id,
                applies_to,
                level,
                outcomes,
                renewal_months,
                note,
            }
        })
}

/// An xAPI-style statement.
pub fn statement() -> impl Strategy<Value = Statement> {
    (
        id::<PersonId>(),
        prop::sample::select(Verb::ALL.to_vec()),
        prop_oneof![
            id::<EventId>().prop_map(StatementObject::Event),
            id::<CourseId>().prop_map(StatementObject::Course),
        ],
        core::date(),
        id::<RegistrationId>(),
    )
        .prop_map(|(actor, verb, object, timestamp, registration)| Statement {
            actor,
            verb,
            object,
            timestamp,
            registration,
        })
}

/// The four training collections of one document, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collections {
    /// Courses.
    pub courses: Vec<Course>,
    /// Events.
    pub events: Vec<Event>,
    /// Registrations.
    pub registrations: Vec<Registration>,
    /// Training requirements.
    pub training_requirements: Vec<TrainingRequirement>,
}

impl Collections {
    /// Borrowed as [`crate::TrainingData`].
    #[must_use]
    pub fn as_data(&self) -> crate::TrainingData<'_> {
        crate::TrainingData {
            courses: &self.courses,
            events: &self.events,
            registrations: &self.registrations,
            training_requirements: &self.training_requirements,
        }
    }
}

/// Linked collections: up to `max_events` events naming the generated courses
/// (or unknown ones), and up to `max_registrations` registrations for those
/// events (or an unknown one) drawn from a small pool of people and
/// organisations, so people repeat, duplicates occur and every rule can fire.
pub fn collections(
    max_events: usize,
    max_registrations: usize,
) -> impl Strategy<Value = Collections> {
    (
        prop::collection::vec(course(), 0..4),
        prop::collection::vec(id::<PersonId>(), 1..8),
        prop::collection::vec(id::<OrganisationId>(), 1..4),
        prop::collection::vec(training_requirement(), 0..4),
    )
        .prop_flat_map(
            move |(courses, people, organisations, training_requirements)| {
                let mut course_ids: Vec<Option<CourseId>> =
                    courses.iter().map(|c| Some(c.id)).collect();
                course_ids.push(None);
                let course_choice = prop_oneof![
                    4 => prop::sample::select(course_ids),
                    1 => id::<CourseId>().prop_map(Some),
                ]
                .boxed();
                (
                    Just(courses),
                    prop::collection::vec(event_with(course_choice), 1..=max_events.max(1)),
                    Just(people),
                    Just(organisations),
                    Just(training_requirements),
                )
            },
        )
        .prop_flat_map(
            move |(courses, events, people, organisations, training_requirements)| {
                let event_ids: Vec<EventId> = events.iter().map(|e| e.id).collect();
                let event_choice = prop_oneof![
                    9 => prop::sample::select(event_ids),
                    1 => id::<EventId>(),
                ]
                .boxed();
                (
                    Just(courses),
                    Just(events),
                    prop::collection::vec(
                        registration_with(
                            event_choice,
                            prop::sample::select(people).boxed(),
                            prop::sample::select(organisations).boxed(),
                        ),
                        0..=max_registrations,
                    ),
                    Just(training_requirements),
                )
            },
        )
        .prop_map(
            |(courses, events, registrations, training_requirements)| Collections {
                courses,
                events,
                registrations,
                training_requirements,
            },
        )
}
