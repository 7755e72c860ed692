//! Courses, events, registrations (with attendance, barriers and feedback)
//! and training requirements.

use mcn_core::{
    Money, NaiveDate, PostRole, Profession,
    id::{CourseId, EventId, RegistrationId, TrainingRequirementId},
};
use mcn_organisations::OrganisationKind;
use mcn_training::{
    AccessBarrier, AppliesTo, Capacity, Course, CpdHours, Delivery, EducationLevel, Event,
    EventKind, EventStatus, Feedback, LearningOutcome, Minutes, Rating, Registration,
    RegistrationStatus, RenewalMonths, TrainingRequirement,
};

use super::{
    dates::plus_days,
    rng::{Rng, Stride},
    standards::share,
    words,
    world::{World, text},
};

const BARRIERS: [(AccessBarrier, u32); 9] = [
    (AccessBarrier::NoRelease, 30),
    (AccessBarrier::Timing, 15),
    (AccessBarrier::TravelDistance, 12),
    (AccessBarrier::Illness, 15),
    (AccessBarrier::NotAwareInTime, 5),
    (AccessBarrier::Cost, 5),
    (AccessBarrier::NotRelevant, 5),
    (AccessBarrier::EventFull, 3),
    (AccessBarrier::Other, 10),
];

/// The fixed training requirements of a network: who needs which level.
const REQUIREMENTS: [(AppliesTo, EducationLevel, &[LearningOutcome], Option<u16>); 10] = [
    (
        AppliesTo::Profession(Profession::Nurse),
        EducationLevel::Universal,
        &[],
        Some(36),
    ),
    (
        AppliesTo::Profession(Profession::Doctor),
        EducationLevel::Universal,
        &[],
        Some(36),
    ),
    (
        AppliesTo::Profession(Profession::AlliedHealthProfessional),
        EducationLevel::Universal,
        &[],
        Some(36),
    ),
    (
        AppliesTo::Profession(Profession::SocialWorker),
        EducationLevel::Universal,
        &[LearningOutcome::Communication],
        None,
    ),
    (
        AppliesTo::Role(PostRole::Champion),
        EducationLevel::Core,
        &[
            LearningOutcome::Communication,
            LearningOutcome::SymptomManagement,
        ],
        Some(24),
    ),
    (
        AppliesTo::Role(PostRole::LocalityLead),
        EducationLevel::Core,
        &[],
        Some(36),
    ),
    (
        AppliesTo::Role(PostRole::ClinicalLead),
        EducationLevel::Specialist,
        &[LearningOutcome::SymptomManagement],
        Some(36),
    ),
    (
        AppliesTo::Role(PostRole::EducationLead),
        EducationLevel::Core,
        &[LearningOutcome::Collaboration],
        None,
    ),
    (
        AppliesTo::Role(PostRole::NetworkCoordinator),
        EducationLevel::Universal,
        &[],
        None,
    ),
    (
        AppliesTo::Profession(Profession::Nurse),
        EducationLevel::Core,
        &[LearningOutcome::SymptomManagement],
        Some(24),
    ),
];

/// What an event is about and who hosts it (organisation index).
struct EventContent {
    kind: EventKind,
    course: Option<CourseId>,
    title: String,
    level: Option<EducationLevel>,
    outcomes: Vec<LearningOutcome>,
    delivery: Delivery,
    host: Option<usize>,
}

/// How long an event of `kind` lasts, in minutes.
const fn minutes(kind: EventKind) -> u64 {
    match kind {
        EventKind::StudyDay => 390,
        EventKind::Conference => 420,
        EventKind::Webinar => 60,
        EventKind::PeerSupport => 90,
        EventKind::NetworkingEvent => 120,
        _ => 180,
    }
}

