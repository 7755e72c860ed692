//! Funding streams, bodies with terms of reference and seats, meetings with
//! attendance, decisions and actions, the work plan, risks and communications.

use std::num::NonZeroU32;

use mcn_core::{
    History, Money, NaiveDate, PostRole, Rag, StatusChange,
    id::{
        ActionId, BodyId, CommunicationId, DecisionId, FundingStreamId, MeetingId, ObjectiveId,
        RiskId, SeatId,
    },
};
use mcn_governance::{
    Action, ActionStatus, AgendaItem, Attendance, AttendanceStatus, Audience, Body, BodyKind,
    Channel, Communication, Decision, DecisionKind, DecisionOutcome, DecisionSubject, Funder,
    FundingBasis, FundingStream, Impact, Likelihood, Meeting, MeetingFormat, MeetingFrequency,
    MeetingStatus, Objective, ObjectiveStage, QuorumRule, QuorumThreshold, RequiredRoles, Risk,
    RiskCategory, RiskStatus, Seat, SeatHolder, TermsOfReference, Theme, TorVersion, Votes,
    WeekCount, cadence::Interval, quorum::Fraction,
};
use mcn_organisations::OrganisationKind;

use super::{
    dates::{minus_days, minus_months, period, plus_days, plus_months},
    words,
    world::{BodyPlan, StreamPlan, World, text},
};

/// Who fills a seat, by index.
#[derive(Debug, Clone, Copy)]
pub(super) enum SeatPlan {
    Post { post: usize, voting: bool },
    Organisation(usize),
}

const PURPOSES: [&str; 6] = [
    "Research partnership on outcomes at home",
    "Parent carer engagement",
    "Bereavement support development",
    "Shared care record pilot",
    "Study day sponsorship",
    "Transition project",
];

const EXTERNAL: [&str; 3] = [
    "National Lottery Community Fund",
    "Together for Short Lives",
    "Public Health grant",
];

/// What a body is, before it gets dates and an id.
struct BodyDesign {
    kind: BodyKind,
    name: String,
    frequency: MeetingFrequency,
    quorum: QuorumRule,
    locality: Option<usize>,
}

fn fraction(numerator: u32, denominator: u32) -> QuorumThreshold {
    Fraction::new(numerator, denominator).map_or(
        QuorumThreshold::Count(NonZeroU32::MIN),
        QuorumThreshold::Fraction,
    )
}

