//! Rendering a [`Series`]: a terminal table, a markdown paper (one table of
//! every indicator over the windows) and one HTML page with a small SVG
//! trend line per indicator drawn over its RAG bands.

use std::fmt::Write as _;

use crate::{
    report::{Theme, ThresholdUsed, Value},
    series::{IndicatorSeries, Point, Series},
};

use super::{
    Format,
    html::{escape, write_head},
    long_date, rag_key, rag_word,
};

/// `series` rendered in `format`; only [`Format::Json`] can fail.
pub fn series_to_string(series: &Series, format: Format) -> Result<String, serde_json::Error> {
    Ok(match format {
        Format::Text => series_text(series),
        Format::Markdown => series_markdown(series),
        Format::Html => series_html(series),
        Format::Json => serde_json::to_string_pretty(series)? + "\n",
    })
}

/// A point's figure in a table cell: `75.0%`, `12`, `—` when undefined.
fn cell(point: &Point) -> String {
    match &point.value {
        Value::Proportion { proportion, .. } | Value::WteProportion { proportion, .. } => {
            proportion.map_or_else(|| "—".to_owned(), |p| p.to_string())
        }
        Value::Ratio { ratio, .. } => ratio.map_or_else(|| "—".to_owned(), |r| format!("{r:.3}")),
        Value::Mean { mean, .. } => mean.map_or_else(|| "—".to_owned(), |m| format!("{m:.2}")),
        other => other.to_string(),
    }
}

/// A RAG marker for plain text: `G`, `A`, `R`, or nothing.
const fn rag_letter(point: &Point) -> &'static str {
    match point.rag {
        Some(mcn_core::Rag::Green) => " G",
        Some(mcn_core::Rag::Amber) => " A",
        Some(mcn_core::Rag::Red) => " R",
        _ => "",
    }
}

/// One line per indicator: its figure in each window.
#[must_use]
pub fn series_text(series: &Series) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} trends, {} windows from {}",
        series.network.name,
        series.cadence,
        series.windows.len(),
        series
            .windows
            .first()
            .map_or(series.from, mcn_core::Period::start)
    );
    for indicator in &series.indicators {
        let cells: Vec<String> = indicator
            .points
            .iter()
            .map(|p| format!("{}{}", cell(p), rag_letter(p)))
            .collect();
        let _ = writeln!(out, "  {:<34} {}", indicator.id, cells.join(" | "));
    }
    out
}

