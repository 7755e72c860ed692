//! People, posts with their appointments, and staffing records.

use mcn_core::{
    Email, Identifier, IdentifierSystem, NaiveDate, PostRole, Profession, Wte, WteTotal,
    id::{AppointmentId, PersonId, PostId, StaffingRecordId},
};
use mcn_governance::BodyKind;
use mcn_organisations::OrganisationKind;
use mcn_roles::{
    Appointment, AppointmentBasis, HoursPerWeek, Person, Post, PostFunding, StaffingRecord,
};

use super::{
    dates::{minus_days, minus_months, period, plus_days},
    words,
    world::{StreamPlan, Tenure, World, profession_index, text},
};

/// The profession mix of an employer's staff.
fn professions(kind: Option<OrganisationKind>) -> &'static [(Profession, u32)] {
    use Profession::{
        Administrator, AlliedHealthProfessional, Chaplain, Doctor, Educator, Manager, Nurse, Other,
        ParentCarer, Pharmacist, Psychologist, SocialWorker,
    };
    match kind {
        Some(OrganisationKind::GeneralPractice) => &[
            (Doctor, 40),
            (Nurse, 30),
            (Administrator, 20),
            (Manager, 10),
        ],
        Some(OrganisationKind::NhsTrust | OrganisationKind::NhsFoundationTrust) => &[
            (Nurse, 45),
            (Doctor, 25),
            (AlliedHealthProfessional, 12),
            (Psychologist, 4),
            (Pharmacist, 4),
            (SocialWorker, 3),
            (Educator, 3),
            (Manager, 2),
            (Administrator, 2),
        ],
        Some(OrganisationKind::ChildrensHospice | OrganisationKind::AdultHospice) => &[
            (Nurse, 50),
            (Doctor, 10),
            (AlliedHealthProfessional, 10),
            (Psychologist, 5),
            (SocialWorker, 8),
            (Chaplain, 5),
            (Educator, 5),
            (Manager, 4),
            (Administrator, 3),
        ],
        Some(OrganisationKind::CommunityProvider | OrganisationKind::IndependentProvider) => &[
            (Nurse, 70),
            (AlliedHealthProfessional, 10),
            (Manager, 10),
            (Administrator, 10),
        ],
        Some(OrganisationKind::IntegratedCareBoard) => &[
            (Manager, 60),
            (Administrator, 20),
            (Nurse, 10),
            (Doctor, 10),
        ],
        Some(OrganisationKind::LocalAuthority) => {
            &[(SocialWorker, 60), (Manager, 25), (Administrator, 15)]
        }
        Some(OrganisationKind::University) => {
            &[(Educator, 70), (Nurse, 15), (Doctor, 10), (Psychologist, 5)]
        }
        Some(OrganisationKind::Charity) => &[
            (Manager, 30),
            (SocialWorker, 20),
            (Other, 20),
            (Administrator, 20),
            (Nurse, 10),
        ],
        _ => &[(ParentCarer, 80), (Other, 20)],
    }
}

/// How many staff an organisation of this kind tends to have, relatively.
const fn size(kind: OrganisationKind) -> u64 {
    match kind {
        OrganisationKind::NhsFoundationTrust => 40,
        OrganisationKind::NhsTrust => 30,
        OrganisationKind::ChildrensHospice => 12,
        OrganisationKind::CommunityProvider => 10,
        OrganisationKind::AdultHospice => 8,
        OrganisationKind::IntegratedCareBoard | OrganisationKind::LocalAuthority => 6,
        OrganisationKind::University | OrganisationKind::IndependentProvider => 4,
        OrganisationKind::GeneralPractice | OrganisationKind::Charity => 3,
        _ => 1,
    }
}

fn letter(n: u64) -> char {
    char::from(b'A' + u8::try_from(n % 26).unwrap_or(0))
}

/// A professional registration that fits `profession` (unique per person index).
fn registration(profession: Profession, p: u64) -> Option<Identifier> {
    let (system, value) = match profession {
        Profession::Doctor => (
            IdentifierSystem::Gmc,
            // 7,919 is coprime with 9,000,000: distinct numbers.
            format!("{}", 1_000_000 + (p * 7_919) % 9_000_000),
        ),
        Profession::Nurse => (
            IdentifierSystem::Nmc,
            format!(
                "{:02}{}{:04}{}",
                p % 100,
                letter(p / 100),
                (p / 2_600) % 10_000,
                letter(p)
            ),
        ),
        Profession::AlliedHealthProfessional => {
            let prefix = ["PH", "OT", "SL", "DT"]
                .get(usize::try_from(p % 4).unwrap_or(0))
                .copied()
                .unwrap_or("PH");
            (
                IdentifierSystem::Hcpc,
                format!("{prefix}{:06}", p % 1_000_000),
            )
        }
        Profession::Psychologist => (IdentifierSystem::Hcpc, format!("PYL{:05}", p % 100_000)),
        _ => return None,
    };
    Identifier::new(system, &value).ok()
}

