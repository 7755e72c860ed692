//! Trends: every indicator over consecutive windows that tile — the "early
//! achievements" view a steering group reads at a glance.
//!
//! # Windows that tile
//!
//! A series cuts time into calendar months or calendar quarters
//! ([`Cadence`]): the first window is the month or quarter that contains
//! `from`, each next one starts the day after the last ends, and the series
//! stops at the last window that has ended on or before `to` (a window still
//! running is left out: its figures would not be comparable). Each window
//! is evaluated as a report dated on its last day with a window of one or
//! three months, which is exactly that month or quarter (see
//! [`crate::evaluate`]).
//!
//! How an activity is assigned to a window, so that consecutive windows
//! count it exactly once:
//!
//! - **one date each** — a meeting (its date), an event and its
//!   registrations (the event's date; an event spanning days counts on the
//!   day it starts, its `date`), an audit result (the day it was submitted,
//!   not its reporting period, which may straddle two windows), a
//!   communication: counted in the one window that contains the date;
//! - **snapshots** — posts, appointments, memberships, adoptions, risks,
//!   staffing, funding: read as they stand on each window's last day (a
//!   staffing return older than the stale age is left out); they are states,
//!   not activities, so nothing is added up across windows and nothing is
//!   apportioned.
//!
//! [`window_of`] is the rule for one date; the property tests check it over
//! random dates and window sequences.
//!
//! # One validation, one index, shared lookups
//!
//! The caller validates once (as of `to`) and indexes once (the
//! [`Network`]); the date-independent lookups (the roles index, employers,
//! event positions, every meeting's quorum, the registrations tallied per
//! event) are built once and shared by every window. The passes that depend
//! on the window (reach over the registrations, the adoption matrix on the
//! window's last day, ...) run once per window: each reads the state on a
//! different date. From 10,000 registrations and audit results, the
//! windows are evaluated on two threads (the first half on a second
//! thread), joined in order, so the series is the same.

use mcn_core::{NaiveDate, Period, Rag, Report, vocabulary};
use mcn_network::Network;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    EvaluationSettings, Months,
    evaluate::evaluate_shared,
    indicators::Shared,
    report::{
        Basis, Direction, EvaluationReport, NetworkSummary, Rate, Theme, ThresholdUsed,
        ValidationSummary, Value,
    },
};

vocabulary! {
    /// How long each window of a series is.
    exhaustive Cadence {
        /// Calendar months.
        Monthly => "monthly",
        /// Calendar quarters (January–March, April–June, July–September,
        /// October–December).
        Quarterly => "quarterly",
    }
}

impl Cadence {
    /// Months per window.
    #[must_use]
    pub const fn months(self) -> u32 {
        match self {
            Self::Monthly => 1,
            Self::Quarterly => 3,
        }
    }

    /// The first day of the window that contains `date`.
    #[must_use]
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        use chrono::Datelike as _;
        let month0 = date.month0() - date.month0() % self.months();
        NaiveDate::from_ymd_opt(date.year(), month0 + 1, 1).unwrap_or(date)
    }

    /// The window that starts on `start` (a first of a month).
    fn window_from(self, start: NaiveDate) -> Option<Period> {
        let next = start.checked_add_months(chrono::Months::new(self.months()))?;
        Period::new(start, Some(next.pred_opt()?)).ok()
    }

    /// A short label for the window starting on `start`: `2026 Q2`, `Apr 2026`.
    #[must_use]
    pub fn label(self, start: NaiveDate) -> String {
        use chrono::Datelike as _;
        match self {
            Self::Monthly => start.format("%b %Y").to_string(),
            Self::Quarterly => format!("{} Q{}", start.year(), start.month0() / 3 + 1),
        }
    }
}

/// From this many registrations and audit results together (the
/// activity every window passes over), the windows are evaluated on two
/// threads; below, a thread costs more than it saves.
const PARALLEL_FROM: usize = 10_000;

/// The most windows a series may have (ten years of months).
pub const MAX_WINDOWS: usize = 120;

/// Why a series cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SeriesError {
    /// No window has ended between `from` and `to`.
    #[error(
        "no {cadence} window from {from} has ended by {to}: the first ends on {first_end}; \
         give an earlier --from or a later date"
    )]
    NoWindow {
        /// The cadence asked for.
        cadence: Cadence,
        /// The start asked for.
        from: NaiveDate,
        /// The end asked for.
        to: NaiveDate,
        /// The last day of the first window.
        first_end: NaiveDate,
    },
    /// More windows than [`MAX_WINDOWS`].
    #[error("{windows} {cadence} windows from {from} to {to}: at most {MAX_WINDOWS} are allowed")]
    TooMany {
        /// The cadence asked for.
        cadence: Cadence,
        /// The start asked for.
        from: NaiveDate,
        /// The end asked for.
        to: NaiveDate,
        /// How many windows that would be.
        windows: usize,
    },
}

