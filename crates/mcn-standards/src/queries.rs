//! Questions the network asks of its standards, as of a date: adoption,
//! compliance, current versions and reviews due. All pure and linear.

use std::collections::{BTreeMap, HashMap, HashSet};

use mcn_core::{
    NaiveDate, Period, Proportion,
    id::{MeasureId, OrganisationId, StandardId},
    index::IdIndex,
    period::add_days_saturating,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    Adoption, AdoptionStatus, AuditResult, ConditionCategory, Measure, Standard, StandardStatus,
};

// ---------------------------------------------------------------- adoption --

/// The adoption status of `standard` at `organisation` on `as_of`, from the
/// first matching record in document order; `None` when there is no record or
/// its history begins later.
///
/// For many look-ups build an [`AdoptionIndex`] once instead.
#[must_use]
pub fn adoption_status(
    adoptions: &[Adoption],
    organisation: OrganisationId,
    standard: StandardId,
    as_of: NaiveDate,
) -> Option<AdoptionStatus> {
    adoptions
        .iter()
        .find(|a| a.organisation == organisation && a.standard == standard)
        .and_then(|a| a.status_as_of(as_of))
}

/// Adoption records indexed by organisation and standard (the first record in
/// document order wins; later duplicates are reported by the rules).
#[derive(Debug, Clone, Default)]
pub struct AdoptionIndex<'a> {
    adoptions: &'a [Adoption],
    by_pair: IdIndex<(OrganisationId, StandardId)>,
}

impl<'a> AdoptionIndex<'a> {
    /// Indexes `adoptions` in one pass.
    #[must_use]
    pub fn new(adoptions: &'a [Adoption]) -> Self {
        Self {
            adoptions,
            by_pair: IdIndex::new(adoptions.iter().map(|a| (a.organisation, a.standard))),
        }
    }

    /// The record for this organisation and standard.
    #[must_use]
    pub fn get(&self, organisation: OrganisationId, standard: StandardId) -> Option<&'a Adoption> {
        self.by_pair
            .get((organisation, standard), self.adoptions)
            .map(|(_, adoption)| adoption)
    }

    /// The status on `as_of` (see [`adoption_status`]).
    #[must_use]
    pub fn status(
        &self,
        organisation: OrganisationId,
        standard: StandardId,
        as_of: NaiveDate,
    ) -> Option<AdoptionStatus> {
        self.get(organisation, standard)
            .and_then(|a| a.status_as_of(as_of))
    }
}

/// How many cells of an adoption matrix are in each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusCounts {
    /// No adoption record (or its history begins after the date).
    pub not_recorded: usize,
    /// `not_started`.
    pub not_started: usize,
    /// `planned`.
    pub planned: usize,
    /// `in_progress`.
    pub in_progress: usize,
    /// `adopted`.
    pub adopted: usize,
    /// `not_applicable`.
    pub not_applicable: usize,
}

impl StatusCounts {
    /// Counts one cell.
    pub fn add(&mut self, status: Option<AdoptionStatus>) {
        let slot = match status {
            None => &mut self.not_recorded,
            Some(AdoptionStatus::NotStarted) => &mut self.not_started,
            Some(AdoptionStatus::Planned) => &mut self.planned,
            Some(AdoptionStatus::InProgress) => &mut self.in_progress,
            Some(AdoptionStatus::Adopted) => &mut self.adopted,
            Some(AdoptionStatus::NotApplicable) => &mut self.not_applicable,
        };
        *slot = slot.saturating_add(1);
    }

    /// The count for one status (`None`: not recorded).
    #[must_use]
    pub const fn get(&self, status: Option<AdoptionStatus>) -> usize {
        match status {
            None => self.not_recorded,
            Some(AdoptionStatus::NotStarted) => self.not_started,
            Some(AdoptionStatus::Planned) => self.planned,
            Some(AdoptionStatus::InProgress) => self.in_progress,
            Some(AdoptionStatus::Adopted) => self.adopted,
            Some(AdoptionStatus::NotApplicable) => self.not_applicable,
        }
    }

    /// All cells counted.
    #[must_use]
    pub const fn total(&self) -> usize {
        self.not_recorded
            + self.not_started
            + self.planned
            + self.in_progress
            + self.adopted
            + self.not_applicable
    }

