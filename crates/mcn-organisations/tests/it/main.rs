//! Integration and property tests for mcn-organisations.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod props;
mod queries;
mod rules;
mod schema;

use mcn_core::{
    Finding, Identifier, IdentifierSystem, NaiveDate, Text,
    id::{LocalityId, MembershipId, OrganisationId, ServiceId, SystemUseId},
};
use mcn_organisations::{
    Availability, CanShare, Locality, LocalityKind, Membership, MembershipStatus, MembershipTier,
    Organisation, OrganisationKind, OrganisationsData, Service, ServiceKind, SystemCategory,
    SystemUse, validate,
};

/// The date the rule tests are run as of.
const AS_OF: (i32, u32, u32) = (2025, 6, 1);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn as_of() -> NaiveDate {
    d(AS_OF.0, AS_OF.1, AS_OF.2)
}

fn text(s: &str) -> Text {
    Text::new(s).unwrap()
}

fn org(name: &str, kind: OrganisationKind) -> Organisation {
    Organisation::new(OrganisationId::generate(), text(name), kind)
}

fn ident(system: IdentifierSystem, value: &str) -> Identifier {
    Identifier::new(system, value).unwrap()
}

fn loc(name: &str, kind: LocalityKind) -> Locality {
    Locality::new(LocalityId::generate(), text(name), kind)
}

fn service(provider: &Organisation, localities: &[&Locality]) -> Service {
    let mut s = Service::new(
        ServiceId::generate(),
        provider.id,
        ServiceKind::CommunityChildrensNursing,
        Availability::TwentyFourSeven,
    );
    s.localities = localities.iter().map(|l| l.id).collect();
    s
}

/// A full member, invited 2024-01-01, active from 2024-02-01, agreement signed 2024-01-15.
fn member(organisation: &Organisation) -> Membership {
    let mut m = Membership::invited(
        MembershipId::generate(),
        organisation.id,
        MembershipTier::Full,
        d(2024, 1, 1),
    )
    .then(MembershipStatus::Active, d(2024, 2, 1));
    m.agreement_signed_on = Some(d(2024, 1, 15));
    m
}

fn system(organisation: &Organisation, name: &str) -> SystemUse {
    SystemUse {
        id: SystemUseId::generate(),
        organisation: organisation.id,
        system: text(name),
        category: SystemCategory::Epr,
        can_share: CanShare::Partly,
        note: None,
    }
}

/// A small network with no findings.
struct Fixture {
    localities: Vec<Locality>,
    organisations: Vec<Organisation>,
    memberships: Vec<Membership>,
    services: Vec<Service>,
    systems: Vec<SystemUse>,
}

impl Fixture {
    fn clean() -> Self {
        let region = loc("North East and Yorkshire", LocalityKind::Region);
        let mut ics = loc("West Yorkshire", LocalityKind::IntegratedCareSystem);
        ics.parent = Some(region.id);
        let mut leeds = loc("Leeds", LocalityKind::Place);
        leeds.parent = Some(ics.id);
        leeds.population_0_19 = Some(190_000);
        leeds.children_with_llc_estimate = Some(1_300);

        let mut trust = org("Leeds Teaching Hospitals", OrganisationKind::NhsTrust);
        trust.identifiers = vec![ident(IdentifierSystem::Ods, "RR8")];
        let mut site = org("Leeds Children's Hospital", OrganisationKind::NhsTrust);
        site.identifiers = vec![ident(IdentifierSystem::Ods, "RR801")];
        site.part_of = Some(trust.id);
        let mut hospice = org("Martin House", OrganisationKind::ChildrensHospice);
        hospice.identifiers = vec![
            ident(IdentifierSystem::CharityEnglandWales, "517919"),
            ident(IdentifierSystem::CompaniesHouse, "01234567"),
        ];
        let mut community = org("Community Care CIC", OrganisationKind::CommunityProvider);
        community.sector = Some(mcn_organisations::Sector::Independent);

        let memberships = vec![member(&trust), member(&hospice)];
        let services = vec![service(&hospice, &[&leeds]), service(&trust, &[&ics])];
        let systems = vec![system(&trust, "EMIS Web"), system(&hospice, "EMIS Web")];
        Self {
            localities: vec![region, ics, leeds],
            organisations: vec![trust, site, hospice, community],
            memberships,
            services,
            systems,
        }
    }

    fn validate(&self) -> Vec<Finding> {
        validate(
            &OrganisationsData {
                localities: &self.localities,
                organisations: &self.organisations,
                memberships: &self.memberships,
                services: &self.services,
                systems: &self.systems,
            },
            as_of(),
        )
    }
}

/// `(code, path)` of each finding.
fn codes_and_paths(findings: &[Finding]) -> Vec<(String, String)> {
    findings
        .iter()
        .map(|f| (f.code.clone(), f.path.as_str().to_owned()))
        .collect()
}
