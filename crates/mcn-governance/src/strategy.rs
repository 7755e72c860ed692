//! proptest strategies for every document type of this crate (feature
//! `proptest`), for this and other crates' property tests. Every strategy
//! yields values that parse; ids are random, so references between records
//! rarely resolve (build related records in the test when that matters).

use std::num::NonZeroU32;

use mcn_core::{
    PostRole, Rag,
    strategy::{date, history, id, money, note, period, text, vocabulary},
};
use proptest::prelude::*;

use crate::{
    Action, ActionStatus, AgendaItem, Attendance, AttendanceStatus, Audience, Body, BodyKind,
    Channel, Communication, Decision, DecisionKind, DecisionOutcome, DecisionSubject, Funder,
    FundingBasis, FundingStream, Impact, Likelihood, Meeting, MeetingFormat, MeetingFrequency,
    MeetingStatus, Objective, ObjectiveStage, QuorumRule, QuorumThreshold, RequiredRoles, Risk,
    RiskCategory, RiskScore, RiskStatus, Seat, SeatHolder, TermsOfReference, Theme, TorVersion,
    Votes, WeekCount, quorum::Fraction,
};

/// A terms-of-reference version with small numbers (so duplicates happen).
pub fn tor_version() -> impl Strategy<Value = TorVersion> {
    (0_u16..4, 0_u16..4).prop_map(|(major, minor)| TorVersion::new(major, minor))
}

/// 1 to 52 weeks.
pub fn week_count() -> impl Strategy<Value = WeekCount> {
    (1_u64..=52).prop_filter_map("1 to 52", |n| WeekCount::new(n).ok())
}

/// Any meeting frequency.
pub fn meeting_frequency() -> impl Strategy<Value = MeetingFrequency> {
    prop_oneof![
        Just(MeetingFrequency::Monthly),
        Just(MeetingFrequency::EveryTwoMonths),
        Just(MeetingFrequency::Quarterly),
        Just(MeetingFrequency::EverySixMonths),
        Just(MeetingFrequency::Annually),
        week_count().prop_map(MeetingFrequency::EveryWeeks),
    ]
}

/// A fraction from 1/n to 1 (denominator up to 12).
pub fn fraction() -> impl Strategy<Value = Fraction> {
    (1_u32..=12)
        .prop_flat_map(|denominator| (1..=denominator, Just(denominator)))
        .prop_filter_map("valid fraction", |(n, d)| Fraction::new(n, d).ok())
}

/// A count (1 to 12) or a fraction.
pub fn quorum_threshold() -> impl Strategy<Value = QuorumThreshold> {
    prop_oneof![
        (1_u32..=12)
            .prop_filter_map("non-zero", NonZeroU32::new)
            .prop_map(QuorumThreshold::Count),
        fraction().prop_map(QuorumThreshold::Fraction),
    ]
}

/// One to three roles, any of which will do.
pub fn required_roles() -> impl Strategy<Value = RequiredRoles> {
    prop::collection::vec(vocabulary::<PostRole>(), 1..=3)
        .prop_filter_map("non-empty", |roles| RequiredRoles::any_of(roles).ok())
}

/// A quorum rule with up to two required-roles entries (often chair or vice-chair).
pub fn quorum_rule() -> impl Strategy<Value = QuorumRule> {
    let roles = prop_oneof![
        required_roles(),
        Just(RequiredRoles::role(PostRole::Chair)),
        Just(
            RequiredRoles::any_of(vec![PostRole::Chair, PostRole::ViceChair])
                .unwrap_or_else(|_| RequiredRoles::role(PostRole::Chair))
        ),
    ];
    (quorum_threshold(), prop::collection::vec(roles, 0..=2)).prop_map(
        |(threshold, required_roles)| QuorumRule {
            threshold,
            required_roles,
        },
    )
}

