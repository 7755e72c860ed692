//! The governance rules: every finding about the governance collections, as
//! of a date, in linear time.
//!
//! Findings are sorted by path (numeric-aware), then code, then message
//! ([`mcn_core::finding::sort_findings`]).

use std::collections::{HashMap, HashSet};

use chrono::Days;
use mcn_core::{
    Finding, JsonPointer, NaiveDate,
    finding::sort_findings,
    history::HistoryProblem,
    id::{DecisionId, MeetingId, PersonId},
};

use crate::{
    Body, Communication, FundingStream, Meeting, MeetingStatus, Objective, Risk, RiskScore,
    RiskStatus, Seat, TorVersion,
    body::{body_tree, index_by_id},
    codes,
    collections::{
        ACTIONS, ATTENDANCE, BODIES, DECISIONS, FUNDING_STREAMS, MEETINGS, OBJECTIVES, RISKS,
        SEATS, STAGES, TERMS_OF_REFERENCE,
    },
    meeting::ActionStatus,
    queries::FUNDING_ENDING_SOON_DAYS,
};

/// The governance collections of a document, as slices (index in a slice =
/// index in the document array).
#[derive(Debug, Clone, Copy, Default)]
pub struct GovernanceData<'a> {
    /// `bodies`.
    pub bodies: &'a [Body],
    /// `seats`.
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

fn at(collection: &str, index: usize) -> JsonPointer {
    JsonPointer::root().key(collection).index(index)
}

/// An enum value as spelt in documents (`steering_group`), for messages.
fn spelling<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => text,
        _ => String::from("?"),
    }
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
    let body_index = index_by_id(data.bodies);
    bodies(data.bodies, &body_index, as_of, &mut findings);
    terms_of_reference(data, as_of, &mut findings);
    seats(data.seats, &body_index, &mut findings);
    meetings(data, &body_index, as_of, &mut findings);
    objectives(data.objectives, as_of, &mut findings);
    risks(data.risks, as_of, &mut findings);
    funding(data.funding_streams, as_of, &mut findings);
    sort_findings(&mut findings);
    findings
}

fn bodies(
    bodies: &[Body],
    index: &HashMap<mcn_core::id::BodyId, usize>,
    as_of: NaiveDate,
    findings: &mut Vec<Finding>,
) {
    let label_at = |i: usize| bodies.get(i).map(body_label).unwrap_or_default();

    for (i, body) in bodies.iter().enumerate() {
        let Some(up) = body.reports_to else { continue };
        match index.get(&up).and_then(|&p| bodies.get(p).map(|b| (p, b))) {
            None => findings.push(codes::BODY_UNKNOWN_REPORTS_TO.at(
                at(BODIES, i).key("reports_to"),
                format!(
                    "{} reports to body {up}, which is not in the document",
                    body_label(body)
                ),
            )),
            Some((p, parent)) => {
                if body.is_active(as_of) && !parent.is_active(as_of) {
                    findings.push(
                        codes::BODY_REPORTS_TO_INACTIVE
                            .at(
                                at(BODIES, i).key("reports_to"),
                                format!(
                                    "{} is active on {as_of} but reports to {}, active {}",
                                    body_label(body),
                                    body_label(parent),
                                    parent.active
                                ),
                            )
                            .with_related(at(BODIES, p).key("active")),
                    );
                }
            }
        }
    }

    let tree = body_tree(bodies);
    for cycle in &tree.cycles {
        let Some((&first, rest)) = cycle.split_first() else {
            continue;
        };
        let names: Vec<String> = cycle.iter().map(|&i| label_at(i)).collect();
        let mut finding = codes::BODY_REPORTS_TO_CYCLE.at(
            at(BODIES, first).key("reports_to"),
            format!(
                "bodies report to each other in a cycle: {}",
                names.join(" → ")
            ),
        );
        for &other in rest {
            finding = finding.with_related(at(BODIES, other).key("reports_to"));
        }
        findings.push(finding);
    }

    let active_roots: Vec<usize> = tree
        .roots
        .iter()
        .copied()
        .filter(|&i| bodies.get(i).is_some_and(|b| b.is_active(as_of)))
        .collect();
    if let Some((&first, rest)) = active_roots.split_first() {
        for &other in rest {
            findings.push(
                codes::BODY_MULTIPLE_ROOTS
                    .at(
                        at(BODIES, other),
                        format!(
                            "{} reports to no one, as does {}: on {as_of} the body tree has {} roots",
                            label_at(other),
                            label_at(first),
                            active_roots.len()
                        ),
                    )
                    .with_related(at(BODIES, first)),
            );
        }
    }
    for &root in &active_roots {
        if let Some(body) = bodies.get(root)
            && !body.kind.can_be_root()
        {
            findings.push(codes::BODY_UNEXPECTED_ROOT_KIND.at(
                at(BODIES, root).key("kind"),
                format!(
                    "{} reports to no one but is of kind {}, not the board or steering group",
                    body_label(body),
                    spelling(&body.kind)
                ),
            ));
        }
    }
}

