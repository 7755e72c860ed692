//! Services an organisation provides: what kind, when (24/7, extended hours,
//! office hours or a weekly schedule), where (localities covered) and for whom
//! (age range).
//!
//! Maps to FHIR `HealthcareService`: `providedBy` ← `provider`, `type` ← `kind`,
//! `coverageArea` ← `localities`, `availableTime` ← [`Availability::available_times`]
//! (each [`WeeklySlot`] is one `availableTime` element, field for field).
//!
//! One module per concept: [`schedule`] (days, weekly slots, availability),
//! [`age_range`] and [`locality_coverage`]; their items are re-exported here.

pub mod age_range;
pub mod locality_coverage;
pub mod schedule;

use chrono::NaiveDate;
use mcn_core::{
    Period, Text,
    id::{LocalityId, OrganisationId, ServiceId},
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use mcn_core::vocabulary;

pub use self::{
    age_range::{AgeRange, AgeRangeError},
    locality_coverage::coverage,
    schedule::{Availability, DayOfWeek, EmptySchedule, SlotError, WeeklySchedule, WeeklySlot},
};

vocabulary! {
    /// What a service does.
    ServiceKind {
        /// A specialist paediatric palliative care team.
        SpecialistPalliativeCareTeam => "specialist_palliative_care_team",
        /// A consultant advice line (advice from a consultant in paediatric
        /// palliative care; NICE QS160 statement 6 asks for it 24 hours a day).
        ConsultantAdviceLine => "consultant_advice_line",
        /// Community children's nursing (QS160 statement 6 asks for 24-hour access
        /// near the end of life).
        CommunityChildrensNursing => "community_childrens_nursing",
        /// Hospice short breaks (respite).
        HospiceShortBreaks => "hospice_short_breaks",
        /// Hospice end-of-life care.
        HospiceEndOfLifeCare => "hospice_end_of_life_care",
        /// Emotional and psychological support.
        PsychologicalSupport => "psychological_support",
        /// Bereavement support.
        BereavementSupport => "bereavement_support",
        /// Symptom management.
        SymptomManagement => "symptom_management",
        /// Transition to adult services.
        TransitionSupport => "transition_support",
        /// Any other service (describe it in `kind_detail`).
        Other => "other",
    }
}

/// A service an organisation provides.
///
/// Rule (reported by [`crate::validate`]): a service covers at least one
/// locality (`organisations.service.no_coverage`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// The service's id.
    pub id: ServiceId,
    /// The organisation providing it (FHIR `providedBy`).
    pub provider: OrganisationId,
    /// What it does.
    pub kind: ServiceKind,
    /// A description of the kind, recommended when `kind` is `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind_detail: Option<Text>,
    /// Its name, e.g. "Children's palliative care advice line".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// When it can be reached.
    pub availability: Availability,
    /// The localities it covers (FHIR `coverageArea`); covering a wider locality
    /// covers every locality within it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub localities: Vec<LocalityId>,
    /// The ages it is for; absent when not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_range: Option<AgeRange>,
    /// When it runs; absent when it runs without a known start or end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

impl Service {
    /// A service with no name, localities, age range or period.
    #[must_use]
    pub const fn new(
        id: ServiceId,
        provider: OrganisationId,
        kind: ServiceKind,
        availability: Availability,
    ) -> Self {
        Self {
            id,
            provider,
            kind,
            kind_detail: None,
            name: None,
            availability,
            localities: Vec::new(),
            age_range: None,
            period: None,
        }
    }

    /// Whether it is available around the clock ([`Availability::is_24_7`]).
    #[must_use]
    pub fn is_24_7(&self) -> bool {
        self.availability.is_24_7()
    }

    /// Whether it runs on `as_of` (always, when it has no period).
    #[must_use]
    pub fn is_current(&self, as_of: NaiveDate) -> bool {
        self.period.is_none_or(|period| period.contains(as_of))
    }

    /// Whether it serves a person aged `age_years` (yes, when no range is stated).
    #[must_use]
    pub fn serves_age(&self, age_years: u8) -> bool {
        self.age_range.is_none_or(|range| range.contains(age_years))
    }

    /// The name if it has one, else the kind, with the id, for messages.
    #[must_use]
    pub fn describe(&self) -> String {
        match &self.name {
            Some(name) => format!("service \"{name}\" ({})", self.id),
            None => format!("{} service ({})", self.kind, self.id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_helpers() {
        let d = |m| NaiveDate::from_ymd_opt(2025, m, 1).unwrap();
        let mut s = Service::new(
            ServiceId::generate(),
            OrganisationId::generate(),
            ServiceKind::BereavementSupport,
            Availability::OfficeHours,
        );
        assert!(s.is_current(d(1)) && s.serves_age(90) && !s.is_24_7());
        s.period = Some(Period::new(d(2), Some(d(3))).unwrap());
        s.age_range = Some(AgeRange::new(0, 18).unwrap());
        assert!(!s.is_current(d(1)) && s.is_current(d(3)) && !s.is_current(d(4)));
        assert!(s.serves_age(18) && !s.serves_age(19));
        assert!(s.describe().starts_with("bereavement_support service"));
    }
}
