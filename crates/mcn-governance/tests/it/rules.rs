//! Every finding code: triggered (exact code and path) and not triggered.

use mcn_core::{
    Period,
    id::{BodyId, FundingStreamId, MeetingId, StandardId},
};
use mcn_governance::{
    ActionStatus, BodyKind, DecisionKind, DecisionOutcome, DecisionSubject, FundingBasis,
    MeetingStatus, ObjectiveStage, RiskStatus, codes,
};

use crate::fixture::{
    Doc, action, as_of, body, d, decision, funding, objective, risk, stages, terms,
};

#[test]
fn the_clean_document_has_no_findings() {
    let findings = Doc::clean().findings();
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn every_code_is_in_docs_findings_md_with_its_severity() {
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/findings.md"
    ))
    .unwrap();
    let section = page
        .split("## mcn-governance")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    let rows: Vec<(String, String)> = section
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let code = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            Some((code.to_owned(), (*cells.get(2)?).to_owned()))
        })
        .collect();
    let expected: Vec<(String, String)> = codes::ALL
        .iter()
        .map(|c| (c.code.to_owned(), c.severity.to_string()))
        .collect();
    assert_eq!(rows, expected);
}

// ---- bodies ----

#[test]
fn dangling_references_are_left_to_the_network() {
    // Each reference below resolves to nothing: mcn-network reports it
    // (`network.reference.dangling`) and the governance rules skip it.
    let mut doc = Doc::clean();
    doc.bodies[1].reports_to = Some(BodyId::generate());
    doc.bodies[0].terms_of_reference[0].approved_by = Some(mcn_core::id::DecisionId::generate());
    doc.seats[0].body = BodyId::generate();
    doc.meetings[2].body = BodyId::generate();
    doc.meetings[0].minutes_approved_at = Some(MeetingId::generate());
    assert!(doc.findings().is_empty(), "{:#?}", doc.findings());
    // ... while an approving decision that does resolve is fine too.
    let mut known = Doc::clean();
    known.bodies[0].terms_of_reference[0].approved_by = Some(known.meetings[0].decisions[0].id);
    assert!(known.findings().is_empty());
}

#[test]
fn reports_to_cycle() {
    let mut doc = Doc::clean();
    doc.bodies[0].reports_to = Some(doc.bodies[1].id);
    let findings = doc.findings();
    let cycle: Vec<_> = findings
        .iter()
        .filter(|f| f.code == codes::BODY_REPORTS_TO_CYCLE.code)
        .collect();
    assert_eq!(cycle.len(), 1);
    assert_eq!(cycle[0].path.as_str(), "/bodies/0/reports_to");
    assert_eq!(cycle[0].related[0].as_str(), "/bodies/1/reports_to");
    assert!(
        cycle[0].message.contains("Steering group") && cycle[0].message.contains("Education group")
    );

    let mut selfish = Doc::clean();
    selfish.bodies[1].reports_to = Some(selfish.bodies[1].id);
    assert_eq!(
        selfish.paths(codes::BODY_REPORTS_TO_CYCLE.code),
        ["/bodies/1/reports_to"]
    );

    // A chain of three is not a cycle.
    let mut chain = Doc::clean();
    let third = body(
        "Guidelines group",
        BodyKind::WorkingGroup,
        Some(&chain.bodies[1]),
    );
    chain.bodies.push(third);
    assert!(chain.findings().is_empty());
}

#[test]
fn multiple_roots() {
    let mut doc = Doc::clean();
    doc.bodies.push(body("Board", BodyKind::Board, None));
    let findings = doc.findings();
    assert_eq!(
        crate::fixture::paths(&findings, codes::BODY_MULTIPLE_ROOTS.code),
        ["/bodies/2"]
    );
    let f = findings
        .iter()
        .find(|f| f.code == codes::BODY_MULTIPLE_ROOTS.code)
        .unwrap();
    assert_eq!(f.related[0].as_str(), "/bodies/0");

    // A dissolved second root is not counted.
    let mut dissolved = Doc::clean();
    let mut old = body("Old board", BodyKind::Board, None);
    old.active = Period::new(d(2020, 1, 1), Some(d(2024, 12, 31))).unwrap();
    dissolved.bodies.push(old);
    assert!(dissolved.paths(codes::BODY_MULTIPLE_ROOTS.code).is_empty());
}

