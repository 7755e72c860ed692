//! The rules relating this crate's entities, reported as findings.

use std::collections::HashMap;

use mcn_core::{Finding, JsonPointer, NaiveDate, id::PersonId, index::IdIndex};

use crate::{
    AccessBarrier, AppliesTo, Course, Delivery, EducationLevel, Event, EventStatus, Registration,
    RegistrationStatus, TrainingRequirement, codes,
    collections::{COURSES, EVENTS, REGISTRATIONS, TRAINING_REQUIREMENTS},
    framework::OutcomeSet,
};

/// This crate's collections of a document, as slices (index `i` in a slice is
/// index `i` in the document array).
#[derive(Debug, Clone, Copy, Default)]
pub struct TrainingData<'a> {
    /// `/courses`.
    pub courses: &'a [Course],
    /// `/events`.
    pub events: &'a [Event],
    /// `/registrations`.
    pub registrations: &'a [Registration],
    /// `/training_requirements`.
    pub training_requirements: &'a [TrainingRequirement],
}

/// Every finding about the training collections as of `as_of`: events, then
/// registrations, then training requirements, each in document order; for
/// each entity, findings in the order of [`codes::ALL`].
///
/// Runs in time linear in the number of entities (hash lookups by id; for a
/// duplicated event or course id the first occurrence is the one referred to).
///
/// References are not checked for dangling ids here: `mcn-network` checks every
/// reference of the document (`network.reference.dangling`). A rule that
/// follows a reference (an event's course, a registration's event) skips one
/// that does not resolve; the rules on a registration alone still run.
///
/// Rules: see [`codes`]. Two need a word more:
/// - `training.registration.duplicate`: two registrations of one person for
///   one event, neither cancelled (cancelling and booking again is fine); the
///   later one is reported, the earlier one is related.
/// - `training.registration.attended_over_capacity`: attended registrations
///   are counted per event in document order; each one beyond the capacity is
///   reported.
/// - `training.requirement.duplicate`: same `applies_to`, `level` and set of
///   outcome areas (renewal and note aside); the later one is reported.
#[must_use]
pub fn validate(data: &TrainingData<'_>, as_of: NaiveDate) -> Vec<Finding> {
    let mut findings = Vec::new();
    check_events(data, as_of, &mut findings);
    check_registrations(data, as_of, &mut findings);
    check_requirements(data.training_requirements, &mut findings);
    findings
}

fn event_name(event: &Event) -> String {
    format!("event \"{}\" ({})", event.title, event.id)
}

fn registration_name(reg: &Registration) -> String {
    format!("registration {} of person {}", reg.id, reg.person)
}

fn check_events(data: &TrainingData<'_>, as_of: NaiveDate, findings: &mut Vec<Finding>) {
    let courses = IdIndex::new(data.courses.iter().map(|course| course.id));
    for (i, event) in data.events.iter().enumerate() {
        let here = || JsonPointer::entry(EVENTS, i);
        let course = event.course.and_then(|id| courses.get(id, data.courses));
        if event.delivery == Delivery::ELearning
            && let Some(venue) = &event.venue
        {
            findings.push(codes::EVENT_ELEARNING_WITH_VENUE.at(
                here().key("venue"),
                format!(
                    "{} is e-learning but names venue \"{venue}\"",
                    event_name(event)
                ),
            ));
        }
        if event.delivery.has_place() && event.locality.is_none() {
            findings.push(codes::EVENT_LOCALITY_MISSING.at(
                here(),
                format!(
                    "{} is delivered {} but has no locality",
                    event_name(event),
                    event.delivery.as_str().replace('_', " ")
                ),
            ));
        }
        if let (Some(level), Some((course_index, course))) = (event.level, course)
            && level != course.level
        {
            findings.push(
                codes::EVENT_LEVEL_DIFFERS_FROM_COURSE
                    .at(
                        here().key("level"),
                        format!(
                            "{} is at {level} level but its course \"{}\" ({}) is at {} level",
                            event_name(event),
                            course.title,
                            course.id,
                            course.level
                        ),
                    )
                    .with_related(JsonPointer::entry(COURSES, course_index).key("level")),
            );
        }
        if event.status == EventStatus::Held && event.date > as_of {
            findings.push(codes::EVENT_HELD_IN_FUTURE.at(
                here().key("status"),
                format!(
                    "{} is marked held but is dated {}, after {as_of}",
                    event_name(event),
                    event.date
                ),
            ));
        }
        if event.status == EventStatus::Planned && event.date < as_of {
            findings.push(codes::EVENT_PAST_STILL_PLANNED.at(
                here().key("status"),
                format!(
                    "{} dated {} is still marked planned on {as_of}",
                    event_name(event),
                    event.date
                ),
            ));
        }
    }
}

