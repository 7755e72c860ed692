//! Quorum examples for each rule form: count, fraction rounded up, required roles.

use std::num::NonZeroU32;

use mcn_core::{
    Period, PostRole,
    id::{OrganisationId, PersonId, PostId},
};
use mcn_governance::{
    AttendanceStatus, BodyKind, MeetingStatus, QuorumRule, QuorumThreshold, RequiredRoles,
    assess_meetings, assess_quorum,
    quorum::{Fraction, QuorumCheck, UnfilledReason},
};

use crate::fixture::{Holders, body, count_rule, d, meeting, org_seat, post_seat, present};

fn fraction_rule(n: u32, den: u32) -> QuorumRule {
    QuorumRule {
        threshold: QuorumThreshold::Fraction(Fraction::new(n, den).unwrap()),
        required_roles: vec![],
    }
}

/// A body with `n` voting post seats, each post held by one person; returns
/// the body, seats, holders and the people in seat order.
fn board(
    n: usize,
) -> (
    mcn_governance::Body,
    Vec<mcn_governance::Seat>,
    Holders,
    Vec<PersonId>,
) {
    let b = body("Board", BodyKind::Board, None);
    let mut seats = Vec::new();
    let mut holders = Holders::default();
    let mut people = Vec::new();
    for _ in 0..n {
        let post = PostId::generate();
        let person = PersonId::generate();
        seats.push(post_seat(&b, post, true));
        holders.0.push((post, person, Some(PostRole::Member)));
        people.push(person);
    }
    (b, seats, holders, people)
}

#[test]
fn count_rule_needs_that_many_voting_members() {
    let (b, seats, holders, people) = board(5);
    let mut m = meeting(&b, d(2025, 3, 1));
    m.attendance = people[..3].iter().copied().map(present).collect();
    let at_three = assess_quorum(&count_rule(3), &m, &seats, &holders);
    assert!(at_three.quorate);
    assert_eq!(
        (
            at_three.required,
            at_three.members_present,
            at_three.voting_seats
        ),
        (3, 3, 5)
    );
    assert_eq!(at_three.filled.len(), 3);
    assert_eq!(at_three.filled[0].person, people[0]);
    assert_eq!(
        at_three
            .unfilled
            .iter()
            .map(|u| u.reason)
            .collect::<Vec<_>>(),
        [UnfilledReason::Absent, UnfilledReason::Absent]
    );
    let at_four = assess_quorum(&count_rule(4), &m, &seats, &holders);
    assert!(!at_four.quorate);
    assert_eq!(at_four.required, 4);
}

#[test]
fn fraction_rounds_up() {
    let (b, seats, holders, people) = board(10);
    let rule = fraction_rule(1, 3); // 10 / 3 = 3.33 -> 4
    let mut m = meeting(&b, d(2025, 3, 1));
    m.attendance = people[..3].iter().copied().map(present).collect();
    let three = assess_quorum(&rule, &m, &seats, &holders);
    assert_eq!(three.required, 4);
    assert!(!three.quorate);
    m.attendance.push(present(people[3]));
    assert!(assess_quorum(&rule, &m, &seats, &holders).quorate);

    // Half of 9 seats is 4.5 -> 5.
    let (b9, seats9, holders9, people9) = board(9);
    let mut m9 = meeting(&b9, d(2025, 3, 1));
    m9.attendance = people9[..4].iter().copied().map(present).collect();
    let four = assess_quorum(&fraction_rule(1, 2), &m9, &seats9, &holders9);
    assert_eq!((four.required, four.quorate), (5, false));
}

