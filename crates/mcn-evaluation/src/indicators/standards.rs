//! Standardised practice: standards endorsed, adoption by members, pooled
//! compliance per measure against its target, and members not submitting
//! audit results.

use std::collections::{BTreeMap, HashMap, HashSet};

use mcn_core::{
    JsonPointer, NaiveDate, Period,
    id::{OrganisationId, StandardId},
};
use mcn_standards::{
    AdoptionStatus, AuditResult, SourceKind,
    queries::{MeasureCompliance, compliance_by_measure},
};

use super::{Context, EvidenceList, IndicatorSpec, breakdown, entry, row, words};

use crate::report::{Direction, Indicator, Row, Theme, Value};

/// `standards.endorsed`.
pub(crate) const ENDORSED: IndicatorSpec = IndicatorSpec {
    id: "standards.endorsed",
    theme: Theme::Standards,
    title: "Standards endorsed by the network",
    definition: "Standards whose status on the report date is endorsed (by the network's own \
                 governance).",
    unit: "standards",
    direction: Direction::HigherIsBetter,
    basis: "",
    reads: "standards' status histories on the report date; the endorsing meeting's date",
    sources: &["standards", "meetings"],
};

/// `standards.adoption`.
pub(crate) const ADOPTION: IndicatorSpec = IndicatorSpec {
    id: "standards.adoption",
    theme: Theme::Standards,
    title: "Adoption of endorsed standards by members",
    definition: "Cells of the adoption matrix (active members × endorsed standards) adopted on \
                 the report date, out of the cells where the standard applies (all but not \
                 applicable; a cell with no record counts as not adopted).",
    unit: "member × standard pairs",
    direction: Direction::HigherIsBetter,
    basis: "member × standard pairs that apply",
    reads: "membership, adoption and standard status histories on the report date",
    sources: &["adoptions", "standards", "memberships", "organisations"],
};

/// `standards.compliance`.
pub(crate) const COMPLIANCE: IndicatorSpec = IndicatorSpec {
    id: "standards.compliance",
    theme: Theme::Standards,
    title: "Measures meeting their target",
    definition: "Measures of endorsed standards whose pooled compliance (Σ numerators / Σ \
                 denominators of the audit results submitted in the window, whatever their \
                 reporting period) reaches the measure's target, out of the measures with a \
                 target and at least one such result. A result counts in the one window it was \
                 submitted in, never before.",
    unit: "measures",
    direction: Direction::HigherIsBetter,
    basis: "measures with a target and results",
    reads: "audit results' submitted_on in the window (not their reporting period); standards' status on the report date",
    sources: &["standards", "audit_results"],
};

/// `standards.audit_submission`.
pub(crate) const AUDIT_SUBMISSION: IndicatorSpec = IndicatorSpec {
    id: "standards.audit_submission",
    theme: Theme::Standards,
    title: "Members submitting audit results",
    definition: "Active members that adopted an endorsed standard with measures and submitted \
                 (submission date in the window) at least one audit result for each such \
                 standard, out of all such members.",
    unit: "organisations",
    direction: Direction::HigherIsBetter,
    basis: "members expected to submit",
    reads: "audit results' submitted_on in the window; membership, adoption and standard status histories on the report date",
    sources: &["standards", "adoptions", "audit_results", "memberships"],
};

pub(crate) fn indicators(cx: &Context<'_>) -> Vec<Indicator> {
    let members: Vec<OrganisationId> = cx.members.iter().map(|m| m.id).collect();
    // A result belongs to the window it was submitted in (one date, so
    // consecutive windows count it once, and never before it was known);
    // its reporting period no longer decides (a quarter straddling the
    // window start was in no window).
    let submitted: Vec<AuditResult> = cx
        .doc
        .audit_results
        .iter()
        .filter(|r| submitted_in(r, cx.window))
        .cloned()
        .collect();
    let results = compliance_by_measure(
        &cx.doc.standards,
        &submitted,
        Period::starting(NaiveDate::MIN),
        None,
        &members,
    );
    vec![
        endorsed(cx),
        adoption(cx),
        compliance(cx, &results),
        audit_submission(cx, &results),
    ]
}

