//! Every finding code: triggered (exact code and path) and not triggered.

use std::collections::BTreeSet;

use mcn_core::{Finding, NaiveDate, Severity};
use mcn_training::{codes, *};

use crate::fixtures::*;

fn as_of() -> NaiveDate {
    d(2025, 6, 1)
}

fn check(courses: &[Course], events: &[Event], registrations: &[Registration]) -> Vec<Finding> {
    let data = TrainingData {
        courses,
        events,
        registrations,
        training_requirements: &[],
    };
    validate(&data, as_of())
}

/// `(code, path)` pairs.
fn found(findings: &[Finding]) -> Vec<(String, String)> {
    findings
        .iter()
        .map(|f| (f.code.clone(), f.path.as_str().to_owned()))
        .collect()
}

fn pair(code: &str, path: &str) -> (String, String) {
    (code.to_owned(), path.to_owned())
}

fn past() -> Event {
    event(10, d(2025, 3, 1))
}

#[test]
fn clean_data_has_no_findings() {
    let course = course(1, EducationLevel::Core, &[]);
    let mut e = past();
    e.course = Some(course.id);
    e.level = Some(EducationLevel::Core);
    let mut attended = reg(20, &e, 1, RegistrationStatus::Attended);
    attended.feedback = Some(feedback(5, 4, true));
    let mut dna = reg(21, &e, 2, RegistrationStatus::DidNotAttend);
    dna.barrier = Some(AccessBarrier::Other);
    dna.barrier_detail = Some("Snow".parse().unwrap());
    let cancelled = reg(22, &e, 3, RegistrationStatus::Cancelled);
    let rebooked = reg(23, &e, 3, RegistrationStatus::Attended);
    let findings = check(&[course], &[e], &[attended, dna, cancelled, rebooked]);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn dangling_course_is_left_to_the_network() {
    // mcn-network reports the dangling reference (`network.reference.dangling`);
    // the training rules skip what needs the course (its level).
    let course = course(1, EducationLevel::Universal, &[]);
    let mut e = past();
    e.course = Some(id(99));
    e.level = Some(EducationLevel::Specialist);
    assert!(check(std::slice::from_ref(&course), &[e.clone()], &[]).is_empty());
    e.course = Some(course.id);
    assert_eq!(
        found(&check(&[course], &[e], &[])),
        [pair(
            "training.event.level_differs_from_course",
            "/events/0/level"
        )]
    );
}

#[test]
fn elearning_with_venue() {
    let mut e = past();
    e.delivery = Delivery::ELearning;
    let findings = check(&[], &[e.clone()], &[]);
    assert_eq!(
        found(&findings),
        [pair(
            "training.event.elearning_with_venue",
            "/events/0/venue"
        )]
    );
    assert_eq!(findings[0].severity, Severity::Warning);
    e.venue = None;
    e.locality = None;
    assert!(check(&[], &[e.clone()], &[]).is_empty());
    // A virtual event may name its platform.
    e.delivery = Delivery::Virtual;
    e.venue = Some("Teams".parse().unwrap());
    assert!(check(&[], &[e], &[]).is_empty());
}

#[test]
fn locality_missing() {
    for delivery in [Delivery::InPerson, Delivery::Blended] {
        let mut e = past();
        e.delivery = delivery;
        e.locality = None;
        let findings = check(&[], &[e], &[]);
        assert_eq!(
            found(&findings),
            [pair("training.event.locality_missing", "/events/0")]
        );
    }
    let mut e = past();
    e.delivery = Delivery::Virtual;
    e.locality = None;
    assert!(check(&[], &[e], &[]).is_empty());
}

#[test]
fn level_differs_from_course() {
    let course = course(1, EducationLevel::Core, &[]);
    let mut e = past();
    e.course = Some(course.id);
    e.level = Some(EducationLevel::Universal);
    let findings = check(std::slice::from_ref(&course), &[e.clone()], &[]);
    assert_eq!(
        found(&findings),
        [pair(
            "training.event.level_differs_from_course",
            "/events/0/level"
        )]
    );
    assert_eq!(findings[0].related[0].as_str(), "/courses/0/level");
    e.level = None;
    assert!(check(std::slice::from_ref(&course), &[e.clone()], &[]).is_empty());
    e.level = Some(EducationLevel::Core);
    assert!(check(&[course], &[e], &[]).is_empty());
}

#[test]
fn held_in_future_and_past_still_planned() {
    let mut e = event(10, d(2025, 6, 2));
    let findings = check(&[], &[e.clone()], &[]);
    assert_eq!(
        found(&findings),
        [pair("training.event.held_in_future", "/events/0/status")]
    );
    assert_eq!(findings[0].severity, Severity::Error);
    e.status = EventStatus::Planned;
    assert!(check(&[], &[e.clone()], &[]).is_empty());

    e.date = d(2025, 5, 31);
    let findings = check(&[], &[e.clone()], &[]);
    assert_eq!(
        found(&findings),
        [pair(
            "training.event.past_still_planned",
            "/events/0/status"
        )]
    );
    assert_eq!(findings[0].severity, Severity::Info);
    // Held today, planned today: both fine.
    e.date = as_of();
    assert!(check(&[], &[e.clone()], &[]).is_empty());
    e.status = EventStatus::Held;
    assert!(check(&[], &[e], &[]).is_empty());
}

#[test]
fn dangling_event_is_skipped_and_registration_only_rules_still_run() {
    let e = past();
    let mut r = reg(20, &e, 1, RegistrationStatus::Attended);
    r.event = id(99);
    r.barrier = Some(AccessBarrier::Cost);
    let findings = check(&[], &[e.clone()], &[r]);
    assert_eq!(
        found(&findings),
        [pair(
            "training.registration.barrier_on_attended",
            "/registrations/0/barrier"
        )]
    );
    assert!(
        check(
            &[],
            &[e.clone()],
            &[reg(20, &e, 1, RegistrationStatus::Attended)]
        )
        .is_empty()
    );
}

#[test]
fn duplicate() {
    let e = past();
    let other = event(11, d(2025, 3, 2));
    let first = reg(20, &e, 1, RegistrationStatus::DidNotAttend);
    let second = reg(21, &e, 1, RegistrationStatus::Attended);
    let findings = check(&[], &[e.clone()], &[first.clone(), second.clone()]);
    assert_eq!(
        found(&findings),
        [pair("training.registration.duplicate", "/registrations/1")]
    );
    assert_eq!(findings[0].related[0].as_str(), "/registrations/0");
    assert_eq!(findings[0].severity, Severity::Error);

    // Cancelled first, then booked again: fine. Other person or other event: fine.
    let mut cancelled = first.clone();
    cancelled.status = RegistrationStatus::Cancelled;
    assert!(check(&[], &[e.clone()], &[cancelled, second.clone()]).is_empty());
    let someone_else = reg(21, &e, 2, RegistrationStatus::Attended);
    assert!(check(&[], &[e.clone()], &[first.clone(), someone_else]).is_empty());
    let elsewhere = reg(21, &other, 1, RegistrationStatus::Attended);
    assert!(check(&[], &[e.clone(), other], &[first.clone(), elsewhere]).is_empty());

    // A third live registration is reported against the first too.
    let third = reg(22, &e, 1, RegistrationStatus::WaitListed);
    let findings = check(&[], &[e], &[first, second, third]);
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[1].path.as_str(), "/registrations/2");
    assert_eq!(findings[1].related[0].as_str(), "/registrations/0");
}

