//! One self-contained HTML page: inline CSS and SVG, no script, no fetches.

use std::fmt::Write as _;

use super::{
    basis_text, change_text, counts_text, headline, long_date, or_dash, outcome_text, plural,
    rag_key, rag_word, shown_unit, threshold_text,
};
use crate::{
    report::{Breakdown, EvaluationReport, Indicator, Theme, Value},
    settings::Months,
};

/// The bar charts the page draws, as `(indicator id, breakdown id, column
/// id, caption)`: reach by sector, reach by locality, and why people missed
/// training. Each is drawn (one `<svg>` in a `<figure class="chart">`) when
/// its breakdown has a row with a figure above zero.
pub const CHARTS: &[(&str, &str, &str, &str)] = &[
    (
        "training.reach",
        "by_sector",
        "people",
        "People trained, by the sector of their organisation",
    ),
    (
        "training.reach",
        "by_locality",
        "people",
        "People trained, by where the event took place",
    ),
    (
        "training.barriers",
        "by_barrier",
        "count",
        "Missed registrations, by the barrier recorded",
    ),
];

/// The breakdown drawn as a heat map (a table with coloured cells).
const HEAT_MAP: (&str, &str) = ("standards.adoption", "matrix");

/// Breakdowns longer than this are folded away in a `<details>`.
const FOLD_ROWS: usize = 25;

