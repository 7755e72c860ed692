#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod compare;
mod evaluate;
mod indicators;
pub mod render;
pub mod report;
pub mod settings;

pub use compare::{Comparison, IndicatorChange, Outcome, OutcomeCounts, compare};
pub use evaluate::evaluate;
pub use indicators::{CATALOGUE, IndicatorSpec};
pub use report::{
    Breakdown, Column, DataWarning, Direction, EvaluationReport, Evidence, Indicator,
    NetworkSummary, RagSummary, Row, Theme, ThresholdUsed, ValidationSummary, Value,
};
pub use settings::{AtLeast, AtMost, EvaluationSettings, Months, SettingsError, Thresholds};