#[test]
fn attended_over_capacity() {
    let mut e = past();
    e.capacity = Some(Capacity::new(2).unwrap());
    let regs: Vec<_> = (0..3)
        .map(|i| reg(20 + i, &e, i, RegistrationStatus::Attended))
        .collect();
    let findings = check(&[], &[e.clone()], &regs);
    assert_eq!(
        found(&findings),
        [pair(
            "training.registration.attended_over_capacity",
            "/registrations/2/status"
        )]
    );
    assert_eq!(findings[0].related[0].as_str(), "/events/0/capacity");
    assert_eq!(findings[0].severity, Severity::Warning);

    // Exactly full, or extra people not attending, or no capacity: fine.
    assert!(check(&[], &[e.clone()], &regs[..2]).is_empty());
    let mut extra = regs.clone();
    extra[2].status = RegistrationStatus::DidNotAttend;
    assert!(check(&[], &[e.clone()], &extra).is_empty());
    e.capacity = None;
    assert!(check(&[], &[e], &regs).is_empty());
}

#[test]
fn attendance_for_cancelled_event() {
    let mut e = past();
    e.status = EventStatus::Cancelled;
    let findings = check(
        &[],
        &[e.clone()],
        &[reg(20, &e, 1, RegistrationStatus::Attended)],
    );
    assert_eq!(
        found(&findings),
        [pair(
            "training.registration.attendance_for_cancelled_event",
            "/registrations/0/status"
        )]
    );
    assert_eq!(findings[0].related[0].as_str(), "/events/0/status");
    assert!(
        check(
            &[],
            &[e.clone()],
            &[reg(20, &e, 1, RegistrationStatus::Cancelled)]
        )
        .is_empty()
    );
    // A booked registration left on a cancelled event is not "unresolved".
    assert!(
        check(
            &[],
            &[e.clone()],
            &[reg(20, &e, 1, RegistrationStatus::Booked)]
        )
        .is_empty()
    );
}

