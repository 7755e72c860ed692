//! Organisations: what they are (kind), which sector they belong to, their
//! registry identifiers, their place in a hierarchy (part-of) and their succession
//! (merged into another).
//!
//! Maps to FHIR `Organization` (identifier, type, name, partOf, active) and to the
//! NHS ODS "is a sub-division of" and successor relationships.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use mcn_core::{
    Identifier, IdentifierSystem, Text,
    id::{LocalityId, OrganisationId},
    index::IdIndex,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use mcn_core::vocabulary;

vocabulary! {
    /// What kind of organisation it is (FHIR `Organization.type`).
    ///
    /// The kind settles the [`Sector`] for every kind except `community_provider`
    /// and `other`: see [`OrganisationKind::sector`].
    OrganisationKind {
        /// An NHS trust (acute, community or mental health). Sector: NHS.
        NhsTrust => "nhs_trust",
        /// An NHS foundation trust. Sector: NHS.
        NhsFoundationTrust => "nhs_foundation_trust",
        /// An integrated care board, the NHS commissioner for an integrated care
        /// system. Sector: NHS.
        IntegratedCareBoard => "integrated_care_board",
        /// A general practice (GP surgery), contracted to the NHS. Sector: NHS.
        GeneralPractice => "general_practice",
        /// A children's hospice. Sector: voluntary.
        ChildrensHospice => "childrens_hospice",
        /// An adult hospice (often involved in transition). Sector: voluntary.
        AdultHospice => "adult_hospice",
        /// A community provider: an NHS community trust, a social enterprise or a
        /// private company, so the sector must be given.
        CommunityProvider => "community_provider",
        /// A local authority (council: children's social care, education). Sector:
        /// local authority.
        LocalAuthority => "local_authority",
        /// A charity other than a hospice (a parent support group, a national
        /// charity). Sector: voluntary.
        Charity => "charity",
        /// A university (education, research, evaluation). Sector: academic.
        University => "university",
        /// An independent (private) healthcare provider. Sector: independent.
        IndependentProvider => "independent_provider",
        /// Any other kind (describe it in `kind_detail`); the sector must be given.
        Other => "other",
    }
}

vocabulary! {
    /// The sector an organisation belongs to. NHS versus the rest (non-NHS) is the
    /// split that matters for reporting: see [`Sector::is_nhs`].
    Sector {
        /// The NHS (trusts, integrated care boards, general practice).
        Nhs => "nhs",
        /// Voluntary and charitable (hospices, charities): the third sector.
        Voluntary => "voluntary",
        /// Independent (private) providers.
        Independent => "independent",
        /// Local government.
        LocalAuthority => "local_authority",
        /// Universities and other academic institutions.
        Academic => "academic",
    }
}

impl Sector {
    /// Whether the sector is the NHS; every other sector is non-NHS.
    #[must_use]
    pub const fn is_nhs(self) -> bool {
        matches!(self, Self::Nhs)
    }
}

impl OrganisationKind {
    /// The sector this kind settles, or `None` for `community_provider` and
    /// `other`, whose sector must be stated explicitly.
    ///
    /// ```
    /// use mcn_organisations::{OrganisationKind, Sector};
    /// assert_eq!(OrganisationKind::ChildrensHospice.sector(), Some(Sector::Voluntary));
    /// assert_eq!(OrganisationKind::CommunityProvider.sector(), None);
    /// ```
    #[must_use]
    pub const fn sector(self) -> Option<Sector> {
        match self {
            Self::NhsTrust
            | Self::NhsFoundationTrust
            | Self::IntegratedCareBoard
            | Self::GeneralPractice => Some(Sector::Nhs),
            Self::ChildrensHospice | Self::AdultHospice | Self::Charity => Some(Sector::Voluntary),
            Self::LocalAuthority => Some(Sector::LocalAuthority),
            Self::University => Some(Sector::Academic),
            Self::IndependentProvider => Some(Sector::Independent),
            Self::CommunityProvider | Self::Other => None,
        }
    }
}

/// The organisation this one merged into, and when (ODS successor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Succession {
    /// The successor organisation.
    pub organisation: OrganisationId,
    /// The day the merger took effect: from this day the successor carries on.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub on: NaiveDate,
}

const fn default_active() -> bool {
    true
}

