//! Training and networking: events held, attendance, reach by sector,
//! locality and level, why people miss training, relevance, and training
//! requirements met.

use std::collections::{BTreeMap, HashSet};

use mcn_core::PostRole;
use mcn_training::{
    AccessBarrier, AppliesTo, Delivery, EventKind, EventStatus, NeedStatus, ReachFigures, Trainee,
    barriers, training_needs,
};

use super::{Context, EvidenceList, IndicatorSpec, breakdown, entry, row, words};
use crate::report::{Direction, Indicator, Rate, Row, Theme, Value};

const TRAINING: &[&str] = &["courses", "events", "registrations"];

/// `training.events_held`.
pub(crate) const EVENTS_HELD: IndicatorSpec = IndicatorSpec {
    id: "training.events_held",
    theme: Theme::Training,
    title: "Training and networking events held",
    definition: "Events with status held dated in the window, by kind and delivery mode.",
    unit: "events",
    direction: Direction::HigherIsBetter,
    basis: "",
    reads: "event dates in the window",
    sources: &["events"],
};

/// `training.attendance_rate`.
pub(crate) const ATTENDANCE_RATE: IndicatorSpec = IndicatorSpec {
    id: "training.attendance_rate",
    theme: Theme::Training,
    title: "Attendance rate",
    definition: "Registrations marked attended, out of those marked attended or did not attend, \
                 at events in the window that were not cancelled.",
    unit: "registrations",
    direction: Direction::HigherIsBetter,
    basis: "registrations attended or missed",
    reads: "event dates in the window (a registration counts with its event)",
    sources: &["events", "registrations"],
};

/// `training.reach`.
pub(crate) const REACH: IndicatorSpec = IndicatorSpec {
    id: "training.reach",
    theme: Theme::Training,
    title: "People reached by training",
    definition: "Distinct people who attended an event in the window that was not cancelled, \
                 with organisations and attendances by the sector of the organisation they came \
                 from, by the locality where the event took place, and by education level.",
    unit: "people",
    direction: Direction::HigherIsBetter,
    basis: "",
    reads: "event dates in the window (a registration counts with its event)",
    sources: &[
        "courses",
        "events",
        "registrations",
        "organisations",
        "localities",
    ],
};

/// `training.organisations_reached`.
pub(crate) const ORGANISATIONS_REACHED: IndicatorSpec = IndicatorSpec {
    id: "training.organisations_reached",
    theme: Theme::Training,
    title: "Organisations reached by training",
    definition: "Distinct organisations (as recorded on the registration) with someone who \
                 attended an event in the window that was not cancelled.",
    unit: "organisations",
    direction: Direction::HigherIsBetter,
    basis: "",
    reads: "event dates in the window (a registration counts with its event)",
    sources: TRAINING,
};

/// `training.barriers`.
pub(crate) const BARRIERS: IndicatorSpec = IndicatorSpec {
    id: "training.barriers",
    theme: Theme::Training,
    title: "Missed training and why",
    definition: "Registrations that did not attend, were cancelled or wait-listed for events in \
                 the window that were not cancelled, with the access barriers recorded for them, \
                 overall and by delivery mode; alongside, the rate per 100 registrations that \
                 attended or missed (the count grows with the training recorded, the rate does \
                 not).",
    unit: "registrations",
    direction: Direction::LowerIsBetter,
    basis: "registrations attended or missed",
    reads: "event dates in the window (a registration counts with its event)",
    sources: &["events", "registrations"],
};

/// `training.relevance`.
pub(crate) const RELEVANCE: IndicatorSpec = IndicatorSpec {
    id: "training.relevance",
    theme: Theme::Training,
    title: "Relevance of training to practice",
    definition: "The mean relevance-to-practice rating (1 to 5) given in feedback by people who \
                 attended events in the window that were not cancelled.",
    unit: "rating out of 5",
    direction: Direction::HigherIsBetter,
    basis: "feedback responses",
    reads: "event dates in the window (feedback counts with its event)",
    sources: &["events", "registrations"],
};

