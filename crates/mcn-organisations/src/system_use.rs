//! The technology inventory: which record systems each organisation uses, and
//! whether they can share records with the network (evidence for the "no shared
//! technology" barrier).

use std::collections::BTreeMap;

use mcn_core::{
    Note, Text,
    id::{OrganisationId, SystemUseId},
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use mcn_core::vocabulary;

vocabulary! {
    /// What a record system is for.
    SystemCategory {
        /// An electronic patient record.
        Epr => "epr",
        /// A shared care record spanning organisations.
        SharedCareRecord => "shared_care_record",
        /// Scheduling or rostering.
        Scheduling => "scheduling",
        /// Anything else.
        Other => "other",
    }
}

vocabulary! {
    /// Whether a system can share records with the network; ordered from least to
    /// most able, so the best of several is their maximum.
    CanShare {
        /// It cannot.
        No => "no",
        /// Some records, or with workarounds.
        Partly => "partly",
        /// It can.
        Yes => "yes",
    }
}

/// One record system an organisation uses.
///
/// Rule (reported by [`crate::validate`]): an organisation lists each system
/// once (`organisations.system.duplicate`, compared ignoring case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SystemUse {
    /// The entry's id.
    pub id: SystemUseId,
    /// The organisation using the system.
    pub organisation: OrganisationId,
    /// The system's name, e.g. "EMIS Web".
    pub system: Text,
    /// What it is for.
    pub category: SystemCategory,
    /// Whether it can share records with the network.
    pub can_share: CanShare,
    /// Anything worth recording (what is shared, with whom, what blocks it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

/// Per organisation, the best sharing ability among its systems (`yes` over
/// `partly` over `no`), in organisation id order. Organisations with no system
/// listed are absent.
pub fn sharing_by_organisation<'a>(
    systems: impl IntoIterator<Item = &'a SystemUse>,
) -> BTreeMap<OrganisationId, CanShare> {
    let mut best: BTreeMap<OrganisationId, CanShare> = BTreeMap::new();
    for system in systems {
        best.entry(system.organisation)
            .and_modify(|b| *b = (*b).max(system.can_share))
            .or_insert(system.can_share);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sharing_order() {
        assert!(CanShare::No < CanShare::Partly && CanShare::Partly < CanShare::Yes);
    }

    #[test]
    fn best_sharing_per_organisation() {
        let org = OrganisationId::generate();
        let other = OrganisationId::generate();
        let entry = |organisation, can_share| SystemUse {
            id: SystemUseId::generate(),
            organisation,
            system: Text::new("SystmOne").unwrap(),
            category: SystemCategory::Epr,
            can_share,
            note: None,
        };
        let systems = [
            entry(org, CanShare::No),
            entry(org, CanShare::Partly),
            entry(other, CanShare::No),
        ];
        let best = sharing_by_organisation(&systems);
        assert_eq!(best[&org], CanShare::Partly);
        assert_eq!(best[&other], CanShare::No);
        let json = serde_json::to_string(&systems[0]).unwrap();
        assert!(
            json.contains(r#""category":"epr","can_share":"no""#),
            "{json}"
        );
        assert_eq!(
            serde_json::from_str::<SystemUse>(&json).unwrap(),
            systems[0]
        );
    }
}
