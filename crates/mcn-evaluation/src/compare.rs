//! Comparing two reports: which figures improved, worsened or stayed — the
//! "early achievements" a network shares with its members.

use mcn_core::{NaiveDate, Rag};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::report::{Direction, EvaluationReport, Indicator, Theme, Value};

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
    let mut changes: Vec<IndicatorChange> = after
        .indicators
        .iter()
        .map(|later| change(before.indicator(&later.id), Some(later)))
        .collect();
    changes.extend(
        before
            .indicators
            .iter()
            .filter(|earlier| after.indicator(&earlier.id).is_none())
            .map(|earlier| change(Some(earlier), None)),
    );
    let mut counts = OutcomeCounts::default();
    for c in &changes {
        let slot = match c.outcome {
            Outcome::Improved => &mut counts.improved,
            Outcome::Worsened => &mut counts.worsened,
            Outcome::Unchanged => &mut counts.unchanged,
            Outcome::Changed => &mut counts.changed,
            Outcome::NotComparable => &mut counts.not_comparable,
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

fn change(before: Option<&Indicator>, after: Option<&Indicator>) -> IndicatorChange {
    // One of the two is always present.
    let about = after.or(before);
    let numbers = (
        before.and_then(|i| i.value.number()),
        after.and_then(|i| i.value.number()),
    );
    let (change, outcome) = if let (Some(b), Some(a)) = numbers {
        let delta = a - b;
        let direction = about.map_or(Direction::Neutral, |i| i.direction);
        let outcome = if delta.abs() <= TOLERANCE {
            Outcome::Unchanged
        } else {
            match (direction, delta > 0.0) {
                (Direction::HigherIsBetter, true) | (Direction::LowerIsBetter, false) => {
                    Outcome::Improved
                }
                (Direction::HigherIsBetter, false) | (Direction::LowerIsBetter, true) => {
                    Outcome::Worsened
                }
                _ => Outcome::Changed,
            }
        };
        (
            Some(if outcome == Outcome::Unchanged {
                0.0
            } else {
                delta
            }),
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
        direction: about.map_or(Direction::Neutral, |i| i.direction),
        before: before.map(|i| i.value.clone()),
        after: after.map(|i| i.value.clone()),
        before_rag: before.and_then(|i| i.rag),
        after_rag: after.and_then(|i| i.rag),
        change,
        outcome,
    }
}
