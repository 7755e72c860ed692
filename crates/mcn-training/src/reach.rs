//! How far training reaches: distinct people and organisations trained over a
//! window, in total, by education level and learning outcome, and grouped in
//! the same pass by organisation, by the event's locality and by a key of the
//! organisation the caller supplies (its sector lives in another crate); with
//! the organisations attending each event beyond its host and who was trained
//! in which locality.
//!
//! One pass over the registrations, on dense `u32` indices: people and
//! organisations get a bit mask of the small groups they reached (all, each
//! level, each outcome area, the first caller groups), larger groupings a set
//! of packed `u64` pairs. Ids (chosen by whoever wrote the document) are
//! mapped to dense indices through std's keyed hasher, so crafted ids cannot
//! collide into one bucket; the pair sets, keyed by indices this pass hands
//! out in order, use the fast unkeyed `FxHash`.

use std::collections::{BTreeMap, HashMap};

use mcn_core::{
    Period,
    id::{CourseId, EventId, LocalityId, OrganisationId, PersonId},
    index::IdIndex,
};
use rustc_hash::FxHashSet;
use schemars::JsonSchema;
use serde::Serialize;

use crate::{EducationLevel, LearningOutcome, TrainingData, framework::OutcomeSet};

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

/// Reach for one value of a grouping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ReachGroup<K> {
    /// The key value.
    pub key: K,
    /// Reach within the group.
    pub reach: ReachFigures,
}

/// Reach over a window: in total (by level and outcome area) and grouped
/// several ways at once. Every grouping lists only keys with at least one
/// counted attendance, sorted by key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Reach<G> {
    /// Across everything (a person in two groups counts once here).
    pub total: ReachBreakdown,
    /// By the caller's key of the registration's organisation.
    pub by_group: Vec<ReachGroup<G>>,
    /// By the event's locality (`None`: events with no locality, first).
    pub by_locality: Vec<ReachGroup<Option<LocalityId>>>,
    /// By the registration's organisation (each counts one organisation).
    pub by_organisation: Vec<ReachGroup<OrganisationId>>,
    /// Per event, by position in `events`: `None` when none of its
    /// registrations counted; else the organisations other than its host
    /// that attended it, each once, in order of their first registration.
    pub beyond_host: Vec<Option<Vec<OrganisationId>>>,
    /// The distinct `(event locality, person)` pairs: who was trained at an
    /// event held in which locality (events with no locality left out), sorted.
    pub located: Vec<(LocalityId, PersonId)>,
}

/// Dimensions of the total: all, four levels, four outcome areas; one bit each.
const DIMENSIONS: usize = 1 + 4 + 4;
const LEVEL_BASE: usize = 1;
const OUTCOME_BASE: usize = 5;
/// Caller groups counted with mask bits (above the dimensions); groups past
/// these count distinct people through a pair set instead.
const MASK_GROUPS: usize = 32 - DIMENSIONS;

/// Dense indices for ids met in the pass: maps and packed pair keys are
/// cheaper on `u32`s than on 16-byte UUIDs.
struct Dense<K> {
    index: HashMap<K, u32>,
    keys: Vec<K>,
}

impl<K> Default for Dense<K> {
    fn default() -> Self {
        Self {
            index: HashMap::new(),
            keys: Vec::new(),
        }
    }
}

impl<K: Copy + Eq + std::hash::Hash> Dense<K> {
    /// The index of `key`, and whether it is new.
    fn of(&mut self, key: K) -> (u32, bool) {
        let next = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        let index = *self.index.entry(key).or_insert(next);
        let new = index == next && self.keys.len() < u32::MAX as usize;
        if new {
            self.keys.push(key);
        }
        (index, new)
    }

    fn key(&self, index: u64) -> Option<K> {
        self.keys.get(usize::try_from(index).ok()?).copied()
    }
}

/// `(a, b)` as one `u64` key.
const fn pair(a: u32, b: u32) -> u64 {
    ((a as u64) << 32) | b as u64
}

/// `(a, b)` back from [`pair`].
const fn unpair(key: u64) -> (u64, u64) {
    (key >> 32, key & 0xffff_ffff)
}

/// Attendances and distinct people and organisations per group index.
#[derive(Default)]
struct Counts {
    attendances: Vec<u64>,
    people: Vec<u64>,
    organisations: Vec<u64>,
}

impl Counts {
    fn sized(n: usize) -> Self {
        Self {
            attendances: vec![0; n],
            people: vec![0; n],
            organisations: vec![0; n],
        }
    }

    fn grow(&mut self, n: usize) {
        if self.attendances.len() < n {
            self.attendances.resize(n, 0);
            self.people.resize(n, 0);
            self.organisations.resize(n, 0);
        }
    }

