//! The rules local to this crate. Each relates entities (or fields) and reports
//! [`Finding`]s with JSON Pointer paths from the document root; none stops loading.
//!
//! Dangling references and duplicate ids are not checked here: they are
//! `mcn-network`'s cross-collection rules. The rules below skip a reference that
//! does not resolve, and where an id occurs twice the first entry counts.

use std::collections::{HashMap, hash_map::Entry};

use chrono::NaiveDate;
use mcn_core::{
    Finding, Identifier, JsonPointer,
    finding::sort_findings,
    graph::cycle_findings,
    history::{EntryAnchor, HistoryCodes, history_findings},
    index::{IdIndex, NestedIndex},
};

use crate::{
    codes,
    collections::{LOCALITIES, MEMBERSHIPS, ORGANISATIONS, SERVICES, SYSTEMS},
    locality::Locality,
    membership::{Membership, MembershipTier},
    organisation::{Organisation, OrganisationIndex},
    service::Service,
    system_use::SystemUse,
};

/// The collections this crate validates, each as the whole document array (index
/// `i` in a slice is index `i` in the document). Leave out (empty) what you do not have.
#[derive(Debug, Clone, Copy, Default)]
pub struct OrganisationsData<'a> {
    /// `/localities`.
    pub localities: &'a [Locality],
    /// `/organisations`.
    pub organisations: &'a [Organisation],
    /// `/memberships`.
    pub memberships: &'a [Membership],
    /// `/services`.
    pub services: &'a [Service],
    /// `/systems`.
    pub systems: &'a [SystemUse],
}

/// Runs every rule of this crate (the codes in [`codes::ALL`]) as of `as_of`.
///
/// Findings come sorted by path, then code, then message. Linear in the size
/// of the data (plus sorting the findings).
#[must_use]
pub fn validate(data: &OrganisationsData<'_>, as_of: NaiveDate) -> Vec<Finding> {
    let index = OrganisationIndex::new(data.organisations);
    let mut findings = localities(data.localities);
    findings.extend(organisations(data.organisations, &index, as_of));
    findings.extend(memberships(data.memberships, &index, as_of));
    findings.extend(services(data.services, &index));
    findings.extend(systems(data.systems, &index));
    sort_findings(&mut findings);
    findings
}

fn localities(localities: &[Locality]) -> Vec<Finding> {
    let describe = |i: usize| {
        localities
            .get(i)
            .map_or_else(String::new, Locality::describe)
    };
    let mut findings = cycle_findings(
        localities.iter().map(|l| (l.id, l.parent)),
        codes::LOCALITY_CYCLE,
        |i| JsonPointer::entry(LOCALITIES, i).key("parent"),
        describe,
        "lies within",
    );
    let first = IdIndex::new(localities.iter().map(|l| l.id));
    for (index, locality) in localities.iter().enumerate() {
        let base = JsonPointer::entry(LOCALITIES, index);
        let parent = locality
            .parent
            .and_then(|id| first.get(id, localities))
            .filter(|&(p, _)| p != index);
        if let Some((p, parent)) = parent
            && parent.kind.depth() >= locality.kind.depth()
        {
            findings.push(
                codes::LOCALITY_PARENT_KIND
                    .at(
                        base.clone().key("parent"),
                        format!(
                            "{} is a {} but lies within {}, a {}: a parent should be at a wider level (region > integrated care system > place)",
                            locality.describe(),
                            locality.kind,
                            parent.describe(),
                            parent.kind
                        ),
                    )
                    .with_related(JsonPointer::entry(LOCALITIES, p)),
            );
        }
        if let (Some(population), Some(estimate)) = (
            locality.population_0_19,
            locality.children_with_llc_estimate,
        ) && estimate > population
        {
            findings.push(
                codes::LOCALITY_ESTIMATE_EXCEEDS_POPULATION.at(
                    base.key("children_with_llc_estimate"),
                    format!(
                        "{} estimates {estimate} children with a life-limiting condition but has only {population} children aged 0-19",
                        locality.describe()
                    ),
                ),
            );
        }
    }
    findings
}