/// The windows of a series: calendar months or quarters from the one that
/// contains `from` to the last that ends on or before `to`.
///
/// ```
/// use mcn_core::NaiveDate;
/// use mcn_evaluation::series::{Cadence, windows};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let quarters = windows(Cadence::Quarterly, d(2025, 2, 14), d(2025, 12, 30))?;
/// let shown: Vec<String> = quarters.iter().map(ToString::to_string).collect();
/// assert_eq!(shown, ["2025-01-01 to 2025-03-31", "2025-04-01 to 2025-06-30", "2025-07-01 to 2025-09-30"]);
/// # Ok::<(), mcn_evaluation::series::SeriesError>(())
/// ```
pub fn windows(
    cadence: Cadence,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Period>, SeriesError> {
    let mut out = Vec::new();
    let mut start = cadence.start_of(from);
    while let Some(window) = cadence.window_from(start) {
        let Some(end) = window.end() else { break };
        if end > to {
            if out.is_empty() {
                return Err(SeriesError::NoWindow {
                    cadence,
                    from,
                    to,
                    first_end: end,
                });
            }
            break;
        }
        out.push(window);
        if out.len() > MAX_WINDOWS {
            let months = i64::from(cadence.months());
            let span = (to - cadence.start_of(from)).num_days() * 12 / 365 / months;
            return Err(SeriesError::TooMany {
                cadence,
                from,
                to,
                windows: usize::try_from(span).unwrap_or(usize::MAX).max(out.len()),
            });
        }
        let Some(next) = end.succ_opt() else { break };
        start = next;
    }
    Ok(out)
}

/// The position of the window in `windows` (consecutive, as [`windows`]
/// makes them) that an activity dated `date` counts in: the one that
/// contains the date; `None` outside them all. An activity with a period
/// (an audit's reporting period, an event over several days) is dated by
/// one day of it as the module documentation says, so it counts once.
#[must_use]
pub fn window_of(windows: &[Period], date: NaiveDate) -> Option<usize> {
    let i = windows.partition_point(|w| w.end().is_some_and(|end| end < date));
    windows.get(i).filter(|w| w.contains(date)).map(|_| i)
}

/// One indicator in one window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// The window (its last day is the report date).
    pub window: Period,
    /// A short label: `2026 Q2`, `Apr 2026`.
    pub label: String,
    /// The figure.
    pub value: Value,
    /// The headline number ([`Value::number`]); absent when undefined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<f64>,
    /// The rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rag: Option<Rag>,
    /// What the figure counts, and how many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    /// The rate alongside a count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Rate>,
    /// Error findings in the collections the figure reads.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub source_errors: u64,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
const fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// One indicator over every window of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorSeries {
    /// Stable id, e.g. `governance.quorate_meetings`.
    pub id: String,
    /// Its theme.
    pub theme: Theme,
    /// Its title.
    pub title: String,
    /// How it is computed (as in a report).
    pub definition: String,
    /// What the figure counts.
    pub unit: String,
    /// Which way is better.
    pub direction: Direction,
    /// The RAG bands (the same in every window: one settings document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<ThresholdUsed>,
    /// One point per window, in order.
    pub points: Vec<Point>,
}

impl IndicatorSeries {
    /// The latest point.
    #[must_use]
    pub fn latest(&self) -> Option<&Point> {
        self.points.last()
    }
}

/// Every indicator over consecutive windows: see [`series`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// The network evaluated.
    pub network: NetworkSummary,
    /// Months or quarters.
    pub cadence: Cadence,
    /// The start asked for (the first window contains it).
    pub from: NaiveDate,
    /// The date the series is made as of (the last window ends on or before it).
    pub to: NaiveDate,
    /// The windows, consecutive, in order.
    pub windows: Vec<Period>,
    /// The settings used (the window length is the cadence's).
    pub settings: EvaluationSettings,
    /// The document's validation findings (as of `to`), counted.
    pub validation: ValidationSummary,
    /// Every indicator, in catalogue order.
    pub indicators: Vec<IndicatorSeries>,
}