fn terms_of_reference(data: &GovernanceData<'_>, as_of: NaiveDate, findings: &mut Vec<Finding>) {
    let decisions: HashSet<DecisionId> = data
        .meetings
        .iter()
        .flat_map(|m| m.decisions.iter().map(|d| d.id))
        .collect();

    for (i, body) in data.bodies.iter().enumerate() {
        let mut versions: HashMap<TorVersion, usize> = HashMap::new();
        for (t, terms) in body.terms_of_reference.iter().enumerate() {
            let path = at(BODIES, i).key(TERMS_OF_REFERENCE).index(t);
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
                        .with_related(at(BODIES, i).key(TERMS_OF_REFERENCE).index(first)),
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
                        .with_related(path.clone().key("approved_on")),
                );
            }
            if let Some(decision) = terms.approved_by
                && !decisions.contains(&decision)
            {
                findings.push(codes::TERMS_UNKNOWN_DECISION.at(
                    path.key("approved_by"),
                    format!(
                        "{} terms of reference {} were approved by decision {decision}, which no meeting records",
                        body_label(body),
                        terms.version
                    ),
                ));
            }
        }

        if !body.is_active(as_of) {
            continue;
        }
        match body.terms_as_of(as_of) {
            None => findings.push(codes::BODY_NO_TERMS_OF_REFERENCE.at(
                at(BODIES, i).key(TERMS_OF_REFERENCE),
                format!(
                    "{} is active on {as_of} but has no approved terms of reference in force",
                    body_label(body)
                ),
            )),
            Some((t, terms)) if terms.review_by < as_of => {
                findings.push(
                    codes::TERMS_REVIEW_OVERDUE.at(
                        at(BODIES, i)
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

fn seats(
    seats: &[Seat],
    body_index: &HashMap<mcn_core::id::BodyId, usize>,
    findings: &mut Vec<Finding>,
) {
    for (i, seat) in seats.iter().enumerate() {
        if !body_index.contains_key(&seat.body) {
            findings.push(codes::SEAT_UNKNOWN_BODY.at(
                at(SEATS, i).key("body"),
                format!(
                    "seat {} is on body {}, which is not in the document",
                    seat.id, seat.body
                ),
            ));
        }
    }
}

#[allow(clippy::too_many_lines)] // one pass over meetings, decisions and actions
fn meetings(
    data: &GovernanceData<'_>,
    body_index: &HashMap<mcn_core::id::BodyId, usize>,
    as_of: NaiveDate,
    findings: &mut Vec<Finding>,
) {
    let mut meeting_index: HashMap<MeetingId, usize> = HashMap::with_capacity(data.meetings.len());
    for (i, meeting) in data.meetings.iter().enumerate() {
        meeting_index.entry(meeting.id).or_insert(i);
    }

    for (i, meeting) in data.meetings.iter().enumerate() {
        let path = at(MEETINGS, i);
        let body = body_index
            .get(&meeting.body)
            .and_then(|&b| data.bodies.get(b).map(|body| (b, body)));
        let label = match body {
            Some((_, body)) => format!(
                "meeting {} of {} on {}",
                meeting.id,
                body_label(body),
                meeting.date
            ),
            None => format!("meeting {} on {}", meeting.id, meeting.date),
        };

        match body {
            None => findings.push(codes::MEETING_UNKNOWN_BODY.at(
                path.clone().key("body"),
                format!(
                    "{label} is of body {}, which is not in the document",
                    meeting.body
                ),
            )),
            Some((b, body)) => {
                if meeting.status != MeetingStatus::Cancelled && !body.is_active(meeting.date) {
                    findings.push(
                        codes::MEETING_INACTIVE_BODY
                            .at(
                                path.clone().key("date"),
                                format!(
                                    "{label} is dated outside the body's active period {}",
                                    body.active
                                ),
                            )
                            .with_related(at(BODIES, b).key("active")),
                    );
                }
            }
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

        if let Some(approving) = meeting.minutes_approved_at {
            let minutes_path = path.clone().key("minutes_approved_at");
            match meeting_index
                .get(&approving)
                .and_then(|&j| data.meetings.get(j).map(|m| (j, m)))
            {
                None => findings.push(codes::MEETING_UNKNOWN_MINUTES_MEETING.at(
                    minutes_path,
                    format!(
                        "{label} had its minutes approved at meeting {approving}, which is not in the document"
                    ),
                )),
                Some((j, other)) if j == i || other.id == meeting.id || other.date < meeting.date => {
                    findings.push(
                        codes::MEETING_MINUTES_APPROVED_BEFORE_HELD
                            .at(
                                minutes_path,
                                format!(
                                    "{label} had its minutes approved at meeting {approving} on {}, not after it",
                                    other.date
                                ),
                            )
                            .with_related(at(MEETINGS, j).key("date")),
                    );
                }
                Some(_) => {}
            }
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
                                decision.id, spelling(&decision.outcome), votes.in_favour, votes.against, votes.abstain
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
                        spelling(&decision.kind),
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
            if action.is_overdue(as_of) {
                findings.push(codes::ACTION_OVERDUE.at(
                    action_path.key("due"),
                    format!(
                        "{name} (owner {}) was due on {}, {} before {as_of}, and is still open",
                        action.owner,
                        action.due,
                        days(as_of - action.due)
                    ),
                ));
            }
        }
    }
}

fn objectives(objectives: &[Objective], as_of: NaiveDate, findings: &mut Vec<Finding>) {
    for (i, objective) in objectives.iter().enumerate() {
        let name = format!("objective \"{}\" ({})", objective.title, objective.id);
        let stage_path = |j: usize| at(OBJECTIVES, i).key(STAGES).index(j);
        for problem in objective.stages.problems() {
            let index = problem.index();
            let finding = match problem {
                HistoryProblem::IllegalStart { status } => codes::OBJECTIVE_ILLEGAL_START.at(
                    stage_path(index).key("status"),
                    format!("{name} begins as {status}; it must begin as proposed or agreed"),
                ),
                HistoryProblem::OutOfOrder {
                    on, previous_on, ..
                } => codes::OBJECTIVE_OUT_OF_ORDER
                    .at(
                        stage_path(index).key("on"),
                        format!("{name} has a stage dated {on} after one dated {previous_on}"),
                    )
                    .with_related(stage_path(index.saturating_sub(1)).key("on")),
                HistoryProblem::IllegalTransition { from, to, .. } => {
                    codes::OBJECTIVE_ILLEGAL_TRANSITION
                        .at(
                            stage_path(index).key("status"),
                            format!("{name} moves from {from} to {to}, which may not follow it"),
                        )
                        .with_related(stage_path(index.saturating_sub(1)).key("status"))
                }
                _ => continue,
            };
            findings.push(finding);
        }
        if objective.is_past_due(as_of) {
            let stage = objective
                .stage_as_of(as_of)
                .map_or_else(|| "not yet begun".to_owned(), |s| s.to_string());
            findings.push(codes::OBJECTIVE_PAST_DUE.at(
                at(OBJECTIVES, i).key("due"),
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
                at(RISKS, i).key("review_by"),
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
                at(RISKS, i),
                format!(
                    "{name} scores {score} (likelihood {} × impact {})",
                    risk.likelihood, risk.impact
                ),
            ));
        }
    }
}

fn funding(streams: &[FundingStream], as_of: NaiveDate, findings: &mut Vec<Finding>) {
    let until = as_of
        .checked_add_days(Days::new(u64::from(FUNDING_ENDING_SOON_DAYS)))
        .unwrap_or(NaiveDate::MAX);
    for (i, stream) in streams.iter().enumerate() {
        let Some(end) = stream.period.end() else {
            continue;
        };
        if as_of <= end && end <= until {
            findings.push(codes::FUNDING_STREAM_ENDING_SOON.at(
                at(FUNDING_STREAMS, i).key("period"),
                format!(
                    "funding stream \"{}\" ({}, {} {}) ends on {end}, {} after {as_of}",
                    stream.purpose,
                    stream.id,
                    stream.amount,
                    spelling(&stream.basis),
                    days(end - as_of)
                ),
            ));
        }
    }
}
