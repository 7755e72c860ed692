//! Governance: terms of reference, meeting cadence, quorum, actions, the work
//! plan and the risk register.

use std::{
    collections::{BTreeMap, HashSet},
    fmt,
};

use mcn_core::{Rag, id::BodyId};
use mcn_governance::{
    MeetingFrequency, ObjectiveStage, RiskCategory, RiskScore, cadence_by_body,
    queries::{
        bodies_without_terms, objectives_past_due, risks_needing_attention, terms_reviews_overdue,
    },
    quorum::QuorumCheck,
};

use super::{Context, EvidenceList, IndicatorSpec, breakdown, entry, row, words};
use crate::report::{Direction, Indicator, Row, Theme, Value};

/// `governance.terms_current`.
pub(crate) const TERMS_CURRENT: IndicatorSpec = IndicatorSpec {
    id: "governance.terms_current",
    theme: Theme::Governance,
    title: "Bodies with current terms of reference",
    definition: "Bodies active on the report date whose terms of reference in force are not past \
                 their review date, out of all bodies active on the report date.",
    unit: "bodies",
    direction: Direction::HigherIsBetter,
    basis: "active bodies",
    reads: "bodies' active periods and their terms' approved_on and review_by, on the report date",
    sources: &["bodies"],
};

/// `governance.meeting_cadence`.
pub(crate) const MEETING_CADENCE: IndicatorSpec = IndicatorSpec {
    id: "governance.meeting_cadence",
    theme: Theme::Governance,
    title: "Bodies meeting as often as their terms of reference require",
    definition: "Bodies that held at least the number of meetings their terms of reference \
                 expect over the window (clipped to when the body existed), out of the bodies \
                 expected to meet at least once in it.",
    unit: "bodies",
    direction: Direction::HigherIsBetter,
    basis: "bodies expected to meet",
    reads: "meeting dates in the window; bodies' active periods and terms in force",
    sources: &["bodies", "meetings"],
};

/// `governance.quorate_meetings`.
pub(crate) const QUORATE_MEETINGS: IndicatorSpec = IndicatorSpec {
    id: "governance.quorate_meetings",
    theme: Theme::Governance,
    title: "Meetings that were quorate",
    definition: "Held meetings in the window that were quorate under their body's terms of \
                 reference (with real seat holders), out of the held meetings in the window \
                 whose body had terms of reference in force.",
    unit: "meetings",
    direction: Direction::HigherIsBetter,
    basis: "held meetings assessed",
    reads: "meeting dates in the window; seats' and appointments' periods on each meeting's date",
    sources: &["bodies", "seats", "meetings", "posts", "appointments"],
};

/// `governance.overdue_actions`.
pub(crate) const OVERDUE_ACTIONS: IndicatorSpec = IndicatorSpec {
    id: "governance.overdue_actions",
    theme: Theme::Governance,
    title: "Open actions that are overdue",
    definition: "Actions open on the report date (raised at a meeting on or before it, and not \
                 done or cancelled by then) whose due date has passed, out of all actions open \
                 on the report date.",
    unit: "actions",
    direction: Direction::LowerIsBetter,
    basis: "open actions",
    reads: "the raising meeting's date, due and completed_on, against the report date",
    sources: &["meetings"],
};

/// `governance.objectives_on_track`.
pub(crate) const OBJECTIVES_ON_TRACK: IndicatorSpec = IndicatorSpec {
    id: "governance.objectives_on_track",
    theme: Theme::Governance,
    title: "Work-plan objectives on track",
    definition: "Objectives completed or evaluated, or still live, not past their due date and \
                 not rated red, out of the objectives with a stage on the report date other than \
                 cancelled; with every objective by stage and RAG.",
    unit: "objectives",
    direction: Direction::HigherIsBetter,
    basis: "objectives",
    reads: "each objective's stage history and due date, on the report date",
    sources: &["objectives"],
};

