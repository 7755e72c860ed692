//! Queries never panic on arbitrary data and agree with naive, brute-force
//! reference computations.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use mcn_core::{
    NaiveDate,
    id::{LocalityId, OrganisationId},
};
use mcn_organisations::{
    CanShare, Locality, Membership, MembershipStatus, Organisation, OrganisationIndex, Sector,
    Service, SystemUse, active_members, active_members_by_sector, active_members_nhs_split,
    by_sector, coverage, memberships_by_status, nhs_split, sharing_by_organisation, strategy,
};
use proptest::prelude::*;

/// The `k`th of a small pool of ids, so that references collide and resolve.
fn pool<T: std::str::FromStr>(k: usize) -> T
where
    T::Err: std::fmt::Debug,
{
    format!("00000000-0000-7000-8000-{k:012}").parse().unwrap()
}

/// The status on `as_of` by brute force: the latest-dated change on or before it,
/// the last listed among equal dates.
fn naive_status(m: &Membership, as_of: NaiveDate) -> Option<MembershipStatus> {
    let mut best: Option<(NaiveDate, usize, MembershipStatus)> = None;
    for (i, change) in m.status.changes().iter().enumerate() {
        if change.on <= as_of && best.is_none_or(|(on, j, _)| (change.on, i) > (on, j)) {
            best = Some((change.on, i, change.status));
        }
    }
    best.map(|(_, _, s)| s)
}

/// Memberships (legal or not) of organisations drawn from a pool of `orgs`.
fn memberships(orgs: usize) -> impl Strategy<Value = Vec<Membership>> {
    prop::collection::vec(
        (
            prop_oneof![strategy::membership(), strategy::any_membership()],
            0..orgs,
        ),
        0..12,
    )
    .prop_map(|entries| {
        entries
            .into_iter()
            .map(|(mut m, k)| {
                m.organisation = pool(k);
                m
            })
            .collect()
    })
}

/// Organisations with ids from a pool of `orgs` (duplicates possible).
fn organisations(orgs: usize) -> impl Strategy<Value = Vec<Organisation>> {
    prop::collection::vec(
        (
            strategy::organisation(),
            0..orgs,
            prop::option::of(0..orgs),
            prop::option::of(mcn_core::strategy::vocabulary::<Sector>()),
        ),
        0..10,
    )
    .prop_map(|entries| {
        entries
            .into_iter()
            .map(|(mut o, k, part_of, sector)| {
                o.id = pool(k);
                o.part_of = part_of.map(pool);
                o.sector = sector.or(o.sector);
                o
            })
            .collect()
    })
}

/// Naive membership statuses by brute force, as the queries should see them.
fn naive_active(memberships: &[Membership], as_of: NaiveDate) -> Vec<&Membership> {
    memberships
        .iter()
        .filter(|m| naive_status(m, as_of) == Some(MembershipStatus::Active))
        .collect()
}

fn naive_sector(organisations: &[Organisation], id: OrganisationId) -> Option<Sector> {
    organisations
        .iter()
        .find(|o| o.id == id)
        .and_then(|o| o.sector.or(o.kind.sector()))
}

