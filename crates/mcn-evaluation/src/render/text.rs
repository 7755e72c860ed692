//! A compact summary for a terminal.

use std::fmt::Write as _;

use super::{change_text, headline, or_dash, plural, rag_word};
use crate::{compare::Outcome, report::EvaluationReport, report::Theme};

/// Width of the indicator title column.
const TITLE: usize = 58;

/// The report as a compact terminal summary: one line per indicator with its
/// rating and headline figure, grouped by theme; the comparison's
/// improvements and deteriorations when there is one.
#[must_use]
pub fn text(report: &EvaluationReport) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_text(&mut out, report);
    out
}

fn write_text(out: &mut String, report: &EvaluationReport) -> std::fmt::Result {
    writeln!(
        out,
        "{}: evaluation as of {}",
        report.network.name, report.as_of
    )?;
    writeln!(
        out,
        "window {} ({}); document: {}, {}",
        report.window,
        report.settings.window_months,
        plural(report.validation.errors, "error", "errors"),
        plural(report.validation.warnings, "warning", "warnings")
    )?;
    if let Some(warning) = &report.warning {
        writeln!(out, "warning: {}", warning.message)?;
    }
    let s = report.summary;
    writeln!(
        out,
        "RAG: {} green, {} amber, {} red, {} not rated",
        s.green, s.amber, s.red, s.not_rated
    )?;
    for theme in Theme::ALL {
        let mut indicators = report.theme(theme).peekable();
        if indicators.peek().is_none() {
            continue;
        }
        writeln!(out, "\n{}", theme.title())?;
        for indicator in indicators {
            let rag = rag_word(indicator.rag).to_uppercase();
            let flag = if indicator.source_errors > 0 {
                " !"
            } else {
                ""
            };
            writeln!(
                out,
                "  {rag:<9} {:<TITLE$} {}{flag}",
                truncate(&indicator.title, TITLE),
                headline(indicator)
            )?;
        }
    }
    if let Some(comparison) = &report.comparison {
        let c = comparison.counts;
        writeln!(
            out,
            "\nsince {}: {} improved, {} worsened, {} unchanged, {} basis changed",
            comparison.before, c.improved, c.worsened, c.unchanged, c.basis_changed
        )?;
        for outcome in [Outcome::Improved, Outcome::Worsened, Outcome::BasisChanged] {
            for change in comparison.with_outcome(outcome) {
                writeln!(
                    out,
                    "  {:<13} {:<TITLE$} {} → {} ({})",
                    outcome.as_str(),
                    truncate(&change.title, TITLE),
                    or_dash(change.before.as_ref()),
                    or_dash(change.after.as_ref()),
                    change
                        .basis_change
                        .clone()
                        .unwrap_or_else(|| change_text(change))
                )?;
            }
        }
    }
    if report.warning.is_some() {
        writeln!(out, "\n! figure reads a collection with an error finding")?;
    }
    Ok(())
}

/// At most `max` characters, with an ellipsis when cut.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let head: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{head}…")
    }
}
