//! Property tests: JSON round-trips; queries never panic and agree with naive
//! brute-force references.

use std::collections::{BTreeMap, BTreeSet};

use mcn_core::{
    NaiveDate, Period, PostRole, Profession,
    id::*,
    strategy::{self as core, round_trips},
};
use mcn_training::{strategy::*, *};
use proptest::prelude::*;

// ---- brute-force references (deliberately naive: linear searches, O(n^2)) ----

fn find_event(events: &[Event], id: EventId) -> Option<&Event> {
    events.iter().find(|e| e.id == id)
}

fn find_course(courses: &[Course], id: Option<CourseId>) -> Option<&Course> {
    id.and_then(|id| courses.iter().find(|c| c.id == id))
}

fn level_of(courses: &[Course], e: &Event) -> Option<EducationLevel> {
    e.level
        .or_else(|| find_course(courses, e.course).map(|c| c.level))
}

fn outcomes_of(courses: &[Course], e: &Event) -> BTreeSet<LearningOutcome> {
    if e.outcomes.is_empty() {
        find_course(courses, e.course)
            .map(|c| c.outcomes.iter().copied().collect())
            .unwrap_or_default()
    } else {
        e.outcomes.iter().copied().collect()
    }
}

fn figures(rows: &[(&Registration, &Event)]) -> ReachFigures {
    ReachFigures {
        people: rows
            .iter()
            .map(|(r, _)| r.person)
            .collect::<BTreeSet<_>>()
            .len() as u64,
        organisations: rows
            .iter()
            .map(|(r, _)| r.organisation)
            .collect::<BTreeSet<_>>()
            .len() as u64,
        attendances: rows.len() as u64,
    }
}

fn breakdown(courses: &[Course], rows: &[(&Registration, &Event)]) -> ReachBreakdown {
    ReachBreakdown {
        all: figures(rows),
        by_level: EducationLevel::ALL
            .iter()
            .map(|&level| LevelReach {
                level,
                reach: figures(
                    &rows
                        .iter()
                        .copied()
                        .filter(|(_, e)| level_of(courses, e) == Some(level))
                        .collect::<Vec<_>>(),
                ),
            })
            .collect(),
        by_outcome: LearningOutcome::ALL
            .iter()
            .map(|&outcome| OutcomeReach {
                outcome,
                reach: figures(
                    &rows
                        .iter()
                        .copied()
                        .filter(|(_, e)| outcomes_of(courses, e).contains(&outcome))
                        .collect::<Vec<_>>(),
                ),
            })
            .collect(),
    }
}

/// Reach figures per key of `rows`, naively.
fn naive_groups<K: Ord + Clone>(
    rows: &[(&Registration, &Event)],
    key: impl Fn(&Registration, &Event) -> K,
) -> Vec<ReachGroup<K>> {
    let keys: BTreeSet<K> = rows.iter().map(|(r, e)| key(r, e)).collect();
    keys.into_iter()
        .map(|k| ReachGroup {
            reach: figures(
                &rows
                    .iter()
                    .copied()
                    .filter(|(r, e)| key(r, e) == k)
                    .collect::<Vec<_>>(),
            ),
            key: k,
        })
        .collect()
}

/// Every figure of [`reach`], one key at a time, by brute force.
fn naive_reach<G: Ord + Clone>(
    c: &Collections,
    window: Period,
    group: impl Fn(OrganisationId) -> G,
) -> Reach<G> {
    let rows: Vec<(&Registration, &Event)> = c
        .registrations
        .iter()
        .filter(|r| r.status == RegistrationStatus::Attended)
        .filter_map(|r| find_event(&c.events, r.event).map(|e| (r, e)))
        .filter(|(_, e)| e.status != EventStatus::Cancelled && window.contains(e.date))
        .collect();
    let beyond_host = c
        .events
        .iter()
        .enumerate()
        .map(|(i, event)| {
            let first = c.events.iter().position(|e| e.id == event.id) == Some(i);
            let attended: Vec<_> = rows
                .iter()
                .filter(|(_, e)| first && e.id == event.id)
                .map(|(r, _)| r.organisation)
                .collect();
            (!attended.is_empty()).then(|| {
                let mut others = Vec::new();
                for o in attended {
                    if o != event.host && !others.contains(&o) {
                        others.push(o);
                    }
                }
                others
            })
        })
        .collect();
    let located: BTreeSet<(LocalityId, PersonId)> = rows
        .iter()
        .filter_map(|(r, e)| Some((e.locality?, r.person)))
        .collect();
    Reach {
        total: breakdown(&c.courses, &rows),
        by_group: naive_groups(&rows, |r, _| group(r.organisation)),
        by_locality: naive_groups(&rows, |_, e| e.locality),
        by_organisation: naive_groups(&rows, |r, _| r.organisation),
        beyond_host,
        located: located.into_iter().collect(),
    }
}

