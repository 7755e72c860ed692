//! Funding, the body tree with terms of reference and seats, two years of
//! meetings, the work plan, the risk register and communications.

// Tables of example data, not logic: long functions and wide row types read
// best as they are.
#![allow(clippy::too_many_lines, clippy::type_complexity)]

use std::collections::BTreeMap;

use mcn_core::{Money, NaiveDate, Rag};
use mcn_governance::{
    Action, ActionStatus, AgendaItem, Attendance, AttendanceStatus, Body, BodyKind, Communication,
    Decision, DecisionKind, DecisionOutcome, DecisionSubject, Funder, FundingBasis, FundingStream,
    Meeting, MeetingFormat, MeetingFrequency, MeetingStatus, Objective, ObjectiveStage, QuorumRule,
    Risk, RiskCategory, RiskStatus, Seat, SeatHolder, TermsOfReference, Theme, Votes,
    communication::{Audience, Channel},
};
use mcn_network::NetworkDocument;

use super::{IDS, b, d as dec, f, gl, o, ob, p, po};
use crate::example::ctx::Ctx;

/// Adds the network's governance to `doc`.
pub(super) fn add(c: &Ctx, doc: &mut NetworkDocument) {
    funding(c, doc);
    bodies(c, doc);
    seats(c, doc);
    meetings(c, doc);
    objectives(c, doc);
    risks(c, doc);
    communications(c, doc);
}

fn funding(c: &Ctx, doc: &mut NetworkDocument) {
    doc.funding_streams.push(FundingStream {
        id: IDS.funding_stream(f::ICB),
        funder: Funder::Organisation(IDS.organisation(o::ICB)),
        purpose: c.text("Recurrent network funding: co-ordination, administration, clinical and locality leadership"),
        amount: Money::from_pounds(148_000),
        period: c.since("2024-09-01"),
        basis: FundingBasis::Recurrent,
    });
    doc.funding_streams.push(FundingStream {
        id: IDS.funding_stream(f::GRANT),
        funder: Funder::Organisation(IDS.organisation(o::HOSPITAL_CHARITY)),
        purpose: c.text("Two-year start-up grant for the network education programme"),
        amount: Money::from_pounds(96_000),
        period: c.period("2025-01-01", "2026-12-31"),
        basis: FundingBasis::TimeLimited,
    });
}

const STEERING_PURPOSE: &str = "Leads the network and is accountable for it: agrees the work plan, endorses shared standards and guidelines, oversees the working groups, the risk register and the network's funding, and reports to the integrated care board.";
const EDUCATION_PURPOSE: &str = "Plans and evaluates the network's education programme against the four levels of the UK and Ireland children's palliative care education framework, and works to remove the barriers staff meet in getting to training.";

fn bodies(c: &Ctx, doc: &mut NetworkDocument) {
    let rule = |members| QuorumRule {
        threshold: c.count(members),
        required_roles: vec![c.chair_or_vice()],
    };
    let terms = |version: (u32, u32),
                 approved: &str,
                 by: u64,
                 review: &str,
                 purpose: &str,
                 frequency,
                 quorum| TermsOfReference {
        version: Ctx::version(version.0, version.1),
        approved_on: Some(c.date(approved)),
        approved_by: Some(IDS.decision(by)),
        review_by: c.date(review),
        purpose: c.note(purpose),
        meeting_frequency: frequency,
        quorum,
    };
    let steering_quorum = || QuorumRule {
        threshold: c.fraction(1, 2),
        required_roles: vec![c.chair_or_vice()],
    };
    doc.bodies.push(Body {
        id: IDS.body(b::STEERING),
        name: c.text("Northvale Children's Palliative Care Network Steering Group"),
        kind: BodyKind::SteeringGroup,
        reports_to: None,
        terms_of_reference: vec![
            terms(
                (1, 0),
                "2024-10-15",
                dec::STEERING_TERMS_1,
                "2025-10-31",
                STEERING_PURPOSE,
                MeetingFrequency::Quarterly,
                steering_quorum(),
            ),
            terms(
                (2, 0),
                "2025-10-14",
                dec::STEERING_TERMS_2,
                "2027-10-31",
                STEERING_PURPOSE,
                MeetingFrequency::Quarterly,
                steering_quorum(),
            ),
        ],
        active: c.since("2024-09-01"),
    });
    doc.bodies.push(Body {
        id: IDS.body(b::EDUCATION),
        name: c.text("Education Working Group"),
        kind: BodyKind::EducationGroup,
        reports_to: Some(IDS.body(b::STEERING)),
        terms_of_reference: vec![
            terms(
                (1, 0),
                "2024-10-15",
                dec::EDUCATION_TERMS_1,
                "2026-04-30",
                EDUCATION_PURPOSE,
                MeetingFrequency::Quarterly,
                rule(3),
            ),
            terms(
                (2, 0),
                "2026-04-21",
                dec::EDUCATION_TERMS_2,
                "2028-04-30",
                EDUCATION_PURPOSE,
                MeetingFrequency::Quarterly,
                rule(3),
            ),
        ],
        active: c.since("2024-10-15"),
    });
    doc.bodies.push(Body {
        id: IDS.body(b::GUIDELINES),
        name: c.text("Clinical Guidelines Working Group"),
        kind: BodyKind::WorkingGroup,
        reports_to: Some(IDS.body(b::STEERING)),
        terms_of_reference: vec![terms(
            (1, 0),
            "2024-10-15",
            dec::GUIDELINES_TERMS_1,
            "2027-01-31",
            "Drafts and reviews the network's shared clinical guidelines, consults members on them and recommends them to the steering group for endorsement.",
            MeetingFrequency::Quarterly,
            rule(4),
        )],
        active: c.since("2024-10-15"),
    });
    // Its terms of reference were due for review at the end of July 2026 and
    // have not been: an honest warning.
    doc.bodies.push(Body {
        id: IDS.body(b::DATA),
        name: c.text("Data and Evaluation Working Group"),
        kind: BodyKind::WorkingGroup,
        reports_to: Some(IDS.body(b::STEERING)),
        terms_of_reference: vec![terms(
            (1, 0),
            "2025-01-21",
            dec::DATA_TERMS_1,
            "2026-07-31",
            "Agrees what the network measures and how, so that every member counts the same way; collates audit results and evaluates the network's work.",
            MeetingFrequency::Quarterly,
            rule(3),
        )],
        active: c.since("2025-01-21"),
    });
}

