//! Lookups by id built once per query (first occurrence of a duplicated id wins).

use std::collections::HashMap;

use mcn_core::id::{CourseId, EventId};

use crate::{Course, EducationLevel, Event, framework::OutcomeSet};

/// A course by id, with its index in the slice.
pub(crate) fn courses_by_id(courses: &[Course]) -> HashMap<CourseId, (usize, &Course)> {
    let mut map = HashMap::with_capacity(courses.len());
    for (index, course) in courses.iter().enumerate() {
        map.entry(course.id).or_insert((index, course));
    }
    map
}

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
pub(crate) fn events_by_id<'a>(
    events: &'a [Event],
    courses: &'a [Course],
) -> HashMap<EventId, EventInfo<'a>> {
    let courses = courses_by_id(courses);
    let mut map = HashMap::with_capacity(events.len());
    for event in events {
        map.entry(event.id).or_insert_with(|| {
            let course = event
                .course
                .and_then(|id| courses.get(&id))
                .map(|(_, c)| *c);
            EventInfo {
                event,
                level: event.effective_level(course),
                outcomes: OutcomeSet::of(event.effective_outcomes(course)),
            }
        });
    }
    map
}
