//! Adoption, compliance, versions and reviews.

use mcn_core::{Period, Proportion, StatusChange, id::OrganisationId};
use mcn_standards::{
    AdoptionStatus, ConditionCategory, StandardStatus,
    queries::{
        AdoptionIndex, StatusCounts, Versions, adoption_matrix, adoption_status, compliance,
        compliance_by_measure, current_version, due_for_review, endorsed_on, is_endorsed,
    },
};

use crate::support::{adoption, d, endorsed, measure, period, result, standard};

use AdoptionStatus::{Adopted, InProgress, NotApplicable, NotStarted, Planned};

#[test]
fn adoption_status_as_of_a_date() {
    let org = OrganisationId::generate();
    let s = endorsed("A");
    let adoptions = [adoption(
        org,
        s.id,
        &[
            (NotStarted, d(2024, 1, 1), None),
            (Planned, d(2024, 3, 1), None),
            (Adopted, d(2024, 9, 1), None),
        ],
    )];
    assert_eq!(
        adoption_status(&adoptions, org, s.id, d(2023, 12, 31)),
        None
    );
    assert_eq!(
        adoption_status(&adoptions, org, s.id, d(2024, 3, 1)),
        Some(Planned)
    );
    assert_eq!(
        adoption_status(&adoptions, org, s.id, d(2024, 8, 31)),
        Some(Planned)
    );
    assert_eq!(
        adoption_status(&adoptions, org, s.id, d(2030, 1, 1)),
        Some(Adopted)
    );
    assert_eq!(
        adoption_status(&adoptions, OrganisationId::generate(), s.id, d(2030, 1, 1)),
        None
    );
    let index = AdoptionIndex::new(&adoptions);
    assert_eq!(index.status(org, s.id, d(2024, 9, 1)), Some(Adopted));
    assert_eq!(index.get(org, s.id).map(|a| a.id), Some(adoptions[0].id));
}

#[test]
fn first_adoption_record_wins() {
    let org = OrganisationId::generate();
    let s = endorsed("A");
    let adoptions = [
        adoption(org, s.id, &[(InProgress, d(2024, 1, 1), None)]),
        adoption(org, s.id, &[(Adopted, d(2024, 1, 1), None)]),
    ];
    assert_eq!(
        adoption_status(&adoptions, org, s.id, d(2025, 1, 1)),
        Some(InProgress)
    );
    assert_eq!(
        AdoptionIndex::new(&adoptions).status(org, s.id, d(2025, 1, 1)),
        Some(InProgress)
    );
}

#[test]
fn adoption_matrix_counts() {
    let orgs: Vec<_> = (0..3).map(|_| OrganisationId::generate()).collect();
    let (a, b) = (endorsed("A"), endorsed("B"));
    let adoptions = [
        adoption(orgs[0], a.id, &[(Adopted, d(2024, 1, 1), None)]),
        adoption(orgs[0], b.id, &[(Planned, d(2024, 1, 1), None)]),
        adoption(orgs[1], a.id, &[(Adopted, d(2024, 1, 1), None)]),
        adoption(
            orgs[1],
            b.id,
            &[(NotApplicable, d(2024, 1, 1), Some("no home care"))],
        ),
        adoption(orgs[2], a.id, &[(InProgress, d(2026, 1, 1), None)]), // not yet
    ];
    let m = adoption_matrix(&adoptions, &orgs, &[a.id, b.id], d(2025, 1, 1));
    assert_eq!(m.cells[0], [Some(Adopted), Some(Planned)]);
    assert_eq!(m.cells[1], [Some(Adopted), Some(NotApplicable)]);
    assert_eq!(m.cells[2], [None, None]);
    assert_eq!(m.cell(orgs[1], b.id), Some(Some(NotApplicable)));
    assert_eq!(m.cell(OrganisationId::generate(), b.id), None);
    assert_eq!(
        m.by_standard[0],
        StatusCounts {
            adopted: 2,
            not_recorded: 1,
            ..StatusCounts::default()
        }
    );
    assert_eq!(m.by_standard[1].get(Some(NotApplicable)), 1);
    assert_eq!(m.by_organisation[2].not_recorded, 2);
    assert_eq!(m.totals.total(), 6);
    assert_eq!(m.totals.adopted, 2);
    // Adopted share leaves out "not applicable": 2 of 5.
    assert_eq!(m.totals.adopted_share(), Proportion::of(2, 5));
    assert_eq!(m.by_standard[1].adopted_share(), Proportion::of(0, 2));

    let json = serde_json::to_value(&m).unwrap();
    assert_eq!(json["cells"][1][1], "not_applicable");
    assert!(json["cells"][2][0].is_null());
}