/// An organisation: a member of the network or a candidate, a provider of
/// services, an employer, a host of posts.
///
/// Rules (reported by [`crate::validate`], never parse errors):
/// - `sector` may be left out when the kind settles it
///   ([`OrganisationKind::sector`]) and must be given otherwise
///   (`organisations.organisation.sector_missing`); a sector that contradicts the
///   kind is `organisations.organisation.sector_contradicts_kind`.
/// - `identifiers` hold at most one identifier per system
///   (`organisations.identifier.repeated_system`), only organisation registers
///   (`organisations.identifier.professional_register`), and no identifier is
///   shared with another organisation (`organisations.identifier.duplicate`).
/// - `part_of` and `successor` chains have no cycles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The organisation's id.
    pub id: OrganisationId,
    /// Its name, e.g. "Rainbow Children's Hospice".
    pub name: Text,
    /// What kind of organisation it is.
    pub kind: OrganisationKind,
    /// A description of the kind, recommended when `kind` is `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind_detail: Option<Text>,
    /// The sector; may be left out when the kind settles it, required for
    /// `community_provider` and `other`. Use [`Organisation::sector`] to read the
    /// resolved sector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// Registry identifiers (ODS code, charity number, company number): at most one
    /// per system.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// The organisation this one is part of (a site or team of a trust; FHIR
    /// `partOf`, ODS "is a sub-division of").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<OrganisationId>,
    /// The organisation this one merged into, with the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<Succession>,
    /// The localities the organisation serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub localities: Vec<LocalityId>,
    /// Whether the organisation is still operating (FHIR `active`); default true.
    #[serde(default = "default_active")]
    pub active: bool,
}

impl Organisation {
    /// An active organisation with no sector stated, no identifiers, no parent, no
    /// successor and no localities.
    #[must_use]
    pub const fn new(id: OrganisationId, name: Text, kind: OrganisationKind) -> Self {
        Self {
            id,
            name,
            kind,
            kind_detail: None,
            sector: None,
            identifiers: Vec::new(),
            part_of: None,
            successor: None,
            localities: Vec::new(),
            active: true,
        }
    }

    /// The resolved sector: the one stated, else the one the kind settles; `None`
    /// when neither gives one (a `sector_missing` finding).
    ///
    /// When a stated sector contradicts the kind (a finding), the stated one is
    /// returned: it is the more specific statement.
    #[must_use]
    pub fn sector(&self) -> Option<Sector> {
        self.sector.or_else(|| self.kind.sector())
    }

    /// Whether the organisation is NHS (`Some(true)`), non-NHS (`Some(false)`) or of
    /// unknown sector (`None`).
    #[must_use]
    pub fn is_nhs(&self) -> Option<bool> {
        self.sector().map(Sector::is_nhs)
    }

    /// The first identifier in `system`.
    #[must_use]
    pub fn identifier(&self, system: &IdentifierSystem) -> Option<&Identifier> {
        self.identifiers.iter().find(|id| id.system() == system)
    }

    /// The NHS ODS code, if it has one.
    #[must_use]
    pub fn ods_code(&self) -> Option<&Identifier> {
        self.identifier(&IdentifierSystem::Ods)
    }

    /// Whether the organisation had merged into its successor by `as_of`.
    #[must_use]
    pub fn has_merged(&self, as_of: NaiveDate) -> bool {
        self.successor.is_some_and(|s| s.on <= as_of)
    }

    /// `"Name" (id)`, for messages.
    #[must_use]
    pub fn describe(&self) -> String {
        format!("\"{}\" ({})", self.name, self.id)
    }
}

/// Organisations by id, for O(1) lookups; built once from a slice.
///
/// Where an id occurs twice (an error `mcn-network` reports), the first one counts.
#[derive(Debug, Clone)]
pub struct OrganisationIndex<'a> {
    organisations: &'a [Organisation],
    by_id: IdIndex<OrganisationId>,
}

impl<'a> OrganisationIndex<'a> {
    /// Indexes `organisations`.
    #[must_use]
    pub fn new(organisations: &'a [Organisation]) -> Self {
        Self {
            organisations,
            by_id: IdIndex::new(organisations.iter().map(|o| o.id)),
        }
    }

    /// The organisations indexed, in document order.
    #[must_use]
    pub const fn organisations(&self) -> &'a [Organisation] {
        self.organisations
    }

    /// The organisation with this id.
    #[must_use]
    pub fn get(&self, id: OrganisationId) -> Option<&'a Organisation> {
        self.by_id
            .get(id, self.organisations)
            .map(|(_, organisation)| organisation)
    }

    /// The index (in the slice, hence in the document) of the organisation with this id.
    #[must_use]
    pub fn position(&self, id: OrganisationId) -> Option<usize> {
        self.by_id.position(id)
    }

    /// The resolved sector of the organisation with this id.
    #[must_use]
    pub fn sector(&self, id: OrganisationId) -> Option<Sector> {
        self.get(id).and_then(Organisation::sector)
    }

    /// The organisation that carries on `id` on `as_of`: follows successors whose
    /// merger had taken effect by then. Returns `id` itself when it has not merged;
    /// stops at a successor that is not in the index, and at a cycle.
    #[must_use]
    pub fn current(&self, id: OrganisationId, as_of: NaiveDate) -> OrganisationId {
        let mut current = id;
        // A chain longer than the collection must have looped.
        for _ in 0..=self.organisations.len() {
            match self
                .get(current)
                .and_then(|o| o.successor)
                .filter(|s| s.on <= as_of)
            {
                Some(next) if next.organisation != id => current = next.organisation,
                _ => break,
            }
        }
        current
    }

    /// `"Name" (id)` of the organisation, or `organisation <id>` when it is not in
    /// the index.
    #[must_use]
    pub fn describe(&self, id: OrganisationId) -> String {
        self.get(id)
            .map_or_else(|| format!("organisation {id}"), Organisation::describe)
    }
}