/// What kind of holder a post wants.
#[derive(Debug, Clone, Copy)]
enum Pool {
    /// Staff of the organisation, clinical first.
    StaffOf(usize),
    /// One profession, preferring staff of the organisation.
    Profession(Profession, Option<usize>),
    /// Doctors, nurses and managers of stable members.
    Senior,
}

/// A post to create.
struct PostSpec {
    title: String,
    role: PostRole,
    /// Host organisation; `None`: the holder's employer when stable, else the host.
    organisation: Option<usize>,
    body: Option<usize>,
    start: NaiveDate,
    end: Option<NaiveDate>,
    funding: Option<(StreamPlan, u16)>,
    wte: u16,
    basis: AppointmentBasis,
    pool: Pool,
    vacancy: u64,
}

impl World {
    pub(super) fn people(&mut self) {
        let orgs = self.doc.organisations.len();
        let mut cumulative = Vec::with_capacity(orgs);
        let mut total = 0_u64;
        for organisation in &self.doc.organisations {
            total += size(organisation.kind);
            cumulative.push(total);
        }
        self.employees = vec![Vec::new(); orgs];
        for p in 0..self.counts.people {
            // Everyone's employer; the first of them one per organisation, so
            // every organisation has staff; a few parent carers have none.
            let employer = if p < orgs {
                Some(p)
            } else if orgs == 0 || self.rng.per_mille(15) {
                None
            } else {
                let roll = self.rng.below(total);
                Some(cumulative.partition_point(|&c| c <= roll).min(orgs - 1))
            };
            let kind = employer
                .and_then(|e| self.doc.organisations.get(e))
                .map(|o| o.kind);
            let profession = if employer.is_none() {
                Profession::ParentCarer
            } else {
                self.rng.weighted(professions(kind), Profession::Other)
            };
            let first = self.rng.pick_or(&words::FIRST_NAMES, "Sam");
            let last = self.rng.pick_or(&words::LAST_NAMES, "Smith");
            let index = u64::try_from(p).unwrap_or(0);
            let email = employer
                .filter(|_| self.rng.percent(90))
                .and_then(|e| self.org_domain.get(e))
                .and_then(|domain| {
                    Email::new(&format!(
                        "{}.{}{p}@{domain}",
                        words::slug(first),
                        words::slug(last)
                    ))
                    .ok()
                });
            let person = Person {
                id: PersonId::from_u128(self.rng.uuid()),
                name: text(&format!("{first} {last}")),
                profession,
                registration: registration(profession, index).filter(|_| self.rng.percent(90)),
                employer: employer
                    .and_then(|e| self.doc.organisations.get(e))
                    .map(|o| o.id),
                email,
            };
            if let Some(staff) = employer.and_then(|e| self.employees.get_mut(e)) {
                staff.push(p);
            }
            if let Some(list) = self.by_profession.get_mut(profession_index(profession)) {
                list.push(p);
            }
            self.person_employer.push(employer);
            self.doc.people.push(person);
        }
        self.person_wte = vec![0; self.doc.people.len()];
    }

    /// A person from `pool` who can take `wte` more (hundredths) on `as_of`.
    fn candidate(&mut self, pool: Pool, wte: u16) -> Option<usize> {
        for attempt in 0..12 {
            let person = match pool {
                Pool::StaffOf(org) => self
                    .employees
                    .get(org)
                    .and_then(|staff| self.rng.pick(staff).copied()),
                Pool::Profession(profession, at) => {
                    let at_org = at.filter(|_| attempt < 6).and_then(|org| {
                        let staff = self.employees.get(org)?;
                        let fitting: Vec<usize> = staff
                            .iter()
                            .copied()
                            .filter(|&p| {
                                self.doc.people.get(p).map(|p| p.profession) == Some(profession)
                            })
                            .take(64)
                            .collect();
                        self.rng.pick(&fitting).copied()
                    });
                    at_org.or_else(|| {
                        self.by_profession
                            .get(profession_index(profession))
                            .and_then(|list| self.rng.pick(list).copied())
                    })
                }
                Pool::Senior => {
                    let profession = self.rng.weighted(
                        &[
                            (Profession::Doctor, 4),
                            (Profession::Nurse, 5),
                            (Profession::Manager, 2),
                        ],
                        Profession::Nurse,
                    );
                    self.by_profession
                        .get(profession_index(profession))
                        .and_then(|list| self.rng.pick(list).copied())
                        .filter(|&p| {
                            self.person_employer
                                .get(p)
                                .copied()
                                .flatten()
                                .is_some_and(|e| self.org_stable.get(e) == Some(&true))
                        })
                }
            };
            if let Some(p) = person
                && self.person_wte.get(p).is_some_and(|&w| w + wte <= 100)
            {
                return Some(p);
            }
        }
        // Anyone with room will do.
        let n = self.doc.people.len();
        (0..12)
            .map(|_| self.rng.index(n))
            .find(|&p| self.person_wte.get(p).is_some_and(|&w| w + wte <= 100) && n > 0)
    }

