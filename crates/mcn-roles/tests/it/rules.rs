//! Every finding code: a case that triggers it (exact code and path) and one that does not.

use std::collections::BTreeSet;

use mcn_core::{Finding, IdentifierSystem, NaiveDate, Profession};
use mcn_roles::{
    Appointment, Person, Post, RolesData, StaffingRecord,
    codes::{self, ALL},
    validate,
};

use crate::support::{
    appointment, d, funded, holders, id, period, person, post, registered, staffing,
};

#[derive(Default)]
struct Doc {
    people: Vec<Person>,
    posts: Vec<Post>,
    appointments: Vec<Appointment>,
    staffing: Vec<StaffingRecord>,
}

impl Doc {
    fn validate(&self, as_of: NaiveDate) -> Vec<Finding> {
        validate(
            &RolesData {
                people: &self.people,
                posts: &self.posts,
                appointments: &self.appointments,
                staffing: &self.staffing,
            },
            as_of,
        )
    }

    /// Findings with `code`, as (path, related paths).
    fn with(&self, code: &str, as_of: NaiveDate) -> Vec<(String, Vec<String>)> {
        self.validate(as_of)
            .into_iter()
            .filter(|f| f.code == code)
            .map(|f| {
                (
                    f.path.as_str().to_owned(),
                    f.related.iter().map(|r| r.as_str().to_owned()).collect(),
                )
            })
            .collect()
    }

    fn paths(&self, code: &str, as_of: NaiveDate) -> Vec<String> {
        self.with(code, as_of).into_iter().map(|(p, _)| p).collect()
    }
}

fn as_of() -> NaiveDate {
    d(2025, 1, 1)
}

/// Ann holds the (unfunded, single-holder) co-ordinator post from 2024.
fn clean() -> Doc {
    let ann = person(1, "Ann Lee", Profession::Nurse);
    let post = post(1, "Network co-ordinator", period(d(2024, 1, 1), None));
    let appt = appointment(
        1,
        &post,
        &ann,
        period(d(2024, 1, 1), Some(d(2024, 12, 31))),
        60,
    );
    let appt2 = appointment(2, &post, &ann, period(d(2025, 1, 1), None), 60);
    Doc {
        people: vec![ann],
        posts: vec![post],
        appointments: vec![appt, appt2],
        staffing: vec![staffing(1, 1, Profession::Nurse, 500, 500, d(2024, 6, 1))],
    }
}

#[test]
fn clean_document_has_no_findings() {
    assert_eq!(clean().validate(as_of()), vec![]);
}

#[test]
fn overlap_on_single_holder_post() {
    let mut doc = clean();
    // Back to back (ends 2024-12-31, next starts 2025-01-01): no overlap.
    assert!(
        doc.paths(codes::APPOINTMENT_OVERLAP.code, as_of())
            .is_empty()
    );
    // One shared day overlaps.
    doc.appointments[0].period = period(d(2024, 1, 1), Some(d(2025, 1, 1)));
    let bob = person(2, "Bob Kay", Profession::Doctor);
    doc.appointments[1].person = bob.id;
    doc.people.push(bob);
    let found = doc.with(codes::APPOINTMENT_OVERLAP.code, as_of());
    assert_eq!(
        found,
        [(
            "/appointments/1/period".to_owned(),
            vec!["/appointments/0".to_owned()]
        )]
    );
    let message = &doc
        .validate(as_of())
        .into_iter()
        .find(|f| f.code == codes::APPOINTMENT_OVERLAP.code)
        .unwrap()
        .message;
    assert!(
        message.contains("Bob Kay") && message.contains("Network co-ordinator"),
        "{message}"
    );
}

#[test]
fn overlap_respects_max_holders() {
    let mut doc = clean();
    doc.posts[0] = holders(doc.posts[0].clone(), 2);
    let p = doc.posts[0].clone();
    let ann = doc.people[0].clone();
    doc.appointments = vec![
        appointment(1, &p, &ann, period(d(2024, 1, 1), None), 20),
        appointment(2, &p, &ann, period(d(2024, 2, 1), None), 20),
    ];
    assert!(
        doc.paths(codes::APPOINTMENT_OVERLAP.code, as_of())
            .is_empty()
    );
    doc.appointments.push(appointment(
        3,
        &p,
        &ann,
        period(d(2024, 3, 1), Some(d(2024, 3, 1))),
        20,
    ));
    assert_eq!(
        doc.with(codes::APPOINTMENT_OVERLAP.code, as_of()),
        [(
            "/appointments/2/period".to_owned(),
            vec!["/appointments/0".to_owned(), "/appointments/1".to_owned()]
        )]
    );
}