#[test]
fn unexpected_root_kind() {
    let mut doc = Doc::clean();
    doc.bodies[0].kind = BodyKind::WorkingGroup;
    assert_eq!(
        doc.paths(codes::BODY_UNEXPECTED_ROOT_KIND.code),
        ["/bodies/0/kind"]
    );
    let mut board = Doc::clean();
    board.bodies[0].kind = BodyKind::Board;
    assert!(board.findings().is_empty());
}

#[test]
fn reports_to_inactive() {
    let mut doc = Doc::clean();
    doc.bodies[0].active = Period::new(d(2020, 1, 1), Some(d(2025, 5, 31))).unwrap();
    assert_eq!(
        doc.paths(codes::BODY_REPORTS_TO_INACTIVE.code),
        ["/bodies/1/reports_to"]
    );
    // Still active on the as-of date: fine.
    let mut ends_today = Doc::clean();
    ends_today.bodies[0].active = Period::new(d(2020, 1, 1), Some(as_of())).unwrap();
    assert!(ends_today.findings().is_empty());
}

#[test]
fn no_terms_of_reference() {
    let mut doc = Doc::clean();
    doc.bodies[1].terms_of_reference[0].approved_on = None; // a draft
    assert_eq!(
        doc.paths(codes::BODY_NO_TERMS_OF_REFERENCE.code),
        ["/bodies/1/terms_of_reference"]
    );
    let mut later = Doc::clean();
    later.bodies[1].terms_of_reference[0].approved_on = Some(d(2025, 6, 2));
    assert_eq!(
        later.paths(codes::BODY_NO_TERMS_OF_REFERENCE.code),
        ["/bodies/1/terms_of_reference"]
    );
    // Approved on the day: in force.
    let mut today = Doc::clean();
    today.bodies[1].terms_of_reference[0].approved_on = Some(as_of());
    assert!(today.findings().is_empty());
    // A dissolved body needs none.
    let mut dissolved = Doc::clean();
    dissolved.bodies[1].terms_of_reference.clear();
    dissolved.bodies[1].active = Period::new(d(2020, 1, 1), Some(d(2025, 3, 1))).unwrap();
    assert!(
        dissolved.findings().is_empty(),
        "{:#?}",
        dissolved.findings()
    );
}

// ---- terms of reference ----

#[test]
fn duplicate_version() {
    let mut doc = Doc::clean();
    doc.bodies[0]
        .terms_of_reference
        .push(terms("1.0", Some(d(2022, 1, 1)), d(2030, 1, 1)));
    let findings = doc.findings();
    assert_eq!(
        crate::fixture::paths(&findings, codes::TERMS_DUPLICATE_VERSION.code),
        ["/bodies/0/terms_of_reference/1/version"]
    );
    assert_eq!(
        findings[0].related[0].as_str(),
        "/bodies/0/terms_of_reference/0"
    );
    let mut next = Doc::clean();
    next.bodies[0]
        .terms_of_reference
        .push(terms("1.1", Some(d(2022, 1, 1)), d(2030, 1, 1)));
    assert!(next.findings().is_empty());
}

#[test]
fn review_before_approval() {
    let mut doc = Doc::clean();
    doc.bodies[1].terms_of_reference[0].review_by = d(2020, 1, 14);
    assert_eq!(
        doc.paths(codes::TERMS_REVIEW_BEFORE_APPROVAL.code),
        ["/bodies/1/terms_of_reference/0/review_by"]
    );
    let mut same_day = Doc::clean();
    same_day.bodies[1].terms_of_reference[0].review_by = d(2020, 1, 15);
    assert!(
        same_day
            .paths(codes::TERMS_REVIEW_BEFORE_APPROVAL.code)
            .is_empty()
    );
}