    /// Creates a post and its appointments; returns its index.
    fn add_post(&mut self, spec: &PostSpec) -> usize {
        let index = self.doc.posts.len();
        let first = self.candidate(spec.pool, spec.wte);
        let organisation = spec
            .organisation
            .or_else(|| {
                first
                    .and_then(|p| self.person_employer.get(p).copied().flatten())
                    .filter(|&e| self.org_stable.get(e) == Some(&true))
            })
            .or(self.host)
            .and_then(|o| self.doc.organisations.get(o))
            .map(|o| o.id);
        let Some(organisation) = organisation else {
            return index;
        };
        let funding = spec.funding.and_then(|(stream, wte)| {
            let start = stream.start.max(spec.start);
            let end = match (stream.end, spec.end) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let stream_id = self.doc.funding_streams.get(stream.index).map(|s| s.id);
            Some(PostFunding {
                stream: stream_id,
                wte: WteTotal::from_hundredths(u32::from(wte))?,
                period: period(start, end),
            })
        });
        let post = Post {
            id: PostId::from_u128(self.rng.uuid()),
            title: text(&spec.title),
            role: spec.role,
            organisation,
            body: spec.body.and_then(|b| self.doc.bodies.get(b)).map(|b| b.id),
            period: period(spec.start, spec.end),
            funding,
            max_holders: None,
        };
        let post_id = post.id;
        self.doc.posts.push(post);
        self.tenures.push(Vec::new());
        if let Some(body) = spec.body
            && let Some(list) = self.posts_by_body.get_mut(body)
        {
            list.push(index);
        }

        // Appointments: sometimes a previous holder, sometimes a vacancy now.
        let vacant_now = self.rng.percent(spec.vacancy);
        let last_day = spec.end.map_or(self.as_of, |end| end.min(self.as_of));
        let earliest_change = plus_days(spec.start, 180);
        let change = (vacant_now || self.rng.percent(25))
            .then(|| self.rng.date(earliest_change, minus_days(last_day, 30)))
            .filter(|c| *c > spec.start && *c <= last_day);
        let first_start = self
            .rng
            .date(spec.start, plus_days(spec.start, 60))
            .min(last_day)
            .max(spec.start);
        let mut holders: Vec<(usize, NaiveDate, Option<NaiveDate>)> = Vec::new();
        match (change, first) {
            (Some(change), Some(first)) => {
                holders.push((first, first_start, Some(minus_days(change, 1))));
                if !vacant_now && let Some(next) = self.candidate(spec.pool, spec.wte) {
                    holders.push((next, change, spec.end));
                }
            }
            (None, Some(first)) if !vacant_now => holders.push((first, first_start, spec.end)),
            _ => {}
        }
        for (person, start, end) in holders {
            let Some(person_id) = self.doc.people.get(person).map(|p| p.id) else {
                continue;
            };
            if end.is_some_and(|end| end < start) {
                continue;
            }
            let tenure = Tenure { person, start, end };
            if tenure.covers(self.as_of)
                && let Some(w) = self.person_wte.get_mut(person)
            {
                *w += spec.wte;
            }
            let protected = (spec.role == PostRole::Champion)
                .then(|| HoursPerWeek::from_hundredths(200))
                .flatten();
            self.doc.appointments.push(Appointment {
                id: AppointmentId::from_u128(self.rng.uuid()),
                post: post_id,
                person: person_id,
                period: period(start, end),
                wte: Wte::from_hundredths(spec.wte).unwrap_or_default(),
                protected_hours_per_week: protected,
                basis: spec.basis,
            });
            if let Some(list) = self.tenures.get_mut(index) {
                list.push(tenure);
            }
        }
        index
    }

