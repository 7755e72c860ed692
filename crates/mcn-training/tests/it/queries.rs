//! Worked examples for the figures: event stats, reach, barriers, training
//! needs and xAPI statements.

use mcn_core::{Period, PostRole, Profession, id::*};
use mcn_training::*;

use crate::fixtures::*;

fn year() -> Period {
    Period::new(d(2025, 1, 1), Some(d(2025, 12, 31))).unwrap()
}

#[test]
fn event_stats_counts_rates_and_feedback() {
    let e = event(10, d(2025, 3, 1)); // capacity 10
    let mut unlimited = event(11, d(2025, 3, 2));
    unlimited.capacity = None;
    let mut a = reg(20, &e, 1, RegistrationStatus::Attended);
    a.feedback = Some(feedback(5, 4, true));
    let mut b = reg(21, &e, 2, RegistrationStatus::Attended);
    b.feedback = Some(feedback(4, 3, false));
    let c = reg(22, &e, 3, RegistrationStatus::Attended);
    let mut dna = reg(23, &e, 4, RegistrationStatus::DidNotAttend);
    dna.feedback = Some(feedback(1, 1, false)); // ignored: not attended
    let regs = [
        a,
        b,
        c,
        dna,
        reg(24, &e, 5, RegistrationStatus::Cancelled),
        reg(25, &e, 6, RegistrationStatus::WaitListed),
        reg(26, &e, 7, RegistrationStatus::Booked),
        reg(27, &unlimited, 1, RegistrationStatus::Booked),
    ];
    let mut orphan = reg(28, &e, 9, RegistrationStatus::Attended);
    orphan.event = id(99);
    let mut all = regs.to_vec();
    all.push(orphan);

    let stats = event_stats(&[e.clone(), unlimited.clone()], &all);
    assert_eq!(stats.len(), 2);
    let s = &stats[0];
    assert_eq!((s.event, s.index), (e.id, 0));
    assert_eq!(
        (
            s.booked,
            s.wait_listed,
            s.attended,
            s.did_not_attend,
            s.cancelled
        ),
        (1, 1, 3, 1, 1)
    );
    assert_eq!(s.places_taken, 5);
    assert_eq!(s.capacity, Some(10));
    assert_eq!(s.fill_rate, Some(0.5));
    assert_eq!(
        s.attendance_rate.map(mcn_core::Proportion::value),
        Some(0.75)
    );
    assert_eq!(s.feedback.responses, 2);
    assert_eq!(s.feedback.mean_overall, Some(4.5));
    assert_eq!(s.feedback.mean_relevance, Some(3.5));
    assert_eq!(
        s.feedback.would_recommend.map(mcn_core::Proportion::value),
        Some(0.5)
    );

    let u = &stats[1];
    assert_eq!((u.booked, u.places_taken, u.fill_rate), (1, 1, None));
    assert_eq!(u.attendance_rate, None);
    assert_eq!(u.feedback.mean_overall, None);
    assert_eq!(u.feedback.would_recommend, None);
}

#[test]
fn fill_rate_exceeds_one_when_overbooked() {
    let mut e = event(10, d(2025, 3, 1));
    e.capacity = Some(Capacity::new(2).unwrap());
    let regs: Vec<_> = (0..3)
        .map(|i| reg(20 + i, &e, i, RegistrationStatus::Booked))
        .collect();
    assert_eq!(event_stats(&[e], &regs)[0].fill_rate, Some(1.5));
}

/// `r` from organisation `org`.
fn with_org(mut r: Registration, org: u64) -> Registration {
    r.organisation = id(org);
    r
}