#[test]
fn review_overdue() {
    let mut doc = Doc::clean();
    doc.bodies[0].terms_of_reference[0].review_by = d(2025, 5, 31);
    let findings = doc.findings();
    assert_eq!(
        crate::fixture::paths(&findings, codes::TERMS_REVIEW_OVERDUE.code),
        ["/bodies/0/terms_of_reference/0/review_by"]
    );
    assert!(
        findings[0].message.contains("1 day before 2025-06-01"),
        "{}",
        findings[0].message
    );

    let mut due_today = Doc::clean();
    due_today.bodies[0].terms_of_reference[0].review_by = as_of();
    assert!(due_today.findings().is_empty());

    // A superseded version's review date does not matter; the later draft is not in force.
    let mut superseded = Doc::clean();
    superseded.bodies[0].terms_of_reference = vec![
        terms("1.0", Some(d(2020, 1, 15)), d(2021, 1, 1)),
        terms("2.0", Some(d(2024, 1, 1)), d(2027, 1, 1)),
        terms("3.0", None, d(2020, 1, 1)),
    ];
    assert!(
        superseded.findings().is_empty(),
        "{:#?}",
        superseded.findings()
    );

    // Reported at the version in force.
    let mut both = Doc::clean();
    both.bodies[0].terms_of_reference = vec![
        terms("2.0", Some(d(2024, 1, 1)), d(2025, 1, 1)),
        terms("1.0", Some(d(2020, 1, 15)), d(2021, 1, 1)),
    ];
    assert_eq!(
        both.paths(codes::TERMS_REVIEW_OVERDUE.code),
        ["/bodies/0/terms_of_reference/0/review_by"]
    );
}

// ---- meetings ----

#[test]
fn meeting_inactive_body() {
    let mut doc = Doc::clean();
    doc.meetings[2].date = d(2019, 12, 31);
    let findings = doc.findings();
    assert_eq!(
        crate::fixture::paths(&findings, codes::MEETING_INACTIVE_BODY.code),
        ["/meetings/2/date"]
    );
    assert_eq!(findings[0].related[0].as_str(), "/bodies/1/active");

    let mut cancelled = Doc::clean();
    cancelled.meetings[2].date = d(2019, 12, 31);
    cancelled.meetings[2].status = MeetingStatus::Cancelled;
    assert!(cancelled.findings().is_empty());

    let mut first_day = Doc::clean();
    first_day.meetings[2].date = d(2020, 1, 1);
    assert!(first_day.findings().is_empty());

    let mut after_dissolution = Doc::clean();
    after_dissolution.bodies[1].active = Period::new(d(2020, 1, 1), Some(d(2025, 2, 1))).unwrap();
    assert_eq!(
        after_dissolution.paths(codes::MEETING_INACTIVE_BODY.code),
        ["/meetings/2/date"]
    );
}

#[test]
fn duplicate_attendee() {
    let mut doc = Doc::clean();
    let twice = doc.meetings[0].attendance[0].clone();
    doc.meetings[0].attendance.push(mcn_governance::Attendance {
        status: mcn_governance::AttendanceStatus::Apologies,
        ..twice
    });
    let findings = doc.findings();
    assert_eq!(
        crate::fixture::paths(&findings, codes::MEETING_DUPLICATE_ATTENDEE.code),
        ["/meetings/0/attendance/2/person"]
    );
    assert_eq!(
        findings[0].related[0].as_str(),
        "/meetings/0/attendance/0/person"
    );

    // The same person at two meetings is fine.
    let mut two_meetings = Doc::clean();
    let person = two_meetings.meetings[0].attendance[0].clone();
    two_meetings.meetings[1].attendance.push(person);
    assert!(two_meetings.findings().is_empty());
}