/// Things split by whether their organisation is NHS, non-NHS or of unknown
/// sector, each list in input order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NhsSplit<T> {
    /// Those whose organisation is NHS.
    pub nhs: Vec<T>,
    /// Those whose organisation is in another sector.
    pub non_nhs: Vec<T>,
    /// Those whose organisation's sector is unknown (or whose organisation is).
    pub unknown: Vec<T>,
}

impl<T> Default for NhsSplit<T> {
    fn default() -> Self {
        Self {
            nhs: Vec::new(),
            non_nhs: Vec::new(),
            unknown: Vec::new(),
        }
    }
}

impl<T> NhsSplit<T> {
    /// Adds `item` to the list its `sector` belongs to.
    pub fn push(&mut self, sector: Option<Sector>, item: T) {
        match sector {
            Some(s) if s.is_nhs() => self.nhs.push(item),
            Some(_) => self.non_nhs.push(item),
            None => self.unknown.push(item),
        }
    }

    /// How many items there are in all.
    #[must_use]
    pub fn total(&self) -> usize {
        self.nhs.len() + self.non_nhs.len() + self.unknown.len()
    }
}

impl<T> FromIterator<(Option<Sector>, T)> for NhsSplit<T> {
    fn from_iter<I: IntoIterator<Item = (Option<Sector>, T)>>(iter: I) -> Self {
        let mut split = Self::default();
        for (sector, item) in iter {
            split.push(sector, item);
        }
        split
    }
}

/// Organisations grouped by resolved sector (`None`: unknown), each group in
/// input order. Filter first to count only some (e.g. the active ones).
///
/// ```
/// use mcn_organisations::{Organisation, OrganisationKind, Sector, by_sector};
/// # use mcn_core::{Text, id::OrganisationId};
/// # let org = |kind| Organisation::new(OrganisationId::generate(), Text::new("x").unwrap(), kind);
/// let orgs = [org(OrganisationKind::NhsTrust), org(OrganisationKind::ChildrensHospice), org(OrganisationKind::NhsFoundationTrust)];
/// let groups = by_sector(&orgs);
/// assert_eq!(groups[&Some(Sector::Nhs)].len(), 2);
/// assert_eq!(groups[&Some(Sector::Voluntary)].len(), 1);
/// ```
pub fn by_sector<'a>(
    organisations: impl IntoIterator<Item = &'a Organisation>,
) -> BTreeMap<Option<Sector>, Vec<&'a Organisation>> {
    let mut groups: BTreeMap<Option<Sector>, Vec<&'a Organisation>> = BTreeMap::new();
    for organisation in organisations {
        groups
            .entry(organisation.sector())
            .or_default()
            .push(organisation);
    }
    groups
}

