//! Property tests: JSON round-trips, rules and queries never panic, and
//! queries agree with naive reference computations.

use std::collections::HashSet;

use chrono::{Days, Months};
use mcn_core::{
    NaiveDate, Period, PostRole,
    id::{OrganisationId, PersonId, PostId},
    strategy::{self as core, round_trips},
};
use mcn_governance::{
    ActionStatus, AttendanceStatus, Body, GovernanceData, MeetingStatus, ObjectiveStage,
    QuorumRule, QuorumThreshold, RiskStatus, Seat, SeatHolder, SeatHolders, assess_quorum,
    body_tree, cadence::Interval, cadence_by_body, queries, quorum::SEAT_SAMPLE, strategy,
    validate,
};
use proptest::prelude::*;

use crate::fixture::Holders;

proptest! {
    #[test]
    fn document_types_round_trip(
        body in strategy::body(),
        seat in strategy::seat(),
        meeting in strategy::meeting(),
        objective in strategy::objective(),
        risk in strategy::risk(),
        stream in strategy::funding_stream(),
        communication in strategy::communication(),
        threshold in strategy::risk_score(),
    ) {
        round_trips(&body)?;
        round_trips(&seat)?;
        round_trips(&meeting)?;
        round_trips(&objective)?;
        round_trips(&risk)?;
        round_trips(&stream)?;
        round_trips(&communication)?;
        round_trips(&threshold)?;
    }
}

/// Bodies, seats, meetings, objectives, risks, funding streams and a date.
type World = (
    Vec<Body>,
    Vec<Seat>,
    Vec<mcn_governance::Meeting>,
    Vec<mcn_governance::Objective>,
    Vec<mcn_governance::Risk>,
    Vec<mcn_governance::FundingStream>,
    NaiveDate,
);

/// Bodies, seats and meetings whose references mostly resolve.
fn linked_world() -> impl Strategy<Value = World> {
    (
        prop::collection::vec(strategy::body(), 0..6),
        prop::collection::vec(strategy::seat(), 0..6),
        prop::collection::vec(strategy::meeting(), 0..6),
        prop::collection::vec(any::<(usize, usize, bool)>(), 12),
        prop::collection::vec(strategy::objective(), 0..4),
        prop::collection::vec(strategy::risk(), 0..4),
        prop::collection::vec(strategy::funding_stream(), 0..4),
        core::date(),
    )
        .prop_map(
            |(mut bodies, mut seats, mut meetings, picks, objectives, risks, streams, as_of)| {
                let n = bodies.len();
                if n > 0 {
                    let ids: Vec<_> = bodies.iter().map(|b| b.id).collect();
                    for (i, body) in bodies.iter_mut().enumerate() {
                        let (p, _, keep) = picks[i % picks.len()];
                        body.reports_to = keep
                            .then(|| ids[p % n])
                            .or(body.reports_to.filter(|_| p % 3 == 0));
                    }
                    for (i, seat) in seats.iter_mut().enumerate() {
                        seat.body = ids[picks[i % picks.len()].1 % n];
                    }
                    let decision_ids: Vec<_> = meetings
                        .iter()
                        .flat_map(|m| m.decisions.iter().map(|d| d.id))
                        .collect();
                    let meeting_ids: Vec<_> = meetings.iter().map(|m| m.id).collect();
                    for (i, meeting) in meetings.iter_mut().enumerate() {
                        let (p, q, keep) = picks[(i + 5) % picks.len()];
                        meeting.body = ids[p % n];
                        if keep && !meeting_ids.is_empty() {
                            meeting.minutes_approved_at = Some(meeting_ids[q % meeting_ids.len()]);
                        }
                    }
                    if !decision_ids.is_empty() {
                        for (i, body) in bodies.iter_mut().enumerate() {
                            for terms in &mut body.terms_of_reference {
                                terms.approved_by = Some(
                                    decision_ids[(picks[i % picks.len()].1) % decision_ids.len()],
                                );
                            }
                        }
                    }
                }
                (bodies, seats, meetings, objectives, risks, streams, as_of)
            },
        )
}

