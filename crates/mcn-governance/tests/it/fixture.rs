//! A small, clean governance document to mutate in tests.

use mcn_core::{
    Finding, History, Money, NaiveDate, Note, Period, PostRole, StatusChange, Text,
    id::{PersonId, PostId},
};
use mcn_governance::{
    Action, ActionStatus, Attendance, AttendanceStatus, Body, BodyKind, Decision, DecisionKind,
    DecisionOutcome, Funder, FundingBasis, FundingStream, GovernanceData, Impact, Likelihood,
    Meeting, MeetingFormat, MeetingFrequency, MeetingStatus, Objective, ObjectiveStage, QuorumRule,
    QuorumThreshold, Risk, RiskCategory, RiskStatus, Seat, SeatHolder, SeatHolders,
    TermsOfReference, Theme, TorVersion, Votes, quorum::Holding, validate,
};

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(crate) fn text(s: &str) -> Text {
    Text::new(s).unwrap()
}

pub(crate) fn note(s: &str) -> Note {
    Note::new(s).unwrap()
}

/// The date every rule test assesses as of.
pub(crate) const AS_OF: (i32, u32, u32) = (2025, 6, 1);

pub(crate) fn as_of() -> NaiveDate {
    d(AS_OF.0, AS_OF.1, AS_OF.2)
}

pub(crate) fn count_rule(n: u32) -> QuorumRule {
    QuorumRule {
        threshold: QuorumThreshold::Count(std::num::NonZeroU32::new(n).unwrap()),
        required_roles: vec![],
    }
}

pub(crate) fn terms(
    version: &str,
    approved_on: Option<NaiveDate>,
    review_by: NaiveDate,
) -> TermsOfReference {
    TermsOfReference {
        version: version.parse::<TorVersion>().unwrap(),
        approved_on,
        approved_by: None,
        review_by,
        purpose: note("Lead the network."),
        meeting_frequency: MeetingFrequency::Quarterly,
        quorum: count_rule(1),
    }
}

pub(crate) fn body(name: &str, kind: BodyKind, reports_to: Option<&Body>) -> Body {
    Body {
        id: mcn_core::id::BodyId::generate(),
        name: text(name),
        kind,
        reports_to: reports_to.map(|b| b.id),
        terms_of_reference: vec![terms("1.0", Some(d(2020, 1, 15)), d(2030, 1, 1))],
        active: Period::starting(d(2020, 1, 1)),
    }
}

pub(crate) fn meeting(body: &Body, date: NaiveDate) -> Meeting {
    Meeting {
        id: mcn_core::id::MeetingId::generate(),
        body: body.id,
        date,
        status: MeetingStatus::Held,
        format: MeetingFormat::Hybrid,
        attendance: vec![],
        agenda: vec![],
        decisions: vec![],
        actions: vec![],
        minutes_approved_at: None,
    }
}

pub(crate) fn present(person: PersonId) -> Attendance {
    Attendance {
        person,
        on_behalf_of: None,
        status: AttendanceStatus::Present,
    }
}

pub(crate) fn decision(
    kind: DecisionKind,
    outcome: DecisionOutcome,
    votes: Option<(u32, u32)>,
) -> Decision {
    Decision {
        id: mcn_core::id::DecisionId::generate(),
        text: note("Approve the thing."),
        kind,
        subject: None,
        outcome,
        votes: votes.map(|(in_favour, against)| Votes {
            in_favour,
            against,
            abstain: 0,
        }),
    }
}

pub(crate) fn action(
    due: NaiveDate,
    status: ActionStatus,
    completed_on: Option<NaiveDate>,
) -> Action {
    Action {
        id: mcn_core::id::ActionId::generate(),
        description: note("Circulate the draft."),
        owner: PersonId::generate(),
        due,
        status,
        completed_on,
    }
}

pub(crate) fn stages(entries: &[(ObjectiveStage, NaiveDate)]) -> History<ObjectiveStage> {
    History::new(
        entries
            .iter()
            .map(|&(s, on)| StatusChange::new(s, on))
            .collect(),
    )
    .unwrap()
}

pub(crate) fn objective(due: NaiveDate, history: &[(ObjectiveStage, NaiveDate)]) -> Objective {
    Objective {
        id: mcn_core::id::ObjectiveId::generate(),
        title: text("Agree shared symptom management guideline"),
        theme: Theme::Standards,
        owner: PersonId::generate(),
        due,
        stages: stages(history),
        rag: Some(mcn_core::Rag::Green),
        outcome: None,
    }
}

pub(crate) fn risk(likelihood: u8, impact: u8, status: RiskStatus, review_by: NaiveDate) -> Risk {
    Risk {
        id: mcn_core::id::RiskId::generate(),
        title: text("Co-ordinator funding ends"),
        category: RiskCategory::Funding,
        likelihood: Likelihood::new(u64::from(likelihood)).unwrap(),
        impact: Impact::new(u64::from(impact)).unwrap(),
        owner: PersonId::generate(),
        mitigations: vec![note("Business case to the ICB.")],
        status,
        review_by,
        recorded_on: None,
    }
}

