//! How far training reaches: distinct people and organisations trained over a
//! window, by education level and learning outcome, grouped by any key the
//! caller supplies (sector, locality, profession live in other crates).

use std::collections::{BTreeMap, HashMap};

use mcn_core::{
    Period,
    id::{OrganisationId, PersonId},
};
use schemars::JsonSchema;
use serde::Serialize;

use crate::{Course, EducationLevel, Event, LearningOutcome, Registration, index::EventIndex};

/// Distinct people and organisations, and attendances.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ReachFigures {
    /// Distinct people who attended.
    pub people: u64,
    /// Distinct organisations they came from (as recorded on the registration).
    pub organisations: u64,
    /// Attended registrations (a person attending three events counts three times).
    pub attendances: u64,
}

/// Reach at one education level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LevelReach {
    /// The level.
    pub level: EducationLevel,
    /// Reach through events at exactly that level.
    pub reach: ReachFigures,
}

/// Reach in one learning-outcome area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct OutcomeReach {
    /// The outcome area.
    pub outcome: LearningOutcome,
    /// Reach through events covering it.
    pub reach: ReachFigures,
}

/// Reach overall and broken down by level and by outcome area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ReachBreakdown {
    /// Every counted attendance.
    pub all: ReachFigures,
    /// One row per level, lowest first (zeros included). Events with no level
    /// (no own level and no course) count in `all` only.
    pub by_level: Vec<LevelReach>,
    /// One row per outcome area, in framework order (zeros included). An event
    /// covering several areas counts in each.
    pub by_outcome: Vec<OutcomeReach>,
}

/// Reach for one value of the caller's grouping key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ReachGroup<K> {
    /// The key value.
    pub key: K,
    /// Reach within the group.
    pub reach: ReachBreakdown,
}

/// Reach over a window: in total, and per group (sorted by key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Reach<K> {
    /// Across all groups (a person in two groups counts once here).
    pub total: ReachBreakdown,
    /// Per key value, sorted by key; only keys with at least one attendance.
    pub groups: Vec<ReachGroup<K>>,
}

/// Dimensions tallied per group: all, four levels, four outcomes, as bits of a mask.
const DIMENSIONS: usize = 1 + 4 + 4;
const LEVEL_BASE: usize = 1;
const OUTCOME_BASE: usize = 5;

/// Per (group, person) and (group, organisation), the dimensions they reached,
/// OR-ed together: one map entry per pair, however many attendances.
#[derive(Default)]
struct Tally {
    people: HashMap<(usize, PersonId), u16>,
    organisations: HashMap<(usize, OrganisationId), u16>,
    attendances: Vec<[u64; DIMENSIONS]>,
}

fn dimensions(mask: u16) -> impl Iterator<Item = usize> {
    (0..DIMENSIONS).filter(move |d| mask & (1 << d) != 0)
}

impl Tally {
    fn add(&mut self, group: usize, mask: u16, reg: &Registration) {
        if self.attendances.len() <= group {
            self.attendances.resize(group + 1, [0; DIMENSIONS]);
        }
        if let Some(row) = self.attendances.get_mut(group) {
            for d in dimensions(mask) {
                if let Some(count) = row.get_mut(d) {
                    *count += 1;
                }
            }
        }
        *self.people.entry((group, reg.person)).or_default() |= mask;
        *self
            .organisations
            .entry((group, reg.organisation))
            .or_default() |= mask;
    }

    /// Figures per group and dimension.
    fn figures(self) -> Vec<[ReachFigures; DIMENSIONS]> {
        let mut figures: Vec<[ReachFigures; DIMENSIONS]> = self
            .attendances
            .iter()
            .map(|row| {
                let mut out = [ReachFigures::default(); DIMENSIONS];
                for (figure, count) in out.iter_mut().zip(row) {
                    figure.attendances = *count;
                }
                out
            })
            .collect();
        for ((group, _), mask) in self.people {
            if let Some(row) = figures.get_mut(group) {
                for d in dimensions(mask) {
                    if let Some(f) = row.get_mut(d) {
                        f.people += 1;
                    }
                }
            }
        }
        for ((group, _), mask) in self.organisations {
            if let Some(row) = figures.get_mut(group) {
                for d in dimensions(mask) {
                    if let Some(f) = row.get_mut(d) {
                        f.organisations += 1;
                    }
                }
            }
        }
        figures
    }
}

fn breakdown(row: &[ReachFigures; DIMENSIONS]) -> ReachBreakdown {
    let at = |d: usize| row.get(d).copied().unwrap_or_default();
    ReachBreakdown {
        all: at(0),
        by_level: EducationLevel::ALL
            .into_iter()
            .map(|level| LevelReach {
                level,
                reach: at(LEVEL_BASE + level.index()),
            })
            .collect(),
        by_outcome: LearningOutcome::ALL
            .into_iter()
            .map(|outcome| OutcomeReach {
                outcome,
                reach: at(OUTCOME_BASE + outcome.index()),
            })
            .collect(),
    }
}

/// Reach of training over `window`, grouped by `key(registration, event)`.
///
/// Counts every registration marked attended whose event is known, not
/// cancelled and dated within `window` (inclusive). An event's level and
/// outcome areas are its own if given, else its course's
/// ([`Event::effective_level`], [`Event::effective_outcomes`]). People are
/// distinct by [`PersonId`], organisations by the registration's
/// `organisation` (where the person came from at the time).
///
/// Time O(n) in the registrations (one hash entry per group and person or
/// organisation; keys sorted in a `BTreeMap`, O(n log k) for k keys).
///
/// ```
/// use mcn_core::{NaiveDate, Period};
/// use mcn_training::{reach, Course, Event, Registration};
/// let window = Period::starting(NaiveDate::from_ymd_opt(2025, 4, 1).unwrap());
/// let by_org = reach(&[] as &[Course], &[] as &[Event], &[] as &[Registration], window, |r, _| r.organisation);
/// assert_eq!(by_org.total.all.people, 0);
/// assert!(by_org.groups.is_empty());
/// ```
pub fn reach<K: Ord>(
    courses: &[Course],
    events: &[Event],
    registrations: &[Registration],
    window: Period,
    mut key: impl FnMut(&Registration, &Event) -> K,
) -> Reach<K> {
    let events = EventIndex::new(events, courses);
    let mut keys: BTreeMap<K, usize> = BTreeMap::new();
    // Group 0 is the total; key groups start at 1.
    let mut tally = Tally::default();
    for reg in registrations.iter().filter(|r| r.attended()) {
        let Some(info) = events.get(reg.event) else {
            continue;
        };
        if info.event.is_cancelled() || !window.contains(info.event.date) {
            continue;
        }
        let next = keys.len() + 1;
        let group = *keys.entry(key(reg, info.event)).or_insert(next);
        let mut mask: u16 = 1;
        if let Some(level) = info.level {
            mask |= 1 << (LEVEL_BASE + level.index());
        }
        for outcome in info.outcomes.iter() {
            mask |= 1 << (OUTCOME_BASE + outcome.index());
        }
        tally.add(0, mask, reg);
        tally.add(group, mask, reg);
    }
    let figures = tally.figures();
    let empty = [ReachFigures::default(); DIMENSIONS];
    let row = |group: usize| figures.get(group).unwrap_or(&empty);
    Reach {
        total: breakdown(row(0)),
        groups: keys
            .into_iter()
            .map(|(key, group)| ReachGroup {
                key,
                reach: breakdown(row(group)),
            })
            .collect(),
    }
}