fn outcomes(rng: &mut Rng) -> Vec<LearningOutcome> {
    let first = rng.pick_or(&LearningOutcome::ALL, LearningOutcome::Communication);
    let second = rng.pick_or(&LearningOutcome::ALL, LearningOutcome::Wellbeing);
    let mut list = vec![first];
    if second != first && rng.percent(50) {
        list.push(second);
    }
    list.sort_unstable();
    list
}

fn rating(rng: &mut Rng) -> Option<Rating> {
    let value = rng.weighted(&[(5_u64, 45), (4, 38), (3, 12), (2, 4), (1, 1)], 4);
    Rating::new(value).ok()
}

impl World {
    pub(super) fn training(&mut self) {
        let providers: Vec<usize> = self
            .stable_orgs
            .iter()
            .copied()
            .filter(|&o| {
                self.doc.organisations.get(o).is_some_and(|org| {
                    matches!(
                        org.kind,
                        OrganisationKind::ChildrensHospice
                            | OrganisationKind::NhsFoundationTrust
                            | OrganisationKind::University
                    )
                })
            })
            .collect();
        let mut hosts = Vec::new();
        for c in 0..self.counts.courses {
            let Some(provider) = self
                .rng
                .pick(&providers)
                .copied()
                .or_else(|| self.stable_org())
            else {
                break;
            };
            let Some(provider_id) = self.doc.organisations.get(provider).map(|o| o.id) else {
                continue;
            };
            let (title, level) = words::COURSES
                .get(c % words::COURSES.len())
                .copied()
                .unwrap_or(("Foundations of children's palliative care", 1));
            let title = words::numbered(title, c / words::COURSES.len());
            let delivery = self.rng.weighted(
                &[
                    (Delivery::InPerson, 40),
                    (Delivery::Virtual, 25),
                    (Delivery::Blended, 20),
                    (Delivery::ELearning, 15),
                ],
                Delivery::InPerson,
            );
            let professions = if self.rng.percent(60) {
                Vec::new()
            } else {
                vec![self.rng.pick_or(
                    &[
                        Profession::Nurse,
                        Profession::Doctor,
                        Profession::AlliedHealthProfessional,
                        Profession::SocialWorker,
                    ],
                    Profession::Nurse,
                )]
            };
            let accreditation = self.rng.percent(20).then(|| {
                self.note(
                    "Accredited for continuing professional development by the university partner.",
                )
            });
            let hours = u32::try_from(self.rng.between(6, 60) * 50).unwrap_or(300);
            let outcomes = outcomes(&mut self.rng);
            hosts.push(provider);
            self.doc.courses.push(Course {
                id: CourseId::from_u128(self.rng.uuid()),
                title: text(&title),
                provider: provider_id,
                level: EducationLevel::ALL
                    .get(level)
                    .copied()
                    .unwrap_or(EducationLevel::Universal),
                outcomes,
                delivery,
                cpd_hours: CpdHours::from_hundredths(hours),
                professions,
                accreditation,
            });
        }
        self.events(&hosts);
        if !self.doc.people.is_empty() {
            for (applies_to, level, outcomes, renewal) in REQUIREMENTS {
                self.doc.training_requirements.push(TrainingRequirement {
                    id: TrainingRequirementId::from_u128(self.rng.uuid()),
                    applies_to,
                    level,
                    outcomes: outcomes.to_vec(),
                    renewal_months: renewal.and_then(|m| RenewalMonths::new(u64::from(m)).ok()),
                    note: None,
                });
            }
        }
    }

    /// Registrations per event: an even share, then moved between pairs of
    /// events so sizes vary while the total stays exact.
    fn registration_sizes(&mut self, events: usize) -> Vec<usize> {
        let mut sizes: Vec<usize> = (0..events)
            .map(|e| share(self.counts.registrations, events, e))
            .collect();
        for pair in sizes.chunks_exact_mut(2) {
            if let [a, b] = pair {
                let moved = self.rng.index(*b / 2 + 1);
                *a += moved;
                *b -= moved;
            }
        }
        sizes
    }

