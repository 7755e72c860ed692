//! Equity and coverage by locality: 24/7 nursing and consultant advice (NICE
//! QS160 statement 6), specialist team coverage, and people trained per
//! estimated child with a life-limiting condition.

use std::collections::HashSet;

use mcn_core::id::PersonId;
use mcn_organisations::{LocalityTree, Service, ServiceKind, coverage};

use super::{Context, EvidenceList, IndicatorSpec, breakdown, entry, row, words};

use crate::report::{Direction, Indicator, Theme, Value};

/// `equity.qs160_24_7`.
pub(crate) const QS160_24_7: IndicatorSpec = IndicatorSpec {
    id: "equity.qs160_24_7",
    theme: Theme::Equity,
    title: "Localities with 24/7 children's nursing and consultant advice (NICE QS160 statement 6)",
    definition: "Localities at the finest level recorded (no locality lies within them) covered on \
                 the report date, directly or through a wider locality, by both a 24/7 community \
                 children's nursing service and a 24/7 consultant advice line, out of all such \
                 localities; the table shows every locality.",
    unit: "localities",
    direction: Direction::HigherIsBetter,
    basis: "localities",
    reads: "services' periods on the report date",
    sources: &["localities", "services"],
};

/// `equity.specialist_team`.
pub(crate) const SPECIALIST_TEAM: IndicatorSpec = IndicatorSpec {
    id: "equity.specialist_team",
    theme: Theme::Equity,
    title: "Localities covered by a specialist palliative care team",
    definition: "Localities at the finest level recorded covered on the report date by a \
                 specialist paediatric palliative care team (any hours), out of all such localities.",
    unit: "localities",
    direction: Direction::HigherIsBetter,
    basis: "localities",
    reads: "services' periods on the report date",
    sources: &["localities", "services"],
};

/// `equity.training_per_child`.
pub(crate) const TRAINING_PER_CHILD: IndicatorSpec = IndicatorSpec {
    id: "equity.training_per_child",
    theme: Theme::Equity,
    title: "People trained per estimated child with a life-limiting condition",
    definition: "Distinct people trained in the window at events held in a locality (or a \
                 locality within it), per estimated child with a life-limiting condition living \
                 there (the locality's own estimate, else the sum of the localities within it). \
                 The headline adds up the widest localities that have an estimate.",
    unit: "people per child",
    direction: Direction::HigherIsBetter,
    basis: "estimated children",
    reads: "event dates in the window",
    sources: &["localities", "events", "registrations"],
};

pub(crate) fn indicators(cx: &Context<'_>) -> Vec<Indicator> {
    let localities = Localities::new(cx);
    vec![
        qs160(cx, &localities),
        specialist_team(cx, &localities),
        training_per_child(cx, &localities),
    ]
}

/// What covers each locality, and how localities nest.
struct Localities<'a> {
    /// Per locality (document order): the current services of the three kinds
    /// that cover it, as service indices.
    covered_by: Vec<Vec<&'a Service>>,
    /// How the localities nest.
    tree: LocalityTree<'a>,
    /// Per locality: the estimated children with a life-limiting condition
    /// ([`LocalityTree::llc_estimates`]).
    estimate: Vec<Option<u64>>,
}

const fn relevant(kind: ServiceKind) -> bool {
    matches!(
        kind,
        ServiceKind::CommunityChildrensNursing
            | ServiceKind::ConsultantAdviceLine
            | ServiceKind::SpecialistPalliativeCareTeam
    )
}

impl<'a> Localities<'a> {
    fn new(cx: &Context<'a>) -> Self {
        let localities = &cx.doc.localities;
        let covered_by = coverage(localities, &cx.doc.services, cx.as_of, |s| relevant(s.kind));
        let tree = LocalityTree::new(localities);
        let estimate = tree.llc_estimates();
        Self {
            covered_by,
            tree,
            estimate,
        }
    }

    fn has(&self, locality: usize, kind: ServiceKind, round_the_clock: bool) -> bool {
        self.covered_by.get(locality).is_some_and(|services| {
            services
                .iter()
                .any(|s| s.kind == kind && (!round_the_clock || s.is_24_7()))
        })
    }