fn seats(c: &Ctx, doc: &mut NetworkDocument) {
    let post = |n| SeatHolder::Post(IDS.post(n));
    let org = |n| SeatHolder::Organisation(IDS.organisation(n));
    // (body, holder, voting, from, to, title)
    let rows: [(u64, SeatHolder, bool, &str, Option<&str>, &str); 43] = [
        (
            b::STEERING,
            post(po::CHAIR),
            true,
            "2024-09-01",
            None,
            "Chair",
        ),
        (
            b::STEERING,
            post(po::VICE_CHAIR),
            true,
            "2024-09-01",
            None,
            "Vice-chair",
        ),
        (
            b::STEERING,
            post(po::CLINICAL_LEAD),
            true,
            "2024-09-01",
            None,
            "Network clinical lead",
        ),
        (
            b::STEERING,
            post(po::LEAD_NURSE),
            true,
            "2024-09-01",
            None,
            "Network lead nurse",
        ),
        (
            b::STEERING,
            post(po::COORDINATOR),
            false,
            "2024-09-01",
            None,
            "Network co-ordinator (secretary)",
        ),
        (
            b::STEERING,
            post(po::EDUCATION_LEAD),
            true,
            "2025-02-01",
            None,
            "Network education lead",
        ),
        (
            b::STEERING,
            post(po::PARENT_REP),
            true,
            "2024-10-01",
            None,
            "Parent and carer representative",
        ),
        (
            b::STEERING,
            org(o::ICB),
            true,
            "2024-09-01",
            None,
            "Integrated care board",
        ),
        (
            b::STEERING,
            org(o::NVCH),
            true,
            "2024-09-01",
            None,
            "Northvale Children's Hospital",
        ),
        (
            b::STEERING,
            org(o::NVGH),
            true,
            "2024-09-01",
            None,
            "Northvale General Hospitals",
        ),
        (
            b::STEERING,
            org(o::EMH),
            true,
            "2024-09-01",
            None,
            "Eastmoor Hospitals",
        ),
        (
            b::STEERING,
            org(o::WECH),
            true,
            "2024-09-01",
            None,
            "Westdale and Eastmoor Community Health",
        ),
        (
            b::STEERING,
            org(o::HARBOURSIDE),
            true,
            "2024-09-01",
            None,
            "Harbourside Children's Hospice",
        ),
        (
            b::STEERING,
            org(o::FELLSIDE),
            true,
            "2024-09-01",
            None,
            "Fellside Children's Hospice",
        ),
        (
            b::STEERING,
            org(o::MEADOWBANK),
            true,
            "2024-10-01",
            None,
            "Meadowbank Children's Hospice",
        ),
        (
            b::STEERING,
            org(o::SCH),
            true,
            "2025-01-01",
            None,
            "Southbridge Community Health",
        ),
        (
            b::STEERING,
            org(o::CITY_COUNCIL),
            true,
            "2024-09-01",
            None,
            "Northvale City Council",
        ),
        (
            b::STEERING,
            org(o::COUNTY_COUNCIL),
            true,
            "2025-04-01",
            None,
            "Westdale and Eastmoor County Council",
        ),
        (
            b::STEERING,
            org(o::UNIVERSITY),
            false,
            "2024-09-01",
            None,
            "University of Northvale (adviser)",
        ),
        (
            b::STEERING,
            org(o::ECS),
            true,
            "2024-09-01",
            Some("2025-03-31"),
            "Eastmoor Community Services (until its merger)",
        ),
        (
            b::EDUCATION,
            post(po::EWG_CHAIR),
            true,
            "2024-10-15",
            None,
            "Chair",
        ),
        (
            b::EDUCATION,
            post(po::EDUCATION_LEAD),
            true,
            "2025-02-01",
            None,
            "Network education lead",
        ),
        (
            b::EDUCATION,
            org(o::HARBOURSIDE),
            true,
            "2024-10-15",
            None,
            "Harbourside Children's Hospice",
        ),
        (
            b::EDUCATION,
            org(o::FELLSIDE),
            true,
            "2024-10-15",
            None,
            "Fellside Children's Hospice",
        ),
        (
            b::EDUCATION,
            org(o::MEADOWBANK),
            true,
            "2024-10-15",
            None,
            "Meadowbank Children's Hospice",
        ),
        (
            b::EDUCATION,
            org(o::NVCH),
            true,
            "2024-10-15",
            None,
            "Northvale Children's Hospital",
        ),
        (
            b::EDUCATION,
            org(o::WECH),
            true,
            "2024-10-15",
            None,
            "Westdale and Eastmoor Community Health",
        ),
        (
            b::EDUCATION,
            post(po::COORDINATOR),
            false,
            "2024-10-15",
            None,
            "Network co-ordinator",
        ),
        (
            b::GUIDELINES,
            post(po::GWG_CHAIR),
            true,
            "2024-10-15",
            None,
            "Chair",
        ),
        (
            b::GUIDELINES,
            post(po::GWG_VICE_CHAIR),
            true,
            "2024-10-15",
            None,
            "Vice-chair",
        ),
        (
            b::GUIDELINES,
            post(po::CLINICAL_LEAD),
            true,
            "2024-10-15",
            None,
            "Network clinical lead",
        ),
        (
            b::GUIDELINES,
            post(po::LEAD_NURSE),
            true,
            "2024-10-15",
            None,
            "Network lead nurse",
        ),
        (
            b::GUIDELINES,
            post(po::SYMPTOM_CHAMPION),
            true,
            "2025-01-01",
            None,
            "Symptom management champion",
        ),
        (
            b::GUIDELINES,
            org(o::HARBOURSIDE),
            true,
            "2024-10-15",
            None,
            "Harbourside Children's Hospice",
        ),
        (
            b::GUIDELINES,
            org(o::FELLSIDE),
            true,
            "2024-10-15",
            None,
            "Fellside Children's Hospice",
        ),
        (
            b::GUIDELINES,
            org(o::MEADOWBANK),
            true,
            "2024-10-15",
            None,
            "Meadowbank Children's Hospice",
        ),
        (
            b::GUIDELINES,
            org(o::WECH),
            true,
            "2024-10-15",
            None,
            "Westdale and Eastmoor Community Health",
        ),
        (
            b::DATA,
            post(po::DWG_CHAIR),
            true,
            "2025-01-21",
            None,
            "Chair",
        ),
        (
            b::DATA,
            post(po::COORDINATOR),
            true,
            "2025-01-21",
            None,
            "Network co-ordinator",
        ),
        (
            b::DATA,
            org(o::ICB),
            true,
            "2025-01-21",
            None,
            "Integrated care board",
        ),
        (
            b::DATA,
            org(o::NVCH),
            true,
            "2025-01-21",
            None,
            "Northvale Children's Hospital",
        ),
        (
            b::DATA,
            org(o::WECH),
            true,
            "2025-01-21",
            None,
            "Westdale and Eastmoor Community Health",
        ),
        (
            b::DATA,
            org(o::HARBOURSIDE),
            true,
            "2025-01-21",
            None,
            "Harbourside Children's Hospice",
        ),
    ];
    for (number, (body, holder, voting, from, to, title)) in (1..).zip(rows) {
        doc.seats.push(Seat {
            id: IDS.seat(number),
            body: IDS.body(body),
            holder,
            voting,
            period: to.map_or_else(|| c.since(from), |to| c.period(from, to)),
            title: Some(c.text(title)),
        });
    }
}