#[test]
fn minutes_approved_before_held() {
    let mut earlier = Doc::clean();
    earlier.meetings[1].minutes_approved_at = Some(earlier.meetings[0].id);
    assert_eq!(
        earlier.paths(codes::MEETING_MINUTES_APPROVED_BEFORE_HELD.code),
        ["/meetings/1/minutes_approved_at"]
    );
    let mut itself = Doc::clean();
    itself.meetings[1].minutes_approved_at = Some(itself.meetings[1].id);
    assert_eq!(
        itself.paths(codes::MEETING_MINUTES_APPROVED_BEFORE_HELD.code),
        ["/meetings/1/minutes_approved_at"]
    );
    // Another meeting on the same day (morning and afternoon) may approve them.
    let mut same_day = Doc::clean();
    same_day.meetings[2].date = same_day.meetings[1].date;
    same_day.meetings[1].minutes_approved_at = Some(same_day.meetings[2].id);
    assert!(same_day.findings().is_empty());
}

#[test]
fn not_recorded() {
    let mut doc = Doc::clean();
    doc.meetings[1].status = MeetingStatus::Scheduled;
    assert_eq!(
        doc.paths(codes::MEETING_NOT_RECORDED.code),
        ["/meetings/1/status"]
    );
    let mut today = Doc::clean();
    today.meetings[1].status = MeetingStatus::Scheduled;
    today.meetings[1].date = as_of();
    assert!(today.findings().is_empty());
}

// ---- decisions ----

#[test]
fn outcome_inconsistent_with_votes() {
    let mut doc = Doc::clean();
    doc.meetings[0].decisions[0] =
        decision(DecisionKind::Other, DecisionOutcome::Carried, Some((2, 2)));
    doc.meetings[0].decisions.push(decision(
        DecisionKind::Other,
        DecisionOutcome::NotCarried,
        Some((3, 2)),
    ));
    let findings = doc.findings();
    assert_eq!(
        crate::fixture::paths(
            &findings,
            codes::DECISION_OUTCOME_INCONSISTENT_WITH_VOTES.code
        ),
        [
            "/meetings/0/decisions/0/outcome",
            "/meetings/0/decisions/1/outcome"
        ]
    );
    assert_eq!(
        findings[0].related[0].as_str(),
        "/meetings/0/decisions/0/votes"
    );
    assert!(
        findings[0]
            .message
            .contains("recorded as carried with 2 in favour, 2 against")
    );

    let mut fine = Doc::clean();
    fine.meetings[0].decisions = vec![
        decision(
            DecisionKind::Other,
            DecisionOutcome::NotCarried,
            Some((2, 2)),
        ),
        decision(DecisionKind::Other, DecisionOutcome::Deferred, Some((0, 5))),
        decision(DecisionKind::Other, DecisionOutcome::Carried, None),
    ];
    assert!(fine.findings().is_empty());
}

#[test]
fn subject_mismatch() {
    let mut doc = Doc::clean();
    let mut endorse = decision(
        DecisionKind::EndorseStandard,
        DecisionOutcome::Carried,
        None,
    );
    endorse.subject = Some(DecisionSubject::FundingStream(FundingStreamId::generate()));
    doc.meetings[1].decisions.push(endorse.clone());
    assert_eq!(
        doc.paths(codes::DECISION_SUBJECT_MISMATCH.code),
        ["/meetings/1/decisions/0/subject"]
    );

    let mut fine = Doc::clean();
    endorse.subject = Some(DecisionSubject::Standard(StandardId::generate()));
    fine.meetings[1].decisions.push(endorse);
    assert!(fine.findings().is_empty());
}

// ---- actions ----

#[test]
fn completed_before_raised() {
    let mut doc = Doc::clean();
    doc.meetings[0].actions[0].completed_on = Some(d(2025, 1, 9));
    let findings = doc.findings();
    assert_eq!(
        crate::fixture::paths(&findings, codes::ACTION_COMPLETED_BEFORE_RAISED.code),
        ["/meetings/0/actions/0/completed_on"]
    );
    assert_eq!(findings[0].related[0].as_str(), "/meetings/0/date");
    let mut same_day = Doc::clean();
    same_day.meetings[0].actions[0].completed_on = Some(d(2025, 1, 10));
    assert!(same_day.findings().is_empty());
}

