//! A markdown paper for a steering group.

use std::fmt::Write as _;

use super::{
    basis_text, change_text, counts_text, headline, long_date, or_dash, outcome_text, plural,
    rag_word, shown_unit, threshold_text,
};
use crate::report::{Breakdown, EvaluationReport, Indicator, Theme, Value};

/// Rows of a breakdown shown before the rest are summarised.
const MAX_ROWS: usize = 50;
/// Evidence items listed per indicator.
const MAX_EVIDENCE: usize = 20;

/// The report as a markdown paper: title and dates, the data warning if any,
/// a summary table of every indicator with its rating, the comparison if any,
/// then a section per theme with each indicator's figure, definition, RAG
/// bands, tables and evidence (JSON Pointer paths into the document).
///
/// Text from the document is escaped, so a name cannot break the layout.
#[must_use]
pub fn markdown(report: &EvaluationReport) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_markdown(&mut out, report);
    out
}

/// Escapes text for markdown: the characters that would start markup or
/// break a table cell are backslash-escaped, line breaks become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn write_markdown(out: &mut String, report: &EvaluationReport) -> std::fmt::Result {
    writeln!(
        out,
        "# {}: evaluation report\n",
        escape(&report.network.name)
    )?;
    let end = report.window.end().unwrap_or(report.as_of);
    writeln!(
        out,
        "**As of** {}. Activity figures cover the {} from {} to {}.\n",
        long_date(report.as_of),
        report.settings.window_months,
        long_date(report.window.start()),
        long_date(end),
    )?;
    writeln!(
        out,
        "The document has {} and {}.\n",
        plural(report.validation.errors, "error finding", "error findings"),
        plural(report.validation.warnings, "warning", "warnings")
    )?;
    if let Some(warning) = &report.warning {
        writeln!(out, "> **Warning:** {}.", escape(&warning.message))?;
        if !warning.affected.is_empty() {
            let ids: Vec<String> = warning
                .affected
                .iter()
                .map(|id| format!("`{id}`"))
                .collect();
            writeln!(
                out,
                ">\n> Figures that may be affected: {}.",
                ids.join(", ")
            )?;
        }
        writeln!(out)?;
    }
    let s = report.summary;
    writeln!(out, "## Summary\n")?;
    writeln!(
        out,
        "{} green, {} amber, {} red, {} not rated.\n",
        s.green, s.amber, s.red, s.not_rated
    )?;
    writeln!(out, "| Theme | Indicator | Figure | RAG |")?;
    writeln!(out, "|---|---|---|---|")?;
    for indicator in &report.indicators {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            indicator.theme.title(),
            escape(&indicator.title),
            escape(&headline(indicator)),
            rag_word(indicator.rag)
        )?;
    }
    writeln!(out)?;
    if let Some(comparison) = &report.comparison {
        let c = comparison.counts;
        writeln!(out, "## Changes since {}\n", long_date(comparison.before))?;
        writeln!(out, "{}.\n", counts_text(&c))?;
        writeln!(
            out,
            "| Indicator | {} | {} | Change | Outcome |",
            comparison.before, comparison.after
        )?;
        writeln!(out, "|---|---|---|---|---|")?;
        for change in &comparison.changes {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                escape(&change.title),
                escape(&or_dash(change.before.as_ref())),
                escape(&or_dash(change.after.as_ref())),
                change_text(change),
                escape(&outcome_text(change))
            )?;
        }
        writeln!(out)?;
    }
    for theme in Theme::ALL {
        let mut indicators = report.theme(theme).peekable();
        if indicators.peek().is_none() {
            continue;
        }
        writeln!(out, "## {}\n", theme.title())?;
        for indicator in indicators {
            write_indicator(out, indicator)?;
        }
    }
    Ok(())
}

fn write_indicator(out: &mut String, indicator: &Indicator) -> std::fmt::Result {
    writeln!(out, "### {}\n", escape(&indicator.title))?;
    let unit = shown_unit(indicator).map_or_else(String::new, |u| format!(" {}", escape(&u)));
    writeln!(
        out,
        "**{}**: {}{unit}. `{}`\n",
        rag_word(indicator.rag),
        escape(&indicator.value.to_string()),
        indicator.id
    )?;
    writeln!(out, "{}", escape(&indicator.definition))?;
    if let Some(threshold) = threshold_text(indicator) {
        writeln!(out, "RAG: {}.", escape(&threshold))?;
    }
    if let Some(basis) = basis_text(indicator) {
        writeln!(out, "{}", escape(&basis))?;
    }
    writeln!(out)?;
    if indicator.source_errors > 0 {
        writeln!(
            out,
            "> **May be affected:** {} error findings in the collections this figure reads ({}).\n",
            indicator.source_errors,
            indicator.sources.join(", ")
        )?;
    }
    for breakdown in &indicator.breakdowns {
        write_breakdown(out, breakdown)?;
    }
    if !indicator.evidence.is_empty() {
        let total = indicator.evidence.len() as u64 + indicator.evidence_omitted;
        writeln!(out, "Evidence ({}):\n", plural(total, "entity", "entities"))?;
        for item in indicator.evidence.iter().take(MAX_EVIDENCE) {
            let note = item
                .note
                .as_ref()
                .map_or_else(String::new, |n| format!(": {}", escape(n)));
            writeln!(out, "- `{}` {}{note}", item.path, escape(&item.label))?;
        }
        let shown = indicator.evidence.len().min(MAX_EVIDENCE) as u64;
        if total > shown {
            writeln!(out, "- … and {} more (see the JSON report)", total - shown)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn cell(value: &Value) -> String {
    match value {
        Value::Boolean { value } => (if *value { "yes" } else { "no" }).to_owned(),
        other => escape(&other.to_string()),
    }
}

fn write_breakdown(out: &mut String, breakdown: &Breakdown) -> std::fmt::Result {
    writeln!(out, "#### {}\n", escape(&breakdown.title))?;
    if breakdown.rows.is_empty() {
        writeln!(out, "None.\n")?;
        return Ok(());
    }
    write!(out, "| |")?;
    for column in &breakdown.columns {
        write!(out, " {} |", escape(&column.title))?;
    }
    writeln!(out)?;
    write!(out, "|---|")?;
    for _ in &breakdown.columns {
        write!(out, "---|")?;
    }
    writeln!(out)?;
    for row in breakdown.rows.iter().take(MAX_ROWS) {
        write!(out, "| {} |", escape(&row.label))?;
        for value in &row.cells {
            write!(out, " {} |", cell(value))?;
        }
        writeln!(out)?;
    }
    if breakdown.rows.len() > MAX_ROWS {
        writeln!(
            out,
            "\n… and {} more rows (see the JSON report).",
            breakdown.rows.len() - MAX_ROWS
        )?;
    }
    writeln!(out)
}
