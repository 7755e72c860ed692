//! Rules over standards, adoptions and audit results, reported as findings.
//!
//! Every rule runs in linear time (hash-map grouping) and the findings come
//! back sorted by path, then code, then message, so the output is
//! deterministic.
//!
//! References to other collections (an adoption's organisation and standard,
//! an audit result's measure and organisation, a standard's endorsing
//! decision) are *not* checked for dangling ids here: `mcn-network` checks every
//! reference of the document in one place. Where a rule here needs to follow a
//! reference within this crate (an audit result's measure to its standard) and
//! the target is missing, the rule simply does not apply.

use std::{
    collections::{HashMap, HashSet},
    fmt,
};

use mcn_core::{
    Finding, JsonPointer, NaiveDate, Period,
    finding::sort_findings,
    graph::cycle_findings,
    history::{EntryAnchor, HistoryCodes, history_findings},
    id::{MeasureId, OrganisationId, StandardId},
    index::{IdIndex, NestedIndex},
};

use crate::{
    Adoption, AdoptionStatus, AuditResult, ConditionCategory, Standard, StandardCode,
    StandardStatus,
    codes::{
        ADOPTION_DUPLICATE, ADOPTION_ILLEGAL_TRANSITION, ADOPTION_NOT_APPLICABLE_WITHOUT_REASON,
        ADOPTION_OUT_OF_ORDER, AUDIT_DUPLICATE, AUDIT_NUMERATOR_EXCEEDS_DENOMINATOR,
        AUDIT_OPEN_PERIOD, AUDIT_RETIRED_STANDARD, AUDIT_ZERO_DENOMINATOR, MEASURE_DUPLICATE_ID,
        STANDARD_DUPLICATE_CODE, STANDARD_ENDORSED_WITHOUT_DECISION, STANDARD_ILLEGAL_START,
        STANDARD_ILLEGAL_TRANSITION, STANDARD_OUT_OF_ORDER, STANDARD_REVIEW_OVERDUE,
        STANDARD_SUPERSEDES_CYCLE,
    },
    collections::{ADOPTIONS, AUDIT_RESULTS, MEASURES, STANDARDS},
};

/// The collections this crate owns, as they appear in the document (index i in
/// a slice is index i of the document array).
#[derive(Debug, Clone, Copy, Default)]
pub struct StandardsData<'a> {
    /// `/standards`.
    pub standards: &'a [Standard],
    /// `/adoptions`.
    pub adoptions: &'a [Adoption],
    /// `/audit_results`.
    pub audit_results: &'a [AuditResult],
}

/// Runs every rule of this crate; `as_of` decides which standards are active,
/// endorsed and overdue for review.
#[must_use]
pub fn validate(data: &StandardsData<'_>, as_of: NaiveDate) -> Vec<Finding> {
    let mut findings = validate_standards(data.standards, as_of);
    findings.extend(validate_adoptions(data.adoptions));
    findings.extend(validate_audit_results(data.audit_results, data.standards));
    sort_findings(&mut findings);
    findings
}

/// Rules on standards and their measures:
///
/// - `standards.standard.illegal_start` / `out_of_order` / `illegal_transition`:
///   the status history breaks the [`StandardStatus`] lifecycle.
/// - `standards.standard.duplicate_code`: two standards active on `as_of`
///   (history begun, neither superseded nor retired) share a code. A standard
///   whose `supersedes` names another standard of the same code (a new version
///   in preparation) does not clash with it.
/// - `standards.standard.supersedes_cycle`: one finding per cycle, at the
///   `supersedes` of its first member in document order.
/// - `standards.standard.endorsed_without_decision`: endorsed on `as_of` but no
///   `endorsed_by`.
/// - `standards.standard.review_overdue`: endorsed on `as_of` and `review_by`
///   is before `as_of`.
/// - `standards.measure.duplicate_id`: a measure id used twice anywhere in the
///   catalogue (audit results would be ambiguous).
#[must_use]
pub fn validate_standards(standards: &[Standard], as_of: NaiveDate) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (i, standard) in standards.iter().enumerate() {
        let path = JsonPointer::entry(STANDARDS, i);
        findings.extend(history_findings(
            &standard.status,
            &path.clone().key("status"),
            &STANDARD_HISTORY,
            EntryAnchor::Entry,
            &StandardLabel(standard).to_string(),
        ));

        if crate::queries::is_endorsed(standard, as_of) {
            if standard.endorsed_by.is_none() {
                findings.push(STANDARD_ENDORSED_WITHOUT_DECISION.at(
                    path.clone(),
                    format!(
                        "{} is endorsed on {as_of} but names no endorsing decision (endorsed_by)",
                        StandardLabel(standard)
                    ),
                ));
            }
            if let Some(review_by) = standard.review_by
                && review_by < as_of
            {
                findings.push(STANDARD_REVIEW_OVERDUE.at(
                    path.clone().key("review_by"),
                    format!(
                        "{} was due for review by {review_by}; it is {} days overdue on {as_of}",
                        StandardLabel(standard),
                        (as_of - review_by).num_days()
                    ),
                ));
            }
        }
    }
    duplicate_measure_ids(standards, &mut findings);
    duplicate_codes(standards, as_of, &mut findings);
    findings.extend(cycle_findings(
        standards.iter().map(|s| (s.id, s.supersedes)),
        STANDARD_SUPERSEDES_CYCLE,
        |i| JsonPointer::entry(STANDARDS, i).key("supersedes"),
        |i| {
            standards
                .get(i)
                .map(|s| StandardLabel(s).to_string())
                .unwrap_or_default()
        },
        "supersedes",
    ));
    sort_findings(&mut findings);
    findings
}