    /// Events; `course_hosts` gives each course's provider (organisation index).
    fn events(&mut self, course_hosts: &[usize]) {
        let n = self.counts.events;
        let people = self.doc.people.len();
        if self.doc.organisations.is_empty() {
            return;
        }
        let sizes = self.registration_sizes(n);
        let last_day = plus_days(self.as_of, 120);
        for size in sizes {
            let date = self.rng.date(self.start, last_day);
            let kind = self.rng.weighted(
                &[
                    (EventKind::CourseSession, 45),
                    (EventKind::StudyDay, 15),
                    (EventKind::Webinar, 15),
                    (EventKind::PeerSupport, 10),
                    (EventKind::NetworkingEvent, 7),
                    (EventKind::Conference, 3),
                    (EventKind::Other, 5),
                ],
                EventKind::StudyDay,
            );
            let EventContent {
                kind,
                course,
                title,
                level,
                outcomes,
                delivery,
                host,
            } = self.event_content(kind, course_hosts);
            let host = host.or(self.host).unwrap_or(0);
            let Some((host_id, host_name)) = self
                .doc
                .organisations
                .get(host)
                .map(|o| (o.id, o.name.to_string()))
            else {
                continue;
            };
            let locality = if delivery.has_place() {
                self.org_place
                    .get(host)
                    .copied()
                    .flatten()
                    .or_else(|| self.rng.pick(&self.places).copied())
                    .and_then(|l| self.doc.localities.get(l))
                    .map(|l| l.id)
            } else {
                None
            };
            let status = if date > self.as_of {
                if self.rng.percent(3) {
                    EventStatus::Cancelled
                } else {
                    EventStatus::Planned
                }
            } else if self.rng.percent(6) {
                EventStatus::Cancelled
            } else {
                EventStatus::Held
            };
            let Ok(duration_minutes) = Minutes::new(minutes(kind)) else {
                continue;
            };
            let mut event = Event {
                id: EventId::from_u128(self.rng.uuid()),
                kind,
                course,
                title: text(&title),
                date,
                duration_minutes,
                delivery,
                level,
                outcomes,
                locality,
                venue: matches!(delivery, Delivery::InPerson | Delivery::Blended)
                    .then(|| text(&format!("{host_name}, education centre"))),
                capacity: None,
                cost: if kind == EventKind::Conference {
                    Money::from_pounds(self.rng.between(50, 150))
                } else {
                    Money::ZERO
                },
                host: host_id,
                status,
            };
            let attended = self.registrations(&event, size.min(people), date);
            if delivery.has_place() || self.rng.percent(30) {
                let places = attended + self.rng.between(0, 10);
                event.capacity = Capacity::new(places.max(1)).ok();
            }
            self.doc.events.push(event);
        }
    }

    /// What an event of `kind` is about: a session of a random course (kept
    /// by its provider), or a network event hosted by a stable member.
    fn event_content(&mut self, kind: EventKind, course_hosts: &[usize]) -> EventContent {
        let course = (kind == EventKind::CourseSession)
            .then(|| self.rng.index(self.doc.courses.len()))
            .and_then(|c| Some((self.doc.courses.get(c)?, *course_hosts.get(c)?)));
        if let Some((course, host)) = course {
            let (id, title, level, delivery) = (
                course.id,
                course.title.to_string(),
                course.level,
                course.delivery,
            );
            return EventContent {
                kind,
                course: Some(id),
                title,
                level: self.rng.percent(50).then_some(level),
                outcomes: Vec::new(),
                delivery,
                host: Some(host),
            };
        }
        let kind = if kind == EventKind::CourseSession {
            EventKind::StudyDay
        } else {
            kind
        };
        let base = match kind {
            EventKind::StudyDay => 0,
            EventKind::Conference => 1,
            EventKind::Webinar => 2,
            EventKind::NetworkingEvent => 3,
            EventKind::PeerSupport => 4 + self.rng.index(3),
            _ => 7,
        };
        let host = self.stable_org();
        let place = host
            .and_then(|h| self.org_place.get(h).copied().flatten())
            .and_then(|l| self.doc.localities.get(l))
            .map(|l| l.name.to_string())
            .unwrap_or_default();
        let title = format!("{} — {place}", words::cycle(&words::EVENT_TITLES, base));
        let level = self.rng.percent(70).then(|| {
            self.rng
                .pick_or(&EducationLevel::ALL, EducationLevel::Universal)
        });
        let delivery = match kind {
            EventKind::Webinar => Delivery::Virtual,
            EventKind::Conference | EventKind::StudyDay => Delivery::InPerson,
            _ => self.rng.weighted(
                &[
                    (Delivery::InPerson, 40),
                    (Delivery::Virtual, 40),
                    (Delivery::Blended, 20),
                ],
                Delivery::Virtual,
            ),
        };
        EventContent {
            kind,
            course: None,
            title,
            level,
            outcomes: outcomes(&mut self.rng),
            delivery,
            host,
        }
    }