#[test]
fn status_inconsistent() {
    let mut doc = Doc::clean();
    doc.meetings[0].actions = vec![
        action(d(2025, 3, 1), ActionStatus::Done, None),
        action(d(2025, 9, 1), ActionStatus::Open, Some(d(2025, 2, 1))),
    ];
    assert_eq!(
        doc.paths(codes::ACTION_STATUS_INCONSISTENT.code),
        [
            "/meetings/0/actions/0/status",
            "/meetings/0/actions/1/completed_on"
        ]
    );
    let mut fine = Doc::clean();
    fine.meetings[0].actions = vec![
        action(d(2025, 3, 1), ActionStatus::Cancelled, None),
        action(d(2025, 3, 1), ActionStatus::Cancelled, Some(d(2025, 2, 1))),
    ];
    assert!(fine.findings().is_empty());
}

#[test]
fn action_overdue() {
    let mut doc = Doc::clean();
    doc.meetings[1].actions[0].due = d(2025, 5, 31);
    assert_eq!(
        doc.paths(codes::ACTION_OVERDUE.code),
        ["/meetings/1/actions/0/due"]
    );
    let mut due_today = Doc::clean();
    due_today.meetings[1].actions[0].due = as_of();
    assert!(due_today.findings().is_empty());
    // Done actions are never overdue (the clean one was due in March).
    assert!(Doc::clean().paths(codes::ACTION_OVERDUE.code).is_empty());
}

// ---- objectives ----

#[test]
fn objective_lifecycle_problems() {
    use ObjectiveStage::*;
    let mut doc = Doc::clean();
    doc.objectives = vec![
        objective(d(2026, 1, 1), &[(InProgress, d(2025, 1, 1))]),
        objective(
            d(2026, 1, 1),
            &[(Proposed, d(2025, 2, 1)), (Agreed, d(2025, 1, 1))],
        ),
        objective(
            d(2026, 1, 1),
            &[(Proposed, d(2025, 1, 1)), (Completed, d(2025, 2, 1))],
        ),
    ];
    let findings = doc.findings();
    assert_eq!(
        crate::fixture::paths(&findings, codes::OBJECTIVE_ILLEGAL_START.code),
        ["/objectives/0/stages/0/status"]
    );
    assert_eq!(
        crate::fixture::paths(&findings, codes::OBJECTIVE_OUT_OF_ORDER.code),
        ["/objectives/1/stages/1/on"]
    );
    assert_eq!(
        crate::fixture::paths(&findings, codes::OBJECTIVE_ILLEGAL_TRANSITION.code),
        ["/objectives/2/stages/1/status"]
    );
    let transition = findings
        .iter()
        .find(|f| f.code == codes::OBJECTIVE_ILLEGAL_TRANSITION.code)
        .unwrap();
    assert!(
        transition.message.contains("from proposed to completed"),
        "{}",
        transition.message
    );
    assert_eq!(
        transition.related[0].as_str(),
        "/objectives/2/stages/0/status"
    );

    let mut fine = Doc::clean();
    fine.objectives = vec![
        objective(
            d(2026, 1, 1),
            &[
                (Agreed, d(2025, 1, 1)),
                (Deferred, d(2025, 1, 1)),
                (InProgress, d(2025, 2, 1)),
                (Completed, d(2025, 3, 1)),
                (Evaluated, d(2025, 4, 1)),
            ],
        ),
        objective(
            d(2026, 1, 1),
            &[(Proposed, d(2025, 1, 1)), (Cancelled, d(2025, 2, 1))],
        ),
    ];
    assert!(fine.findings().is_empty(), "{:#?}", fine.findings());
}