#[test]
fn reach_counts_distinct_people_and_organisations_per_key_level_and_outcome() {
    let core = course(
        1,
        EducationLevel::Core,
        &[LearningOutcome::SymptomManagement],
    );
    let mut a = event(10, d(2025, 3, 1)); // universal, communication
    a.locality = Some(id(801));
    let mut b = event(11, d(2025, 4, 1));
    b.course = Some(core.id);
    b.level = None;
    b.outcomes = vec![];
    let mut cancelled = event(12, d(2025, 5, 1));
    cancelled.status = EventStatus::Cancelled;
    let last_year = event(13, d(2024, 5, 1));
    let mut unlevelled = event(14, d(2025, 6, 1));
    unlevelled.level = None;
    unlevelled.outcomes = vec![];

    let regs = [
        with_org(reg(20, &a, 1, RegistrationStatus::Attended), 701),
        with_org(reg(21, &a, 2, RegistrationStatus::Attended), 701),
        with_org(reg(22, &b, 1, RegistrationStatus::Attended), 702),
        with_org(reg(23, &b, 3, RegistrationStatus::DidNotAttend), 703),
        with_org(reg(24, &cancelled, 4, RegistrationStatus::Attended), 704),
        with_org(reg(25, &last_year, 5, RegistrationStatus::Attended), 705),
        with_org(reg(26, &unlevelled, 6, RegistrationStatus::Attended), 706),
    ];
    let events = [a.clone(), b, cancelled, last_year, unlevelled];
    let courses = [core];
    let data = TrainingData {
        courses: &courses,
        events: &events,
        registrations: &regs,
        ..TrainingData::default()
    };
    // Organisations 701 and 702 in group "a", the others in "b".
    let r = reach(&data, year(), |o| if o <= id(702) { "a" } else { "b" });

    assert_eq!(
        r.total.all,
        ReachFigures {
            people: 3,
            organisations: 3,
            attendances: 4
        }
    );
    let level = |b: &ReachBreakdown, l: EducationLevel| {
        b.by_level.iter().find(|x| x.level == l).unwrap().reach
    };
    let outcome = |b: &ReachBreakdown, o: LearningOutcome| {
        b.by_outcome.iter().find(|x| x.outcome == o).unwrap().reach
    };
    assert_eq!(level(&r.total, EducationLevel::Universal).people, 2);
    assert_eq!(level(&r.total, EducationLevel::Core).people, 1);
    assert_eq!(
        level(&r.total, EducationLevel::Specialist),
        ReachFigures::default()
    );
    assert_eq!(
        outcome(&r.total, LearningOutcome::Communication).organisations,
        1
    );
    assert_eq!(
        outcome(&r.total, LearningOutcome::SymptomManagement).people,
        1
    );
    assert_eq!(r.total.by_level.len(), 4);
    assert_eq!(r.total.by_outcome.len(), 4);

    // Localities sorted by key: Some(800) (events b and unlevelled) then Some(801) (event a).
    let keys: Vec<_> = r.by_locality.iter().map(|g| g.key).collect();
    assert_eq!(keys, [Some(id::<LocalityId>(800)), Some(id(801))]);
    assert_eq!(r.by_locality[0].reach.people, 2);
    let figures = |people, organisations, attendances| ReachFigures {
        people,
        organisations,
        attendances,
    };
    assert_eq!(r.by_locality[1].reach, figures(2, 1, 2));

    // Person 1 came from 701 (group a) and 702 (group a); 2 from 701; 6 from 706 (b).
    let groups: Vec<_> = r.by_group.iter().map(|g| (g.key, g.reach)).collect();
    assert_eq!(groups, [("a", figures(2, 2, 3)), ("b", figures(1, 1, 1))]);
    let organisations: Vec<_> = r.by_organisation.iter().map(|g| (g.key, g.reach)).collect();
    assert_eq!(
        organisations,
        [
            (id(701), figures(2, 1, 2)),
            (id(702), figures(1, 1, 1)),
            (id(706), figures(1, 1, 1))
        ]
    );

    // Who was trained where: people 1 and 2 at event a (locality 801); 1 and
    // 6 at events of locality 800.
    let located: Vec<_> = r.located.iter().map(|(l, p)| (*l, *p)).collect();
    let expected: Vec<(LocalityId, PersonId)> = vec![
        (id(800), id(1)),
        (id(800), id(6)),
        (id(801), id(1)),
        (id(801), id(2)),
    ];
    assert_eq!(located, expected);
}

#[test]
fn reach_lists_the_organisations_attending_each_event_beyond_its_host() {
    let mut a = event(10, d(2025, 3, 1));
    a.host = id(701);
    let b = event(11, d(2025, 3, 2));
    let outside = event(12, d(2024, 3, 2));
    let (attended, missed) = (
        RegistrationStatus::Attended,
        RegistrationStatus::DidNotAttend,
    );
    // (event, person, status, organisation), numbered from 20.
    let rows = [
        (&a, 1, attended, 701), // the host
        (&a, 2, attended, 703),
        (&a, 3, attended, 702),
        (&a, 4, attended, 703),
        (&a, 5, missed, 704),
        (&b, 1, missed, 702),
        (&outside, 1, attended, 702),
    ];
    let regs: Vec<Registration> = (20..)
        .zip(rows)
        .map(|(n, (event, person, status, org))| with_org(reg(n, event, person, status), org))
        .collect();
    let events = [a, b, outside];
    let data = TrainingData {
        events: &events,
        registrations: &regs,
        ..TrainingData::default()
    };
    let r = reach(&data, year(), |_| ());
    assert_eq!(
        r.beyond_host,
        [Some(vec![id(703), id(702)]), None, None],
        "in order of first registration, each once; none for an event nobody attended"
    );
}