/// A terms-of-reference version (approved about four times in five).
pub fn terms_of_reference() -> impl Strategy<Value = TermsOfReference> {
    (
        tor_version(),
        prop::option::weighted(0.8, date()),
        prop::option::of(id()),
        date(),
        note(),
        meeting_frequency(),
        quorum_rule(),
    )
        .prop_map(
            |(version, approved_on, approved_by, review_by, purpose, meeting_frequency, quorum)| {
                TermsOfReference {
                    version,
                    approved_on,
                    approved_by,
                    review_by,
                    purpose,
                    meeting_frequency,
                    quorum,
                }
            },
        )
}

/// A body with up to three terms-of-reference versions.
pub fn body() -> impl Strategy<Value = Body> {
    (
        id(),
        text(),
        vocabulary::<BodyKind>(),
        prop::option::of(id()),
        prop::collection::vec(terms_of_reference(), 0..=3),
        period(),
    )
        .prop_map(
            |(id, name, kind, reports_to, terms_of_reference, active)| Body {
                id,
                name,
                kind,
                reports_to,
                terms_of_reference,
                active,
            },
        )
}

/// A seat holder: a post or an organisation.
pub fn seat_holder() -> impl Strategy<Value = SeatHolder> {
    prop_oneof![
        id().prop_map(SeatHolder::Post),
        id().prop_map(SeatHolder::Organisation),
    ]
}

/// A seat.
pub fn seat() -> impl Strategy<Value = Seat> {
    (
        id(),
        id(),
        seat_holder(),
        any::<bool>(),
        period(),
        prop::option::of(text()),
    )
        .prop_map(|(id, body, holder, voting, period, title)| Seat {
            id,
            body,
            holder,
            voting,
            period,
            title,
        })
}

/// An attendance entry.
pub fn attendance() -> impl Strategy<Value = Attendance> {
    (
        id(),
        prop::option::of(id()),
        vocabulary::<AttendanceStatus>(),
    )
        .prop_map(|(person, on_behalf_of, status)| Attendance {
            person,
            on_behalf_of,
            status,
        })
}

/// An agenda item.
pub fn agenda_item() -> impl Strategy<Value = AgendaItem> {
    (text(), prop::option::of(id()), prop::option::of(note())).prop_map(
        |(title, presenter, notes)| AgendaItem {
            title,
            presenter,
            notes,
        },
    )
}

/// Any decision subject.
pub fn decision_subject() -> impl Strategy<Value = DecisionSubject> {
    prop_oneof![
        id().prop_map(DecisionSubject::Standard),
        id().prop_map(DecisionSubject::Body),
        id().prop_map(DecisionSubject::Objective),
        id().prop_map(DecisionSubject::FundingStream),
    ]
}

/// Vote counts up to 30 each.
pub fn votes() -> impl Strategy<Value = Votes> {
    (0_u32..30, 0_u32..30, 0_u32..30).prop_map(|(in_favour, against, abstain)| Votes {
        in_favour,
        against,
        abstain,
    })
}

/// A decision.
pub fn decision() -> impl Strategy<Value = Decision> {
    (
        id(),
        note(),
        vocabulary::<DecisionKind>(),
        prop::option::of(decision_subject()),
        vocabulary::<DecisionOutcome>(),
        prop::option::of(votes()),
    )
        .prop_map(|(id, text, kind, subject, outcome, votes)| Decision {
            id,
            text,
            kind,
            subject,
            outcome,
            votes,
        })
}

/// An action.
pub fn action() -> impl Strategy<Value = Action> {
    (
        id(),
        note(),
        id(),
        date(),
        vocabulary::<ActionStatus>(),
        prop::option::of(date()),
    )
        .prop_map(
            |(id, description, owner, due, status, completed_on)| Action {
                id,
                description,
                owner,
                due,
                status,
                completed_on,
            },
        )
}

