//! Collaboration: organisations and sectors meeting together in the network's
//! bodies, and events that draw people from beyond their host.

use std::collections::{BTreeMap, HashSet};

use mcn_core::{
    JsonPointer,
    id::{BodyId, OrganisationId},
};
use mcn_governance::{AttendanceStatus, MeetingStatus};

use super::{Context, EvidenceList, IndicatorSpec, NhsGroup, breakdown, entry, row};
use crate::report::{Direction, Indicator, Theme, Value};

/// `collaboration.body_mix`.
pub(crate) const BODY_MIX: IndicatorSpec = IndicatorSpec {
    id: "collaboration.body_mix",
    theme: Theme::Collaboration,
    title: "Bodies bringing NHS and non-NHS organisations together",
    definition: "Bodies whose held meetings in the window had both NHS and non-NHS organisations \
                 represented (by someone present on an organisation's behalf, else by their \
                 employer), out of the bodies that held a meeting in the window; with the \
                 distinct organisations represented at each body.",
    unit: "bodies",
    direction: Direction::HigherIsBetter,
    basis: "bodies that met",
    reads: "meeting dates in the window",
    sources: &["bodies", "meetings", "people", "organisations"],
};

/// `collaboration.cross_organisation_events`.
pub(crate) const CROSS_ORGANISATION_EVENTS: IndicatorSpec = IndicatorSpec {
    id: "collaboration.cross_organisation_events",
    theme: Theme::Collaboration,
    title: "Events attended beyond their host organisation",
    definition: "Events in the window, not cancelled, with someone attending from an \
                 organisation other than the host, out of the events in the window with anyone \
                 attending.",
    unit: "events",
    direction: Direction::HigherIsBetter,
    basis: "events attended",
    reads: "event dates in the window",
    sources: &["events", "registrations"],
};

pub(crate) fn indicators(cx: &Context<'_>) -> Vec<Indicator> {
    vec![body_mix(cx), cross_organisation_events(cx)]
}

fn body_mix(cx: &Context<'_>) -> Indicator {
    // Per body: meetings held in the window, organisations represented.
    let mut bodies: BTreeMap<BodyId, (u64, HashSet<OrganisationId>)> = BTreeMap::new();
    for meeting in &cx.doc.meetings {
        if meeting.status != MeetingStatus::Held || !cx.window.contains(meeting.date) {
            continue;
        }
        let (meetings, organisations) = bodies.entry(meeting.body).or_default();
        *meetings += 1;
        for attendance in &meeting.attendance {
            if !matches!(
                attendance.status,
                AttendanceStatus::Present | AttendanceStatus::InAttendance
            ) {
                continue;
            }
            if let Some(organisation) = attendance
                .on_behalf_of
                .or_else(|| cx.employer.get(&attendance.person).copied())
            {
                organisations.insert(organisation);
            }
        }
    }
    let mut evidence = EvidenceList::default();
    let mut rows = Vec::new();
    let mut mixed = 0_u64;
    // Rows in document order of the bodies; bodies not in the document last, by id.
    let mut ordered: Vec<(Option<JsonPointer>, BodyId)> = bodies
        .keys()
        .map(|id| (super::path_of(cx.network, "body", id.as_uuid()), *id))
        .collect();
    ordered.sort_by(|a, b| (a.0.is_none(), &a.0, a.1).cmp(&(b.0.is_none(), &b.0, b.1)));
    for (path, id) in ordered {
        let Some((meetings, organisations)) = bodies.get(&id) else {
            continue;
        };
        let mut split = [0_u64; 3];
        for organisation in organisations {
            if let Some(n) = split.get_mut(NhsGroup::of(cx.sector(*organisation)) as usize) {
                *n += 1;
            }
        }
        let [nhs, non_nhs, unknown] = split;
        let both = nhs > 0 && non_nhs > 0;
        mixed += u64::from(both);
        let name = cx
            .network
            .body(id)
            .map_or_else(|| format!("body {id}"), |b| b.name.to_string());
        if let Some(path) = path.clone() {
            evidence.add(
                id.as_uuid(),
                path,
                name.clone(),
                Some(format!(
                    "{} organisations represented: {nhs} NHS, {non_nhs} non-NHS",
                    organisations.len()
                )),
            );
        }
        rows.push(row(
            id.to_string(),
            name,
            path,
            vec![
                Value::count(*meetings),
                Value::count(organisations.len()),
                Value::count(nhs),
                Value::count(non_nhs),
                Value::count(unknown),
            ],
        ));
    }
    BODY_MIX
        .with(Value::proportion(mixed, bodies.len()))
        .at_least(cx.settings.thresholds.body_mix)
        .table(breakdown(
            "by_body",
            "Organisations represented, by body",
            &[
                ("meetings", "Meetings held"),
                ("organisations", "Organisations"),
                ("nhs", "NHS"),
                ("non_nhs", "Non-NHS"),
                ("unknown", "Sector unknown"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}

fn cross_organisation_events(cx: &Context<'_>) -> Indicator {
    // Per host: events with attendance, events attended beyond the host, other organisations.
    let mut hosts: BTreeMap<OrganisationId, (u64, u64, HashSet<OrganisationId>)> = BTreeMap::new();
    let mut evidence = EvidenceList::in_order(cx.limit());
    let (mut with_attendance, mut cross) = (0_u64, 0_u64);
    for (i, others) in cx.attendance.beyond_host.iter().enumerate() {
        let (Some(others), Some(event)) = (others, cx.doc.events.get(i)) else {
            continue;
        };
        with_attendance += 1;
        let host = hosts.entry(event.host).or_default();
        host.0 += 1;
        if !others.is_empty() {
            cross += 1;
            host.1 += 1;
            host.2.extend(others.iter().copied());
            evidence.add_in_order(event.id.as_uuid(), entry("events", i), || {
                (
                    format!("{} ({})", event.title, event.date),
                    Some(format!(
                        "hosted by {}, attended from {} other organisations",
                        cx.org_label(event.host),
                        others.len()
                    )),
                )
            });
        }
    }
    let mut rows: Vec<_> = hosts
        .into_iter()
        .map(|(host, (events, cross, others))| {
            row(
                host.to_string(),
                cx.org_label(host),
                cx.org_path(host),
                vec![
                    Value::count(events),
                    Value::count(cross),
                    Value::count(others.len()),
                ],
            )
        })
        .collect();
    super::sort_rows(&mut rows);
    CROSS_ORGANISATION_EVENTS
        .with(Value::proportion(cross, with_attendance))
        .at_least(cx.settings.thresholds.cross_organisation_events)
        .table(breakdown(
            "by_host",
            "By host organisation",
            &[
                ("events", "Events attended"),
                ("cross_organisation", "Attended beyond the host"),
                ("other_organisations", "Other organisations attending"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}