#[test]
fn pooled_compliance_is_sum_over_sum_with_target_and_non_submitters() {
    let mut m = measure();
    m.target = Some(Proportion::try_from(0.8).unwrap());
    let (a, b, c, unexpected) = (
        OrganisationId::generate(),
        OrganisationId::generate(),
        OrganisationId::generate(),
        OrganisationId::generate(),
    );
    let year = period(d(2025, 4, 1), d(2026, 3, 31));
    let q1 = period(d(2025, 4, 1), d(2025, 6, 30));
    let q2 = period(d(2025, 7, 1), d(2025, 9, 30));
    let straddling = period(d(2025, 1, 1), d(2025, 6, 30));
    let mut stratified = result(m.id, b, q1, 1, 1);
    stratified.category = Some(ConditionCategory::PrematureDeathInevitable);
    let results = [
        result(m.id, a, q1, 9, 10),
        result(m.id, a, q2, 9, 10),
        result(m.id, b, q1, 1, 80),
        result(m.id, b, straddling, 50, 50), // not within the year
        result(m.id, unexpected, q2, 10, 10), // counted all the same
        result(m.id, a, q2, 7, 3),           // inconsistent: excluded
        result(measure().id, c, q1, 1, 1),   // another measure
        stratified,                          // another category
    ];
    let report = compliance(&results, &m, year, None, &[a, b, c, a]);
    assert_eq!(
        (report.pooled.numerator, report.pooled.denominator),
        (29, 110)
    );
    assert_eq!(report.pooled.results, 4);
    assert_eq!(report.pooled.excluded, 1);
    assert_eq!(report.pooled.rate, Proportion::of(29, 110));
    assert_eq!(report.pooled.target_met, Some(false));
    assert_eq!(report.not_submitted, [c]);

    let row = |o| {
        report
            .organisations
            .iter()
            .find(|r| r.organisation == o)
            .unwrap()
            .compliance
    };
    assert_eq!(
        (row(a).numerator, row(a).denominator, row(a).excluded),
        (18, 20, 1)
    );
    assert_eq!(row(a).target_met, Some(true));
    assert_eq!(row(b).target_met, Some(false));
    assert_eq!(report.organisations.len(), 3);
    let ids: Vec<_> = report
        .organisations
        .iter()
        .map(|r| r.organisation)
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);

    // The mean of percentages would have said (90% + 1.25% + 100%) / 3 ≈ 64%.
    let by_category = compliance(
        &results,
        &m,
        year,
        Some(ConditionCategory::PrematureDeathInevitable),
        &[a, b],
    );
    assert_eq!(
        (by_category.pooled.numerator, by_category.pooled.denominator),
        (1, 1)
    );
    assert_eq!(by_category.not_submitted, [a]);
}

#[test]
fn target_met_exactly_and_without_target_or_rate() {
    let mut m = measure();
    m.target = Some(Proportion::try_from(0.9).unwrap());
    let org = OrganisationId::generate();
    let q = period(d(2025, 1, 1), d(2025, 3, 31));
    let exact = compliance(&[result(m.id, org, q, 9, 10)], &m, q, None, &[]);
    assert_eq!(exact.pooled.target_met, Some(true));
    let empty = compliance(&[result(m.id, org, q, 0, 0)], &m, q, None, &[org]);
    assert_eq!(empty.pooled.rate, None);
    assert_eq!(empty.pooled.target_met, None);
    assert!(empty.not_submitted.is_empty()); // a 0/0 return is a submission
    m.target = None;
    let untargeted = compliance(&[result(m.id, org, q, 9, 10)], &m, q, None, &[]);
    assert_eq!(untargeted.pooled.target_met, None);
}

#[test]
fn compliance_by_measure_matches_one_at_a_time() {
    let mut s1 = endorsed("A");
    s1.measures.push(measure());
    let s2 = endorsed("B");
    let orgs: Vec<_> = (0..3).map(|_| OrganisationId::generate()).collect();
    let q = period(d(2025, 1, 1), d(2025, 3, 31));
    let results = [
        result(s1.measures[0].id, orgs[0], q, 1, 2),
        result(s1.measures[1].id, orgs[1], q, 3, 4),
        result(s2.measures[0].id, orgs[2], q, 5, 6),
        result(s2.measures[0].id, orgs[0], q, 0, 6),
    ];
    let standards = [s1, s2];
    let all = compliance_by_measure(&standards, &results, q, None, &orgs);
    assert_eq!(all.len(), 3);
    let measures: Vec<_> = standards.iter().flat_map(|s| &s.measures).collect();
    for (report, m) in all.iter().zip(measures) {
        assert_eq!(report.measure, m.id);
        assert_eq!(*report, compliance(&results, m, q, None, &orgs));
    }
    assert_eq!(all[2].not_submitted, [orgs[1]]);
}

