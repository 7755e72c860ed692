//! JSON round-trips of every document type; `validate` never panics on arbitrary
//! data and its duplicate and cycle findings agree with brute force.

use std::collections::BTreeSet;

use mcn_core::{JsonPointer, id::OrganisationId, strategy::round_trips};
use mcn_organisations::{OrganisationsData, codes, collections, strategy, validate};
use proptest::prelude::*;

fn pool(k: usize) -> OrganisationId {
    format!("00000000-0000-7000-8000-{k:012}").parse().unwrap()
}

proptest! {
    #[test]
    fn every_document_type_round_trips(
        organisation in strategy::organisation(),
        locality in strategy::locality(),
        service in strategy::service(),
        membership in prop_oneof![strategy::membership(), strategy::any_membership()],
        system in strategy::system_use(),
    ) {
        round_trips(&organisation)?;
        round_trips(&locality)?;
        round_trips(&service)?;
        round_trips(&membership)?;
        round_trips(&system)?;
    }

    #[test]
    fn value_types_round_trip(
        slot in strategy::weekly_slot(),
        schedule in strategy::weekly_schedule(),
        availability in strategy::availability(),
        age_range in strategy::age_range(),
        succession in strategy::succession(),
        kind in mcn_core::strategy::vocabulary::<mcn_organisations::OrganisationKind>(),
        sector in mcn_core::strategy::vocabulary::<mcn_organisations::Sector>(),
        day in mcn_core::strategy::vocabulary::<mcn_organisations::DayOfWeek>(),
    ) {
        round_trips(&slot)?;
        round_trips(&schedule)?;
        round_trips(&availability)?;
        round_trips(&age_range)?;
        round_trips(&succession)?;
        round_trips(&kind)?;
        round_trips(&sector)?;
        round_trips(&day)?;
    }

    #[test]
    fn strategy_values_are_valid_on_their_own(
        organisation in strategy::organisation(),
        membership in strategy::membership(),
        service in strategy::service(),
        locality in strategy::locality(),
        as_of in strategy::as_of(),
    ) {
        let organisations = [organisation];
        let memberships = [membership];
        let services = [service];
        let localities = [locality];
        let data = OrganisationsData {
            organisations: &organisations,
            memberships: &memberships,
            services: &services,
            localities: &localities,
            systems: &[],
        };
        let findings = validate(&data, as_of);
        // only the time-dependent signals may fire
        for f in &findings {
            prop_assert!(
                f.code == codes::SUCCESSOR_STILL_ACTIVE.code
                    || f.code == codes::MEMBERSHIP_NO_AGREEMENT.code
                    || (f.code == codes::PART_OF_CYCLE.code && organisations[0].part_of == Some(organisations[0].id)),
                "{f:#?}"
            );
        }
    }

    #[test]
    fn validate_never_panics_and_paths_point_into_our_collections(
        organisations in prop::collection::vec((strategy::organisation(), 0_usize..6, prop::option::of(0_usize..6)), 0..8),
        localities in prop::collection::vec(strategy::locality(), 0..6),
        memberships in prop::collection::vec(strategy::any_membership(), 0..6),
        services in prop::collection::vec(strategy::service(), 0..4),
        systems in prop::collection::vec(strategy::system_use(), 0..4),
        as_of in strategy::as_of(),
    ) {
        let organisations: Vec<_> = organisations.into_iter().map(|(mut o, k, parent)| {
            o.id = pool(k);
            o.part_of = parent.map(pool);
            o
        }).collect();
        let data = OrganisationsData {
            localities: &localities,
            organisations: &organisations,
            memberships: &memberships,
            services: &services,
            systems: &systems,
        };
        let findings = validate(&data, as_of);
        let known: BTreeSet<&str> = codes::ALL.iter().map(|c| c.code).collect();
        let mut previous: Option<JsonPointer> = None;
        for f in &findings {
            prop_assert!(known.contains(f.code.as_str()), "{}", f.code);
            let segments: Vec<String> = f.path.segments().collect();
            prop_assert!(collections::ALL.contains(&segments[0].as_str()), "{}", f.path);
            let index: usize = segments[1].parse().unwrap();
            let len = match segments[0].as_str() {
                "localities" => localities.len(),
                "organisations" => organisations.len(),
                "memberships" => memberships.len(),
                "services" => services.len(),
                _ => systems.len(),
            };
            prop_assert!(index < len, "{}", f.path);
            if let Some(p) = &previous { prop_assert!(p <= &f.path); }
            previous = Some(f.path.clone());
        }
        prop_assert_eq!(validate(&data, as_of), findings, "deterministic");
    }

    #[test]
    fn duplicate_identifiers_and_part_of_cycles_agree_with_brute_force(
        raw in prop::collection::vec(
            (strategy::organisation(), 0_usize..6, prop::option::of(0_usize..6), prop::option::of(0_usize..3)),
            0..8,
        ),
        as_of in strategy::as_of(),
    ) {
        let shared = [
            mcn_core::Identifier::new(mcn_core::IdentifierSystem::Ods, "RCB").unwrap(),
            mcn_core::Identifier::new(mcn_core::IdentifierSystem::Ods, "RR8").unwrap(),
            mcn_core::Identifier::new(mcn_core::IdentifierSystem::CharityEnglandWales, "123456").unwrap(),
        ];
        let organisations: Vec<_> = raw.into_iter().map(|(mut o, k, parent, extra)| {
            o.id = pool(k);
            o.part_of = parent.map(pool);
            if let Some(x) = extra { o.identifiers.push(shared[x].clone()); }
            o
        }).collect();
        let data = OrganisationsData { organisations: &organisations, ..OrganisationsData::default() };
        let findings = validate(&data, as_of);

        // duplicates: (i, j) whose first occurrence lies in another organisation
        let mut naive_duplicates = BTreeSet::new();
        for (i, o) in organisations.iter().enumerate() {
            for (j, id) in o.identifiers.iter().enumerate() {
                let first = organisations.iter().enumerate()
                    .flat_map(|(k, other)| other.identifiers.iter().enumerate().map(move |(l, x)| (k, l, x)))
                    .find(|(_, _, x)| *x == id)
                    .map(|(k, _, _)| k)
                    .unwrap();
                if first != i {
                    naive_duplicates.insert(format!("/organisations/{i}/identifiers/{j}"));
                }
            }
        }
        let got: BTreeSet<String> = findings.iter()
            .filter(|f| f.code == codes::IDENTIFIER_DUPLICATE.code)
            .map(|f| f.path.as_str().to_owned())
            .collect();
        prop_assert_eq!(got, naive_duplicates);

        // cycles: first entries of an id from which following part_of returns to it
        let first_index = |id| organisations.iter().position(|o| o.id == id);
        let mut naive_on_cycle = BTreeSet::new();
        for (i, o) in organisations.iter().enumerate() {
            if first_index(o.id) != Some(i) { continue; }
            let mut node = o.part_of.and_then(first_index);
            for _ in 0..=organisations.len() {
                match node {
                    Some(n) if n == i => { naive_on_cycle.insert(i); break; }
                    Some(n) => node = organisations[n].part_of.and_then(first_index),
                    None => break,
                }
            }
        }
        let mut got_on_cycle = BTreeSet::new();
        for f in findings.iter().filter(|f| f.code == codes::PART_OF_CYCLE.code) {
            for p in std::iter::once(&f.path).chain(&f.related) {
                let segments: Vec<String> = p.segments().collect();
                prop_assert!(got_on_cycle.insert(segments[1].parse::<usize>().unwrap()), "each member once");
            }
        }
        prop_assert_eq!(got_on_cycle, naive_on_cycle);
    }
}
