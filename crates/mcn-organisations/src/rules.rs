//! The rules local to this crate. Each relates entities (or fields) and reports
//! [`Finding`]s with JSON Pointer paths from the document root; none stops loading.
//!
//! Dangling references and duplicate ids are not checked here: they are
//! `mcn-network`'s cross-collection rules. The rules below skip a reference that
//! does not resolve, and where an id occurs twice the first entry counts.

use std::{
    collections::{HashMap, hash_map::Entry},
    hash::Hash,
};

use chrono::NaiveDate;
use mcn_core::{
    Finding, FindingCode, Identifier, IdentifierSystem, JsonPointer,
    graph::parent_cycles,
    history::HistoryProblem,
    id::{LocalityId, OrganisationId},
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
/// Findings come sorted by path, then code. Linear in the size of the data (plus
/// sorting the findings).
#[must_use]
pub fn validate(data: &OrganisationsData<'_>, as_of: NaiveDate) -> Vec<Finding> {
    let index = OrganisationIndex::new(data.organisations);
    let mut findings = localities(data.localities);
    findings.extend(organisations(data.organisations, &index, as_of));
    findings.extend(memberships(data.memberships, &index, as_of));
    findings.extend(services(data.services, &index));
    findings.extend(systems(data.systems, &index));
    findings.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.code.cmp(&b.code)));
    findings
}

fn at(collection: &str, index: usize) -> JsonPointer {
    JsonPointer::root().key(collection).index(index)
}

/// One finding per cycle among `(id, parent)` entries (index = position), at the
/// cycle's first entry in document order, with the others as related paths.
fn cycle_findings<K: Copy + Eq + Hash + Ord>(
    nodes: impl Iterator<Item = (K, Option<K>)>,
    code: FindingCode,
    field: impl Fn(usize) -> JsonPointer,
    describe: impl Fn(usize) -> String,
    relation: &str,
) -> Vec<Finding> {
    let mut first: HashMap<K, usize> = HashMap::new();
    let mut edges = Vec::new();
    for (index, (id, parent)) in nodes.enumerate() {
        if let Entry::Vacant(slot) = first.entry(id) {
            slot.insert(index);
            if let Some(parent) = parent {
                edges.push((id, parent));
            }
        }
    }
    let mut findings = Vec::new();
    for cycle in parent_cycles(edges) {
        let mut members: Vec<usize> = cycle
            .iter()
            .filter_map(|id| first.get(id).copied())
            .collect();
        let Some(start) = members
            .iter()
            .enumerate()
            .min_by_key(|(_, index)| **index)
            .map(|(at, _)| at)
        else {
            continue;
        };
        members.rotate_left(start);
        let Some(&head) = members.first() else {
            continue;
        };
        let message = if members.len() == 1 {
            format!("{} {relation} itself", describe(head))
        } else {
            let chain: Vec<String> = members.iter().map(|&i| describe(i)).collect();
            format!(
                "{}, which {relation} {}: a cycle",
                chain.join(&format!(" {relation} ")),
                describe(head)
            )
        };
        let finding = members
            .iter()
            .skip(1)
            .fold(code.at(field(head), message), |f, &i| {
                f.with_related(field(i))
            });
        findings.push(finding);
    }
    findings.sort_by(|a, b| a.path.cmp(&b.path));
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
        |i| at(LOCALITIES, i).key("parent"),
        describe,
        "lies within",
    );
    let mut first: HashMap<LocalityId, usize> = HashMap::with_capacity(localities.len());
    for (index, locality) in localities.iter().enumerate() {
        first.entry(locality.id).or_insert(index);
    }
    for (index, locality) in localities.iter().enumerate() {
        let base = at(LOCALITIES, index);
        let parent = locality
            .parent
            .and_then(|id| first.get(&id).copied())
            .filter(|&p| p != index)
            .and_then(|p| localities.get(p).map(|l| (p, l)));
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
                    .with_related(at(LOCALITIES, p)),
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
    let mut seen = HashMap::new();
    for (i, organisation) in organisations.iter().enumerate() {
        let base = at(ORGANISATIONS, i);
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

        identifier_findings(organisations, i, &mut seen, &mut findings);

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
                finding = finding.with_related(at(ORGANISATIONS, successor_at));
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
        |i| at(ORGANISATIONS, i).key("part_of"),
        describe,
        "is part of",
    ));
    findings.extend(cycle_findings(
        organisations
            .iter()
            .map(|o| (o.id, o.successor.map(|s| s.organisation))),
        codes::SUCCESSOR_CYCLE,
        |i| at(ORGANISATIONS, i).key("successor"),
        describe,
        "merged into",
    ));
    findings
}