#[test]
fn outside_post_period() {
    let mut doc = clean();
    doc.posts[0].period = period(d(2024, 1, 1), Some(d(2025, 6, 30)));
    // The open-ended appointment runs past the post's end.
    assert_eq!(
        doc.with(codes::APPOINTMENT_OUTSIDE_POST_PERIOD.code, as_of()),
        [(
            "/appointments/1/period".to_owned(),
            vec!["/posts/0/period".to_owned()]
        )]
    );
    // Starting before the post exists.
    let mut early = clean();
    early.appointments[0].period = period(d(2023, 12, 31), Some(d(2024, 12, 31)));
    assert_eq!(
        early.paths(codes::APPOINTMENT_OUTSIDE_POST_PERIOD.code, as_of()),
        ["/appointments/0/period"]
    );
    // Exactly the post's period is inside.
    doc.appointments[1].period = period(d(2025, 1, 1), Some(d(2025, 6, 30)));
    assert!(
        doc.paths(codes::APPOINTMENT_OUTSIDE_POST_PERIOD.code, as_of())
            .is_empty()
    );
}

#[test]
fn wte_above_funded() {
    let mut doc = clean();
    doc.posts[0] = funded(
        doc.posts[0].clone(),
        50,
        period(d(2025, 1, 1), Some(d(2025, 12, 31))),
    );
    // Appointment 0 (0.60) ends before the funding starts; appointment 1 (0.60) is funded at 0.50.
    assert_eq!(
        doc.with(codes::APPOINTMENT_WTE_ABOVE_FUNDED.code, as_of()),
        [(
            "/appointments/1/wte".to_owned(),
            vec!["/posts/0/funding".to_owned()]
        )]
    );
    doc.appointments[1].wte = crate::support::wte(50);
    assert!(
        doc.paths(codes::APPOINTMENT_WTE_ABOVE_FUNDED.code, as_of())
            .is_empty()
    );
}

#[test]
fn wte_above_funded_sums_concurrent_holders() {
    let mut doc = clean();
    let p = holders(
        funded(doc.posts[0].clone(), 80, period(d(2024, 1, 1), None)),
        2,
    );
    let ann = doc.people[0].clone();
    doc.posts = vec![p.clone()];
    doc.appointments = vec![
        appointment(1, &p, &ann, period(d(2024, 1, 1), Some(d(2024, 6, 30))), 40),
        appointment(2, &p, &ann, period(d(2024, 7, 1), None), 40),
        appointment(3, &p, &ann, period(d(2024, 3, 1), None), 40),
    ];
    // 0.40 + 0.40 = 0.80 at most at any time: within funding.
    assert!(
        doc.paths(codes::APPOINTMENT_WTE_ABOVE_FUNDED.code, as_of())
            .is_empty()
    );
    doc.appointments[2].wte = crate::support::wte(41);
    // From 2024-03-01 appointment 2 takes the total to 0.81; from 2024-07-01
    // (appointment 0 has ended) appointment 1 takes it to 0.81 again.
    assert_eq!(
        doc.paths(codes::APPOINTMENT_WTE_ABOVE_FUNDED.code, as_of()),
        ["/appointments/1/wte", "/appointments/2/wte"]
    );
}

#[test]
fn registration_mismatch() {
    let mut doc = clean();
    doc.people = vec![
        registered(
            person(1, "Ann Lee", Profession::Nurse),
            IdentifierSystem::Nmc,
            "12A3456E",
        ),
        registered(
            person(2, "Bob Kay", Profession::Doctor),
            IdentifierSystem::Nmc,
            "12A3456E",
        ),
        registered(
            person(3, "Cy Dee", Profession::Manager),
            IdentifierSystem::Ods,
            "RCB",
        ),
        registered(
            person(4, "Di Eve", Profession::Pharmacist),
            IdentifierSystem::other("https://example.org/gphc").unwrap(),
            "2012345",
        ),
        registered(
            person(5, "Ed Fox", Profession::AlliedHealthProfessional),
            IdentifierSystem::Hcpc,
            "PH123456",
        ),
    ];
    assert_eq!(
        doc.paths(codes::PERSON_REGISTRATION_MISMATCH.code, as_of()),
        ["/people/1/registration", "/people/2/registration"]
    );
    let message = doc
        .validate(as_of())
        .into_iter()
        .find(|f| f.path.as_str() == "/people/1/registration")
        .unwrap()
        .message;
    assert!(
        message.contains("Bob Kay") && message.contains("gmc"),
        "{message}"
    );
}