/// Who is expected at a body's meetings: (person, on behalf of, from, until);
/// `""` leaves a date open.
type Roster = &'static [(u64, Option<u64>, &'static str, &'static str)];

const STEERING_ROSTER: Roster = &[
    (p::REID, None, "", ""),
    (p::ELLERY, None, "", ""),
    (p::OKAFOR, None, "", ""),
    (p::ADEYEMI, None, "", ""),
    (p::MARSH, None, "", ""),
    (p::KETTERING, None, "2025-02-01", "2026-12-31"),
    (p::NOLAN, None, "2024-10-01", ""),
    (p::MCLEOD, Some(o::ICB), "", ""),
    (p::ELLISON, Some(o::NVCH), "", ""),
    (p::TATE, Some(o::NVGH), "", ""),
    (p::MEHTA, Some(o::EMH), "", ""),
    (p::BRENNAN, Some(o::WECH), "", ""),
    (p::HARTLEY, Some(o::HARBOURSIDE), "", ""),
    (p::GRIEVE, Some(o::FELLSIDE), "", ""),
    (p::FRANKS, Some(o::MEADOWBANK), "", ""),
    (p::MOSS, Some(o::SCH), "2025-01-01", ""),
    (p::WHITCOMBE, Some(o::CITY_COUNCIL), "", ""),
    (p::BELL, Some(o::COUNTY_COUNCIL), "2025-04-01", ""),
    (p::OGILVIE, Some(o::UNIVERSITY), "", ""),
    (p::COLE, Some(o::ECS), "", "2025-03-31"),
];

const EDUCATION_ROSTER: Roster = &[
    (p::ACHTERBERG, None, "", ""),
    (p::KETTERING, None, "2025-02-01", "2026-12-31"),
    (p::MARSH, None, "", ""),
    (p::CARVER, Some(o::HARBOURSIDE), "", ""),
    (p::DOYLE, Some(o::FELLSIDE), "", ""),
    (p::PIKE, Some(o::MEADOWBANK), "", ""),
    (p::MORRISON, Some(o::NVCH), "", ""),
    (p::FENWICK, Some(o::WECH), "", ""),
];

const GUIDELINES_ROSTER: Roster = &[
    (p::HALE, None, "", ""),
    (p::WILK, None, "", ""),
    (p::OKAFOR, None, "", ""),
    (p::ADEYEMI, None, "", ""),
    (p::FROST, None, "2025-01-01", ""),
    (p::ASHWORTH, Some(o::HARBOURSIDE), "", ""),
    (p::ALI, Some(o::FELLSIDE), "", ""),
    (p::FRANKS, Some(o::MEADOWBANK), "", ""),
    (p::LLOYD, Some(o::WECH), "", ""),
];

const DATA_ROSTER: Roster = &[
    (p::OGILVIE, None, "", ""),
    (p::MARSH, None, "", ""),
    (p::KAPOOR, Some(o::ICB), "", ""),
    (p::KELLY, Some(o::NVCH), "", ""),
    (p::CHAUDHRY, Some(o::WECH), "", ""),
    (p::OKORO, Some(o::HARBOURSIDE), "", ""),
];

/// One meeting as written below; attendance comes from the body's roster.
struct Spec {
    body: u64,
    date: &'static str,
    status: MeetingStatus,
    format: MeetingFormat,
    /// Roster members who sent apologies or were absent.
    away: &'static [(u64, AttendanceStatus)],
    decisions: Vec<Decision>,
    actions: Vec<Action>,
}

