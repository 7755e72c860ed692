//! Which services cover each locality, directly or through a wider locality.

use std::collections::HashMap;

use chrono::NaiveDate;
use mcn_core::id::LocalityId;

use crate::{Locality, Service};

/// Merges two sorted, deduplicated index lists.
fn merge(left: &[usize], right: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut lefts, mut rights) = (left.iter().peekable(), right.iter().peekable());
    loop {
        match (lefts.peek().copied(), rights.peek().copied()) {
            (Some(&l), Some(&r)) => {
                out.push(l.min(r));
                if l <= r {
                    lefts.next();
                }
                if r <= l {
                    rights.next();
                }
            }
            (Some(&l), None) => {
                out.push(l);
                lefts.next();
            }
            (None, Some(&r)) => {
                out.push(r);
                rights.next();
            }
            (None, None) => return out,
        }
    }
}

/// For each locality (same order as `localities`), the services that cover it on
/// `as_of` and satisfy `include`: those naming it, or naming a wider locality it
/// lies in (following `parent`), each once, in service order.
///
/// Linear in the localities and services plus the size of the answer; safe on
/// parent cycles (every locality on a cycle inherits from the whole cycle). Where
/// a locality id occurs twice, a service naming it covers both entries and a
/// `parent` reference means the first.
///
/// ```
/// use mcn_core::{NaiveDate, Text, id::*};
/// use mcn_organisations::{Availability, Locality, LocalityKind, Service, ServiceKind, coverage};
/// let ics = Locality::new(LocalityId::generate(), Text::new("ICS")?, LocalityKind::IntegratedCareSystem);
/// let mut place = Locality::new(LocalityId::generate(), Text::new("Place")?, LocalityKind::Place);
/// place.parent = Some(ics.id);
/// let mut line = Service::new(ServiceId::generate(), OrganisationId::generate(),
///     ServiceKind::ConsultantAdviceLine, Availability::TwentyFourSeven);
/// line.localities = vec![ics.id];
/// let as_of = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
/// let covered = coverage(&[ics, place], std::slice::from_ref(&line), as_of, |s| s.is_24_7());
/// assert_eq!(covered[1].len(), 1); // the place is covered through its ICS
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn coverage<'a>(
    localities: &[Locality],
    services: &'a [Service],
    as_of: NaiveDate,
    mut include: impl FnMut(&Service) -> bool,
) -> Vec<Vec<&'a Service>> {
    let n = localities.len();
    let mut by_id: HashMap<LocalityId, Vec<usize>> = HashMap::with_capacity(n);
    for (index, locality) in localities.iter().enumerate() {
        by_id.entry(locality.id).or_default().push(index);
    }
    let parent: Vec<Option<usize>> = localities
        .iter()
        .map(|l| {
            l.parent
                .and_then(|p| by_id.get(&p))
                .and_then(|v| v.first().copied())
        })
        .collect();

    // Services naming each locality directly, in increasing service index.
    let mut direct: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (s, service) in services.iter().enumerate() {
        if !service.is_current(as_of) || !include(service) {
            continue;
        }
        for id in &service.localities {
            for &l in by_id.get(id).map_or(&[][..], Vec::as_slice) {
                if let Some(list) = direct.get_mut(l) {
                    // Within one service the pushes are consecutive: dedup below.
                    if list.last() != Some(&s) {
                        list.push(s);
                    }
                }
            }
        }
    }

    let mut result: Vec<Option<Vec<usize>>> = vec![None; n];
    let mut on_walk = vec![false; n];
    for start in 0..n {
        if result.get(start).is_some_and(Option::is_some) {
            continue;
        }
        // Walk up until a computed node, a root, or a node already on this walk.
        let mut walk: Vec<usize> = Vec::new();
        let mut node = start;
        let mut inherited: Vec<usize> = Vec::new();
        let mut cycle_at: Option<usize> = None;
        loop {
            if let Some(Some(done)) = result.get(node) {
                inherited.clone_from(done);
                break;
            }
            if on_walk.get(node).copied().unwrap_or(true) {
                cycle_at = walk.iter().position(|&w| w == node);
                break;
            }
            if let Some(flag) = on_walk.get_mut(node) {
                *flag = true;
            }
            walk.push(node);
            match parent.get(node).copied().flatten() {
                Some(up) => node = up,
                None => break,
            }
        }
        let below = match cycle_at {
            Some(at) => {
                let cycle = walk.get(at..).unwrap_or_default();
                let mut set = Vec::new();
                for &c in cycle {
                    set = merge(&set, direct.get(c).map_or(&[][..], Vec::as_slice));
                }
                for &c in cycle {
                    if let Some(slot) = result.get_mut(c) {
                        *slot = Some(set.clone());
                    }
                }
                inherited = set;
                walk.get(..at).unwrap_or_default()
            }
            None => walk.as_slice(),
        };
        for &w in below.iter().rev() {
            let set = merge(direct.get(w).map_or(&[][..], Vec::as_slice), &inherited);
            if let Some(slot) = result.get_mut(w) {
                *slot = Some(set.clone());
            }
            inherited = set;
        }
    }

    result
        .into_iter()
        .map(|set| {
            set.unwrap_or_default()
                .into_iter()
                .filter_map(|s| services.get(s))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use mcn_core::{
        Text,
        id::{OrganisationId, ServiceId},
    };

    use crate::{Availability, LocalityKind, ServiceKind};

    #[test]
    fn merge_sorted() {
        assert_eq!(merge(&[1, 3, 5], &[2, 3, 6]), vec![1, 2, 3, 5, 6]);
        assert_eq!(merge(&[], &[4]), vec![4]);
    }

    #[test]
    fn coverage_inherits_and_handles_cycles() {
        let as_of = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let loc = |kind| Locality::new(LocalityId::generate(), Text::new("L").unwrap(), kind);
        let region = loc(LocalityKind::Region);
        let mut ics = loc(LocalityKind::IntegratedCareSystem);
        ics.parent = Some(region.id);
        let mut place = loc(LocalityKind::Place);
        place.parent = Some(ics.id);
        let mut a = loc(LocalityKind::Place);
        let mut b = loc(LocalityKind::Place);
        a.parent = Some(b.id);
        b.parent = Some(a.id);
        let svc = |ids: Vec<LocalityId>| {
            let mut s = Service::new(
                ServiceId::generate(),
                OrganisationId::generate(),
                ServiceKind::Other,
                Availability::TwentyFourSeven,
            );
            s.localities = ids;
            s
        };
        let services = vec![
            svc(vec![region.id]),
            svc(vec![place.id, place.id]),
            svc(vec![a.id]),
        ];
        let localities = vec![place.clone(), ics, region, a, b];
        let got = coverage(&localities, &services, as_of, |_| true);
        let ids = |v: &Vec<&Service>| v.iter().map(|s| s.id).collect::<Vec<_>>();
        assert_eq!(ids(&got[0]), vec![services[0].id, services[1].id]);
        assert_eq!(ids(&got[1]), vec![services[0].id]);
        assert_eq!(ids(&got[2]), vec![services[0].id]);
        assert_eq!(ids(&got[3]), vec![services[2].id]);
        assert_eq!(ids(&got[4]), vec![services[2].id]);
        let none = coverage(&localities, &services, as_of, |_| false);
        assert!(none.iter().all(Vec::is_empty));
    }
}
