//! Meetings held against expected, and the longest gap.

use mcn_core::Period;
use mcn_governance::{BodyKind, MeetingFrequency, MeetingStatus, cadence::Gap, cadence_by_body};

use crate::fixture::{body, d, meeting};

fn year() -> Period {
    Period::new(d(2025, 1, 1), Some(d(2025, 12, 31))).unwrap()
}

#[test]
fn quarterly_body_meeting_three_times() {
    let b = body("Steering group", BodyKind::SteeringGroup, None); // quarterly
    let mut cancelled = meeting(&b, d(2025, 5, 1));
    cancelled.status = MeetingStatus::Cancelled;
    let mut scheduled = meeting(&b, d(2025, 12, 1));
    scheduled.status = MeetingStatus::Scheduled;
    let meetings = vec![
        meeting(&b, d(2025, 9, 15)),
        meeting(&b, d(2025, 2, 1)),
        cancelled,
        meeting(&b, d(2025, 3, 1)),
        scheduled,
        meeting(&b, d(2024, 11, 1)), // before the window
    ];
    let c = b.cadence(&meetings, year()).unwrap();
    assert_eq!(c.frequency, Some(MeetingFrequency::Quarterly));
    assert_eq!(
        (c.held, c.expected, c.met_expectation()),
        (3, Some(4), Some(false))
    );
    // Gaps: Jan 1 -> Feb 1 (31), Feb 1 -> Mar 1 (28), Mar 1 -> Sep 15 (198), Sep 15 -> Dec 31 (107).
    assert_eq!(
        c.longest_gap,
        Some(Gap {
            from: d(2025, 3, 1),
            to: d(2025, 9, 15),
            days: 198
        })
    );
}

#[test]
fn the_gaps_to_the_window_edges_count() {
    let b = body("Steering group", BodyKind::SteeringGroup, None);
    let c = b.cadence(&[meeting(&b, d(2025, 1, 2))], year()).unwrap();
    assert_eq!(
        c.longest_gap,
        Some(Gap {
            from: d(2025, 1, 2),
            to: d(2025, 12, 31),
            days: 363
        })
    );
    let c = b.cadence(&[meeting(&b, d(2025, 12, 30))], year()).unwrap();
    assert_eq!(
        c.longest_gap,
        Some(Gap {
            from: d(2025, 1, 1),
            to: d(2025, 12, 30),
            days: 363
        })
    );
    // No meeting at all: the whole window.
    let c = b.cadence(&[], year()).unwrap();
    assert_eq!((c.held, c.longest_gap.unwrap().days), (0, 364));
    // Open window: no expected count, no trailing gap.
    let open = b
        .cadence(
            &[meeting(&b, d(2025, 3, 1))],
            Period::starting(d(2025, 1, 1)),
        )
        .unwrap();
    assert_eq!(open.expected, None);
    assert_eq!(open.longest_gap.unwrap().to, d(2025, 3, 1));
    assert_eq!(
        b.cadence(&[], Period::starting(d(2025, 1, 1)))
            .unwrap()
            .longest_gap,
        None
    );
}

#[test]
fn the_window_is_clipped_to_the_active_period() {
    let mut b = body("Working group", BodyKind::WorkingGroup, None);
    b.active = Period::new(d(2025, 7, 1), Some(d(2025, 12, 31))).unwrap();
    let c = b.cadence(&[meeting(&b, d(2025, 9, 1))], year()).unwrap();
    assert_eq!(
        c.window,
        Period::new(d(2025, 7, 1), Some(d(2025, 12, 31))).unwrap()
    );
    assert_eq!(c.expected, Some(2)); // six months, quarterly
    b.active = Period::new(d(2020, 1, 1), Some(d(2024, 12, 31))).unwrap();
    assert!(b.cadence(&[], year()).is_none());
}

#[test]
fn no_terms_in_force_means_no_expectation() {
    let mut b = body("Working group", BodyKind::WorkingGroup, None);
    b.terms_of_reference[0].approved_on = Some(d(2026, 1, 1));
    let c = b.cadence(&[], year()).unwrap();
    assert_eq!(
        (c.frequency, c.expected, c.met_expectation()),
        (None, None, None)
    );
}

#[test]
fn by_body_groups_meetings_in_one_pass() {
    let root = body("Steering group", BodyKind::SteeringGroup, None);
    let child = body("Education group", BodyKind::EducationGroup, Some(&root));
    let mut gone = body("Old group", BodyKind::WorkingGroup, Some(&root));
    gone.active = Period::new(d(2020, 1, 1), Some(d(2020, 12, 31))).unwrap();
    let meetings = vec![
        meeting(&root, d(2025, 1, 10)),
        meeting(&child, d(2025, 2, 10)),
        meeting(&root, d(2025, 4, 10)),
    ];
    let all = cadence_by_body(&[root.clone(), child.clone(), gone], &meetings, year());
    assert_eq!(
        all.iter()
            .map(|c| (c.body, c.cadence.held))
            .collect::<Vec<_>>(),
        [(0, 2), (1, 1)]
    );
    assert_eq!(all[0].cadence, root.cadence(&meetings, year()).unwrap());
    assert_eq!(all[1].id, child.id);
}