#[test]
fn current_version_follows_endorsed_successors() {
    let v1 = endorsed("G");
    let mut v2 = endorsed("G");
    v2.supersedes = Some(v1.id);
    let mut v3 = standard("G", &[(StandardStatus::Draft, d(2025, 1, 1))]);
    v3.supersedes = Some(v2.id);
    let standards = [v3.clone(), v1.clone(), v2.clone()];
    let as_of = d(2025, 6, 1);
    assert_eq!(
        current_version(&standards, v1.id, as_of).map(|s| s.id),
        Some(v2.id)
    );
    assert_eq!(
        current_version(&standards, v2.id, as_of).map(|s| s.id),
        Some(v2.id)
    );
    assert_eq!(
        current_version(&standards, v3.id, as_of).map(|s| s.id),
        Some(v3.id)
    );
    // Before v2 was endorsed, v1 was current.
    assert_eq!(
        current_version(&standards, v1.id, d(2024, 2, 15)).map(|s| s.id),
        Some(v1.id)
    );
    assert!(current_version(&standards, mcn_core::id::StandardId::generate(), as_of).is_none());
}

#[test]
fn current_version_is_cycle_safe() {
    let mut a = endorsed("A");
    let mut b = endorsed("B");
    a.supersedes = Some(b.id);
    b.supersedes = Some(a.id);
    let mut selfish = endorsed("C");
    selfish.supersedes = Some(selfish.id);
    let standards = [a.clone(), b.clone(), selfish.clone()];
    let versions = Versions::new(&standards);
    let as_of = d(2025, 1, 1);
    assert_eq!(versions.current(a.id, as_of).map(|s| s.id), Some(b.id));
    assert_eq!(versions.current(b.id, as_of).map(|s| s.id), Some(a.id));
    assert_eq!(
        versions.current(selfish.id, as_of).map(|s| s.id),
        Some(selfish.id)
    );
}

#[test]
fn standards_due_for_review() {
    let as_of = d(2025, 6, 1);
    let with_review = |code: &str, review| {
        let mut s = endorsed(code);
        s.review_by = review;
        s
    };
    let mut retired = with_review("R", Some(d(2020, 1, 1)));
    retired
        .status
        .push(StatusChange::new(StandardStatus::Retired, d(2024, 6, 1)));
    let standards = [
        with_review("LATER", Some(d(2025, 9, 1))),
        with_review("OVERDUE", Some(d(2025, 5, 1))),
        with_review("SOON", Some(d(2025, 7, 1))),
        with_review("NONE", None),
        retired,
        with_review("EDGE", Some(d(2025, 7, 31))),
    ];
    let due = due_for_review(&standards, as_of, 60);
    let got: Vec<_> = due
        .iter()
        .map(|r| (r.standard.code.as_str(), r.index, r.overdue))
        .collect();
    assert_eq!(
        got,
        [("OVERDUE", 1, true), ("SOON", 2, false), ("EDGE", 5, false)]
    );
    assert_eq!(due_for_review(&standards, as_of, 0).len(), 1);
    assert_eq!(due_for_review(&standards, as_of, u32::MAX).len(), 4);
}

#[test]
fn window_boundaries_are_inclusive() {
    let m = measure();
    let org = OrganisationId::generate();
    let year = period(d(2025, 1, 1), d(2025, 12, 31));
    let on_edges = [
        result(m.id, org, period(d(2025, 1, 1), d(2025, 1, 31)), 1, 1),
        result(m.id, org, period(d(2025, 12, 1), d(2025, 12, 31)), 1, 1),
        result(m.id, org, period(d(2025, 12, 1), d(2026, 1, 1)), 1, 1),
    ];
    assert_eq!(compliance(&on_edges, &m, year, None, &[]).pooled.results, 2);
    let open = Period::starting(d(2025, 1, 1));
    assert_eq!(compliance(&on_edges, &m, open, None, &[]).pooled.results, 3);
}

#[test]
fn endorsed_on_a_date_counts_each_id_once() {
    let early = endorsed("A"); // endorsed 2024-03-01
    let draft = standard("B", &[(StandardStatus::Draft, d(2024, 1, 1))]);
    let retired = standard(
        "C",
        &[
            (StandardStatus::Endorsed, d(2024, 1, 1)),
            (StandardStatus::Retired, d(2024, 6, 1)),
        ],
    );
    let mut repeated = endorsed("D");
    repeated.id = early.id;
    let standards = [draft, early, retired, repeated];
    assert!(!is_endorsed(&standards[1], d(2024, 2, 29)));
    assert!(is_endorsed(&standards[1], d(2024, 3, 1)));
    assert!(is_endorsed(&standards[2], d(2024, 5, 31)));
    assert!(!is_endorsed(&standards[2], d(2024, 6, 1)));
    assert_eq!(endorsed_on(&standards, d(2024, 2, 1)), [2]);
    assert_eq!(endorsed_on(&standards, d(2024, 5, 1)), [1, 2]);
    assert_eq!(endorsed_on(&standards, d(2025, 1, 1)), [1]);
    assert!(endorsed_on(&standards, d(2023, 12, 31)).is_empty());
}
