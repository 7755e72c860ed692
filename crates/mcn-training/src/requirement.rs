//! Training requirements: which framework level (and outcome areas) a role or
//! a profession needs, and how often it must be renewed.

use mcn_core::{Note, PostRole, Profession, id::TrainingRequirementId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{EducationLevel, LearningOutcome, RenewalMonths};

/// Who a requirement applies to: holders of posts with a role, or members of a
/// profession. Serialised as `{"role": "locality_lead"}` or `{"profession": "nurse"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AppliesTo {
    /// Everyone holding a post with this role.
    Role(PostRole),
    /// Everyone of this profession.
    Profession(Profession),
}

/// A training requirement, e.g. "locality leads need core level, renewed every
/// 36 months".
///
/// Met by attending (not cancelled) events at or above `level` that together
/// cover every outcome in `outcomes`, recently enough: see
/// [`crate::training_needs`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingRequirement {
    /// The requirement's id.
    pub id: TrainingRequirementId,
    /// The role or profession it applies to.
    pub applies_to: AppliesTo,
    /// The lowest framework level that satisfies it.
    pub level: EducationLevel,
    /// Outcome areas that must be covered at that level; empty means any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<LearningOutcome>,
    /// How often it must be renewed, in months; absent means it never expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_months: Option<RenewalMonths>,
    /// Why it exists or where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_round_trips_and_rejects_both_targets() {
        let json = serde_json::json!({
            "id": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f",
            "applies_to": {"role": "locality_lead"},
            "level": "core",
            "renewal_months": 36
        });
        let req: TrainingRequirement = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(req.applies_to, AppliesTo::Role(PostRole::LocalityLead));
        assert_eq!(req.renewal_months.map(RenewalMonths::get), Some(36));
        assert_eq!(serde_json::to_value(&req).unwrap(), json);

        let mut both = json.clone();
        both["applies_to"] = serde_json::json!({"role": "chair", "profession": "nurse"});
        assert!(serde_json::from_value::<TrainingRequirement>(both).is_err());
        let mut zero = json;
        zero["renewal_months"] = 0.into();
        assert!(serde_json::from_value::<TrainingRequirement>(zero).is_err());
    }
}
