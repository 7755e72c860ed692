//! Rendering a report: a compact text summary for a terminal
//! ([`text`](text())), a markdown paper for a steering group ([`markdown`]), a
//! self-contained HTML page ([`html`]) and its JSON form; [`to_string`] picks
//! one by [`Format`]. Pure functions from a report to a string; a report's
//! [`comparison`](crate::EvaluationReport::comparison), when present, is
//! rendered too.

use mcn_core::{NaiveDate, Rag};

use crate::{
    compare::IndicatorChange,
    report::{Indicator, ThresholdUsed, Value},
};

mod html;
mod markdown;
mod series;
mod text;

pub use html::{CHARTS, escape, html};
pub use markdown::{escape as escape_markdown, markdown};
pub use series::{series_html, series_markdown, series_text, series_to_string};
pub use text::text;

use crate::EvaluationReport;

/// The forms a report can be rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// A compact summary for a terminal ([`text`](text())).
    Text,
    /// A paper for a steering group ([`markdown`]).
    Markdown,
    /// One self-contained HTML page ([`html`]).
    Html,
    /// The report's serde form, pretty-printed, with a final new line (see its
    /// JSON Schema, `evaluation-report`).
    Json,
}

/// `report` rendered in `format`.
///
/// Only [`Format::Json`] can fail, and only if serialisation does.
pub fn to_string(report: &EvaluationReport, format: Format) -> Result<String, serde_json::Error> {
    Ok(match format {
        Format::Text => text(report),
        Format::Markdown => markdown(report),
        Format::Html => html(report),
        Format::Json => serde_json::to_string_pretty(report)? + "\n",
    })
}

/// A date as people write it: `1 November 2026`.
pub(crate) fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// A rating as a word with a capital: `Green`; `Not rated` for none.
pub(crate) const fn rag_word(rag: Option<Rag>) -> &'static str {
    match rag {
        Some(Rag::Green) => "Green",
        Some(Rag::Amber) => "Amber",
        Some(Rag::Red) => "Red",
        _ => "Not rated",
    }
}

/// A rating as a CSS class / lower-case key.
pub(crate) const fn rag_key(rag: Option<Rag>) -> &'static str {
    match rag {
        Some(Rag::Green) => "green",
        Some(Rag::Amber) => "amber",
        Some(Rag::Red) => "red",
        _ => "none",
    }
}

/// A headline value for a summary table: the value, with the unit where the
/// value alone would be unclear (`3 events`, `1 post`).
pub(crate) fn headline(indicator: &Indicator) -> String {
    match &indicator.value {
        Value::Count { count } => format!("{count} {}", unit_for(*count, &indicator.unit)),
        _ => indicator.value.to_string(),
    }
}

/// `unit` for a count of `n`: singular for one (`posts` → `post`).
pub(crate) fn unit_for(n: u64, unit: &str) -> String {
    if n != 1 {
        return unit.to_owned();
    }
    match unit {
        "people" => "person".to_owned(),
        _ => unit.strip_suffix('s').unwrap_or(unit).to_owned(),
    }
}

/// The unit to show after a value, when it adds something (counts, shares
/// and ratios; not yes/no, money, WTE or ratings, which say it themselves).
pub(crate) fn shown_unit(indicator: &Indicator) -> Option<String> {
    match &indicator.value {
        Value::Count { count } => Some(unit_for(*count, &indicator.unit)),
        Value::Proportion { .. } | Value::Ratio { .. } | Value::Table { .. } => {
            Some(indicator.unit.clone())
        }
        _ => None,
    }
}

