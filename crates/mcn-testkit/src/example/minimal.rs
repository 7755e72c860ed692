//! The minimal example: the smallest network that validates with no finding at
//! all on [`super::AS_OF`], and the invalid examples derived from it, one per
//! cross-entity rule of mcn-network.

// Tables of example data, not logic: long functions and wide row types read
// best as they are.
#![allow(clippy::too_many_lines, clippy::type_complexity)]

use mcn_core::{PostRole, Profession, id::OrganisationId};
use mcn_governance::{
    Action, ActionStatus, Attendance, AttendanceStatus, Body, BodyKind, Communication, Decision,
    DecisionKind, DecisionOutcome, DecisionSubject, Funder, FundingBasis, FundingStream, Meeting,
    MeetingFormat, MeetingFrequency, MeetingStatus, QuorumRule, Seat, SeatHolder, TermsOfReference,
    communication::Audience, communication::Channel,
};
use mcn_network::{NetworkDocument, NetworkProfile, codes};
use mcn_organisations::{
    Locality, LocalityKind, Membership, MembershipStatus, MembershipTier, Organisation,
    OrganisationKind,
};
use mcn_roles::{Appointment, AppointmentBasis, Person, Post, PostFunding};
use mcn_standards::{SourceKind, Standard, StandardKind, StandardSource, StandardStatus};

use super::{
    InvalidExample,
    ids::Ids,
    values::{
        chair_or_vice, count, date, history, note, ods, period, since, standard_code, text,
        version, wte, wte_total,
    },
};

/// The minimal example's ids ("MINI").
const IDS: Ids = Ids(0x4d49_4e49);

// Entity numbers.
const PLACE: u64 = 1;
const HOSPITAL: u64 = 1;
const HOSPICE: u64 = 2;
const UNIVERSITY: u64 = 3;
const COORDINATOR: u64 = 1;
const CHAIR: u64 = 2;
const HOSPICE_NURSE: u64 = 3;
const CLINICIAN: u64 = 4;
const STEERING_GROUP: u64 = 1;
const APPROVE_TERMS: u64 = 1;
const ENDORSE_GUIDELINE: u64 = 2;
const GUIDELINE: u64 = 1;
const MISSING: u64 = 99;