fn meetings(c: &Ctx, doc: &mut NetworkDocument) {
    use AttendanceStatus::{Absent, Apologies};
    use DecisionKind::{
        ApproveFunding, ApproveTermsOfReference, ApproveWorkPlan, EndorseStandard, Other,
    };
    use MeetingFormat::{Hybrid, InPerson, Virtual};
    use MeetingStatus::{Cancelled, Held, Scheduled};

    let decision =
        |number, text, kind, subject, outcome, votes: Option<(u32, u32, u32)>| Decision {
            id: IDS.decision(number),
            text: c.note(text),
            kind,
            subject: Some(subject),
            outcome,
            votes: votes.map(|(in_favour, against, abstain)| Votes {
                in_favour,
                against,
                abstain,
            }),
        };
    let carried = |number, text, kind, subject| {
        decision(number, text, kind, subject, DecisionOutcome::Carried, None)
    };
    let body = |n| DecisionSubject::Body(IDS.body(n));
    let qs160 = |n| DecisionSubject::Standard(super::standards::qs160_id(n));
    let guideline = |n| DecisionSubject::Standard(IDS.standard(n));
    let done = |number, text, owner, due, completed| Action {
        id: IDS.action(number),
        description: c.note(text),
        owner: IDS.person(owner),
        due: c.date(due),
        status: ActionStatus::Done,
        completed_on: Some(c.date(completed)),
    };
    let open = |number, text, owner, due| Action {
        id: IDS.action(number),
        description: c.note(text),
        owner: IDS.person(owner),
        due: c.date(due),
        status: ActionStatus::Open,
        completed_on: None,
    };
    let plain = |body, date, format, away| Spec {
        body,
        date,
        status: Held,
        format,
        away,
        decisions: Vec::new(),
        actions: Vec::new(),
    };
    let not_held = |body, date, status| Spec {
        body,
        date,
        status,
        format: Virtual,
        away: &[],
        decisions: Vec::new(),
        actions: Vec::new(),
    };

    let specs = vec![
        // The steering group, quarterly.
        Spec {
            decisions: vec![
                carried(
                    dec::STEERING_TERMS_1,
                    "The steering group approves its terms of reference, version 1.0.",
                    ApproveTermsOfReference,
                    body(b::STEERING),
                ),
                carried(
                    dec::EDUCATION_TERMS_1,
                    "The steering group approves the terms of reference of the Education Working Group, version 1.0.",
                    ApproveTermsOfReference,
                    body(b::EDUCATION),
                ),
                carried(
                    dec::GUIDELINES_TERMS_1,
                    "The steering group approves the terms of reference of the Clinical Guidelines Working Group, version 1.0.",
                    ApproveTermsOfReference,
                    body(b::GUIDELINES),
                ),
            ],
            actions: vec![
                done(
                    1,
                    "Draft the 2025 work plan for approval in January.",
                    p::MARSH,
                    "2025-01-10",
                    "2025-01-08",
                ),
                done(
                    2,
                    "Launch the network website and mailing list.",
                    p::NATARAJAN,
                    "2024-12-31",
                    "2024-12-02",
                ),
            ],
            ..plain(
                b::STEERING,
                "2024-10-15",
                InPerson,
                &[(p::TATE, Apologies), (p::FRANKS, Apologies)],
            )
        },
        Spec {
            decisions: vec![
                decision(
                    dec::WORK_PLAN_2025,
                    "The steering group approves the network work plan for 2025.",
                    ApproveWorkPlan,
                    body(b::STEERING),
                    DecisionOutcome::Carried,
                    Some((12, 0, 1)),
                ),
                carried(
                    dec::DATA_TERMS_1,
                    "The steering group establishes the Data and Evaluation Working Group and approves its terms of reference, version 1.0.",
                    ApproveTermsOfReference,
                    body(b::DATA),
                ),
                carried(
                    dec::GRANT,
                    "The steering group accepts the hospital charity's two-year grant for the education programme and the secondment of an education lead.",
                    ApproveFunding,
                    DecisionSubject::FundingStream(IDS.funding_stream(f::GRANT)),
                ),
            ],
            actions: vec![done(
                3,
                "Put QS160 statements 1 and 2 out to members for consultation.",
                p::OKAFOR,
                "2025-02-28",
                "2025-02-03",
            )],
            ..plain(
                b::STEERING,
                "2025-01-21",
                Virtual,
                &[(p::MEHTA, Apologies), (p::WHITCOMBE, Absent)],
            )
        },
        Spec {
            decisions: vec![
                carried(
                    dec::ENDORSE_QS160_1,
                    "The steering group endorses NICE QS160 statement 1 (advance care planning) for the network.",
                    EndorseStandard,
                    qs160(1),
                ),
                carried(
                    dec::ENDORSE_QS160_2,
                    "The steering group endorses NICE QS160 statement 2 (named medical specialist) for the network.",
                    EndorseStandard,
                    qs160(2),
                ),
            ],
            actions: vec![done(
                4,
                "Run a baseline audit of QS160 statements 1 and 6 across the providers.",
                p::OGILVIE,
                "2025-09-30",
                "2025-09-26",
            )],
            ..plain(
                b::STEERING,
                "2025-04-15",
                Hybrid,
                &[(p::REID, Apologies), (p::NOLAN, Apologies)],
            )
        },
        Spec {
            decisions: vec![decision(
                dec::ENDORSE_GL01,
                "The steering group endorses the network guideline NVCPC-GL-01 on symptom management in the last days of life.",
                EndorseStandard,
                guideline(gl::SYMPTOMS),
                DecisionOutcome::Carried,
                Some((14, 0, 1)),
            )],
            actions: vec![done(
                5,
                "Map 24-hour children's nursing and consultant advice, place by place.",
                p::ADEYEMI,
                "2025-10-10",
                "2025-10-06",
            )],
            ..plain(
                b::STEERING,
                "2025-07-15",
                Virtual,
                &[
                    (p::HARTLEY, Apologies),
                    (p::MEHTA, Apologies),
                    (p::BELL, Apologies),
                ],
            )
        },
        Spec {
            decisions: vec![
                carried(
                    dec::STEERING_TERMS_2,
                    "The steering group approves its revised terms of reference, version 2.0, adding the education lead as a voting member.",
                    ApproveTermsOfReference,
                    body(b::STEERING),
                ),
                carried(
                    dec::ENDORSE_QS160_4,
                    "The steering group endorses NICE QS160 statement 4 (multidisciplinary team) for the network.",
                    EndorseStandard,
                    qs160(4),
                ),
                carried(
                    dec::ENDORSE_QS160_6,
                    "The steering group endorses NICE QS160 statement 6 (24-hour nursing and consultant advice at home) for the network.",
                    EndorseStandard,
                    qs160(6),
                ),
            ],
            actions: vec![
                open(
                    6,
                    "Prepare a business case for 24-hour consultant advice covering Eastmoor.",
                    p::MCLEOD,
                    "2026-03-31",
                ),
                Action {
                    status: ActionStatus::Cancelled,
                    completed_on: Some(c.date("2025-11-11")),
                    ..open(
                        7,
                        "Add a standing agenda item on training access barriers (taken over by the education working group).",
                        p::KETTERING,
                        "2025-11-30",
                    )
                },
            ],
            ..plain(
                b::STEERING,
                "2025-10-14",
                InPerson,
                &[(p::FRANKS, Apologies)],
            )
        },
        Spec {
            decisions: vec![
                carried(
                    dec::WORK_PLAN_2026,
                    "The steering group approves the network work plan for 2026.",
                    ApproveWorkPlan,
                    body(b::STEERING),
                ),
                carried(
                    dec::ENDORSE_GL02,
                    "The steering group endorses the network guideline NVCPC-GL-02 on advance care planning and parallel planning.",
                    EndorseStandard,
                    guideline(gl::ADVANCE_CARE_PLANNING),
                ),
            ],
            ..plain(
                b::STEERING,
                "2026-01-20",
                Virtual,
                &[
                    (p::TATE, Apologies),
                    (p::WHITCOMBE, Apologies),
                    (p::MEHTA, Absent),
                ],
            )
        },
        Spec {
            decisions: vec![
                carried(
                    dec::EDUCATION_TERMS_2,
                    "The steering group approves the revised terms of reference of the Education Working Group, version 2.0.",
                    ApproveTermsOfReference,
                    body(b::EDUCATION),
                ),
                decision(
                    dec::DEFER_RECORD_PILOT,
                    "The shared care record pilot for hospices is deferred until funding is identified.",
                    Other,
                    DecisionSubject::Objective(IDS.objective(ob::RECORD_PILOT)),
                    DecisionOutcome::Deferred,
                    None,
                ),
            ],
            actions: vec![open(
                8,
                "Seek recurrent funding for the education lead post before the grant ends.",
                p::REID,
                "2026-09-30",
            )],
            ..plain(
                b::STEERING,
                "2026-04-21",
                Hybrid,
                &[(p::ELLERY, Apologies), (p::GRIEVE, Apologies)],
            )
        },
        Spec {
            decisions: vec![decision(
                dec::ANNUAL_REPORT,
                "The steering group approves the network's annual report for 2025/26 for publication.",
                Other,
                body(b::STEERING),
                DecisionOutcome::Carried,
                Some((12, 0, 0)),
            )],
            actions: vec![
                open(
                    9,
                    "Recruit a locality lead for Eastmoor.",
                    p::BRENNAN,
                    "2026-12-15",
                ),
                open(
                    10,
                    "Review the terms of reference of the Data and Evaluation Working Group.",
                    p::OGILVIE,
                    "2026-09-30",
                ),
            ],
            ..plain(
                b::STEERING,
                "2026-07-14",
                Virtual,
                &[
                    (p::MEHTA, Apologies),
                    (p::NOLAN, Apologies),
                    (p::BELL, Absent),
                ],
            )
        },
        Spec {
            decisions: vec![carried(
                dec::EDUCATION_BID,
                "The steering group approves a bid to the integrated care board for recurrent funding of the education programme when the grant ends.",
                Other,
                DecisionSubject::FundingStream(IDS.funding_stream(f::GRANT)),
            )],
            actions: vec![open(
                11,
                "Present the network's evaluation report to the integrated care board.",
                p::MARSH,
                "2027-01-31",
            )],
            ..plain(
                b::STEERING,
                "2026-10-13",
                InPerson,
                &[(p::KETTERING, Apologies), (p::TATE, Apologies)],
            )
        },
        not_held(b::STEERING, "2027-01-19", Scheduled),
        // The education working group.
        Spec {
            decisions: vec![carried(
                dec::FRAMEWORK_LEVELS,
                "The group adopts the four levels of the UK and Ireland children's palliative care education framework for the network's course catalogue.",
                Other,
                body(b::EDUCATION),
            )],
            actions: vec![done(
                12,
                "Run a training needs survey across member organisations.",
                p::ACHTERBERG,
                "2025-03-31",
                "2025-03-28",
            )],
            ..plain(b::EDUCATION, "2024-11-12", Virtual, &[(p::PIKE, Apologies)])
        },
        plain(b::EDUCATION, "2025-02-11", Virtual, &[]),
        plain(
            b::EDUCATION,
            "2025-05-13",
            InPerson,
            &[(p::FENWICK, Apologies), (p::MORRISON, Apologies)],
        ),
        not_held(b::EDUCATION, "2025-08-12", Cancelled),
        Spec {
            actions: vec![done(
                13,
                "Run the second core skills cohort in Westdale, so Westdale and Eastmoor staff travel less.",
                p::KETTERING,
                "2025-11-30",
                "2025-11-13",
            )],
            ..plain(
                b::EDUCATION,
                "2025-09-09",
                Virtual,
                &[(p::DOYLE, Apologies)],
            )
        },
        plain(b::EDUCATION, "2025-11-11", Virtual, &[]),
        plain(
            b::EDUCATION,
            "2026-02-10",
            Hybrid,
            &[(p::CARVER, Apologies)],
        ),
        Spec {
            actions: vec![open(
                14,
                "Offer an evening session of the core skills course for staff who cannot be released in the day.",
                p::DOYLE,
                "2026-12-31",
            )],
            ..plain(b::EDUCATION, "2026-05-12", Virtual, &[(p::PIKE, Absent)])
        },
        plain(
            b::EDUCATION,
            "2026-09-08",
            Virtual,
            &[(p::FENWICK, Apologies)],
        ),
        // The clinical guidelines working group.
        plain(b::GUIDELINES, "2024-12-03", InPerson, &[]),
        plain(b::GUIDELINES, "2025-03-04", Virtual, &[(p::ALI, Apologies)]),
        Spec {
            decisions: vec![carried(
                dec::RECOMMEND_GL01,
                "The group recommends guideline NVCPC-GL-01 to the steering group for endorsement.",
                Other,
                guideline(gl::SYMPTOMS),
            )],
            actions: vec![done(
                15,
                "Collate members' consultation comments on NVCPC-GL-01.",
                p::WILK,
                "2025-06-30",
                "2025-06-20",
            )],
            ..plain(b::GUIDELINES, "2025-06-03", Virtual, &[])
        },
        plain(
            b::GUIDELINES,
            "2025-09-02",
            Virtual,
            &[(p::HALE, Apologies), (p::LLOYD, Apologies)],
        ),
        Spec {
            decisions: vec![carried(
                dec::RECOMMEND_GL02,
                "The group recommends guideline NVCPC-GL-02 to the steering group for endorsement.",
                Other,
                guideline(gl::ADVANCE_CARE_PLANNING),
            )],
            ..plain(
                b::GUIDELINES,
                "2025-12-02",
                InPerson,
                &[(p::FROST, Apologies)],
            )
        },
        plain(b::GUIDELINES, "2026-03-03", Virtual, &[]),
        plain(
            b::GUIDELINES,
            "2026-06-02",
            Virtual,
            &[(p::ALI, Absent), (p::FRANKS, Apologies)],
        ),
        plain(b::GUIDELINES, "2026-09-01", Hybrid, &[]),
        // The data and evaluation working group; its June 2025 meeting was
        // inquorate (chair away, two of six voting members present).
        plain(b::DATA, "2025-03-11", Virtual, &[]),
        plain(
            b::DATA,
            "2025-06-10",
            Virtual,
            &[
                (p::OGILVIE, Apologies),
                (p::KAPOOR, Apologies),
                (p::CHAUDHRY, Absent),
                (p::OKORO, Apologies),
            ],
        ),
        plain(b::DATA, "2025-09-16", Virtual, &[]),
        plain(b::DATA, "2025-12-09", Virtual, &[(p::KELLY, Apologies)]),
        Spec {
            decisions: vec![carried(
                dec::MINIMUM_DATASET,
                "The group agrees the network's shared minimum dataset for auditing QS160.",
                Other,
                DecisionSubject::Objective(IDS.objective(ob::MINIMUM_DATASET)),
            )],
            actions: vec![done(
                16,
                "Publish the agreed measure definitions to every member.",
                p::KAPOOR,
                "2026-04-30",
                "2026-04-14",
            )],
            ..plain(b::DATA, "2026-03-10", Virtual, &[])
        },
        plain(b::DATA, "2026-06-09", Virtual, &[(p::OKORO, Apologies)]),
        not_held(b::DATA, "2026-09-15", Cancelled),
    ];

    let mut specs: Vec<(NaiveDate, Spec)> = specs
        .into_iter()
        .map(|spec| (c.date(spec.date), spec))
        .collect();
    specs.sort_by_key(|(date, spec)| (*date, spec.body));
    let numbers: Vec<u64> = (1..).take(specs.len()).collect();
    // The minutes of each held meeting are approved at the body's next held meeting.
    let mut next_held: BTreeMap<u64, u64> = BTreeMap::new();
    let mut approved_at: Vec<Option<u64>> = vec![None; specs.len()];
    for ((_, spec), (&number, slot)) in specs.iter().zip(numbers.iter().zip(&mut approved_at)).rev()
    {
        if spec.status == Held {
            *slot = next_held.get(&spec.body).copied();
            next_held.insert(spec.body, number);
        }
    }
    for (((date, spec), number), minutes) in specs.into_iter().zip(numbers).zip(approved_at) {
        let held = spec.status == Held;
        doc.meetings.push(Meeting {
            id: IDS.meeting(number),
            body: IDS.body(spec.body),
            date,
            status: spec.status,
            format: spec.format,
            attendance: if held {
                attendance(c, spec.body, date, spec.away)
            } else {
                Vec::new()
            },
            agenda: if held {
                agenda(c, spec.body)
            } else {
                Vec::new()
            },
            decisions: spec.decisions,
            actions: spec.actions,
            minutes_approved_at: minutes.map(|m| IDS.meeting(m)),
        });
    }
}