/// Whether `result` counts in `window`: it was submitted in it.
pub(crate) fn submitted_in(result: &AuditResult, window: Period) -> bool {
    window.contains(result.submitted_on)
}

/// A standard's code, or `standard <id>`.
fn code_of(cx: &Context<'_>, id: StandardId) -> String {
    cx.network
        .standard(id)
        .map_or_else(|| format!("standard {id}"), |s| s.code.to_string())
}

fn endorsed(cx: &Context<'_>) -> Indicator {
    let mut evidence = EvidenceList::default();
    let mut rows = Vec::new();
    let mut by_source: BTreeMap<String, u64> = BTreeMap::new();
    for &i in &cx.endorsed {
        let Some(standard) = cx.doc.standards.get(i) else {
            continue;
        };
        *by_source
            .entry(source_label(standard.source.kind))
            .or_default() += 1;
        // The decision is named only once its meeting has happened.
        let decision = standard
            .endorsed_by
            .filter(|d| {
                cx.network
                    .decision(*d)
                    .is_some_and(|(meeting, _)| meeting.date <= cx.as_of)
            })
            .and_then(|d| cx.network.decision_path(d))
            .map_or_else(String::new, |p| format!(" by the decision at {p}"));
        evidence.add(
            standard.id.as_uuid(),
            entry("standards", i),
            format!("{} {}", standard.code, standard.title),
            Some(format!("endorsed{decision}")),
        );
        rows.push(row(
            standard.id.to_string(),
            format!("{} {}", standard.code, standard.title),
            Some(entry("standards", i)),
            vec![
                Value::text(standard.version.to_string()),
                Value::text(
                    standard
                        .review_by
                        .map_or_else(|| "not set".to_owned(), |d| d.to_string()),
                ),
                Value::count(standard.measures.len()),
            ],
        ));
    }
    let source_rows = by_source
        .into_iter()
        .map(|(label, n)| {
            row(
                label.replace(' ', "_").to_lowercase(),
                label,
                None,
                vec![Value::count(n)],
            )
        })
        .collect();
    ENDORSED
        .with(Value::count(cx.endorsed.len()))
        .table(breakdown(
            "standards",
            "Endorsed standards",
            &[
                ("version", "Version"),
                ("review_by", "Review by"),
                ("measures", "Measures"),
            ],
            rows,
        ))
        .table(breakdown(
            "by_source",
            "By source",
            &[("standards", "Standards")],
            source_rows,
        ))
        .evidence(evidence, cx.limit())
}

/// Where a standard comes from, in words.
fn source_label(kind: SourceKind) -> String {
    match kind {
        SourceKind::NiceQualityStandard => "NICE quality standard".to_owned(),
        SourceKind::NiceGuideline => "NICE guideline".to_owned(),
        SourceKind::TogetherForShortLives => "Together for Short Lives".to_owned(),
        other => words(&other),
    }
}

/// Adoption statuses in matrix order, with "not recorded" (`None`) first.
const STATUSES: [Option<AdoptionStatus>; 6] = [
    Some(AdoptionStatus::Adopted),
    Some(AdoptionStatus::InProgress),
    Some(AdoptionStatus::Planned),
    Some(AdoptionStatus::NotStarted),
    None,
    Some(AdoptionStatus::NotApplicable),
];

/// A matrix cell's status in words (`not_recorded` for no record).
pub(crate) fn status_key(status: Option<AdoptionStatus>) -> &'static str {
    status.map_or("not_recorded", AdoptionStatus::as_str)
}