proptest! {
    #[test]
    fn membership_status_queries_agree_with_brute_force(
        memberships in memberships(4),
        as_of in strategy::as_of(),
    ) {
        for m in &memberships {
            prop_assert_eq!(m.status_as_of(as_of), naive_status(m, as_of));
            prop_assert_eq!(m.is_active(as_of), naive_status(m, as_of) == Some(MembershipStatus::Active));
        }
        let active: Vec<_> = active_members(&memberships, as_of).iter().map(|m| m.id).collect();
        let naive: Vec<_> = naive_active(&memberships, as_of).iter().map(|m| m.id).collect();
        prop_assert_eq!(active, naive);

        let grouped = memberships_by_status(&memberships, as_of);
        for status in &MembershipStatus::ALL {
            let got: Vec<_> = grouped.get(status).map(|v| v.iter().map(|m| m.id).collect()).unwrap_or_default();
            let naive: Vec<_> = memberships.iter().filter(|m| naive_status(m, as_of) == Some(*status)).map(|m| m.id).collect();
            prop_assert_eq!(got, naive);
        }
        prop_assert!(grouped.values().all(|v| !v.is_empty()));
    }

    #[test]
    fn active_periods_agree_with_is_active_every_day(
        membership in prop_oneof![strategy::membership(), strategy::any_membership()],
        probes in prop::collection::vec(strategy::as_of(), 1..20),
    ) {
        let periods = membership.active_periods();
        for w in periods.windows(2) {
            prop_assert!(w[0].end().unwrap() < w[1].start(), "{periods:?}");
        }
        // probe random days and every change date and the day before each
        let mut days: Vec<NaiveDate> = probes;
        for change in membership.status.changes() {
            days.push(change.on);
            days.extend(change.on.pred_opt());
        }
        for day in days {
            prop_assert_eq!(
                periods.iter().any(|p| p.contains(day)),
                membership.is_active(day),
                "day {} periods {:?}", day, periods
            );
        }
    }

    #[test]
    fn members_by_sector_agree_with_brute_force(
        organisations in organisations(5),
        memberships in memberships(6),
        as_of in strategy::as_of(),
    ) {
        let index = OrganisationIndex::new(&organisations);
        let grouped = active_members_by_sector(&memberships, |id| index.sector(id), as_of);
        let mut naive: BTreeMap<Option<Sector>, Vec<_>> = BTreeMap::new();
        for m in naive_active(&memberships, as_of) {
            naive.entry(naive_sector(&organisations, m.organisation)).or_default().push(m.id);
        }
        let got: BTreeMap<_, Vec<_>> = grouped.iter().map(|(k, v)| (*k, v.iter().map(|m| m.id).collect())).collect();
        prop_assert_eq!(&got, &naive);

        let split = active_members_nhs_split(&memberships, |id| index.sector(id), as_of);
        let ids = |v: &Vec<&Membership>| v.iter().map(|m| m.id).collect::<Vec<_>>();
        let naive_nhs: Vec<_> = naive_active(&memberships, as_of).iter()
            .filter(|m| naive_sector(&organisations, m.organisation) == Some(Sector::Nhs)).map(|m| m.id).collect();
        let naive_unknown: Vec<_> = naive_active(&memberships, as_of).iter()
            .filter(|m| naive_sector(&organisations, m.organisation).is_none()).map(|m| m.id).collect();
        prop_assert_eq!(ids(&split.nhs), naive_nhs);
        prop_assert_eq!(ids(&split.unknown), naive_unknown);
        prop_assert_eq!(split.total(), naive_active(&memberships, as_of).len());
    }

    #[test]
    fn organisation_sector_queries_agree_with_brute_force(organisations in organisations(8)) {
        let groups = by_sector(&organisations);
        let total: usize = groups.values().map(Vec::len).sum();
        prop_assert_eq!(total, organisations.len());
        for (sector, members) in &groups {
            let naive: Vec<_> = organisations.iter().filter(|o| o.sector.or(o.kind.sector()) == *sector).map(|o| o.id).collect();
            prop_assert_eq!(members.iter().map(|o| o.id).collect::<Vec<_>>(), naive);
        }
        let split = nhs_split(&organisations);
        prop_assert_eq!(split.nhs.len(), organisations.iter().filter(|o| o.is_nhs() == Some(true)).count());
        prop_assert_eq!(split.non_nhs.len(), organisations.iter().filter(|o| o.is_nhs() == Some(false)).count());
        prop_assert_eq!(split.unknown.len(), organisations.iter().filter(|o| o.sector().is_none()).count());
    }

    #[test]
    fn successor_resolution_ends_where_no_merger_has_taken_effect(
        organisations in organisations(6),
        successors in prop::collection::vec(prop::option::of((0_usize..6, strategy::as_of())), 10),
        as_of in strategy::as_of(),
    ) {
        let mut organisations = organisations;
        for (o, s) in organisations.iter_mut().zip(successors) {
            o.successor = s.map(|(k, on)| mcn_organisations::Succession { organisation: pool(k), on });
        }
        let index = OrganisationIndex::new(&organisations);
        for o in &organisations {
            let current = index.current(o.id, as_of);
            // brute force: follow effective mergers with a visited set
            let mut seen = HashSet::new();
            let mut node = o.id;
            let mut looped = false;
            loop {
                if !seen.insert(node) { looped = true; break; }
                match organisations.iter().find(|x| x.id == node).and_then(|x| x.successor).filter(|s| s.on <= as_of) {
                    Some(s) => node = s.organisation,
                    None => break,
                }
            }
            if looped {
                prop_assert!(seen.contains(&current));
            } else {
                prop_assert_eq!(current, node);
            }
        }
    }

    #[test]
    fn coverage_agrees_with_brute_force(
        raw_localities in prop::collection::vec((strategy::locality(), 0_usize..8, prop::option::of(0_usize..9)), 0..10),
        raw_services in prop::collection::vec((strategy::service(), prop::collection::vec(0_usize..9, 0..4), any::<bool>()), 0..10),
        as_of in strategy::as_of(),
    ) {
        let localities: Vec<Locality> = raw_localities.into_iter().map(|(mut l, k, parent)| {
            l.id = pool(k);
            l.parent = parent.map(pool);
            l
        }).collect();
        let services: Vec<Service> = raw_services.into_iter().map(|(mut s, ks, twenty_four_seven)| {
            s.localities = ks.into_iter().map(pool).collect();
            if twenty_four_seven { s.availability = mcn_organisations::Availability::TwentyFourSeven; }
            s
        }).collect();
        let got = coverage(&localities, &services, as_of, Service::is_24_7);
        prop_assert_eq!(got.len(), localities.len());
        for (i, covering) in got.iter().enumerate() {
            // ancestors (self included) by position; a parent id means its first entry
            let mut visited: Vec<usize> = Vec::new();
            let mut node = Some(i);
            while let Some(n) = node {
                if visited.contains(&n) { break; }
                visited.push(n);
                node = localities[n].parent.and_then(|p| localities.iter().position(|x| x.id == p));
            }
            let chain: Vec<LocalityId> = visited.iter().map(|&n| localities[n].id).collect();
            let naive: BTreeSet<usize> = services.iter().enumerate()
                .filter(|(_, s)| s.is_current(as_of) && s.is_24_7() && s.localities.iter().any(|id| chain.contains(id)))
                .map(|(k, _)| k)
                .collect();
            let got_indices: Vec<usize> = covering.iter()
                .map(|s| services.iter().position(|x| std::ptr::eq(x, *s)).unwrap())
                .collect();
            let mut sorted = got_indices.clone();
            sorted.sort_unstable();
            sorted.dedup();
            prop_assert_eq!(&got_indices, &sorted, "in service order, each once");
            prop_assert_eq!(sorted.into_iter().collect::<BTreeSet<_>>(), naive);
        }
    }

    #[test]
    fn sharing_is_the_best_per_organisation(
        raw in prop::collection::vec((strategy::system_use(), 0_usize..4), 0..12),
    ) {
        let systems: Vec<SystemUse> = raw.into_iter().map(|(mut s, k)| { s.organisation = pool(k); s }).collect();
        let best = sharing_by_organisation(&systems);
        for (organisation, ability) in &best {
            let naive = systems.iter().filter(|s| s.organisation == *organisation).map(|s| s.can_share).max();
            prop_assert_eq!(Some(*ability), naive);
        }
        let orgs: BTreeSet<_> = systems.iter().map(|s| s.organisation).collect();
        prop_assert_eq!(best.len(), orgs.len());
        prop_assert!(best.values().all(|b| CanShare::ALL.contains(b)));
    }

    #[test]
    fn llc_estimate_is_the_stated_figure_or_the_prevalence(locality in strategy::locality()) {
        let expected = locality.children_with_llc_estimate.or_else(|| {
            locality.population_0_19.map(|p| u64::try_from((u128::from(p) * 66 + 5_000) / 10_000).unwrap())
        });
        prop_assert_eq!(locality.llc_estimate(), expected);
    }
}