/// The attendance of a held meeting: the body's roster on the date, present
/// unless listed as away; the administrator minutes the steering group.
fn attendance(
    c: &Ctx,
    body: u64,
    date: NaiveDate,
    away: &[(u64, AttendanceStatus)],
) -> Vec<Attendance> {
    let roster = match body {
        b::STEERING => STEERING_ROSTER,
        b::EDUCATION => EDUCATION_ROSTER,
        b::GUIDELINES => GUIDELINES_ROSTER,
        _ => DATA_ROSTER,
    };
    let on_roster = |from: &str, until: &str| {
        (from.is_empty() || c.date(from) <= date) && (until.is_empty() || date <= c.date(until))
    };
    let mut entries: Vec<Attendance> = roster
        .iter()
        .filter(|(_, _, from, until)| on_roster(from, until))
        .map(|&(person, on_behalf_of, ..)| Attendance {
            person: IDS.person(person),
            on_behalf_of: on_behalf_of.map(|o| IDS.organisation(o)),
            status: away
                .iter()
                .find(|(who, _)| *who == person)
                .map_or(AttendanceStatus::Present, |&(_, status)| status),
        })
        .collect();
    for (who, _) in away {
        if !entries.iter().any(|entry| entry.person == IDS.person(*who)) {
            c.problem(format!(
                "person {who} is away from a meeting on {date} but not on its roster"
            ));
        }
    }
    if body == b::STEERING && on_roster("2024-11-01", "") {
        entries.push(Attendance {
            person: IDS.person(p::NATARAJAN),
            on_behalf_of: None,
            status: AttendanceStatus::InAttendance,
        });
    }
    entries
}

