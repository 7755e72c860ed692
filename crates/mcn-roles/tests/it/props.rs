//! Property tests: JSON round-trips; rules and queries never panic and agree
//! with naive brute-force reference computations.

use std::collections::{BTreeMap, HashSet};

use mcn_core::{
    NaiveDate, Period, Profession, Redact, WteTotal,
    id::{OrganisationId, PostId, ServiceId},
    strategy::round_trips,
};
use mcn_roles::{
    Appointment, Post, RolesIndex, StaffingRecord, codes, registration_fits, staffing_totals,
    strategy::{self, World},
    validate,
};
use proptest::prelude::*;

/// The first post with each id, as the index defines it.
fn first_post(posts: &[Post], id: PostId) -> Option<(usize, &Post)> {
    posts.iter().enumerate().find(|(_, p)| p.id == id)
}

/// Brute force: appointments whose start takes the post's concurrent weight
/// above the limit (spans start in (start, index) order).
fn naive_excess(spans: &[(usize, Period, u32)], limit: u32) -> Vec<usize> {
    let mut flagged = Vec::new();
    for &(i, a, weight) in spans {
        let earlier: u32 = spans
            .iter()
            .filter(|&&(j, b, _)| (b.start(), j) < (a.start(), i) && b.contains(a.start()))
            .map(|&(_, _, w)| w)
            .sum();
        if earlier + weight > limit {
            flagged.push(i);
        }
    }
    flagged
}