/// Identifier rules for organisation `i`; `seen` maps each identifier to where
/// it was first given.
fn identifier_findings<'a>(
    organisations: &'a [Organisation],
    i: usize,
    seen: &mut HashMap<&'a Identifier, (usize, usize)>,
    findings: &mut Vec<Finding>,
) {
    let Some(organisation) = organisations.get(i) else {
        return;
    };
    let base = at(ORGANISATIONS, i);
    let who = organisation.describe();
    let mut systems: HashMap<&IdentifierSystem, usize> = HashMap::new();
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
        match systems.entry(identifier.system()) {
            Entry::Occupied(first) => {
                let first_at = *first.get();
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
            Entry::Vacant(slot) => {
                slot.insert(j);
            }
        }
        match seen.entry(identifier) {
            Entry::Occupied(first) => {
                let (other, other_j) = *first.get();
                if other != i {
                    let holder = organisations
                        .get(other)
                        .map_or_else(String::new, Organisation::describe);
                    findings.push(
                        codes::IDENTIFIER_DUPLICATE
                            .at(
                                path,
                                format!(
                                    "identifier {identifier} of {who} is already given to {holder}"
                                ),
                            )
                            .with_related(
                                at(ORGANISATIONS, other).key("identifiers").index(other_j),
                            ),
                    );
                }
            }
            Entry::Vacant(slot) => {
                slot.insert((i, j));
            }
        }
    }
}

fn memberships(
    memberships: &[Membership],
    index: &OrganisationIndex<'_>,
    as_of: NaiveDate,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut first_by_organisation: HashMap<OrganisationId, usize> =
        HashMap::with_capacity(memberships.len());
    for (i, membership) in memberships.iter().enumerate() {
        let base = at(MEMBERSHIPS, i);
        let status = |j: usize| base.clone().key("status").index(j);
        let who = index.describe(membership.organisation);
        let changes = membership.status.changes();
        let date = |j: usize| changes.get(j).map(|c| c.on.to_string()).unwrap_or_default();
        for problem in membership.status.problems() {
            match problem {
                HistoryProblem::IllegalStart { status: first } => {
                    findings.push(codes::MEMBERSHIP_NOT_INVITED_FIRST.at(
                        status(0),
                        format!(
                            "membership of {who} begins as {first} on {}: a membership begins with an invitation",
                            date(0)
                        ),
                    ));
                }
                HistoryProblem::OutOfOrder {
                    index: j,
                    on,
                    previous_on,
                } => findings.push(
                    codes::MEMBERSHIP_OUT_OF_ORDER
                        .at(
                            status(j),
                            format!(
                                "membership of {who}: change {j} is dated {on}, before the change listed before it ({previous_on})"
                            ),
                        )
                        .with_related(status(j.saturating_sub(1))),
                ),
                HistoryProblem::IllegalTransition { index: j, from, to } => findings.push(
                    codes::MEMBERSHIP_ILLEGAL_TRANSITION.at(
                        status(j),
                        format!(
                            "membership of {who} goes from {from} to {to} on {}, which the membership lifecycle does not allow",
                            date(j)
                        ),
                    ),
                ),
                _ => {}
            }
        }

        match first_by_organisation.entry(membership.organisation) {
            Entry::Occupied(first) => findings.push(
                codes::MEMBERSHIP_DUPLICATE
                    .at(
                        base.clone().key("organisation"),
                        format!(
                            "{who} already has membership {} at /memberships/{}: record a re-joining in the same status history",
                            memberships.get(*first.get()).map(|m| m.id.to_string()).unwrap_or_default(),
                            first.get()
                        ),
                    )
                    .with_related(at(MEMBERSHIPS, *first.get()).key("organisation")),
            ),
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
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
                at(SERVICES, i),
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
                        at(SYSTEMS, i).key("system"),
                        format!(
                            "{} lists record system \"{}\" again (first at /systems/{})",
                            index.describe(system.organisation),
                            system.system,
                            earlier.get()
                        ),
                    )
                    .with_related(at(SYSTEMS, *earlier.get()).key("system")),
            ),
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
    findings
}