#[test]
fn only_current_voting_seats_of_the_body_count() {
    let (b, mut seats, mut holders, people) = board(2);
    // A non-voting seat, an expired seat, a future seat and another body's seat.
    let other = body("Other", BodyKind::WorkingGroup, None);
    for (seat_body, voting, period) in [
        (&b, false, Period::starting(d(2020, 1, 1))),
        (
            &b,
            true,
            Period::new(d(2020, 1, 1), Some(d(2024, 12, 31))).unwrap(),
        ),
        (&b, true, Period::starting(d(2025, 3, 2))),
        (&other, true, Period::starting(d(2020, 1, 1))),
    ] {
        let post = PostId::generate();
        let mut seat = post_seat(seat_body, post, voting);
        seat.period = period;
        seats.push(seat);
        holders.0.push((post, people[0], None));
    }
    let mut m = meeting(&b, d(2025, 3, 1));
    m.attendance = vec![present(people[0])];
    let q = assess_quorum(&fraction_rule(1, 1), &m, &seats, &holders);
    assert_eq!(q.voting_seats, 2);
    assert_eq!((q.required, q.members_present, q.quorate), (2, 1, false));
}

#[test]
fn only_present_members_count() {
    let (b, seats, holders, people) = board(4);
    let mut m = meeting(&b, d(2025, 3, 1));
    m.attendance = vec![present(people[0])];
    for (person, status) in [
        (people[1], AttendanceStatus::Apologies),
        (people[2], AttendanceStatus::Absent),
        (people[3], AttendanceStatus::InAttendance),
    ] {
        let mut entry = present(person);
        entry.status = status;
        m.attendance.push(entry);
    }
    let q = assess_quorum(&count_rule(2), &m, &seats, &holders);
    assert_eq!((q.members_present, q.quorate), (1, false));
}

#[test]
fn a_person_in_two_seats_counts_once_and_the_matching_is_maximal() {
    let b = body("Board", BodyKind::Board, None);
    let (post_a, post_b) = (PostId::generate(), PostId::generate());
    let (ann, bob) = (PersonId::generate(), PersonId::generate());
    // Ann holds both posts; Bob holds post A too (a job share).
    let holders = Holders(vec![
        (post_a, ann, None),
        (post_a, bob, None),
        (post_b, ann, None),
    ]);
    let seats = vec![post_seat(&b, post_a, true), post_seat(&b, post_b, true)];
    let mut m = meeting(&b, d(2025, 3, 1));
    m.attendance = vec![present(ann)];
    let alone = assess_quorum(&count_rule(2), &m, &seats, &holders);
    assert_eq!((alone.members_present, alone.quorate), (1, false));
    assert_eq!(alone.unfilled[0].reason, UnfilledReason::CountedElsewhere);

    // With Bob there, Bob fills seat A and Ann seat B: two members.
    m.attendance.push(present(bob));
    let both = assess_quorum(&count_rule(2), &m, &seats, &holders);
    assert_eq!((both.members_present, both.quorate), (2, true));
    assert_eq!(both.filled[0].person, bob);
    assert_eq!(both.filled[1].person, ann);
}

#[test]
fn organisation_seats_are_filled_by_representatives() {
    let b = body("Steering group", BodyKind::SteeringGroup, None);
    let (hospice, trust) = (OrganisationId::generate(), OrganisationId::generate());
    let seats = vec![org_seat(&b, hospice), org_seat(&b, trust)];
    let (r1, r2) = (PersonId::generate(), PersonId::generate());
    let mut m = meeting(&b, d(2025, 3, 1));
    let rep = |person, org| {
        let mut entry = present(person);
        entry.on_behalf_of = Some(org);
        entry
    };
    // Two hospice representatives fill the one hospice seat once.
    m.attendance = vec![rep(r1, hospice), rep(r2, hospice)];
    let q = assess_quorum(&count_rule(2), &m, &seats, &Holders::default());
    assert_eq!((q.members_present, q.quorate), (1, false));
    assert_eq!(q.unfilled[0].reason, UnfilledReason::Absent);
    m.attendance[1] = rep(r2, trust);
    assert!(assess_quorum(&count_rule(2), &m, &seats, &Holders::default()).quorate);
    // Present without on_behalf_of fills no organisation seat.
    m.attendance = vec![present(r1), present(r2)];
    assert_eq!(
        assess_quorum(&count_rule(1), &m, &seats, &Holders::default()).members_present,
        0
    );
}

