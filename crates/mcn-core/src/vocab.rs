//! Shared vocabularies that more than one domain names: professions (people,
//! workforce, training requirements) and post roles (posts, seats and quorum
//! rules, training requirements).

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::IdentifierSystem;

/// A person's profession.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Profession {
    /// Medical doctor (registered with the GMC).
    Doctor,
    /// Nurse (registered with the NMC).
    Nurse,
    /// Allied health professional: physiotherapist, occupational therapist, dietitian,
    /// speech and language therapist, ... (registered with the HCPC).
    AlliedHealthProfessional,
    /// Practitioner psychologist (registered with the HCPC).
    Psychologist,
    /// Pharmacist (registered with the General Pharmaceutical Council).
    Pharmacist,
    /// Social worker (registered with Social Work England or a devolved regulator).
    SocialWorker,
    /// Chaplain or spiritual care lead.
    Chaplain,
    /// Manager.
    Manager,
    /// Administrator.
    Administrator,
    /// Educator or trainer.
    Educator,
    /// Parent or carer (for parent/carer representatives).
    ParentCarer,
    /// Any other profession.
    Other,
}

impl Profession {
    /// Every profession, in declaration order.
    pub const ALL: [Self; 12] = [
        Self::Doctor,
        Self::Nurse,
        Self::AlliedHealthProfessional,
        Self::Psychologist,
        Self::Pharmacist,
        Self::SocialWorker,
        Self::Chaplain,
        Self::Manager,
        Self::Administrator,
        Self::Educator,
        Self::ParentCarer,
        Self::Other,
    ];

    /// The register among [`IdentifierSystem`]'s known systems that a registration
    /// for this profession belongs to, where there is one.
    #[must_use]
    pub const fn register(self) -> Option<IdentifierSystem> {
        match self {
            Self::Doctor => Some(IdentifierSystem::Gmc),
            Self::Nurse => Some(IdentifierSystem::Nmc),
            Self::AlliedHealthProfessional | Self::Psychologist => Some(IdentifierSystem::Hcpc),
            _ => None,
        }
    }

    /// The `snake_case` name used in documents.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Doctor => "doctor",
            Self::Nurse => "nurse",
            Self::AlliedHealthProfessional => "allied_health_professional",
            Self::Psychologist => "psychologist",
            Self::Pharmacist => "pharmacist",
            Self::SocialWorker => "social_worker",
            Self::Chaplain => "chaplain",
            Self::Manager => "manager",
            Self::Administrator => "administrator",
            Self::Educator => "educator",
            Self::ParentCarer => "parent_carer",
            Self::Other => "other",
        }
    }
}

impl fmt::Display for Profession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The role a post plays in the network (Popolo / W3C ORG `Post` role).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PostRole {
    /// Network co-ordinator: the funded post the evaluation found key to success.
    NetworkCoordinator,
    /// Clinical lead.
    ClinicalLead,
    /// Chair of a governance body.
    Chair,
    /// Vice-chair of a governance body.
    ViceChair,
    /// Network manager.
    NetworkManager,
    /// Administrator.
    Administrator,
    /// Education lead.
    EducationLead,
    /// Locality lead.
    LocalityLead,
    /// Champion (e.g. a palliative care champion in a team).
    Champion,
    /// Parent or carer representative.
    ParentCarerRepresentative,
    /// Member of a body.
    Member,
    /// Any other role.
    Other,
}

impl PostRole {
    /// Every role, in declaration order.
    pub const ALL: [Self; 12] = [
        Self::NetworkCoordinator,
        Self::ClinicalLead,
        Self::Chair,
        Self::ViceChair,
        Self::NetworkManager,
        Self::Administrator,
        Self::EducationLead,
        Self::LocalityLead,
        Self::Champion,
        Self::ParentCarerRepresentative,
        Self::Member,
        Self::Other,
    ];

    /// The `snake_case` name used in documents (and as a code in exports).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NetworkCoordinator => "network_coordinator",
            Self::ClinicalLead => "clinical_lead",
            Self::Chair => "chair",
            Self::ViceChair => "vice_chair",
            Self::NetworkManager => "network_manager",
            Self::Administrator => "administrator",
            Self::EducationLead => "education_lead",
            Self::LocalityLead => "locality_lead",
            Self::Champion => "champion",
            Self::ParentCarerRepresentative => "parent_carer_representative",
            Self::Member => "member",
            Self::Other => "other",
        }
    }
}

impl fmt::Display for PostRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_str_matches_serde_spelling() {
        for p in Profession::ALL {
            assert_eq!(serde_json::to_value(p).unwrap(), p.as_str());
        }
        for r in PostRole::ALL {
            assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
        }
    }

    #[test]
    fn registers() {
        assert_eq!(Profession::Doctor.register(), Some(IdentifierSystem::Gmc));
        assert_eq!(
            Profession::Psychologist.register(),
            Some(IdentifierSystem::Hcpc)
        );
        assert_eq!(Profession::Manager.register(), None);
    }
}
