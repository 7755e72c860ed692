//! `assess_meetings` sweeps through time; `assess_quorum` walks a body's
//! seats for one meeting. Their results must be identical, meeting by
//! meeting: the per-meeting walk is the oracle.

use std::collections::HashMap;

use chrono::Days;
use mcn_core::{
    NaiveDate, Period, PostRole,
    id::{BodyId, OrganisationId, PersonId, PostId, SeatId},
};
use mcn_governance::{
    Attendance, AttendanceStatus, Body, BodyKind, Meeting, MeetingStatus, Seat, SeatHolder,
    SeatHolders, assess_meetings, assess_quorum,
    quorum::{Holding, MeetingQuorum, QuorumCheck},
    strategy,
};
use proptest::prelude::*;

use crate::fixture::{body, d, meeting, terms};

/// Holders with dated holdings; `post_holders` is the trait's default.
#[derive(Debug)]
struct Timed {
    holdings: Vec<Holding>,
    roles: HashMap<PostId, PostRole>,
}

impl SeatHolders for Timed {
    fn holdings(&self) -> Vec<Holding> {
        self.holdings.clone()
    }

    fn post_role(&self, post: PostId) -> Option<PostRole> {
        self.roles.get(&post).copied()
    }
}

/// The per-meeting computation `assess_meetings` replaced.
fn oracle(
    bodies: &[Body],
    seats: &[Seat],
    meetings: &[Meeting],
    holders: &Timed,
) -> Vec<MeetingQuorum> {
    meetings
        .iter()
        .enumerate()
        .filter(|(_, m)| m.status == MeetingStatus::Held)
        .map(|(i, m)| {
            let check = match bodies.iter().find(|b| b.id == m.body) {
                None => QuorumCheck::UnknownBody,
                Some(body) => match body.terms_as_of(m.date) {
                    None => QuorumCheck::NoTermsOfReference,
                    Some((_, terms)) => QuorumCheck::Assessed(assess_quorum(
                        &terms.quorum,
                        m,
                        seats.iter().filter(|s| s.body == m.body),
                        holders,
                    )),
                },
            };
            MeetingQuorum {
                meeting: i,
                id: m.id,
                check,
            }
        })
        .collect()
}

/// Day `n` of a short stretch, so periods and meetings share boundary dates.
fn day(n: u64) -> NaiveDate {
    d(2025, 1, 1).checked_add_days(Days::new(n)).unwrap()
}

/// A period from day `start`, `length` more days or open-ended.
fn period(start: u64, length: Option<u64>) -> Period {
    Period::new(day(start), length.map(|l| day(start + l))).unwrap()
}

#[derive(Debug)]
struct Case {
    bodies: Vec<Body>,
    seats: Vec<Seat>,
    meetings: Vec<Meeting>,
    holders: Timed,
}

/// Body, day, held, attendance.
type MeetingSpec = (
    usize,
    u64,
    bool,
    Vec<(usize, Option<usize>, AttendanceStatus)>,
);

/// A meeting: body (3: unknown), day, held, attendance (person,
/// organisation represented, status).
fn meeting_spec() -> impl Strategy<Value = MeetingSpec> {
    (
        0_usize..4,
        0_u64..24,
        prop::bool::weighted(0.85),
        prop::collection::vec(
            (
                0_usize..7,
                prop::option::of(0_usize..3),
                prop_oneof![
                    4 => Just(AttendanceStatus::Present),
                    1 => Just(AttendanceStatus::Apologies),
                    1 => Just(AttendanceStatus::Absent),
                    1 => Just(AttendanceStatus::InAttendance),
                ],
            ),
            0..8,
        ),
    )
}

