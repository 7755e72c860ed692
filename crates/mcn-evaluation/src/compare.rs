//! Comparing two reports: which figures improved, worsened or stayed — the
//! "early achievements" a network shares with its members.

use mcn_core::{NaiveDate, Rag};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    Tolerance,
    report::{Direction, EvaluationReport, Indicator, Theme, Value},
};

/// Figures closer than this count as unchanged (float noise, not change).
const TOLERANCE: f64 = 1e-9;

/// How an indicator moved between two reports.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// Moved the better way.
    Improved,
    /// Moved the worse way.
    Worsened,
    /// The same figure.
    Unchanged,
    /// Moved, for an indicator where neither way is better.
    Changed,
    /// One side has no figure (a share with nothing to count, or an
    /// indicator missing from one report).
    NotComparable,
    /// The figure moved, but who or what it counts moved beyond the
    /// settings' `basis_tolerance` too (5 organisations reported, was 2):
    /// the change says nothing about improvement.
    BasisChanged,
}

impl Outcome {
    /// In words.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Improved => "improved",
            Self::Worsened => "worsened",
            Self::Unchanged => "unchanged",
            Self::Changed => "changed",
            Self::NotComparable => "not comparable",
            Self::BasisChanged => "basis changed",
        }
    }
}

/// One indicator in both reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorChange {
    /// The indicator's id.
    pub id: String,
    /// Its theme.
    pub theme: Theme,
    /// Its title.
    pub title: String,
    /// Which way is better.
    pub direction: Direction,
    /// The earlier figure; absent when the indicator is not in the earlier report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Value>,
    /// The later figure; absent when the indicator is not in the later report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Value>,
    /// The earlier rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before_rag: Option<Rag>,
    /// The later rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_rag: Option<Rag>,
    /// Later minus earlier headline number ([`Value::number`]: shares as
    /// fractions, so 0.05 is five percentage points; money in pence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<f64>,
    /// Improved, worsened, unchanged, ...
    pub outcome: Outcome,
    /// What the figure counts, later and earlier, when it moved beyond the
    /// tolerance: "5 organisations reporting staffing, was 2".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_change: Option<String>,
    /// For a count with a rate (per 100 of the activity it scales with):
    /// later minus earlier rate. The outcome then follows the rate, not the
    /// count, whatever the basis did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_change: Option<f64>,
}

/// How many indicators had each outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeCounts {
    /// Improved.
    pub improved: u64,
    /// Worsened.
    pub worsened: u64,
    /// Unchanged.
    pub unchanged: u64,
    /// Changed (neutral indicators).
    pub changed: u64,
    /// Not comparable.
    pub not_comparable: u64,
    /// Basis changed beyond the tolerance.
    #[serde(default)]
    pub basis_changed: u64,
}

/// Two reports compared, indicator by indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// The earlier report's date.
    pub before: NaiveDate,
    /// The later report's date.
    pub after: NaiveDate,
    /// Outcomes counted.
    pub counts: OutcomeCounts,
    /// Every indicator, in the later report's order (then any only in the earlier).
    pub changes: Vec<IndicatorChange>,
}

impl Comparison {
    /// The changes with this outcome, in report order.
    pub fn with_outcome(&self, outcome: Outcome) -> impl Iterator<Item = &IndicatorChange> {
        self.changes.iter().filter(move |c| c.outcome == outcome)
    }
}