/// The minimal valid network.
pub(super) fn document() -> NetworkDocument {
    let mut profile = NetworkProfile::new(
        IDS.network(1),
        text("Kestrel Vale Children's Palliative Care Network"),
    );
    profile.region = Some(text("Kestrel Vale"));
    profile.established_on = Some(date("2025-01-01"));
    profile.host_organisation = Some(IDS.organisation(HOSPITAL));
    profile.coordinator_post = Some(IDS.post(COORDINATOR));
    let mut d = NetworkDocument::new(profile);

    let mut place = Locality::new(
        IDS.locality(PLACE),
        text("Kestrel Vale"),
        LocalityKind::Place,
    );
    place.population_0_19 = Some(52_000);
    place.children_with_llc_estimate = Some(343);
    d.localities.push(place);

    for (number, name, kind, ods_code) in [
        (
            HOSPITAL,
            "Kestrel Vale Children's Hospital NHS Trust",
            OrganisationKind::NhsTrust,
            Some("ZKV"),
        ),
        (
            HOSPICE,
            "Wrenfield Children's Hospice",
            OrganisationKind::ChildrensHospice,
            Some("Z7K8W"),
        ),
        (
            UNIVERSITY,
            "University of Kestrel Vale",
            OrganisationKind::University,
            None,
        ),
    ] {
        let mut organisation = Organisation::new(IDS.organisation(number), text(name), kind);
        organisation.identifiers = ods_code.map(ods).unwrap_or_default();
        organisation.localities = vec![IDS.locality(PLACE)];
        d.organisations.push(organisation);
    }
    for (number, organisation, representative) in
        [(1, HOSPITAL, CLINICIAN), (2, HOSPICE, HOSPICE_NURSE)]
    {
        let mut membership = Membership::invited(
            IDS.membership(number),
            IDS.organisation(organisation),
            MembershipTier::Full,
            date("2024-11-01"),
        )
        .then(MembershipStatus::Active, date("2025-01-01"));
        membership.agreement_signed_on = Some(date("2024-12-01"));
        membership.representative = Some(IDS.person(representative));
        d.memberships.push(membership);
    }

    for (number, name, profession, employer) in [
        (COORDINATOR, "Ruth Calloway", Profession::Manager, HOSPITAL),
        (CHAIR, "Dr Imogen Sato", Profession::Doctor, HOSPITAL),
        (HOSPICE_NURSE, "Declan Moore", Profession::Nurse, HOSPICE),
        (CLINICIAN, "Dr Felix Adebayo", Profession::Doctor, HOSPITAL),
    ] {
        d.people.push(Person {
            id: IDS.person(number),
            name: text(name),
            profession,
            registration: None,
            employer: Some(IDS.organisation(employer)),
            email: None,
        });
    }

    d.funding_streams.push(FundingStream {
        id: IDS.funding_stream(1),
        funder: Funder::External(text("Kestrel Vale Integrated Care Board")),
        purpose: text("Network co-ordination"),
        amount: mcn_core::Money::from_pounds(52_000),
        period: since("2025-01-01"),
        basis: FundingBasis::Recurrent,
    });
    d.posts.push(Post {
        id: IDS.post(COORDINATOR),
        title: text("Network co-ordinator"),
        role: PostRole::NetworkCoordinator,
        organisation: IDS.organisation(HOSPITAL),
        body: None,
        period: since("2025-01-01"),
        funding: Some(PostFunding {
            stream: Some(IDS.funding_stream(1)),
            wte: wte_total(100),
            period: since("2025-01-01"),
        }),
        max_holders: None,
    });
    d.posts.push(Post {
        id: IDS.post(CHAIR),
        title: text("Chair of the steering group"),
        role: PostRole::Chair,
        organisation: IDS.organisation(HOSPITAL),
        body: Some(IDS.body(STEERING_GROUP)),
        period: since("2025-01-01"),
        funding: None,
        max_holders: None,
    });
    for (number, post, person, hundredths) in
        [(1, COORDINATOR, COORDINATOR, 100), (2, CHAIR, CHAIR, 5)]
    {
        d.appointments.push(Appointment {
            id: IDS.appointment(number),
            post: IDS.post(post),
            person: IDS.person(person),
            period: since("2025-01-01"),
            wte: wte(hundredths),
            protected_hours_per_week: None,
            basis: AppointmentBasis::Substantive,
        });
    }

    d.bodies.push(Body {
        id: IDS.body(STEERING_GROUP),
        name: text("Kestrel Vale Network Steering Group"),
        kind: BodyKind::SteeringGroup,
        reports_to: None,
        terms_of_reference: vec![TermsOfReference {
            version: version(1, 0),
            approved_on: Some(date("2025-01-15")),
            approved_by: Some(IDS.decision(APPROVE_TERMS)),
            review_by: date("2027-12-31"),
            purpose: note("Leads the network: agrees its work plan, endorses shared guidelines and holds members to them."),
            meeting_frequency: MeetingFrequency::Quarterly,
            quorum: QuorumRule {
                threshold: count(2),
                required_roles: vec![chair_or_vice()],
            },
        }],
        active: since("2025-01-01"),
    });
    for (number, holder, voting, title) in [
        (1, SeatHolder::Post(IDS.post(CHAIR)), true, "Chair"),
        (
            2,
            SeatHolder::Post(IDS.post(COORDINATOR)),
            false,
            "Network co-ordinator",
        ),
        (
            3,
            SeatHolder::Organisation(IDS.organisation(HOSPICE)),
            true,
            "Hospice representative",
        ),
    ] {
        d.seats.push(Seat {
            id: IDS.seat(number),
            body: IDS.body(STEERING_GROUP),
            holder,
            voting,
            period: since("2025-01-01"),
            title: Some(text(title)),
        });
    }

    let present = |person: u64, on_behalf_of: Option<u64>| Attendance {
        person: IDS.person(person),
        on_behalf_of: on_behalf_of.map(|o| IDS.organisation(o)),
        status: AttendanceStatus::Present,
    };
    let attendance = vec![
        present(CHAIR, None),
        present(COORDINATOR, None),
        present(HOSPICE_NURSE, Some(HOSPICE)),
    ];
    d.meetings.push(Meeting {
        id: IDS.meeting(1),
        body: IDS.body(STEERING_GROUP),
        date: date("2025-01-15"),
        status: MeetingStatus::Held,
        format: MeetingFormat::InPerson,
        attendance: attendance.clone(),
        agenda: Vec::new(),
        decisions: vec![
            Decision {
                id: IDS.decision(APPROVE_TERMS),
                text: note("The steering group approves its terms of reference, version 1.0."),
                kind: DecisionKind::ApproveTermsOfReference,
                subject: Some(DecisionSubject::Body(IDS.body(STEERING_GROUP))),
                outcome: DecisionOutcome::Carried,
                votes: None,
            },
            Decision {
                id: IDS.decision(ENDORSE_GUIDELINE),
                text: note("The steering group endorses the network symptom management guideline KV-GL-01."),
                kind: DecisionKind::EndorseStandard,
                subject: Some(DecisionSubject::Standard(IDS.standard(GUIDELINE))),
                outcome: DecisionOutcome::Carried,
                votes: None,
            },
        ],
        actions: Vec::new(),
        minutes_approved_at: Some(IDS.meeting(2)),
    });
    d.meetings.push(Meeting {
        id: IDS.meeting(2),
        body: IDS.body(STEERING_GROUP),
        date: date("2025-04-15"),
        status: MeetingStatus::Held,
        format: MeetingFormat::Virtual,
        attendance,
        agenda: Vec::new(),
        decisions: Vec::new(),
        actions: vec![Action {
            id: IDS.action(1),
            description: note("Circulate the endorsed guideline to every member organisation."),
            owner: IDS.person(COORDINATOR),
            due: date("2025-05-31"),
            status: ActionStatus::Done,
            completed_on: Some(date("2025-05-20")),
        }],
        minutes_approved_at: None,
    });

    d.standards.push(Standard {
        id: IDS.standard(GUIDELINE),
        code: standard_code("KV-GL-01"),
        title: text("Symptom management for children at the end of life"),
        summary: Some(note("How members assess and manage pain and other distressing symptoms in the last weeks of life.")),
        kind: StandardKind::Guideline,
        source: StandardSource {
            kind: SourceKind::NetworkGuideline,
            reference: text("KV-GL-01"),
            title: None,
            published_on: Some(date("2025-01-15")),
            updated_on: None,
            url: None,
        },
        version: text("1.0"),
        status: history(
            (StandardStatus::Draft, "2024-10-01"),
            &[
                (StandardStatus::Consultation, "2024-12-01"),
                (StandardStatus::Endorsed, "2025-01-15"),
            ],
        ),
        effective: Some(since("2025-02-01")),
        review_by: Some(date("2027-12-31")),
        supersedes: None,
        endorsed_by: Some(IDS.decision(ENDORSE_GUIDELINE)),
        evidence: None,
        measures: Vec::new(),
    });

    d.communications.push(Communication {
        id: IDS.communication(1),
        date: date("2025-02-01"),
        channel: Channel::Newsletter,
        audience: vec![Audience::Members],
        topic: text("First network newsletter"),
        reach: Some(60),
    });
    d
}