/// `(missed, recorded)` per delivery mode (`None`: overall).
type Totals = BTreeMap<Option<Delivery>, (u64, u64)>;
/// Count per delivery mode (`None`: overall) and barrier.
type Counts = BTreeMap<(Option<Delivery>, AccessBarrier), u64>;

fn naive_barriers(c: &Collections, window: Period) -> (Totals, Counts) {
    let mut totals = BTreeMap::new();
    let mut counts = BTreeMap::new();
    for r in &c.registrations {
        let missed = matches!(
            r.status,
            RegistrationStatus::DidNotAttend
                | RegistrationStatus::Cancelled
                | RegistrationStatus::WaitListed
        );
        let Some(e) = find_event(&c.events, r.event) else {
            continue;
        };
        if !missed || e.status == EventStatus::Cancelled || !window.contains(e.date) {
            continue;
        }
        for scope in [None, Some(e.delivery)] {
            let t: &mut (u64, u64) = totals.entry(scope).or_default();
            t.0 += 1;
            if let Some(b) = r.barrier {
                t.1 += 1;
                *counts.entry((scope, b)).or_default() += 1;
            }
        }
    }
    (totals, counts)
}

fn check_breakdown(
    got: &BarrierBreakdown,
    scope: Option<Delivery>,
    totals: &Totals,
    counts: &Counts,
) -> Result<(), TestCaseError> {
    let (missed, recorded) = totals.get(&scope).copied().unwrap_or_default();
    prop_assert_eq!((got.missed, got.recorded), (missed, recorded));
    prop_assert_eq!(got.barriers.len(), AccessBarrier::ALL.len());
    let mut share_sum = 0.0;
    for row in &got.barriers {
        let expected = counts.get(&(scope, row.barrier)).copied().unwrap_or(0);
        prop_assert_eq!(row.count, expected);
        if let Some(share) = row.share {
            prop_assert!(recorded > 0);
            prop_assert!((share.value() - expected as f64 / recorded as f64).abs() < 1e-12);
            share_sum += share.value();
        } else {
            prop_assert_eq!(recorded, 0);
        }
    }
    if recorded > 0 {
        prop_assert!((share_sum - 1.0).abs() < 1e-9);
    }
    Ok(())
}

fn window() -> impl Strategy<Value = Period> {
    core::period()
}

/// People drawn from the registrations' pool plus a stranger: most hold every
/// role and a profession some requirement names, so requirements apply often.
fn trainees(c: &Collections) -> Vec<(PersonId, Vec<PostRole>, Option<Profession>)> {
    let people: BTreeSet<PersonId> = c.registrations.iter().map(|r| r.person).collect();
    let mut professions: Vec<Profession> = c
        .training_requirements
        .iter()
        .filter_map(|r| match r.applies_to {
            AppliesTo::Profession(p) => Some(p),
            _ => None,
        })
        .collect();
    professions.push(Profession::Other);
    people
        .into_iter()
        .chain(std::iter::once(
            "00000000-0000-7000-8000-000000000001".parse().unwrap(),
        ))
        .enumerate()
        .map(|(i, p)| {
            let roles = if i % 3 == 2 {
                PostRole::ALL
                    .iter()
                    .copied()
                    .skip(i % 5)
                    .step_by(4)
                    .collect()
            } else {
                PostRole::ALL.to_vec()
            };
            let profession = (i % 4 != 3).then(|| professions[i % professions.len()]);
            (p, roles, profession)
        })
        .collect()
}