    /// Adopted as a share of the cells where the standard applies (all but
    /// `not_applicable`); `None` when it applies nowhere.
    #[must_use]
    pub fn adopted_share(&self) -> Option<Proportion> {
        let applicable = self.total().saturating_sub(self.not_applicable);
        Proportion::of(self.adopted as u64, applicable as u64)
    }
}

/// Adoption of standards (columns) by organisations (rows) on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AdoptionMatrix {
    /// The date the statuses are taken on.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub as_of: NaiveDate,
    /// Row headings, in the order given.
    pub organisations: Vec<OrganisationId>,
    /// Column headings, in the order given.
    pub standards: Vec<StandardId>,
    /// `cells[row][column]`: the status of `standards[column]` at
    /// `organisations[row]`; `null` when not recorded.
    pub cells: Vec<Vec<Option<AdoptionStatus>>>,
    /// Counts per row (organisation).
    pub by_organisation: Vec<StatusCounts>,
    /// Counts per column (standard).
    pub by_standard: Vec<StatusCounts>,
    /// Counts over the whole matrix.
    pub totals: StatusCounts,
}

impl AdoptionMatrix {
    /// The cell for an organisation and a standard, if both are headings.
    #[must_use]
    pub fn cell(
        &self,
        organisation: OrganisationId,
        standard: StandardId,
    ) -> Option<Option<AdoptionStatus>> {
        let row = self.organisations.iter().position(|o| *o == organisation)?;
        let column = self.standards.iter().position(|s| *s == standard)?;
        self.cells.get(row)?.get(column).copied()
    }
}

/// The adoption matrix of `organisations` × `standards` on `as_of` (the
/// caller chooses both lists, e.g. the active members and the endorsed
/// standards). Cost: linear in `adoptions` plus the size of the matrix.
#[must_use]
pub fn adoption_matrix(
    adoptions: &[Adoption],
    organisations: &[OrganisationId],
    standards: &[StandardId],
    as_of: NaiveDate,
) -> AdoptionMatrix {
    let index = AdoptionIndex::new(adoptions);
    let mut by_standard = vec![StatusCounts::default(); standards.len()];
    let mut by_organisation = Vec::with_capacity(organisations.len());
    let mut totals = StatusCounts::default();
    let mut cells = Vec::with_capacity(organisations.len());
    for &organisation in organisations {
        let mut row_counts = StatusCounts::default();
        let row: Vec<Option<AdoptionStatus>> = standards
            .iter()
            .zip(by_standard.iter_mut())
            .map(|(&standard, column_counts)| {
                let status = index.status(organisation, standard, as_of);
                row_counts.add(status);
                column_counts.add(status);
                totals.add(status);
                status
            })
            .collect();
        by_organisation.push(row_counts);
        cells.push(row);
    }
    AdoptionMatrix {
        as_of,
        organisations: organisations.to_vec(),
        standards: standards.to_vec(),
        cells,
        by_organisation,
        by_standard,
        totals,
    }
}

// -------------------------------------------------------------- compliance --

/// Summed counts of the audit results in scope, and what they make.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Compliance {
    /// Σ numerators of the results counted.
    pub numerator: u64,
    /// Σ denominators of the results counted.
    pub denominator: u64,
    /// Number of results counted.
    pub results: usize,
    /// Number of results in scope left out because their numerator exceeds
    /// their denominator (the rules report them).
    pub excluded: usize,
    /// `numerator / denominator`; `None` when the denominator is 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Proportion>,
    /// Whether `rate` reaches the measure's target; `None` without a target or a rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_met: Option<bool>,
}

impl Compliance {
    fn add(&mut self, result: &AuditResult) {
        if result.counts_are_consistent() {
            self.numerator = self.numerator.saturating_add(u64::from(result.numerator));
            self.denominator = self
                .denominator
                .saturating_add(u64::from(result.denominator));
            self.results = self.results.saturating_add(1);
        } else {
            self.excluded = self.excluded.saturating_add(1);
        }
    }

    fn finish(&mut self, target: Option<Proportion>) {
        self.rate = Proportion::of(self.numerator, self.denominator);
        self.target_met = match (self.rate, target) {
            (Some(rate), Some(target)) => Some(rate.value() >= target.value()),
            _ => None,
        };
    }
}

