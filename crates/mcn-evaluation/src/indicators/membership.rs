//! Membership and engagement: who the active members are (NHS and non-NHS)
//! and whether each takes part: meetings, training, standards, audits.

use std::collections::{HashMap, HashSet};

use mcn_core::{Rag, id::OrganisationId};
use mcn_governance::{AttendanceStatus, MeetingStatus};
use mcn_organisations::{Sector, active_members_by_sector};

use super::{Context, EvidenceList, IndicatorSpec, Member, NhsGroup, breakdown, entry, row, words};
use crate::report::{Direction, Indicator, Theme, Value};

/// `membership.active_members`.
pub(crate) const ACTIVE_MEMBERS: IndicatorSpec = IndicatorSpec {
    id: "membership.active_members",
    theme: Theme::Membership,
    title: "Active member organisations",
    definition: "Organisations whose membership is active on the report date, by sector (NHS \
                 and non-NHS).",
    unit: "organisations",
    direction: Direction::HigherIsBetter,
    basis: "",
    reads: "membership status histories on the report date",
    sources: &["memberships", "organisations"],
};

/// `membership.engagement`.
pub(crate) const ENGAGEMENT: IndicatorSpec = IndicatorSpec {
    id: "membership.engagement",
    theme: Theme::Membership,
    title: "Active members engaged in the window",
    definition: "Active members that in the window attended a meeting (someone present on its \
                 behalf, employed by it or named as its representative), had someone trained, \
                 or submitted an audit result, or that have adopted an endorsed standard, out \
                 of all active members; with each member's engagement profile.",
    unit: "organisations",
    direction: Direction::HigherIsBetter,
    basis: "active members",
    reads: "memberships and adoptions on the report date; meeting dates, event dates and audit submitted_on in the window",
    sources: &[
        "memberships",
        "organisations",
        "people",
        "meetings",
        "events",
        "registrations",
        "adoptions",
        "standards",
        "audit_results",
    ],
};

/// `membership.unengaged`.
pub(crate) const UNENGAGED: IndicatorSpec = IndicatorSpec {
    id: "membership.unengaged",
    theme: Theme::Membership,
    title: "Active members with no engagement in the window",
    definition: "Active members with no meeting attended, nobody trained, no audit result \
                 submitted in the window and no endorsed standard adopted.",
    unit: "organisations",
    direction: Direction::LowerIsBetter,
    basis: "active members",
    reads: "memberships and adoptions on the report date; meeting dates, event dates and audit submitted_on in the window",
    sources: ENGAGEMENT.sources,
};

/// One member's engagement in the window.
#[derive(Debug, Clone, Copy, Default)]
struct Profile {
    meetings: u64,
    people_trained: u64,
    standards_adopted: u64,
    audits_submitted: u64,
}

impl Profile {
    const fn engaged(&self) -> bool {
        self.meetings + self.people_trained + self.standards_adopted + self.audits_submitted > 0
    }
}

pub(crate) fn indicators(cx: &Context<'_>) -> Vec<Indicator> {
    let profiles = profiles(cx);
    vec![
        active_members(cx),
        engagement(cx, &profiles),
        unengaged(cx, &profiles),
    ]
}

fn active_members(cx: &Context<'_>) -> Indicator {
    let memberships = cx
        .members
        .iter()
        .filter_map(|m| cx.doc.memberships.get(m.membership));
    let by_sector = active_members_by_sector(memberships, |id| cx.sector(id), cx.as_of);
    let mut split = [0_u64; 3];
    let mut evidence = EvidenceList::default();
    for member in &cx.members {
        let group = NhsGroup::of(member.sector());
        if let Some(slot) = split.get_mut(group as usize) {
            *slot += 1;
        }
        if let Some(membership) = cx.doc.memberships.get(member.membership) {
            evidence.add(
                membership.id.as_uuid(),
                entry("memberships", member.membership),
                member.label.clone(),
                Some(format!(
                    "{} member, {}",
                    words(&membership.tier),
                    group.label()
                )),
            );
        }
    }
    let nhs_rows = NhsGroup::ALL
        .iter()
        .zip(split)
        .map(|(group, n)| row(group.key(), group.label(), None, vec![Value::count(n)]))
        .collect();
    let sector_rows = by_sector
        .iter()
        .map(|(sector, members)| {
            let (key, label) = sector.map_or_else(
                || ("unknown".to_owned(), "Sector unknown".to_owned()),
                |s: Sector| (s.as_str().to_owned(), sector_label(s)),
            );
            row(key, label, None, vec![Value::count(members.len())])
        })
        .collect();
    let [nhs, non_nhs, _] = split;
    let rag = match (nhs > 0, non_nhs > 0) {
        (true, true) => Rag::Green,
        (false, false) => Rag::Red,
        _ => Rag::Amber,
    };
    ACTIVE_MEMBERS
        .with(Value::count(cx.members.len()))
        .by_rule(
            rag,
            "green when both NHS and non-NHS organisations are active members; amber when only \
             one of the two; red when there are no active members",
        )
        .table(breakdown(
            "by_nhs",
            "NHS and non-NHS",
            &[("members", "Members")],
            nhs_rows,
        ))
        .table(breakdown(
            "by_sector",
            "By sector",
            &[("members", "Members")],
            sector_rows,
        ))
        .evidence(evidence, cx.limit())
}