/// The standing agenda of a body's meetings.
fn agenda(c: &Ctx, body: u64) -> Vec<AgendaItem> {
    let (chair, report, presenter) = match body {
        b::STEERING => (
            p::REID,
            "Co-ordinator's report, risk register and finance",
            p::MARSH,
        ),
        b::EDUCATION => (
            p::ACHTERBERG,
            "Training activity, reach and access barriers",
            p::MARSH,
        ),
        b::GUIDELINES => (
            p::HALE,
            "Guidelines in development and consultation",
            p::WILK,
        ),
        _ => (p::OGILVIE, "Audit submissions and data quality", p::KAPOOR),
    };
    vec![
        AgendaItem {
            title: c.text("Apologies, minutes of the last meeting and action log"),
            presenter: Some(IDS.person(chair)),
            notes: None,
        },
        AgendaItem {
            title: c.text(report),
            presenter: Some(IDS.person(presenter)),
            notes: None,
        },
    ]
}

fn objectives(c: &Ctx, doc: &mut NetworkDocument) {
    use ObjectiveStage::{Agreed, Completed, Deferred, Evaluated, InProgress, Proposed};
    // (title, theme, owner, due, stages, RAG, outcome)
    let rows: [(
        &str,
        Theme,
        u64,
        &str,
        Vec<(ObjectiveStage, &str)>,
        Option<Rag>,
        Option<&str>,
    ); 9] = [
        (
            "Establish the steering group and three working groups with approved terms of reference",
            Theme::Governance,
            p::MARSH,
            "2025-03-31",
            vec![
                (Agreed, "2024-10-15"),
                (InProgress, "2024-10-16"),
                (Completed, "2025-01-21"),
                (Evaluated, "2025-10-14"),
            ],
            Some(Rag::Green),
            Some(
                "All four bodies meet to their terms of reference; members rated the governance structure the network's clearest early achievement.",
            ),
        ),
        (
            "Endorse a network guideline on symptom management",
            Theme::Standards,
            p::HALE,
            "2025-09-30",
            vec![
                (Agreed, "2025-01-21"),
                (InProgress, "2025-02-01"),
                (Completed, "2025-07-15"),
            ],
            Some(Rag::Green),
            Some(
                "NVCPC-GL-01 endorsed in July 2025 after consultation with every provider member.",
            ),
        ),
        (
            "Deliver core-level training to 150 staff across both sectors",
            Theme::Training,
            p::KETTERING,
            "2026-12-31",
            vec![(Agreed, "2025-01-21"), (InProgress, "2025-02-01")],
            Some(Rag::Amber),
            None,
        ),
        (
            "24-hour consultant advice available in every place",
            Theme::Collaboration,
            p::OKAFOR,
            "2026-09-30",
            vec![(Agreed, "2025-10-14"), (InProgress, "2026-01-20")],
            Some(Rag::Red),
            None,
        ),
        (
            "Agree a shared minimum dataset for auditing QS160",
            Theme::Evaluation,
            p::OGILVIE,
            "2026-03-31",
            vec![
                (Agreed, "2025-01-21"),
                (InProgress, "2025-03-11"),
                (Completed, "2026-03-10"),
            ],
            Some(Rag::Green),
            Some("Every provider now counts QS160 measures from the same definitions."),
        ),
        (
            "Pilot a shared care record view for the children's hospices",
            Theme::Technology,
            p::KAPOOR,
            "2027-03-31",
            vec![
                (Proposed, "2025-10-14"),
                (Agreed, "2026-01-20"),
                (Deferred, "2026-04-21"),
            ],
            Some(Rag::Amber),
            None,
        ),
        (
            "Publish a quarterly network newsletter",
            Theme::Awareness,
            p::NATARAJAN,
            "2025-12-31",
            vec![
                (Agreed, "2025-01-21"),
                (InProgress, "2025-02-01"),
                (Completed, "2025-12-15"),
            ],
            Some(Rag::Green),
            Some("Four issues in 2025, each read by 300 to 400 staff across the members."),
        ),
        (
            "Secure recurrent funding for the education programme",
            Theme::Funding,
            p::REID,
            "2026-12-31",
            vec![(Agreed, "2026-01-20"), (InProgress, "2026-04-21")],
            Some(Rag::Red),
            None,
        ),
        (
            "Recruit and keep a locality lead in every place",
            Theme::Workforce,
            p::BRENNAN,
            "2027-03-31",
            vec![(Proposed, "2026-07-14")],
            None,
            None,
        ),
    ];
    for (number, (title, theme, owner, due, stages, rag, outcome)) in (1..).zip(rows) {
        let mut stages = stages.into_iter();
        let Some(first) = stages.next() else {
            c.problem(format!("objective {title:?} has no stage"));
            continue;
        };
        let rest: Vec<_> = stages.collect();
        doc.objectives.push(Objective {
            id: IDS.objective(number),
            title: c.text(title),
            theme,
            owner: IDS.person(owner),
            due: c.date(due),
            stages: c.history(first, &rest),
            rag,
            outcome: outcome.map(|outcome| c.note(outcome)),
        });
    }
}

