//! Every rule triggered and not triggered, with exact codes and paths.

use mcn_core::{
    Finding, Period, Severity, StatusChange,
    id::{DecisionId, OrganisationId},
};
use mcn_standards::{
    AdoptionStatus, ConditionCategory, StandardStatus, StandardsData, codes, validate,
};

use crate::support::{adoption, d, endorsed, period, result, standard};

use AdoptionStatus::{Adopted, InProgress, NotApplicable, NotStarted, Planned};
use StandardStatus::{Consultation, Draft, Endorsed, Retired, Superseded};

fn as_of() -> mcn_core::NaiveDate {
    d(2025, 6, 1)
}

fn pairs(findings: &[Finding]) -> Vec<(&str, &str)> {
    findings
        .iter()
        .map(|f| (f.code.as_str(), f.path.as_str()))
        .collect()
}

fn run(data: &StandardsData<'_>) -> Vec<Finding> {
    let findings = validate(data, as_of());
    for finding in &findings {
        let code = codes::ALL
            .iter()
            .find(|c| c.code == finding.code)
            .unwrap_or_else(|| panic!("{} not in codes::ALL", finding.code));
        assert_eq!(code.severity, finding.severity, "{}", finding.code);
        assert!(!finding.message.is_empty());
    }
    findings
}

fn standards_only(standards: &[mcn_standards::Standard]) -> Vec<Finding> {
    run(&StandardsData {
        standards,
        ..StandardsData::default()
    })
}

fn decided(mut s: mcn_standards::Standard) -> mcn_standards::Standard {
    s.endorsed_by = Some(DecisionId::generate());
    s
}

#[test]
fn a_clean_document_has_no_findings() {
    let mut s = decided(endorsed("NET-GL-01"));
    s.review_by = Some(as_of());
    let org = OrganisationId::generate();
    let adoptions = [adoption(
        org,
        s.id,
        &[
            (NotStarted, d(2024, 3, 1), None),
            (Planned, d(2024, 4, 1), None),
            (Adopted, d(2024, 9, 1), None),
        ],
    )];
    let results = [result(
        s.measures[0].id,
        org,
        period(d(2025, 1, 1), d(2025, 3, 31)),
        3,
        4,
    )];
    let standards = [s];
    let data = StandardsData {
        standards: &standards,
        adoptions: &adoptions,
        audit_results: &results,
    };
    assert_eq!(run(&data), vec![]);
}

// ------------------------------------------------------------- standards --

#[test]
fn duplicate_code_among_active_standards() {
    let a = decided(endorsed("NET-GL-01"));
    let b = standard("NET-GL-01", &[(Draft, d(2025, 1, 1))]);
    let findings = standards_only(&[a, b]);
    assert_eq!(
        pairs(&findings),
        [(codes::STANDARD_DUPLICATE_CODE.code, "/standards/1/code")]
    );
    assert_eq!(findings[0].related[0].as_str(), "/standards/0/code");
    assert!(findings[0].message.contains("NET-GL-01"));
}

#[test]
fn duplicate_code_not_reported_when_inactive_or_a_new_version() {
    // The old version is superseded.
    let mut old = decided(endorsed("NET-GL-01"));
    old.status
        .push(StatusChange::new(Superseded, d(2025, 1, 1)));
    let new = decided(endorsed("NET-GL-01"));
    assert_eq!(standards_only(&[old.clone(), new]), vec![]);

    // A retired one, and one whose history begins after as_of.
    let retired = standard(
        "NET-GL-02",
        &[(Draft, d(2024, 1, 1)), (Retired, d(2024, 2, 1))],
    );
    let later = standard("NET-GL-02", &[(Draft, d(2026, 1, 1))]);
    let current = decided(endorsed("NET-GL-02"));
    assert_eq!(standards_only(&[retired, later, current]), vec![]);

    // A draft new version of an endorsed standard with the same code.
    let in_force = decided(endorsed("NET-GL-03"));
    let mut next = standard("NET-GL-03", &[(Draft, d(2025, 5, 1))]);
    next.supersedes = Some(in_force.id);
    assert_eq!(standards_only(&[next, in_force]), vec![]);
}