    fn figures(&self, i: usize) -> ReachFigures {
        let at = |v: &Vec<u64>| v.get(i).copied().unwrap_or(0);
        ReachFigures {
            people: at(&self.people),
            organisations: at(&self.organisations),
            attendances: at(&self.attendances),
        }
    }
}

fn bump(counts: &mut [u64], i: usize) {
    if let Some(n) = counts.get_mut(i) {
        *n += 1;
    }
}

/// The bits of `mask` from 0 up.
fn bits(mut mask: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let bit = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            bit
        })
    })
}

/// Marks `new_bits` in `mask`, returning those not set before.
fn first_time(mask: Option<&mut u32>, new_bits: u32) -> u32 {
    let Some(mask) = mask else { return 0 };
    let new = new_bits & !*mask;
    *mask |= new_bits;
    new
}

/// What a counted event contributes, by position.
struct EventFacts {
    /// Dimension bits (all, its level, its outcome areas); 0 when it does not
    /// count (cancelled or outside the window).
    bits: u32,
    /// Dense index of its locality.
    locality: u32,
}

fn breakdown(dimensions: &Counts) -> ReachBreakdown {
    ReachBreakdown {
        all: dimensions.figures(0),
        by_level: EducationLevel::ALL
            .into_iter()
            .map(|level| LevelReach {
                level,
                reach: dimensions.figures(LEVEL_BASE + level.index()),
            })
            .collect(),
        by_outcome: LearningOutcome::ALL
            .into_iter()
            .map(|outcome| OutcomeReach {
                outcome,
                reach: dimensions.figures(OUTCOME_BASE + outcome.index()),
            })
            .collect(),
    }
}

