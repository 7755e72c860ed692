//! The governance rules: every finding about the governance collections, as
//! of a date, in linear time.
//!
//! Findings are sorted by path (numeric-aware), then code, then message
//! ([`mcn_core::finding::sort_findings`]).
//!
//! References are not checked for dangling ids here: `mcn-network` checks every
//! reference of the document in one place (`network.reference.dangling`). A
//! rule that needs to follow a reference (a meeting's body, the meeting that
//! approved its minutes, a body's `reports_to`) skips one that does not
//! resolve; where an id occurs twice, the first entry counts.

use std::collections::HashMap;

use mcn_core::{
    Finding, JsonPointer, NaiveDate,
    finding::sort_findings,
    graph::cycle_findings,
    history::{EntryAnchor, HistoryCodes, history_findings},
    id::{BodyId, PersonId},
    index::IdIndex,
};

use crate::{
    Body, Communication, FundingStream, Meeting, MeetingStatus, Objective, Risk, RiskScore,
    RiskStatus, Seat, TorVersion, codes,
    collections::{
        ACTIONS, ATTENDANCE, BODIES, DECISIONS, FUNDING_STREAMS, MEETINGS, OBJECTIVES, RISKS,
        STAGES, TERMS_OF_REFERENCE,
    },
    meeting::ActionStatus,
    queries::{FUNDING_ENDING_SOON_DAYS, funding_ending_within},
};

/// The governance collections of a document, as slices (index in a slice =
/// index in the document array).
#[derive(Debug, Clone, Copy, Default)]
pub struct GovernanceData<'a> {
    /// `bodies`.
    pub bodies: &'a [Body],
    /// `seats` (no rule of this crate concerns them: seat holders and quorum
    /// need the roles data, so `mcn-network` checks them).
    pub seats: &'a [Seat],
    /// `meetings` (with nested decisions and actions).
    pub meetings: &'a [Meeting],
    /// `objectives`.
    pub objectives: &'a [Objective],
    /// `risks`.
    pub risks: &'a [Risk],
    /// `funding_streams`.
    pub funding_streams: &'a [FundingStream],
    /// `communications` (no rule concerns them yet).
    pub communications: &'a [Communication],
}

/// `1 day`, `3 days`.
fn days(span: chrono::TimeDelta) -> String {
    match span.num_days() {
        1 => String::from("1 day"),
        n => format!("{n} days"),
    }
}

fn body_label(body: &Body) -> String {
    format!("body \"{}\" ({})", body.name, body.id)
}

/// Every governance finding about `data` as of `as_of` (see [`crate::codes`]),
/// sorted by path then code. O(n log n) in the size of the collections.
#[must_use]
pub fn validate(data: &GovernanceData<'_>, as_of: NaiveDate) -> Vec<Finding> {
    let mut findings = Vec::new();
    let body_index = IdIndex::new(data.bodies.iter().map(|body| body.id));
    bodies(data.bodies, &body_index, as_of, &mut findings);
    terms_of_reference(data.bodies, as_of, &mut findings);
    meetings(data, &body_index, as_of, &mut findings);
    objectives(data.objectives, as_of, &mut findings);
    risks(data.risks, as_of, &mut findings);
    funding(data.funding_streams, as_of, &mut findings);
    sort_findings(&mut findings);
    findings
}

