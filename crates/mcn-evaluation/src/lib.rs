#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod compare;
mod evaluate;
mod indicators;
pub mod render;
pub mod report;
pub mod series;
pub mod settings;

pub use compare::{Comparison, IndicatorChange, Outcome, OutcomeCounts, compare};
pub use evaluate::evaluate;
pub use indicators::{CATALOGUE, IndicatorSpec};
pub use report::{
    Basis, Breakdown, Column, DataWarning, Direction, EvaluationReport, Evidence, Indicator,
    NetworkSummary, RagSummary, Rate, Row, Theme, ThresholdUsed, ValidationSummary, Value,
};
pub use series::{Cadence, IndicatorSeries, Point, Series, SeriesError, series};
pub use settings::{
    AtLeast, AtMost, EvaluationSettings, Months, SettingsError, Thresholds, Tolerance,
};