fn case() -> impl Strategy<Value = Case> {
    let span = || (0_u64..16, prop::option::of(0_u64..8));
    let roles = prop::option::of(prop_oneof![
        Just(PostRole::Chair),
        Just(PostRole::ViceChair),
        Just(PostRole::Member),
    ]);
    (
        // Bodies: versions of the terms of reference (approval day or none, rule).
        prop::collection::vec(
            prop::collection::vec((prop::option::of(0_u64..16), strategy::quorum_rule()), 0..3),
            1..4,
        ),
        // Seats: body, post (or organisation), voting, period.
        prop::collection::vec(
            (0_usize..4, any::<bool>(), 0_usize..5, any::<bool>(), span()),
            0..14,
        ),
        // Holdings: post, person, period (overlapping, repeated, withdrawn).
        prop::collection::vec((0_usize..5, 0_usize..7, span()), 0..12),
        prop::collection::vec(roles, 5),
        // Meetings: body (3: unknown), day, held, attendance.
        prop::collection::vec(meeting_spec(), 0..8),
    )
        .prop_map(
            |(body_specs, seat_specs, holding_specs, post_roles, meeting_specs)| {
                let people: Vec<PersonId> = (0..7).map(|_| PersonId::generate()).collect();
                let posts: Vec<PostId> = (0..5).map(|_| PostId::generate()).collect();
                let orgs: Vec<OrganisationId> =
                    (0..3).map(|_| OrganisationId::generate()).collect();
                let bodies: Vec<Body> = body_specs
                    .into_iter()
                    .map(|versions| {
                        let mut b = body("Board", BodyKind::SteeringGroup, None);
                        b.terms_of_reference = versions
                            .into_iter()
                            .enumerate()
                            .map(|(i, (approved, rule))| {
                                let mut t = terms(&format!("1.{i}"), approved.map(day), day(400));
                                t.quorum = rule;
                                t
                            })
                            .collect();
                        b
                    })
                    .collect();
                let unknown = BodyId::generate();
                let body_id = |i: usize| bodies.get(i).map_or(unknown, |b| b.id);
                let seats = seat_specs
                    .into_iter()
                    .map(|(b, is_post, holder, voting, (start, length))| Seat {
                        id: SeatId::generate(),
                        body: body_id(b),
                        holder: if is_post {
                            SeatHolder::Post(posts[holder])
                        } else {
                            SeatHolder::Organisation(orgs[holder % orgs.len()])
                        },
                        voting,
                        period: period(start, length),
                        title: None,
                    })
                    .collect();
                let holdings = holding_specs
                    .into_iter()
                    .map(|(post, person, (start, length))| Holding {
                        post: posts[post],
                        person: people[person],
                        period: period(start, length),
                    })
                    .collect();
                let roles = posts
                    .iter()
                    .zip(post_roles)
                    .filter_map(|(post, role)| role.map(|r| (*post, r)))
                    .collect();
                let meetings = meeting_specs
                    .into_iter()
                    .map(|(b, on, held, attendance)| {
                        let mut m = meeting(&bodies[0], day(on));
                        m.body = body_id(b);
                        if !held {
                            m.status = MeetingStatus::Cancelled;
                        }
                        m.attendance = attendance
                            .into_iter()
                            .map(|(person, org, status)| Attendance {
                                person: people[person],
                                on_behalf_of: org.map(|o| orgs[o]),
                                status,
                            })
                            .collect();
                        m
                    })
                    .collect();
                Case {
                    bodies,
                    seats,
                    meetings,
                    holders: Timed { holdings, roles },
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_sweep_agrees_with_each_meeting_assessed_alone(case in case()) {
        let Case { bodies, seats, meetings, holders } = &case;
        let swept = assess_meetings(bodies, seats, meetings, holders);
        let alone = oracle(bodies, seats, meetings, holders);
        prop_assert_eq!(swept, alone);
    }
}

#[test]
fn many_seats_with_few_present_report_the_same_samples() {
    // 40 voting seats of 40 posts, half of them held; two holders present:
    // the samples name the same seats whichever way they are found.
    let b = body("Board", BodyKind::SteeringGroup, None);
    let posts: Vec<PostId> = (0..40).map(|_| PostId::generate()).collect();
    let people: Vec<PersonId> = (0..40).map(|_| PersonId::generate()).collect();
    let seats: Vec<Seat> = posts
        .iter()
        .map(|&post| crate::fixture::post_seat(&b, post, true))
        .collect();
    let holdings = (0..40)
        .step_by(2)
        .map(|i| Holding {
            post: posts[i],
            person: people[i],
            period: Period::starting(d(2020, 1, 1)),
        })
        .collect();
    let holders = Timed {
        holdings,
        roles: HashMap::from([(posts[4], PostRole::Chair)]),
    };
    let mut m = meeting(&b, d(2025, 3, 1));
    m.attendance = vec![
        crate::fixture::present(people[4]),
        crate::fixture::present(people[30]),
    ];
    let meetings = vec![m];
    let bodies = vec![b];
    let swept = assess_meetings(&bodies, &seats, &meetings, &holders);
    assert_eq!(swept, oracle(&bodies, &seats, &meetings, &holders));
    let QuorumCheck::Assessed(q) = &swept[0].check else {
        panic!("assessed: {swept:?}");
    };
    assert_eq!((q.voting_seats, q.members_present), (40, 2));
    assert_eq!(q.unfilled_counts.vacant, 20);
    assert_eq!(q.unfilled_counts.absent, 18);
    assert_eq!(q.roles_present.len(), 1);
}