fn bodies(bodies: &[Body], index: &IdIndex<BodyId>, as_of: NaiveDate, findings: &mut Vec<Finding>) {
    let label_at = |i: usize| bodies.get(i).map(body_label).unwrap_or_default();

    for (i, body) in bodies.iter().enumerate() {
        let Some((p, parent)) = body.reports_to.and_then(|up| index.get(up, bodies)) else {
            continue;
        };
        if body.is_active(as_of) && !parent.is_active(as_of) {
            findings.push(
                codes::BODY_REPORTS_TO_INACTIVE
                    .at(
                        JsonPointer::entry(BODIES, i).key("reports_to"),
                        format!(
                            "{} is active on {as_of} but reports to {}, active {}",
                            body_label(body),
                            body_label(parent),
                            parent.active
                        ),
                    )
                    .with_related(JsonPointer::entry(BODIES, p).key("active")),
            );
        }
    }

    findings.extend(cycle_findings(
        bodies.iter().map(|body| (body.id, body.reports_to)),
        codes::BODY_REPORTS_TO_CYCLE,
        |i| JsonPointer::entry(BODIES, i).key("reports_to"),
        label_at,
        "reports to",
    ));

    let active_roots: Vec<usize> = bodies
        .iter()
        .enumerate()
        .filter(|(_, body)| body.reports_to.is_none() && body.is_active(as_of))
        .map(|(i, _)| i)
        .collect();
    if let Some((&first, rest)) = active_roots.split_first() {
        for &other in rest {
            findings.push(
                codes::BODY_MULTIPLE_ROOTS
                    .at(
                        JsonPointer::entry(BODIES, other),
                        format!(
                            "{} reports to no one, as does {}: on {as_of} the body tree has {} roots",
                            label_at(other),
                            label_at(first),
                            active_roots.len()
                        ),
                    )
                    .with_related(JsonPointer::entry(BODIES, first)),
            );
        }
    }
    for &root in &active_roots {
        if let Some(body) = bodies.get(root)
            && !body.kind.can_be_root()
        {
            findings.push(codes::BODY_UNEXPECTED_ROOT_KIND.at(
                JsonPointer::entry(BODIES, root).key("kind"),
                format!(
                    "{} reports to no one but is of kind {}, not the board or steering group",
                    body_label(body),
                    body.kind
                ),
            ));
        }
    }
}

fn terms_of_reference(bodies: &[Body], as_of: NaiveDate, findings: &mut Vec<Finding>) {
    for (i, body) in bodies.iter().enumerate() {
        let mut versions: HashMap<TorVersion, usize> = HashMap::new();
        for (t, terms) in body.terms_of_reference.iter().enumerate() {
            let path = JsonPointer::entry(BODIES, i)
                .key(TERMS_OF_REFERENCE)
                .index(t);
            if let Some(&first) = versions.get(&terms.version) {
                findings.push(
                    codes::TERMS_DUPLICATE_VERSION
                        .at(
                            path.clone().key("version"),
                            format!(
                                "{} lists terms of reference version {} twice (entries {first} and {t})",
                                body_label(body),
                                terms.version
                            ),
                        )
                        .with_related(JsonPointer::entry(BODIES, i).key(TERMS_OF_REFERENCE).index(first)),
                );
            } else {
                versions.insert(terms.version, t);
            }
            if let Some(approved) = terms.approved_on
                && terms.review_by < approved
            {
                findings.push(
                    codes::TERMS_REVIEW_BEFORE_APPROVAL
                        .at(
                            path.clone().key("review_by"),
                            format!(
                                "{} terms of reference {} are due for review on {} but were approved on {approved}",
                                body_label(body),
                                terms.version,
                                terms.review_by
                            ),
                        )
                        .with_related(path.key("approved_on")),
                );
            }
        }

        if !body.is_active(as_of) {
            continue;
        }
        match body.terms_as_of(as_of) {
            None => findings.push(codes::BODY_NO_TERMS_OF_REFERENCE.at(
                JsonPointer::entry(BODIES, i).key(TERMS_OF_REFERENCE),
                format!(
                    "{} is active on {as_of} but has no approved terms of reference in force",
                    body_label(body)
                ),
            )),
            Some((t, terms)) if terms.review_by < as_of => {
                findings.push(
                    codes::TERMS_REVIEW_OVERDUE.at(
                        JsonPointer::entry(BODIES, i)
                            .key(TERMS_OF_REFERENCE)
                            .index(t)
                            .key("review_by"),
                        format!(
                            "{} terms of reference {} were due for review on {}, {} before {as_of}",
                            body_label(body),
                            terms.version,
                            terms.review_by,
                            days(as_of - terms.review_by)
                        ),
                    ),
                );
            }
            Some(_) => {}
        }
    }
}