/// Compares `before` (the earlier report) with `after`: for each indicator
/// the change in its headline figure and whether that is an improvement,
/// given the indicator's direction (a higher vacancy rate is worse).
///
/// Only like is compared with like: when an indicator's
/// [`Basis`](crate::Basis) (who or what it counts) moved beyond
/// the later report's `basis_tolerance`, the outcome is
/// [`Outcome::BasisChanged`], with what changed; a count with a
/// [`Rate`](crate::Rate) is judged by its rate instead.
///
/// ```
/// # use mcn_core::NaiveDate;
/// # use mcn_evaluation::{EvaluationSettings, Outcome, compare, evaluate};
/// # use mcn_network::{Network, NetworkDocument};
/// # let json = br#"{"schema_version": "1.0",
/// #   "network": {"id": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f", "name": "Northvale CPC Network"}}"#;
/// # let network = Network::new(NetworkDocument::from_json(json)?);
/// let settings = EvaluationSettings::default();
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let at = |day| evaluate(&network, &network.validate(day), day, &settings);
/// let (earlier, later) = (at(d(2025, 11, 1)), at(d(2026, 11, 1)));
/// let comparison = compare(&earlier, &later);
/// assert_eq!(comparison.counts.improved + comparison.counts.worsened, 0); // nothing happened
/// # Ok::<(), mcn_network::LoadError>(())
/// ```
#[must_use]
pub fn compare(before: &EvaluationReport, after: &EvaluationReport) -> Comparison {
    let tolerance = after.settings.basis_tolerance;
    let mut changes: Vec<IndicatorChange> = after
        .indicators
        .iter()
        .map(|later| change(before.indicator(&later.id), Some(later), tolerance))
        .collect();
    changes.extend(
        before
            .indicators
            .iter()
            .filter(|earlier| after.indicator(&earlier.id).is_none())
            .map(|earlier| change(Some(earlier), None, tolerance)),
    );
    let mut counts = OutcomeCounts::default();
    for c in &changes {
        let slot = match c.outcome {
            Outcome::Improved => &mut counts.improved,
            Outcome::Worsened => &mut counts.worsened,
            Outcome::Unchanged => &mut counts.unchanged,
            Outcome::Changed => &mut counts.changed,
            Outcome::NotComparable => &mut counts.not_comparable,
            Outcome::BasisChanged => &mut counts.basis_changed,
        };
        *slot += 1;
    }
    Comparison {
        before: before.as_of,
        after: after.as_of,
        counts,
        changes,
    }
}

/// The outcome of a move by `delta` in `direction`.
fn judge(delta: f64, direction: Direction) -> Outcome {
    if delta.abs() <= TOLERANCE {
        return Outcome::Unchanged;
    }
    match (direction, delta > 0.0) {
        (Direction::HigherIsBetter, true) | (Direction::LowerIsBetter, false) => Outcome::Improved,
        (Direction::HigherIsBetter, false) | (Direction::LowerIsBetter, true) => Outcome::Worsened,
        _ => Outcome::Changed,
    }
}

fn change(
    before: Option<&Indicator>,
    after: Option<&Indicator>,
    tolerance: Tolerance,
) -> IndicatorChange {
    // One of the two is always present.
    let about = after.or(before);
    let direction = about.map_or(Direction::Neutral, |i| i.direction);
    let numbers = (
        before.and_then(|i| i.value.number()),
        after.and_then(|i| i.value.number()),
    );
    let basis_change = match (
        before.and_then(|i| i.basis.as_ref()),
        after.and_then(|i| i.basis.as_ref()),
    ) {
        (Some(b), Some(a)) if tolerance.exceeded(b.count, a.count) => {
            Some(format!("{a}, was {}", b.count))
        }
        _ => None,
    };
    let rates = (
        before.and_then(|i| i.rate.as_ref()).and_then(|r| r.rate),
        after.and_then(|i| i.rate.as_ref()).and_then(|r| r.rate),
    );
    let rate_change = match rates {
        (Some(b), Some(a)) => Some(a - b),
        _ => None,
    };
    let (change, outcome) = if let (Some(b), Some(a)) = numbers {
        let delta = a - b;
        // A figure that moved while its basis moved beyond the tolerance is
        // not judged (one that did not move is still unchanged); a count
        // with a rate is judged by the rate.
        let outcome = match (rate_change, &basis_change, judge(delta, direction)) {
            (Some(rate), _, _) => judge(rate, direction),
            (None, _, Outcome::Unchanged) => Outcome::Unchanged,
            (None, Some(_), _) => Outcome::BasisChanged,
            (None, None, outcome) => outcome,
        };
        (
            Some(if delta.abs() <= TOLERANCE { 0.0 } else { delta }),
            outcome,
        )
    } else {
        let same = matches!((before, after), (Some(b), Some(a)) if b.value == a.value);
        let outcome = if same {
            Outcome::Unchanged
        } else {
            Outcome::NotComparable
        };
        (None, outcome)
    };
    IndicatorChange {
        id: about.map(|i| i.id.clone()).unwrap_or_default(),
        theme: about.map_or(Theme::Leadership, |i| i.theme),
        title: about.map(|i| i.title.clone()).unwrap_or_default(),
        direction,
        before: before.map(|i| i.value.clone()),
        after: after.map(|i| i.value.clone()),
        before_rag: before.and_then(|i| i.rag),
        after_rag: after.and_then(|i| i.rag),
        change,
        outcome,
        basis_change,
        rate_change,
    }
}