proptest! {
    #[test]
    fn validate_never_panics_and_is_deterministic(
        (bodies, seats, meetings, objectives, risks, streams, as_of) in linked_world()
    ) {
        let data = GovernanceData {
            bodies: &bodies,
            seats: &seats,
            meetings: &meetings,
            objectives: &objectives,
            risks: &risks,
            funding_streams: &streams,
            communications: &[],
        };
        let findings = validate(&data, as_of);
        prop_assert_eq!(&findings, &validate(&data, as_of));
        for pair in findings.windows(2) {
            prop_assert!((&pair[0].path, &pair[0].code) <= (&pair[1].path, &pair[1].code));
        }
        let known: HashSet<&str> = mcn_governance::codes::ALL.iter().map(|c| c.code).collect();
        for finding in &findings {
            prop_assert!(known.contains(finding.code.as_str()), "{}", finding.code);
            let severity = mcn_governance::codes::ALL.iter().find(|c| c.code == finding.code).unwrap().severity;
            prop_assert_eq!(finding.severity, severity);
            prop_assert!(finding.path.as_str().starts_with('/'));
        }
    }

    #[test]
    fn body_tree_agrees_with_walking_up((bodies, ..) in linked_world()) {
        let tree = body_tree(&bodies);
        let first = |id| bodies.iter().position(|b| b.id == id);
        for (i, body) in bodies.iter().enumerate() {
            // Naive: climb at most n steps.
            let mut node = i;
            let mut steps = 0_u32;
            let mut expected = None;
            for _ in 0..=bodies.len() {
                match bodies[node].reports_to {
                    None => { expected = Some(steps); break; }
                    Some(up) => match first(up) {
                        None => break,
                        Some(p) => { node = p; steps += 1; }
                    },
                }
            }
            prop_assert_eq!(tree.depth[i], expected, "body {}", i);
            prop_assert_eq!(tree.roots.contains(&i), body.reports_to.is_none());
        }
        for cycle in &tree.cycles {
            prop_assert!(cycle.iter().all(|&i| tree.depth[i].is_none()));
        }
    }
}

// ---- quorum ----

/// A small world for one meeting: people, posts, organisations, seats on the
/// body, post holders and attendance, all drawn from small pools.
#[derive(Debug, Clone)]
struct QuorumCase {
    seats: Vec<Seat>,
    holders: Holders,
    meeting: mcn_governance::Meeting,
    rule: QuorumRule,
}

impl std::fmt::Debug for Holders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