mod locality_tree {
    use mcn_core::{Text, id::LocalityId};
    use mcn_organisations::{Locality, LocalityKind, LocalityTree};

    fn locality(n: u128, kind: LocalityKind, parent: Option<u128>) -> Locality {
        let mut l = Locality::new(LocalityId::from_u128(n), Text::new("L").unwrap(), kind);
        l.parent = parent.map(LocalityId::from_u128);
        l
    }

    /// A region of two systems; the first has two places, the second none.
    fn region() -> Vec<Locality> {
        vec![
            locality(1, LocalityKind::Region, None),
            locality(2, LocalityKind::IntegratedCareSystem, Some(1)),
            locality(3, LocalityKind::IntegratedCareSystem, Some(1)),
            locality(4, LocalityKind::Place, Some(2)),
            locality(5, LocalityKind::Place, Some(2)),
        ]
    }

    #[test]
    fn parents_leaves_and_positions() {
        let all = region();
        let tree = LocalityTree::new(&all);
        let parents: Vec<_> = (0..all.len()).map(|i| tree.parent(i)).collect();
        assert_eq!(parents, [None, Some(0), Some(0), Some(1), Some(1)]);
        let leaves: Vec<_> = (0..all.len()).map(|i| tree.is_leaf(i)).collect();
        assert_eq!(leaves, [false, false, true, true, true]);
        assert_eq!(tree.position(LocalityId::from_u128(4)), Some(3));
        assert_eq!(tree.position(LocalityId::from_u128(9)), None);
        assert!(!tree.is_leaf(9) && tree.parent(9).is_none());
    }

    #[test]
    fn estimates_roll_up_unless_stated() {
        let mut all = region();
        all[3].children_with_llc_estimate = Some(100);
        all[4].population_0_19 = Some(10_000); // 66 per 10,000
        all[2].children_with_llc_estimate = Some(40);
        assert_eq!(
            LocalityTree::new(&all).llc_estimates(),
            [Some(206), Some(166), Some(40), Some(100), Some(66)]
        );
        // A stated figure wins over the sum within.
        all[1].children_with_llc_estimate = Some(150);
        assert_eq!(
            LocalityTree::new(&all).llc_estimates()[..2],
            [Some(190), Some(150)]
        );
    }

    #[test]
    fn nothing_known_is_none_and_bad_nesting_adds_nothing() {
        let mut all = region();
        assert_eq!(LocalityTree::new(&all).llc_estimates(), [None; 5]);
        // A place named as the parent of a region (a wrong nesting) and a
        // cycle between the two places: no figure flows the wrong way.
        all[0].parent = Some(LocalityId::from_u128(4));
        all[0].children_with_llc_estimate = Some(1_000);
        all[3].parent = Some(LocalityId::from_u128(5));
        all[4].parent = Some(LocalityId::from_u128(4));
        all[4].children_with_llc_estimate = Some(7);
        assert_eq!(
            LocalityTree::new(&all).llc_estimates(),
            [Some(1_000), None, None, None, Some(7)]
        );
    }
}