fn paths(world: &World, as_of: NaiveDate, code: &str) -> Vec<String> {
    let mut paths: Vec<String> = validate(&world.data(), as_of)
        .into_iter()
        .filter(|f| f.code == code)
        .map(|f| f.path.as_str().to_owned())
        .collect();
    paths.sort();
    paths
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

proptest! {
    #[test]
    fn document_types_round_trip(
        person in strategy::person_any_registration(),
        post in strategy::post(),
        appointment in strategy::appointment(),
        record in strategy::staffing_record(),
        funding in strategy::post_funding(),
        hours in strategy::hours_per_week(),
        basis in mcn_core::strategy::vocabulary::<mcn_roles::AppointmentBasis>(),
    ) {
        round_trips(&person)?;
        round_trips(&person.redacted())?;
        round_trips(&post)?;
        round_trips(&appointment)?;
        round_trips(&record)?;
        round_trips(&funding)?;
        round_trips(&hours)?;
        round_trips(&basis)?;
    }

    #[test]
    fn person_strategy_fits_profession(person in strategy::person()) {
        prop_assert!(person.registration_fits_profession());
    }

    #[test]
    fn redaction_leaves_no_personal_data(person in strategy::person_any_registration()) {
        let redacted = person.redacted();
        prop_assert_eq!(redacted.name.as_str(), mcn_core::text::REDACTED);
        prop_assert!(redacted.email.is_none() && redacted.registration.is_none());
        prop_assert_eq!(redacted.id, person.id);
        prop_assert_eq!(redacted.employer, person.employer);
    }

    #[test]
    fn rules_never_panic_are_deterministic_and_well_formed(
        world in strategy::world(),
        as_of in strategy::window(),
    ) {
        let findings = validate(&world.data(), as_of);
        prop_assert_eq!(&validate(&world.data(), as_of), &findings);
        for finding in &findings {
            let code = codes::ALL.iter().find(|c| c.code == finding.code);
            prop_assert!(code.is_some(), "undeclared code {}", finding.code);
            prop_assert_eq!(Some(finding.severity), code.map(|c| c.severity));
            let segments: Vec<String> = finding.path.segments().collect();
            let len = match segments[0].as_str() {
                "people" => world.people.len(),
                "posts" => world.posts.len(),
                "appointments" => world.appointments.len(),
                "staffing" => world.staffing.len(),
                other => return Err(TestCaseError::fail(format!("collection {other}"))),
            };
            prop_assert!(segments[1].parse::<usize>().unwrap() < len, "{}", finding.path);
        }
    }

    #[test]
    fn queries_agree_with_brute_force(world in strategy::world(), as_of in strategy::window()) {
        let index = RolesIndex::new(&world.posts, &world.appointments);
        let current = |a: &&Appointment| a.period.contains(as_of);

        let naive_vacant: Vec<PostId> = world.posts.iter()
            .filter(|p| p.period.contains(as_of)
                && !world.appointments.iter().any(|a| a.post == p.id && a.period.contains(as_of)))
            .map(|p| p.id)
            .collect();
        let vacant: Vec<PostId> = index.vacant_posts(as_of).iter().map(|p| p.id).collect();
        prop_assert_eq!(&vacant, &naive_vacant);

        let naive_vacant_funded: Vec<PostId> = world.posts.iter()
            .filter(|p| naive_vacant.contains(&p.id)
                && p.funding.as_ref().is_some_and(|f| f.period.contains(as_of)))
            .map(|p| p.id)
            .collect();
        let vacant_funded: Vec<PostId> =
            index.vacant_funded_posts(as_of).iter().map(|p| p.id).collect();
        prop_assert_eq!(vacant_funded, naive_vacant_funded);

        for post in &world.posts {
            let mut naive_holders = Vec::new();
            for a in world.appointments.iter().filter(current).filter(|a| a.post == post.id) {
                if !naive_holders.contains(&a.person) {
                    naive_holders.push(a.person);
                }
            }
            prop_assert_eq!(index.holders(post.id, as_of), naive_holders);
        }

        for person in &world.people {
            let mine: Vec<&Appointment> = world.appointments.iter()
                .filter(current).filter(|a| a.person == person.id).collect();
            let naive_wte: u32 = mine.iter().map(|a| u32::from(a.wte.hundredths())).sum();
            prop_assert_eq!(index.appointed_wte(person.id, as_of).unwrap().hundredths(), naive_wte);
            let mut naive_posts: Vec<PostId> = Vec::new();
            for a in &mine {
                if !naive_posts.contains(&a.post) && first_post(&world.posts, a.post).is_some() {
                    naive_posts.push(a.post);
                }
            }
            let posts: Vec<PostId> =
                index.current_posts(person.id, as_of).iter().map(|p| p.id).collect();
            prop_assert_eq!(posts, naive_posts);
        }
    }

    #[test]
    fn staffing_totals_agree_with_brute_force(
        world in strategy::world(),
        as_of in strategy::window(),
    ) {
        type Key = (OrganisationId, Profession, Option<ServiceId>);
        // Latest record per key: scan in order, keep the last with the greatest date.
        let mut latest: BTreeMap<Key, &StaffingRecord> = BTreeMap::new();
        for record in world.staffing.iter().filter(|r| r.as_of <= as_of) {
            let key = (record.organisation, record.profession, record.service);
            if latest.get(&key).is_none_or(|held| record.as_of >= held.as_of) {
                latest.insert(key, record);
            }
        }
        let mut naive: BTreeMap<(OrganisationId, Profession), (u32, u32, usize)> = BTreeMap::new();
        for record in latest.values() {
            let row = naive.entry((record.organisation, record.profession)).or_default();
            row.0 += record.funded_wte.hundredths();
            row.1 += record.in_post_wte.hundredths();
            row.2 += 1;
        }
        let totals: BTreeMap<_, _> = staffing_totals(&world.staffing, as_of)
            .into_iter()
            .map(|(k, f)| (k, (f.funded_wte.hundredths(), f.in_post_wte.hundredths(), f.records)))
            .collect();
        prop_assert_eq!(totals, naive);
    }

    #[test]
    fn rules_agree_with_brute_force(world in strategy::world(), as_of in strategy::window()) {
        let mut outside = Vec::new();
        let mut overlap = Vec::new();
        let mut above_funded = Vec::new();
        for (i, a) in world.appointments.iter().enumerate() {
            let Some((_, post)) = first_post(&world.posts, a.post) else {
                continue;
            };
            let inside = post.period.start() <= a.period.start()
                && match (post.period.end(), a.period.end()) {
                    (None, _) => true,
                    (Some(_), None) => false,
                    (Some(p), Some(e)) => e <= p,
                };
            if !inside {
                outside.push(format!("/appointments/{i}/period"));
            }
        }
        let mut seen = HashSet::new();
        for post in world.posts.iter().filter(|p| seen.insert(p.id)) {
            let spans: Vec<(usize, Period, u32)> = world.appointments.iter().enumerate()
                .filter(|(_, a)| a.post == post.id)
                .map(|(i, a)| (i, a.period, 1))
                .collect();
            for i in naive_excess(&spans, u32::from(post.holder_limit())) {
                overlap.push(format!("/appointments/{i}/period"));
            }
            if let Some(funding) = &post.funding {
                let spans: Vec<(usize, Period, u32)> = world.appointments.iter().enumerate()
                    .filter(|(_, a)| a.post == post.id)
                    .filter_map(|(i, a)| a.period.intersection(&funding.period)
                        .map(|p| (i, p, u32::from(a.wte.hundredths()))))
                    .collect();
                for i in naive_excess(&spans, funding.wte.hundredths()) {
                    above_funded.push(format!("/appointments/{i}/wte"));
                }
            }
        }
        prop_assert_eq!(paths(&world, as_of, codes::APPOINTMENT_OUTSIDE_POST_PERIOD.code), sorted(outside));
        prop_assert_eq!(paths(&world, as_of, codes::APPOINTMENT_OVERLAP.code), sorted(overlap));
        prop_assert_eq!(paths(&world, as_of, codes::APPOINTMENT_WTE_ABOVE_FUNDED.code), sorted(above_funded));

        let mismatched: Vec<String> = world.people.iter().enumerate()
            .filter(|(_, p)| p.registration.as_ref()
                .is_some_and(|r| !registration_fits(p.profession, r.system())))
            .map(|(i, _)| format!("/people/{i}/registration"))
            .collect();
        prop_assert_eq!(paths(&world, as_of, codes::PERSON_REGISTRATION_MISMATCH.code), sorted(mismatched));

        let over: Vec<String> = world.people.iter().enumerate()
            .filter(|(_, p)| WteTotal::checked_sum(world.appointments.iter()
                .filter(|a| a.person == p.id && a.period.contains(as_of))
                .map(|a| a.wte))
                .is_none_or(|total| total.hundredths() > 100))
            .map(|(i, _)| format!("/people/{i}"))
            .collect();
        prop_assert_eq!(paths(&world, as_of, codes::PERSON_OVER_ALLOCATED.code), sorted(over));

        let vacant_funded: Vec<String> = world.posts.iter().enumerate()
            .filter(|(_, p)| p.period.contains(as_of)
                && p.funding.as_ref().is_some_and(|f| f.period.contains(as_of))
                && !world.appointments.iter().any(|a| a.post == p.id && a.period.contains(as_of)))
            .map(|(i, _)| format!("/posts/{i}"))
            .collect();
        prop_assert_eq!(paths(&world, as_of, codes::POST_VACANT_FUNDED.code), sorted(vacant_funded));

        let in_post: Vec<String> = world.staffing.iter().enumerate()
            .filter(|(_, r)| r.in_post_wte > r.funded_wte)
            .map(|(i, _)| format!("/staffing/{i}/in_post_wte"))
            .collect();
        prop_assert_eq!(paths(&world, as_of, codes::STAFFING_IN_POST_ABOVE_FUNDED.code), sorted(in_post));
    }
}

/// The brute-force comparisons above are only worth something if the generated
/// worlds trigger every rule: check they do, on a fixed seed.
#[test]
fn worlds_exercise_every_rule_and_query() {
    use proptest::{strategy::ValueTree, test_runner::TestRunner};
    let mut runner = TestRunner::deterministic();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let (mut vacant, mut vacant_funded, mut held) = (0, 0, 0);
    let strategy = (strategy::world(), strategy::window());
    for _ in 0..300 {
        let (world, as_of) = strategy.new_tree(&mut runner).unwrap().current();
        for finding in validate(&world.data(), as_of) {
            *counts.entry(finding.code).or_default() += 1;
        }
        let index = RolesIndex::new(&world.posts, &world.appointments);
        vacant += index.vacant_posts(as_of).len();
        vacant_funded += index.vacant_funded_posts(as_of).len();
        held += world
            .posts
            .iter()
            .filter(|p| !index.holders(p.id, as_of).is_empty())
            .count();
    }
    for code in codes::ALL {
        assert!(
            counts.get(code.code).copied().unwrap_or(0) >= 5,
            "{} rarely triggered: {counts:?}",
            code.code
        );
    }
    assert!(
        vacant >= 20 && vacant_funded >= 5 && held >= 20,
        "{vacant} {vacant_funded} {held}"
    );
}