    fn nursing(&self, locality: usize) -> bool {
        self.has(locality, ServiceKind::CommunityChildrensNursing, true)
    }

    fn advice(&self, locality: usize) -> bool {
        self.has(locality, ServiceKind::ConsultantAdviceLine, true)
    }

    fn specialist(&self, locality: usize) -> bool {
        self.has(locality, ServiceKind::SpecialistPalliativeCareTeam, false)
    }

    fn is_leaf(&self, locality: usize) -> bool {
        self.tree.is_leaf(locality)
    }
}

fn estimate_cell(estimate: Option<u64>) -> Value {
    estimate.map_or_else(|| Value::text("unknown"), Value::count)
}

/// Evidence: each current service of `kind` (24/7 only when asked) that
/// covers a locality, once.
fn service_evidence(
    cx: &Context<'_>,
    localities: &Localities<'_>,
    evidence: &mut EvidenceList,
    keep: impl Fn(&Service) -> bool,
) {
    let mut seen = HashSet::new();
    for service in localities.covered_by.iter().flatten() {
        if keep(service)
            && seen.insert(service.id)
            && let Some(path) = super::path_of(cx.network, "service", service.id.as_uuid())
        {
            evidence.add(
                service.id.as_uuid(),
                path,
                service
                    .name
                    .as_ref()
                    .map_or_else(|| words(&service.kind), ToString::to_string),
                Some(format!(
                    "{} by {}{}",
                    words(&service.kind),
                    cx.org_label(service.provider),
                    if service.is_24_7() { ", 24/7" } else { "" }
                )),
            );
        }
    }
}