#[test]
fn attendance_for_future_event() {
    let mut e = event(10, d(2025, 6, 2));
    e.status = EventStatus::Planned;
    let findings = check(
        &[],
        &[e.clone()],
        &[reg(20, &e, 1, RegistrationStatus::Attended)],
    );
    assert_eq!(
        found(&findings),
        [pair(
            "training.registration.attendance_for_future_event",
            "/registrations/0/status"
        )]
    );
    assert_eq!(findings[0].related[0].as_str(), "/events/0/date");
    assert!(
        check(
            &[],
            &[e.clone()],
            &[reg(20, &e, 1, RegistrationStatus::Booked)]
        )
        .is_empty()
    );
    e.date = as_of();
    e.status = EventStatus::Held;
    assert!(
        check(
            &[],
            &[e.clone()],
            &[reg(20, &e, 1, RegistrationStatus::Attended)]
        )
        .is_empty()
    );
}

#[test]
fn barrier_on_attended() {
    let e = past();
    let mut r = reg(20, &e, 1, RegistrationStatus::Attended);
    r.barrier = Some(AccessBarrier::TravelDistance);
    let findings = check(&[], &[e.clone()], &[r.clone()]);
    assert_eq!(
        found(&findings),
        [pair(
            "training.registration.barrier_on_attended",
            "/registrations/0/barrier"
        )]
    );
    for status in [
        RegistrationStatus::DidNotAttend,
        RegistrationStatus::Cancelled,
        RegistrationStatus::WaitListed,
    ] {
        r.status = status;
        assert!(
            check(&[], &[e.clone()], &[r.clone()]).is_empty(),
            "{status}"
        );
    }
}

#[test]
fn barrier_detail_missing() {
    let e = past();
    let mut r = reg(20, &e, 1, RegistrationStatus::DidNotAttend);
    r.barrier = Some(AccessBarrier::Other);
    let findings = check(&[], &[e.clone()], &[r.clone()]);
    assert_eq!(
        found(&findings),
        [pair(
            "training.registration.barrier_detail_missing",
            "/registrations/0"
        )]
    );
    r.barrier_detail = Some("Childcare fell through".parse().unwrap());
    assert!(check(&[], &[e.clone()], &[r.clone()]).is_empty());
    r.barrier = Some(AccessBarrier::Timing);
    r.barrier_detail = None;
    assert!(check(&[], &[e], &[r]).is_empty());
}

#[test]
fn feedback_without_attendance() {
    let e = past();
    let mut r = reg(20, &e, 1, RegistrationStatus::DidNotAttend);
    r.feedback = Some(feedback(2, 3, false));
    let findings = check(&[], &[e.clone()], &[r.clone()]);
    assert_eq!(
        found(&findings),
        [pair(
            "training.registration.feedback_without_attendance",
            "/registrations/0/feedback"
        )]
    );
    r.status = RegistrationStatus::Attended;
    assert!(check(&[], &[e], &[r]).is_empty());
}

#[test]
fn unresolved_after_event() {
    let e = past();
    let findings = check(
        &[],
        &[e.clone()],
        &[reg(20, &e, 1, RegistrationStatus::Booked)],
    );
    assert_eq!(
        found(&findings),
        [pair(
            "training.registration.unresolved_after_event",
            "/registrations/0/status"
        )]
    );
    assert_eq!(findings[0].related[0].as_str(), "/events/0/date");
    let mut today = event(10, as_of());
    assert!(
        check(
            &[],
            &[today.clone()],
            &[reg(20, &today, 1, RegistrationStatus::Booked)]
        )
        .is_empty()
    );
    today.date = d(2025, 9, 1);
    today.status = EventStatus::Planned;
    assert!(
        check(
            &[],
            &[today.clone()],
            &[reg(20, &today, 1, RegistrationStatus::Booked)]
        )
        .is_empty()
    );
}

