//! Courses: training aligned to the education framework, delivered at events.

use mcn_core::{
    Note, Profession, Text,
    id::{CourseId, OrganisationId},
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{CpdHours, Delivery, EducationLevel, LearningOutcome};

/// A course in the network's catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// The course's id.
    pub id: CourseId,
    /// Its title.
    pub title: Text,
    /// The organisation that provides it.
    pub provider: OrganisationId,
    /// The framework level it is pitched at.
    pub level: EducationLevel,
    /// The learning-outcome areas it covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<LearningOutcome>,
    /// How it is usually delivered.
    pub delivery: Delivery,
    /// CPD hours a participant can claim, where stated (0 when none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpd_hours: Option<CpdHours>,
    /// The professions it is meant for; empty means open to all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub professions: Vec<Profession>,
    /// Accreditation, e.g. by a royal college or university, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accreditation: Option<Note>,
}

impl Course {
    /// Whether the course is meant for `profession` (a course listing no
    /// professions is meant for all).
    #[must_use]
    pub fn is_for(&self, profession: Profession) -> bool {
        self.professions.is_empty() || self.professions.contains(&profession)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json() -> serde_json::Value {
        serde_json::json!({
            "id": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f",
            "title": "Symptom management essentials",
            "provider": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e70",
            "level": "core",
            "outcomes": ["symptom_management", "communication"],
            "delivery": "blended",
            "cpd_hours": 6.5,
            "professions": ["nurse", "doctor"]
        })
    }

    #[test]
    fn loads_and_round_trips() {
        let course: Course = serde_json::from_value(json()).unwrap();
        assert_eq!(course.level, EducationLevel::Core);
        assert!(course.is_for(Profession::Nurse));
        assert!(!course.is_for(Profession::Chaplain));
        assert_eq!(serde_json::to_value(&course).unwrap(), json());
    }

    #[test]
    fn rejects_unknown_fields_and_bad_values() {
        let mut v = json();
        v["levle"] = "core".into();
        assert!(serde_json::from_value::<Course>(v).is_err());
        let mut v = json();
        v["title"] = "  ".into();
        assert!(serde_json::from_value::<Course>(v).is_err());
        let mut v = json();
        v["cpd_hours"] = (-1).into();
        assert!(serde_json::from_value::<Course>(v).is_err());
        let mut v = json();
        v["level"] = "advanced".into();
        assert!(serde_json::from_value::<Course>(v).is_err());
    }

    #[test]
    fn open_to_all_when_no_professions() {
        let mut v = json();
        v.as_object_mut().unwrap().remove("professions");
        let course: Course = serde_json::from_value(v).unwrap();
        assert!(course.is_for(Profession::Chaplain));
    }
}
