//! Localities, organisations, memberships, services and record systems.

use chrono::NaiveTime;
use mcn_core::{
    Identifier, IdentifierSystem, NaiveDate, StatusChange,
    id::{LocalityId, MembershipId, OrganisationId, ServiceId, SystemUseId},
};
use mcn_organisations::{
    AgeRange, Availability, CanShare, DayOfWeek, Locality, LocalityKind, Membership,
    MembershipStatus, MembershipTier, Organisation, OrganisationKind, Sector, Service, ServiceKind,
    Succession, SystemCategory, SystemUse, WeeklySchedule, WeeklySlot, estimate_children_with_llc,
};

use super::{
    dates::{minus_days, plus_days},
    words,
    world::{World, text},
};

/// The first organisations of every network, in order: enough of each kind
/// that even a small network has the whole sector mix. Index 0 hosts the network.
const CORE: [OrganisationKind; 16] = [
    OrganisationKind::NhsFoundationTrust,
    OrganisationKind::IntegratedCareBoard,
    OrganisationKind::ChildrensHospice,
    OrganisationKind::NhsTrust,
    OrganisationKind::NhsFoundationTrust,
    OrganisationKind::ChildrensHospice,
    OrganisationKind::GeneralPractice,
    OrganisationKind::LocalAuthority,
    OrganisationKind::University,
    OrganisationKind::Charity,
    OrganisationKind::AdultHospice,
    OrganisationKind::CommunityProvider,
    OrganisationKind::GeneralPractice,
    OrganisationKind::ChildrensHospice,
    OrganisationKind::IndependentProvider,
    OrganisationKind::Other,
];

/// The mix of the remaining organisations (weights out of 100).
const MIX: [(OrganisationKind, u32); 12] = [
    (OrganisationKind::GeneralPractice, 30),
    (OrganisationKind::NhsTrust, 5),
    (OrganisationKind::NhsFoundationTrust, 6),
    (OrganisationKind::IntegratedCareBoard, 2),
    (OrganisationKind::ChildrensHospice, 4),
    (OrganisationKind::AdultHospice, 8),
    (OrganisationKind::CommunityProvider, 4),
    (OrganisationKind::LocalAuthority, 10),
    (OrganisationKind::Charity, 14),
    (OrganisationKind::University, 2),
    (OrganisationKind::IndependentProvider, 11),
    (OrganisationKind::Other, 3),
];

/// How an organisation's membership goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    NonMember,
    Pending,
    Active,
    Suspended,
    Withdrawn,
}

/// Per-kind counters, so identifiers are unique by construction.
#[derive(Default)]
struct Counters {
    trust: usize,
    icb: usize,
    gp: usize,
    charity: usize,
    company: usize,
    non_nhs_ods: usize,
}

const GP_LETTERS: [char; 13] = [
    'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'P',
];