/// One invalid example per cross-entity rule of mcn-network, each derived
/// from [`document`] by one change.
pub(super) fn invalid() -> Vec<InvalidExample> {
    let base = document();
    let example =
        |name, code: &mcn_core::FindingCode, what, change: &dyn Fn(&mut NetworkDocument)| {
            let mut document = base.clone();
            change(&mut document);
            InvalidExample {
                file_name: name,
                code: code.code,
                also: &[],
                what,
                document,
            }
        };

    let mut examples = vec![
        example(
            "invalid-duplicate-id.json",
            &codes::DUPLICATE_ID,
            "a second newsletter was recorded with the id of the first",
            &|d| {
                if let Some(first) = d.communications.first() {
                    let mut again = first.clone();
                    again.date = date("2025-05-01");
                    again.topic = text("Second network newsletter");
                    d.communications.push(again);
                }
            },
        ),
        example(
            "invalid-dangling-reference.json",
            &codes::DANGLING_REFERENCE,
            "the hospice nurse's employer is an organisation that is not in the document",
            &|d| {
                if let Some(nurse) = hospice_nurse(d) {
                    nurse.employer = Some(IDS.organisation(MISSING));
                }
            },
        ),
        example(
            "invalid-wrong-kind.json",
            &codes::WRONG_KIND,
            "the hospice nurse's employer is the id of a locality, not of an organisation",
            &|d| {
                if let Some(nurse) = hospice_nurse(d) {
                    nurse.employer = Some(OrganisationId::from_uuid(IDS.locality(PLACE).as_uuid()));
                }
            },
        ),
    ];
    examples.extend([
        example(
            "invalid-appointment-host-withdrawn.json",
            &codes::HOST_WITHDRAWN,
            "a clinician still holds a research post hosted by the university, which withdrew from the network",
            &|d| {
                d.memberships.push(
                    Membership::invited(
                        IDS.membership(3),
                        IDS.organisation(UNIVERSITY),
                        MembershipTier::Associate,
                        date("2025-01-01"),
                    )
                    .then(MembershipStatus::Active, date("2025-02-01"))
                    .then(MembershipStatus::Withdrawn, date("2026-06-30")),
                );
                d.posts.push(Post {
                    id: IDS.post(3),
                    title: text("Research and evaluation lead"),
                    role: PostRole::Other,
                    organisation: IDS.organisation(UNIVERSITY),
                    body: None,
                    period: since("2025-02-01"),
                    funding: None,
                    max_holders: None,
                });
                d.appointments.push(Appointment {
                    id: IDS.appointment(3),
                    post: IDS.post(3),
                    person: IDS.person(CLINICIAN),
                    period: since("2025-02-01"),
                    wte: wte(10),
                    protected_hours_per_week: None,
                    basis: AppointmentBasis::Honorary,
                });
            },
        ),
        example(
            "invalid-seat-organisation-not-member.json",
            &codes::SEAT_NOT_MEMBER,
            "the university, which is not a member, holds an observer seat on the steering group",
            &|d| {
                d.seats.push(Seat {
                    id: IDS.seat(4),
                    body: IDS.body(STEERING_GROUP),
                    holder: SeatHolder::Organisation(IDS.organisation(UNIVERSITY)),
                    voting: false,
                    period: since("2026-01-01"),
                    title: Some(text("University observer")),
                });
            },
        ),
        example(
            "invalid-attendance-not-affiliated.json",
            &codes::ATTENDEE_NOT_AFFILIATED,
            "a hospital clinician is minuted as attending on behalf of the university",
            &|d| {
                if let Some(meeting) = second_meeting(d) {
                    meeting.attendance.push(Attendance {
                        person: IDS.person(CLINICIAN),
                        on_behalf_of: Some(IDS.organisation(UNIVERSITY)),
                        status: AttendanceStatus::Present,
                    });
                }
            },
        ),
        example(
            "invalid-decision-standard-missing.json",
            &codes::ENDORSED_STANDARD_MISSING,
            "a decision endorses a transition guideline that is not in the document",
            &|d| {
                if let Some(meeting) = second_meeting(d) {
                    meeting.decisions.push(Decision {
                        id: IDS.decision(3),
                        text: note("The steering group endorses the transition guideline."),
                        kind: DecisionKind::EndorseStandard,
                        subject: Some(DecisionSubject::Standard(IDS.standard(MISSING))),
                        outcome: DecisionOutcome::Carried,
                        votes: None,
                    });
                }
            },
        ),
        example(
            "invalid-standard-endorsement-mismatch.json",
            &codes::ENDORSEMENT_MISMATCH,
            "the guideline names the terms-of-reference approval as its endorsing decision",
            &|d| {
                if let Some(standard) = d.standards.first_mut() {
                    standard.endorsed_by = Some(IDS.decision(APPROVE_TERMS));
                }
            },
        ),
        example(
            "invalid-coordinator-missing.json",
            &codes::COORDINATOR_MISSING,
            "the network profile names no co-ordinator post",
            &|d| d.network.coordinator_post = None,
        ),
        InvalidExample {
            also: &[mcn_roles::codes::POST_VACANT_FUNDED.code],
            ..example(
                "invalid-coordinator-vacant.json",
                &codes::COORDINATOR_VACANT,
                "the co-ordinator left at the end of August 2026 and the funded post is vacant",
                &|d| {
                    if let Some(appointment) = d.appointments.iter_mut().find(|a| a.id == IDS.appointment(1)) {
                        appointment.period = period("2025-01-01", "2026-08-31");
                    }
                },
            )
        },
        example(
            "invalid-coordinator-unfunded.json",
            &codes::COORDINATOR_UNFUNDED,
            "the co-ordinator's time-limited start-up funding ended in March 2026",
            &|d| {
                if let Some(stream) = d.funding_streams.first_mut() {
                    stream.basis = FundingBasis::TimeLimited;
                    stream.amount = mcn_core::Money::from_pounds(65_000);
                    stream.period = period("2025-01-01", "2026-03-31");
                }
                if let Some(funding) = d.posts.first_mut().and_then(|p| p.funding.as_mut()) {
                    funding.period = period("2025-01-01", "2026-03-31");
                }
            },
        ),
        example(
            "invalid-meeting-inquorate.json",
            &codes::MEETING_INQUORATE,
            "the hospice representative sent apologies, so only one of two voting members was present",
            &|d| {
                if let Some(entry) = second_meeting(d)
                    .and_then(|m| m.attendance.iter_mut().find(|a| a.person == IDS.person(HOSPICE_NURSE)))
                {
                    entry.status = AttendanceStatus::Apologies;
                }
            },
        ),
    ]);
    examples
}

fn hospice_nurse(d: &mut NetworkDocument) -> Option<&mut Person> {
    d.people
        .iter_mut()
        .find(|p| p.id == IDS.person(HOSPICE_NURSE))
}

fn second_meeting(d: &mut NetworkDocument) -> Option<&mut Meeting> {
    d.meetings.iter_mut().find(|m| m.id == IDS.meeting(2))
}