impl Clone for Holders {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

fn quorum_case() -> impl Strategy<Value = QuorumCase> {
    let people: Vec<PersonId> = (0..5).map(|_| PersonId::generate()).collect();
    let posts: Vec<PostId> = (0..4).map(|_| PostId::generate()).collect();
    let orgs: Vec<OrganisationId> = (0..3).map(|_| OrganisationId::generate()).collect();
    let roles = [
        None,
        Some(PostRole::Chair),
        Some(PostRole::ViceChair),
        Some(PostRole::Member),
    ];
    (
        strategy::body(),
        prop::collection::vec(
            (
                any::<bool>(),
                0_usize..4,
                0_usize..3,
                any::<bool>(),
                0_u64..40,
                prop::option::of(0_i64..60),
            ),
            0..6,
        ),
        prop::collection::vec((0_usize..4, 0_usize..5), 0..7),
        prop::collection::vec(0_usize..4, 4),
        prop::collection::vec(
            (
                0_usize..5,
                prop::option::of(0_usize..3),
                mcn_core::strategy::vocabulary::<AttendanceStatus>(),
            ),
            0..8,
        ),
        strategy::quorum_rule(),
        core::date(),
        strategy::meeting(),
    )
        .prop_map(
            move |(body, seat_specs, holdings, post_roles, attendance, rule, date, mut meeting)| {
                let seats = seat_specs
                    .into_iter()
                    .map(|(is_post, post, org, voting, start_back, end_rel)| {
                        let start = date.checked_sub_days(Days::new(start_back)).unwrap_or(date);
                        let end = end_rel.and_then(|rel: i64| {
                            date.checked_add_signed(chrono::TimeDelta::days(rel - 20))
                        });
                        Seat {
                            id: mcn_core::id::SeatId::generate(),
                            body: body.id,
                            holder: if is_post {
                                SeatHolder::Post(posts[post])
                            } else {
                                SeatHolder::Organisation(orgs[org])
                            },
                            voting,
                            period: Period::new(start, end).unwrap_or(Period::starting(start)),
                            title: None,
                        }
                    })
                    .collect();
                let holders = Holders(
                    holdings
                        .into_iter()
                        .map(|(post, person)| {
                            (posts[post], people[person], roles[post_roles[post]])
                        })
                        .collect(),
                );
                meeting.body = body.id;
                meeting.date = date;
                meeting.attendance = attendance
                    .into_iter()
                    .map(|(person, org, status)| mcn_governance::Attendance {
                        person: people[person],
                        on_behalf_of: org.map(|o| orgs[o]),
                        status,
                    })
                    .collect();
                QuorumCase {
                    seats,
                    holders,
                    meeting,
                    rule,
                }
            },
        )
}

/// The largest matching, by trying every assignment.
fn brute_matching(candidates: &[Vec<PersonId>], used: &mut Vec<PersonId>) -> usize {
    let Some((first, rest)) = candidates.split_first() else {
        return 0;
    };
    let mut best = brute_matching(rest, used); // leave this seat unfilled
    for person in first {
        if !used.contains(person) {
            used.push(*person);
            best = best.max(1 + brute_matching(rest, used));
            used.pop();
        }
    }
    best
}

proptest! {
    #[test]
    fn quorum_agrees_with_brute_force(case in quorum_case()) {
        let QuorumCase { seats, holders, meeting, rule } = &case;
        let q = assess_quorum(rule, meeting, seats, holders);
        let date = meeting.date;
        let present: Vec<_> = meeting.attendance.iter().filter(|a| a.status == AttendanceStatus::Present).collect();
        let current: Vec<&Seat> = seats.iter().filter(|s| s.period.contains(date)).collect();
        let can_fill = |seat: &Seat| -> Vec<PersonId> {
            let mut people: Vec<PersonId> = present
                .iter()
                .filter(|a| match seat.holder {
                    SeatHolder::Post(post) => holders.post_holders(post, date).contains(&a.person),
                    SeatHolder::Organisation(org) => a.on_behalf_of == Some(org),
                    _ => false,
                })
                .map(|a| a.person)
                .collect();
            people.sort();
            people.dedup();
            people
        };
        let voting: Vec<&Seat> = current.iter().copied().filter(|s| s.voting).collect();
        let candidates: Vec<Vec<PersonId>> = voting.iter().map(|s| can_fill(s)).collect();
        let best = brute_matching(&candidates, &mut Vec::new());
        let seats_n = u32::try_from(voting.len()).unwrap();
        let required = match rule.threshold {
            QuorumThreshold::Count(n) => n.get(),
            QuorumThreshold::Fraction(f) => (0..=seats_n)
                .find(|k| u64::from(*k) * u64::from(f.denominator()) >= u64::from(f.numerator()) * u64::from(seats_n))
                .unwrap()
                .max(1),
            _ => unreachable!(),
        };
        let roles_present: HashSet<PostRole> = current
            .iter()
            .filter_map(|s| match s.holder {
                SeatHolder::Post(post) => holders
                    .post_role(post)
                    .filter(|_| holders.post_holders(post, date).iter().any(|p| present.iter().any(|a| a.person == *p))),
                _ => None,
            })
            .collect();
        let missing: Vec<_> = rule
            .required_roles
            .iter()
            .filter(|r| !r.roles().iter().any(|role| roles_present.contains(role)))
            .cloned()
            .collect();

        prop_assert_eq!(q.voting_seats, seats_n);
        prop_assert_eq!(q.members_present as usize, best);
        prop_assert_eq!(q.required, required);
        prop_assert_eq!(&q.missing_roles, &missing);
        prop_assert_eq!(q.quorate, u32::try_from(best).unwrap() >= required && missing.is_empty());
        // The fills are a matching of voting seats to people who can fill them.
        let mut seen_seats = HashSet::new();
        let mut seen_people = HashSet::new();
        for fill in &q.filled {
            prop_assert!(seen_seats.insert(fill.seat));
            prop_assert!(seen_people.insert(fill.person));
            let seat = voting.iter().find(|s| s.id == fill.seat).unwrap();
            prop_assert!(can_fill(seat).contains(&fill.person));
        }
        // Counts cover every voting seat; the named seats are a bounded sample.
        prop_assert_eq!(
            q.members_present + q.unfilled_counts.total(),
            seats_n
        );
        prop_assert_eq!(q.filled.len(), best.min(SEAT_SAMPLE));
        let unfilled_n = usize::try_from(q.unfilled_counts.total()).unwrap();
        prop_assert_eq!(q.unfilled.len(), unfilled_n.min(SEAT_SAMPLE));
        // Vacant and absent seats are those nobody present could fill.
        let nobody = voting
            .iter()
            .zip(&candidates)
            .filter(|(_, c)| c.is_empty())
            .count();
        prop_assert_eq!(
            usize::try_from(q.unfilled_counts.vacant + q.unfilled_counts.absent).unwrap(),
            nobody
        );
    }

    #[test]
    fn quorum_never_panics_on_arbitrary_meetings(
        meeting in strategy::meeting(),
        seats in prop::collection::vec(strategy::seat(), 0..6),
        rule in strategy::quorum_rule(),
    ) {
        let q = assess_quorum(&rule, &meeting, &seats, &Holders::default());
        prop_assert!(q.members_present <= q.voting_seats);
    }
}

// ---- cadence ----

/// Naive expected count: k ≥ 1 with start + k intervals ≤ end + 1 day.
fn naive_expected(interval: Interval, window: Period) -> Option<u32> {
    let end = window.end()?;
    let stop = end.checked_add_days(Days::new(1)).unwrap();
    let mut k = 0_u32;
    loop {
        let next = match interval {
            Interval::Months(m) => window.start().checked_add_months(Months::new(m * (k + 1))),
            Interval::Days(days) => window
                .start()
                .checked_add_days(Days::new(u64::from(days) * u64::from(k + 1))),
        };
        match next {
            Some(date) if date <= stop => k += 1,
            _ => return Some(k),
        }
    }
}

proptest! {
    #[test]
    fn cadence_agrees_with_naive_counts(
        mut body in strategy::body(),
        frequency in strategy::meeting_frequency(),
        meetings in prop::collection::vec(strategy::meeting(), 0..10),
        offsets in prop::collection::vec(0_u64..900, 10),
        start in core::date(),
        length in prop::option::weighted(0.8, 0_u64..900),
    ) {
        let window = Period::new(start, length.map(|l| start + Days::new(l))).unwrap();
        body.active = Period::starting(NaiveDate::from_ymd_opt(1990, 1, 1).unwrap());
        body.terms_of_reference = vec![crate::fixture::terms("1.0", Some(NaiveDate::from_ymd_opt(1990, 1, 1).unwrap()), start)];
        body.terms_of_reference[0].meeting_frequency = frequency;
        let meetings: Vec<_> = meetings
            .into_iter()
            .zip(&offsets)
            .map(|(mut m, off)| { m.body = body.id; m.date = start + Days::new(*off); m.date = m.date.checked_sub_days(Days::new(50)).unwrap_or(m.date); m })
            .collect();

        let c = body.cadence(&meetings, window).unwrap();
        let held: Vec<NaiveDate> = meetings
            .iter()
            .filter(|m| m.status == MeetingStatus::Held && window.contains(m.date))
            .map(|m| m.date)
            .collect();
        prop_assert_eq!(c.held as usize, held.len());
        prop_assert_eq!(c.expected, naive_expected(frequency.interval(), window));
        prop_assert_eq!(frequency.expected_meetings(window), c.expected);

        // Naive longest gap: any two points with no point strictly between.
        let mut points = vec![window.start()];
        points.extend(held.iter().copied());
        points.extend(window.end());
        let mut best: Option<i64> = None;
        for (i, a) in points.iter().enumerate() {
            for (j, b) in points.iter().enumerate() {
                let between = points.iter().enumerate().any(|(k, p)| k != i && k != j && a < p && p < b);
                let ordered = a < b || (a == b && i < j);
                if ordered && !between {
                    let days = (*b - *a).num_days();
                    best = Some(best.map_or(days, |x: i64| x.max(days)));
                }
            }
        }
        prop_assert_eq!(c.longest_gap.map(|g| g.days), best);
        if let Some(gap) = c.longest_gap {
            prop_assert_eq!((gap.to - gap.from).num_days(), gap.days);
        }

        let by_body = cadence_by_body(std::slice::from_ref(&body), &meetings, window);
        prop_assert_eq!(&by_body[0].cadence, &c);
    }
}

// ---- queries ----

/// Naive stage on a date: the latest-dated change on or before it, last of equals.
fn naive_stage(objective: &mcn_governance::Objective, on: NaiveDate) -> Option<ObjectiveStage> {
    let mut best: Option<(NaiveDate, ObjectiveStage)> = None;
    for change in objective.stages.changes() {
        if change.on <= on && best.is_none_or(|(d, _)| change.on >= d) {
            best = Some((change.on, change.status));
        }
    }
    best.map(|(_, s)| s)
}

proptest! {
    #[test]
    fn queries_agree_with_naive_filters(
        meetings in prop::collection::vec(strategy::meeting(), 0..6),
        objectives in prop::collection::vec(strategy::objective(), 0..6),
        risks in prop::collection::vec(strategy::risk(), 0..6),
        streams in prop::collection::vec(strategy::funding_stream(), 0..6),
        bodies in prop::collection::vec(strategy::body(), 0..6),
        threshold in strategy::risk_score(),
        days in 0_u32..2000,
        as_of in core::date(),
    ) {
        let mut naive_actions = Vec::new();
        for (m, meeting) in meetings.iter().enumerate() {
            for (a, action) in meeting.actions.iter().enumerate() {
                let closed_after = action.completed_on.is_some_and(|done| done > as_of);
                let open = action.status == ActionStatus::Open || closed_after;
                if meeting.date <= as_of && open && action.due < as_of {
                    naive_actions.push((m, a));
                }
            }
        }
        let got: Vec<_> = queries::overdue_actions(&meetings, as_of).iter().map(|o| (o.meeting, o.action)).collect();
        prop_assert_eq!(got, naive_actions);

        let naive_objectives: Vec<usize> = objectives
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                o.due < as_of
                    && !matches!(
                        naive_stage(o, as_of),
                        Some(ObjectiveStage::Completed | ObjectiveStage::Evaluated | ObjectiveStage::Cancelled)
                    )
            })
            .map(|(i, _)| i)
            .collect();
        let got: Vec<_> = queries::objectives_past_due(&objectives, as_of).iter().map(|o| o.objective).collect();
        prop_assert_eq!(got, naive_objectives);