/// `n things`, singular for one.
pub(crate) fn plural(n: u64, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// The RAG bands or rule in words; bands of a share as percentages.
pub(crate) fn threshold_text(indicator: &Indicator) -> Option<String> {
    let threshold = indicator.threshold.as_ref()?;
    let share = indicator.value.is_proportion();
    let bound = |v: f64| {
        if share {
            format!("{}%", trim_number(v * 100.0))
        } else {
            trim_number(v)
        }
    };
    Some(match threshold {
        ThresholdUsed::AtLeast { green, amber } => {
            format!(
                "green at or above {}, amber at or above {}, red below",
                bound(*green),
                bound(*amber)
            )
        }
        ThresholdUsed::AtMost { green, amber } => {
            format!(
                "green at or below {}, amber at or below {}, red above",
                bound(*green),
                bound(*amber)
            )
        }
        other => other.to_string(),
    })
}

/// A number without a needless fraction: `75`, `4.5`, `0.25`.
fn trim_number(v: f64) -> String {
    let text = format!("{v:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A signed number with `decimals` places, using a real minus sign.
fn signed(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    if value < 0.0 {
        format!("−{text}")
    } else {
        format!("+{text}")
    }
}

/// The change of a compared indicator in its own terms: `+5.0 pp`,
/// `−£1,200.00`, `+3`, `+0.25 WTE`; `—` when not comparable.
pub(crate) fn change_text(change: &IndicatorChange) -> String {
    let text = count_change_text(change);
    match change.rate_change {
        Some(rate) => format!("{text} ({} per 100)", signed(rate, 1)),
        None => text,
    }
}

/// What a figure counts, its rate and the stale records left out, in a
/// sentence: `Basis: 5 organisations reporting staffing; 2 stale records
/// left out.`; `None` when there is nothing to say.
pub(crate) fn basis_text(indicator: &Indicator) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(basis) = &indicator.basis {
        parts.push(format!("basis: {basis}"));
    }
    if let Some(rate) = &indicator.rate {
        parts.push(format!("rate: {rate}"));
    }
    if indicator.stale > 0 {
        parts.push(format!(
            "{} left out as stale",
            plural(indicator.stale, "record", "records")
        ));
    }
    let text = parts.join("; ");
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| format!("{}{}.", first.to_uppercase(), chars.as_str()))
}

/// The outcome in words, with what changed when the basis did:
/// `basis changed: 5 organisations reporting staffing, was 2`.
pub(crate) fn outcome_text(change: &IndicatorChange) -> String {
    match (&change.basis_change, change.outcome) {
        (Some(basis), crate::Outcome::BasisChanged) => format!("basis changed: {basis}"),
        (Some(basis), outcome) if change.rate_change.is_some() => {
            format!("{} (by rate; {basis})", outcome.as_str())
        }
        (Some(basis), outcome) => format!("{} ({basis})", outcome.as_str()),
        (None, outcome) => outcome.as_str().to_owned(),
    }
}

/// The outcomes counted, in a sentence.
pub(crate) fn counts_text(c: &crate::OutcomeCounts) -> String {
    format!(
        "{} improved, {} worsened, {} unchanged, {} changed, {} basis changed, {} not comparable",
        c.improved, c.worsened, c.unchanged, c.changed, c.basis_changed, c.not_comparable
    )
}

fn count_change_text(change: &IndicatorChange) -> String {
    let Some(delta) = change.change else {
        return "—".to_owned();
    };
    if delta == 0.0 {
        return "no change".to_owned();
    }
    match change.after.as_ref().or(change.before.as_ref()) {
        Some(v) if v.is_proportion() => format!("{} pp", signed(delta * 100.0, 1)),
        Some(Value::Money { .. }) => {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // pence, whole
            let pence = delta.abs().round() as u64;
            let amount = mcn_core::Money::from_pence(pence).to_string();
            if delta < 0.0 {
                format!("−{amount}")
            } else {
                format!("+{amount}")
            }
        }
        Some(Value::Wte { .. }) => format!("{} WTE", signed(delta, 2)),
        Some(Value::Ratio { .. }) => signed(delta, 3),
        Some(Value::Mean { .. }) => signed(delta, 2),
        Some(Value::Boolean { .. }) => {
            if delta > 0.0 {
                "no → yes".to_owned()
            } else {
                "yes → no".to_owned()
            }
        }
        _ => signed(delta, 0),
    }
}

/// A value, or `—` when absent.
pub(crate) fn or_dash(value: Option<&Value>) -> String {
    value.map_or_else(|| "—".to_owned(), ToString::to_string)
}