#[allow(clippy::too_many_lines)] // one pass over meetings, decisions and actions
fn meetings(
    data: &GovernanceData<'_>,
    body_index: &IdIndex<BodyId>,
    as_of: NaiveDate,
    findings: &mut Vec<Finding>,
) {
    let meeting_index = IdIndex::new(data.meetings.iter().map(|meeting| meeting.id));

    for (i, meeting) in data.meetings.iter().enumerate() {
        let path = JsonPointer::entry(MEETINGS, i);
        let body = body_index.get(meeting.body, data.bodies);
        let label = match body {
            Some((_, body)) => format!(
                "meeting {} of {} on {}",
                meeting.id,
                body_label(body),
                meeting.date
            ),
            None => format!("meeting {} on {}", meeting.id, meeting.date),
        };

        if let Some((b, body)) = body
            && meeting.status != MeetingStatus::Cancelled
            && !body.is_active(meeting.date)
        {
            findings.push(
                codes::MEETING_INACTIVE_BODY
                    .at(
                        path.clone().key("date"),
                        format!(
                            "{label} is dated outside the body's active period {}",
                            body.active
                        ),
                    )
                    .with_related(JsonPointer::entry(BODIES, b).key("active")),
            );
        }

        let mut seen: HashMap<PersonId, usize> = HashMap::new();
        for (a, entry) in meeting.attendance.iter().enumerate() {
            if let Some(&first) = seen.get(&entry.person) {
                findings.push(
                    codes::MEETING_DUPLICATE_ATTENDEE
                        .at(
                            path.clone().key(ATTENDANCE).index(a).key("person"),
                            format!(
                                "{label} lists person {} twice (attendance entries {first} and {a})",
                                entry.person
                            ),
                        )
                        .with_related(path.clone().key(ATTENDANCE).index(first).key("person")),
                );
            } else {
                seen.insert(entry.person, a);
            }
        }

        if let Some(approving) = meeting.minutes_approved_at
            && let Some((j, other)) = meeting_index.get(approving, data.meetings)
            && (j == i || other.id == meeting.id || other.date < meeting.date)
        {
            findings.push(
                codes::MEETING_MINUTES_APPROVED_BEFORE_HELD
                    .at(
                        path.clone().key("minutes_approved_at"),
                        format!(
                            "{label} had its minutes approved at meeting {approving} on {}, not after it",
                            other.date
                        ),
                    )
                    .with_related(JsonPointer::entry(MEETINGS, j).key("date")),
            );
        }

        if meeting.status == MeetingStatus::Scheduled && meeting.date < as_of {
            findings.push(codes::MEETING_NOT_RECORDED.at(
                path.clone().key("status"),
                format!("{label} is still scheduled on {as_of}: record it as held or cancelled"),
            ));
        }

        for (d, decision) in meeting.decisions.iter().enumerate() {
            let decision_path = path.clone().key(DECISIONS).index(d);
            if let Some(votes) = decision.votes
                && !votes.agrees_with(decision.outcome)
            {
                findings.push(
                    codes::DECISION_OUTCOME_INCONSISTENT_WITH_VOTES
                        .at(
                            decision_path.clone().key("outcome"),
                            format!(
                                "decision {} at {label} is recorded as {} with {} in favour, {} against, {} abstaining",
                                decision.id, decision.outcome, votes.in_favour, votes.against, votes.abstain
                            ),
                        )
                        .with_related(decision_path.clone().key("votes")),
                );
            }
            if let Some(subject) = decision.subject
                && !decision.kind.allows_subject(&subject)
            {
                findings.push(codes::DECISION_SUBJECT_MISMATCH.at(
                    decision_path.key("subject"),
                    format!(
                        "decision {} at {label} is of kind {} but its subject is a {}",
                        decision.id,
                        decision.kind,
                        subject.kind()
                    ),
                ));
            }
        }

        for (k, action) in meeting.actions.iter().enumerate() {
            let action_path = path.clone().key(ACTIONS).index(k);
            let name = format!("action {} raised at {label}", action.id);
            if let Some(completed) = action.completed_on
                && completed < meeting.date
            {
                findings.push(
                    codes::ACTION_COMPLETED_BEFORE_RAISED
                        .at(
                            action_path.clone().key("completed_on"),
                            format!("{name} was completed on {completed}, before it was raised"),
                        )
                        .with_related(path.clone().key("date")),
                );
            }
            match (action.status, action.completed_on) {
                (ActionStatus::Done, None) => findings.push(codes::ACTION_STATUS_INCONSISTENT.at(
                    action_path.clone().key("status"),
                    format!("{name} is done but has no completion date"),
                )),
                (ActionStatus::Open, Some(completed)) => {
                    findings.push(codes::ACTION_STATUS_INCONSISTENT.at(
                        action_path.clone().key("completed_on"),
                        format!("{name} is open but has a completion date, {completed}"),
                    ));
                }
                _ => {}
            }
            if action.is_overdue(meeting.date, as_of) {
                findings.push(codes::ACTION_OVERDUE.at(
                    action_path.key("due"),
                    format!(
                        "{name} (owner {}) was due on {}, {} before {as_of}, and was still open then",
                        action.owner,
                        action.due,
                        days(as_of - action.due)
                    ),
                ));
            }
        }
    }
}