/// `governance.high_risks`.
pub(crate) const HIGH_RISKS: IndicatorSpec = IndicatorSpec {
    id: "governance.high_risks",
    theme: Theme::Governance,
    title: "Live risks with a high score",
    definition: "Open or tolerated risks on the register on the report date (recorded on or \
                 before it) whose score (likelihood × impact) is at or above the high-risk score \
                 (15 by default).",
    unit: "risks",
    direction: Direction::LowerIsBetter,
    basis: "",
    reads: "recorded_on and review_by, on the report date (the status has no history: a risk closed since reads as closed)",
    sources: &["risks"],
};

pub(crate) fn indicators(cx: &Context<'_>) -> Vec<Indicator> {
    vec![
        terms_current(cx),
        meeting_cadence(cx),
        quorate_meetings(cx),
        overdue_actions(cx),
        objectives_on_track(cx),
        high_risks(cx),
    ]
}

fn body_label(cx: &Context<'_>, id: BodyId) -> String {
    cx.network
        .body(id)
        .map_or_else(|| format!("body {id}"), |b| b.name.to_string())
}

fn terms_current(cx: &Context<'_>) -> Indicator {
    let bodies = &cx.doc.bodies;
    let without: HashSet<usize> = bodies_without_terms(bodies, cx.as_of).into_iter().collect();
    let overdue: BTreeMap<usize, _> = terms_reviews_overdue(bodies, cx.as_of)
        .into_iter()
        .map(|o| (o.body, o))
        .collect();
    let mut evidence = EvidenceList::default();
    let mut rows = Vec::new();
    let (mut active, mut current) = (0_u64, 0_u64);
    for (i, body) in bodies.iter().enumerate() {
        if !body.is_active(cx.as_of) {
            continue;
        }
        active += 1;
        let terms = body.terms_as_of(cx.as_of);
        let status = if without.contains(&i) {
            evidence.add(
                body.id.as_uuid(),
                entry("bodies", i),
                body.name.to_string(),
                Some("no approved terms of reference in force".to_owned()),
            );
            "none in force"
        } else if let Some(o) = overdue.get(&i) {
            evidence.add(
                body.id.as_uuid(),
                entry("bodies", i).key("terms_of_reference").index(o.terms),
                body.name.to_string(),
                Some(format!(
                    "version {} review overdue since {} ({} days)",
                    o.version, o.review_by, o.days_overdue
                )),
            );
            "review overdue"
        } else {
            current += 1;
            "current"
        };
        rows.push(row(
            body.id.to_string(),
            body.name.to_string(),
            Some(entry("bodies", i)),
            vec![
                Value::text(
                    terms.map_or_else(|| "none".to_owned(), |(_, t)| t.version.to_string()),
                ),
                Value::text(
                    terms.map_or_else(|| "none".to_owned(), |(_, t)| t.review_by.to_string()),
                ),
                Value::text(status),
            ],
        ));
    }
    TERMS_CURRENT
        .with(Value::proportion(current, active))
        .at_least(cx.settings.thresholds.terms_current)
        .table(breakdown(
            "bodies",
            "Active bodies",
            &[
                ("version", "Version in force"),
                ("review_by", "Review by"),
                ("status", "Status"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}

/// A meeting frequency in words.
fn frequency_label(frequency: Option<MeetingFrequency>) -> String {
    match frequency {
        None => "no terms in force".to_owned(),
        Some(MeetingFrequency::EveryWeeks(weeks)) => format!("every {} weeks", weeks.get()),
        Some(other) => words(&other),
    }
}

fn meeting_cadence(cx: &Context<'_>) -> Indicator {
    let cadences = cadence_by_body(&cx.doc.bodies, &cx.doc.meetings, cx.window);
    let mut evidence = EvidenceList::default();
    let mut rows = Vec::new();
    let (mut expected_bodies, mut met) = (0_u64, 0_u64);
    for entry_ in &cadences {
        let Some(body) = cx.doc.bodies.get(entry_.body) else {
            continue;
        };
        let c = &entry_.cadence;
        let expected = c.expected.filter(|e| *e > 0);
        if let Some(expected) = expected {
            expected_bodies += 1;
            let ok = c.held >= expected;
            met += u64::from(ok);
            evidence.add(
                body.id.as_uuid(),
                entry("bodies", entry_.body),
                body.name.to_string(),
                Some(format!(
                    "held {} of {} expected{}",
                    c.held,
                    expected,
                    if ok { "" } else { " (short)" }
                )),
            );
        }
        rows.push(row(
            body.id.to_string(),
            body.name.to_string(),
            Some(entry("bodies", entry_.body)),
            vec![
                Value::text(frequency_label(c.frequency)),
                Value::count(c.held),
                c.expected.map_or_else(|| Value::text("n/a"), Value::count),
                Value::count(c.longest_gap.map_or(0, |g| g.days.max(0))),
            ],
        ));
    }
    MEETING_CADENCE
        .with(Value::proportion(met, expected_bodies))
        .at_least(cx.settings.thresholds.meeting_cadence)
        .table(breakdown(
            "bodies",
            "Meetings held and expected, by body",
            &[
                ("frequency", "Frequency"),
                ("held", "Held"),
                ("expected", "Expected"),
                ("longest_gap_days", "Longest gap (days)"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}

/// Why a meeting was inquorate, leading with what was missing: too few
/// voting members, a required role absent, or both (the old note, "4 of 4
/// voting members needed were present; missing chair", read as quorate).
fn inquorate_note(present: u32, required: u32, missing_roles: &[impl fmt::Display]) -> String {
    let mut reasons = Vec::new();
    if present < required {
        reasons.push(format!(
            "too few voting members present ({present}, {required} needed)"
        ));
    }
    if !missing_roles.is_empty() {
        let missing: Vec<String> = missing_roles.iter().map(ToString::to_string).collect();
        let roles = missing.join(", ").replace('_', " ");
        if reasons.is_empty() {
            reasons.push(format!(
                "no {roles} present, although {present} voting members were present ({required} needed)"
            ));
        } else {
            reasons.push(format!("no {roles} present"));
        }
    }
    if reasons.is_empty() {
        reasons.push(format!(
            "{present} voting members present, {required} needed"
        ));
    }
    format!("inquorate: {}", reasons.join("; "))
}

fn quorate_meetings(cx: &Context<'_>) -> Indicator {
    let mut by_body: BTreeMap<BodyId, (u64, u64, u64)> = BTreeMap::new();
    let mut evidence = EvidenceList::default();
    let (mut assessed, mut quorate) = (0_u64, 0_u64);
    for check in cx.quorum {
        let Some(meeting) = cx.doc.meetings.get(check.meeting) else {
            continue;
        };
        if !cx.window.contains(meeting.date) {
            continue;
        }
        let name = body_label(cx, meeting.body);
        let counts = by_body.entry(meeting.body).or_default();
        match &check.check {
            QuorumCheck::Assessed(a) => {
                assessed += 1;
                counts.0 += 1;
                if a.quorate {
                    quorate += 1;
                    counts.1 += 1;
                } else {
                    let note = inquorate_note(a.members_present, a.required, &a.missing_roles);
                    evidence.add(
                        meeting.id.as_uuid(),
                        entry("meetings", check.meeting),
                        format!("{name} on {}", meeting.date),
                        Some(note),
                    );
                }
            }
            _ => counts.2 += 1,
        }
    }
    let mut rows: Vec<Row> = by_body
        .into_iter()
        .map(|(id, (assessed, quorate, unassessed))| {
            let path = super::path_of(cx.network, "body", id.as_uuid());
            row(
                id.to_string(),
                body_label(cx, id),
                path,
                vec![
                    Value::count(assessed),
                    Value::count(quorate),
                    Value::proportion(quorate, assessed),
                    Value::count(unassessed),
                ],
            )
        })
        .collect();
    super::sort_rows(&mut rows);
    QUORATE_MEETINGS
        .with(Value::proportion(quorate, assessed))
        .at_least(cx.settings.thresholds.quorate_meetings)
        .table(breakdown(
            "by_body",
            "By body",
            &[
                ("assessed", "Meetings assessed"),
                ("quorate", "Quorate"),
                ("share", "Share quorate"),
                ("no_terms", "Not assessed (no terms in force)"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}

fn overdue_actions(cx: &Context<'_>) -> Indicator {
    let mut by_body: BTreeMap<BodyId, (u64, u64)> = BTreeMap::new();
    let mut evidence = EvidenceList::default();
    let (mut open, mut overdue) = (0_u64, 0_u64);
    for (m, meeting) in cx.doc.meetings.iter().enumerate() {
        for (a, action) in meeting.actions.iter().enumerate() {
            if !action.is_open_on(meeting.date, cx.as_of) {
                continue;
            }
            open += 1;
            let late = action.due < cx.as_of;
            let counts = by_body.entry(meeting.body).or_default();
            counts.0 += 1;
            if late {
                overdue += 1;
                counts.1 += 1;
                evidence.add(
                    action.id.as_uuid(),
                    entry("meetings", m).key("actions").index(a),
                    short(action.description.as_str()),
                    Some(format!(
                        "due {}, {} days overdue",
                        action.due,
                        (cx.as_of - action.due).num_days()
                    )),
                );
            }
        }
    }
    let mut rows: Vec<Row> = by_body
        .into_iter()
        .map(|(id, (open, overdue))| {
            row(
                id.to_string(),
                body_label(cx, id),
                super::path_of(cx.network, "body", id.as_uuid()),
                vec![Value::count(open), Value::count(overdue)],
            )
        })
        .collect();
    super::sort_rows(&mut rows);
    OVERDUE_ACTIONS
        .with(Value::proportion(overdue, open))
        .at_most(cx.settings.thresholds.overdue_actions)
        .table(breakdown(
            "by_body",
            "By body that raised them",
            &[("open", "Open"), ("overdue", "Overdue")],
            rows,
        ))
        .evidence(evidence, cx.limit())
}

/// The first 80 characters of a long text, with an ellipsis.
pub(crate) fn short(text: &str) -> String {
    const MAX: usize = 80;
    let text = text.trim_end_matches('.');
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(MAX).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

const STAGES: [ObjectiveStage; 7] = [
    ObjectiveStage::Proposed,
    ObjectiveStage::Agreed,
    ObjectiveStage::InProgress,
    ObjectiveStage::Completed,
    ObjectiveStage::Evaluated,
    ObjectiveStage::Deferred,
    ObjectiveStage::Cancelled,
];

fn objectives_on_track(cx: &Context<'_>) -> Indicator {
    let past_due: HashSet<usize> = objectives_past_due(&cx.doc.objectives, cx.as_of)
        .into_iter()
        .map(|p| p.objective)
        .collect();
    // Per stage: red, amber, green, not rated.
    let mut table: BTreeMap<ObjectiveStage, [u64; 4]> = BTreeMap::new();
    let mut evidence = EvidenceList::default();
    let (mut counted, mut on_track) = (0_u64, 0_u64);
    for (i, objective) in cx.doc.objectives.iter().enumerate() {
        let Some(stage) = objective.stage_as_of(cx.as_of) else {
            continue;
        };
        let column = match objective.rag {
            Some(Rag::Red) => 0,
            Some(Rag::Amber) => 1,
            Some(Rag::Green) => 2,
            _ => 3,
        };
        if let Some(cell) = table.entry(stage).or_default().get_mut(column) {
            *cell += 1;
        }
        if stage == ObjectiveStage::Cancelled {
            continue;
        }
        counted += 1;
        let done = matches!(stage, ObjectiveStage::Completed | ObjectiveStage::Evaluated);
        let late = past_due.contains(&i);
        let red = objective.rag == Some(Rag::Red);
        if done || (!late && !red) {
            on_track += 1;
        } else {
            let mut why = Vec::new();
            if late {
                why.push(format!("past due since {}", objective.due));
            }
            if red {
                why.push("rated red".to_owned());
            }
            evidence.add(
                objective.id.as_uuid(),
                entry("objectives", i),
                objective.title.to_string(),
                Some(format!(
                    "{} ({})",
                    why.join(", "),
                    stage.as_str().replace('_', " ")
                )),
            );
        }
    }
    let rows = STAGES
        .iter()
        .filter_map(|stage| {
            let [red, amber, green, unrated] = *table.get(stage)?;
            Some(row(
                stage.as_str(),
                stage.as_str().replace('_', " "),
                None,
                vec![
                    Value::count(red),
                    Value::count(amber),
                    Value::count(green),
                    Value::count(unrated),
                    Value::count(red + amber + green + unrated),
                ],
            ))
        })
        .collect();
    OBJECTIVES_ON_TRACK
        .with(Value::proportion(on_track, counted))
        .at_least(cx.settings.thresholds.objectives_on_track)
        .table(breakdown(
            "by_stage",
            "Objectives by stage and RAG",
            &[
                ("red", "Red"),
                ("amber", "Amber"),
                ("green", "Green"),
                ("not_rated", "Not rated"),
                ("total", "Total"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}

fn high_risks(cx: &Context<'_>) -> Indicator {
    let threshold = RiskScore::new(cx.settings.high_risk_score.into()).unwrap_or(RiskScore::HIGH);
    let high: Vec<_> = risks_needing_attention(&cx.doc.risks, threshold, cx.as_of)
        .into_iter()
        .filter(|r| {
            r.at_or_above_threshold
                && cx
                    .doc
                    .risks
                    .get(r.risk)
                    .is_some_and(|risk| risk.is_known_on(cx.as_of))
        })
        .collect();
    let mut by_category: BTreeMap<RiskCategory, u64> = BTreeMap::new();
    let mut evidence = EvidenceList::default();
    let mut rows = Vec::new();
    for attention in &high {
        let Some(risk) = cx.doc.risks.get(attention.risk) else {
            continue;
        };
        *by_category.entry(risk.category).or_default() += 1;
        let note = format!(
            "score {} ({} × {}){}",
            attention.score,
            risk.likelihood,
            risk.impact,
            if attention.review_overdue {
                format!(", review overdue since {}", risk.review_by)
            } else {
                String::new()
            }
        );
        evidence.add(
            risk.id.as_uuid(),
            entry("risks", attention.risk),
            risk.title.to_string(),
            Some(note),
        );
        rows.push(row(
            risk.id.to_string(),
            risk.title.to_string(),
            Some(entry("risks", attention.risk)),
            vec![
                Value::count(attention.score.get()),
                Value::text(words(&risk.category)),
                Value::text(words(&risk.status)),
                Value::text(risk.review_by.to_string()),
            ],
        ));
    }
    let category_rows = by_category
        .into_iter()
        .map(|(category, n)| {
            row(
                words(&category).replace(' ', "_"),
                words(&category),
                None,
                vec![Value::count(n)],
            )
        })
        .collect();
    HIGH_RISKS
        .with(Value::count(high.len()))
        .at_most(cx.settings.thresholds.high_risks)
        .table(breakdown(
            "risks",
            &format!("Risks scoring {} or more", threshold.get()),
            &[
                ("score", "Score"),
                ("category", "Category"),
                ("status", "Status"),
                ("review_by", "Review by"),
            ],
            rows,
        ))
        .table(breakdown(
            "by_category",
            "By category",
            &[("risks", "Risks")],
            category_rows,
        ))
        .evidence(evidence, cx.limit())
}