const STYLE: &str = r#"
:root{--green:#1e7b43;--green-bg:#e3f3e8;--amber:#8a5a00;--amber-bg:#fff1d0;--red:#a3262a;--red-bg:#fbe3e3;--grey:#5c6370;--grey-bg:#eef0f3;--ink:#1f2328;--line:#d5d9de;--accent:#2f5d8a}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);line-height:1.45;max-width:1100px;margin:0 auto;padding:24px 28px 48px;background:#fff}
h1{font-size:1.7rem;margin:0 0 4px}
h2{font-size:1.3rem;margin:36px 0 12px;padding-bottom:4px;border-bottom:2px solid var(--accent);color:var(--accent)}
h3{font-size:1.05rem;margin:0}
h4{font-size:.9rem;margin:14px 0 6px;color:var(--grey)}
p{margin:6px 0}
.sub{color:var(--grey);margin:0}
.warning{border-left:5px solid var(--red);background:var(--red-bg);padding:10px 14px;margin:16px 0;border-radius:4px}
.pill{display:inline-block;padding:1px 10px;border-radius:999px;font-size:.8rem;font-weight:600;white-space:nowrap;border:1px solid transparent}
.pill.green{background:var(--green-bg);color:var(--green);border-color:var(--green)}
.pill.amber{background:var(--amber-bg);color:var(--amber);border-color:var(--amber)}
.pill.red{background:var(--red-bg);color:var(--red);border-color:var(--red)}
.pill.none{background:var(--grey-bg);color:var(--grey);border-color:var(--line)}
.tally{display:flex;gap:10px;flex-wrap:wrap;margin:8px 0 14px}
.tally .pill{font-size:1rem;padding:4px 14px}
nav{margin:14px 0;font-size:.9rem}
nav a{margin-right:14px;color:var(--accent)}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:4px 0 10px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--grey-bg);font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.short{white-space:nowrap}
td.yes{color:var(--green);font-weight:600}
td.no{color:var(--red);font-weight:600}
table.summary td:first-child{color:var(--grey);white-space:nowrap}
table.summary a{color:inherit;text-decoration:none}
table.summary a:hover{text-decoration:underline}
article.indicator{border:1px solid var(--line);border-left:6px solid var(--grey);border-radius:6px;padding:12px 16px;margin:14px 0;background:#fff}
article.indicator.green{border-left-color:var(--green)}
article.indicator.amber{border-left-color:#d99a00}
article.indicator.red{border-left-color:var(--red)}
article.indicator>header{display:flex;justify-content:space-between;align-items:baseline;gap:12px}
.value{font-size:1.35rem;font-weight:650;margin:6px 0 2px}
.value .unit{font-size:.85rem;font-weight:400;color:var(--grey)}
.definition,.threshold{font-size:.85rem;color:var(--grey)}
.affected{font-size:.85rem;color:var(--red)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem;background:var(--grey-bg);padding:0 3px;border-radius:3px}
details{margin:6px 0}
summary{cursor:pointer;color:var(--accent);font-size:.85rem}
details.evidence ul{margin:6px 0;padding-left:20px;font-size:.82rem}
figure.chart{margin:10px 0 14px}
figure.chart figcaption{font-size:.85rem;font-weight:600;color:var(--grey);margin-bottom:4px}
figure.chart svg{width:100%;max-width:720px;height:auto;display:block}
svg .bar{fill:var(--accent)}
svg text{font-family:inherit;font-size:12px;fill:var(--ink)}
svg .label{fill:var(--grey)}
table.heatmap td.cell{text-align:center;font-size:.75rem;white-space:nowrap}
table.heatmap th.col{font-size:.75rem;white-space:nowrap}
.s-adopted{background:#2e8b57;color:#fff}
.s-in_progress{background:#9fd4ae}
.s-planned{background:#fbe3a1}
.s-not_started{background:#f4b5b0}
.s-not_recorded{background:#fff;color:var(--grey)}
.s-not_applicable{background:var(--grey-bg);color:var(--grey)}
.legend{font-size:.78rem;display:flex;gap:8px;flex-wrap:wrap;margin:4px 0 10px}
.legend span{padding:1px 8px;border:1px solid var(--line);border-radius:3px}
.up{color:var(--green);font-weight:600}
.down{color:var(--red);font-weight:600}
footer{margin-top:40px;font-size:.8rem;color:var(--grey);border-top:1px solid var(--line);padding-top:8px}
@page{size:A4;margin:14mm 12mm}
@media print{
body{max-width:none;padding:0;font-size:10pt}
nav,details.evidence,details.fold{display:none}
h2{break-after:avoid;page-break-after:avoid}
article.indicator,figure.chart,table.summary tr{break-inside:avoid;page-break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}
}
"#;

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The report as one self-contained HTML page (inline CSS and SVG, no
/// JavaScript, nothing fetched): a summary of the ratings first, then a
/// section per theme with each indicator's figure, rating, bands, charts
/// ([`CHARTS`]), an adoption heat map, tables (the coverage table by locality
/// among them) and the evidence behind each figure in a collapsible list.
/// Prints cleanly (A4, evidence and long tables folded away).
///
/// All text from the document is escaped.
#[must_use]
pub fn html(report: &EvaluationReport) -> String {
    let mut out = String::with_capacity(64 * 1024);
    // Writing to a String cannot fail.
    let _ = write_page(&mut out, report);
    out
}

/// The page up to `<body>`: `title` (already escaped) and the style sheet
/// with `extra_style` after it.
pub(crate) fn write_head(out: &mut String, title: &str, extra_style: &str) -> std::fmt::Result {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en-GB\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{title}</title>")?;
    writeln!(out, "<style>{STYLE}{extra_style}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")
}

fn write_page(out: &mut String, report: &EvaluationReport) -> std::fmt::Result {
    let name = escape(&report.network.name);
    write_head(
        out,
        &format!("{name}: evaluation as of {}", report.as_of),
        "",
    )?;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>{name}</h1>")?;
    let end = report.window.end().unwrap_or(report.as_of);
    writeln!(
        out,
        "<p class=\"sub\">Evaluation report as of {}. Activity figures cover the {} from {} to {}.</p>",
        long_date(report.as_of),
        months(report.settings.window_months),
        long_date(report.window.start()),
        long_date(end)
    )?;
    writeln!(out, "</header>")?;
    if let Some(warning) = &report.warning {
        writeln!(
            out,
            "<div class=\"warning\" role=\"note\"><strong>Warning:</strong> {}.",
            escape(&warning.message)
        )?;
        if !warning.affected.is_empty() {
            write!(out, " Figures that may be affected:")?;
            for (i, id) in warning.affected.iter().enumerate() {
                let sep = if i == 0 { " " } else { ", " };
                write!(
                    out,
                    "{sep}<a href=\"#{0}\"><code>{0}</code></a>",
                    escape(id)
                )?;
            }
            write!(out, ".")?;
        }
        writeln!(out, "</div>")?;
    }
    write_summary(out, report)?;
    if report.comparison.is_some() {
        write_comparison(out, report)?;
    }
    write!(out, "<nav>")?;
    for theme in Theme::ALL {
        write!(
            out,
            "<a href=\"#theme-{}\">{}</a>",
            theme.as_str(),
            theme.title()
        )?;
    }
    writeln!(out, "</nav>")?;
    for theme in Theme::ALL {
        let mut indicators = report.theme(theme).peekable();
        if indicators.peek().is_none() {
            continue;
        }
        writeln!(out, "<section id=\"theme-{}\">", theme.as_str())?;
        writeln!(out, "<h2>{}</h2>", theme.title())?;
        for indicator in indicators {
            write_indicator(out, indicator)?;
        }
        writeln!(out, "</section>")?;
    }
    writeln!(
        out,
        "<footer>Produced by <code>mcn report</code> from the network document, which has {}, {} and {}. Paths such as <code>/posts/3</code> are JSON Pointers into the document.</footer>",
        plural(report.validation.errors, "error finding", "error findings"),
        plural(report.validation.warnings, "warning", "warnings"),
        plural(report.validation.infos, "info finding", "info findings")
    )?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

fn months(months: Months) -> String {
    if months.get() == 1 {
        "month".to_owned()
    } else {
        format!("{} months", months.get())
    }
}

fn pill(rag: Option<mcn_core::Rag>) -> String {
    format!(
        "<span class=\"pill {}\">{}</span>",
        rag_key(rag),
        rag_word(rag)
    )
}

fn write_summary(out: &mut String, report: &EvaluationReport) -> std::fmt::Result {
    let s = report.summary;
    writeln!(out, "<section id=\"summary\">")?;
    writeln!(out, "<h2>Summary</h2>")?;
    writeln!(
        out,
        "<div class=\"tally\"><span class=\"pill green\">{} green</span><span class=\"pill amber\">{} amber</span><span class=\"pill red\">{} red</span><span class=\"pill none\">{} not rated</span></div>",
        s.green, s.amber, s.red, s.not_rated
    )?;
    writeln!(out, "<table class=\"summary\">")?;
    writeln!(
        out,
        "<thead><tr><th>Theme</th><th>Indicator</th><th>Figure</th><th>RAG</th></tr></thead>"
    )?;
    writeln!(out, "<tbody>")?;
    for indicator in &report.indicators {
        writeln!(
            out,
            "<tr><td>{}</td><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
            indicator.theme.title(),
            escape(&indicator.id),
            escape(&indicator.title),
            escape(&headline(indicator)),
            pill(indicator.rag)
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</section>")
}

fn write_comparison(out: &mut String, report: &EvaluationReport) -> std::fmt::Result {
    let Some(comparison) = &report.comparison else {
        return Ok(());
    };
    let c = comparison.counts;
    writeln!(out, "<section id=\"changes\">")?;
    writeln!(
        out,
        "<h2>Changes since {}</h2>",
        long_date(comparison.before)
    )?;
    writeln!(out, "<p>{}.</p>", counts_text(&c))?;
    writeln!(out, "<table class=\"changes\">")?;
    writeln!(
        out,
        "<thead><tr><th>Indicator</th><th>{}</th><th>{}</th><th>Change</th><th>Outcome</th></tr></thead>",
        comparison.before, comparison.after
    )?;
    writeln!(out, "<tbody>")?;
    for change in &comparison.changes {
        let class = match change.outcome {
            crate::Outcome::Improved => " class=\"up\"",
            crate::Outcome::Worsened => " class=\"down\"",
            _ => "",
        };
        writeln!(
            out,
            "<tr><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td{class}>{}</td></tr>",
            escape(&change.id),
            escape(&change.title),
            escape(&or_dash(change.before.as_ref())),
            escape(&or_dash(change.after.as_ref())),
            escape(&change_text(change)),
            escape(&outcome_text(change))
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</section>")
}

fn write_indicator(out: &mut String, indicator: &Indicator) -> std::fmt::Result {
    writeln!(
        out,
        "<article class=\"indicator {}\" id=\"{}\">",
        rag_key(indicator.rag),
        escape(&indicator.id)
    )?;
    writeln!(
        out,
        "<header><h3>{}</h3>{}</header>",
        escape(&indicator.title),
        pill(indicator.rag)
    )?;
    let unit = shown_unit(indicator).map_or_else(String::new, |u| {
        format!(" <span class=\"unit\">{}</span>", escape(&u))
    });
    writeln!(
        out,
        "<p class=\"value\">{}{unit}</p>",
        escape(&indicator.value.to_string())
    )?;
    writeln!(
        out,
        "<p class=\"definition\">{}</p>",
        escape(&indicator.definition)
    )?;
    if let Some(threshold) = threshold_text(indicator) {
        writeln!(
            out,
            "<p class=\"threshold\">RAG: {}.</p>",
            escape(&threshold)
        )?;
    }
    if let Some(basis) = basis_text(indicator) {
        writeln!(out, "<p class=\"basis\">{}</p>", escape(&basis))?;
    }
    if indicator.source_errors > 0 {
        writeln!(
            out,
            "<p class=\"affected\">May be affected: {} error findings in the collections this figure reads ({}).</p>",
            indicator.source_errors,
            escape(&indicator.sources.join(", "))
        )?;
    }
    for breakdown in &indicator.breakdowns {
        if let Some((_, _, column, caption)) = CHARTS
            .iter()
            .find(|(i, b, _, _)| *i == indicator.id && *b == breakdown.id)
        {
            write_chart(out, breakdown, column, caption)?;
        }
        if (indicator.id.as_str(), breakdown.id.as_str()) == HEAT_MAP {
            write_heat_map(out, breakdown)?;
        } else {
            write_table(out, breakdown)?;
        }
    }
    if !indicator.evidence.is_empty() {
        let total = indicator.evidence.len() as u64 + indicator.evidence_omitted;
        writeln!(
            out,
            "<details class=\"evidence\"><summary>Evidence: {} behind this figure</summary>",
            plural(total, "entity", "entities")
        )?;
        writeln!(out, "<ul>")?;
        for item in &indicator.evidence {
            let note = item
                .note
                .as_ref()
                .map_or_else(String::new, |n| format!(": {}", escape(n)));
            writeln!(
                out,
                "<li><code>{}</code> {}{note}</li>",
                escape(item.path.as_str()),
                escape(&item.label)
            )?;
        }
        if indicator.evidence_omitted > 0 {
            writeln!(
                out,
                "<li>… and {} more (raise the evidence limit to list them)</li>",
                indicator.evidence_omitted
            )?;
        }
        writeln!(out, "</ul>")?;
        writeln!(out, "</details>")?;
    }
    writeln!(out, "</article>")
}

/// Whether a breakdown has something to draw in `column`.
pub(crate) fn chart_rows(breakdown: &Breakdown, column: &str) -> Vec<(String, u64)> {
    let Some(at) = breakdown.column(column) else {
        return Vec::new();
    };
    breakdown
        .rows
        .iter()
        .filter_map(|row| match row.cells.get(at) {
            Some(Value::Count { count }) => Some((row.label.clone(), *count)),
            _ => None,
        })
        .collect()
}

/// Chart geometry: total width, label column, longest bar, row height.
const WIDTH: u64 = 720;
const LABEL: u64 = 290;
const BAR: u64 = 370;
const ROW: u64 = 26;

/// A horizontal bar chart of one count column, one bar per row.
fn write_chart(
    out: &mut String,
    breakdown: &Breakdown,
    column: &str,
    caption: &str,
) -> std::fmt::Result {
    let rows = chart_rows(breakdown, column);
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0);
    if max == 0 {
        return Ok(());
    }
    let height = ROW * rows.len() as u64 + 8;
    writeln!(out, "<figure class=\"chart\">")?;
    writeln!(out, "<figcaption>{}</figcaption>", escape(caption))?;
    writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{}\">",
        escape(caption)
    )?;
    writeln!(out, "<title>{}</title>", escape(caption))?;
    for (i, (label, n)) in rows.iter().enumerate() {
        let y = ROW * i as u64 + 4;
        let width = if *n == 0 { 0 } else { (BAR * n / max).max(2) };
        writeln!(
            out,
            "<g><title>{}: {n}</title><text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect class=\"bar\" x=\"{LABEL}\" y=\"{}\" width=\"{width}\" height=\"18\" rx=\"2\"/><text x=\"{}\" y=\"{}\">{n}</text></g>",
            escape(label),
            LABEL - 8,
            y + 14,
            escape(&shorten(label, 40)),
            y + 1,
            LABEL + width + 6,
            y + 14,
        )?;
    }
    writeln!(out, "</svg>")?;
    writeln!(out, "</figure>")
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let head: String = text.chars().take(max - 1).collect();
        format!("{head}…")
    }
}

fn cell(value: &Value) -> String {
    match value {
        Value::Boolean { value: true } => "<td class=\"yes\">✓ yes</td>".to_owned(),
        Value::Boolean { value: false } => "<td class=\"no\">✗ no</td>".to_owned(),
        Value::Text { text } if text.chars().count() <= 16 => {
            format!("<td class=\"short\">{}</td>", escape(text))
        }
        Value::Text { text } => format!("<td>{}</td>", escape(text)),
        other => format!("<td class=\"num\">{}</td>", escape(&other.to_string())),
    }
}

fn write_table(out: &mut String, breakdown: &Breakdown) -> std::fmt::Result {
    writeln!(out, "<h4>{}</h4>", escape(&breakdown.title))?;
    if breakdown.rows.is_empty() {
        return writeln!(out, "<p class=\"definition\">None.</p>");
    }
    let fold = breakdown.rows.len() > FOLD_ROWS;
    if fold {
        writeln!(
            out,
            "<details class=\"fold\"><summary>Show all {} rows</summary>",
            breakdown.rows.len()
        )?;
    }
    writeln!(out, "<table>")?;
    write!(out, "<thead><tr><th></th>")?;
    for column in &breakdown.columns {
        write!(out, "<th>{}</th>", escape(&column.title))?;
    }
    writeln!(out, "</tr></thead>")?;
    writeln!(out, "<tbody>")?;
    for row in &breakdown.rows {
        write!(out, "<tr><th scope=\"row\">{}</th>", escape(&row.label))?;
        for value in &row.cells {
            out.push_str(&cell(value));
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    if fold {
        writeln!(out, "</details>")?;
    }
    Ok(())
}

const STATUS_KEYS: [(&str, &str); 6] = [
    ("adopted", "Adopted"),
    ("in_progress", "In progress"),
    ("planned", "Planned"),
    ("not_started", "Not started"),
    ("not_recorded", "Not recorded"),
    ("not_applicable", "Not applicable"),
];

/// The adoption matrix as a table with a coloured cell per status.
fn write_heat_map(out: &mut String, breakdown: &Breakdown) -> std::fmt::Result {
    writeln!(out, "<h4>{}</h4>", escape(&breakdown.title))?;
    if breakdown.rows.is_empty() || breakdown.columns.is_empty() {
        return writeln!(
            out,
            "<p class=\"definition\">No active members or no endorsed standards.</p>"
        );
    }
    write!(out, "<div class=\"legend\">")?;
    for (key, title) in STATUS_KEYS {
        write!(out, "<span class=\"s-{key}\">{title}</span>")?;
    }
    writeln!(out, "</div>")?;
    writeln!(out, "<table class=\"heatmap\">")?;
    write!(out, "<thead><tr><th>Member</th>")?;
    for column in &breakdown.columns {
        write!(out, "<th class=\"col\">{}</th>", escape(&column.title))?;
    }
    writeln!(out, "</tr></thead>")?;
    writeln!(out, "<tbody>")?;
    for row in &breakdown.rows {
        write!(out, "<tr><th scope=\"row\">{}</th>", escape(&row.label))?;
        for value in &row.cells {
            let key = match value {
                Value::Text { text } => text.as_str(),
                _ => "not_recorded",
            };
            let (key, title) = STATUS_KEYS
                .iter()
                .find(|(k, _)| *k == key)
                .copied()
                .unwrap_or(("not_recorded", "Not recorded"));
            write!(
                out,
                "<td class=\"cell s-{key}\" title=\"{title}\">{title}</td>"
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")
}
