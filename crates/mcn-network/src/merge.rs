//! Merging organisations from elsewhere (a FHIR import, a register) into a
//! document: matched by ODS code, else by id; what matched is updated in
//! place and keeps its id, the rest is added.

use std::collections::{HashMap, HashSet};

use mcn_core::{Identifier, id::OrganisationId};
use mcn_organisations::{Organisation, OrganisationKind};
use serde::Serialize;

use crate::NetworkDocument;

/// What a merge did, each list in order (imported organisations in input
/// order, left ones in document order), by the organisation's id in the
/// document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MergeSummary {
    /// Imported organisations that matched none in the document: appended.
    pub added: Vec<OrganisationId>,
    /// Document organisations an imported one matched and changed.
    pub updated: Vec<OrganisationId>,
    /// Document organisations an imported one matched without changing them.
    pub unchanged: Vec<OrganisationId>,
    /// Document organisations no imported one matched: left as they were.
    pub left: Vec<OrganisationId>,
    /// Details worth telling the user (localities left out, an organisation
    /// matched twice).
    pub notes: Vec<String>,
}

impl NetworkDocument {
    /// Merges `imported` into the document's `organisations`.
    ///
    /// An imported organisation matches the document organisation with the same
    /// ODS code, or else the one with the same id. A match is **updated**: it
    /// keeps its id (other entities refer to it), takes the imported name,
    /// `active` flag and sector (when stated), takes the imported kind and
    /// `kind_detail` unless the import only knew kind `other` and the document
    /// knows better, and takes each imported identifier in place of its own in
    /// the same system (identifiers in other systems stay). `part_of` and
    /// `successor`, when imported, are mapped to document ids; localities, when
    /// imported, replace the document's (only those the document has).
    /// Organisations that match nothing are **added** (with localities the
    /// document does not have left out); document organisations nothing matched
    /// are **left** as they were.
    pub fn merge_organisations(&mut self, imported: Vec<Organisation>) -> MergeSummary {
        merge_organisations(self, imported)
    }
}

fn merge_organisations(
    document: &mut NetworkDocument,
    imported: Vec<Organisation>,
) -> MergeSummary {
    let mut summary = MergeSummary::default();
    let mut by_ods: HashMap<String, usize> = HashMap::new();
    let mut by_id: HashMap<OrganisationId, usize> = HashMap::new();
    for (index, organisation) in document.organisations.iter().enumerate() {
        if let Some(ods) = organisation.ods_code() {
            by_ods.entry(ods.value().to_owned()).or_insert(index);
        }
        by_id.entry(organisation.id).or_insert(index);
    }
    let targets: Vec<Option<usize>> = imported
        .iter()
        .map(|organisation| {
            organisation
                .ods_code()
                .and_then(|ods| by_ods.get(ods.value()))
                .or_else(|| by_id.get(&organisation.id))
                .copied()
        })
        .collect();
    // Imported id -> the id it has in the document after the merge.
    let ids: HashMap<OrganisationId, OrganisationId> = imported
        .iter()
        .zip(&targets)
        .map(|(organisation, target)| {
            let id = target
                .and_then(|at| document.organisations.get(at))
                .map_or(organisation.id, |existing| existing.id);
            (organisation.id, id)
        })
        .collect();
    let known_localities: HashSet<_> = document.localities.iter().map(|l| l.id).collect();
    let map_id = |id: OrganisationId| ids.get(&id).copied().unwrap_or(id);

    let mut matched = HashSet::new();
    for (mut incoming, target) in imported.into_iter().zip(targets) {
        incoming.part_of = incoming.part_of.map(map_id);
        if let Some(successor) = &mut incoming.successor {
            successor.organisation = map_id(successor.organisation);
        }
        let before = incoming.localities.len();
        incoming
            .localities
            .retain(|locality| known_localities.contains(locality));
        if incoming.localities.len() < before {
            summary.notes.push(format!(
                "{}: {} localit{} not in the document left out",
                incoming.describe(),
                before - incoming.localities.len(),
                if before - incoming.localities.len() == 1 {
                    "y"
                } else {
                    "ies"
                }
            ));
        }
        match target.and_then(|at| document.organisations.get_mut(at)) {
            None => {
                summary.added.push(incoming.id);
                document.organisations.push(incoming);
            }
            Some(existing) => {
                if !matched.insert(existing.id) {
                    summary.notes.push(format!(
                        "{} was matched by more than one imported organisation: the last one counts",
                        existing.describe()
                    ));
                }
                let merged = updated(existing, incoming);
                if merged == *existing {
                    summary.unchanged.push(existing.id);
                } else {
                    summary.updated.push(existing.id);
                    *existing = merged;
                }
            }
        }
    }
    let added: HashSet<_> = summary.added.iter().copied().collect();
    summary.left = document
        .organisations
        .iter()
        .filter(|o| !matched.contains(&o.id) && !added.contains(&o.id))
        .map(|o| o.id)
        .collect();
    summary
}

/// `existing` with what `incoming` says about it.
fn updated(existing: &Organisation, incoming: Organisation) -> Organisation {
    let mut merged = existing.clone();
    merged.name = incoming.name;
    merged.active = incoming.active;
    if incoming.kind != OrganisationKind::Other || existing.kind == OrganisationKind::Other {
        merged.kind = incoming.kind;
        merged.kind_detail = incoming.kind_detail;
    }
    if incoming.sector.is_some() {
        merged.sector = incoming.sector;
    }
    for identifier in incoming.identifiers {
        replace_in_system(&mut merged.identifiers, identifier);
    }
    if incoming.part_of.is_some() {
        merged.part_of = incoming.part_of;
    }
    if incoming.successor.is_some() {
        merged.successor = incoming.successor;
    }
    if !incoming.localities.is_empty() {
        merged.localities = incoming.localities;
    }
    merged
}

fn replace_in_system(identifiers: &mut Vec<Identifier>, identifier: Identifier) {
    match identifiers
        .iter_mut()
        .find(|existing| existing.system() == identifier.system())
    {
        Some(existing) => *existing = identifier,
        None => identifiers.push(identifier),
    }
}