/// Every measure of every standard, by id, at `(standard, measure)` positions.
fn measure_index(standards: &[Standard]) -> NestedIndex<MeasureId> {
    NestedIndex::new(standards.iter().enumerate().flat_map(|(i, standard)| {
        standard
            .measures
            .iter()
            .enumerate()
            .map(move |(j, measure)| (i, j, measure.id))
    }))
}

fn measure_path((i, j): (usize, usize)) -> JsonPointer {
    JsonPointer::entry(STANDARDS, i).key(MEASURES).index(j)
}

fn duplicate_measure_ids(standards: &[Standard], findings: &mut Vec<Finding>) {
    for &(repeat, first) in measure_index(standards).duplicates() {
        let (i, j) = repeat;
        let Some((standard, measure)) = standards
            .get(i)
            .and_then(|s| s.measures.get(j).map(|m| (s, m)))
        else {
            continue;
        };
        let first_path = measure_path(first).key("id");
        findings.push(
            MEASURE_DUPLICATE_ID
                .at(
                    measure_path(repeat).key("id"),
                    format!(
                        "measure {} \"{}\" of {} has the same id as the measure at {first_path}",
                        measure.id,
                        measure.description,
                        StandardLabel(standard)
                    ),
                )
                .with_related(first_path),
        );
    }
}

fn duplicate_codes(standards: &[Standard], as_of: NaiveDate, findings: &mut Vec<Finding>) {
    let mut by_code: HashMap<&StandardCode, Vec<(usize, &Standard)>> = HashMap::new();
    for (i, standard) in standards.iter().enumerate() {
        if standard.is_active_as_of(as_of) {
            by_code
                .entry(&standard.code)
                .or_default()
                .push((i, standard));
        }
    }
    for group in by_code.values().filter(|group| group.len() > 1) {
        let ids: HashSet<StandardId> = group.iter().map(|(_, s)| s.id).collect();
        let mut clashing = group
            .iter()
            .filter(|(_, s)| s.supersedes.is_none_or(|earlier| !ids.contains(&earlier)));
        let Some(&(first_index, first)) = clashing.next() else {
            continue;
        };
        for &(i, standard) in clashing {
            findings.push(
                STANDARD_DUPLICATE_CODE
                    .at(
                        JsonPointer::entry(STANDARDS, i).key("code"),
                        format!(
                            "{} and {} are both active on {as_of} with code {}",
                            StandardLabel(standard),
                            StandardLabel(first),
                            standard.code
                        ),
                    )
                    .with_related(JsonPointer::entry(STANDARDS, first_index).key("code")),
            );
        }
    }
}

/// Rules on adoption records:
///
/// - `standards.adoption.out_of_order` / `illegal_transition`: the status
///   history breaks the [`AdoptionStatus`] lifecycle.
/// - `standards.adoption.not_applicable_without_reason`: a change to
///   `not_applicable` without a note.
/// - `standards.adoption.duplicate`: a second record for the same organisation
///   and standard (the first in document order is the one queries use).
#[must_use]
pub fn validate_adoptions(adoptions: &[Adoption]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let first = IdIndex::new(adoptions.iter().map(|a| (a.organisation, a.standard)));
    for (i, adoption) in adoptions.iter().enumerate() {
        let path = JsonPointer::entry(ADOPTIONS, i);
        let label = AdoptionLabel(adoption);
        findings.extend(history_findings(
            &adoption.status,
            &path.clone().key("status"),
            &ADOPTION_HISTORY,
            EntryAnchor::Entry,
            &label.to_string(),
        ));
        for (k, change) in adoption.status.changes().iter().enumerate() {
            if change.status == AdoptionStatus::NotApplicable && change.note.is_none() {
                findings.push(ADOPTION_NOT_APPLICABLE_WITHOUT_REASON.at(
                    path.clone().key("status").index(k),
                    format!(
                        "{label} is marked not_applicable on {} without a reason: give it in the change's note",
                        change.on
                    ),
                ));
            }
        }
        if let Some(first) = first
            .position((adoption.organisation, adoption.standard))
            .filter(|&first| first != i)
        {
            findings.push(
                ADOPTION_DUPLICATE
                    .at(
                        path,
                        format!(
                            "{label} repeats the record at /{ADOPTIONS}/{first} for the same organisation and standard"
                        ),
                    )
                    .with_related(JsonPointer::entry(ADOPTIONS, first)),
            );
        }
    }
    sort_findings(&mut findings);
    findings
}