/// Organisations split into NHS, non-NHS and unknown sector, in input order.
pub fn nhs_split<'a>(
    organisations: impl IntoIterator<Item = &'a Organisation>,
) -> NhsSplit<&'a Organisation> {
    organisations
        .into_iter()
        .map(|organisation| (organisation.sector(), organisation))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use mcn_core::Identifier;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn org(kind: OrganisationKind) -> Organisation {
        Organisation::new(OrganisationId::generate(), Text::new("Org").unwrap(), kind)
    }

    #[test]
    fn kind_settles_sector_except_community_and_other() {
        let unsettled: Vec<_> = OrganisationKind::ALL
            .iter()
            .filter(|k| k.sector().is_none())
            .collect();
        assert_eq!(
            unsettled,
            [
                &OrganisationKind::CommunityProvider,
                &OrganisationKind::Other
            ]
        );
        assert_eq!(
            OrganisationKind::GeneralPractice.sector(),
            Some(Sector::Nhs)
        );
        assert_eq!(
            OrganisationKind::University.sector(),
            Some(Sector::Academic)
        );
        assert!(Sector::Nhs.is_nhs());
        assert!(Sector::ALL.iter().filter(|s| s.is_nhs()).count() == 1);
    }

    #[test]
    fn resolved_sector_prefers_the_stated_one() {
        let mut o = org(OrganisationKind::NhsTrust);
        assert_eq!(o.sector(), Some(Sector::Nhs));
        assert_eq!(o.is_nhs(), Some(true));
        o.sector = Some(Sector::Independent);
        assert_eq!(o.sector(), Some(Sector::Independent));
        let mut c = org(OrganisationKind::CommunityProvider);
        assert_eq!(c.sector(), None);
        assert_eq!(c.is_nhs(), None);
        c.sector = Some(Sector::Independent);
        assert_eq!(c.is_nhs(), Some(false));
    }

    #[test]
    fn serde_defaults_and_shape() {
        let id = OrganisationId::generate();
        let json = format!(r#"{{"id":"{id}","name":" Rainbow ","kind":"childrens_hospice"}}"#);
        let o: Organisation = serde_json::from_str(&json).unwrap();
        assert!(o.active);
        assert_eq!(o.name.as_str(), "Rainbow");
        assert_eq!(
            serde_json::to_string(&o).unwrap(),
            format!(r#"{{"id":"{id}","name":"Rainbow","kind":"childrens_hospice","active":true}}"#)
        );
        let typo = format!(r#"{{"id":"{id}","name":"x","kind":"charity","sectr":"nhs"}}"#);
        assert!(serde_json::from_str::<Organisation>(&typo).is_err());
        let bad_kind = format!(r#"{{"id":"{id}","name":"x","kind":"hospital"}}"#);
        assert!(serde_json::from_str::<Organisation>(&bad_kind).is_err());
    }

    #[test]
    fn identifiers_lookup() {
        let mut o = org(OrganisationKind::NhsTrust);
        assert!(o.ods_code().is_none());
        o.identifiers
            .push(Identifier::new(IdentifierSystem::CompaniesHouse, "01234567").unwrap());
        o.identifiers
            .push(Identifier::new(IdentifierSystem::Ods, "rcb").unwrap());
        assert_eq!(o.ods_code().unwrap().value(), "RCB");
    }

    #[test]
    fn index_follows_successors_as_of_and_survives_cycles() {
        let mut a = org(OrganisationKind::NhsTrust);
        let mut b = org(OrganisationKind::NhsTrust);
        let c = org(OrganisationKind::NhsTrust);
        a.successor = Some(Succession {
            organisation: b.id,
            on: d(2020, 4, 1),
        });
        b.successor = Some(Succession {
            organisation: c.id,
            on: d(2023, 4, 1),
        });
        let orgs = vec![a.clone(), b.clone(), c.clone()];
        let index = OrganisationIndex::new(&orgs);
        assert_eq!(index.current(a.id, d(2019, 1, 1)), a.id);
        assert_eq!(index.current(a.id, d(2020, 4, 1)), b.id);
        assert_eq!(index.current(a.id, d(2024, 1, 1)), c.id);
        assert!(a.has_merged(d(2020, 4, 1)) && !a.has_merged(d(2020, 3, 31)));
        let unknown = OrganisationId::generate();
        assert_eq!(index.current(unknown, d(2024, 1, 1)), unknown);
        assert!(index.describe(unknown).starts_with("organisation "));

        // a cycle a -> b -> a terminates
        let mut b2 = b;
        b2.successor = Some(Succession {
            organisation: a.id,
            on: d(2021, 1, 1),
        });
        let looped = vec![a.clone(), b2.clone()];
        let index = OrganisationIndex::new(&looped);
        assert_eq!(index.current(a.id, d(2024, 1, 1)), b2.id);
        assert_eq!(index.current(b2.id, d(2024, 1, 1)), a.id);
    }

    #[test]
    fn index_first_of_duplicate_ids_wins() {
        let a = org(OrganisationKind::NhsTrust);
        let mut dup = org(OrganisationKind::Charity);
        dup.id = a.id;
        let orgs = vec![a.clone(), dup];
        let index = OrganisationIndex::new(&orgs);
        assert_eq!(index.position(a.id), Some(0));
        assert_eq!(index.sector(a.id), Some(Sector::Nhs));
    }

    #[test]
    fn split_and_group() {
        let orgs = [
            org(OrganisationKind::NhsTrust),
            org(OrganisationKind::Charity),
            org(OrganisationKind::Other),
            org(OrganisationKind::IntegratedCareBoard),
        ];
        let split = nhs_split(&orgs);
        assert_eq!(split.nhs.len(), 2);
        assert_eq!(split.non_nhs.len(), 1);
        assert_eq!(split.unknown.len(), 1);
        assert_eq!(split.total(), 4);
        assert_eq!(split.nhs[1].id, orgs[3].id);
        let groups = by_sector(orgs.iter().filter(|o| o.kind != OrganisationKind::Other));
        assert_eq!(groups.len(), 2);
        assert!(!groups.contains_key(&None));
    }
}