pub(crate) fn funding(amount_pounds: u64, period: Period, basis: FundingBasis) -> FundingStream {
    FundingStream {
        id: mcn_core::id::FundingStreamId::generate(),
        funder: Funder::External(text("Children's charity")),
        purpose: text("Network co-ordinator"),
        amount: Money::from_pounds(amount_pounds),
        period,
        basis,
    }
}

pub(crate) fn post_seat(body: &Body, post: PostId, voting: bool) -> Seat {
    Seat {
        id: mcn_core::id::SeatId::generate(),
        body: body.id,
        holder: SeatHolder::Post(post),
        voting,
        period: Period::starting(d(2020, 1, 1)),
        title: None,
    }
}

pub(crate) fn org_seat(body: &Body, organisation: mcn_core::id::OrganisationId) -> Seat {
    Seat {
        id: mcn_core::id::SeatId::generate(),
        body: body.id,
        holder: SeatHolder::Organisation(organisation),
        voting: true,
        period: Period::starting(d(2020, 1, 1)),
        title: None,
    }
}

/// Post holders for tests: (post, person, role); every holding is for all dates.
#[derive(Default)]
pub(crate) struct Holders(pub Vec<(PostId, PersonId, Option<PostRole>)>);

impl SeatHolders for Holders {
    fn holdings(&self) -> Vec<Holding> {
        self.0
            .iter()
            .map(|&(post, person, _)| Holding {
                post,
                person,
                period: Period::starting(NaiveDate::MIN),
            })
            .collect()
    }

    fn post_role(&self, post: PostId) -> Option<PostRole> {
        self.0
            .iter()
            .find(|(p, _, _)| *p == post)
            .and_then(|(_, _, role)| *role)
    }
}

/// A clean document: a steering group (root), an education group under it,
/// one meeting each with a carried vote and a done action, one objective in
/// progress, a low risk, and funding ending in 2027.
pub(crate) struct Doc {
    pub(crate) bodies: Vec<Body>,
    pub(crate) seats: Vec<Seat>,
    pub(crate) meetings: Vec<Meeting>,
    pub(crate) objectives: Vec<Objective>,
    pub(crate) risks: Vec<Risk>,
    pub(crate) funding_streams: Vec<FundingStream>,
}

impl Doc {
    pub(crate) fn clean() -> Self {
        let root = body("Steering group", BodyKind::SteeringGroup, None);
        let education = body("Education group", BodyKind::EducationGroup, Some(&root));
        let chair_post = PostId::generate();
        let seats = vec![post_seat(&root, chair_post, true)];
        let mut first = meeting(&root, d(2025, 1, 10));
        first.attendance = vec![present(PersonId::generate()), present(PersonId::generate())];
        first.decisions = vec![decision(
            DecisionKind::ApproveWorkPlan,
            DecisionOutcome::Carried,
            Some((5, 1)),
        )];
        first.actions = vec![action(
            d(2025, 3, 1),
            ActionStatus::Done,
            Some(d(2025, 2, 1)),
        )];
        let mut second = meeting(&root, d(2025, 4, 10));
        second.actions = vec![action(d(2025, 9, 1), ActionStatus::Open, None)];
        first.minutes_approved_at = Some(second.id);
        let third = meeting(&education, d(2025, 2, 2));
        Self {
            bodies: vec![root, education],
            seats,
            meetings: vec![first, second, third],
            objectives: vec![objective(
                d(2025, 12, 31),
                &[
                    (ObjectiveStage::Proposed, d(2025, 1, 1)),
                    (ObjectiveStage::Agreed, d(2025, 1, 10)),
                    (ObjectiveStage::InProgress, d(2025, 2, 1)),
                ],
            )],
            risks: vec![risk(2, 3, RiskStatus::Open, d(2025, 9, 1))],
            funding_streams: vec![funding(
                90_000,
                Period::new(d(2024, 4, 1), Some(d(2027, 3, 31))).unwrap(),
                FundingBasis::TimeLimited,
            )],
        }
    }

    pub(crate) fn data(&self) -> GovernanceData<'_> {
        GovernanceData {
            bodies: &self.bodies,
            seats: &self.seats,
            meetings: &self.meetings,
            objectives: &self.objectives,
            risks: &self.risks,
            funding_streams: &self.funding_streams,
            communications: &[],
        }
    }

    pub(crate) fn findings(&self) -> Vec<Finding> {
        validate(&self.data(), as_of())
    }

    /// Paths of the findings with `code`.
    pub(crate) fn paths(&self, code: &str) -> Vec<String> {
        paths(&self.findings(), code)
    }
}

pub(crate) fn paths(findings: &[Finding], code: &str) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.code == code)
        .map(|f| f.path.as_str().to_owned())
        .collect()
}
