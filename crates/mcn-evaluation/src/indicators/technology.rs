//! Technology: whether members can share records with the network (the "no
//! shared technology" barrier).

use mcn_organisations::{CanShare, sharing_by_organisation};

use super::{Context, EvidenceList, IndicatorSpec, NhsGroup, breakdown, entry, row};
use crate::report::{Direction, Indicator, Theme, Value};

/// `technology.record_sharing`.
pub(crate) const RECORD_SHARING: IndicatorSpec = IndicatorSpec {
    id: "technology.record_sharing",
    theme: Theme::Technology,
    title: "Members able to share records with the network",
    definition: "Active members with at least one record system that can share records with \
                 the network (\"yes\"; \"partly\" does not count), out of all active members.",
    unit: "organisations",
    direction: Direction::HigherIsBetter,
    basis: "active members",
    reads: "memberships on the report date (system records are undated and read as they stand)",
    sources: &["systems", "memberships", "organisations"],
};

pub(crate) fn indicators(cx: &Context<'_>) -> Vec<Indicator> {
    vec![record_sharing(cx)]
}

fn record_sharing(cx: &Context<'_>) -> Indicator {
    let best = sharing_by_organisation(&cx.doc.systems);
    // yes, partly, no, none recorded
    let mut counts = [0_u64; 4];
    let mut rows = Vec::new();
    for member in &cx.members {
        let ability = best.get(&member.id).copied();
        let (slot, text) = match ability {
            Some(CanShare::Yes) => (0, "yes"),
            Some(CanShare::Partly) => (1, "partly"),
            Some(_) => (2, "no"),
            None => (3, "no system recorded"),
        };
        if let Some(n) = counts.get_mut(slot) {
            *n += 1;
        }
        rows.push(member.row(vec![
            Value::text(NhsGroup::of(member.sector()).label()),
            Value::text(text),
        ]));
    }
    let members: std::collections::HashSet<_> = cx.members.iter().map(|m| m.id).collect();
    let mut evidence = EvidenceList::default();
    for (i, system) in cx.doc.systems.iter().enumerate() {
        if members.contains(&system.organisation) {
            evidence.add(
                system.id.as_uuid(),
                entry("systems", i),
                format!("{} at {}", system.system, cx.org_label(system.organisation)),
                Some(format!("can share: {}", system.can_share)),
            );
        }
    }
    let [yes, partly, no, none] = counts;
    let ability_rows = vec![
        row("yes", "Can share", None, vec![Value::count(yes)]),
        row(
            "partly",
            "Can partly share",
            None,
            vec![Value::count(partly)],
        ),
        row("no", "Cannot share", None, vec![Value::count(no)]),
        row("none", "No system recorded", None, vec![Value::count(none)]),
    ];
    RECORD_SHARING
        .with(Value::proportion(yes, cx.members.len()))
        .at_least(cx.settings.thresholds.record_sharing)
        .table(breakdown(
            "by_ability",
            "Best sharing ability",
            &[("members", "Members")],
            ability_rows,
        ))
        .table(breakdown(
            "members",
            "Each active member",
            &[("sector", "Sector"), ("can_share", "Can share records")],
            rows,
        ))
        .evidence(evidence, cx.limit())
}