fn qs160(cx: &Context<'_>, localities: &Localities<'_>) -> Indicator {
    let mut evidence = EvidenceList::default();
    let mut rows = Vec::new();
    let (mut leaves, mut both) = (0_u64, 0_u64);
    for (i, locality) in cx.doc.localities.iter().enumerate() {
        let (nursing, advice) = (localities.nursing(i), localities.advice(i));
        if localities.is_leaf(i) {
            leaves += 1;
            if nursing && advice {
                both += 1;
            } else {
                let mut missing = Vec::new();
                if !nursing {
                    missing.push("no 24/7 community children's nursing");
                }
                if !advice {
                    missing.push("no 24/7 consultant advice");
                }
                evidence.add(
                    locality.id.as_uuid(),
                    entry("localities", i),
                    locality.name.to_string(),
                    Some(missing.join("; ")),
                );
            }
        }
        rows.push(row(
            locality.id.to_string(),
            locality.name.to_string(),
            Some(entry("localities", i)),
            vec![
                Value::text(locality.kind.as_str().replace('_', " ")),
                estimate_cell(localities.estimate.get(i).copied().flatten()),
                Value::Boolean { value: nursing },
                Value::Boolean { value: advice },
                Value::Boolean {
                    value: localities.specialist(i),
                },
            ],
        ));
    }
    service_evidence(cx, localities, &mut evidence, |s| {
        s.is_24_7()
            && matches!(
                s.kind,
                ServiceKind::CommunityChildrensNursing | ServiceKind::ConsultantAdviceLine
            )
    });
    QS160_24_7
        .with(Value::proportion(both, leaves))
        .at_least(cx.settings.thresholds.qs160_24_7)
        .table(breakdown(
            "by_locality",
            "Coverage by locality",
            &[
                ("level", "Level"),
                (
                    "children_with_llc",
                    "Children with a life-limiting condition (estimate)",
                ),
                ("nursing_24_7", "24/7 children's nursing"),
                ("advice_24_7", "24/7 consultant advice"),
                ("specialist_team", "Specialist team"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}

fn specialist_team(cx: &Context<'_>, localities: &Localities<'_>) -> Indicator {
    let mut evidence = EvidenceList::default();
    let (mut leaves, mut covered) = (0_u64, 0_u64);
    for (i, locality) in cx.doc.localities.iter().enumerate() {
        if !localities.is_leaf(i) {
            continue;
        }
        leaves += 1;
        if localities.specialist(i) {
            covered += 1;
        } else {
            evidence.add(
                locality.id.as_uuid(),
                entry("localities", i),
                locality.name.to_string(),
                Some("no specialist palliative care team".to_owned()),
            );
        }
    }
    service_evidence(cx, localities, &mut evidence, |s| {
        s.kind == ServiceKind::SpecialistPalliativeCareTeam
    });
    SPECIALIST_TEAM
        .with(Value::proportion(covered, leaves))
        .at_least(cx.settings.thresholds.specialist_team)
        .evidence(evidence, cx.limit())
}

/// The most levels walked up from a locality (region → ICS → place is three;
/// the cap keeps a malformed chain linear).
const MAX_DEPTH: usize = 8;

/// `(locality, person)` for every person trained in the window at an event
/// held in the locality or in one within it (rolling the attendance pass's
/// event localities up their parents).
fn trained_by_locality(
    cx: &Context<'_>,
    localities: &Localities<'_>,
) -> HashSet<(usize, PersonId)> {
    let mut trained: HashSet<(usize, PersonId)> = HashSet::new();
    for (locality, person) in &cx.attendance.located {
        let mut at = localities.tree.position(*locality);
        for _ in 0..MAX_DEPTH {
            let Some(here) = at else { break };
            if !trained.insert((here, *person)) {
                break; // already counted here, hence above too
            }
            at = localities.tree.parent(here);
        }
    }
    trained
}

fn training_per_child(cx: &Context<'_>, localities: &Localities<'_>) -> Indicator {
    let all = &cx.doc.localities;
    let trained = trained_by_locality(cx, localities);
    let mut people = vec![0_u64; all.len()];
    for (locality, _) in &trained {
        if let Some(n) = people.get_mut(*locality) {
            *n += 1;
        }
    }
    let estimate = &localities.estimate;
    let mut evidence = EvidenceList::default();
    let mut rows = Vec::new();
    let mut headline_people: HashSet<PersonId> = HashSet::new();
    let mut headline_estimate = 0_u64;
    // The widest localities with an estimate: no locality they lie in has one.
    let roots: HashSet<usize> = (0..all.len())
        .filter(|&i| estimate.get(i).copied().flatten().is_some())
        .filter(|&i| {
            let mut at = localities.tree.parent(i);
            for _ in 0..MAX_DEPTH {
                let Some(up) = at else { return true };
                if up == i || estimate.get(up).copied().flatten().is_some() {
                    return false;
                }
                at = localities.tree.parent(up);
            }
            false
        })
        .collect();
    for (locality, person) in &trained {
        if roots.contains(locality) {
            headline_people.insert(*person);
        }
    }
    for (i, locality) in all.iter().enumerate() {
        let n = people.get(i).copied().unwrap_or(0);
        let e = estimate.get(i).copied().flatten();
        if roots.contains(&i) {
            headline_estimate = headline_estimate.saturating_add(e.unwrap_or(0));
        }
        if let Some(e) = e {
            evidence.add(
                locality.id.as_uuid(),
                entry("localities", i),
                locality.name.to_string(),
                Some(format!("{n} people trained; {e} children estimated")),
            );
        }
        rows.push(row(
            locality.id.to_string(),
            locality.name.to_string(),
            Some(entry("localities", i)),
            vec![
                Value::count(n),
                estimate_cell(e),
                e.map_or_else(|| Value::text("n/a"), |e| Value::ratio(n, e)),
            ],
        ));
    }
    TRAINING_PER_CHILD
        .with(Value::ratio(
            u64::try_from(headline_people.len()).unwrap_or(u64::MAX),
            headline_estimate,
        ))
        .table(breakdown(
            "by_locality",
            "By locality",
            &[
                ("people_trained", "People trained"),
                (
                    "children_with_llc",
                    "Children with a life-limiting condition (estimate)",
                ),
                ("per_child", "People trained per child"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}