fn naive_need(
    c: &Collections,
    requirement: &TrainingRequirement,
    index: usize,
    person: PersonId,
    as_of: NaiveDate,
) -> Need {
    // All qualifying attendances with their outcome sets.
    let attended: Vec<(NaiveDate, BTreeSet<LearningOutcome>)> = c
        .registrations
        .iter()
        .filter(|r| r.person == person && r.status == RegistrationStatus::Attended)
        .filter_map(|r| find_event(&c.events, r.event))
        .filter(|e| e.status != EventStatus::Cancelled && e.date <= as_of)
        .filter(|e| level_of(&c.courses, e).is_some_and(|l| l >= requirement.level))
        .map(|e| (e.date, outcomes_of(&c.courses, e)))
        .collect();
    let required: BTreeSet<LearningOutcome> = requirement.outcomes.iter().copied().collect();
    let mut missing = Vec::new();
    let last = if required.is_empty() {
        attended.iter().map(|(d, _)| *d).max()
    } else {
        let mut per = Vec::new();
        for o in &required {
            match attended
                .iter()
                .filter(|(_, os)| os.contains(o))
                .map(|(d, _)| *d)
                .max()
            {
                Some(d) => per.push(d),
                None => missing.push(*o),
            }
        }
        if missing.is_empty() {
            per.into_iter().min()
        } else {
            None
        }
    };
    let valid_until = last.and_then(|l| {
        requirement.renewal_months.map(|m| {
            l.checked_add_months(chrono::Months::new(u32::from(m.get())))
                .unwrap_or(NaiveDate::MAX)
        })
    });
    let status = match (last, valid_until) {
        (None, _) => NeedStatus::Missing,
        (Some(_), Some(until)) if as_of > until => NeedStatus::Expired,
        _ => NeedStatus::Met,
    };
    Need {
        requirement: requirement.id,
        index,
        status,
        last_trained: last,
        valid_until,
        outcomes_missing: missing,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn documents_round_trip(
        course in course(),
        event in event(),
        registration in registration(),
        requirement in training_requirement(),
        statement in statement(),
        feedback in feedback(),
        applies_to in applies_to(),
        values in (rating(), capacity(), minutes(), renewal_months(), cpd_hours()),
    ) {
        round_trips(&course)?;
        round_trips(&event)?;
        round_trips(&registration)?;
        round_trips(&requirement)?;
        round_trips(&statement)?;
        round_trips(&feedback)?;
        round_trips(&applies_to)?;
        round_trips(&values.0)?;
        round_trips(&values.1)?;
        round_trips(&values.2)?;
        round_trips(&values.3)?;
        round_trips(&values.4)?;
    }

    #[test]
    fn reach_agrees_with_brute_force(c in collections(6, 40), window in window()) {
        let data = c.as_data();
        let by_parity = |o: OrganisationId| o.as_uuid().as_u128() % 2;
        prop_assert_eq!(reach(&data, window, by_parity), naive_reach(&c, window, by_parity));
        let everything = Period::starting(NaiveDate::MIN);
        let by_organisation = reach(&data, everything, |o| o);
        prop_assert!(by_organisation.by_group.iter().all(|g| g.reach.organisations == 1));
        prop_assert_eq!(by_organisation, naive_reach(&c, everything, |o| o));
    }

    #[test]
    fn barriers_agree_with_brute_force(c in collections(6, 40), window in window()) {
        let got = barriers(&c.events, &c.registrations, window);
        let (totals, counts) = naive_barriers(&c, window);
        check_breakdown(&got.overall, None, &totals, &counts)?;
        prop_assert_eq!(got.by_delivery.len(), Delivery::ALL.len());
        for row in &got.by_delivery {
            check_breakdown(&row.barriers, Some(row.delivery), &totals, &counts)?;
        }
    }

    #[test]
    fn event_stats_agree_with_brute_force(c in collections(6, 40)) {
        let stats = event_stats(&c.events, &c.registrations);
        prop_assert_eq!(stats.len(), c.events.len());
        for (i, (s, e)) in stats.iter().zip(&c.events).enumerate() {
            let first = c.events.iter().position(|x| x.id == e.id) == Some(i);
            let regs: Vec<&Registration> = c.registrations.iter()
                .filter(|r| first && r.event == e.id).collect();
            let n = |st: RegistrationStatus| regs.iter().filter(|r| r.status == st).count() as u64;
            prop_assert_eq!(s.booked, n(RegistrationStatus::Booked));
            prop_assert_eq!(s.wait_listed, n(RegistrationStatus::WaitListed));
            prop_assert_eq!(s.attended, n(RegistrationStatus::Attended));
            prop_assert_eq!(s.did_not_attend, n(RegistrationStatus::DidNotAttend));
            prop_assert_eq!(s.cancelled, n(RegistrationStatus::Cancelled));
            let recorded = s.attended + s.did_not_attend;
            prop_assert_eq!(s.attendance_rate.is_some(), recorded > 0);
            if let Some(rate) = s.attendance_rate {
                prop_assert!((rate.value() - s.attended as f64 / recorded as f64).abs() < 1e-12);
            }
            let feedback: Vec<&Feedback> = regs.iter()
                .filter(|r| r.status == RegistrationStatus::Attended)
                .filter_map(|r| r.feedback.as_ref()).collect();
            prop_assert_eq!(s.feedback.responses, feedback.len() as u64);
            if feedback.is_empty() {
                prop_assert_eq!(s.feedback.mean_overall, None);
            } else {
                let mean = feedback.iter().map(|f| f64::from(f.overall.get())).sum::<f64>()
                    / feedback.len() as f64;
                prop_assert!((s.feedback.mean_overall.unwrap() - mean).abs() < 1e-9);
                prop_assert!((1.0..=5.0).contains(&s.feedback.mean_relevance.unwrap()));
            }
            if let Some(cap) = e.capacity {
                let taken = (s.booked + s.attended + s.did_not_attend) as f64;
                prop_assert!((s.fill_rate.unwrap() - taken / f64::from(cap.get())).abs() < 1e-12);
            } else {
                prop_assert_eq!(s.fill_rate, None);
            }
        }
    }

    #[test]
    fn training_needs_agree_with_brute_force(
        c in collections(8, 80),
        as_of in prop_oneof![core::date(), Just(NaiveDate::from_ymd_opt(2041, 1, 1).unwrap())],
    ) {
        let owned = trainees(&c);
        let people: Vec<Trainee<'_>> = owned.iter()
            .map(|(person, roles, profession)| Trainee { person: *person, roles, profession: *profession })
            .collect();
        let got = training_needs(&c.training_requirements, &c.courses, &c.events, &c.registrations, &people, as_of);
        prop_assert_eq!(got.len(), people.len());
        for (p, row) in people.iter().zip(&got) {
            prop_assert_eq!(row.person, p.person);
            let expected: Vec<Need> = c.training_requirements.iter().enumerate()
                .filter(|(_, r)| match r.applies_to {
                    AppliesTo::Role(role) => p.roles.contains(&role),
                    AppliesTo::Profession(prof) => p.profession == Some(prof),
                    _ => false,
                })
                .map(|(i, r)| naive_need(&c, r, i, p.person, as_of))
                .collect();
            prop_assert_eq!(&row.needs, &expected);
        }
    }

    #[test]
    fn statements_agree_with_brute_force(c in collections(6, 40)) {
        let got = statements(&c.events, &c.registrations);
        let mut expected = Vec::new();
        for r in c.registrations.iter().filter(|r| r.status == RegistrationStatus::Attended) {
            let Some(e) = find_event(&c.events, r.event) else { continue };
            if e.status == EventStatus::Cancelled { continue }
            expected.push((r.person, Verb::Attended, StatementObject::Event(e.id), e.date));
            if let Some(course) = e.course {
                expected.push((r.person, Verb::Completed, StatementObject::Course(course), e.date));
            }
        }
        let got: Vec<_> = got.iter().map(|s| (s.actor, s.verb, s.object, s.timestamp)).collect();
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn validate_never_panics_and_reports_sound_findings(c in collections(8, 60), as_of in core::date()) {
        let findings = validate(&c.as_data(), as_of);
        for f in &findings {
            let code = codes::ALL.iter().find(|k| k.code == f.code);
            prop_assert!(code.is_some(), "unknown code {}", f.code);
            prop_assert_eq!(f.severity, code.unwrap().severity);
            let segments: Vec<String> = f.path.segments().collect();
            let index: usize = segments[1].parse().unwrap();
            match segments[0].as_str() {
                "events" => prop_assert!(index < c.events.len()),
                "registrations" => prop_assert!(index < c.registrations.len()),
                "training_requirements" => prop_assert!(index < c.training_requirements.len()),
                other => prop_assert!(false, "unexpected collection {}", other),
            }
        }
        prop_assert_eq!(&findings, &validate(&c.as_data(), as_of));

        // Duplicates against a pairwise reference.
        let naive_duplicates = (0..c.registrations.len()).filter(|&j| {
            let b = &c.registrations[j];
            b.status != RegistrationStatus::Cancelled
                && find_event(&c.events, b.event).is_some()
                && c.registrations[..j].iter().any(|a| {
                    a.status != RegistrationStatus::Cancelled
                        && a.event == b.event
                        && a.person == b.person
                })
        }).count();
        let duplicates = findings.iter().filter(|f| f.code == codes::REGISTRATION_DUPLICATE.code).count();
        prop_assert_eq!(duplicates, naive_duplicates);

        // Over capacity: per event, attended beyond capacity.
        let naive_over: usize = c.events.iter().enumerate()
            .filter(|(i, e)| c.events.iter().position(|x| x.id == e.id) == Some(*i))
            .map(|(_, e)| {
                let attended = c.registrations.iter()
                    .filter(|r| r.event == e.id && r.status == RegistrationStatus::Attended).count();
                e.capacity.map_or(0, |cap| attended.saturating_sub(cap.get() as usize))
            })
            .sum();
        let over = findings.iter().filter(|f| f.code == codes::REGISTRATION_ATTENDED_OVER_CAPACITY.code).count();
        prop_assert_eq!(over, naive_over);
    }
}
