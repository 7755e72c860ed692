//! Events: study days, course sessions, conferences, networking and peer
//! support sessions, webinars.

use mcn_core::{
    Money, NaiveDate, Text,
    id::{CourseId, EventId, LocalityId, OrganisationId},
    vocabulary,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Capacity, Course, Delivery, EducationLevel, LearningOutcome, Minutes};

vocabulary! {
    /// What kind of event it is.
    EventKind {
        /// A study day.
        StudyDay => "study_day",
        /// A session delivering a course from the catalogue.
        CourseSession => "course_session",
        /// A conference.
        Conference => "conference",
        /// A networking event.
        NetworkingEvent => "networking_event",
        /// A peer support or reflective practice session.
        PeerSupport => "peer_support",
        /// A webinar.
        Webinar => "webinar",
        /// Anything else (the title says what).
        Other => "other",
    }
}

vocabulary! {
    /// Where an event stands.
    EventStatus {
        /// Scheduled, not yet held.
        Planned => "planned",
        /// It took place.
        Held => "held",
        /// It was called off.
        Cancelled => "cancelled",
    }
}

/// A training or networking event on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// The event's id.
    pub id: EventId,
    /// What kind of event it is.
    pub kind: EventKind,
    /// The course it delivers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course: Option<CourseId>,
    /// Its title.
    pub title: Text,
    /// The day it takes place (its first day if it runs over several).
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub date: NaiveDate,
    /// How long it lasts, in minutes.
    pub duration_minutes: Minutes,
    /// How it is delivered.
    pub delivery: Delivery,
    /// The framework level it is pitched at, where it has no course or differs
    /// from its course; when absent the course's level applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<EducationLevel>,
    /// The learning-outcome areas it covers; when empty its course's apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<LearningOutcome>,
    /// The locality it is held in (for in-person and blended events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<LocalityId>,
    /// The venue (for in-person and blended events; a platform name may be
    /// given for virtual ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<Text>,
    /// The number of places; absent when unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<Capacity>,
    /// What an attendee pays, in pence; 0 (the default) when free.
    #[serde(default)]
    pub cost: Money,
    /// The organisation hosting it.
    pub host: OrganisationId,
    /// Planned, held or cancelled.
    pub status: EventStatus,
}

impl Event {
    /// The level the event counts at: its own [`Event::level`] if given,
    /// else `course`'s level (pass the course this event names, if found).
    #[must_use]
    pub fn effective_level(&self, course: Option<&Course>) -> Option<EducationLevel> {
        self.level.or_else(|| course.map(|c| c.level))
    }

    /// The outcome areas the event covers: its own [`Event::outcomes`] if any,
    /// else `course`'s outcomes.
    #[must_use]
    pub fn effective_outcomes<'a>(&'a self, course: Option<&'a Course>) -> &'a [LearningOutcome] {
        match course {
            Some(course) if self.outcomes.is_empty() => &course.outcomes,
            _ => &self.outcomes,
        }
    }

    /// Whether the event was cancelled.
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.status == EventStatus::Cancelled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json() -> serde_json::Value {
        serde_json::json!({
            "id": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f",
            "kind": "study_day",
            "title": "Regional study day",
            "date": "2025-03-14",
            "duration_minutes": 420,
            "delivery": "in_person",
            "level": "universal",
            "locality": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e71",
            "venue": "Education Centre",
            "capacity": 40,
            "cost": 2500,
            "host": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e70",
            "status": "held"
        })
    }

    #[test]
    fn loads_and_round_trips() {
        let event: Event = serde_json::from_value(json()).unwrap();
        assert_eq!(event.capacity.map(Capacity::get), Some(40));
        assert_eq!(event.cost, Money::from_pence(2500));
        assert_eq!(serde_json::to_value(&event).unwrap(), json());
    }

    #[test]
    fn cost_defaults_to_free() {
        let mut v = json();
        v.as_object_mut().unwrap().remove("cost");
        let event: Event = serde_json::from_value(v).unwrap();
        assert!(event.cost.is_zero());
    }

    #[test]
    fn rejects_zero_duration_and_capacity() {
        for (field, value) in [("duration_minutes", 0), ("capacity", 0)] {
            let mut v = json();
            v[field] = value.into();
            assert!(serde_json::from_value::<Event>(v).is_err(), "{field}");
        }
        let mut v = json();
        v["venu"] = "x".into();
        assert!(serde_json::from_value::<Event>(v).is_err());
    }

    #[test]
    fn effective_level_and_outcomes_fall_back_to_the_course() {
        let mut event: Event = serde_json::from_value(json()).unwrap();
        let course: Course = serde_json::from_value(serde_json::json!({
            "id": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e72",
            "title": "Course",
            "provider": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e70",
            "level": "core",
            "outcomes": ["wellbeing"],
            "delivery": "in_person"
        }))
        .unwrap();
        assert_eq!(
            event.effective_level(Some(&course)),
            Some(EducationLevel::Universal)
        );
        assert_eq!(
            event.effective_outcomes(Some(&course)),
            [LearningOutcome::Wellbeing]
        );
        event.level = None;
        assert_eq!(
            event.effective_level(Some(&course)),
            Some(EducationLevel::Core)
        );
        assert_eq!(event.effective_level(None), None);
        event.outcomes = vec![LearningOutcome::Communication];
        assert_eq!(
            event.effective_outcomes(Some(&course)),
            [LearningOutcome::Communication]
        );
        assert!(event.effective_outcomes(None).len() == 1);
    }
}