fn organisations(
    organisations: &[Organisation],
    index: &OrganisationIndex<'_>,
    as_of: NaiveDate,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let holders = NestedIndex::new(organisations.iter().enumerate().flat_map(|(i, o)| {
        o.identifiers
            .iter()
            .enumerate()
            .map(move |(j, identifier)| (i, j, identifier))
    }));
    for (i, organisation) in organisations.iter().enumerate() {
        let base = JsonPointer::entry(ORGANISATIONS, i);
        let who = organisation.describe();
        match (organisation.kind.sector(), organisation.sector) {
            (Some(implied), Some(stated)) if implied != stated => findings.push(
                codes::ORGANISATION_SECTOR_CONTRADICTS_KIND.at(
                    base.clone().key("sector"),
                    format!(
                        "{who} is a {} (sector {implied}) but its sector is given as {stated}",
                        organisation.kind
                    ),
                ),
            ),
            (None, None) => findings.push(codes::ORGANISATION_SECTOR_MISSING.at(
                base.clone(),
                format!(
                    "{who} is a {}, which may belong to any sector, and has no sector: give one of nhs, voluntary, independent, local_authority, academic",
                    organisation.kind
                ),
            )),
            _ => {}
        }

        identifier_findings(organisations, i, &holders, &mut findings);

        if organisation.active
            && let Some(succession) = organisation.successor
            && succession.on <= as_of
        {
            let mut finding = codes::SUCCESSOR_STILL_ACTIVE.at(
                base.clone().key("active"),
                format!(
                    "{who} merged into {} on {} but is still marked active on {as_of}",
                    index.describe(succession.organisation),
                    succession.on
                ),
            );
            if let Some(successor_at) = index.position(succession.organisation) {
                finding = finding.with_related(JsonPointer::entry(ORGANISATIONS, successor_at));
            }
            findings.push(finding);
        }
    }

    let describe = |i: usize| {
        organisations
            .get(i)
            .map_or_else(String::new, Organisation::describe)
    };
    findings.extend(cycle_findings(
        organisations.iter().map(|o| (o.id, o.part_of)),
        codes::PART_OF_CYCLE,
        |i| JsonPointer::entry(ORGANISATIONS, i).key("part_of"),
        describe,
        "is part of",
    ));
    findings.extend(cycle_findings(
        organisations
            .iter()
            .map(|o| (o.id, o.successor.map(|s| s.organisation))),
        codes::SUCCESSOR_CYCLE,
        |i| JsonPointer::entry(ORGANISATIONS, i).key("successor"),
        describe,
        "merged into",
    ));
    findings
}

/// Identifier rules for organisation `i`; `holders` locates each identifier's
/// first occurrence in the document.
fn identifier_findings(
    organisations: &[Organisation],
    i: usize,
    holders: &NestedIndex<&Identifier>,
    findings: &mut Vec<Finding>,
) {
    let Some(organisation) = organisations.get(i) else {
        return;
    };
    let base = JsonPointer::entry(ORGANISATIONS, i);
    let who = organisation.describe();
    let systems = IdIndex::new(organisation.identifiers.iter().map(Identifier::system));
    for (j, identifier) in organisation.identifiers.iter().enumerate() {
        let path = base.clone().key("identifiers").index(j);
        if identifier.system().is_professional_register() {
            findings.push(codes::IDENTIFIER_PROFESSIONAL_REGISTER.at(
                path.clone(),
                format!(
                    "{who} has identifier {identifier} from a register of professionals; organisations are identified by ODS, charity or company numbers"
                ),
            ));
        }
        if let Some(first_at) = systems
            .position(identifier.system())
            .filter(|&first_at| first_at != j)
        {
            let earlier = organisation
                .identifiers
                .get(first_at)
                .map_or_else(String::new, ToString::to_string);
            findings.push(
                codes::IDENTIFIER_REPEATED_SYSTEM
                    .at(
                        path.clone(),
                        format!(
                            "{who} has a second {} identifier {identifier} besides {earlier}: at most one per system",
                            identifier.system()
                        ),
                    )
                    .with_related(base.clone().key("identifiers").index(first_at)),
            );
        }
        if let Some((other, other_j)) = holders.position(identifier)
            && other != i
        {
            let holder = organisations
                .get(other)
                .map_or_else(String::new, Organisation::describe);
            findings.push(
                codes::IDENTIFIER_DUPLICATE
                    .at(
                        path,
                        format!("identifier {identifier} of {who} is already given to {holder}"),
                    )
                    .with_related(
                        JsonPointer::entry(ORGANISATIONS, other)
                            .key("identifiers")
                            .index(other_j),
                    ),
            );
        }
    }
}