#[test]
fn over_allocated() {
    let mut doc = clean();
    let ann = doc.people[0].clone();
    let other = post(2, "Education lead", period(d(2024, 1, 1), None));
    doc.appointments.push(appointment(
        3,
        &other,
        &ann,
        period(d(2024, 6, 1), None),
        40,
    ));
    doc.posts.push(other);
    // 0.60 + 0.40 = 1.00: not over.
    assert!(
        doc.paths(codes::PERSON_OVER_ALLOCATED.code, as_of())
            .is_empty()
    );
    doc.appointments[2].wte = crate::support::wte(41);
    assert_eq!(
        doc.with(codes::PERSON_OVER_ALLOCATED.code, as_of()),
        [(
            "/people/0".to_owned(),
            vec!["/appointments/1".to_owned(), "/appointments/2".to_owned()]
        )]
    );
    // On a date when only one appointment is current, not over.
    assert!(
        doc.paths(codes::PERSON_OVER_ALLOCATED.code, d(2024, 5, 1))
            .is_empty()
    );
}

#[test]
fn vacant_funded_post() {
    let mut doc = clean();
    doc.posts[0] = funded(
        doc.posts[0].clone(),
        100,
        period(d(2024, 1, 1), Some(d(2026, 3, 31))),
    );
    doc.appointments[1].period = period(d(2025, 1, 1), Some(d(2025, 8, 31)));
    // Filled on 2025-01-01.
    assert!(
        doc.paths(codes::POST_VACANT_FUNDED.code, as_of())
            .is_empty()
    );
    // Vacant and funded on 2025-09-01.
    assert_eq!(
        doc.paths(codes::POST_VACANT_FUNDED.code, d(2025, 9, 1)),
        ["/posts/0"]
    );
    // Vacant but no longer funded on 2026-04-01.
    assert!(
        doc.paths(codes::POST_VACANT_FUNDED.code, d(2026, 4, 1))
            .is_empty()
    );
    // Funded but abolished: not vacant.
    doc.posts[0].period = period(d(2024, 1, 1), Some(d(2025, 8, 31)));
    assert!(
        doc.paths(codes::POST_VACANT_FUNDED.code, d(2025, 9, 1))
            .is_empty()
    );
}

#[test]
fn in_post_above_funded() {
    let mut doc = clean();
    assert!(
        doc.paths(codes::STAFFING_IN_POST_ABOVE_FUNDED.code, as_of())
            .is_empty()
    );
    doc.staffing
        .push(staffing(2, 1, Profession::Doctor, 200, 250, d(2024, 6, 1)));
    assert_eq!(
        doc.paths(codes::STAFFING_IN_POST_ABOVE_FUNDED.code, as_of()),
        ["/staffing/1/in_post_wte"]
    );
}

#[test]
fn every_code_is_triggered_with_its_declared_severity_and_order_is_by_path() {
    let mut doc = clean();
    let ann = doc.people[0].clone();
    doc.people.push(registered(
        person(2, "Bob Kay", Profession::Doctor),
        IdentifierSystem::Ods,
        "RCB",
    ));
    let funded_post = funded(
        post(
            2,
            "Clinical lead",
            period(d(2024, 1, 1), Some(d(2024, 12, 31))),
        ),
        20,
        period(d(2024, 1, 1), None),
    );
    let vacant = funded(
        post(3, "Education lead", period(d(2024, 1, 1), None)),
        100,
        period(d(2024, 1, 1), None),
    );
    doc.appointments.push(appointment(
        3,
        &funded_post,
        &ann,
        period(d(2024, 1, 1), None),
        50,
    ));
    doc.appointments.push(appointment(
        4,
        &funded_post,
        &ann,
        period(d(2024, 5, 1), None),
        10,
    ));
    let mut dangling = appointment(5, &funded_post, &ann, period(d(2024, 1, 1), None), 10);
    dangling.post = id(2, 77);
    dangling.person = id(1, 77);
    doc.appointments.push(dangling);
    doc.posts.push(funded_post);
    doc.posts.push(vacant);
    doc.staffing
        .push(staffing(2, 1, Profession::Doctor, 200, 250, d(2024, 6, 1)));

    let findings = doc.validate(as_of());
    let got: BTreeSet<&str> = findings.iter().map(|f| f.code.as_str()).collect();
    let want: BTreeSet<&str> = ALL.iter().map(|c| c.code).collect();
    assert_eq!(got, want);
    for finding in &findings {
        let code = ALL.iter().find(|c| c.code == finding.code).unwrap();
        assert_eq!(finding.severity, code.severity, "{}", finding.code);
    }
    let mut sorted = findings.clone();
    sorted.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.code.cmp(&b.code)));
    assert_eq!(findings, sorted);
    assert_eq!(doc.validate(as_of()), findings, "deterministic");
}
