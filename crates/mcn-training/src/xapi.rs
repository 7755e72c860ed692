//! Attendance as xAPI-style statements: a plain, export-ready view (the xAPI
//! adapter that adds the account home page and serialises to the xAPI JSON
//! shape comes later).

use mcn_core::{
    NaiveDate,
    id::{CourseId, EventId, PersonId, RegistrationId},
    index::IdIndex,
    vocabulary,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Event, Registration};

vocabulary! {
    /// What the actor did, from the ADL verb vocabulary.
    Verb {
        /// Attended an event (`http://adlnet.gov/expapi/verbs/attended`).
        Attended => "attended",
        /// Completed a course (`http://adlnet.gov/expapi/verbs/completed`).
        Completed => "completed",
    }
}

impl Verb {
    /// The xAPI verb id (an IRI).
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Self::Attended => "http://adlnet.gov/expapi/verbs/attended",
            Self::Completed => "http://adlnet.gov/expapi/verbs/completed",
        }
    }

    /// The verb's display word (`en`).
    #[must_use]
    pub const fn display(self) -> &'static str {
        match self {
            Self::Attended => "attended",
            Self::Completed => "completed",
        }
    }
}

/// What the statement is about: serialised as `{"event": "<uuid>"}` or
/// `{"course": "<uuid>"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StatementObject {
    /// An event (with verb `attended`).
    Event(EventId),
    /// A course (with verb `completed`).
    Course(CourseId),
}

/// One xAPI-style statement: actor, verb, object, timestamp.
///
/// The actor is identified by an account whose name is the person id (never
/// by e-mail: no `mbox` leaves the network); the adapter supplies the
/// account's home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The person (xAPI `actor.account.name`).
    pub actor: PersonId,
    /// Attended or completed.
    pub verb: Verb,
    /// The event attended or the course completed.
    pub object: StatementObject,
    /// The event's date (xAPI `timestamp`, at day precision).
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub timestamp: NaiveDate,
    /// The registration the statement comes from (usable as xAPI `context.registration`).
    pub registration: RegistrationId,
}

impl Statement {
    /// "Person attended event", if `registration` is marked attended at
    /// `event` (the event it names) and the event was not cancelled.
    #[must_use]
    pub fn attended(registration: &Registration, event: &Event) -> Option<Self> {
        counts(registration, event).then_some(Self {
            actor: registration.person,
            verb: Verb::Attended,
            object: StatementObject::Event(event.id),
            timestamp: event.date,
            registration: registration.id,
        })
    }

    /// "Person completed course", if the registration counts as for
    /// [`Statement::attended`] and the event delivers a course: attending an
    /// event that delivers a course is taken as completing that course.
    #[must_use]
    pub fn completed(registration: &Registration, event: &Event) -> Option<Self> {
        let course = event.course?;
        counts(registration, event).then_some(Self {
            actor: registration.person,
            verb: Verb::Completed,
            object: StatementObject::Course(course),
            timestamp: event.date,
            registration: registration.id,
        })
    }
}

fn counts(registration: &Registration, event: &Event) -> bool {
    registration.attended() && registration.event == event.id && !event.is_cancelled()
}

/// Every statement the attendances give, in registration order: for each
/// registration counted by [`Statement::attended`], its `attended` statement,
/// followed by its `completed` statement when the event delivers a course.
/// Registrations naming unknown events are skipped. Time O(n).
#[must_use]
pub fn statements(events: &[Event], registrations: &[Registration]) -> Vec<Statement> {
    let by_id = IdIndex::new(events.iter().map(|event| event.id));
    let mut out = Vec::new();
    for reg in registrations.iter().filter(|r| r.attended()) {
        if let Some((_, event)) = by_id.get(reg.event, events) {
            out.extend(Statement::attended(reg, event));
            out.extend(Statement::completed(reg, event));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_ids() {
        assert_eq!(
            Verb::Attended.id(),
            "http://adlnet.gov/expapi/verbs/attended"
        );
        assert_eq!(
            Verb::Completed.id(),
            "http://adlnet.gov/expapi/verbs/completed"
        );
        assert_eq!(Verb::Completed.display(), "completed");
    }
}