fn adoption(cx: &Context<'_>) -> Indicator {
    let matrix = &cx.matrix;
    let totals = matrix.totals;
    let applicable = totals.total() - totals.not_applicable;
    let status_columns: Vec<(&str, &str)> = STATUSES
        .iter()
        .map(|s| (status_key(*s), status_title(*s)))
        .chain([("share", "Share adopted")])
        .collect();
    let by_standard: Vec<Row> = matrix
        .standards
        .iter()
        .zip(&matrix.by_standard)
        .map(|(id, counts)| {
            let mut cells: Vec<Value> = STATUSES
                .iter()
                .map(|s| Value::count(counts.get(*s)))
                .collect();
            cells.push(Value::proportion(
                counts.adopted,
                counts.total() - counts.not_applicable,
            ));
            row(
                id.to_string(),
                code_of(cx, *id),
                super::path_of(cx.network, "standard", id.as_uuid()),
                cells,
            )
        })
        .collect();
    let standard_columns: Vec<(String, String)> = matrix
        .standards
        .iter()
        .map(|id| (id.to_string(), code_of(cx, *id)))
        .collect();
    let column_refs: Vec<(&str, &str)> = standard_columns
        .iter()
        .map(|(id, title)| (id.as_str(), title.as_str()))
        .collect();
    let matrix_rows: Vec<Row> = cx
        .members
        .iter()
        .zip(&matrix.cells)
        .map(|(member, cells)| {
            member.row(cells.iter().map(|s| Value::text(status_key(*s))).collect())
        })
        .collect();
    // Evidence: the adoption record behind each recorded cell (the first
    // record of a member and an endorsed standard, as the matrix reads it).
    let members: HashSet<OrganisationId> = cx.members.iter().map(|m| m.id).collect();
    let standards: HashSet<StandardId> = matrix.standards.iter().copied().collect();
    let mut seen: HashSet<(OrganisationId, StandardId)> = HashSet::new();
    let mut evidence = EvidenceList::in_order(cx.limit());
    for (i, record) in cx.doc.adoptions.iter().enumerate() {
        let pair = (record.organisation, record.standard);
        if !members.contains(&pair.0) || !standards.contains(&pair.1) || !seen.insert(pair) {
            continue;
        }
        let Some(status) = record.status_as_of(cx.as_of) else {
            continue;
        };
        evidence.add_in_order(record.id.as_uuid(), entry("adoptions", i), || {
            (
                format!(
                    "{} × {}",
                    cx.org_label(record.organisation),
                    code_of(cx, record.standard)
                ),
                Some(status.as_str().replace('_', " ")),
            )
        });
    }
    ADOPTION
        .with(Value::proportion(totals.adopted, applicable))
        .at_least(cx.settings.thresholds.adoption)
        .table(breakdown(
            "by_standard",
            "By standard",
            &status_columns,
            by_standard,
        ))
        .table(breakdown(
            "matrix",
            "Adoption matrix (members × endorsed standards)",
            &column_refs,
            matrix_rows,
        ))
        .evidence(evidence, cx.limit())
}

/// A matrix status as a heading.
pub(crate) const fn status_title(status: Option<AdoptionStatus>) -> &'static str {
    match status {
        None => "Not recorded",
        Some(AdoptionStatus::NotStarted) => "Not started",
        Some(AdoptionStatus::Planned) => "Planned",
        Some(AdoptionStatus::InProgress) => "In progress",
        Some(AdoptionStatus::Adopted) => "Adopted",
        Some(AdoptionStatus::NotApplicable) => "Not applicable",
        Some(_) => "Other",
    }
}

/// Every measure of the document with its path and standard index, in
/// catalogue order (the order `compliance_by_measure` answers in).
fn measure_paths(cx: &Context<'_>) -> Vec<(usize, JsonPointer)> {
    cx.doc
        .standards
        .iter()
        .enumerate()
        .flat_map(|(s, standard)| {
            (0..standard.measures.len())
                .map(move |m| (s, entry("standards", s).key("measures").index(m)))
        })
        .collect()
}

