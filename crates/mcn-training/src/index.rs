//! Lookups by id built once per query (first occurrence of a duplicated id wins).

use mcn_core::{id::EventId, index::IdIndex};

use crate::{Course, EducationLevel, Event, framework::OutcomeSet};

/// An event with what it counts for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EventInfo<'a> {
    /// The event.
    pub(crate) event: &'a Event,
    /// Its effective level (own, else its course's).
    pub(crate) level: Option<EducationLevel>,
    /// Its effective outcome areas (own, else its course's).
    pub(crate) outcomes: OutcomeSet,
}

/// Every event by id, with its effective level and outcomes.
pub(crate) struct EventIndex<'a> {
    index: IdIndex<EventId>,
    info: Vec<EventInfo<'a>>,
}

impl<'a> EventIndex<'a> {
    /// Indexes `events`, resolving each one's course in `courses`.
    pub(crate) fn new(events: &'a [Event], courses: &'a [Course]) -> Self {
        let course_index = IdIndex::new(courses.iter().map(|course| course.id));
        let info = events
            .iter()
            .map(|event| {
                let course = event
                    .course
                    .and_then(|id| course_index.get(id, courses))
                    .map(|(_, course)| course);
                EventInfo {
                    event,
                    level: event.effective_level(course),
                    outcomes: OutcomeSet::of(event.effective_outcomes(course)),
                }
            })
            .collect();
        Self {
            index: IdIndex::new(events.iter().map(|event| event.id)),
            info,
        }
    }

    /// The event with this id.
    pub(crate) fn get(&self, id: EventId) -> Option<&EventInfo<'a>> {
        self.index.get(id, &self.info).map(|(_, info)| info)
    }
}