/// One organisation's compliance with a measure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationCompliance {
    /// The organisation.
    pub organisation: OrganisationId,
    /// Its summed results.
    pub compliance: Compliance,
}

/// Compliance with one measure over a window: per organisation and pooled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureCompliance {
    /// The measure.
    pub measure: MeasureId,
    /// The window: results whose reporting period lies wholly within it count.
    pub window: Period,
    /// The condition category counted; `None`: the unstratified results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<ConditionCategory>,
    /// The measure's target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Proportion>,
    /// Every organisation with a result in scope, by organisation id.
    pub organisations: Vec<OrganisationCompliance>,
    /// All results in scope together: Σ numerators / Σ denominators (never a
    /// mean of the organisations' percentages).
    pub pooled: Compliance,
    /// Expected organisations with no result in scope, in the order given.
    pub not_submitted: Vec<OrganisationId>,
}

/// Whether `result` counts for a measure's compliance over `window` in `category`:
/// its reporting period lies wholly within the window (a quarter counts for the
/// year that contains it, not for a year it straddles), and its category is
/// exactly `category` (`None` selects the unstratified results, so results
/// broken down by category are never added to the totals they subdivide).
#[must_use]
pub fn in_scope(
    result: &AuditResult,
    window: &Period,
    category: Option<ConditionCategory>,
) -> bool {
    result.category == category && window.encloses(&result.period)
}

/// Compliance with `measure` over `window`, per organisation and pooled.
///
/// Counts the results of `measure` that are [`in_scope`]. A result whose
/// numerator exceeds its denominator is left out of the sums (and counted in
/// `excluded`); its organisation still counts as having submitted. `expected`
/// lists the organisations that should have submitted (e.g. the members that
/// adopted the standard); those with no result in scope are `not_submitted`.
///
/// For every measure at once, use [`compliance_by_measure`] (one pass over the results).
#[must_use]
pub fn compliance(
    results: &[AuditResult],
    measure: &Measure,
    window: Period,
    category: Option<ConditionCategory>,
    expected: &[OrganisationId],
) -> MeasureCompliance {
    summarise(
        measure,
        window,
        category,
        expected,
        results
            .iter()
            .filter(|r| r.measure == measure.id && in_scope(r, &window, category)),
    )
}

/// [`compliance`] for every measure of `standards`, in catalogue order
/// (standards in document order, then their measures), grouping the results
/// in one pass.
#[must_use]
pub fn compliance_by_measure(
    standards: &[Standard],
    results: &[AuditResult],
    window: Period,
    category: Option<ConditionCategory>,
    expected: &[OrganisationId],
) -> Vec<MeasureCompliance> {
    let mut by_measure: HashMap<MeasureId, Vec<&AuditResult>> = HashMap::new();
    for result in results.iter().filter(|r| in_scope(r, &window, category)) {
        by_measure.entry(result.measure).or_default().push(result);
    }
    standards
        .iter()
        .flat_map(|s| s.measures.iter())
        .map(|measure| {
            let in_scope = by_measure.get(&measure.id).map_or(&[][..], Vec::as_slice);
            summarise(
                measure,
                window,
                category,
                expected,
                in_scope.iter().copied(),
            )
        })
        .collect()
}

fn summarise<'a>(
    measure: &Measure,
    window: Period,
    category: Option<ConditionCategory>,
    expected: &[OrganisationId],
    results: impl Iterator<Item = &'a AuditResult>,
) -> MeasureCompliance {
    let mut pooled = Compliance::default();
    let mut per_organisation: BTreeMap<OrganisationId, Compliance> = BTreeMap::new();
    for result in results {
        pooled.add(result);
        per_organisation
            .entry(result.organisation)
            .or_default()
            .add(result);
    }
    pooled.finish(measure.target);
    let mut seen = HashSet::new();
    let not_submitted = expected
        .iter()
        .filter(|o| !per_organisation.contains_key(o) && seen.insert(**o))
        .copied()
        .collect();
    let organisations = per_organisation
        .into_iter()
        .map(|(organisation, mut compliance)| {
            compliance.finish(measure.target);
            OrganisationCompliance {
                organisation,
                compliance,
            }
        })
        .collect();
    MeasureCompliance {
        measure: measure.id,
        window,
        category,
        target: measure.target,
        organisations,
        pooled,
        not_submitted,
    }
}

// ---------------------------------------------------------------- versions --