        let naive_risks: Vec<usize> = risks
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.status != RiskStatus::Closed
                    && (r.likelihood.get() * r.impact.get() >= threshold.get() || r.review_by < as_of)
            })
            .map(|(i, _)| i)
            .collect();
        let got: Vec<_> = queries::risks_needing_attention(&risks, threshold, as_of).iter().map(|r| r.risk).collect();
        prop_assert_eq!(got, naive_risks);

        let until = as_of + Days::new(u64::from(days));
        let naive_streams: Vec<usize> = streams
            .iter()
            .enumerate()
            .filter(|(_, s)| s.period.end().is_some_and(|e| as_of <= e && e <= until))
            .map(|(i, _)| i)
            .collect();
        let ending = queries::funding_ending_within(&streams, as_of, days);
        let total: u64 = naive_streams.iter().map(|&i| streams[i].amount.pence()).sum();
        prop_assert_eq!(ending.streams.iter().map(|s| s.stream).collect::<Vec<_>>(), naive_streams);
        prop_assert_eq!(ending.recurrent_per_year.unwrap().pence() + ending.time_limited_total.unwrap().pence(), total);

        let naive_reviews: Vec<usize> = bodies
            .iter()
            .enumerate()
            .filter(|(_, b)| {
                b.active.contains(as_of)
                    && b.terms_of_reference
                        .iter()
                        .enumerate()
                        .filter(|(_, t)| t.approved_on.is_some_and(|a| a <= as_of))
                        .max_by_key(|(i, t)| (t.approved_on, t.version, *i))
                        .is_some_and(|(_, t)| t.review_by < as_of)
            })
            .map(|(i, _)| i)
            .collect();
        let got: Vec<_> = queries::terms_reviews_overdue(&bodies, as_of).iter().map(|r| r.body).collect();
        prop_assert_eq!(got, naive_reviews);
    }
}