#[test]
fn vacant_post_seats_are_reported() {
    let (b, mut seats, holders, people) = board(1);
    seats.push(post_seat(&b, PostId::generate(), true)); // nobody holds it
    let mut m = meeting(&b, d(2025, 3, 1));
    m.attendance = vec![present(people[0])];
    let q = assess_quorum(&count_rule(1), &m, &seats, &holders);
    assert!(q.quorate);
    assert_eq!(q.unfilled.len(), 1);
    assert_eq!(q.unfilled[0].seat, seats[1].id);
    assert_eq!(q.unfilled[0].reason, UnfilledReason::Vacant);
}

#[test]
fn required_roles_with_any_of() {
    let (b, mut seats, mut holders, people) = board(3);
    let (chair_post, vice_post) = (PostId::generate(), PostId::generate());
    let (chair, vice) = (PersonId::generate(), PersonId::generate());
    seats.push(post_seat(&b, chair_post, true));
    seats.push(post_seat(&b, vice_post, false)); // a non-voting seat still shows the role
    holders.0.push((chair_post, chair, Some(PostRole::Chair)));
    holders.0.push((vice_post, vice, Some(PostRole::ViceChair)));
    let rule = QuorumRule {
        threshold: QuorumThreshold::Count(NonZeroU32::new(2).unwrap()),
        required_roles: vec![
            RequiredRoles::any_of(vec![PostRole::Chair, PostRole::ViceChair]).unwrap(),
        ],
    };
    let mut m = meeting(&b, d(2025, 3, 1));
    m.attendance = people.iter().copied().map(present).collect();
    let no_chair = assess_quorum(&rule, &m, &seats, &holders);
    assert!(
        !no_chair.quorate,
        "three members but neither chair nor vice-chair"
    );
    assert_eq!(no_chair.members_present, 3);
    assert_eq!(no_chair.missing_roles, rule.required_roles);

    m.attendance.push(present(vice));
    let with_vice = assess_quorum(&rule, &m, &seats, &holders);
    assert!(with_vice.quorate);
    assert!(with_vice.missing_roles.is_empty());
    let vice_present = with_vice
        .roles_present
        .iter()
        .find(|r| r.role == PostRole::ViceChair)
        .unwrap();
    assert_eq!(vice_present.person, vice);
    assert!(
        !with_vice
            .roles_present
            .iter()
            .any(|r| r.role == PostRole::Chair)
    );

    // Chair strictly required: the vice-chair does not do.
    let strict = QuorumRule {
        required_roles: vec![
            RequiredRoles::role(PostRole::Chair),
            RequiredRoles::role(PostRole::ViceChair),
        ],
        ..rule.clone()
    };
    let q = assess_quorum(&strict, &m, &seats, &holders);
    assert!(!q.quorate);
    assert_eq!(q.missing_roles, vec![RequiredRoles::role(PostRole::Chair)]);
    m.attendance.push(present(chair));
    assert!(assess_quorum(&strict, &m, &seats, &holders).quorate);
}

#[test]
fn a_body_with_no_voting_seat_is_never_quorate() {
    let b = body("Forum", BodyKind::ParentCarerForum, None);
    let m = meeting(&b, d(2025, 3, 1));
    let q = assess_quorum(&fraction_rule(1, 2), &m, &[], &Holders::default());
    assert_eq!((q.required, q.voting_seats, q.quorate), (1, 0, false));
}