/// The codes an objective's stage history reports its problems with.
const OBJECTIVE_HISTORY: HistoryCodes = HistoryCodes {
    illegal_start: codes::OBJECTIVE_ILLEGAL_START,
    out_of_order: codes::OBJECTIVE_OUT_OF_ORDER,
    illegal_transition: codes::OBJECTIVE_ILLEGAL_TRANSITION,
};

fn objectives(objectives: &[Objective], as_of: NaiveDate, findings: &mut Vec<Finding>) {
    for (i, objective) in objectives.iter().enumerate() {
        let name = format!("objective \"{}\" ({})", objective.title, objective.id);
        findings.extend(history_findings(
            &objective.stages,
            &JsonPointer::entry(OBJECTIVES, i).key(STAGES),
            &OBJECTIVE_HISTORY,
            EntryAnchor::Field,
            &name,
        ));
        if objective.is_past_due(as_of) {
            let stage = objective
                .stage_as_of(as_of)
                .map_or_else(|| "not yet begun".to_owned(), |s| s.to_string());
            findings.push(codes::OBJECTIVE_PAST_DUE.at(
                JsonPointer::entry(OBJECTIVES, i).key("due"),
                format!(
                    "{name} was due on {}, {} before {as_of}, and is {stage}",
                    objective.due,
                    days(as_of - objective.due)
                ),
            ));
        }
    }
}

fn risks(risks: &[Risk], as_of: NaiveDate, findings: &mut Vec<Finding>) {
    for (i, risk) in risks.iter().enumerate() {
        let name = format!("risk \"{}\" ({})", risk.title, risk.id);
        if risk.is_review_overdue(as_of) {
            findings.push(codes::RISK_REVIEW_OVERDUE.at(
                JsonPointer::entry(RISKS, i).key("review_by"),
                format!(
                    "{name} was due for review on {}, {} before {as_of}",
                    risk.review_by,
                    days(as_of - risk.review_by)
                ),
            ));
        }
        let score = risk.score();
        if risk.status != RiskStatus::Closed && score >= RiskScore::HIGH {
            findings.push(codes::RISK_HIGH_SCORE.at(
                JsonPointer::entry(RISKS, i),
                format!(
                    "{name} scores {score} (likelihood {} × impact {})",
                    risk.likelihood, risk.impact
                ),
            ));
        }
    }
}

fn funding(streams: &[FundingStream], as_of: NaiveDate, findings: &mut Vec<Finding>) {
    for ending in funding_ending_within(streams, as_of, FUNDING_ENDING_SOON_DAYS).streams {
        let Some(stream) = streams.get(ending.stream) else {
            continue;
        };
        let end = ending.ends_on;
        findings.push(codes::FUNDING_STREAM_ENDING_SOON.at(
            JsonPointer::entry(FUNDING_STREAMS, ending.stream).key("period"),
            format!(
                "funding stream \"{}\" ({}, {} {}) ends on {end}, {} after {as_of}",
                stream.purpose,
                stream.id,
                stream.amount,
                stream.basis,
                days(end - as_of)
            ),
        ));
    }
}