/// A registration, its event and their places in the document. Names and
/// paths are built only when a finding is reported (most registrations have none).
struct About<'a> {
    index: usize,
    reg: &'a Registration,
    event_index: usize,
    event: &'a Event,
}

impl About<'_> {
    fn here(&self) -> JsonPointer {
        JsonPointer::entry(REGISTRATIONS, self.index)
    }

    fn event_here(&self) -> JsonPointer {
        JsonPointer::entry(EVENTS, self.event_index)
    }
}

/// For each registration that duplicates an earlier live (not cancelled)
/// registration of the same person for the same event, the index of the
/// earliest one. Sorting keeps this O(n log n) with no large hash map.
fn duplicates(
    registrations: &[Registration],
    event_of: &[Option<usize>],
    events: usize,
) -> HashMap<usize, usize> {
    // Bucket live registrations by event (a counting sort: linear), then sort
    // each event's few registrations by person; equal neighbours are repeats,
    // the first in document order being the original.
    let live = |(i, (reg, event)): (usize, (&Registration, &Option<usize>))| {
        (reg.status != RegistrationStatus::Cancelled).then_some(((*event)?, reg.person, i))
    };
    let mut starts = vec![0_usize; events + 1];
    for (event, _, _) in registrations
        .iter()
        .zip(event_of)
        .enumerate()
        .filter_map(live)
    {
        if let Some(count) = starts.get_mut(event + 1) {
            *count += 1;
        }
    }
    for e in 1..starts.len() {
        let before = starts.get(e - 1).copied().unwrap_or(0);
        if let Some(start) = starts.get_mut(e) {
            *start += before;
        }
    }
    let mut next = starts.clone();
    let mut bucketed: Vec<(PersonId, usize)> =
        vec![(PersonId::from_u128(0), 0); starts.last().copied().unwrap_or(0)];
    for (event, person, i) in registrations
        .iter()
        .zip(event_of)
        .enumerate()
        .filter_map(live)
    {
        if let Some(slot) = next.get_mut(event)
            && let Some(entry) = bucketed.get_mut(*slot)
        {
            *entry = (person, i);
            *slot += 1;
        }
    }
    let mut found = HashMap::new();
    for window in starts.windows(2) {
        let [start, end] = window else { continue };
        let Some(group) = bucketed.get_mut(*start..*end) else {
            continue;
        };
        group.sort_by_key(|&(person, _)| person);
        let mut run: Option<(PersonId, usize)> = None;
        for &(person, index) in group.iter() {
            match run {
                Some((first_person, first)) if first_person == person => {
                    found.insert(index, first);
                }
                _ => run = Some((person, index)),
            }
        }
    }
    found
}

fn check_registrations(data: &TrainingData<'_>, as_of: NaiveDate, findings: &mut Vec<Finding>) {
    let events = IdIndex::new(data.events.iter().map(|event| event.id));
    let event_of: Vec<Option<usize>> = data
        .registrations
        .iter()
        .map(|reg| events.position(reg.event))
        .collect();
    let duplicate_of = duplicates(data.registrations, &event_of, data.events.len());
    let mut attended: Vec<u64> = vec![0; data.events.len()];

    for ((i, reg), event_index) in data.registrations.iter().enumerate().zip(event_of) {
        let Some((event_index, event)) =
            event_index.and_then(|e| data.events.get(e).map(|event| (e, event)))
        else {
            check_registration_alone(i, reg, findings);
            continue;
        };
        let about = About {
            index: i,
            reg,
            event_index,
            event,
        };
        if let Some(&first) = duplicate_of.get(&i) {
            findings.push(
                codes::REGISTRATION_DUPLICATE
                    .at(
                        about.here(),
                        format!(
                            "person {} is registered for {} again \
                             (registration {} is {}; see /{REGISTRATIONS}/{first})",
                            reg.person,
                            event_name(event),
                            reg.id,
                            reg.status,
                        ),
                    )
                    .with_related(JsonPointer::entry(REGISTRATIONS, first)),
            );
        }
        if reg.attended()
            && let Some(count) = attended.get_mut(event_index)
        {
            *count += 1;
            check_attendance(&about, *count, as_of, findings);
        }
        check_registration_alone(i, reg, findings);
        if reg.status == RegistrationStatus::Booked && !event.is_cancelled() && event.date < as_of {
            findings.push(
                codes::REGISTRATION_UNRESOLVED_AFTER_EVENT
                    .at(
                        about.here().key("status"),
                        format!(
                            "{} is still booked for {}, dated {}: \
                             record attended or did not attend",
                            registration_name(reg),
                            event_name(event),
                            event.date
                        ),
                    )
                    .with_related(about.event_here().key("date")),
            );
        }
    }
}