/// Rules on audit results (`standards` is used to find each result's measure):
///
/// - `standards.audit.zero_denominator`: denominator 0 with a numerator above 0
///   (reported instead of `numerator_exceeds_denominator`, which it implies).
/// - `standards.audit.numerator_exceeds_denominator`: numerator above a
///   non-zero denominator.
/// - `standards.audit.open_period`: the reporting period has no end.
/// - `standards.audit.duplicate`: a second result for the same measure,
///   organisation, reporting period and category (it would be counted twice).
/// - `standards.audit.retired_standard`: the measure's standard was already
///   retired on the first day of the reporting period. A measure id that
///   matches no measure is left to `mcn-network`'s reference check.
#[must_use]
pub fn validate_audit_results(results: &[AuditResult], standards: &[Standard]) -> Vec<Finding> {
    let measures = measure_index(standards);
    let mut seen: HashMap<ResultKey, usize> = HashMap::new();
    let mut findings = Vec::new();
    for (i, result) in results.iter().enumerate() {
        let path = JsonPointer::entry(AUDIT_RESULTS, i);
        let label = ResultLabel(result);
        if result.denominator == 0 && result.numerator > 0 {
            findings.push(AUDIT_ZERO_DENOMINATOR.at(
                path.clone().key("denominator"),
                format!(
                    "{label} has denominator 0 but numerator {}",
                    result.numerator
                ),
            ));
        } else if result.numerator > result.denominator {
            findings.push(AUDIT_NUMERATOR_EXCEEDS_DENOMINATOR.at(
                path.clone().key("numerator"),
                format!(
                    "{label} has numerator {} above its denominator {}",
                    result.numerator, result.denominator
                ),
            ));
        }
        if result.period.end().is_none() {
            findings.push(AUDIT_OPEN_PERIOD.at(
                path.clone().key("period"),
                format!(
                    "{label} covers an open-ended period ({}): give the last day reported",
                    result.period
                ),
            ));
        }
        let key = (
            result.measure,
            result.organisation,
            result.period,
            result.category,
        );
        match seen.get(&key) {
            Some(&first) => findings.push(
                AUDIT_DUPLICATE
                    .at(
                        path.clone(),
                        format!(
                            "{label} repeats the result at /{AUDIT_RESULTS}/{first}: the same counts would be added twice"
                        ),
                    )
                    .with_related(JsonPointer::entry(AUDIT_RESULTS, first)),
            ),
            None => {
                seen.insert(key, i);
            }
        }
        if let Some(at) = measures.position(result.measure)
            && let Some(standard) = standards.get(at.0)
        {
            let start = result.period.start();
            if standard.status_as_of(start) == Some(StandardStatus::Retired) {
                findings.push(
                    AUDIT_RETIRED_STANDARD
                        .at(
                            path.key("measure"),
                            format!(
                                "{label} is for a measure of {}, which was retired before the period began on {start}",
                                StandardLabel(standard)
                            ),
                        )
                        .with_related(measure_path(at)),
                );
            }
        }
    }
    sort_findings(&mut findings);
    findings
}

/// What makes two audit results count the same thing.
type ResultKey = (MeasureId, OrganisationId, Period, Option<ConditionCategory>);

/// The codes a standard's status history reports its problems with.
const STANDARD_HISTORY: HistoryCodes = HistoryCodes {
    illegal_start: STANDARD_ILLEGAL_START,
    out_of_order: STANDARD_OUT_OF_ORDER,
    illegal_transition: STANDARD_ILLEGAL_TRANSITION,
};

/// The codes an adoption's status history reports its problems with.
const ADOPTION_HISTORY: HistoryCodes = HistoryCodes {
    // Every status may start an adoption history, so this never fires; an
    // illegal start would be an illegal transition from nothing.
    illegal_start: ADOPTION_ILLEGAL_TRANSITION,
    out_of_order: ADOPTION_OUT_OF_ORDER,
    illegal_transition: ADOPTION_ILLEGAL_TRANSITION,
};

struct StandardLabel<'a>(&'a Standard);

impl fmt::Display for StandardLabel<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "standard {} \"{}\" ({})",
            self.0.code, self.0.title, self.0.id
        )
    }
}

struct AdoptionLabel<'a>(&'a Adoption);

impl fmt::Display for AdoptionLabel<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "adoption {} of standard {} by organisation {}",
            self.0.id, self.0.standard, self.0.organisation
        )
    }
}

struct ResultLabel<'a>(&'a AuditResult);

impl fmt::Display for ResultLabel<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "audit result {} (measure {}, organisation {}, {}",
            self.0.id, self.0.measure, self.0.organisation, self.0.period
        )?;
        if let Some(category) = self.0.category {
            write!(f, ", category {}", category.number())?;
        }
        f.write_str(")")
    }
}
