//! The HTML page: well-formed, self-contained, one SVG per chart, escaped.

use mcn_evaluation::{
    EvaluationReport, EvaluationSettings, Value,
    render::{CHARTS, html},
};
use mcn_network::{Network, NetworkDocument};

use crate::{evaluate, example, fixture, html_check::check};

/// The charts a report should draw: each entry of `CHARTS` whose breakdown has
/// a count above zero in its column.
fn expected_charts(report: &EvaluationReport) -> usize {
    CHARTS
        .iter()
        .filter(|(indicator, breakdown, column, _)| {
            let Some(b) = report
                .indicator(indicator)
                .and_then(|i| i.breakdown(breakdown))
            else {
                return false;
            };
            let at = b.column(column).unwrap();
            b.rows
                .iter()
                .any(|r| matches!(r.cells[at], Value::Count { count } if count > 0))
        })
        .count()
}

/// Checks a page: well-formed, self-contained, one `<svg` per chart figure
/// and as many as the report has charts; returns the number of charts.
fn check_page(report: &EvaluationReport) -> usize {
    let page = html(report);
    let counts = check(&page).unwrap_or_else(|e| panic!("{e}"));
    // Self-contained: no script, no external resources.
    for banned in [
        "<script",
        "src=",
        "<link",
        "@import",
        "url(",
        "href=\"http",
        "https://",
    ] {
        assert!(!page.contains(banned), "{banned}");
    }
    assert!(page.contains("@media print"));
    let svgs = page.matches("<svg").count();
    let figures = page
        .split("<figure class=\"chart\">")
        .skip(1)
        .collect::<Vec<_>>();
    assert_eq!(svgs, figures.len());
    for figure in &figures {
        let body = &figure[..figure.find("</figure>").unwrap()];
        assert_eq!(body.matches("<svg").count(), 1);
    }
    assert_eq!(counts.get("svg").copied().unwrap_or(0), svgs);
    let expected = expected_charts(report);
    assert_eq!(svgs, expected);
    // Every indicator has its section, linked from the summary.
    assert_eq!(
        page.matches("<article class=\"indicator ").count(),
        report.indicators.len()
    );
    for indicator in &report.indicators {
        assert!(
            page.contains(&format!("id=\"{}\"", indicator.id)),
            "{}",
            indicator.id
        );
        assert!(
            page.contains(&format!("href=\"#{}\"", indicator.id)),
            "{}",
            indicator.id
        );
    }
    svgs
}

#[test]
fn example_network_page() {
    let report = example::report();
    // Reach by sector, reach by locality and the barrier breakdown all have data.
    assert_eq!(check_page(&report), 3);
    let page = html(&report);
    // The adoption heat map and the coverage table by locality.
    assert!(page.contains("<table class=\"heatmap\">"));
    assert!(page.contains("Coverage by locality"));
}

#[test]
fn fixture_page_with_a_comparison() {
    let network = fixture::network();
    let settings = EvaluationSettings::default();
    let earlier = evaluate(
        &network,
        mcn_core::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
        &settings,
    );
    let report = evaluate(&network, fixture::as_of(), &settings).with_comparison(&earlier);
    assert_eq!(check_page(&report), 3);
    let page = html(&report);
    assert!(page.contains("<h2>Changes since 1 May 2026</h2>"));
    // Clinical lead: filled on 2026-05-01, vacant on 2026-11-01.
    assert!(page.contains(">worsened</td>"));
}

#[test]
fn an_empty_network_has_no_charts_and_is_still_well_formed() {
    let json = br#"{"schema_version": "1.0",
      "network": {"id": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f", "name": "Empty"}}"#;
    let network = Network::new(NetworkDocument::from_json(json).unwrap());
    let report = evaluate(&network, fixture::as_of(), &EvaluationSettings::default());
    assert_eq!(check_page(&report), 0);
}

#[test]
fn text_from_the_document_is_escaped() {
    let mut json = fixture::json();
    json["network"]["name"] = "<script>alert(\"x\")</script> & 'Co'".into();
    json["organisations"][1]["name"] = "Rainbow </td></tr> Hospice".into();
    json["events"][0]["title"] = "Day <b>one</b>".into();
    let bytes = serde_json::to_vec(&json).unwrap();
    let network = Network::new(NetworkDocument::from_json(&bytes).unwrap());
    let report = evaluate(&network, fixture::as_of(), &EvaluationSettings::default());
    check_page(&report);
    let page = html(&report);
    assert!(!page.contains("<script>"));
    assert!(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;"));
    assert!(page.contains("Rainbow &lt;/td&gt;&lt;/tr&gt; Hospice"));
    assert!(!page.contains("<b>one</b>"));
}