impl Series {
    /// The series of the indicator with this id.
    #[must_use]
    pub fn indicator(&self, id: &str) -> Option<&IndicatorSeries> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

/// Every indicator of the catalogue over the [`windows`] of `cadence` from
/// `from` to `to`: each window evaluated as a report dated on its last day
/// with a window of exactly that month or quarter (the settings' window
/// length is replaced by the cadence's).
///
/// `findings` are the caller's validation of the document (as of `to`):
/// validated once, they say which figures may be affected in every window.
/// The index and the date-independent lookups are shared by all windows.
///
/// ```
/// use mcn_core::NaiveDate;
/// use mcn_evaluation::{EvaluationSettings, series::{Cadence, series}};
/// use mcn_network::{Network, NetworkDocument};
///
/// let json = br#"{"schema_version": "1.1",
///   "network": {"id": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f", "name": "Northvale CPC Network"}}"#;
/// let network = Network::new(NetworkDocument::from_json(json)?);
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let to = d(2026, 11, 1);
/// let trends = series(&network, &network.validate(to), Cadence::Quarterly, d(2025, 10, 1), to,
///     &EvaluationSettings::default())?;
/// assert_eq!(trends.windows.len(), 4); // 2025 Q4 to 2026 Q3
/// assert_eq!(trends.indicators[0].points.len(), 4);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn series(
    network: &Network,
    findings: &Report,
    cadence: Cadence,
    from: NaiveDate,
    to: NaiveDate,
    settings: &EvaluationSettings,
) -> Result<Series, SeriesError> {
    let windows = windows(cadence, from, to)?;
    let settings = EvaluationSettings {
        window_months: Months::new(cadence.months()).unwrap_or(settings.window_months),
        ..settings.clone()
    };
    let shared = Shared::new(network);
    let evaluate_window = |w: &Period| {
        let end = w.end()?;
        Some((
            *w,
            evaluate_shared(network, &shared, findings, end, &settings),
        ))
    };
    let doc = network.document();
    let reports: Vec<(Period, EvaluationReport)> =
        if doc.registrations.len() + doc.audit_results.len() >= PARALLEL_FROM {
            // The windows are independent: the first half on a second
            // thread, the second on this one, joined in window order (the
            // same series as one thread makes).
            let (first, second) = windows.split_at(windows.len() / 2);
            std::thread::scope(|scope| {
                let earlier = scope.spawn(|| first.iter().filter_map(evaluate_window).collect());
                let later: Vec<_> = second.iter().filter_map(evaluate_window).collect();
                let mut all: Vec<_> = match earlier.join() {
                    Ok(all) => all,
                    Err(panic) => std::panic::resume_unwind(panic),
                };
                all.extend(later);
                all
            })
        } else {
            windows.iter().filter_map(evaluate_window).collect()
        };
    Ok(assemble(
        network, cadence, from, to, windows, settings, &reports,
    ))
}

fn assemble(
    network: &Network,
    cadence: Cadence,
    from: NaiveDate,
    to: NaiveDate,
    windows: Vec<Period>,
    settings: EvaluationSettings,
    reports: &[(Period, EvaluationReport)],
) -> Series {
    let doc = network.document();
    let mut indicators: Vec<IndicatorSeries> = crate::CATALOGUE
        .iter()
        .map(|spec| IndicatorSeries {
            id: spec.id.to_owned(),
            theme: spec.theme,
            title: spec.title.to_owned(),
            definition: spec.described(),
            unit: spec.unit.to_owned(),
            direction: spec.direction,
            threshold: None,
            points: Vec::with_capacity(reports.len()),
        })
        .collect();
    for (window, report) in reports {
        for (series, indicator) in indicators.iter_mut().zip(&report.indicators) {
            series.threshold.clone_from(&indicator.threshold);
            series.points.push(Point {
                window: *window,
                label: cadence.label(window.start()),
                number: indicator.value.number(),
                value: indicator.value.clone(),
                rag: indicator.rag,
                basis: indicator.basis.clone(),
                rate: indicator.rate.clone(),
                source_errors: indicator.source_errors,
            });
        }
    }
    Series {
        network: NetworkSummary {
            id: doc.network.id,
            name: doc.network.name.to_string(),
        },
        cadence,
        from,
        to,
        windows,
        validation: reports
            .last()
            .map(|(_, r)| r.validation)
            .unwrap_or_default(),
        settings,
        indicators,
    }
}