/// `training.requirements_met`.
pub(crate) const REQUIREMENTS_MET: IndicatorSpec = IndicatorSpec {
    id: "training.requirements_met",
    theme: Theme::Training,
    title: "Training requirements met",
    definition: "Training needs met on the report date (trained at the required level and \
                 outcome areas, within the renewal period), out of every requirement that applies \
                 to a person through the roles of the posts they hold then or their profession.",
    unit: "needs",
    direction: Direction::HigherIsBetter,
    basis: "training needs",
    reads: "posts and appointments on the report date; dates of events attended up to it, within each renewal period",
    sources: &[
        "training_requirements",
        "people",
        "posts",
        "appointments",
        "courses",
        "events",
        "registrations",
    ],
};

pub(crate) fn indicators(cx: &Context<'_>) -> Vec<Indicator> {
    let stats = cx.event_stats;
    let counted: Vec<_> = stats
        .iter()
        .filter(|s| {
            cx.doc
                .events
                .get(s.index)
                .is_some_and(|e| !e.is_cancelled() && cx.window.contains(e.date))
        })
        .collect();
    vec![
        events_held(cx),
        attendance_rate(cx, &counted),
        reach_indicator(cx),
        organisations_reached(cx),
        barrier_indicator(cx),
        relevance(cx, &counted),
        requirements_met(cx),
    ]
}

fn events_held(cx: &Context<'_>) -> Indicator {
    let mut by_kind: BTreeMap<EventKind, u64> = BTreeMap::new();
    let mut by_delivery: BTreeMap<Delivery, u64> = BTreeMap::new();
    let mut evidence = EvidenceList::in_order(cx.limit());
    let mut held = 0_u64;
    for (i, event) in cx.doc.events.iter().enumerate() {
        if event.status != EventStatus::Held || !cx.window.contains(event.date) {
            continue;
        }
        held += 1;
        *by_kind.entry(event.kind).or_default() += 1;
        *by_delivery.entry(event.delivery).or_default() += 1;
        evidence.add_in_order(event.id.as_uuid(), entry("events", i), || {
            (
                event.title.to_string(),
                Some(format!("held {}", event.date)),
            )
        });
    }
    let kind_rows = by_kind
        .into_iter()
        .map(|(kind, n)| {
            let label = words(&kind);
            row(label.replace(' ', "_"), label, None, vec![Value::count(n)])
        })
        .collect();
    let delivery_rows = by_delivery
        .into_iter()
        .map(|(d, n)| row(d.as_str(), delivery_label(d), None, vec![Value::count(n)]))
        .collect();
    EVENTS_HELD
        .with(Value::count(held))
        .table(breakdown(
            "by_kind",
            "By kind",
            &[("events", "Events")],
            kind_rows,
        ))
        .table(breakdown(
            "by_delivery",
            "By delivery mode",
            &[("events", "Events")],
            delivery_rows,
        ))
        .evidence(evidence, cx.limit())
}

fn event_label(cx: &Context<'_>, index: usize) -> String {
    cx.doc
        .events
        .get(index)
        .map_or_else(String::new, |e| format!("{} ({})", e.title, e.date))
}