fn compliance(cx: &Context<'_>, results: &[MeasureCompliance]) -> Indicator {
    let endorsed: HashSet<usize> = cx.endorsed.iter().copied().collect();
    let mut evidence = EvidenceList::default();
    let mut rows = Vec::new();
    let (mut with_target, mut met) = (0_u64, 0_u64);
    for (result, (s, path)) in results.iter().zip(measure_paths(cx)) {
        if !endorsed.contains(&s) {
            continue;
        }
        let Some((standard, measure)) = cx.network.measure(result.measure) else {
            continue;
        };
        let pooled = &result.pooled;
        if let Some(ok) = pooled.target_met {
            with_target += 1;
            met += u64::from(ok);
        }
        let label = format!("{}: {}", standard.code, measure.description);
        let target = result
            .target
            .map_or_else(|| "none".to_owned(), |t| t.to_string());
        evidence.add(
            measure.id.as_uuid(),
            path.clone(),
            label.clone(),
            Some(format!(
                "pooled {} of {} from {} results vs target {target}",
                pooled.numerator, pooled.denominator, pooled.results
            )),
        );
        rows.push(row(
            measure.id.to_string(),
            label,
            Some(path),
            vec![
                Value::proportion(pooled.numerator, pooled.denominator),
                Value::text(target),
                Value::text(match pooled.target_met {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "n/a",
                }),
                Value::count(result.organisations.len()),
            ],
        ));
    }
    COMPLIANCE
        .with(Value::proportion(met, with_target))
        .at_least(cx.settings.thresholds.measures_on_target)
        .table(breakdown(
            "by_measure",
            "Pooled compliance by measure",
            &[
                ("compliance", "Pooled compliance"),
                ("target", "Target"),
                ("target_met", "Target met"),
                ("organisations", "Organisations reporting"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}

fn audit_submission(cx: &Context<'_>, results: &[MeasureCompliance]) -> Indicator {
    // Per endorsed standard with measures: the organisations with a result in
    // the window for any of its measures.
    let endorsed: HashSet<usize> = cx.endorsed.iter().copied().collect();
    let mut submitted: HashMap<usize, HashSet<OrganisationId>> = HashMap::new();
    for (result, (s, _)) in results.iter().zip(measure_paths(cx)) {
        if endorsed.contains(&s) {
            submitted
                .entry(s)
                .or_default()
                .extend(result.organisations.iter().map(|o| o.organisation));
        }
    }
    let mut evidence = EvidenceList::default();
    let mut rows = Vec::new();
    let (mut expected_members, mut submitting) = (0_u64, 0_u64);
    for (member, cells) in cx.members.iter().zip(&cx.matrix.cells) {
        // The member's adopted standards that have measures, and those of them
        // with no result.
        let (mut expected, mut missing) = (0_u64, 0_u64);
        for (s, status) in cx.endorsed.iter().zip(cells) {
            let Some(with_result) = submitted.get(s) else {
                continue;
            };
            if *status == Some(AdoptionStatus::Adopted) {
                expected += 1;
                missing += u64::from(!with_result.contains(&member.id));
            }
        }
        if expected == 0 {
            continue;
        }
        expected_members += 1;
        if missing == 0 {
            submitting += 1;
            continue;
        }
        member.evidence(
            &mut evidence,
            format!("no audit result submitted in the window for {missing} of {expected} adopted standards"),
        );
        rows.push(member.row(vec![Value::count(expected), Value::count(missing)]));
    }
    AUDIT_SUBMISSION
        .with(Value::proportion(submitting, expected_members))
        .at_least(cx.settings.thresholds.audit_submission)
        .table(breakdown(
            "not_submitting",
            "Members missing audit results",
            &[
                ("standards_expected", "Adopted standards with measures"),
                ("standards_missing", "Without a result"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}