fn count(n: u32) -> QuorumThreshold {
    QuorumThreshold::Count(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

fn purpose(kind: BodyKind) -> &'static str {
    match kind {
        BodyKind::Board => {
            "Sets the network's strategy and work plan, holds the risk register, endorses standards and guidelines, and is accountable to the member organisations and commissioners."
        }
        BodyKind::ClinicalReferenceGroup => {
            "Develops and reviews clinical guidelines and pathways, and advises the board on clinical standards and audit."
        }
        BodyKind::EducationGroup => {
            "Plans and evaluates the network's education programme against the education framework and training needs."
        }
        BodyKind::LocalityGroup => {
            "Brings together the teams caring for children with life-limiting conditions in the locality to improve local care and share learning."
        }
        BodyKind::ParentCarerForum => {
            "Gives parents and carers a voice in the network's work and reviews information for families."
        }
        _ => "A working group of the network board with a defined task and membership.",
    }
}

impl World {
    fn stream(
        &mut self,
        funder: Funder,
        purpose: &str,
        pounds: u64,
        start: NaiveDate,
        end: Option<NaiveDate>,
        basis: FundingBasis,
    ) -> StreamPlan {
        let index = self.doc.funding_streams.len();
        self.doc.funding_streams.push(FundingStream {
            id: FundingStreamId::from_u128(self.rng.uuid()),
            funder,
            purpose: text(purpose),
            amount: Money::from_pounds(pounds),
            period: period(start, end),
            basis,
        });
        StreamPlan {
            index,
            start,
            end: end.map(|e| e.max(start)),
        }
    }

    fn first_of_kind(&self, kind: OrganisationKind) -> Option<usize> {
        self.stable_orgs.iter().copied().find(|&o| {
            self.doc
                .organisations
                .get(o)
                .is_some_and(|org| org.kind == kind)
        })
    }

    fn funder(&self, kind: OrganisationKind, external: &str) -> Funder {
        self.first_of_kind(kind)
            .and_then(|o| self.doc.organisations.get(o))
            .map_or_else(
                || Funder::External(text(external)),
                |o| Funder::Organisation(o.id),
            )
    }

    pub(super) fn funding_streams(&mut self) {
        let n = self.counts.funding_streams;
        if n > 0 {
            let funder = self.funder(OrganisationKind::IntegratedCareBoard, "NHS England");
            self.key_streams.recurrent = Some(self.stream(
                funder,
                "Recurrent funding for the network's core team",
                180_000,
                self.established,
                None,
                FundingBasis::Recurrent,
            ));
        }
        if n > 1 {
            let funder = self.funder(
                OrganisationKind::ChildrensHospice,
                "Together for Short Lives",
            );
            let start = minus_months(self.start, 12);
            let end = plus_days(self.as_of, 60);
            self.key_streams.ending_soon = Some(self.stream(
                funder,
                "Education programme grant",
                60_000,
                start,
                Some(end),
                FundingBasis::TimeLimited,
            ));
        }
        if n > 2 {
            let end = plus_days(self.as_of, 400);
            self.key_streams.national = Some(self.stream(
                Funder::External(text("NHS England")),
                "Children's palliative care locality development",
                250_000,
                self.start,
                Some(end),
                FundingBasis::TimeLimited,
            ));
        }
        for i in 3..n {
            let purpose = words::cycle(&PURPOSES, i);
            let funder = match self.rng.below(3) {
                0 => Funder::External(text(self.rng.pick_or(&EXTERNAL, "NHS England"))),
                _ => self
                    .stable_org()
                    .and_then(|o| self.doc.organisations.get(o))
                    .map_or_else(
                        || Funder::External(text("NHS England")),
                        |o| Funder::Organisation(o.id),
                    ),
            };
            let start = self.rng.date(self.established, self.as_of);
            let recurrent = self.rng.percent(20);
            let end = (!recurrent).then(|| plus_months(start, self.rng.between_u32(12, 36)));
            let basis = if recurrent {
                FundingBasis::Recurrent
            } else {
                FundingBasis::TimeLimited
            };
            let pounds = self.rng.between(5, 120) * 1_000;
            self.stream(funder, &purpose, pounds, start, end, basis);
        }
    }

    /// The kind, name, frequency and quorum rule of the `i`-th body; `topics`
    /// and `places` count the working groups and locality groups so far.
    fn body_design(&mut self, i: usize, topics: &mut usize, places: &mut usize) -> BodyDesign {
        let design = |kind, name: &str, frequency, threshold| BodyDesign {
            kind,
            name: name.to_owned(),
            frequency,
            quorum: QuorumRule {
                threshold,
                required_roles: Vec::new(),
            },
            locality: None,
        };
        match i {
            0 => {
                let mut board = design(
                    BodyKind::Board,
                    "Network Board",
                    MeetingFrequency::Quarterly,
                    fraction(1, 3),
                );
                board.quorum.required_roles =
                    RequiredRoles::any_of(vec![PostRole::Chair, PostRole::ViceChair])
                        .into_iter()
                        .collect();
                board
            }
            1 => design(
                BodyKind::ClinicalReferenceGroup,
                "Clinical Reference Group",
                MeetingFrequency::EveryTwoMonths,
                fraction(1, 2),
            ),
            2 => design(
                BodyKind::EducationGroup,
                "Education and Training Group",
                MeetingFrequency::Quarterly,
                count(3),
            ),
            4 => design(
                BodyKind::ParentCarerForum,
                "Parent Carer Forum",
                MeetingFrequency::EveryTwoMonths,
                count(3),
            ),
            _ if i == 3 || (i.is_multiple_of(2) && !self.places.is_empty()) => {
                let at = self.places.get(*places % self.places.len().max(1)).copied();
                let round = *places / self.places.len().max(1);
                *places += 1;
                let place = self
                    .doc
                    .localities
                    .get(at.unwrap_or(0))
                    .map_or_else(|| "Northvale".to_owned(), |l| l.name.to_string());
                let name = words::numbered(&format!("{place} Locality Group"), round);
                let mut group = design(
                    BodyKind::LocalityGroup,
                    &name,
                    MeetingFrequency::Quarterly,
                    count(3),
                );
                group.locality = at;
                group
            }
            _ => {
                let topic = words::cycle(&words::WORKING_GROUP_TOPICS, *topics);
                *topics += 1;
                let every_six_weeks = WeekCount::new(6)
                    .map_or(MeetingFrequency::Monthly, MeetingFrequency::EveryWeeks);
                let frequency = self.rng.weighted(
                    &[
                        (MeetingFrequency::Monthly, 3),
                        (MeetingFrequency::EveryTwoMonths, 6),
                        (every_six_weeks, 1),
                    ],
                    MeetingFrequency::EveryTwoMonths,
                );
                design(
                    BodyKind::WorkingGroup,
                    &format!("{topic} Working Group"),
                    frequency,
                    fraction(1, 3),
                )
            }
        }
    }

    pub(super) fn bodies(&mut self) {
        let (mut topics, mut places) = (0, 0);
        for i in 0..self.counts.bodies {
            let design = self.body_design(i, &mut topics, &mut places);
            let start = match i {
                0 => self.established,
                1..=4 => plus_days(self.established, self.rng.below(180)),
                _ if self.rng.percent(85) => {
                    self.rng.date(self.established, minus_days(self.start, 30))
                }
                _ => self.rng.date(self.start, minus_days(self.as_of, 120)),
            };
            // A few working groups are task-and-finish groups that have ended.
            let end = (design.kind == BodyKind::WorkingGroup && i >= 5 && self.rng.percent(10))
                .then(|| {
                    let from = plus_days(start, 180).max(self.start);
                    self.rng.date(from, minus_days(self.as_of, 30))
                })
                .filter(|end| *end < self.as_of && *end > start);
            // Only the first five bodies, which never end, have groups reporting to them.
            let reports_to = match i {
                0 => None,
                1..=4 => Some(0),
                _ if self.rng.percent(60) => Some(0),
                _ => Some(1 + self.rng.index(4.min(i - 1))),
            };
            let body = Body {
                id: BodyId::from_u128(self.rng.uuid()),
                name: text(&design.name),
                kind: design.kind,
                reports_to: reports_to
                    .and_then(|p| self.doc.bodies.get(p))
                    .map(|b| b.id),
                terms_of_reference: vec![TermsOfReference {
                    version: TorVersion::new(1, 0),
                    approved_on: Some(start),
                    approved_by: None,
                    review_by: plus_months(start, 24),
                    purpose: self.note(purpose(design.kind)),
                    meeting_frequency: design.frequency,
                    quorum: design.quorum,
                }],
                active: period(start, end),
            };
            self.doc.bodies.push(body);
            let attendance = self.rng.between(70, 85);
            self.body_plans.push(BodyPlan {
                attendance,
                locality: design.locality,
                seats: Vec::new(),
                held: Vec::new(),
            });
        }
    }

    pub(super) fn seats(&mut self) {
        for b in 0..self.doc.bodies.len() {
            let Some((body_id, kind, active)) = self
                .doc
                .bodies
                .get(b)
                .map(|body| (body.id, body.kind, body.active))
            else {
                continue;
            };
            let plans = self.seat_plans(b, kind);
            for plan in &plans {
                let (holder, voting, title) = match *plan {
                    SeatPlan::Post { post, voting } => {
                        let Some(post) = self.doc.posts.get(post) else {
                            continue;
                        };
                        (SeatHolder::Post(post.id), voting, None)
                    }
                    SeatPlan::Organisation(org) => {
                        let Some(organisation) = self.doc.organisations.get(org) else {
                            continue;
                        };
                        (
                            SeatHolder::Organisation(organisation.id),
                            true,
                            Some(text(&format!("Representative of {}", organisation.name))),
                        )
                    }
                };
                self.doc.seats.push(Seat {
                    id: SeatId::from_u128(self.rng.uuid()),
                    body: body_id,
                    holder,
                    voting,
                    period: active,
                    title,
                });
            }
            if let Some(body_plan) = self.body_plans.get_mut(b) {
                body_plan.seats = plans;
            }
        }
    }

    /// Who fills the seats of body `b`: its own posts, the network posts that
    /// sit on it, and a few member organisations.
    fn seat_plans(&mut self, b: usize, kind: BodyKind) -> Vec<SeatPlan> {
        let mut plans: Vec<SeatPlan> = self
            .posts_by_body
            .get(b)
            .into_iter()
            .flatten()
            .map(|&post| SeatPlan::Post { post, voting: true })
            .collect();
        let keys = self.key_posts;
        let extra: Vec<(Option<usize>, bool)> = match kind {
            BodyKind::Board => vec![
                (keys.coordinator, false),
                (keys.clinical_lead, true),
                (keys.manager, true),
            ],
            BodyKind::ClinicalReferenceGroup => {
                vec![(keys.clinical_lead, true), (keys.coordinator, false)]
            }
            BodyKind::EducationGroup => vec![(keys.education_lead, true)],
            BodyKind::LocalityGroup => {
                let local = self.body_plans.get(b).and_then(|p| p.locality);
                self.locality_leads
                    .iter()
                    .filter(|(l, _)| Some(*l) == local)
                    .map(|&(_, post)| (Some(post), true))
                    .collect()
            }
            _ => Vec::new(),
        };
        plans.extend(
            extra
                .into_iter()
                .filter_map(|(post, voting)| post.map(|post| SeatPlan::Post { post, voting })),
        );
        let organisations = if kind == BodyKind::Board {
            4
        } else {
            self.rng.between(2, 3)
        };
        let mut chosen: Vec<usize> = Vec::new();
        for attempt in 0..organisations * 3 {
            if u64::try_from(chosen.len()).unwrap_or(u64::MAX) >= organisations {
                break;
            }
            let org = if kind == BodyKind::Board && attempt < 2 {
                self.stable_orgs
                    .get(usize::try_from(attempt).unwrap_or(0))
                    .copied()
            } else {
                self.rng.pick(&self.stable_orgs).copied()
            };
            if let Some(org) = org
                && !chosen.contains(&org)
                && self
                    .employees
                    .get(org)
                    .is_some_and(|staff| !staff.is_empty())
            {
                chosen.push(org);
            }
        }
        plans.extend(chosen.into_iter().map(SeatPlan::Organisation));
        plans
    }

    /// People who lead the network's work (holders of the network posts on `as_of`).
    fn leads(&self) -> Vec<usize> {
        let keys = self.key_posts;
        let mut leads: Vec<usize> = [
            keys.coordinator,
            keys.manager,
            keys.clinical_lead,
            keys.education_lead,
            keys.chair,
        ]
        .into_iter()
        .flatten()
        .filter_map(|post| self.holder(post, self.as_of))
        .collect();
        leads.dedup();
        leads
    }

    /// The work plan and the risk register, owned by the network's leads.
    pub(super) fn objectives_and_risks(&mut self) {
        let leads = self.leads();
        for i in 0..self.counts.objectives {
            self.objective(i, &leads);
        }
        for i in 0..self.counts.risks {
            self.risk(i, &leads);
        }
    }

    /// One of `leads`, or anyone.
    fn owner(&mut self, leads: &[usize]) -> Option<mcn_core::id::PersonId> {
        let people = self.doc.people.len();
        let owner = self
            .rng
            .pick(leads)
            .copied()
            .unwrap_or_else(|| self.rng.index(people));
        self.doc.people.get(owner).map(|p| p.id)
    }

    fn objective(&mut self, i: usize, leads: &[usize]) {
        let Some(owner) = self.owner(leads) else {
            return;
        };
        let title = words::cycle(&words::OBJECTIVES, i);
        let theme = self.rng.pick_or(
            &[
                Theme::Governance,
                Theme::Training,
                Theme::Standards,
                Theme::Collaboration,
                Theme::Funding,
                Theme::Workforce,
                Theme::Technology,
                Theme::Awareness,
                Theme::Evaluation,
                Theme::Leadership,
            ],
            Theme::Governance,
        );
        let proposed = self
            .rng
            .date(minus_months(self.start, 3), minus_months(self.as_of, 2));
        let due = self
            .rng
            .date(plus_months(proposed, 6), plus_months(self.as_of, 12));
        let mut stages = History::starting(ObjectiveStage::Proposed, proposed);
        let mut on = proposed;
        let mut stage = ObjectiveStage::Proposed;
        let path: &[ObjectiveStage] = if due < self.as_of {
            match self.rng.below(20) {
                0..=13 => &[
                    ObjectiveStage::Agreed,
                    ObjectiveStage::InProgress,
                    ObjectiveStage::Completed,
                    ObjectiveStage::Evaluated,
                ],
                14..=16 => &[ObjectiveStage::Agreed, ObjectiveStage::InProgress],
                17 => &[ObjectiveStage::Agreed, ObjectiveStage::Deferred],
                _ => &[ObjectiveStage::Agreed, ObjectiveStage::Cancelled],
            }
        } else {
            &[ObjectiveStage::Agreed, ObjectiveStage::InProgress]
        };
        let evaluate = self.rng.percent(30);
        for &next in path {
            if next == ObjectiveStage::Evaluated && !evaluate {
                break;
            }
            let date = plus_days(on, self.rng.between(14, 120));
            if date > self.as_of {
                break;
            }
            stages.push(StatusChange::new(next, date));
            on = date;
            stage = next;
        }
        let rag = match stage {
            ObjectiveStage::InProgress | ObjectiveStage::Agreed => Some(self.rng.weighted(
                &[(Rag::Green, 6), (Rag::Amber, 3), (Rag::Red, 1)],
                Rag::Green,
            )),
            _ => None,
        };
        let outcome = matches!(stage, ObjectiveStage::Completed | ObjectiveStage::Evaluated)
            .then(|| self.note("Delivered as planned; reported to the board."));
        self.doc.objectives.push(Objective {
            id: ObjectiveId::from_u128(self.rng.uuid()),
            title: text(&title),
            theme,
            owner,
            due,
            stages,
            rag,
            outcome,
        });
    }

    fn risk(&mut self, i: usize, leads: &[usize]) {
        let Some(owner) = self.owner(leads) else {
            return;
        };
        let category = self.rng.pick_or(
            &[
                RiskCategory::Funding,
                RiskCategory::Workforce,
                RiskCategory::Engagement,
                RiskCategory::Governance,
                RiskCategory::Technology,
                RiskCategory::Clinical,
                RiskCategory::Reputation,
            ],
            RiskCategory::Other,
        );
        let status = self.rng.weighted(
            &[
                (RiskStatus::Open, 70),
                (RiskStatus::Tolerated, 15),
                (RiskStatus::Closed, 15),
            ],
            RiskStatus::Open,
        );
        let review_by = if self.rng.percent(92) {
            plus_days(self.as_of, self.rng.between(10, 180))
        } else {
            minus_days(self.as_of, self.rng.between(10, 60))
        };
        let mitigations: Vec<&str> = (0..self.rng.between(1, 2))
            .map(|_| {
                self.rng
                    .pick_or(&words::MITIGATIONS, "Reviewed by the board.")
            })
            .collect();
        let mitigations = mitigations.into_iter().map(|m| self.note(m)).collect();
        let likelihood = Likelihood::new(self.rng.between(1, 5));
        let impact = Impact::new(self.rng.between(1, 5));
        let (Ok(likelihood), Ok(impact)) = (likelihood, impact) else {
            return;
        };
        self.doc.risks.push(Risk {
            id: RiskId::from_u128(self.rng.uuid()),
            title: text(&words::cycle(&words::RISKS, i)),
            category,
            likelihood,
            impact,
            owner,
            mitigations,
            status,
            review_by,
            // Entered on the register one month to two years before the
            // generation date (from the index, so the random stream and
            // every other figure stay as they were).
            recorded_on: Some(minus_days(self.as_of, 30 + (i as u64 * 53) % 700)),
        });
    }

    /// The meeting dates of a body: by its frequency, from the window's start
    /// (or the body's) to a little after `as_of` (or the body's end).
    fn meeting_dates(&mut self, b: usize) -> Vec<NaiveDate> {
        let Some(body) = self.doc.bodies.get(b) else {
            return Vec::new();
        };
        let Some(frequency) = body.terms_of_reference.first().map(|t| t.meeting_frequency) else {
            return Vec::new();
        };
        let first = plus_days(body.active.start(), 14).max(self.start);
        let last = body
            .active
            .end()
            .unwrap_or(NaiveDate::MAX)
            .min(plus_days(self.as_of, 45));
        let mut dates = Vec::new();
        for k in 0_u32.. {
            let base = match frequency.interval() {
                Interval::Months(m) => plus_months(first, k.saturating_mul(m)),
                Interval::Days(d) => plus_days(first, u64::from(k) * u64::from(d)),
            };
            if base > last || base == NaiveDate::MAX {
                break;
            }
            let date = plus_days(base, self.rng.below(6)).min(last);
            if dates.last().is_none_or(|previous| *previous < date) {
                dates.push(date);
            }
        }
        dates
    }

    pub(super) fn meetings(&mut self) {
        for b in 0..self.doc.bodies.len() {
            let Some((body_id, kind)) = self.doc.bodies.get(b).map(|body| (body.id, body.kind))
            else {
                continue;
            };
            let Some(plan) = self.body_plans.get(b).cloned() else {
                continue;
            };
            let mut held: Vec<usize> = Vec::new();
            for date in self.meeting_dates(b) {
                let status = if date > self.as_of {
                    MeetingStatus::Scheduled
                } else if self.rng.percent(4) {
                    MeetingStatus::Cancelled
                } else {
                    MeetingStatus::Held
                };
                let format = self.rng.weighted(
                    &[
                        (MeetingFormat::Virtual, 55),
                        (MeetingFormat::Hybrid, 30),
                        (MeetingFormat::InPerson, 15),
                    ],
                    MeetingFormat::Virtual,
                );
                let mut meeting = Meeting {
                    id: MeetingId::from_u128(self.rng.uuid()),
                    body: body_id,
                    date,
                    status,
                    format,
                    attendance: Vec::new(),
                    agenda: Vec::new(),
                    decisions: Vec::new(),
                    actions: Vec::new(),
                    minutes_approved_at: None,
                };
                if status == MeetingStatus::Held {
                    self.hold(&mut meeting, &plan, kind);
                    held.push(self.doc.meetings.len());
                }
                self.doc.meetings.push(meeting);
            }
            // Minutes are approved at the body's next held meeting.
            for pair in held.windows(2) {
                let (Some(&this), Some(&next)) = (pair.first(), pair.get(1)) else {
                    continue;
                };
                let next_id = self.doc.meetings.get(next).map(|m| (m.id, m.date));
                if let (Some(meeting), Some((id, next_date))) =
                    (self.doc.meetings.get_mut(this), next_id)
                    && next_date > meeting.date
                {
                    meeting.minutes_approved_at = Some(id);
                }
            }
            if let Some(plan) = self.body_plans.get_mut(b) {
                plan.held = held;
            }
        }
    }

    /// Attendance, agenda, decisions and actions of a held meeting.
    fn hold(&mut self, meeting: &mut Meeting, plan: &BodyPlan, kind: BodyKind) {
        let present = self.attend(meeting, plan);
        self.minute(meeting, &present, kind);
    }

    /// Who came to a held meeting (seat holders at the body's attendance rate,
    /// sometimes a guest); returns the people present, by index.
    fn attend(&mut self, meeting: &mut Meeting, plan: &BodyPlan) -> Vec<usize> {
        let date = meeting.date;
        let mut listed: Vec<usize> = Vec::new();
        let mut present: Vec<usize> = Vec::new();
        for seat in &plan.seats {
            let (person, on_behalf_of, voting, rate) = match *seat {
                SeatPlan::Post { post, voting } => {
                    let Some(person) = self.holder(post, date) else {
                        continue;
                    };
                    let chair =
                        self.doc.posts.get(post).is_some_and(|p| {
                            matches!(p.role, PostRole::Chair | PostRole::ViceChair)
                        });
                    (
                        person,
                        None,
                        voting,
                        plan.attendance + if chair { 10 } else { 0 },
                    )
                }
                SeatPlan::Organisation(org) => {
                    let Some(&person) = self.employees.get(org).and_then(|staff| staff.first())
                    else {
                        continue;
                    };
                    let id = self.doc.organisations.get(org).map(|o| o.id);
                    (person, id, true, plan.attendance)
                }
            };
            if listed.contains(&person) {
                continue;
            }
            let Some(person_id) = self.doc.people.get(person).map(|p| p.id) else {
                continue;
            };
            let status = if self.rng.percent(rate) {
                present.push(person);
                if voting {
                    AttendanceStatus::Present
                } else {
                    AttendanceStatus::InAttendance
                }
            } else if self.rng.percent(75) {
                AttendanceStatus::Apologies
            } else {
                AttendanceStatus::Absent
            };
            listed.push(person);
            meeting.attendance.push(Attendance {
                person: person_id,
                on_behalf_of,
                status,
            });
        }
        let people = self.doc.people.len();
        if people > 0 && self.rng.percent(20) {
            let guest = self.rng.index(people);
            if !listed.contains(&guest)
                && let Some(person) = self.doc.people.get(guest)
            {
                meeting.attendance.push(Attendance {
                    person: person.id,
                    on_behalf_of: None,
                    status: AttendanceStatus::InAttendance,
                });
                present.push(guest);
            }
        }
        present
    }

    /// The agenda, decisions and actions of a held meeting, presented and
    /// owned by people `present`.
    fn minute(&mut self, meeting: &mut Meeting, present: &[usize], kind: BodyKind) {
        let date = meeting.date;
        let presenter = |world: &mut World| {
            world
                .rng
                .pick(present)
                .and_then(|&p| world.doc.people.get(p))
                .map(|p| p.id)
        };

        meeting.agenda.push(AgendaItem {
            title: text("Welcome, apologies and declarations of interest"),
            presenter: None,
            notes: None,
        });
        meeting.agenda.push(AgendaItem {
            title: text("Minutes and actions of the previous meeting"),
            presenter: None,
            notes: None,
        });
        for _ in 0..self.rng.between(1, 3) {
            let title = text(self.rng.pick_or(&words::AGENDA_TOPICS, "Update"));
            meeting.agenda.push(AgendaItem {
                title,
                presenter: presenter(self),
                notes: None,
            });
        }
        meeting.agenda.push(AgendaItem {
            title: text("Any other business"),
            presenter: None,
            notes: None,
        });

        let attendees = u32::try_from(present.len()).unwrap_or(u32::MAX).max(1);
        for _ in 0..self.rng.below(3) {
            let decision = self.decision(DecisionKind::Other, None, attendees, None);
            meeting.decisions.push(decision);
        }
        if kind == BodyKind::Board {
            if self.rng.percent(25)
                && let Some(objective) = self.rng.pick(&self.doc.objectives).map(|o| o.id)
            {
                let decision = self.decision(
                    DecisionKind::ApproveWorkPlan,
                    Some(DecisionSubject::Objective(objective)),
                    attendees,
                    None,
                );
                meeting.decisions.push(decision);
            }
            if self.rng.percent(20)
                && let Some(stream) = self.rng.pick(&self.doc.funding_streams).map(|s| s.id)
            {
                let decision = self.decision(
                    DecisionKind::ApproveFunding,
                    Some(DecisionSubject::FundingStream(stream)),
                    attendees,
                    None,
                );
                meeting.decisions.push(decision);
            }
        }

        for _ in 0..self.rng.between(1, 3) {
            let Some(owner) = presenter(self) else { break };
            let due = plus_days(date, self.rng.between(21, 120));
            let (status, completed_on) = if due < self.as_of {
                match self.rng.below(40) {
                    0..=36 => (
                        ActionStatus::Done,
                        Some(self.rng.date(date, plus_days(due, 30).min(self.as_of))),
                    ),
                    37 | 38 => (ActionStatus::Cancelled, None),
                    _ => (ActionStatus::Open, None),
                }
            } else if self.rng.percent(25) {
                (ActionStatus::Done, Some(self.rng.date(date, self.as_of)))
            } else {
                (ActionStatus::Open, None)
            };
            let description = self.rng.pick_or(&words::ACTIONS, "Follow up.");
            let description = self.note(description);
            meeting.actions.push(Action {
                id: ActionId::from_u128(self.rng.uuid()),
                description,
                owner,
                due,
                status,
                completed_on,
            });
        }
    }

    /// A decision with `present` voters, saying `text` (or a stock text);
    /// carried unless `kind` is `Other` and the dice say otherwise.
    pub(super) fn decision(
        &mut self,
        kind: DecisionKind,
        subject: Option<DecisionSubject>,
        present: u32,
        text: Option<&str>,
    ) -> Decision {
        let outcome = if kind == DecisionKind::Other {
            self.rng.weighted(
                &[
                    (DecisionOutcome::Carried, 85),
                    (DecisionOutcome::Deferred, 10),
                    (DecisionOutcome::NotCarried, 5),
                ],
                DecisionOutcome::Carried,
            )
        } else {
            DecisionOutcome::Carried
        };
        let votes = (outcome != DecisionOutcome::Deferred && present >= 3 && self.rng.percent(20))
            .then(|| {
                let few = u32::try_from(self.rng.below(u64::from(present / 3) + 1)).unwrap_or(0);
                let abstain = u32::try_from(self.rng.below(2))
                    .unwrap_or(0)
                    .min(present - few);
                let rest = present - few - abstain;
                if outcome == DecisionOutcome::NotCarried {
                    Votes {
                        in_favour: few,
                        against: rest,
                        abstain,
                    }
                } else {
                    Votes {
                        in_favour: rest,
                        against: few,
                        abstain,
                    }
                }
            })
            .filter(|votes| votes.agrees_with(outcome));
        let text = match (text, kind) {
            (Some(text), _) => text,
            (None, DecisionKind::ApproveWorkPlan) => "The work plan objective was approved.",
            (None, DecisionKind::ApproveFunding) => "The funding was approved.",
            _ => self.rng.pick_or(&words::DECISIONS, "Agreed."),
        };
        Decision {
            id: DecisionId::from_u128(self.rng.uuid()),
            text: self.note(text),
            kind,
            subject,
            outcome,
            votes,
        }
    }

    /// Adds a carried decision (saying `text`) to a random held board meeting
    /// dated on or after `not_before`; returns its id and date.
    pub(super) fn board_decision(
        &mut self,
        kind: DecisionKind,
        subject: DecisionSubject,
        not_before: NaiveDate,
        text: &str,
    ) -> Option<(DecisionId, NaiveDate)> {
        let held = &self.body_plans.first()?.held;
        let from = held.partition_point(|&m| {
            self.doc
                .meetings
                .get(m)
                .is_some_and(|m| m.date < not_before)
        });
        let candidates = held.get(from..)?;
        let &m = self.rng.pick(candidates)?;
        let present = self
            .doc
            .meetings
            .get(m)?
            .attendance
            .iter()
            .filter(|a| a.status == AttendanceStatus::Present)
            .count();
        let decision = self.decision(
            kind,
            Some(subject),
            u32::try_from(present).unwrap_or(0),
            Some(text),
        );
        let id = decision.id;
        let meeting = self.doc.meetings.get_mut(m)?;
        meeting.decisions.push(decision);
        Some((id, meeting.date))
    }

    pub(super) fn terms_of_reference_reviews(&mut self) {
        for b in 0..self.doc.bodies.len() {
            let Some((id, start, ended, name)) = self.doc.bodies.get(b).map(|body| {
                (
                    body.id,
                    body.active.start(),
                    body.active.end().is_some(),
                    body.name.to_string(),
                )
            }) else {
                continue;
            };
            if ended || start >= self.start || !self.rng.percent(95) {
                continue;
            }
            let text = format!(
                "The revised terms of reference (version 2.0) of the {name} were approved."
            );
            let Some((decision, on)) = self.board_decision(
                DecisionKind::ApproveTermsOfReference,
                DecisionSubject::Body(id),
                plus_days(start, 30),
                &text,
            ) else {
                continue;
            };
            if let Some(body) = self.doc.bodies.get_mut(b)
                && let Some(first) = body.terms_of_reference.first().cloned()
            {
                body.terms_of_reference.push(TermsOfReference {
                    version: TorVersion::new(2, 0),
                    approved_on: Some(on),
                    approved_by: Some(decision),
                    review_by: plus_months(on, 24),
                    ..first
                });
            }
        }
    }

    pub(super) fn communications(&mut self) {
        let mut dates: Vec<NaiveDate> = (0..self.counts.communications)
            .map(|_| self.rng.date(self.start, self.as_of))
            .collect();
        dates.sort_unstable();
        for date in dates {
            let channel = self.rng.weighted(
                &[
                    (Channel::Newsletter, 30),
                    (Channel::Email, 25),
                    (Channel::Website, 20),
                    (Channel::SocialMedia, 15),
                    (Channel::Event, 5),
                    (Channel::Report, 5),
                ],
                Channel::Email,
            );
            let mut audience = vec![self.rng.pick_or(
                &[Audience::Members, Audience::Professionals],
                Audience::Members,
            )];
            if self.rng.percent(40) {
                let more = self.rng.pick_or(
                    &[
                        Audience::ParentsCarers,
                        Audience::Commissioners,
                        Audience::Public,
                        Audience::ChildrenYoungPeople,
                    ],
                    Audience::Public,
                );
                audience.push(more);
            }
            let topic = text(
                self.rng
                    .pick_or(&words::COMMUNICATION_TOPICS, "Network news"),
            );
            let reach = self
                .rng
                .percent(80)
                .then(|| u32::try_from(self.rng.between(40, 4_000)).unwrap_or(40));
            self.doc.communications.push(Communication {
                id: CommunicationId::from_u128(self.rng.uuid()),
                date,
                channel,
                audience,
                topic,
                reach,
            });
        }
    }
}