#[test]
fn status_history_problems() {
    let starts_wrong = standard("A", &[(Consultation, d(2024, 1, 1))]);
    let out_of_order = standard(
        "B",
        &[(Draft, d(2024, 3, 1)), (Consultation, d(2024, 2, 1))],
    );
    let skips = standard("C", &[(Draft, d(2024, 1, 1)), (Endorsed, d(2024, 2, 1))]);
    let findings = standards_only(&[starts_wrong, out_of_order, skips]);
    let got = pairs(&findings);
    assert!(
        got.contains(&(codes::STANDARD_ILLEGAL_START.code, "/standards/0/status/0")),
        "{got:?}"
    );
    assert!(
        got.contains(&(codes::STANDARD_OUT_OF_ORDER.code, "/standards/1/status/1")),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            codes::STANDARD_ILLEGAL_TRANSITION.code,
            "/standards/2/status/1"
        )),
        "{got:?}"
    );
    assert_eq!(got.len(), 4, "{got:?}"); // + endorsed_without_decision for C
    let skip = findings
        .iter()
        .find(|f| f.code == codes::STANDARD_ILLEGAL_TRANSITION.code)
        .unwrap();
    assert_eq!(skip.related[0].as_str(), "/standards/2/status/0");
    assert!(
        skip.message.contains("from draft to endorsed"),
        "{}",
        skip.message
    );
}

#[test]
fn legal_status_histories_are_clean() {
    let full = decided(standard(
        "A",
        &[
            (Draft, d(2020, 1, 1)),
            (Consultation, d(2020, 2, 1)),
            (Draft, d(2020, 3, 1)),
            (Consultation, d(2020, 4, 1)),
            (Endorsed, d(2020, 5, 1)),
            (Endorsed, d(2023, 5, 1)),
            (Superseded, d(2024, 5, 1)),
            (Retired, d(2025, 1, 1)),
        ],
    ));
    let same_day = standard("B", &[(Draft, d(2024, 1, 1)), (Retired, d(2024, 1, 1))]);
    assert_eq!(standards_only(&[full, same_day]), vec![]);
}

#[test]
fn supersedes_cycle_reported_once_per_cycle() {
    let mut a = decided(endorsed("A"));
    let mut b = decided(endorsed("B"));
    let mut c = decided(endorsed("C"));
    a.supersedes = Some(c.id);
    b.supersedes = Some(a.id);
    c.supersedes = Some(b.id);
    let mut selfish = decided(endorsed("D"));
    selfish.supersedes = Some(selfish.id);
    let findings = standards_only(&[a, b, c, selfish]);
    assert_eq!(
        pairs(&findings),
        [
            (
                codes::STANDARD_SUPERSEDES_CYCLE.code,
                "/standards/0/supersedes"
            ),
            (
                codes::STANDARD_SUPERSEDES_CYCLE.code,
                "/standards/3/supersedes"
            ),
        ]
    );
    let related: Vec<&str> = findings[0]
        .related
        .iter()
        .map(mcn_core::JsonPointer::as_str)
        .collect();
    // The other members follow the chain: A supersedes C, which supersedes B.
    assert_eq!(
        related,
        ["/standards/2/supersedes", "/standards/1/supersedes"]
    );
    let message = &findings[0].message;
    let (a, b, c) = (
        message.find("standard A "),
        message.find("standard B "),
        message.find("standard C "),
    );
    assert!(a < c && c < b, "{message}");
    assert!(message.ends_with(": a cycle"), "{message}");
    assert!(
        findings[1].message.ends_with("supersedes itself"),
        "{}",
        findings[1].message
    );
}

#[test]
fn supersedes_chain_is_not_a_cycle() {
    let a = decided(endorsed("A"));
    let mut b = decided(endorsed("B"));
    let mut c = decided(endorsed("C"));
    b.supersedes = Some(a.id);
    c.supersedes = Some(b.id);
    // A dangling `supersedes` is mcn-network's business.
    let mut e = decided(endorsed("E"));
    e.supersedes = Some(mcn_core::id::StandardId::generate());
    assert_eq!(standards_only(&[a, b, c, e]), vec![]);
}

#[test]
fn endorsed_without_decision() {
    let findings = standards_only(&[endorsed("A")]);
    assert_eq!(
        pairs(&findings),
        [(
            codes::STANDARD_ENDORSED_WITHOUT_DECISION.code,
            "/standards/0"
        )]
    );
    assert_eq!(findings[0].severity, Severity::Warning);
    // Not endorsed (yet, or any more): no decision needed.
    let draft = standard("B", &[(Draft, d(2024, 1, 1))]);
    let mut retired = endorsed("C");
    retired
        .status
        .push(StatusChange::new(Retired, d(2025, 1, 1)));
    assert_eq!(
        standards_only(&[draft, retired, decided(endorsed("D"))]),
        vec![]
    );
}