/// A meeting with up to six attendance entries, three agenda items,
/// decisions and actions.
pub fn meeting() -> impl Strategy<Value = Meeting> {
    (
        id(),
        id(),
        date(),
        vocabulary::<MeetingStatus>(),
        vocabulary::<MeetingFormat>(),
        prop::collection::vec(attendance(), 0..=6),
        prop::collection::vec(agenda_item(), 0..=3),
        prop::collection::vec(decision(), 0..=3),
        prop::collection::vec(action(), 0..=3),
        prop::option::of(id()),
    )
        .prop_map(
            |(
                id,
                body,
                date,
                status,
                format,
                attendance,
                agenda,
                decisions,
                actions,
                minutes_approved_at,
            )| Meeting {
                id,
                body,
                date,
                status,
                format,
                attendance,
                agenda,
                decisions,
                actions,
                minutes_approved_at,
            },
        )
}

/// An objective with up to five stages (in any order: histories are checked
/// by rules, not on load).
pub fn objective() -> impl Strategy<Value = Objective> {
    (
        id(),
        text(),
        vocabulary::<Theme>(),
        id(),
        date(),
        history(vocabulary::<ObjectiveStage>(), 5),
        prop::option::of(vocabulary::<Rag>()),
        prop::option::of(note()),
    )
        .prop_map(
            |(id, title, theme, owner, due, stages, rag, outcome)| Objective {
                id,
                title,
                theme,
                owner,
                due,
                stages,
                rag,
                outcome,
            },
        )
}

/// A likelihood, 1 to 5.
pub fn likelihood() -> impl Strategy<Value = Likelihood> {
    (1_u64..=5).prop_filter_map("1 to 5", |n| Likelihood::new(n).ok())
}

/// An impact, 1 to 5.
pub fn impact() -> impl Strategy<Value = Impact> {
    (1_u64..=5).prop_filter_map("1 to 5", |n| Impact::new(n).ok())
}

/// A risk score threshold, 1 to 25.
pub fn risk_score() -> impl Strategy<Value = RiskScore> {
    (1_u64..=25).prop_filter_map("1 to 25", |n| RiskScore::new(n).ok())
}

/// A risk, recorded on the register on a day or not (`recorded_on`).
pub fn risk() -> impl Strategy<Value = Risk> {
    let risk = (
        id(),
        text(),
        vocabulary::<RiskCategory>(),
        likelihood(),
        impact(),
        id(),
        prop::collection::vec(note(), 0..=2),
        vocabulary::<RiskStatus>(),
        date(),
    )
        .prop_map(
            |(id, title, category, likelihood, impact, owner, mitigations, status, review_by)| {
                Risk {
                    id,
                    title,
                    category,
                    likelihood,
                    impact,
                    owner,
                    mitigations,
                    status,
                    review_by,
                    recorded_on: None,
                }
            },
        );
    (risk, prop::option::of(date())).prop_map(|(mut risk, recorded_on)| {
        risk.recorded_on = recorded_on;
        risk
    })
}

/// A funder: an organisation or a named external funder.
pub fn funder() -> impl Strategy<Value = Funder> {
    prop_oneof![
        id().prop_map(Funder::Organisation),
        text().prop_map(Funder::External),
    ]
}

/// A funding stream.
pub fn funding_stream() -> impl Strategy<Value = FundingStream> {
    (
        id(),
        funder(),
        text(),
        money(),
        period(),
        vocabulary::<FundingBasis>(),
    )
        .prop_map(
            |(id, funder, purpose, amount, period, basis)| FundingStream {
                id,
                funder,
                purpose,
                amount,
                period,
                basis,
            },
        )
}

/// A communication.
pub fn communication() -> impl Strategy<Value = Communication> {
    (
        id(),
        date(),
        vocabulary::<Channel>(),
        prop::collection::vec(vocabulary::<Audience>(), 0..=3),
        text(),
        prop::option::of(any::<u32>()),
    )
        .prop_map(
            |(id, date, channel, audience, topic, reach)| Communication {
                id,
                date,
                channel,
                audience,
                topic,
                reach,
            },
        )
}