    /// Registers `size` distinct people for `event`; returns how many attended.
    fn registrations(&mut self, event: &Event, size: usize, date: NaiveDate) -> u64 {
        let mut attended = 0;
        let people = Stride::new(&mut self.rng, self.doc.people.len()).take(size);
        for p in people {
            let Some(person) = self.doc.people.get(p).map(|p| (p.id, p.employer)) else {
                continue;
            };
            let status = match event.status {
                EventStatus::Cancelled => RegistrationStatus::Cancelled,
                EventStatus::Planned => self.rng.weighted(
                    &[
                        (RegistrationStatus::Booked, 88),
                        (RegistrationStatus::WaitListed, 6),
                        (RegistrationStatus::Cancelled, 6),
                    ],
                    RegistrationStatus::Booked,
                ),
                _ => self.rng.weighted(
                    &[
                        (RegistrationStatus::Attended, 76),
                        (RegistrationStatus::DidNotAttend, 10),
                        (RegistrationStatus::Cancelled, 10),
                        (RegistrationStatus::WaitListed, 4),
                    ],
                    RegistrationStatus::Attended,
                ),
            };
            let barrier = match status {
                RegistrationStatus::DidNotAttend if self.rng.percent(75) => {
                    Some(self.rng.weighted(&BARRIERS, AccessBarrier::Timing))
                }
                RegistrationStatus::Cancelled
                    if event.status != EventStatus::Cancelled && self.rng.percent(60) =>
                {
                    Some(self.rng.weighted(&BARRIERS, AccessBarrier::Timing))
                }
                RegistrationStatus::WaitListed if date <= self.as_of && self.rng.percent(50) => {
                    Some(AccessBarrier::EventFull)
                }
                _ => None,
            };
            let barrier_detail = (barrier == Some(AccessBarrier::Other)).then(|| {
                text(
                    self.rng
                        .pick_or(&words::BARRIER_DETAILS, "Other commitments"),
                )
            });
            let feedback = if status == RegistrationStatus::Attended && self.rng.percent(35) {
                let (overall, relevance) = (rating(&mut self.rng), rating(&mut self.rng));
                let recommend = self.rng.percent(30);
                let comment = self
                    .rng
                    .percent(20)
                    .then(|| self.rng.pick_or(&words::FEEDBACK, "Thank you."));
                overall.zip(relevance).map(|(overall, relevance)| Feedback {
                    overall,
                    relevance,
                    would_recommend: overall.get() >= 4 || recommend,
                    comment: comment.map(|c| self.note(c)),
                })
            } else {
                None
            };
            if status == RegistrationStatus::Attended {
                attended += 1;
            }
            self.doc.registrations.push(Registration {
                id: RegistrationId::from_u128(self.rng.uuid()),
                event: event.id,
                person: person.0,
                organisation: person.1.unwrap_or(event.host),
                status,
                barrier,
                barrier_detail,
                feedback,
            });
        }
        attended
    }
}
