//! `compare`: direction-aware improved / worsened / unchanged.

use mcn_core::NaiveDate;
use mcn_evaluation::{Direction, EvaluationReport, EvaluationSettings, Outcome, Value, compare};

use crate::evaluate;

use crate::fixture;

fn at(y: i32, m: u32, d: u32) -> EvaluationReport {
    evaluate(
        &fixture::network(),
        NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        &EvaluationSettings::default(),
    )
}

fn outcome(comparison: &mcn_evaluation::Comparison, id: &str) -> (Outcome, Option<f64>) {
    let change = comparison.changes.iter().find(|c| c.id == id).unwrap();
    (change.outcome, change.change)
}

#[test]
fn a_report_compared_with_itself_is_unchanged() {
    let report = at(2026, 11, 1);
    let comparison = compare(&report, &report);
    assert_eq!(comparison.counts.unchanged, report.indicators.len() as u64);
    assert_eq!(comparison.changes.len(), report.indicators.len());
    assert!(
        comparison
            .changes
            .iter()
            .all(|c| c.change.is_none_or(|d| d == 0.0))
    );
}

#[test]
fn six_months_of_the_fixture() {
    let before = at(2026, 5, 1);
    let after = at(2026, 11, 1);
    let comparison = compare(&before, &after);
    assert_eq!(
        (comparison.before, comparison.after),
        (before.as_of, after.as_of)
    );
    // Clinical lead: person 2 held the post until 2026-06-30: yes → no.
    assert_eq!(
        outcome(&comparison, "leadership.clinical_lead"),
        (Outcome::Worsened, Some(-1.0))
    );
    // Posts vacant on 2026-05-01: of posts 1–4 (5 ended 2025-12-31) only post 3:
    // 1/4; on 2026-11-01 2/4. Higher is worse: +0.25 worsened.
    assert_eq!(
        outcome(&comparison, "leadership.posts_vacant"),
        (Outcome::Worsened, Some(0.25))
    );
    // Funded vacant posts: post 3 on both dates.
    assert_eq!(
        outcome(&comparison, "leadership.funded_vacant_posts"),
        (Outcome::Unchanged, Some(0.0))
    );
    // Events held in 2025-05-02..2026-05-01: event 1 only (event 2 is 2026-05-05);
    // then 3. More is better: +2 improved.
    assert_eq!(
        outcome(&comparison, "training.events_held"),
        (Outcome::Improved, Some(2.0))
    );
    // Missed registrations: before, only event 1's (registration 3) = 1;
    // after 4. Fewer is better: +3 worsened.
    assert_eq!(
        outcome(&comparison, "training.barriers"),
        (Outcome::Worsened, Some(3.0))
    );
    let c = comparison.counts;
    assert_eq!(
        c.improved + c.worsened + c.unchanged + c.changed + c.not_comparable + c.basis_changed,
        after.indicators.len() as u64
    );
    let basis: Vec<(&str, &str)> = comparison
        .with_outcome(Outcome::BasisChanged)
        .map(|c| (c.id.as_str(), c.basis_change.as_deref().unwrap()))
        .collect();
    // What each figure counts moved by more than the default 20% (and by
    // more than one) while the figure moved: "basis changed", not judged.
    assert_eq!(
        basis,
        [
            ("governance.overdue_actions", "3 open actions, was 1"),
            ("training.relevance", "4 feedback responses, was 2"),
            (
                "standards.adoption",
                "7 member × standard pairs that apply, was 9"
            ),
            (
                "collaboration.cross_organisation_events",
                "3 events attended, was 1"
            ),
        ]
    );
    // A figure that did not move stays unchanged, its basis change noted:
    // the same share of 3 then 6 meetings, of 4 then 8 registrations.
    for (id, basis) in [
        (
            "governance.quorate_meetings",
            "6 held meetings assessed, was 3",
        ),
        (
            "training.attendance_rate",
            "8 registrations attended or missed, was 4",
        ),
    ] {
        let change = comparison.changes.iter().find(|c| c.id == id).unwrap();
        assert_eq!(change.outcome, Outcome::Unchanged, "{id}");
        assert_eq!(change.basis_change.as_deref(), Some(basis), "{id}");
    }
    // Missed registrations: the count rose 1 → 4, but it is judged by its
    // rate: before, event 1's 3 attended and 1 missed (25 per 100); after,
    // 6 attended and 4 missed (40 per 100): worsened by 15 per 100.
    let barriers = comparison
        .changes
        .iter()
        .find(|c| c.id == "training.barriers")
        .unwrap();
    assert_eq!(barriers.outcome, Outcome::Worsened);
    let rate = |r: &EvaluationReport| {
        let rate = r
            .indicator("training.barriers")
            .unwrap()
            .rate
            .clone()
            .unwrap();
        (rate.numerator, rate.denominator)
    };
    assert_eq!((rate(&before), rate(&after)), ((1, 4), (4, 10)));
    assert_eq!(barriers.rate_change, Some(15.0));
}

#[test]
fn direction_decides_and_missing_figures_are_not_comparable() {
    let before = at(2026, 11, 1);
    let mut after = before.clone();
    let set = |report: &mut EvaluationReport, id: &str, value: Value| {
        report
            .indicators
            .iter_mut()
            .find(|i| i.id == id)
            .unwrap()
            .value = value;
    };
    // Lower is better: a lower vacancy share improves.
    set(
        &mut after,
        "leadership.posts_vacant",
        Value::proportion(1, 4),
    );
    // Higher is better: a lower attendance rate worsens.
    set(
        &mut after,
        "training.attendance_rate",
        Value::proportion(5, 8),
    );
    // A share with nothing to count has no figure.
    set(
        &mut after,
        "governance.quorate_meetings",
        Value::proportion(0, 0),
    );
    // Neither way is better: changed.
    after
        .indicators
        .iter_mut()
        .find(|i| i.id == "training.reach")
        .unwrap()
        .direction = Direction::Neutral;
    set(&mut after, "training.reach", Value::count(9));
    // Gone from the later report.
    after
        .indicators
        .retain(|i| i.id != "technology.record_sharing");

    let comparison = compare(&before, &after);
    assert_eq!(
        outcome(&comparison, "leadership.posts_vacant"),
        (Outcome::Improved, Some(-0.25))
    );
    assert_eq!(
        outcome(&comparison, "training.attendance_rate"),
        (Outcome::Worsened, Some(-0.125))
    );
    assert_eq!(
        outcome(&comparison, "governance.quorate_meetings"),
        (Outcome::NotComparable, None)
    );
    assert_eq!(
        outcome(&comparison, "training.reach"),
        (Outcome::Changed, Some(5.0))
    );
    let gone = comparison.changes.last().unwrap();
    assert_eq!(gone.id, "technology.record_sharing");
    assert_eq!(
        (gone.outcome, gone.after.is_none()),
        (Outcome::NotComparable, true)
    );
    let c = comparison.counts;
    assert_eq!(
        (c.improved, c.worsened, c.changed, c.not_comparable),
        (1, 1, 1, 2)
    );
}