#[test]
fn objective_past_due() {
    use ObjectiveStage::*;
    let mut doc = Doc::clean();
    doc.objectives[0].due = d(2025, 5, 31);
    // Not begun by as_of: also past due.
    doc.objectives
        .push(objective(d(2025, 1, 1), &[(Proposed, d(2025, 7, 1))]));
    assert_eq!(
        doc.paths(codes::OBJECTIVE_PAST_DUE.code),
        ["/objectives/0/due", "/objectives/1/due"]
    );

    let mut fine = Doc::clean();
    fine.objectives[0].due = as_of();
    fine.objectives.push(objective(
        d(2025, 1, 1),
        &[
            (Agreed, d(2024, 1, 1)),
            (InProgress, d(2024, 2, 1)),
            (Completed, d(2025, 3, 1)),
        ],
    ));
    fine.objectives.push(objective(
        d(2025, 1, 1),
        &[(Proposed, d(2024, 1, 1)), (Cancelled, d(2024, 6, 1))],
    ));
    assert!(fine.findings().is_empty(), "{:#?}", fine.findings());
    // Completed only after as_of: still past due on as_of.
    let mut late = Doc::clean();
    late.objectives[0].due = d(2025, 5, 1);
    late.objectives[0].stages = stages(&[
        (Agreed, d(2024, 1, 1)),
        (InProgress, d(2024, 2, 1)),
        (Completed, d(2025, 7, 1)),
    ]);
    assert_eq!(
        late.paths(codes::OBJECTIVE_PAST_DUE.code),
        ["/objectives/0/due"]
    );
}

// ---- risks ----

#[test]
fn risk_review_overdue() {
    let mut doc = Doc::clean();
    doc.risks
        .push(risk(1, 1, RiskStatus::Tolerated, d(2025, 5, 31)));
    doc.risks
        .push(risk(1, 1, RiskStatus::Closed, d(2020, 1, 1)));
    doc.risks.push(risk(1, 1, RiskStatus::Open, as_of()));
    assert_eq!(
        doc.paths(codes::RISK_REVIEW_OVERDUE.code),
        ["/risks/1/review_by"]
    );
}

#[test]
fn risk_high_score() {
    let mut doc = Doc::clean();
    doc.risks = vec![
        risk(3, 5, RiskStatus::Open, d(2026, 1, 1)),
        risk(3, 4, RiskStatus::Open, d(2026, 1, 1)),
        risk(5, 5, RiskStatus::Closed, d(2026, 1, 1)),
        risk(4, 4, RiskStatus::Tolerated, d(2026, 1, 1)),
    ];
    let findings = doc.findings();
    assert_eq!(
        crate::fixture::paths(&findings, codes::RISK_HIGH_SCORE.code),
        ["/risks/0", "/risks/3"]
    );
    assert!(
        findings[0]
            .message
            .contains("scores 15 (likelihood 3 × impact 5)")
    );
}

// ---- funding ----

#[test]
fn funding_ending_soon() {
    let mut doc = Doc::clean();
    let ends = |end| Period::new(d(2024, 1, 1), Some(end)).unwrap();
    doc.funding_streams = vec![
        funding(1, ends(d(2025, 8, 30)), FundingBasis::TimeLimited), // as_of + 90
        funding(1, ends(d(2025, 8, 31)), FundingBasis::Recurrent),   // as_of + 91
        funding(1, ends(as_of()), FundingBasis::Recurrent),          // today
        funding(1, ends(d(2025, 5, 31)), FundingBasis::TimeLimited), // ended
        funding(1, Period::starting(d(2024, 1, 1)), FundingBasis::Recurrent),
    ];
    let findings = doc.findings();
    assert_eq!(
        crate::fixture::paths(&findings, codes::FUNDING_STREAM_ENDING_SOON.code),
        ["/funding_streams/0/period", "/funding_streams/2/period"]
    );
    assert!(
        findings[0]
            .message
            .contains("time_limited) ends on 2025-08-30, 90 days after"),
        "{}",
        findings[0].message
    );
}

#[test]
fn findings_come_in_a_fixed_order() {
    let mut doc = Doc::clean();
    doc.meetings[1].actions[0].due = d(2025, 1, 1);
    doc.bodies[0].terms_of_reference[0].review_by = d(2025, 1, 1);
    let first = doc.findings();
    assert_eq!(first, doc.findings());
    assert_eq!(first.len(), 2);
    assert_eq!(first[0].code, codes::TERMS_REVIEW_OVERDUE.code);
    assert_eq!(first[1].code, codes::ACTION_OVERDUE.code);
}