fn attendance_rate(cx: &Context<'_>, counted: &[&mcn_training::EventStats]) -> Indicator {
    let mut evidence = EvidenceList::in_order(cx.limit());
    let mut rows = Vec::new();
    let (mut attended, mut recorded) = (0_u64, 0_u64);
    for stats in counted {
        let recorded_here = stats.attended + stats.did_not_attend;
        if recorded_here == 0 {
            continue;
        }
        attended += stats.attended;
        recorded += recorded_here;
        evidence.add_in_order(stats.event.as_uuid(), entry("events", stats.index), || {
            (
                event_label(cx, stats.index),
                Some(format!(
                    "{} attended of {recorded_here} recorded",
                    stats.attended
                )),
            )
        });
        rows.push(row(
            stats.event.to_string(),
            event_label(cx, stats.index),
            Some(entry("events", stats.index)),
            vec![
                Value::count(stats.attended),
                Value::count(stats.did_not_attend),
                Value::proportion(stats.attended, recorded_here),
            ],
        ));
    }
    ATTENDANCE_RATE
        .with(Value::proportion(attended, recorded))
        .at_least(cx.settings.thresholds.attendance_rate)
        .table(breakdown(
            "by_event",
            "By event",
            &[
                ("attended", "Attended"),
                ("did_not_attend", "Did not attend"),
                ("rate", "Attendance rate"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}

const REACH_COLUMNS: &[(&str, &str)] = &[
    ("people", "People"),
    ("organisations", "Organisations"),
    ("attendances", "Attendances"),
];

fn reach_cells(figures: ReachFigures) -> Vec<Value> {
    vec![
        Value::count(figures.people),
        Value::count(figures.organisations),
        Value::count(figures.attendances),
    ]
}

fn reach_indicator(cx: &Context<'_>) -> Indicator {
    let attendance = &cx.attendance;
    let sector_rows = attendance
        .by_group
        .iter()
        .map(|group| {
            row(
                group.key.key(),
                group.key.label(),
                None,
                reach_cells(group.reach),
            )
        })
        .collect();
    let level_rows = attendance
        .total
        .by_level
        .iter()
        .map(|level| {
            row(
                level.level.as_str(),
                level.level.as_str().replace('_', " "),
                None,
                reach_cells(level.reach),
            )
        })
        .collect();
    REACH
        .with(Value::count(attendance.total.all.people))
        .table(breakdown(
            "by_sector",
            "By sector",
            REACH_COLUMNS,
            sector_rows,
        ))
        .table(breakdown(
            "by_locality",
            "By locality where the event took place",
            REACH_COLUMNS,
            locality_reach_rows(cx),
        ))
        .table(breakdown(
            "by_level",
            "By education level",
            REACH_COLUMNS,
            level_rows,
        ))
        .evidence(organisations_evidence(cx), cx.limit())
}

/// Reach by the locality of the event, sorted by locality name (events with no
/// locality last).
fn locality_reach_rows(cx: &Context<'_>) -> Vec<Row> {
    let mut located: Vec<Row> = Vec::new();
    let mut elsewhere: Vec<Row> = Vec::new();
    for group in &cx.attendance.by_locality {
        let figures = &group.reach;
        match group.key {
            Some(id) => {
                let label = cx
                    .network
                    .locality(id)
                    .map_or_else(|| format!("locality {id}"), |l| l.name.to_string());
                let path = super::path_of(cx.network, "locality", id.as_uuid());
                located.push(row(id.to_string(), label, path, reach_cells(*figures)));
            }
            None => elsewhere.push(row(
                "none",
                "No locality (online or not recorded)",
                None,
                reach_cells(*figures),
            )),
        }
    }
    super::sort_rows(&mut located);
    located.extend(elsewhere);
    located
}

/// The organisations reached, with how many of their people.
fn organisations_evidence(cx: &Context<'_>) -> EvidenceList {
    let mut evidence = EvidenceList::default();
    for group in &cx.attendance.by_organisation {
        let organisation = group.key;
        if let Some(path) = cx.org_path(organisation) {
            evidence.add(
                organisation.as_uuid(),
                path,
                cx.org_label(organisation),
                Some(format!("{} people trained", group.reach.people)),
            );
        }
    }
    evidence
}

fn organisations_reached(cx: &Context<'_>) -> Indicator {
    ORGANISATIONS_REACHED
        .with(Value::count(cx.attendance.total.all.organisations))
        .evidence(organisations_evidence(cx), cx.limit())
}

fn barrier_indicator(cx: &Context<'_>) -> Indicator {
    let summary = barriers(&cx.doc.events, &cx.doc.registrations, cx.window);
    let barrier_rows = summary
        .overall
        .barriers
        .iter()
        .map(|b| {
            row(
                b.barrier.as_str(),
                barrier_label(b.barrier),
                None,
                vec![
                    Value::count(b.count),
                    Value::proportion(b.count, summary.overall.recorded),
                ],
            )
        })
        .collect();
    let delivery_rows = summary
        .by_delivery
        .iter()
        .map(|d| {
            row(
                d.delivery.as_str(),
                delivery_label(d.delivery),
                None,
                vec![
                    Value::count(d.barriers.missed),
                    Value::count(d.barriers.recorded),
                ],
            )
        })
        .collect();
    let mut evidence = EvidenceList::in_order(cx.limit());
    for (i, registration) in cx.doc.registrations.iter().enumerate() {
        let Some(barrier) = registration
            .barrier
            .filter(|_| registration.status.is_missed())
        else {
            continue;
        };
        let Some((_, event)) = cx.event_in_window(registration.event) else {
            continue;
        };
        evidence.add_in_order(registration.id.as_uuid(), entry("registrations", i), || {
            (
                format!("registration for {} ({})", event.title, event.date),
                Some(format!(
                    "{}: {}",
                    registration.status.as_str().replace('_', " "),
                    barrier_label(barrier)
                )),
            )
        });
    }
    let missed = summary.overall.missed;
    let registrations = missed.saturating_add(cx.attendance.total.all.attendances);
    BARRIERS
        .with(Value::count(missed))
        .basis(registrations)
        .rate(Rate::new(missed, registrations, 100, "registrations"))
        .table(breakdown(
            "by_barrier",
            &format!(
                "Barriers recorded ({} of {} missed registrations record one)",
                summary.overall.recorded, summary.overall.missed
            ),
            &[("count", "Registrations"), ("share", "Share")],
            barrier_rows,
        ))
        .table(breakdown(
            "by_delivery",
            "By delivery mode",
            &[("missed", "Missed"), ("recorded", "Barrier recorded")],
            delivery_rows,
        ))
        .evidence(evidence, cx.limit())
}

/// A delivery mode in words.
const fn delivery_label(delivery: Delivery) -> &'static str {
    match delivery {
        Delivery::InPerson => "in person",
        Delivery::Virtual => "virtual",
        Delivery::Blended => "blended",
        Delivery::ELearning => "e-learning",
        _ => "other",
    }
}

/// An access barrier in words.
pub(crate) const fn barrier_label(barrier: AccessBarrier) -> &'static str {
    match barrier {
        AccessBarrier::NoRelease => "no release or backfill",
        AccessBarrier::TravelDistance => "travel distance",
        AccessBarrier::Cost => "cost",
        AccessBarrier::Timing => "timing",
        AccessBarrier::NotRelevant => "not relevant",
        AccessBarrier::NotAwareInTime => "not aware in time",
        AccessBarrier::EventFull => "event full",
        AccessBarrier::Illness => "illness",
        _ => "other",
    }
}

/// The sum of the ratings behind a mean over `responses` (exact: the mean was
/// computed from an integer sum).
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)] // ratings 1–5 times counts far below 2^52
fn rating_total(mean: Option<f64>, responses: u64) -> u64 {
    mean.map_or(0, |m| (m * responses as f64).round().max(0.0) as u64)
}