#[test]
fn reach_groups_past_the_mask_bits_count_the_same() {
    // 40 organisations in 40 groups (more than fit in a bit mask), two people
    // each: one their own, one shared by each pair of organisations.
    let e = event(10, d(2025, 3, 1));
    let mut regs = Vec::new();
    for o in 0..40_u64 {
        let mut r = reg(1_000 + 2 * o, &e, 100 + o, RegistrationStatus::Attended);
        r.organisation = id(700 + o);
        regs.push(r);
        let mut r = reg(1_001 + 2 * o, &e, 200 + o / 2, RegistrationStatus::Attended);
        r.organisation = id(700 + o);
        regs.push(r);
    }
    let events = [e];
    let data = TrainingData {
        events: &events,
        registrations: &regs,
        ..TrainingData::default()
    };
    let r = reach(&data, year(), |o| o);
    assert_eq!(r.by_group.len(), 40);
    let by_group: Vec<_> = r.by_group.iter().map(|g| (g.key, g.reach)).collect();
    let by_organisation: Vec<_> = r.by_organisation.iter().map(|g| (g.key, g.reach)).collect();
    assert_eq!(by_group, by_organisation);
    assert!(
        by_group
            .iter()
            .all(|(_, f)| f.people == 2 && f.attendances == 2)
    );
    assert_eq!(r.total.all.people, 60);
}

#[test]
fn barriers_counts_and_shares_by_barrier_and_delivery() {
    let in_person = event(10, d(2025, 3, 1));
    let mut online = event(11, d(2025, 3, 2));
    online.delivery = Delivery::Virtual;
    let mut cancelled = event(12, d(2025, 3, 3));
    cancelled.status = EventStatus::Cancelled;
    let with = |mut r: Registration, b: Option<AccessBarrier>| {
        r.barrier = b;
        r
    };
    let regs = [
        with(
            reg(20, &in_person, 1, RegistrationStatus::DidNotAttend),
            Some(AccessBarrier::NoRelease),
        ),
        with(
            reg(21, &in_person, 2, RegistrationStatus::Cancelled),
            Some(AccessBarrier::NoRelease),
        ),
        with(
            reg(22, &in_person, 3, RegistrationStatus::WaitListed),
            Some(AccessBarrier::EventFull),
        ),
        with(
            reg(23, &online, 4, RegistrationStatus::DidNotAttend),
            Some(AccessBarrier::Timing),
        ),
        with(reg(24, &online, 5, RegistrationStatus::DidNotAttend), None),
        // Not counted: attended, booked, cancelled event.
        with(
            reg(25, &online, 6, RegistrationStatus::Attended),
            Some(AccessBarrier::Cost),
        ),
        with(
            reg(26, &online, 7, RegistrationStatus::Booked),
            Some(AccessBarrier::Cost),
        ),
        with(
            reg(27, &cancelled, 8, RegistrationStatus::Cancelled),
            Some(AccessBarrier::Cost),
        ),
    ];
    let s = barriers(&[in_person, online, cancelled], &regs, year());
    assert_eq!((s.overall.missed, s.overall.recorded), (5, 4));
    let count = |b: &BarrierBreakdown, x: AccessBarrier| {
        *b.barriers.iter().find(|c| c.barrier == x).unwrap()
    };
    let no_release = count(&s.overall, AccessBarrier::NoRelease);
    assert_eq!(no_release.count, 2);
    assert_eq!(no_release.share.map(mcn_core::Proportion::value), Some(0.5));
    assert_eq!(count(&s.overall, AccessBarrier::Cost).count, 0);
    assert_eq!(
        count(&s.overall, AccessBarrier::Cost)
            .share
            .map(mcn_core::Proportion::value),
        Some(0.0)
    );
    let by = |d: Delivery| {
        &s.by_delivery
            .iter()
            .find(|x| x.delivery == d)
            .unwrap()
            .barriers
    };
    assert_eq!(
        (
            by(Delivery::InPerson).missed,
            by(Delivery::InPerson).recorded
        ),
        (3, 3)
    );
    assert_eq!(
        (by(Delivery::Virtual).missed, by(Delivery::Virtual).recorded),
        (2, 1)
    );
    assert_eq!(by(Delivery::Blended).missed, 0);
    assert_eq!(
        count(by(Delivery::Blended), AccessBarrier::Cost).share,
        None
    );

    let outside = Period::new(d(2026, 1, 1), None).unwrap();
    assert_eq!(barriers(&[], &regs, outside).overall.missed, 0);
}