/// Escapes a markdown table cell.
fn md(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// A paper: one table per theme, a row per indicator, a column per window,
/// each cell the figure and its rating.
#[must_use]
pub fn series_markdown(series: &Series) -> String {
    let mut out = String::new();
    let _ = write_markdown(&mut out, series);
    out
}

fn write_markdown(out: &mut String, series: &Series) -> std::fmt::Result {
    writeln!(out, "# {}: trends\n", md(&series.network.name))?;
    writeln!(
        out,
        "Each indicator over {} {} windows, each evaluated as of its last day; made as of {}. \
         The document has {} error findings and {} warnings.\n",
        series.windows.len(),
        series.cadence,
        long_date(series.to),
        series.validation.errors,
        series.validation.warnings
    )?;
    let labels: Vec<String> = series
        .indicators
        .first()
        .map(|i| i.points.iter().map(|p| p.label.clone()).collect())
        .unwrap_or_default();
    for theme in Theme::ALL {
        let rows: Vec<&IndicatorSeries> = series
            .indicators
            .iter()
            .filter(|i| i.theme == theme)
            .collect();
        if rows.is_empty() {
            continue;
        }
        writeln!(out, "## {}\n", theme.title())?;
        writeln!(out, "| Indicator | {} |", labels.join(" | "))?;
        writeln!(out, "|---|{}", "---|".repeat(labels.len()))?;
        for indicator in rows {
            let cells: Vec<String> = indicator
                .points
                .iter()
                .map(|p| match p.rag {
                    Some(_) => format!("{} ({})", md(&cell(p)), rag_word(p.rag)),
                    None => md(&cell(p)),
                })
                .collect();
            writeln!(
                out,
                "| {} `{}` | {} |",
                md(&indicator.title),
                indicator.id,
                cells.join(" | ")
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// One self-contained HTML page: per theme, a card per indicator with its
/// latest figure and an inline SVG trend line drawn over the indicator's RAG
/// bands (one `<svg class="trend">` per indicator). No script, nothing
/// fetched; all text from the document escaped.
#[must_use]
pub fn series_html(series: &Series) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write_html(&mut out, series);
    out
}

const TREND_STYLE: &str = "
.trends{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:12px}
.trends article.indicator{margin:0}
svg.trend{width:100%;height:auto;display:block;margin-top:6px}
svg.trend .band-green{fill:var(--green-bg)}
svg.trend .band-amber{fill:var(--amber-bg)}
svg.trend .band-red{fill:var(--red-bg)}
svg.trend .axis{stroke:var(--line);stroke-width:1}
svg.trend .line{fill:none;stroke:var(--accent);stroke-width:2}
svg.trend .dot{stroke:#fff;stroke-width:1}
svg.trend .dot.green{fill:var(--green)}
svg.trend .dot.amber{fill:#d99a00}
svg.trend .dot.red{fill:var(--red)}
svg.trend .dot.none{fill:var(--grey)}
svg.trend text{font-size:10px;fill:var(--grey)}
";

fn write_html(out: &mut String, series: &Series) -> std::fmt::Result {
    let name = escape(&series.network.name);
    write_head(
        out,
        &format!("{name}: {} trends to {}", series.cadence, series.to),
        TREND_STYLE,
    )?;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>{name}: trends</h1>")?;
    let first = series
        .windows
        .first()
        .map_or(series.from, mcn_core::Period::start);
    let last = series
        .windows
        .last()
        .and_then(mcn_core::Period::end)
        .unwrap_or(series.to);
    writeln!(
        out,
        "<p class=\"sub\">Each indicator over {} {} windows from {} to {}, each evaluated as of \
         its last day, drawn over its RAG bands (green, amber, red). Made as of {}; the \
         document has {} error findings and {} warnings.</p>",
        series.windows.len(),
        series.cadence,
        long_date(first),
        long_date(last),
        long_date(series.to),
        series.validation.errors,
        series.validation.warnings
    )?;
    writeln!(out, "</header>")?;
    for theme in Theme::ALL {
        let mut rows = series
            .indicators
            .iter()
            .filter(|i| i.theme == theme)
            .peekable();
        if rows.peek().is_none() {
            continue;
        }
        writeln!(out, "<section id=\"theme-{}\">", theme.as_str())?;
        writeln!(out, "<h2>{}</h2>", theme.title())?;
        writeln!(out, "<div class=\"trends\">")?;
        for indicator in rows {
            write_card(out, indicator)?;
        }
        writeln!(out, "</div>")?;
        writeln!(out, "</section>")?;
    }
    writeln!(
        out,
        "<footer>Generated by mcn from the network document; figures as defined in each \
         indicator's report.</footer>"
    )?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

fn write_card(out: &mut String, indicator: &IndicatorSeries) -> std::fmt::Result {
    let latest = indicator.latest();
    let rag = latest.and_then(|p| p.rag);
    writeln!(
        out,
        "<article class=\"indicator {}\" id=\"{}\">",
        rag_key(rag),
        escape(&indicator.id)
    )?;
    writeln!(
        out,
        "<header><h3>{}</h3><span class=\"pill {}\">{}</span></header>",
        escape(&indicator.title),
        rag_key(rag),
        rag_word(rag)
    )?;
    if let Some(point) = latest {
        writeln!(
            out,
            "<p class=\"value\">{} <span class=\"unit\">{} ({})</span></p>",
            escape(&point.value.to_string()),
            escape(&indicator.unit),
            escape(&point.label)
        )?;
    }
    write_trend(out, indicator)?;
    writeln!(out, "</article>")
}

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 110.0;
const LEFT: f64 = 8.0;
const RIGHT: f64 = 312.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 92.0;

/// Whether the indicator's figures are shares (drawn on 0 to 1).
fn is_share(indicator: &IndicatorSeries) -> bool {
    indicator.points.iter().any(|p| p.value.is_proportion())
}

/// The vertical range drawn: 0 to 1 for shares; otherwise from 0 (or the
/// lowest figure) to a little above the highest figure or band bound.
fn range(indicator: &IndicatorSeries) -> (f64, f64) {
    if is_share(indicator) {
        return (0.0, 1.0);
    }
    let mut values: Vec<f64> = indicator.points.iter().filter_map(|p| p.number).collect();
    if let Some(ThresholdUsed::AtLeast { green, amber } | ThresholdUsed::AtMost { green, amber }) =
        indicator.threshold
    {
        values.extend([green, amber]);
    }
    let low = values.iter().copied().fold(0.0_f64, f64::min);
    let high = values.iter().copied().fold(1.0_f64, f64::max);
    (low, high + (high - low) * 0.15)
}

/// The SVG trend line with the RAG bands behind it.
fn write_trend(out: &mut String, indicator: &IndicatorSeries) -> std::fmt::Result {
    let (low, high) = range(indicator);
    let span = if high > low { high - low } else { 1.0 };
    let y = |v: f64| BOTTOM - (v.clamp(low, high) - low) / span * (BOTTOM - TOP);
    let n = indicator.points.len();
    #[allow(clippy::cast_precision_loss)] // at most MAX_WINDOWS points
    let x = |i: usize| {
        if n <= 1 {
            f64::midpoint(LEFT, RIGHT)
        } else {
            LEFT + (RIGHT - LEFT) * i as f64 / (n - 1) as f64
        }
    };
    writeln!(
        out,
        "<svg class=\"trend\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{} by {}\">",
        escape(&indicator.title),
        if n > 0 { "window" } else { "window (none)" }
    )?;
    writeln!(out, "<title>{}</title>", escape(&indicator.title))?;
    // Bands: (class, from, to) in figure units.
    let bands: Vec<(&str, f64, f64)> = match indicator.threshold {
        Some(ThresholdUsed::AtLeast { green, amber }) => vec![
            ("red", low, amber),
            ("amber", amber, green),
            ("green", green, high),
        ],
        Some(ThresholdUsed::AtMost { green, amber }) => vec![
            ("green", low, green),
            ("amber", green, amber),
            ("red", amber, high),
        ],
        _ => Vec::new(),
    };
    for (class, from, to) in bands {
        let (top, bottom) = (y(to), y(from));
        if bottom - top > 0.0 {
            writeln!(
                out,
                "<rect class=\"band-{class}\" x=\"{LEFT}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\"/>",
                RIGHT - LEFT,
                bottom - top
            )?;
        }
    }
    writeln!(
        out,
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{BOTTOM}\" x2=\"{RIGHT}\" y2=\"{BOTTOM}\"/>"
    )?;
    // The line, broken where a window has no figure.
    let mut segment: Vec<String> = Vec::new();
    let flush = |segment: &mut Vec<String>, out: &mut String| -> std::fmt::Result {
        if segment.len() > 1 {
            writeln!(
                out,
                "<polyline class=\"line\" points=\"{}\"/>",
                segment.join(" ")
            )?;
        }
        segment.clear();
        Ok(())
    };
    for (i, point) in indicator.points.iter().enumerate() {
        match point.number {
            Some(v) => segment.push(format!("{:.1},{:.1}", x(i), y(v))),
            None => flush(&mut segment, out)?,
        }
    }
    flush(&mut segment, out)?;
    for (i, point) in indicator.points.iter().enumerate() {
        if let Some(v) = point.number {
            writeln!(
                out,
                "<circle class=\"dot {}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\"><title>{}: {}</title></circle>",
                rag_key(point.rag),
                x(i),
                y(v),
                escape(&point.label),
                escape(&point.value.to_string())
            )?;
        }
    }
    if let (Some(first), Some(last)) = (indicator.points.first(), indicator.points.last()) {
        writeln!(
            out,
            "<text x=\"{LEFT}\" y=\"{}\">{}</text>",
            HEIGHT - 4.0,
            escape(&first.label)
        )?;
        if n > 1 {
            writeln!(
                out,
                "<text x=\"{RIGHT}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                HEIGHT - 4.0,
                escape(&last.label)
            )?;
        }
    }
    writeln!(out, "</svg>")
}