#[test]
fn review_overdue() {
    let mut late = decided(endorsed("A"));
    late.review_by = Some(d(2025, 5, 31));
    let mut due_today = decided(endorsed("B"));
    due_today.review_by = Some(as_of());
    let mut superseded = decided(endorsed("C"));
    superseded.review_by = Some(d(2020, 1, 1));
    superseded
        .status
        .push(StatusChange::new(Superseded, d(2025, 1, 1)));
    let findings = standards_only(&[late, due_today, superseded]);
    assert_eq!(
        pairs(&findings),
        [(
            codes::STANDARD_REVIEW_OVERDUE.code,
            "/standards/0/review_by"
        )]
    );
    assert!(
        findings[0].message.contains("1 days overdue"),
        "{}",
        findings[0].message
    );
}

#[test]
fn duplicate_measure_ids() {
    let a = decided(endorsed("A"));
    let mut b = decided(endorsed("B"));
    b.measures[0].id = a.measures[0].id;
    b.measures.push(b.measures[0].clone());
    let findings = standards_only(&[a, b]);
    assert_eq!(
        pairs(&findings),
        [
            (
                codes::MEASURE_DUPLICATE_ID.code,
                "/standards/1/measures/0/id"
            ),
            (
                codes::MEASURE_DUPLICATE_ID.code,
                "/standards/1/measures/1/id"
            ),
        ]
    );
    assert_eq!(
        findings[0].related[0].as_str(),
        "/standards/0/measures/0/id"
    );
    assert_eq!(
        standards_only(&[decided(endorsed("A")), decided(endorsed("B"))]),
        vec![]
    );
}

// ------------------------------------------------------------- adoptions --

fn adoptions_only(adoptions: &[mcn_standards::Adoption]) -> Vec<Finding> {
    run(&StandardsData {
        adoptions,
        ..StandardsData::default()
    })
}

#[test]
fn adoption_history_problems() {
    let org = OrganisationId::generate();
    let s = mcn_core::id::StandardId::generate();
    let late = adoption(
        org,
        s,
        &[
            (Planned, d(2024, 5, 1), None),
            (InProgress, d(2024, 4, 1), None),
        ],
    );
    let backwards = adoption(
        OrganisationId::generate(),
        s,
        &[
            (Adopted, d(2024, 1, 1), None),
            (Planned, d(2024, 4, 1), None),
        ],
    );
    let repeated = adoption(
        OrganisationId::generate(),
        s,
        &[
            (Planned, d(2024, 1, 1), None),
            (Planned, d(2024, 4, 1), None),
        ],
    );
    assert_eq!(
        pairs(&adoptions_only(&[late, backwards, repeated])),
        [
            (codes::ADOPTION_OUT_OF_ORDER.code, "/adoptions/0/status/1"),
            (
                codes::ADOPTION_ILLEGAL_TRANSITION.code,
                "/adoptions/1/status/1"
            ),
            (
                codes::ADOPTION_ILLEGAL_TRANSITION.code,
                "/adoptions/2/status/1"
            ),
        ]
    );
}

#[test]
fn legal_adoption_histories_are_clean() {
    let s = mcn_core::id::StandardId::generate();
    let lapsed = adoption(
        OrganisationId::generate(),
        s,
        &[
            (Adopted, d(2023, 1, 1), None),
            (InProgress, d(2024, 1, 1), None),
            (Adopted, d(2024, 6, 1), None),
        ],
    );
    let reassessed = adoption(
        OrganisationId::generate(),
        s,
        &[
            (NotApplicable, d(2023, 1, 1), Some("no inpatient beds")),
            (Planned, d(2024, 1, 1), None),
        ],
    );
    assert_eq!(adoptions_only(&[lapsed, reassessed]), vec![]);
}

#[test]
fn not_applicable_needs_a_reason() {
    let s = mcn_core::id::StandardId::generate();
    let bare = adoption(
        OrganisationId::generate(),
        s,
        &[
            (NotStarted, d(2024, 1, 1), None),
            (NotApplicable, d(2024, 2, 1), None),
        ],
    );
    let reasoned = adoption(
        OrganisationId::generate(),
        s,
        &[(NotApplicable, d(2024, 2, 1), Some("adult-only service"))],
    );
    let findings = adoptions_only(&[bare, reasoned]);
    assert_eq!(
        pairs(&findings),
        [(
            codes::ADOPTION_NOT_APPLICABLE_WITHOUT_REASON.code,
            "/adoptions/0/status/1"
        )]
    );
    assert_eq!(findings[0].severity, Severity::Warning);
}

#[test]
fn duplicate_adoptions() {
    let org = OrganisationId::generate();
    let s = mcn_core::id::StandardId::generate();
    let row = [(Planned, d(2024, 1, 1), None)];
    let findings = adoptions_only(&[
        adoption(org, s, &row),
        adoption(org, mcn_core::id::StandardId::generate(), &row),
        adoption(OrganisationId::generate(), s, &row),
        adoption(org, s, &row),
    ]);
    assert_eq!(
        pairs(&findings),
        [(codes::ADOPTION_DUPLICATE.code, "/adoptions/3")]
    );
    assert_eq!(findings[0].related[0].as_str(), "/adoptions/0");
}

