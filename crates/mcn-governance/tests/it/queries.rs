//! Queries as of a date.

use mcn_core::{Money, Period};
use mcn_governance::{
    ActionStatus, BodyKind, FundingBasis, ObjectiveStage, RiskScore, RiskStatus, body_tree,
    queries::{
        bodies_without_terms, funding_ending_within, objectives_past_due, overdue_actions,
        risks_needing_attention, terms_reviews_overdue,
    },
};

use crate::fixture::{Doc, action, as_of, body, d, funding, objective, risk, terms};

#[test]
fn terms_reviews_and_missing_terms() {
    let mut doc = Doc::clean();
    doc.bodies[0]
        .terms_of_reference
        .push(terms("1.1", Some(d(2024, 1, 1)), d(2025, 3, 1)));
    doc.bodies[1].terms_of_reference[0].approved_on = None;
    let overdue = terms_reviews_overdue(&doc.bodies, as_of());
    assert_eq!(overdue.len(), 1);
    assert_eq!((overdue[0].body, overdue[0].terms), (0, 1));
    assert_eq!(overdue[0].version.to_string(), "1.1");
    assert_eq!(overdue[0].days_overdue, 92);
    assert_eq!(bodies_without_terms(&doc.bodies, as_of()), [1]);
}

#[test]
fn overdue_actions_in_document_order() {
    let mut doc = Doc::clean();
    doc.meetings[2].actions = vec![
        action(d(2025, 5, 1), ActionStatus::Open, None),
        action(d(2025, 5, 1), ActionStatus::Cancelled, None),
        action(as_of(), ActionStatus::Open, None),
    ];
    doc.meetings[0]
        .actions
        .push(action(d(2025, 2, 1), ActionStatus::Open, None));
    let overdue = overdue_actions(&doc.meetings, as_of());
    assert_eq!(
        overdue
            .iter()
            .map(|o| (o.meeting, o.action, o.days_overdue))
            .collect::<Vec<_>>(),
        [(0, 1, 120), (2, 0, 31)]
    );
    assert_eq!(overdue[1].id, doc.meetings[2].actions[0].id);
}

#[test]
fn an_action_done_later_was_overdue_on_an_earlier_date() {
    let mut doc = Doc::clean();
    let mut done = action(d(2025, 5, 1), ActionStatus::Done, None);
    done.completed_on = Some(as_of());
    doc.meetings[2].actions = vec![done];
    let before = d(2025, 5, 20);
    assert!(
        doc.meetings[2].date <= before,
        "the meeting raised it before the date checked"
    );
    assert_eq!(
        overdue_actions(&doc.meetings, before).len(),
        1,
        "open on 2025-05-20, due 2025-05-01"
    );
    assert!(
        overdue_actions(&doc.meetings, as_of()).is_empty(),
        "done by the fixture date"
    );
}

#[test]
fn objectives_past_due_report_their_stage() {
    use ObjectiveStage::*;
    let objectives = vec![
        objective(
            d(2025, 5, 1),
            &[(Agreed, d(2025, 1, 1)), (InProgress, d(2025, 2, 1))],
        ),
        objective(
            d(2025, 5, 1),
            &[
                (Agreed, d(2025, 1, 1)),
                (InProgress, d(2025, 2, 1)),
                (Completed, d(2025, 4, 1)),
            ],
        ),
        objective(d(2025, 5, 1), &[(Proposed, d(2025, 8, 1))]),
    ];
    let late = objectives_past_due(&objectives, as_of());
    assert_eq!(
        late.iter()
            .map(|o| (o.objective, o.stage))
            .collect::<Vec<_>>(),
        [(0, Some(InProgress)), (2, None)]
    );
    assert_eq!(late[0].days_overdue, 31);
}

#[test]
fn risks_by_threshold_or_review() {
    let risks = vec![
        risk(4, 5, RiskStatus::Open, d(2026, 1, 1)), // 20, review fine
        risk(1, 2, RiskStatus::Tolerated, d(2025, 1, 1)), // 2, review overdue
        risk(5, 5, RiskStatus::Closed, d(2020, 1, 1)), // closed
        risk(3, 3, RiskStatus::Open, d(2026, 1, 1)), // 9, nothing
    ];
    let threshold = RiskScore::new(12).unwrap();
    let attention = risks_needing_attention(&risks, threshold, as_of());
    assert_eq!(
        attention
            .iter()
            .map(|r| (
                r.risk,
                r.score.get(),
                r.at_or_above_threshold,
                r.review_overdue
            ))
            .collect::<Vec<_>>(),
        [(0, 20, true, false), (1, 2, false, true)]
    );
    let lower = risks_needing_attention(&risks, RiskScore::new(9).unwrap(), as_of());
    assert_eq!(lower.len(), 3);
}

#[test]
fn funding_ending_and_amounts_by_basis() {
    let ends = |y, m, day| Period::new(d(2023, 4, 1), Some(d(y, m, day))).unwrap();
    let streams = vec![
        funding(50_000, ends(2025, 7, 31), FundingBasis::Recurrent),
        funding(100_000, ends(2025, 6, 1), FundingBasis::TimeLimited),
        funding(20_000, ends(2025, 8, 1), FundingBasis::TimeLimited),
        funding(30_000, ends(2025, 7, 1), FundingBasis::Recurrent),
        funding(99_000, ends(2025, 5, 31), FundingBasis::TimeLimited), // already ended
        funding(
            99_000,
            Period::starting(d(2023, 1, 1)),
            FundingBasis::Recurrent,
        ),
    ];
    let ending = funding_ending_within(&streams, as_of(), 60); // to 2025-07-31
    assert_eq!(ending.until, d(2025, 7, 31));
    assert_eq!(
        ending.streams.iter().map(|s| s.stream).collect::<Vec<_>>(),
        [0, 1, 3]
    );
    assert_eq!(ending.recurrent_per_year, Some(Money::from_pounds(80_000)));
    assert_eq!(ending.time_limited_total, Some(Money::from_pounds(100_000)));
    let none = funding_ending_within(&streams, as_of(), 0);
    assert_eq!(none.streams.len(), 1); // the one ending today
    assert_eq!(
        funding_ending_within(&streams, as_of(), u32::MAX)
            .streams
            .len(),
        4
    );
}

#[test]
fn body_tree_depths_roots_and_cycles() {
    let root = body("Board", BodyKind::Board, None);
    let steering = body("Steering group", BodyKind::SteeringGroup, Some(&root));
    let education = body("Education", BodyKind::EducationGroup, Some(&steering));
    let mut a = body("A", BodyKind::WorkingGroup, None);
    let mut b = body("B", BodyKind::WorkingGroup, Some(&a));
    a.reports_to = Some(b.id);
    let under_cycle = body("Under cycle", BodyKind::WorkingGroup, Some(&b));
    let mut dangling = body("Dangling", BodyKind::WorkingGroup, None);
    dangling.reports_to = Some(mcn_core::id::BodyId::generate());
    let under_dangling = body("Under dangling", BodyKind::WorkingGroup, Some(&dangling));
    b.name = crate::fixture::text("B");
    // Children listed before their parents.
    let bodies = vec![
        education,
        under_cycle,
        a,
        b,
        steering,
        root,
        under_dangling,
        dangling,
    ];
    let tree = body_tree(&bodies);
    assert_eq!(tree.roots, [5]);
    assert_eq!(
        tree.depth,
        [Some(2), None, None, None, Some(1), Some(0), None, None]
    );
    assert_eq!(tree.cycles, [vec![2, 3]]);
}