/// A sector in words, for tables.
pub(crate) fn sector_label(sector: Sector) -> String {
    match sector {
        Sector::Nhs => "NHS".to_owned(),
        other => {
            let text = words(&other);
            let mut chars = text.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

fn slot<'p>(
    position: &HashMap<OrganisationId, usize>,
    profiles: &'p mut [Profile],
    id: OrganisationId,
) -> Option<&'p mut Profile> {
    position.get(&id).and_then(|&i| profiles.get_mut(i))
}

/// Each active member's profile, in `cx.members` order.
fn profiles(cx: &Context<'_>) -> Vec<Profile> {
    let position: HashMap<OrganisationId, usize> = cx
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id, i))
        .collect();
    let mut profiles = vec![Profile::default(); cx.members.len()];

    // People named as a member's representative.
    let mut represents: HashMap<_, Vec<OrganisationId>> = HashMap::new();
    for member in &cx.members {
        if let Some(person) = cx
            .doc
            .memberships
            .get(member.membership)
            .and_then(|m| m.representative)
        {
            represents.entry(person).or_default().push(member.id);
        }
    }
    // Meetings attended, each counted once per organisation.
    let mut attended: HashSet<(OrganisationId, usize)> = HashSet::new();
    for (m, meeting) in cx.doc.meetings.iter().enumerate() {
        if meeting.status != MeetingStatus::Held || !cx.window.contains(meeting.date) {
            continue;
        }
        for entry in &meeting.attendance {
            if !matches!(
                entry.status,
                AttendanceStatus::Present | AttendanceStatus::InAttendance
            ) {
                continue;
            }
            let organisations = entry
                .on_behalf_of
                .into_iter()
                .chain(cx.employer.get(&entry.person).copied())
                .chain(represents.get(&entry.person).into_iter().flatten().copied());
            for organisation in organisations {
                if attended.insert((organisation, m))
                    && let Some(p) = slot(&position, &mut profiles, organisation)
                {
                    p.meetings += 1;
                }
            }
        }
    }
    // People trained, by the organisation on their registration.
    for group in &cx.attendance.by_organisation {
        if let Some(p) = slot(&position, &mut profiles, group.key) {
            p.people_trained = group.reach.people;
        }
    }
    // Endorsed standards adopted (the adoption matrix's rows are the members).
    for (member, counts) in cx
        .matrix
        .organisations
        .iter()
        .zip(&cx.matrix.by_organisation)
    {
        if let Some(p) = slot(&position, &mut profiles, *member) {
            p.standards_adopted = counts.adopted as u64;
        }
    }
    // Audit results submitted in the window.
    for result in &cx.doc.audit_results {
        if cx.window.contains(result.submitted_on)
            && let Some(p) = slot(&position, &mut profiles, result.organisation)
        {
            p.audits_submitted += 1;
        }
    }
    profiles
}

fn unengaged_evidence(cx: &Context<'_>, profiles: &[Profile]) -> EvidenceList {
    let mut evidence = EvidenceList::default();
    for (member, profile) in cx.members.iter().zip(profiles) {
        if !profile.engaged() {
            member.evidence(
                &mut evidence,
                "no meeting, training, adoption or audit in the window".to_owned(),
            );
        }
    }
    evidence
}

fn sector_cell(member: &Member<'_>) -> Value {
    Value::text(NhsGroup::of(member.sector()).label())
}

fn engagement(cx: &Context<'_>, profiles: &[Profile]) -> Indicator {
    let engaged = profiles.iter().filter(|p| p.engaged()).count();
    let rows = cx
        .members
        .iter()
        .zip(profiles)
        .map(|(member, p)| {
            member.row(vec![
                sector_cell(member),
                Value::count(p.meetings),
                Value::count(p.people_trained),
                Value::count(p.standards_adopted),
                Value::count(p.audits_submitted),
                Value::Boolean { value: p.engaged() },
            ])
        })
        .collect();
    ENGAGEMENT
        .with(Value::proportion(engaged, cx.members.len()))
        .at_least(cx.settings.thresholds.member_engagement)
        .table(breakdown(
            "profile",
            "Engagement profile of each active member",
            &[
                ("sector", "Sector"),
                ("meetings", "Meetings attended"),
                ("people_trained", "People trained"),
                ("standards_adopted", "Standards adopted"),
                ("audits_submitted", "Audit results submitted"),
                ("engaged", "Engaged"),
            ],
            rows,
        ))
        .evidence(unengaged_evidence(cx, profiles), cx.limit())
}

fn unengaged(cx: &Context<'_>, profiles: &[Profile]) -> Indicator {
    let rows: Vec<_> = cx
        .members
        .iter()
        .zip(profiles)
        .filter(|(_, p)| !p.engaged())
        .map(|(member, _)| {
            let membership = cx.doc.memberships.get(member.membership);
            member.row(vec![
                sector_cell(member),
                Value::Boolean {
                    value: membership.is_some_and(|m| m.representative.is_some()),
                },
            ])
        })
        .collect();
    UNENGAGED
        .with(Value::count(rows.len()))
        .basis(cx.members.len())
        .at_most(cx.settings.thresholds.unengaged_members)
        .table(breakdown(
            "members",
            "Members with no engagement",
            &[
                ("sector", "Sector"),
                ("representative", "Representative named"),
            ],
            rows,
        ))
        .evidence(unengaged_evidence(cx, profiles), cx.limit())
}