/// Standards indexed by id and by what supersedes them, for following
/// version chains.
#[derive(Debug, Clone, Default)]
pub struct Versions<'a> {
    standards: &'a [Standard],
    by_id: IdIndex<StandardId>,
    successors: HashMap<StandardId, Vec<&'a Standard>>,
}

impl<'a> Versions<'a> {
    /// Indexes `standards` in one pass (of duplicate ids, the first wins).
    #[must_use]
    pub fn new(standards: &'a [Standard]) -> Self {
        let mut successors: HashMap<StandardId, Vec<&'a Standard>> = HashMap::new();
        for standard in standards {
            if let Some(earlier) = standard.supersedes {
                successors.entry(earlier).or_default().push(standard);
            }
        }
        Self {
            standards,
            by_id: IdIndex::new(standards.iter().map(|s| s.id)),
            successors,
        }
    }

    /// The current version of the standard `id` on `as_of`: follows the
    /// standards that supersede it, as long as the successor has been endorsed
    /// on or before `as_of` (a new version still in draft or consultation is not
    /// yet current). Of several successors, the first in document order that
    /// qualifies is taken. Stops at a cycle. `None` when `id` is unknown.
    #[must_use]
    pub fn current(&self, id: StandardId, as_of: NaiveDate) -> Option<&'a Standard> {
        let (_, mut current) = self.by_id.get(id, self.standards)?;
        let mut visited = HashSet::from([current.id]);
        while let Some(next) = self.successors.get(&current.id).and_then(|next| {
            next.iter().find(|s| {
                s.status
                    .ever(as_of, |status| *status == StandardStatus::Endorsed)
            })
        }) {
            if !visited.insert(next.id) {
                break;
            }
            current = next;
        }
        Some(current)
    }
}

/// The current version of standard `id` on `as_of` (see [`Versions::current`]);
/// for many look-ups build a [`Versions`] once instead.
#[must_use]
pub fn current_version(
    standards: &[Standard],
    id: StandardId,
    as_of: NaiveDate,
) -> Option<&Standard> {
    Versions::new(standards).current(id, as_of)
}

// ---------------------------------------------------------------- endorsed --

/// Whether `standard` is endorsed on `as_of`: its status that day is
/// `endorsed` (by the network's governance; not superseded, retired or back in
/// draft).
#[must_use]
pub fn is_endorsed(standard: &Standard, as_of: NaiveDate) -> bool {
    standard.status_as_of(as_of) == Some(StandardStatus::Endorsed)
}

/// Indices of the standards endorsed on `as_of` (see [`is_endorsed`]), in
/// document order; a repeated id counts once, at its first endorsed entry.
#[must_use]
pub fn endorsed_on(standards: &[Standard], as_of: NaiveDate) -> Vec<usize> {
    let mut seen = HashSet::new();
    standards
        .iter()
        .enumerate()
        .filter(|(_, standard)| is_endorsed(standard, as_of) && seen.insert(standard.id))
        .map(|(index, _)| index)
        .collect()
}

// ------------------------------------------------------------------ review --

/// A standard whose review falls due.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReviewDue<'a> {
    /// Index of the standard in the slice (and the document's `standards` array).
    pub index: usize,
    /// The standard.
    pub standard: &'a Standard,
    /// Its review date.
    pub review_by: NaiveDate,
    /// Whether the review date has already passed on `as_of`.
    pub overdue: bool,
}

/// Standards endorsed on `as_of` whose review date falls on or before
/// `as_of + within_days` (overdue ones included), soonest first (then in
/// document order).
#[must_use]
pub fn due_for_review(
    standards: &[Standard],
    as_of: NaiveDate,
    within_days: u32,
) -> Vec<ReviewDue<'_>> {
    let horizon = add_days_saturating(as_of, u64::from(within_days));
    let mut due: Vec<ReviewDue<'_>> = standards
        .iter()
        .enumerate()
        .filter(|(_, standard)| is_endorsed(standard, as_of))
        .filter_map(|(index, standard)| {
            let review_by = standard.review_by.filter(|date| *date <= horizon)?;
            Some(ReviewDue {
                index,
                standard,
                review_by,
                overdue: review_by < as_of,
            })
        })
        .collect();
    due.sort_by_key(|d| (d.review_by, d.index));
    due
}
