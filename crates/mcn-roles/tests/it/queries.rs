//! Queries as of a date on hand-made fixtures.

use mcn_core::{Profession, WteTotal};
use mcn_roles::{RolesIndex, staffing_by, staffing_totals};

use crate::support::{appointment, d, funded, holders, id, period, person, post, staffing, total};

#[test]
fn holders_vacancies_and_current_posts() {
    let ann = person(1, "Ann Lee", Profession::Nurse);
    let bob = person(2, "Bob Kay", Profession::Doctor);
    let coordinator = funded(
        post(1, "Network co-ordinator", period(d(2024, 1, 1), None)),
        100,
        period(d(2024, 1, 1), Some(d(2025, 12, 31))),
    );
    let lead = holders(post(2, "Locality lead", period(d(2024, 1, 1), None)), 2);
    let future = post(3, "Education lead", period(d(2026, 1, 1), None));
    let posts = [coordinator.clone(), lead.clone(), future.clone()];
    let appointments = [
        appointment(
            1,
            &coordinator,
            &ann,
            period(d(2024, 1, 1), Some(d(2024, 12, 31))),
            80,
        ),
        appointment(2, &lead, &ann, period(d(2024, 6, 1), None), 20),
        appointment(3, &lead, &bob, period(d(2024, 6, 1), None), 20),
        appointment(4, &lead, &ann, period(d(2024, 7, 1), None), 10),
    ];
    let index = RolesIndex::new(&posts, &appointments);

    let in_2024 = d(2024, 8, 1);
    assert_eq!(index.holders(coordinator.id, in_2024), vec![ann.id]);
    assert_eq!(
        index.holders(lead.id, in_2024),
        vec![ann.id, bob.id],
        "each holder once"
    );
    assert_eq!(index.current_appointments_to(lead.id, in_2024).len(), 3);
    assert!(
        index.vacant_posts(in_2024).is_empty(),
        "the future post does not exist yet"
    );
    assert_eq!(
        index
            .current_posts(ann.id, in_2024)
            .iter()
            .map(|p| p.id)
            .collect::<Vec<_>>(),
        vec![coordinator.id, lead.id]
    );
    assert_eq!(index.appointed_wte(ann.id, in_2024), Some(total(110)));
    assert_eq!(index.appointed_wte(bob.id, in_2024), Some(total(20)));

    let in_2025 = d(2025, 3, 1);
    assert!(index.holders(coordinator.id, in_2025).is_empty());
    assert_eq!(
        index
            .vacant_posts(in_2025)
            .iter()
            .map(|p| p.id)
            .collect::<Vec<_>>(),
        vec![coordinator.id]
    );
    assert_eq!(
        index
            .vacant_funded_posts(in_2025)
            .iter()
            .map(|p| p.id)
            .collect::<Vec<_>>(),
        vec![coordinator.id]
    );
    // Funding ended: still vacant, no longer a vacant *funded* post.
    assert_eq!(index.vacant_posts(d(2026, 2, 1)).len(), 2);
    assert!(index.vacant_funded_posts(d(2026, 2, 1)).is_empty());
    assert_eq!(index.appointed_wte(ann.id, in_2025), Some(total(30)));

    // Unknown ids answer empty, never panic.
    assert!(index.holders(id(2, 99), in_2025).is_empty());
    assert!(index.post(id(2, 99)).is_none());
    assert!(index.current_posts(id(1, 99), in_2025).is_empty());
    assert_eq!(
        index.appointed_wte(id(1, 99), in_2025),
        Some(WteTotal::ZERO)
    );
    assert_eq!(index.post_position(lead.id), Some(1));
    assert_eq!(
        index
            .appointments_to(lead.id)
            .map(|(i, _)| i)
            .collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
}

#[test]
fn staffing_totals_take_latest_record_per_service_and_sum() {
    let mut ward = staffing(3, 1, Profession::Nurse, 300, 250, d(2024, 9, 1));
    ward.service = Some(id(6, 1));
    let records = [
        staffing(1, 1, Profession::Nurse, 500, 400, d(2024, 1, 1)),
        staffing(2, 1, Profession::Nurse, 600, 450, d(2024, 6, 1)),
        ward,
        staffing(4, 1, Profession::Doctor, 200, 200, d(2024, 6, 1)),
        staffing(5, 2, Profession::Nurse, 100, 50, d(2025, 6, 1)),
    ];
    let totals = staffing_totals(&records, d(2024, 12, 31));
    assert_eq!(totals.len(), 2, "organisation 2 reports only in 2025");
    let nurses = totals[&(id(3, 1), Profession::Nurse)];
    assert_eq!(nurses.funded_wte, total(900));
    assert_eq!(nurses.in_post_wte, total(700));
    assert_eq!(nurses.vacant_wte(), total(200));
    assert_eq!(nurses.records, 2);

    let by_profession = staffing_by(&records, d(2025, 12, 31), |r| Some(r.profession));
    assert_eq!(by_profession[&Profession::Nurse].funded_wte, total(1000));
    assert_eq!(by_profession[&Profession::Doctor].in_post_wte, total(200));
    let none: std::collections::BTreeMap<(), _> = staffing_by(&records, d(2025, 12, 31), |_| None);
    assert!(none.is_empty());
}