    /// Posts, in order until `counts.posts` is reached: the network posts,
    /// a chair for every body, locality leads, then champions and members.
    pub(super) fn posts(&mut self) {
        self.posts_by_body = vec![Vec::new(); self.doc.bodies.len()];
        let mut count = self.network_posts();
        count = self.chairs(count);
        count = self.locality_lead_posts(count);
        self.champions_and_members(count);
    }

    /// The network's own posts; returns how many were made.
    /// The network's own posts: co-ordinator, clinical lead, board chair and
    /// vice-chair, manager, education lead, administrator, parent carer rep.
    fn network_specs(&self) -> Vec<PostSpec> {
        let host = self.host;
        let established = self.established;
        let streams = self.key_streams;
        let network = |title: &str, role, funding: Option<(StreamPlan, u16)>, wte, pool| PostSpec {
            title: title.to_owned(),
            role,
            organisation: host,
            body: None,
            start: established,
            end: None,
            funding,
            wte,
            basis: AppointmentBasis::Substantive,
            pool,
            vacancy: 0,
        };
        let mut specs = vec![
            network(
                "Network co-ordinator",
                PostRole::NetworkCoordinator,
                streams.recurrent.map(|s| (s, 100)),
                100,
                Pool::Profession(Profession::Manager, host),
            ),
            network(
                "Network clinical lead",
                PostRole::ClinicalLead,
                streams.recurrent.map(|s| (s, 40)),
                40,
                Pool::Profession(Profession::Doctor, host),
            ),
        ];
        let board = (!self.doc.bodies.is_empty()).then_some(0);
        let mut chair = network(
            "Chair of the network board",
            PostRole::Chair,
            None,
            10,
            Pool::Senior,
        );
        chair.organisation = None;
        chair.body = board;
        chair.basis = AppointmentBasis::Honorary;
        let mut vice = network(
            "Vice-chair of the network board",
            PostRole::ViceChair,
            None,
            5,
            Pool::Senior,
        );
        vice.organisation = None;
        vice.body = board;
        specs.push(chair);
        specs.push(vice);
        specs.push(network(
            "Network manager",
            PostRole::NetworkManager,
            streams.recurrent.map(|s| (s, 80)),
            80,
            Pool::Profession(Profession::Manager, None),
        ));
        specs.push(network(
            "Network education lead",
            PostRole::EducationLead,
            streams.ending_soon.map(|s| (s, 50)),
            50,
            Pool::Profession(Profession::Educator, None),
        ));
        specs.push(network(
            "Network administrator",
            PostRole::Administrator,
            streams.recurrent.map(|s| (s, 60)),
            60,
            Pool::Profession(Profession::Administrator, host),
        ));
        let mut parent = network(
            "Parent carer representative",
            PostRole::ParentCarerRepresentative,
            None,
            5,
            Pool::Profession(Profession::ParentCarer, None),
        );
        parent.body = board;
        parent.basis = AppointmentBasis::Voluntary;
        specs.push(parent);
        specs
    }

    fn network_posts(&mut self) -> usize {
        let limit = self.counts.posts;
        let specs = self.network_specs();
        let keys = specs.len();
        let mut made = Vec::new();
        for spec in specs.into_iter().take(limit) {
            made.push(self.add_post(&spec));
        }
        let mut key = made.into_iter().map(Some).chain(std::iter::repeat(None));
        self.key_posts.coordinator = key.next().flatten();
        self.key_posts.clinical_lead = key.next().flatten();
        self.key_posts.chair = key.next().flatten();
        self.key_posts.vice_chair = key.next().flatten();
        self.key_posts.manager = key.next().flatten();
        self.key_posts.education_lead = key.next().flatten();
        self.key_posts.administrator = key.next().flatten();
        self.key_posts.parent_rep = key.next().flatten();
        keys.min(limit)
    }

    /// A chair for every body but the board; returns the posts made so far.
    fn chairs(&mut self, mut count: usize) -> usize {
        let limit = self.counts.posts;
        // A chair for every other body.
        for b in 1..self.doc.bodies.len() {
            if count >= limit {
                return count;
            }
            let Some(body) = self.doc.bodies.get(b) else {
                continue;
            };
            let (name, start, end) = (
                body.name.to_string(),
                body.active.start(),
                body.active.end(),
            );
            self.add_post(&PostSpec {
                title: format!("Chair of the {name}"),
                role: PostRole::Chair,
                organisation: None,
                body: Some(b),
                start,
                end,
                funding: None,
                wte: 5,
                basis: AppointmentBasis::Substantive,
                pool: Pool::Senior,
                vacancy: 0,
            });
            count += 1;
        }

        count
    }