/// Reach of training over `window`, in one pass over `data.registrations`,
/// with the caller's groups given by `group(organisation)` (called once per
/// organisation met, e.g. for its sector).
///
/// Counts every registration marked attended whose event is known (the first
/// with its id), not cancelled and dated within `window` (inclusive). An
/// event's level and outcome areas are its own if given, else its course's
/// ([`crate::Event::effective_level`], [`crate::Event::effective_outcomes`]);
/// an event with no level counts in the total only. People are distinct by
/// [`PersonId`], organisations by the registration's `organisation` (where the
/// person came from at the time).
///
/// Time O(n) in the registrations, plus sorting the keys of each grouping.
///
/// ```
/// use mcn_core::{NaiveDate, Period};
/// use mcn_training::{TrainingData, reach};
/// let window = Period::starting(NaiveDate::from_ymd_opt(2025, 4, 1).unwrap());
/// let r = reach(&TrainingData::default(), window, |organisation| organisation);
/// assert_eq!(r.total.all.people, 0);
/// assert!(r.by_group.is_empty() && r.by_organisation.is_empty());
/// ```
#[allow(clippy::too_many_lines)] // one pass, kept in one place
pub fn reach<G: Clone + Ord>(
    data: &TrainingData<'_>,
    window: Period,
    mut group: impl FnMut(OrganisationId) -> G,
) -> Reach<G> {
    let courses: IdIndex<CourseId> = IdIndex::new(data.courses.iter().map(|c| c.id));
    let mut localities: Dense<Option<LocalityId>> = Dense::default();
    let mut event_position: HashMap<EventId, u32> = HashMap::new();
    event_position.reserve(data.events.len());
    let events: Vec<EventFacts> = data
        .events
        .iter()
        .enumerate()
        .map(|(i, event)| {
            event_position
                .entry(event.id)
                .or_insert_with(|| u32::try_from(i).unwrap_or(u32::MAX));
            let course = event
                .course
                .and_then(|id| courses.get(id, data.courses))
                .map(|(_, course)| course);
            let counted = !event.is_cancelled() && window.contains(event.date);
            let mut bits = 0;
            if counted {
                bits = 1;
                if let Some(level) = event.effective_level(course) {
                    bits |= 1 << (LEVEL_BASE + level.index());
                }
                for outcome in OutcomeSet::of(event.effective_outcomes(course)).iter() {
                    bits |= 1 << (OUTCOME_BASE + outcome.index());
                }
            }
            EventFacts {
                bits,
                locality: localities.of(event.locality).0,
            }
        })
        .collect();

    let mut people: Dense<PersonId> = Dense::default();
    let mut organisations: Dense<OrganisationId> = Dense::default();
    let mut groups: BTreeMap<G, u32> = BTreeMap::new();
    // Per organisation (dense): its group's index.
    let mut group_of: Vec<u32> = Vec::new();
    let mut person_mask: Vec<u32> = Vec::new();
    let mut organisation_mask: Vec<u32> = Vec::new();
    let mut dimensions = Counts::sized(DIMENSIONS);
    let mut by_group = Counts::default();
    let mut by_locality = Counts::sized(localities.keys.len());
    let mut by_organisation = Counts::default();
    let mut group_people: FxHashSet<u64> = FxHashSet::default();
    let mut locality_people: FxHashSet<u64> = FxHashSet::default();
    let mut locality_organisations: FxHashSet<u64> = FxHashSet::default();
    let mut organisation_people: FxHashSet<u64> = FxHashSet::default();
    let mut beyond: FxHashSet<u64> = FxHashSet::default();
    let mut beyond_host: Vec<Option<Vec<OrganisationId>>> = vec![None; data.events.len()];
    for registration in data.registrations.iter().filter(|r| r.attended()) {
        let Some(&at) = event_position.get(&registration.event) else {
            continue;
        };
        let position = at as usize;
        let (Some(event), Some(facts)) = (data.events.get(position), events.get(position)) else {
            continue;
        };
        if facts.bits == 0 {
            continue;
        }
        let (person, _) = people.of(registration.person);
        let (organisation, new_organisation) = organisations.of(registration.organisation);
        let (p, o) = (person as usize, organisation as usize);
        if person_mask.len() <= p {
            person_mask.resize(p + 1, 0);
        }
        if new_organisation {
            let next = u32::try_from(groups.len()).unwrap_or(u32::MAX);
            let g = *groups
                .entry(group(registration.organisation))
                .or_insert(next);
            group_of.push(g);
            organisation_mask.push(0);
            by_group.grow(g as usize + 1);
            bump(&mut by_group.organisations, g as usize);
            by_organisation.grow(o + 1);
            bump(&mut by_organisation.organisations, o);
        }
        let key = group_of.get(o).copied().unwrap_or(0);
        let g = key as usize;
        bump(&mut by_group.attendances, g);
        let group_bit = if g < MASK_GROUPS {
            1 << (DIMENSIONS + g)
        } else {
            if group_people.insert(pair(key, person)) {
                bump(&mut by_group.people, g);
            }
            0
        };
        for bit in bits(facts.bits) {
            bump(&mut dimensions.attendances, bit);
        }
        for bit in bits(first_time(person_mask.get_mut(p), facts.bits | group_bit)) {
            match bit.checked_sub(DIMENSIONS) {
                None => bump(&mut dimensions.people, bit),
                Some(index) => bump(&mut by_group.people, index),
            }
        }
        for bit in bits(first_time(organisation_mask.get_mut(o), facts.bits)) {
            bump(&mut dimensions.organisations, bit);
        }
        let locality = facts.locality;
        let l = locality as usize;
        bump(&mut by_locality.attendances, l);
        if locality_people.insert(pair(locality, person)) {
            bump(&mut by_locality.people, l);
        }
        if locality_organisations.insert(pair(locality, organisation)) {
            bump(&mut by_locality.organisations, l);
        }
        bump(&mut by_organisation.attendances, o);
        if organisation_people.insert(pair(organisation, person)) {
            bump(&mut by_organisation.people, o);
        }
        if let Some(slot) = beyond_host.get_mut(position) {
            let others = slot.get_or_insert_with(Vec::new);
            if registration.organisation != event.host && beyond.insert(pair(at, organisation)) {
                others.push(registration.organisation);
            }
        }
    }

    let mut by_locality_rows: Vec<ReachGroup<Option<LocalityId>>> = localities
        .keys
        .iter()
        .enumerate()
        .map(|(l, key)| ReachGroup {
            key: *key,
            reach: by_locality.figures(l),
        })
        .filter(|row| row.reach.attendances > 0)
        .collect();
    by_locality_rows.sort_by_key(|row| row.key);
    let mut by_organisation_rows: Vec<ReachGroup<OrganisationId>> = organisations
        .keys
        .iter()
        .enumerate()
        .map(|(o, key)| ReachGroup {
            key: *key,
            reach: by_organisation.figures(o),
        })
        .collect();
    by_organisation_rows.sort_by_key(|row| row.key);
    let mut located: Vec<(LocalityId, PersonId)> = locality_people
        .into_iter()
        .filter_map(|key| {
            let (l, p) = unpair(key);
            Some((localities.key(l).flatten()?, people.key(p)?))
        })
        .collect();
    located.sort_unstable();
    Reach {
        total: breakdown(&dimensions),
        by_group: groups
            .into_iter()
            .map(|(key, g)| ReachGroup {
                key,
                reach: by_group.figures(g as usize),
            })
            .collect(),
        by_locality: by_locality_rows,
        by_organisation: by_organisation_rows,
        beyond_host,
        located,
    }
}
