//! Every finding code: a case that triggers it (exact code and path) and one that
//! does not.

use std::collections::{BTreeMap, BTreeSet};

use mcn_core::{History, IdentifierSystem, StatusChange};
use mcn_organisations::{
    LocalityKind, MembershipStatus, MembershipTier, OrganisationKind, Sector, Succession, codes,
};

use super::{Fixture, codes_and_paths, d, ident, member, org, system};

fn only(fixture: &Fixture, code: &str, path: &str) -> mcn_core::Finding {
    let findings = fixture.validate();
    assert_eq!(
        codes_and_paths(&findings),
        vec![(code.to_owned(), path.to_owned())],
        "{findings:#?}"
    );
    findings.into_iter().next().unwrap()
}

fn none(fixture: &Fixture) {
    let findings = fixture.validate();
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn the_clean_fixture_has_no_findings() {
    none(&Fixture::clean());
}

#[test]
fn identifier_duplicate() {
    let mut f = Fixture::clean();
    f.organisations[2]
        .identifiers
        .push(ident(IdentifierSystem::Ods, "rr8"));
    let finding = only(
        &f,
        "organisations.identifier.duplicate",
        "/organisations/2/identifiers/2",
    );
    assert_eq!(
        finding.related[0].as_str(),
        "/organisations/0/identifiers/0"
    );
    assert!(finding.message.contains("ods:RR8"), "{}", finding.message);
    assert!(
        finding.message.contains("Martin House"),
        "{}",
        finding.message
    );
    assert!(
        finding.message.contains("Leeds Teaching Hospitals"),
        "{}",
        finding.message
    );

    // the same value in another system is no duplicate
    let mut f = Fixture::clean();
    f.organisations[0]
        .identifiers
        .push(ident(IdentifierSystem::CharityEnglandWales, "517919-1"));
    f.organisations[3]
        .identifiers
        .push(ident(IdentifierSystem::Ods, "517919"));
    none(&f);
}

#[test]
fn identifier_repeated_system() {
    let mut f = Fixture::clean();
    f.organisations[0]
        .identifiers
        .push(ident(IdentifierSystem::Ods, "RR9"));
    let finding = only(
        &f,
        "organisations.identifier.repeated_system",
        "/organisations/0/identifiers/1",
    );
    assert_eq!(
        finding.related[0].as_str(),
        "/organisations/0/identifiers/0"
    );
    // the same identifier twice on one organisation is a repeat, not a duplicate
    let mut f = Fixture::clean();
    f.organisations[0]
        .identifiers
        .push(ident(IdentifierSystem::Ods, "RR8"));
    only(
        &f,
        "organisations.identifier.repeated_system",
        "/organisations/0/identifiers/1",
    );
    // different systems on one organisation are fine (the hospice has two)
    assert_eq!(Fixture::clean().organisations[2].identifiers.len(), 2);
    none(&Fixture::clean());
}

#[test]
fn identifier_professional_register() {
    let mut f = Fixture::clean();
    f.organisations[3].identifiers = vec![ident(IdentifierSystem::Gmc, "1234567")];
    only(
        &f,
        "organisations.identifier.professional_register",
        "/organisations/3/identifiers/0",
    );
    let mut f = Fixture::clean();
    f.organisations[3].identifiers = vec![ident(IdentifierSystem::CompaniesHouse, "SC123456")];
    none(&f);
}

#[test]
fn sector_missing_only_where_the_kind_does_not_settle_it() {
    let mut f = Fixture::clean();
    f.organisations[3].sector = None;
    let finding = only(
        &f,
        "organisations.organisation.sector_missing",
        "/organisations/3",
    );
    assert!(finding.message.contains("community_provider"));
    let mut f = Fixture::clean();
    f.organisations
        .push(org("Something", OrganisationKind::Other));
    only(
        &f,
        "organisations.organisation.sector_missing",
        "/organisations/4",
    );
    // kinds that settle the sector need none
    let mut f = Fixture::clean();
    for kind in &OrganisationKind::ALL {
        if kind.sector().is_some() {
            f.organisations.push(org("Any", *kind));
        }
    }
    none(&f);
}

#[test]
fn sector_contradicts_kind() {
    let mut f = Fixture::clean();
    f.organisations[0].sector = Some(Sector::Voluntary);
    let finding = only(
        &f,
        "organisations.organisation.sector_contradicts_kind",
        "/organisations/0/sector",
    );
    assert!(finding.message.contains("nhs") && finding.message.contains("voluntary"));
    let mut f = Fixture::clean();
    f.organisations[0].sector = Some(Sector::Nhs);
    f.organisations[2].sector = Some(Sector::Voluntary);
    none(&f);
}

#[test]
fn part_of_cycle() {
    let mut f = Fixture::clean();
    let site = f.organisations[1].id;
    f.organisations[0].part_of = Some(site); // trust part of its own site
    let finding = only(
        &f,
        "organisations.part_of.cycle",
        "/organisations/0/part_of",
    );
    assert_eq!(finding.related[0].as_str(), "/organisations/1/part_of");
    assert!(finding.message.contains("Leeds Children's Hospital"));

    let mut f = Fixture::clean();
    let own = f.organisations[3].id;
    f.organisations[3].part_of = Some(own);
    let finding = only(
        &f,
        "organisations.part_of.cycle",
        "/organisations/3/part_of",
    );
    assert!(
        finding.message.contains("is part of itself"),
        "{}",
        finding.message
    );

    // a chain into a missing parent is no cycle
    let mut f = Fixture::clean();
    f.organisations[0].part_of = Some(mcn_core::id::OrganisationId::generate());
    none(&f);
}

#[test]
fn successor_cycle() {
    let mut f = Fixture::clean();
    let (a, b) = (f.organisations[0].id, f.organisations[3].id);
    f.organisations[0].successor = Some(Succession {
        organisation: b,
        on: d(2026, 1, 1),
    });
    f.organisations[3].successor = Some(Succession {
        organisation: a,
        on: d(2026, 1, 1),
    });
    let finding = only(
        &f,
        "organisations.successor.cycle",
        "/organisations/0/successor",
    );
    assert_eq!(finding.related[0].as_str(), "/organisations/3/successor");
    // a chain of mergers is fine
    f.organisations[3].successor = None;
    none(&f);
}

#[test]
fn successor_still_active() {
    let mut f = Fixture::clean();
    let successor = f.organisations[0].id;
    f.organisations[3].successor = Some(Succession {
        organisation: successor,
        on: d(2025, 6, 1),
    });
    let finding = only(
        &f,
        "organisations.successor.still_active",
        "/organisations/3/active",
    );
    assert_eq!(finding.related[0].as_str(), "/organisations/0");
    // not yet merged on the day before
    f.organisations[3].successor = Some(Succession {
        organisation: successor,
        on: d(2025, 6, 2),
    });
    none(&f);
    // merged and marked inactive
    f.organisations[3].successor = Some(Succession {
        organisation: successor,
        on: d(2025, 4, 1),
    });
    f.organisations[3].active = false;
    none(&f);
}

#[test]
fn locality_cycle() {
    let mut f = Fixture::clean();
    let leeds = f.localities[2].id;
    f.localities[0].parent = Some(leeds);
    let findings = f.validate();
    // the cycle, and the region lying within a place (wrong level)
    assert_eq!(
        codes_and_paths(&findings),
        vec![
            (
                "organisations.locality.cycle".to_owned(),
                "/localities/0/parent".to_owned()
            ),
            (
                "organisations.locality.parent_kind".to_owned(),
                "/localities/0/parent".to_owned()
            ),
        ]
    );
    let cycle = &findings[0];
    let related: Vec<_> = cycle
        .related
        .iter()
        .map(mcn_core::JsonPointer::as_str)
        .collect();
    assert_eq!(related, ["/localities/2/parent", "/localities/1/parent"]);
    assert!(cycle.message.contains("a cycle"), "{}", cycle.message);
}

#[test]
fn locality_parent_kind() {
    let mut f = Fixture::clean();
    let mut ward = super::loc("Ward", LocalityKind::Place);
    ward.parent = Some(f.localities[2].id);
    f.localities.push(ward);
    let finding = only(
        &f,
        "organisations.locality.parent_kind",
        "/localities/3/parent",
    );
    assert_eq!(finding.related[0].as_str(), "/localities/2");
    // skipping a level (place directly within a region) is fine
    let mut f = Fixture::clean();
    let mut place = super::loc("Place", LocalityKind::Place);
    place.parent = Some(f.localities[0].id);
    f.localities.push(place);
    none(&f);
}

#[test]
fn locality_estimate_exceeds_population() {
    let mut f = Fixture::clean();
    f.localities[2].population_0_19 = Some(1_000);
    f.localities[2].children_with_llc_estimate = Some(1_001);
    only(
        &f,
        "organisations.locality.estimate_exceeds_population",
        "/localities/2/children_with_llc_estimate",
    );
    f.localities[2].children_with_llc_estimate = Some(1_000);
    none(&f);
    f.localities[2].population_0_19 = None;
    f.localities[2].children_with_llc_estimate = Some(5_000);
    none(&f);
}

fn history(changes: &[(MembershipStatus, (i32, u32, u32))]) -> History<MembershipStatus> {
    History::new(
        changes
            .iter()
            .map(|&(s, (y, m, day))| StatusChange::new(s, d(y, m, day)))
            .collect(),
    )
    .unwrap()
}

#[test]
fn membership_not_invited_first() {
    use MembershipStatus::Active;
    let mut f = Fixture::clean();
    f.memberships[0].status = history(&[(Active, (2024, 1, 1))]);
    let finding = only(
        &f,
        "organisations.membership.not_invited_first",
        "/memberships/0/status/0",
    );
    assert!(finding.message.contains("Leeds Teaching Hospitals"));
    assert!(
        finding.message.contains("begins as active"),
        "{}",
        finding.message
    );
}

#[test]
fn membership_out_of_order() {
    use MembershipStatus::{Active, Invited};
    let mut f = Fixture::clean();
    f.memberships[1].status = history(&[(Invited, (2024, 3, 1)), (Active, (2024, 2, 1))]);
    let finding = only(
        &f,
        "organisations.membership.out_of_order",
        "/memberships/1/status/1",
    );
    assert_eq!(finding.related[0].as_str(), "/memberships/1/status/0");
    // the same day is in order
    f.memberships[1].status = history(&[(Invited, (2024, 2, 1)), (Active, (2024, 2, 1))]);
    none(&f);
}

#[test]
fn membership_illegal_transition() {
    use MembershipStatus::{Active, Invited, Suspended, Withdrawn};
    let mut f = Fixture::clean();
    f.memberships[0].status = history(&[(Invited, (2024, 1, 1)), (Suspended, (2024, 2, 1))]);
    only(
        &f,
        "organisations.membership.illegal_transition",
        "/memberships/0/status/1",
    );
    f.memberships[0].status = history(&[
        (Invited, (2024, 1, 1)),
        (Active, (2024, 2, 1)),
        (Withdrawn, (2024, 3, 1)),
        (Active, (2024, 4, 1)),
    ]);
    let finding = only(
        &f,
        "organisations.membership.illegal_transition",
        "/memberships/0/status/3",
    );
    assert!(
        finding.message.contains("from withdrawn to active"),
        "{}",
        finding.message
    );
    assert_eq!(finding.related[0].as_str(), "/memberships/0/status/2");
    // re-invited after withdrawing, suspended and reinstated: all legal
    f.memberships[0].status = history(&[
        (Invited, (2024, 1, 1)),
        (Active, (2024, 2, 1)),
        (Withdrawn, (2024, 3, 1)),
        (Invited, (2024, 4, 1)),
        (Active, (2024, 5, 1)),
        (Suspended, (2024, 6, 1)),
        (Active, (2024, 7, 1)),
    ]);
    none(&f);
}

#[test]
fn membership_duplicate() {
    let mut f = Fixture::clean();
    let again = member(&f.organisations[0]);
    f.memberships.push(again);
    let finding = only(
        &f,
        "organisations.membership.duplicate",
        "/memberships/2/organisation",
    );
    assert_eq!(finding.related[0].as_str(), "/memberships/0/organisation");
    // another organisation's membership is fine
    let mut f = Fixture::clean();
    let other = member(&f.organisations[3]);
    f.memberships.push(other);
    none(&f);
}

#[test]
fn membership_no_agreement() {
    let mut f = Fixture::clean();
    f.memberships[0].agreement_signed_on = None;
    only(
        &f,
        "organisations.membership.no_agreement",
        "/memberships/0",
    );
    f.memberships[0].agreement_signed_on = Some(d(2025, 6, 2));
    only(
        &f,
        "organisations.membership.no_agreement",
        "/memberships/0/agreement_signed_on",
    );
    // signed on the day itself
    f.memberships[0].agreement_signed_on = Some(d(2025, 6, 1));
    none(&f);
    // associates need no agreement
    f.memberships[0].agreement_signed_on = None;
    f.memberships[0].tier = MembershipTier::Associate;
    none(&f);
    // nor does a full member that is only invited or has withdrawn
    f.memberships[0].tier = MembershipTier::Full;
    f.memberships[0] = f.memberships[0]
        .clone()
        .then(MembershipStatus::Withdrawn, d(2025, 1, 1));
    none(&f);
}

#[test]
fn service_no_coverage() {
    let mut f = Fixture::clean();
    f.services[1].localities.clear();
    let finding = only(&f, "organisations.service.no_coverage", "/services/1");
    assert!(
        finding.message.contains("Leeds Teaching Hospitals"),
        "{}",
        finding.message
    );
    // a locality that does not resolve is mcn-network's business, not this rule's
    f.services[1].localities = vec![mcn_core::id::LocalityId::generate()];
    none(&f);
}

#[test]
fn system_duplicate() {
    let mut f = Fixture::clean();
    let again = system(&f.organisations[0], "emis web");
    f.systems.push(again);
    let finding = only(&f, "organisations.system.duplicate", "/systems/2/system");
    assert_eq!(finding.related[0].as_str(), "/systems/0/system");
    // the same system at two organisations is fine (as in the clean fixture)
    let mut f = Fixture::clean();
    let other = system(&f.organisations[0], "SystmOne");
    f.systems.push(other);
    none(&f);
}

#[test]
fn everything_at_once_sorted_by_path_and_every_code_reachable() {
    use MembershipStatus::{Active, Invited, Suspended};
    let mut f = Fixture::clean();
    f.organisations[2]
        .identifiers
        .push(ident(IdentifierSystem::Ods, "RR8"));
    f.organisations[0]
        .identifiers
        .push(ident(IdentifierSystem::Ods, "RR9"));
    f.organisations[1]
        .identifiers
        .push(ident(IdentifierSystem::Nmc, "12A3456E"));
    f.organisations[3].sector = None;
    f.organisations[2].sector = Some(Sector::Nhs);
    let own = f.organisations[3].id;
    f.organisations[3].part_of = Some(own);
    let trust = f.organisations[0].id;
    f.organisations[1].successor = Some(Succession {
        organisation: trust,
        on: d(2020, 1, 1),
    });
    let site = f.organisations[1].id;
    f.organisations[0].successor = Some(Succession {
        organisation: site,
        on: d(2030, 1, 1),
    });
    let leeds = f.localities[2].id;
    f.localities[0].parent = Some(leeds);
    f.localities[2].children_with_llc_estimate = Some(200_000);
    f.memberships[0].status = history(&[(Active, (2024, 3, 1)), (Invited, (2024, 2, 1))]);
    f.memberships[1].status = history(&[(Invited, (2024, 1, 1)), (Suspended, (2024, 2, 1))]);
    let again = member(&f.organisations[2]);
    f.memberships.push(again);
    f.memberships[2].agreement_signed_on = None;
    f.services[0].localities.clear();
    let again = system(&f.organisations[1], "EMIS Web");
    f.systems.push(again.clone());
    f.systems.push(again);

    let findings = f.validate();
    let got: BTreeSet<&str> = findings.iter().map(|f| f.code.as_str()).collect();
    let all: BTreeSet<&str> = codes::ALL.iter().map(|c| c.code).collect();
    assert_eq!(got, all);
    let paths: Vec<_> = findings.iter().map(|f| f.path.clone()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    for finding in &findings {
        let code = codes::ALL.iter().find(|c| c.code == finding.code).unwrap();
        assert_eq!(finding.severity, code.severity);
    }
}

#[test]
fn findings_md_lists_exactly_the_codes() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/findings.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let section = doc
        .split("\n## ")
        .find(|s| s.starts_with("mcn-organisations"))
        .unwrap();
    let rows: BTreeMap<String, String> = section
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let code = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            Some((code.to_owned(), (*cells.get(2)?).to_owned()))
        })
        .collect();
    let expected: BTreeMap<String, String> = codes::ALL
        .iter()
        .map(|c| (c.code.to_owned(), c.severity.to_string()))
        .collect();
    assert_eq!(rows, expected);
}