fn risks(c: &Ctx, doc: &mut NetworkDocument) {
    // (title, category, likelihood, impact, owner, mitigations, status, review by)
    let rows: [(&str, RiskCategory, u8, u8, u64, &[&str], RiskStatus, &str); 6] = [
        (
            "The education grant ends in December 2026 with no recurrent funding to replace it",
            RiskCategory::Funding,
            4,
            4,
            p::REID,
            &[
                "Bid to the integrated care board for recurrent funding (October 2026).",
                "Ask hospice members to host core skills cohorts at their own cost.",
            ],
            RiskStatus::Open,
            "2026-11-30",
        ),
        (
            "Community nursing vacancies prevent 24-hour nursing cover in Southbridge",
            RiskCategory::Workforce,
            4,
            3,
            p::MOSS,
            &["Joint recruitment with Northvale Children's Community Nursing Team."],
            RiskStatus::Open,
            "2026-12-31",
        ),
        (
            "No shared record between NHS and hospice members",
            RiskCategory::Technology,
            5,
            2,
            p::KAPOOR,
            &["Advance care plans exchanged by secure e-mail in the meantime."],
            RiskStatus::Tolerated,
            "2027-01-31",
        ),
        (
            "Member engagement falls after the start-up phase",
            RiskCategory::Engagement,
            3,
            3,
            p::MARSH,
            &["Share early achievements in the newsletter and annual report."],
            RiskStatus::Open,
            "2026-12-01",
        ),
        (
            "Families in Eastmoor cannot reach consultant advice out of hours",
            RiskCategory::Clinical,
            3,
            4,
            p::OKAFOR,
            &[
                "Eastmoor advice line in office hours; business case for extending the network line.",
            ],
            RiskStatus::Open,
            "2026-12-01",
        ),
        (
            "The co-ordinator post is unfilled at launch",
            RiskCategory::Governance,
            2,
            4,
            p::REID,
            &["Co-ordinator appointed from launch day."],
            RiskStatus::Closed,
            "2025-01-31",
        ),
    ];
    for (number, (title, category, likelihood, impact, owner, mitigations, status, review)) in
        (1..).zip(rows)
    {
        let (likelihood, impact) = c.risk_rating(likelihood, impact);
        doc.risks.push(Risk {
            id: IDS.risk(number),
            title: c.text(title),
            category,
            likelihood,
            impact,
            owner: IDS.person(owner),
            mitigations: mitigations.iter().map(|m| c.note(m)).collect(),
            status,
            review_by: c.date(review),
        });
    }
}