    /// A lead for every place; returns the posts made so far.
    fn locality_lead_posts(&mut self, mut count: usize) -> usize {
        let limit = self.counts.posts;
        let established = self.established;
        let streams = self.key_streams;
        // Locality leads, some funded nationally, some of them vacant.
        for l in self.places.clone() {
            if count >= limit {
                return count;
            }
            let name = self
                .doc
                .localities
                .get(l)
                .map(|l| l.name.to_string())
                .unwrap_or_default();
            let funded = self.rng.percent(60);
            let post = self.add_post(&PostSpec {
                title: format!("{name} locality lead"),
                role: PostRole::LocalityLead,
                organisation: None,
                body: None,
                start: established,
                end: None,
                funding: streams.national.filter(|_| funded).map(|s| (s, 20)),
                wte: 20,
                basis: AppointmentBasis::Secondment,
                pool: Pool::Senior,
                vacancy: 15,
            });
            self.locality_leads.push((l, post));
            count += 1;
        }

        count
    }

    /// Champions in member organisations and members of bodies, alternately,
    /// up to the limit.
    fn champions_and_members(&mut self, mut count: usize) {
        let limit = self.counts.posts;
        let established = self.established;
        // Champions in member organisations, and members of bodies.
        let bodies = self.doc.bodies.len();
        let mut next_body = 0;
        while count < limit {
            if count.is_multiple_of(2) || bodies == 0 {
                let Some(org) = self.stable_org() else { return };
                let name = self
                    .doc
                    .organisations
                    .get(org)
                    .map(|o| o.name.to_string())
                    .unwrap_or_default();
                self.add_post(&PostSpec {
                    title: format!("Palliative care champion, {name}"),
                    role: PostRole::Champion,
                    organisation: Some(org),
                    body: None,
                    start: established,
                    end: None,
                    funding: None,
                    wte: 5,
                    basis: AppointmentBasis::Substantive,
                    pool: Pool::StaffOf(org),
                    vacancy: 10,
                });
            } else {
                let b = next_body % bodies;
                next_body += 1;
                let Some(body) = self.doc.bodies.get(b) else {
                    continue;
                };
                let (name, start, end) = (
                    body.name.to_string(),
                    body.active.start(),
                    body.active.end(),
                );
                let vacancy = if body.kind == BodyKind::Board { 0 } else { 8 };
                self.add_post(&PostSpec {
                    title: format!("Member of the {name}"),
                    role: PostRole::Member,
                    organisation: None,
                    body: Some(b),
                    start,
                    end,
                    funding: None,
                    wte: 5,
                    basis: AppointmentBasis::Substantive,
                    pool: Pool::Senior,
                    vacancy,
                });
            }
            count += 1;
        }
    }

    pub(super) fn staffing(&mut self) {
        let dates = [minus_months(self.as_of, 12), minus_months(self.as_of, 1)];
        for i in 0..self.doc.organisations.len() {
            let Some((id, kind)) = self.doc.organisations.get(i).map(|o| (o.id, o.kind)) else {
                continue;
            };
            let professions: &[Profession] = match kind {
                OrganisationKind::NhsFoundationTrust | OrganisationKind::NhsTrust => &[
                    Profession::Nurse,
                    Profession::Doctor,
                    Profession::AlliedHealthProfessional,
                ],
                OrganisationKind::ChildrensHospice => &[
                    Profession::Nurse,
                    Profession::Doctor,
                    Profession::SocialWorker,
                ],
                OrganisationKind::CommunityProvider => &[Profession::Nurse],
                _ => continue,
            };
            let service = self
                .doc
                .services
                .iter()
                .find(|s| s.provider == id)
                .map(|s| s.id);
            for &profession in professions {
                let mut funded = self.rng.between(100, 2_500);
                for on in dates {
                    let vacant = funded * self.rng.between(0, 20) / 100;
                    let in_post = if self.rng.percent(3) {
                        funded + self.rng.between(10, 100)
                    } else {
                        funded - vacant
                    };
                    let (Some(funded_wte), Some(in_post_wte)) = (
                        WteTotal::from_hundredths(u32::try_from(funded).unwrap_or(0)),
                        WteTotal::from_hundredths(u32::try_from(in_post).unwrap_or(0)),
                    ) else {
                        continue;
                    };
                    self.doc.staffing.push(StaffingRecord {
                        id: StaffingRecordId::from_u128(self.rng.uuid()),
                        organisation: id,
                        profession,
                        service: service.filter(|_| profession == Profession::Nurse),
                        funded_wte,
                        in_post_wte,
                        as_of: on,
                    });
                    funded += self.rng.between(0, 100);
                }
            }
        }
    }
}