/// The codes a membership's status history reports its problems with.
const MEMBERSHIP_HISTORY: HistoryCodes = HistoryCodes {
    illegal_start: codes::MEMBERSHIP_NOT_INVITED_FIRST,
    out_of_order: codes::MEMBERSHIP_OUT_OF_ORDER,
    illegal_transition: codes::MEMBERSHIP_ILLEGAL_TRANSITION,
};

fn memberships(
    memberships: &[Membership],
    index: &OrganisationIndex<'_>,
    as_of: NaiveDate,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let first_by_organisation = IdIndex::new(memberships.iter().map(|m| m.organisation));
    for (i, membership) in memberships.iter().enumerate() {
        let base = JsonPointer::entry(MEMBERSHIPS, i);
        let who = index.describe(membership.organisation);
        findings.extend(history_findings(
            &membership.status,
            &base.clone().key("status"),
            &MEMBERSHIP_HISTORY,
            EntryAnchor::Entry,
            &format!("membership of {who}"),
        ));

        if let Some((first, earlier)) = first_by_organisation
            .get(membership.organisation, memberships)
            .filter(|&(first, _)| first != i)
        {
            findings.push(
                codes::MEMBERSHIP_DUPLICATE
                    .at(
                        base.clone().key("organisation"),
                        format!(
                            "{who} already has membership {} at /memberships/{first}: record a re-joining in the same status history",
                            earlier.id
                        ),
                    )
                    .with_related(JsonPointer::entry(MEMBERSHIPS, first).key("organisation")),
            );
        }

        if membership.tier == MembershipTier::Full && membership.is_active(as_of) {
            match membership.agreement_signed_on {
                None => findings.push(codes::MEMBERSHIP_NO_AGREEMENT.at(
                    base,
                    format!(
                        "{who} is an active full member on {as_of} but has not signed the network agreement"
                    ),
                )),
                Some(signed) if signed > as_of => findings.push(codes::MEMBERSHIP_NO_AGREEMENT.at(
                    base.key("agreement_signed_on"),
                    format!(
                        "{who} is an active full member on {as_of} but signs the network agreement only on {signed}"
                    ),
                )),
                Some(_) => {}
            }
        }
    }
    findings
}

fn services(services: &[Service], index: &OrganisationIndex<'_>) -> Vec<Finding> {
    services
        .iter()
        .enumerate()
        .filter(|(_, service)| service.localities.is_empty())
        .map(|(i, service)| {
            codes::SERVICE_NO_COVERAGE.at(
                JsonPointer::entry(SERVICES, i),
                format!(
                    "{} of {} covers no locality: list the localities it serves",
                    service.describe(),
                    index.describe(service.provider)
                ),
            )
        })
        .collect()
}

fn systems(systems: &[SystemUse], index: &OrganisationIndex<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut first = HashMap::with_capacity(systems.len());
    for (i, system) in systems.iter().enumerate() {
        let key = (system.organisation, system.system.as_str().to_lowercase());
        match first.entry(key) {
            Entry::Occupied(earlier) => findings.push(
                codes::SYSTEM_DUPLICATE
                    .at(
                        JsonPointer::entry(SYSTEMS, i).key("system"),
                        format!(
                            "{} lists record system \"{}\" again (first at /systems/{})",
                            index.describe(system.organisation),
                            system.system,
                            earlier.get()
                        ),
                    )
                    .with_related(JsonPointer::entry(SYSTEMS, *earlier.get()).key("system")),
            ),
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
    findings
}