#[test]
fn every_code_fires_in_one_document_with_its_declared_severity_in_order() {
    let the_course = course(1, EducationLevel::Core, &[]);
    // A dangling course and a dangling event (below) fire nothing here.
    let mut unknown_course = event(10, d(2025, 3, 1));
    unknown_course.course = Some(id(99));
    let mut elearning = event(11, d(2025, 3, 1));
    elearning.delivery = Delivery::ELearning;
    elearning.locality = None;
    let mut no_locality = event(12, d(2025, 3, 1));
    no_locality.locality = None;
    let mut differs = event(13, d(2025, 3, 1));
    differs.course = Some(the_course.id);
    let mut future = event(14, d(2025, 7, 1));
    let mut stale = event(15, d(2025, 3, 1));
    stale.status = EventStatus::Planned;
    let mut cancelled = event(16, d(2025, 3, 1));
    cancelled.status = EventStatus::Cancelled;
    let mut small = event(17, d(2025, 3, 1));
    small.capacity = Some(Capacity::new(1).unwrap());
    future.status = EventStatus::Held;

    let mut orphan = reg(30, &small, 1, RegistrationStatus::Booked);
    orphan.event = id(98);
    let mut detail_missing = reg(36, &small, 7, RegistrationStatus::DidNotAttend);
    detail_missing.barrier = Some(AccessBarrier::Other);
    let mut feedback_dna = reg(37, &small, 8, RegistrationStatus::DidNotAttend);
    feedback_dna.feedback = Some(feedback(1, 1, false));
    let mut barrier_attended = reg(35, &stale, 6, RegistrationStatus::Attended);
    barrier_attended.barrier = Some(AccessBarrier::Cost);
    let regs = [
        orphan,
        reg(31, &small, 1, RegistrationStatus::Attended),
        reg(32, &small, 1, RegistrationStatus::Attended),
        reg(33, &cancelled, 2, RegistrationStatus::Attended),
        reg(34, &future, 3, RegistrationStatus::Attended),
        barrier_attended,
        detail_missing,
        feedback_dna,
        reg(38, &stale, 9, RegistrationStatus::Booked),
    ];
    let events = [
        unknown_course,
        elearning,
        no_locality,
        differs,
        future,
        stale,
        cancelled,
        small,
    ];
    let requirement = TrainingRequirement {
        id: id(50),
        applies_to: AppliesTo::Role(mcn_core::PostRole::Champion),
        level: EducationLevel::Universal,
        outcomes: vec![],
        renewal_months: None,
        note: None,
    };
    let requirements = [requirement.clone(), requirement];
    let courses = [the_course];
    let data = TrainingData {
        courses: &courses,
        events: &events,
        registrations: &regs,
        training_requirements: &requirements,
    };
    let findings = validate(&data, as_of());

    let fired: BTreeSet<&str> = findings.iter().map(|f| f.code.as_str()).collect();
    let all: BTreeSet<&str> = codes::ALL.iter().map(|c| c.code).collect();
    assert_eq!(fired, all);
    for f in &findings {
        let code = codes::ALL.iter().find(|c| c.code == f.code).unwrap();
        assert_eq!(f.severity, code.severity, "{}", f.code);
        assert!(!f.message.is_empty());
    }
    // Deterministic: events, registrations, requirements, document order within.
    let mut sorted = findings.clone();
    sorted.sort_by(|a, b| {
        let key = |f: &Finding| {
            let collection = f.path.segments().next().unwrap();
            let rank = ["events", "registrations", "training_requirements"]
                .iter()
                .position(|c| *c == collection)
                .unwrap();
            (rank, f.path.clone())
        };
        key(a).cmp(&key(b))
    });
    assert_eq!(
        findings.iter().map(|f| &f.path).collect::<Vec<_>>(),
        sorted.iter().map(|f| &f.path).collect::<Vec<_>>()
    );
    assert_eq!(findings, validate(&data, as_of()));
}

#[test]
fn messages_name_the_entities_and_values() {
    let mut e = past();
    e.status = EventStatus::Cancelled;
    let r = reg(20, &e, 1, RegistrationStatus::Attended);
    let findings = check(&[], &[e.clone()], &[r.clone()]);
    let message = &findings[0].message;
    assert!(message.contains("Event 10"), "{message}");
    assert!(message.contains(&e.id.to_string()), "{message}");
    assert!(message.contains(&r.id.to_string()), "{message}");
    assert!(message.contains(&r.person.to_string()), "{message}");
}

#[test]
fn requirement_duplicate() {
    use mcn_core::{PostRole, Profession};
    let requirement = |n: u64, applies_to, outcomes: &[LearningOutcome]| TrainingRequirement {
        id: id(n),
        applies_to,
        level: EducationLevel::Core,
        outcomes: outcomes.to_vec(),
        renewal_months: None,
        note: None,
    };
    let leads = AppliesTo::Role(PostRole::LocalityLead);
    let both = [LearningOutcome::Wellbeing, LearningOutcome::Communication];
    let reordered = [LearningOutcome::Communication, LearningOutcome::Wellbeing];
    let requirements = [
        requirement(1, leads, &both),
        requirement(2, AppliesTo::Profession(Profession::Nurse), &both),
        requirement(3, leads, &reordered),
        requirement(4, leads, &[LearningOutcome::Communication]),
    ];
    let data = TrainingData {
        training_requirements: &requirements,
        ..TrainingData::default()
    };
    let findings = validate(&data, as_of());
    assert_eq!(
        found(&findings),
        [pair(
            "training.requirement.duplicate",
            "/training_requirements/2"
        )]
    );
    assert_eq!(findings[0].related[0].as_str(), "/training_requirements/0");
    assert_eq!(findings[0].severity, Severity::Warning);
    let data = TrainingData {
        training_requirements: &requirements[..2],
        ..TrainingData::default()
    };
    assert!(validate(&data, as_of()).is_empty());
}