fn base36(mut n: usize, width: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut out = vec![b'0'; width];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS.get(n % 36).copied().unwrap_or(b'0');
        n /= 36;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The `n`-th ODS code with `prefix` (R for trusts, Q for ICBs): from `RAA`,
/// three characters like most such codes, then five.
fn nhs_code(prefix: char, n: usize) -> String {
    let width = if n < 36 * 36 - 370 { 2 } else { 4 };
    format!("{prefix}{}", base36(n + 370, width))
}

impl Counters {
    /// The identifiers of the next organisation of `kind`.
    fn identifiers(&mut self, kind: OrganisationKind) -> Vec<Identifier> {
        let mut out = Vec::new();
        let mut push = |system: IdentifierSystem, value: String| {
            if let Ok(identifier) = Identifier::new(system, &value) {
                out.push(identifier);
            }
        };
        match kind {
            OrganisationKind::NhsTrust | OrganisationKind::NhsFoundationTrust => {
                push(IdentifierSystem::Ods, nhs_code('R', self.trust));
                self.trust += 1;
            }
            OrganisationKind::IntegratedCareBoard => {
                push(IdentifierSystem::Ods, nhs_code('Q', self.icb));
                self.icb += 1;
            }
            OrganisationKind::GeneralPractice => {
                let c = self.gp;
                self.gp += 1;
                let letter = GP_LETTERS.get(c % GP_LETTERS.len()).copied().unwrap_or('A');
                push(IdentifierSystem::Ods, format!("{letter}{:05}", c % 100_000));
            }
            OrganisationKind::ChildrensHospice
            | OrganisationKind::AdultHospice
            | OrganisationKind::Charity
            | OrganisationKind::Other => {
                let c = self.charity;
                self.charity += 1;
                // 37 is coprime with 900,000: distinct numbers for 900,000 charities.
                push(
                    IdentifierSystem::CharityEnglandWales,
                    format!("{}", 1_000_000 + (c * 37) % 900_000),
                );
            }
            OrganisationKind::CommunityProvider | OrganisationKind::IndependentProvider => {
                let c = self.company;
                self.company += 1;
                push(
                    IdentifierSystem::CompaniesHouse,
                    format!("{:08}", 10_000_000 + c % 90_000_000),
                );
                let o = self.non_nhs_ods;
                self.non_nhs_ods += 1;
                push(IdentifierSystem::Ods, format!("N{}", base36(o, 3)));
            }
            _ => {}
        }
        out
    }
}

/// What `organisations` decides about each membership, for `memberships`.
#[derive(Debug, Clone, Copy)]
pub(super) struct MembershipPlan {
    fate: Fate,
    tier: MembershipTier,
    invited: NaiveDate,
    active: Option<NaiveDate>,
    /// Suspension or withdrawal date.
    left: Option<NaiveDate>,
    rejoined: Option<NaiveDate>,
    signed: Option<NaiveDate>,
}

impl MembershipPlan {
    /// Whether the organisation has a membership record at all.
    pub(super) fn is_member(&self) -> bool {
        self.fate != Fate::NonMember
    }
}

impl World {
    pub(super) fn localities(&mut self) {
        let n = self.counts.localities;
        if n == 0 {
            return;
        }
        let regions = (n / 35).max(1);
        let systems = if n >= 2 {
            (n / 6).max(1).min(n - regions)
        } else {
            0
        };
        let offset = self.rng.index(600);
        let mut populations = vec![0_u64; n];
        for i in 0..n {
            let name = words::place(offset + i);
            let (kind, name, parent) = if i < regions {
                (LocalityKind::Region, format!("{name} Region"), None)
            } else if i < regions + systems {
                let k = i - regions;
                (
                    LocalityKind::IntegratedCareSystem,
                    format!("{name} Integrated Care System"),
                    Some(k % regions),
                )
            } else {
                let k = i - regions - systems;
                let parent = if systems > 0 {
                    regions + k % systems
                } else {
                    k % regions
                };
                (LocalityKind::Place, name, Some(parent))
            };
            let mut locality =
                Locality::new(LocalityId::from_u128(self.rng.uuid()), text(&name), kind);
            locality.parent = parent
                .and_then(|p| self.doc.localities.get(p))
                .map(|l| l.id);
            if kind == LocalityKind::Place {
                let population = self.rng.between(40_000, 160_000);
                locality.population_0_19 = Some(population);
                if self.rng.percent(60) {
                    locality.children_with_llc_estimate =
                        Some(estimate_children_with_llc(population));
                }
                // Add the place's children to its system and region.
                let mut up = parent;
                while let Some(p) = up {
                    if let Some(total) = populations.get_mut(p) {
                        *total += population;
                    }
                    up = if p >= regions {
                        Some((p - regions) % regions)
                    } else {
                        None
                    };
                }
                self.places.push(i);
            }
            self.doc.localities.push(locality);
        }
        for (locality, population) in self.doc.localities.iter_mut().zip(populations) {
            if locality.kind != LocalityKind::Place && population > 0 {
                locality.population_0_19 = Some(population);
            }
        }
        if self.places.is_empty() {
            self.places = (0..n).collect();
        }
    }

    fn locality_name(&self, locality: Option<usize>) -> String {
        locality
            .and_then(|l| self.doc.localities.get(l))
            .map_or_else(
                || "Northvale".to_owned(),
                |l| {
                    let name = l.name.as_str();
                    name.strip_suffix(" Integrated Care System")
                        .or_else(|| name.strip_suffix(" Region"))
                        .unwrap_or(name)
                        .to_owned()
                },
            )
    }

    pub(super) fn organisations(&mut self) {
        let n = self.counts.organisations;
        let systems: Vec<usize> = self
            .doc
            .localities
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == LocalityKind::IntegratedCareSystem)
            .map(|(i, _)| i)
            .collect();
        let mut counters = Counters::default();
        let mut gps: Vec<usize> = Vec::new();
        let mut plans = Vec::with_capacity(n);
        for i in 0..n {
            let kind = CORE
                .get(i)
                .copied()
                .unwrap_or_else(|| self.rng.weighted(&MIX, OrganisationKind::Charity));
            let home = if kind == OrganisationKind::IntegratedCareBoard && !systems.is_empty() {
                systems.get(counters.icb % systems.len()).copied()
            } else {
                self.rng.pick(&self.places).copied()
            };
            let place = self.locality_name(home);
            let name = self.organisation_name(i, kind, &place);
            let mut organisation = Organisation::new(
                OrganisationId::from_u128(self.rng.uuid()),
                text(&name),
                kind,
            );
            organisation.identifiers = counters.identifiers(kind);
            match kind {
                OrganisationKind::CommunityProvider => {
                    organisation.sector = Some(Sector::Independent);
                    organisation.kind_detail = Some(text("Community interest company"));
                }
                OrganisationKind::Other => organisation.sector = Some(Sector::Voluntary),
                _ => {}
            }
            organisation.localities = home
                .and_then(|h| self.doc.localities.get(h))
                .map(|l| vec![l.id])
                .unwrap_or_default();

            let mut plan = self.membership_plan(i, kind);
            // A few practices merge into an earlier one during the window.
            if kind == OrganisationKind::GeneralPractice
                && i >= CORE.len()
                && self.rng.per_mille(15)
                && let Some(&into) = self.rng.pick(&gps)
                && let Some(successor) = self.doc.organisations.get(into)
            {
                let on = self.rng.date(self.start, self.as_of);
                organisation.successor = Some(Succession {
                    organisation: successor.id,
                    on,
                });
                organisation.active = false;
                if plan.active.is_some_and(|a| a < on) {
                    plan.fate = Fate::Withdrawn;
                    plan.left = Some(on);
                    plan.rejoined = None;
                }
            } else if kind == OrganisationKind::GeneralPractice {
                gps.push(i);
            }

            let tld = if organisation.sector().is_some_and(Sector::is_nhs) {
                "nhs.uk"
            } else {
                "org.uk"
            };
            self.org_domain
                .push(format!("{}{i}.{tld}", words::slug(&place)));
            self.org_place.push(home);
            let stable = plan.fate == Fate::Active;
            self.org_stable.push(stable);
            if stable {
                self.stable_orgs.push(i);
            }
            plans.push(plan);
            self.doc.organisations.push(organisation);
        }
        self.host = (n > 0).then_some(0);
        self.membership_plans = plans;
    }

    fn organisation_name(&mut self, i: usize, kind: OrganisationKind, place: &str) -> String {
        let street = self.rng.pick_or(&words::STREETS, "High Street");
        let other = words::place(self.rng.index(600));
        match kind {
            OrganisationKind::NhsFoundationTrust if i == 0 => {
                format!("{place} Children's Hospital NHS Foundation Trust")
            }
            OrganisationKind::NhsFoundationTrust => {
                if self.rng.percent(50) {
                    format!("{place} Hospitals NHS Foundation Trust")
                } else {
                    format!("{place} and {other} NHS Foundation Trust")
                }
            }
            OrganisationKind::NhsTrust => {
                if self.rng.percent(50) {
                    format!("{place} Community Healthcare NHS Trust")
                } else {
                    format!("{place} Partnership NHS Trust")
                }
            }
            OrganisationKind::IntegratedCareBoard => format!("NHS {place} Integrated Care Board"),
            OrganisationKind::GeneralPractice => match self.rng.below(3) {
                0 => format!("{street} Medical Practice, {place}"),
                1 => format!("{place} Health Centre"),
                _ => format!("The {street} Surgery, {place}"),
            },
            OrganisationKind::ChildrensHospice => format!("{place} Children's Hospice"),
            OrganisationKind::AdultHospice => {
                let saint = self.rng.pick_or(&words::SAINTS, "Luke");
                format!("St {saint}'s Hospice, {place}")
            }
            OrganisationKind::CommunityProvider => format!("{place} Community Health CIC"),
            OrganisationKind::LocalAuthority => format!("{place} Council"),
            OrganisationKind::Charity => {
                if self.rng.percent(50) {
                    format!("{place} Families Trust")
                } else {
                    format!("{place} Child Bereavement Service")
                }
            }
            OrganisationKind::University => format!("University of {place}"),
            OrganisationKind::IndependentProvider => format!("{place} Children's Nursing Ltd"),
            _ => format!("{place} Parent Carer Forum"),
        }
    }

    fn membership_plan(&mut self, i: usize, kind: OrganisationKind) -> MembershipPlan {
        let fate = if i < 4 {
            Fate::Active
        } else {
            self.rng.weighted(
                &[
                    (Fate::NonMember, 4),
                    (Fate::Pending, 2),
                    (Fate::Suspended, 3),
                    (Fate::Withdrawn, 3),
                    (Fate::Active, 88),
                ],
                Fate::Active,
            )
        };
        let full = matches!(
            kind,
            OrganisationKind::NhsTrust
                | OrganisationKind::NhsFoundationTrust
                | OrganisationKind::IntegratedCareBoard
                | OrganisationKind::ChildrensHospice
                | OrganisationKind::CommunityProvider
        ) || self.rng.percent(40);
        let tier = if full {
            MembershipTier::Full
        } else {
            MembershipTier::Associate
        };
        let latest_invite = minus_days(self.as_of, 130).max(self.start);
        let invited = match fate {
            Fate::Pending => self.rng.date(minus_days(self.as_of, 90), self.as_of),
            _ if i > 0 && self.rng.percent(10) => self.rng.date(self.start, latest_invite),
            _ => self.rng.date(
                self.established,
                plus_days(self.start, 180).min(latest_invite),
            ),
        };
        let active = (fate != Fate::Pending)
            .then(|| plus_days(invited, self.rng.between(14, 120)))
            .filter(|a| *a <= self.as_of);
        let fate = if active.is_none() && fate != Fate::NonMember {
            Fate::Pending
        } else {
            fate
        };
        let (left, rejoined) = match (fate, active) {
            (Fate::Suspended | Fate::Withdrawn, Some(a)) => {
                let from = plus_days(a, 1).max(self.start);
                let left = self.rng.date(from, self.as_of);
                let back = plus_days(left, self.rng.between(30, 180));
                let rejoined =
                    (fate == Fate::Suspended && self.rng.percent(50) && back <= self.as_of)
                        .then_some(back);
                (Some(left), rejoined)
            }
            _ => (None, None),
        };
        let signed = (tier == MembershipTier::Full && self.rng.percent(96))
            .then(|| active.map(|a| minus_days(a, self.rng.below(20))))
            .flatten();
        MembershipPlan {
            fate,
            tier,
            invited,
            active,
            left,
            rejoined,
            signed,
        }
    }

    pub(super) fn memberships(&mut self) {
        let plans = std::mem::take(&mut self.membership_plans);
        for (i, plan) in plans.iter().enumerate() {
            if plan.fate == Fate::NonMember {
                continue;
            }
            let Some(organisation) = self.doc.organisations.get(i).map(|o| o.id) else {
                continue;
            };
            let mut membership = Membership::invited(
                MembershipId::from_u128(self.rng.uuid()),
                organisation,
                plan.tier,
                plan.invited,
            );
            if let Some(active) = plan.active {
                membership = membership.then(MembershipStatus::Active, active);
            }
            if let Some(left) = plan.left {
                let status = if plan.fate == Fate::Withdrawn {
                    MembershipStatus::Withdrawn
                } else {
                    MembershipStatus::Suspended
                };
                let mut change = StatusChange::new(status, left);
                if status == MembershipStatus::Suspended {
                    change.note = Some(
                        self.note("Suspended by the board: no representative attended for a year."),
                    );
                }
                membership.status.push(change);
            }
            if let Some(back) = plan.rejoined {
                membership = membership.then(MembershipStatus::Active, back);
            }
            membership.agreement_signed_on = plan.signed;
            membership.representative = self
                .employees
                .get(i)
                .and_then(|people| people.first())
                .and_then(|&p| self.doc.people.get(p))
                .map(|p| p.id);
            self.doc.memberships.push(membership);
        }
        self.membership_plans = plans;
    }

    pub(super) fn services_and_systems(&mut self) {
        for i in 0..self.doc.organisations.len() {
            self.services_of(i);
            self.systems_of(i);
        }
    }

    /// The services organisation `i` provides, by its kind.
    fn services_of(&mut self, i: usize) {
        let office = |from: u32, to: u32| {
            let days = DayOfWeek::WEEKDAYS.to_vec();
            let (Some(a), Some(b)) = (
                NaiveTime::from_hms_opt(from, 0, 0),
                NaiveTime::from_hms_opt(to, 0, 0),
            ) else {
                return Availability::OfficeHours;
            };
            WeeklySlot::between(days, a, b)
                .ok()
                .and_then(|slot| WeeklySchedule::new(vec![slot]).ok())
                .map_or(Availability::OfficeHours, Availability::Weekly)
        };
        let Some((id, kind)) = self.doc.organisations.get(i).map(|o| (o.id, o.kind)) else {
            return;
        };
        let services: &[(ServiceKind, u8)] = match kind {
            OrganisationKind::NhsFoundationTrust if i == 0 => &[
                (ServiceKind::SpecialistPalliativeCareTeam, 0),
                (ServiceKind::ConsultantAdviceLine, 1),
                (ServiceKind::SymptomManagement, 0),
            ],
            OrganisationKind::NhsFoundationTrust => &[(ServiceKind::SymptomManagement, 0)],
            OrganisationKind::NhsTrust | OrganisationKind::CommunityProvider => {
                &[(ServiceKind::CommunityChildrensNursing, 2)]
            }
            OrganisationKind::ChildrensHospice => &[
                (ServiceKind::HospiceShortBreaks, 3),
                (ServiceKind::HospiceEndOfLifeCare, 1),
                (ServiceKind::BereavementSupport, 0),
            ],
            OrganisationKind::AdultHospice => &[(ServiceKind::TransitionSupport, 0)],
            OrganisationKind::Charity => &[(ServiceKind::PsychologicalSupport, 0)],
            _ => &[],
        };
        for &(service_kind, hours) in services {
            let availability = match hours {
                1 => Availability::TwentyFourSeven,
                2 if self.rng.percent(40) => Availability::TwentyFourSeven,
                2 => Availability::ExtendedHours,
                3 => office(8, 20),
                _ => Availability::OfficeHours,
            };
            let mut service = Service::new(
                ServiceId::from_u128(self.rng.uuid()),
                id,
                service_kind,
                availability,
            );
            let home = self.org_place.get(i).copied().flatten();
            let mut localities: Vec<LocalityId> = home
                .into_iter()
                .filter_map(|l| self.doc.localities.get(l).map(|l| l.id))
                .collect();
            for _ in 0..self.rng.below(3) {
                if let Some(l) = self
                    .rng
                    .pick(&self.places)
                    .and_then(|&p| self.doc.localities.get(p))
                    && !localities.contains(&l.id)
                {
                    localities.push(l.id);
                }
            }
            if localities.is_empty() {
                // A service must cover somewhere; with no localities, leave it out.
                continue;
            }
            service.localities = localities;
            service.age_range = if service_kind == ServiceKind::TransitionSupport {
                AgeRange::new(14, 25).ok()
            } else {
                AgeRange::new(0, if self.rng.percent(70) { 18 } else { 25 }).ok()
            };
            if self.rng.percent(70) {
                service.period = Some(super::dates::period(
                    self.rng.date(self.established, self.start),
                    None,
                ));
            }
            self.doc.services.push(service);
        }
    }

    /// The record systems organisation `i` uses.
    fn systems_of(&mut self, i: usize) {
        let Some((id, kind)) = self.doc.organisations.get(i).map(|o| (o.id, o.kind)) else {
            return;
        };
        let epr: &[&str] = match kind {
            OrganisationKind::GeneralPractice => &["EMIS Web", "SystmOne"],
            OrganisationKind::NhsFoundationTrust => {
                &["Epic", "Cerner Millennium", "System C CareFlow", "Lorenzo"]
            }
            OrganisationKind::NhsTrust | OrganisationKind::CommunityProvider => {
                &["SystmOne", "Rio"]
            }
            OrganisationKind::ChildrensHospice | OrganisationKind::AdultHospice => {
                &["SystmOne", "Crosscare", "EMIS Web"]
            }
            _ => &[],
        };
        if let Some(&system) = self.rng.pick(epr) {
            let can_share = self.rng.weighted(
                &[(CanShare::Yes, 5), (CanShare::Partly, 3), (CanShare::No, 2)],
                CanShare::No,
            );
            self.doc.systems.push(SystemUse {
                id: SystemUseId::from_u128(self.rng.uuid()),
                organisation: id,
                system: text(system),
                category: SystemCategory::Epr,
                can_share,
                note: None,
            });
            if self.rng.percent(30) {
                let place = self.locality_name(self.org_place.get(i).copied().flatten());
                self.doc.systems.push(SystemUse {
                    id: SystemUseId::from_u128(self.rng.uuid()),
                    organisation: id,
                    system: text(&format!("{place} Shared Care Record")),
                    category: SystemCategory::SharedCareRecord,
                    can_share: CanShare::Yes,
                    note: None,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn identifiers_stay_distinct_and_valid_past_every_width_change() {
        let mut counters = Counters::default();
        let mut seen = BTreeSet::new();
        for kind in [
            OrganisationKind::NhsTrust,
            OrganisationKind::IntegratedCareBoard,
            OrganisationKind::GeneralPractice,
            OrganisationKind::Charity,
            OrganisationKind::IndependentProvider,
        ] {
            for _ in 0..2_000 {
                let identifiers = counters.identifiers(kind);
                assert!(!identifiers.is_empty(), "{kind:?}");
                for identifier in identifiers {
                    assert!(seen.insert(identifier.to_string()), "{identifier} repeated");
                }
            }
        }
        assert_eq!(nhs_code('R', 0), "RAA");
        assert_eq!(nhs_code('R', 925), "RZZ");
        assert_eq!(nhs_code('R', 926).len(), 5);
    }
}