fn relevance(cx: &Context<'_>, counted: &[&mcn_training::EventStats]) -> Indicator {
    let mut evidence = EvidenceList::in_order(cx.limit());
    let mut rows = Vec::new();
    let (mut total, mut responses) = (0_u64, 0_u64);
    for stats in counted {
        let feedback = &stats.feedback;
        if feedback.responses == 0 {
            continue;
        }
        let sum = rating_total(feedback.mean_relevance, feedback.responses);
        total += sum;
        responses += feedback.responses;
        evidence.add_in_order(stats.event.as_uuid(), entry("events", stats.index), || {
            (
                event_label(cx, stats.index),
                Some(format!("{} feedback responses", feedback.responses)),
            )
        });
        rows.push(row(
            stats.event.to_string(),
            event_label(cx, stats.index),
            Some(entry("events", stats.index)),
            vec![
                Value::count(feedback.responses),
                Value::mean(sum, feedback.responses, 5),
                Value::mean(
                    rating_total(feedback.mean_overall, feedback.responses),
                    feedback.responses,
                    5,
                ),
            ],
        ));
    }
    RELEVANCE
        .with(Value::mean(total, responses, 5))
        .at_least(cx.settings.thresholds.relevance)
        .table(breakdown(
            "by_event",
            "By event",
            &[
                ("responses", "Responses"),
                ("relevance", "Mean relevance"),
                ("overall", "Mean overall rating"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}

fn requirement_label(cx: &Context<'_>, index: usize) -> String {
    cx.doc
        .training_requirements
        .get(index)
        .map_or_else(String::new, |r| {
            let who = match r.applies_to {
                AppliesTo::Role(role) => super::leadership::role_label(role),
                AppliesTo::Profession(p) => words(&p),
                _ => "other".to_owned(),
            };
            format!("{} level for {who}", r.level.as_str().replace('_', " "))
        })
}

fn requirements_met(cx: &Context<'_>) -> Indicator {
    let mut seen = HashSet::new();
    let people: Vec<_> = cx.doc.people.iter().filter(|p| seen.insert(p.id)).collect();
    let roles: Vec<Vec<PostRole>> = people
        .iter()
        .map(|p| {
            cx.roles
                .current_posts(p.id, cx.as_of)
                .into_iter()
                .map(|post| post.role)
                .collect()
        })
        .collect();
    let trainees: Vec<Trainee<'_>> = people
        .iter()
        .zip(&roles)
        .map(|(person, roles)| Trainee {
            person: person.id,
            roles,
            profession: Some(person.profession),
        })
        .collect();
    let needs = training_needs(
        &cx.doc.training_requirements,
        &cx.doc.courses,
        &cx.doc.events,
        &cx.doc.registrations,
        &trainees,
        cx.as_of,
    );
    // Per requirement: met, expired, missing.
    let mut by_requirement: BTreeMap<usize, [u64; 3]> = BTreeMap::new();
    for need in needs.iter().flat_map(|p| &p.needs) {
        let column = match need.status {
            NeedStatus::Met => 0,
            NeedStatus::Expired => 1,
            _ => 2,
        };
        if let Some(cell) = by_requirement
            .entry(need.index)
            .or_default()
            .get_mut(column)
        {
            *cell += 1;
        }
    }
    let mut evidence = EvidenceList::default();
    let (mut met, mut total) = (0_u64, 0_u64);
    let rows = by_requirement
        .iter()
        .filter_map(|(&index, &[m, expired, missing])| {
            let requirement = cx.doc.training_requirements.get(index)?;
            met += m;
            total += m + expired + missing;
            let label = requirement_label(cx, index);
            evidence.add(
                requirement.id.as_uuid(),
                entry("training_requirements", index),
                label.clone(),
                Some(format!("{m} met, {expired} expired, {missing} missing")),
            );
            Some(row(
                requirement.id.to_string(),
                label,
                Some(entry("training_requirements", index)),
                vec![
                    Value::count(m),
                    Value::count(expired),
                    Value::count(missing),
                    Value::proportion(m, m + expired + missing),
                ],
            ))
        })
        .collect();
    REQUIREMENTS_MET
        .with(Value::proportion(met, total))
        .at_least(cx.settings.thresholds.training_requirements)
        .table(breakdown(
            "by_requirement",
            "By requirement",
            &[
                ("met", "Met"),
                ("expired", "Expired"),
                ("missing", "Missing"),
                ("share", "Share met"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}