fn communications(c: &Ctx, doc: &mut NetworkDocument) {
    use Audience::{
        ChildrenYoungPeople, Commissioners, Members, ParentsCarers, Professionals, Public,
    };
    use Channel::{Email, Event, Newsletter, Report, SocialMedia, Website};
    // (date, channel, audience, topic, reach)
    let rows: [(&str, Channel, &[Audience], &str, Option<u32>); 12] = [
        (
            "2024-10-01",
            Website,
            &[Members, Professionals, Public],
            "Network website launched",
            None,
        ),
        (
            "2025-03-31",
            Newsletter,
            &[Members],
            "Newsletter 1: who we are and what we will do first",
            Some(310),
        ),
        (
            "2025-06-12",
            Email,
            &[ParentsCarers],
            "Survey: what matters to families about care at home",
            Some(180),
        ),
        (
            "2025-06-30",
            Newsletter,
            &[Members],
            "Newsletter 2: QS160 statements 1 and 2 endorsed",
            Some(342),
        ),
        (
            "2025-09-30",
            Newsletter,
            &[Members, Professionals],
            "Newsletter 3: symptom management guideline",
            Some(365),
        ),
        (
            "2025-10-09",
            Event,
            &[Members, Professionals, Commissioners],
            "Network launch and networking afternoon",
            Some(118),
        ),
        (
            "2025-12-15",
            Newsletter,
            &[Members],
            "Newsletter 4: a year of the network",
            Some(401),
        ),
        (
            "2026-03-31",
            Newsletter,
            &[Members],
            "Newsletter 5: the shared minimum dataset",
            Some(388),
        ),
        (
            "2026-05-18",
            SocialMedia,
            &[Public, ParentsCarers, ChildrenYoungPeople],
            "Children's hospice week: meet the network",
            Some(2_400),
        ),
        (
            "2026-06-30",
            Newsletter,
            &[Members, Professionals],
            "Newsletter 6: conference highlights",
            Some(417),
        ),
        (
            "2026-07-31",
            Report,
            &[Commissioners, Members],
            "Annual report 2025/26",
            Some(85),
        ),
        (
            "2026-09-30",
            Newsletter,
            &[Members],
            "Newsletter 7: training access barriers and what we are doing",
            Some(396),
        ),
    ];
    for (number, (date, channel, audience, topic, reach)) in (1..).zip(rows) {
        doc.communications.push(Communication {
            id: IDS.communication(number),
            date: c.date(date),
            channel,
            audience: audience.to_vec(),
            topic: c.text(topic),
            reach,
        });
    }
}