#[test]
fn assess_meetings_uses_the_terms_in_force_and_skips_unheld_meetings() {
    let (mut b, seats, holders, people) = board(4);
    // Quorum 1 until 2025, then 3 of 4 (fraction 3/4).
    let mut newer = crate::fixture::terms("2.0", Some(d(2025, 1, 1)), d(2030, 1, 1));
    newer.quorum = fraction_rule(3, 4);
    b.terms_of_reference.push(newer);
    let mut early = meeting(&b, d(2024, 6, 1));
    early.attendance = vec![present(people[0])];
    let mut late = early.clone();
    late.date = d(2025, 6, 1);
    let mut cancelled = late.clone();
    cancelled.status = MeetingStatus::Cancelled;
    let mut before_terms = early.clone();
    before_terms.date = d(2020, 1, 2);
    let mut orphan = early.clone();
    orphan.body = mcn_core::id::BodyId::generate();
    let meetings = vec![early, late, cancelled, before_terms, orphan];
    let checks = assess_meetings(&[b], &seats, &meetings, &holders);
    assert_eq!(
        checks.iter().map(|c| c.meeting).collect::<Vec<_>>(),
        [0, 1, 3, 4]
    );
    let QuorumCheck::Assessed(first) = &checks[0].check else {
        panic!()
    };
    assert!(first.quorate);
    let QuorumCheck::Assessed(second) = &checks[1].check else {
        panic!()
    };
    assert_eq!((second.required, second.quorate), (3, false));
    assert_eq!(checks[2].check, QuorumCheck::NoTermsOfReference);
    assert_eq!(checks[3].check, QuorumCheck::UnknownBody);
    // The explanation serialises for reports.
    let json = serde_json::to_value(&checks[1]).unwrap();
    assert_eq!(json["check"]["assessed"]["quorate"], false);
}

/// Thousands of seats held by one organisation and thousands of its
/// representatives present: the seats are matched as one group (this took
/// minutes with a per-seat search) and the assessment names only a sample.
#[test]
fn a_large_organisation_fan_in_is_counted_not_listed() {
    use mcn_governance::quorum::SEAT_SAMPLE;
    let b = body("Assembly", BodyKind::SteeringGroup, None);
    let hospice = OrganisationId::generate();
    let other = OrganisationId::generate();
    let mut seats: Vec<_> = (0..3000).map(|_| org_seat(&b, hospice)).collect();
    seats.push(org_seat(&b, other));
    let mut m = meeting(&b, d(2025, 3, 1));
    m.attendance = (0..2000)
        .map(|_| {
            let mut entry = present(PersonId::generate());
            entry.on_behalf_of = Some(hospice);
            entry
        })
        .collect();
    let q = assess_quorum(&fraction_rule(1, 2), &m, &seats, &Holders::default());
    assert_eq!(
        (q.voting_seats, q.members_present, q.required, q.quorate),
        (3001, 2000, 1501, true)
    );
    assert_eq!(q.unfilled_counts.counted_elsewhere, 1000);
    assert_eq!(q.unfilled_counts.absent, 1);
    assert_eq!(q.filled.len(), SEAT_SAMPLE);
    assert_eq!(q.unfilled.len(), SEAT_SAMPLE);
    // The first seats in seat order are the ones named, each once.
    assert_eq!(q.filled[0].seat, seats[0].id);
    assert_eq!(q.filled[0].person, m.attendance[0].person);
    assert_eq!(q.unfilled[0].seat, seats[2000].id);
    let json = serde_json::to_string(&q).unwrap();
    assert!(json.len() < 4000, "{} bytes", json.len());
}

#[test]
fn the_terms_timeline_agrees_with_terms_as_of() {
    let mut b = body("Board", BodyKind::Board, None);
    let dates = [
        Some(d(2022, 1, 1)),
        None,
        Some(d(2021, 6, 1)),
        Some(d(2022, 1, 1)),
        Some(d(2024, 3, 1)),
    ];
    for (i, date) in dates.into_iter().enumerate() {
        let version = if i == 3 {
            "1.5".to_owned()
        } else {
            format!("{}.0", i + 2)
        };
        b.terms_of_reference
            .push(crate::fixture::terms(&version, date, d(2030, 1, 1)));
    }
    let timeline = b.terms_timeline();
    let mut day = d(2019, 1, 1);
    while day < d(2025, 1, 1) {
        assert_eq!(timeline.as_of(day), b.terms_as_of(day), "{day}");
        day = day.succ_opt().unwrap();
    }
    assert!(
        mcn_governance::Body {
            terms_of_reference: vec![],
            ..b.clone()
        }
        .terms_timeline()
        .as_of(d(2025, 1, 1))
        .is_none()
    );
}