/// The rules on an attended registration; `count` is its attendance number at the event.
fn check_attendance(about: &About<'_>, count: u64, as_of: NaiveDate, findings: &mut Vec<Finding>) {
    let About { reg, event, .. } = *about;
    if let Some(capacity) = event.capacity
        && count > u64::from(capacity.get())
    {
        findings.push(
            codes::REGISTRATION_ATTENDED_OVER_CAPACITY
                .at(
                    about.here().key("status"),
                    format!(
                        "{} is attendance number {count} at {}, which has {capacity} places",
                        registration_name(reg),
                        event_name(event)
                    ),
                )
                .with_related(about.event_here().key("capacity")),
        );
    }
    if event.is_cancelled() {
        findings.push(
            codes::REGISTRATION_ATTENDANCE_FOR_CANCELLED_EVENT
                .at(
                    about.here().key("status"),
                    format!(
                        "{} is marked attended but {} was cancelled",
                        registration_name(reg),
                        event_name(event)
                    ),
                )
                .with_related(about.event_here().key("status")),
        );
    }
    if event.date > as_of {
        findings.push(
            codes::REGISTRATION_ATTENDANCE_FOR_FUTURE_EVENT
                .at(
                    about.here().key("status"),
                    format!(
                        "{} is marked attended but {} is dated {}, after {as_of}",
                        registration_name(reg),
                        event_name(event),
                        event.date
                    ),
                )
                .with_related(about.event_here().key("date")),
        );
    }
}

/// The rules that need only the registration itself.
fn check_registration_alone(index: usize, reg: &Registration, findings: &mut Vec<Finding>) {
    if reg.attended()
        && let Some(barrier) = reg.barrier
    {
        findings.push(codes::REGISTRATION_BARRIER_ON_ATTENDED.at(
            JsonPointer::entry(REGISTRATIONS, index).key("barrier"),
            format!(
                "{} is marked attended but records barrier {barrier}",
                registration_name(reg)
            ),
        ));
    }
    if reg.barrier == Some(AccessBarrier::Other) && reg.barrier_detail.is_none() {
        findings.push(codes::REGISTRATION_BARRIER_DETAIL_MISSING.at(
            JsonPointer::entry(REGISTRATIONS, index),
            format!(
                "{} records barrier other without a barrier_detail saying what it was",
                registration_name(reg)
            ),
        ));
    }
    if !reg.attended() && reg.feedback.is_some() {
        findings.push(codes::REGISTRATION_FEEDBACK_WITHOUT_ATTENDANCE.at(
            JsonPointer::entry(REGISTRATIONS, index).key("feedback"),
            format!(
                "{} is {} but carries feedback",
                registration_name(reg),
                reg.status
            ),
        ));
    }
}

fn check_requirements(requirements: &[TrainingRequirement], findings: &mut Vec<Finding>) {
    let mut seen: HashMap<(AppliesTo, EducationLevel, OutcomeSet), usize> =
        HashMap::with_capacity(requirements.len());
    for (i, requirement) in requirements.iter().enumerate() {
        let key = (
            requirement.applies_to,
            requirement.level,
            OutcomeSet::of(&requirement.outcomes),
        );
        match seen.get(&key) {
            Some(&first) => findings.push(
                codes::REQUIREMENT_DUPLICATE
                    .at(
                        JsonPointer::entry(TRAINING_REQUIREMENTS, i),
                        format!(
                            "training requirement {} repeats requirement {} \
                             (same people, {} level, same outcome areas)",
                            requirement.id,
                            requirements
                                .get(first)
                                .map_or_else(String::new, |r| r.id.to_string()),
                            requirement.level
                        ),
                    )
                    .with_related(JsonPointer::entry(TRAINING_REQUIREMENTS, first)),
            ),
            None => {
                seen.insert(key, i);
            }
        }
    }
}