// --------------------------------------------------------- audit results --

fn results_with(
    standards: &[mcn_standards::Standard],
    results: &[mcn_standards::AuditResult],
) -> Vec<Finding> {
    run(&StandardsData {
        standards,
        audit_results: results,
        ..StandardsData::default()
    })
}

#[test]
fn inconsistent_counts() {
    let s = decided(endorsed("A"));
    let m = s.measures[0].id;
    let org = OrganisationId::generate();
    let q = period(d(2025, 1, 1), d(2025, 3, 31));
    let findings = results_with(
        &[s],
        &[
            result(m, org, q, 5, 4),
            result(m, OrganisationId::generate(), q, 2, 0),
            result(m, OrganisationId::generate(), q, 4, 4),
            result(m, OrganisationId::generate(), q, 0, 0),
        ],
    );
    assert_eq!(
        pairs(&findings),
        [
            (
                codes::AUDIT_NUMERATOR_EXCEEDS_DENOMINATOR.code,
                "/audit_results/0/numerator"
            ),
            (
                codes::AUDIT_ZERO_DENOMINATOR.code,
                "/audit_results/1/denominator"
            ),
        ]
    );
    assert!(
        findings[0]
            .message
            .contains("numerator 5 above its denominator 4")
    );
}

#[test]
fn open_reporting_period() {
    let s = decided(endorsed("A"));
    let m = s.measures[0].id;
    let open = result(
        m,
        OrganisationId::generate(),
        Period::starting(d(2025, 1, 1)),
        1,
        2,
    );
    let closed = result(
        m,
        OrganisationId::generate(),
        period(d(2025, 1, 1), d(2025, 1, 1)),
        1,
        2,
    );
    assert_eq!(
        pairs(&results_with(&[s], &[open, closed])),
        [(codes::AUDIT_OPEN_PERIOD.code, "/audit_results/0/period")]
    );
}

#[test]
fn duplicate_results() {
    let s = decided(endorsed("A"));
    let m = s.measures[0].id;
    let org = OrganisationId::generate();
    let q1 = period(d(2025, 1, 1), d(2025, 3, 31));
    let q2 = period(d(2025, 4, 1), d(2025, 6, 30));
    let mut by_category = result(m, org, q1, 1, 2);
    by_category.category = Some(ConditionCategory::ProgressiveWithoutCure);
    let findings = results_with(
        &[s],
        &[
            result(m, org, q1, 1, 2),
            result(m, org, q2, 1, 2),
            by_category,
            result(m, OrganisationId::generate(), q1, 1, 2),
            result(m, org, q1, 2, 2),
        ],
    );
    assert_eq!(
        pairs(&findings),
        [(codes::AUDIT_DUPLICATE.code, "/audit_results/4")]
    );
    assert_eq!(findings[0].related[0].as_str(), "/audit_results/0");
}

#[test]
fn results_for_a_retired_standard() {
    let mut s = decided(endorsed("A"));
    s.status.push(StatusChange::new(Retired, d(2025, 2, 1)));
    let m = s.measures[0].id;
    let org = OrganisationId::generate();
    let before = result(m, org, period(d(2025, 1, 1), d(2025, 3, 31)), 1, 2);
    let after = result(m, org, period(d(2025, 2, 1), d(2025, 3, 31)), 1, 2);
    let unknown = result(
        mcn_core::id::MeasureId::generate(),
        org,
        period(d(2025, 4, 1), d(2025, 6, 30)),
        1,
        2,
    );
    let findings = results_with(&[s], &[before, after, unknown]);
    assert_eq!(
        pairs(&findings),
        [(
            codes::AUDIT_RETIRED_STANDARD.code,
            "/audit_results/1/measure"
        )]
    );
    assert_eq!(findings[0].related[0].as_str(), "/standards/0/measures/0");
    assert_eq!(findings[0].severity, Severity::Warning);
}

#[test]
fn findings_are_sorted_and_deterministic() {
    let mut standards: Vec<_> = (0..12).map(|i| endorsed(&format!("S{i}"))).collect();
    standards.push(endorsed("S3"));
    let data = StandardsData {
        standards: &standards,
        ..StandardsData::default()
    };
    let findings = run(&data);
    let paths: Vec<_> = findings.iter().map(|f| f.path.clone()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(findings, validate(&data, as_of()));
    assert_eq!(findings.len(), 14);
}