#[test]
fn training_needs_met_expired_missing() {
    let as_of = d(2025, 6, 1);
    let leads = TrainingRequirement {
        id: id(40),
        applies_to: AppliesTo::Role(PostRole::LocalityLead),
        level: EducationLevel::Core,
        outcomes: vec![],
        renewal_months: Some(RenewalMonths::new(36).unwrap()),
        note: None,
    };
    let nurses = TrainingRequirement {
        id: id(41),
        applies_to: AppliesTo::Profession(Profession::Nurse),
        level: EducationLevel::Universal,
        outcomes: vec![LearningOutcome::Communication, LearningOutcome::Wellbeing],
        renewal_months: None,
        note: None,
    };
    let requirements = [leads.clone(), nurses];

    let mut specialist_2022 = event(10, d(2022, 5, 31)); // above core, 36 months -> 2025-05-31
    specialist_2022.level = Some(EducationLevel::Specialist);
    let mut core_2022_late = event(11, d(2022, 6, 1)); // exactly 36 months -> valid until 2025-06-01
    core_2022_late.level = Some(EducationLevel::Core);
    let mut wellbeing = event(12, d(2020, 1, 1)); // universal, wellbeing only
    wellbeing.outcomes = vec![LearningOutcome::Wellbeing];
    let communication = event(13, d(2024, 1, 1)); // universal, communication
    let mut future_core = event(14, d(2025, 7, 1));
    future_core.level = Some(EducationLevel::Core);
    let mut cancelled_core = event(15, d(2025, 1, 1));
    cancelled_core.level = Some(EducationLevel::Core);
    cancelled_core.status = EventStatus::Cancelled;
    let mut public_health = event(16, d(2025, 1, 1));
    public_health.level = Some(EducationLevel::PublicHealth);
    public_health.outcomes = LearningOutcome::ALL.to_vec();
    let events = [
        specialist_2022.clone(),
        core_2022_late.clone(),
        wellbeing.clone(),
        communication.clone(),
        future_core.clone(),
        cancelled_core.clone(),
        public_health.clone(),
    ];
    let regs = [
        // person 1: expired (specialist 2022-05-31), ignores future and cancelled core
        reg(20, &specialist_2022, 1, RegistrationStatus::Attended),
        reg(21, &future_core, 1, RegistrationStatus::Attended),
        reg(22, &cancelled_core, 1, RegistrationStatus::Attended),
        // person 2: met on the last valid day; nurse covering both outcomes at two events
        reg(23, &core_2022_late, 2, RegistrationStatus::Attended),
        reg(24, &wellbeing, 2, RegistrationStatus::Attended),
        reg(25, &communication, 2, RegistrationStatus::Attended),
        // person 3: nurse with only communication (and a public-health event, too low)
        reg(26, &communication, 3, RegistrationStatus::Attended),
        reg(27, &public_health, 3, RegistrationStatus::Attended),
        reg(28, &wellbeing, 3, RegistrationStatus::DidNotAttend),
    ];
    let lead = [PostRole::LocalityLead, PostRole::LocalityLead];
    let people = [
        Trainee {
            person: id(1),
            roles: &lead,
            profession: None,
        },
        Trainee {
            person: id(2),
            roles: &lead,
            profession: Some(Profession::Nurse),
        },
        Trainee {
            person: id(3),
            roles: &[],
            profession: Some(Profession::Nurse),
        },
        Trainee {
            person: id(4),
            roles: &[PostRole::Chair],
            profession: Some(Profession::Doctor),
        },
    ];
    let needs = training_needs(&requirements, &[], &events, &regs, &people, as_of);
    assert_eq!(needs.len(), 4);

    let p1 = &needs[0].needs;
    assert_eq!(p1.len(), 1, "duplicate roles give one entry");
    assert_eq!(p1[0].status, NeedStatus::Expired);
    assert_eq!(p1[0].last_trained, Some(d(2022, 5, 31)));
    assert_eq!(p1[0].valid_until, Some(d(2025, 5, 31)));

    let p2 = &needs[1].needs;
    assert_eq!(p2.iter().map(|n| n.index).collect::<Vec<_>>(), [0, 1]);
    assert_eq!(p2[0].status, NeedStatus::Met);
    assert_eq!(p2[0].valid_until, Some(as_of));
    assert_eq!(p2[1].status, NeedStatus::Met);
    assert_eq!(
        p2[1].last_trained,
        Some(d(2020, 1, 1)),
        "oldest per-outcome latest"
    );
    assert_eq!(p2[1].valid_until, None);

    let p3 = &needs[2].needs;
    assert_eq!(p3.len(), 1);
    assert_eq!(p3[0].requirement, id(41));
    assert_eq!(p3[0].status, NeedStatus::Missing);
    assert_eq!(p3[0].outcomes_missing, [LearningOutcome::Wellbeing]);
    assert_eq!(p3[0].last_trained, None);

    assert!(needs[3].needs.is_empty());

    // A day later, person 2's lead training has expired too.
    let later = training_needs(
        &requirements,
        &[],
        &events,
        &regs,
        &people[1..2],
        d(2025, 6, 2),
    );
    assert_eq!(later[0].needs[0].status, NeedStatus::Expired);
}

