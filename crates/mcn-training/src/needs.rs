//! Training needs: which requirements each person meets, as of a date.

use std::collections::HashMap;

use mcn_core::{
    NaiveDate, PostRole, Profession,
    id::{PersonId, TrainingRequirementId},
    period::add_months_saturating,
    vocabulary,
};
use schemars::JsonSchema;
use serde::Serialize;

use crate::{
    AppliesTo, Course, EducationLevel, Event, LearningOutcome, Registration, TrainingRequirement,
    index::EventIndex,
};

/// A person whose training needs are wanted, with what they are (people,
/// posts and professions live in other crates, so the caller passes them in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trainee<'a> {
    /// The person.
    pub person: PersonId,
    /// The roles of the posts they hold as of the date asked about.
    pub roles: &'a [PostRole],
    /// Their profession, if known.
    pub profession: Option<Profession>,
}

vocabulary! {
    /// Whether a person meets a requirement.
    NeedStatus {
        /// Trained at the level (and in the outcome areas) required, recently enough.
        Met => "met",
        /// Was trained as required, but longer ago than the renewal period allows.
        Expired => "expired",
        /// Never trained as required (at all, or in some required outcome area).
        Missing => "missing",
    }
}

/// One requirement that applies to a person, and where they stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Need {
    /// The requirement.
    pub requirement: TrainingRequirementId,
    /// Its index in the training requirements collection.
    pub index: usize,
    /// Met, expired or missing.
    pub status: NeedStatus,
    /// The date of the attendance the status rests on (for met and expired):
    /// the latest qualifying one, or with required outcome areas the oldest of
    /// the latest qualifying ones per area.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_trained: Option<NaiveDate>,
    /// The last day the training counts: `last_trained` plus the renewal
    /// months (for met and expired requirements that must be renewed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
    /// Required outcome areas never covered at the level (for missing).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outcomes_missing: Vec<LearningOutcome>,
}

/// The requirements that apply to one person, in requirement order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PersonNeeds {
    /// The person.
    pub person: PersonId,
    /// One entry per applicable requirement (none when nothing applies).
    pub needs: Vec<Need>,
}

/// Latest qualifying attendance date per level, for any event (slot 0) and per
/// outcome area (slots 1 to 4).
type Latest = [[Option<NaiveDate>; 5]; 4];

fn latest_from(latest: &Latest, level: EducationLevel, slot: usize) -> Option<NaiveDate> {
    latest
        .iter()
        .skip(level.index())
        .filter_map(|row| row.get(slot).copied().flatten())
        .max()
}

fn keep_latest(slot: Option<&mut Option<NaiveDate>>, date: NaiveDate) {
    if let Some(slot) = slot {
        *slot = Some(slot.map_or(date, |d| d.max(date)));
    }
}

/// Where each person stands against the requirements that apply to them, as of
/// `as_of`, in the order of `people`.
///
/// A requirement applies to a person when its role is one of their `roles` or
/// its profession is their `profession`. It is **met** by registrations marked
/// attended at events that are known, not cancelled, dated on or before
/// `as_of` and at or above the required level (an event's level is its own,
/// else its course's; an event with neither counts for nothing):
/// - with no outcome areas required, the latest such attendance counts;
/// - with outcome areas required, each area must be covered by some such
///   event (areas may be covered at different events), and the *oldest* of
///   the per-area latest attendances counts.
///
/// With `renewal_months`, the training counts up to and including
/// `last_trained + renewal_months` (`valid_until`; a month added to the 31st
/// lands on the month's last day); after that the requirement is **expired**.
/// Without it, training never expires. A requirement with no qualifying
/// training (or an outcome area never covered) is **missing**.
///
/// Time O(registrations + events + requirements + output).
#[must_use]
pub fn training_needs(
    requirements: &[TrainingRequirement],
    courses: &[Course],
    events: &[Event],
    registrations: &[Registration],
    people: &[Trainee<'_>],
    as_of: NaiveDate,
) -> Vec<PersonNeeds> {
    let events = EventIndex::new(events, courses);
    let mut latest: HashMap<PersonId, Latest> = people
        .iter()
        .map(|p| (p.person, Latest::default()))
        .collect();
    for reg in registrations.iter().filter(|r| r.attended()) {
        let Some(table) = latest.get_mut(&reg.person) else {
            continue;
        };
        let Some(info) = events.get(reg.event) else {
            continue;
        };
        let Some(level) = info.level else { continue };
        if info.event.is_cancelled() || info.event.date > as_of {
            continue;
        }
        let date = info.event.date;
        let Some(row) = table.get_mut(level.index()) else {
            continue;
        };
        keep_latest(row.get_mut(0), date);
        for outcome in info.outcomes.iter() {
            keep_latest(row.get_mut(1 + outcome.index()), date);
        }
    }

    let mut by_role: HashMap<PostRole, Vec<usize>> = HashMap::new();
    let mut by_profession: HashMap<Profession, Vec<usize>> = HashMap::new();
    for (index, requirement) in requirements.iter().enumerate() {
        match requirement.applies_to {
            AppliesTo::Role(role) => by_role.entry(role).or_default().push(index),
            AppliesTo::Profession(p) => by_profession.entry(p).or_default().push(index),
        }
    }

    people
        .iter()
        .map(|trainee| {
            let mut applicable: Vec<usize> = trainee
                .roles
                .iter()
                .filter_map(|role| by_role.get(role))
                .chain(trainee.profession.and_then(|p| by_profession.get(&p)))
                .flatten()
                .copied()
                .collect();
            applicable.sort_unstable();
            applicable.dedup();
            let table = latest.get(&trainee.person).copied().unwrap_or_default();
            PersonNeeds {
                person: trainee.person,
                needs: applicable
                    .into_iter()
                    .filter_map(|index| {
                        requirements
                            .get(index)
                            .map(|requirement| assess(requirement, index, &table, as_of))
                    })
                    .collect(),
            }
        })
        .collect()
}

fn assess(
    requirement: &TrainingRequirement,
    index: usize,
    table: &Latest,
    as_of: NaiveDate,
) -> Need {
    let mut need = Need {
        requirement: requirement.id,
        index,
        status: NeedStatus::Missing,
        last_trained: None,
        valid_until: None,
        outcomes_missing: Vec::new(),
    };
    let required = crate::framework::OutcomeSet::of(&requirement.outcomes);
    let last_trained = if requirement.outcomes.is_empty() {
        latest_from(table, requirement.level, 0)
    } else {
        let mut oldest: Option<NaiveDate> = None;
        for outcome in required.iter() {
            match latest_from(table, requirement.level, 1 + outcome.index()) {
                Some(date) => oldest = Some(oldest.map_or(date, |d| d.min(date))),
                None => need.outcomes_missing.push(outcome),
            }
        }
        if need.outcomes_missing.is_empty() {
            oldest
        } else {
            None
        }
    };
    let Some(last_trained) = last_trained else {
        return need;
    };
    need.last_trained = Some(last_trained);
    need.valid_until = requirement
        .renewal_months
        .map(|months| add_months_saturating(last_trained, u32::from(months.get())));
    need.status = match need.valid_until {
        Some(until) if as_of > until => NeedStatus::Expired,
        _ => NeedStatus::Met,
    };
    need
}