#[test]
fn training_needs_uses_course_level_and_clamps_month_ends() {
    let core = course(1, EducationLevel::Core, &[]);
    let mut e = event(10, d(2024, 1, 31));
    e.course = Some(core.id);
    e.level = None;
    let requirement = TrainingRequirement {
        id: id(40),
        applies_to: AppliesTo::Profession(Profession::Doctor),
        level: EducationLevel::Core,
        outcomes: vec![],
        renewal_months: Some(RenewalMonths::new(1).unwrap()),
        note: None,
    };
    let people = [Trainee {
        person: id(1),
        roles: &[],
        profession: Some(Profession::Doctor),
    }];
    let regs = [reg(20, &e, 1, RegistrationStatus::Attended)];
    let needs = training_needs(
        &[requirement],
        &[core],
        &[e],
        &regs,
        &people,
        d(2024, 2, 29),
    );
    assert_eq!(needs[0].needs[0].valid_until, Some(d(2024, 2, 29)));
    assert_eq!(needs[0].needs[0].status, NeedStatus::Met);
}

#[test]
fn statements_for_attendances() {
    let core = course(1, EducationLevel::Core, &[]);
    let standalone = event(10, d(2025, 3, 1));
    let mut session = event(11, d(2025, 3, 2));
    session.course = Some(core.id);
    let mut cancelled = event(12, d(2025, 3, 3));
    cancelled.status = EventStatus::Cancelled;
    let regs = [
        reg(20, &standalone, 1, RegistrationStatus::Attended),
        reg(21, &session, 2, RegistrationStatus::Attended),
        reg(22, &session, 3, RegistrationStatus::DidNotAttend),
        reg(23, &cancelled, 4, RegistrationStatus::Attended),
    ];
    let out = statements(&[standalone.clone(), session.clone(), cancelled], &regs);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0].verb, Verb::Attended);
    assert_eq!(out[0].object, StatementObject::Event(standalone.id));
    assert_eq!(out[0].actor, id(1));
    assert_eq!(out[1].object, StatementObject::Event(session.id));
    assert_eq!(out[2].verb, Verb::Completed);
    assert_eq!(out[2].object, StatementObject::Course(core.id));
    assert_eq!(out[2].timestamp, d(2025, 3, 2));
    assert_eq!(out[2].registration, id(21));
    assert_eq!(out[2].verb.id(), "http://adlnet.gov/expapi/verbs/completed");

    // A registration paired with the wrong event gives nothing.
    assert_eq!(Statement::attended(&regs[0], &session), None);
    assert_eq!(Statement::completed(&regs[0], &standalone), None);

    let json = serde_json::to_value(&out[2]).unwrap();
    assert_eq!(json["verb"], "completed");
    assert_eq!(json["object"]["course"], core.id.to_string());
    assert_eq!(json["timestamp"], "2025-03-02");
}

#[test]
fn outputs_serialise() {
    let e = event(10, d(2025, 3, 1));
    let regs = [reg(20, &e, 1, RegistrationStatus::Attended)];
    let stats = serde_json::to_value(event_stats(std::slice::from_ref(&e), &regs)).unwrap();
    assert_eq!(stats[0]["attendance_rate"], 1.0);
    let data = TrainingData {
        events: std::slice::from_ref(&e),
        registrations: &regs,
        ..TrainingData::default()
    };
    let r = serde_json::to_value(reach(&data, year(), |_| "all")).unwrap();
    assert_eq!(r["by_group"][0]["key"], "all");
    assert_eq!(r["by_group"][0]["reach"]["people"], 1);
    assert_eq!(r["total"]["by_level"][1]["level"], "universal");
    let b = serde_json::to_value(barriers(&[e], &regs, year())).unwrap();
    assert_eq!(b["overall"]["missed"], 0);
}
