//! How `evaluate` treats documents with errors, settings and the evidence
//! limit; the text and markdown renderings.

use mcn_core::{NaiveDate, Rag};
use mcn_evaluation::{AtLeast, EvaluationSettings, Months, Value, render};

use crate::evaluate;
use mcn_network::{Network, NetworkDocument};

use crate::fixture::{self, EVENT, id};

fn network_from(json: &serde_json::Value) -> Network<'static> {
    Network::new(NetworkDocument::from_json(&serde_json::to_vec(json).unwrap()).unwrap())
}

#[test]
fn error_findings_give_a_warning_naming_the_figures_that_read_them() {
    // Registration 1 names an event that is not in the document: an error
    // finding at /registrations/0/event.
    let mut json = fixture::json();
    json["registrations"][0]["event"] = id(EVENT, 99).into();
    let network = network_from(&json);
    let report = evaluate(&network, fixture::as_of(), &EvaluationSettings::default());
    assert_eq!(report.validation.errors, 1);
    let warning = report.warning.as_ref().expect("a warning");
    assert!(
        warning
            .message
            .contains("1 error finding (in registrations)"),
        "{}",
        warning.message
    );
    // Exactly the indicators reading registrations are named.
    let reading: Vec<&str> = report
        .indicators
        .iter()
        .filter(|i| i.sources.iter().any(|s| s == "registrations"))
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(warning.affected, reading);
    assert!(
        warning
            .affected
            .contains(&"training.attendance_rate".to_owned())
    );
    assert!(
        !warning
            .affected
            .contains(&"leadership.coordinator_post".to_owned())
    );
    let attendance = report.indicator("training.attendance_rate").unwrap();
    assert_eq!(attendance.source_errors, 1);
    assert_eq!(
        report
            .indicator("leadership.coordinator_post")
            .unwrap()
            .source_errors,
        0
    );
    // The figure is still computed: registration 1 no longer counts, so
    // event 1 has 2 attended of 3 recorded: 5 / 7 overall.
    assert_eq!(attendance.value, Value::proportion(5, 7));
    // The renderings say so.
    assert!(render::text(&report).contains("warning: the document has 1 error finding"));
    assert!(render::markdown(&report).contains("> **Warning:** the document has 1 error finding"));
    assert!(render::html(&report).contains("<div class=\"warning\""));
}

#[test]
fn validate_then_evaluate_runs_the_rules_once_and_copies_nothing() {
    let document = fixture::network().into_document();
    let network = Network::borrowed(&document);
    assert!(
        std::ptr::eq(network.document(), &raw const document),
        "the network copied the document"
    );
    let before = mcn_network::rule_runs_on_this_thread();
    let findings = network.validate(fixture::as_of());
    let report = mcn_evaluation::evaluate(
        &network,
        &findings,
        fixture::as_of(),
        &EvaluationSettings::default(),
    );
    assert_eq!(mcn_network::rule_runs_on_this_thread() - before, 1);
    assert_eq!(
        report.validation.warnings,
        u64::try_from(findings.warnings().count()).unwrap()
    );
}

#[test]
fn evaluate_counts_the_findings_it_is_given() {
    let network = fixture::network();
    let settings = EvaluationSettings::default();
    let given: mcn_core::Report = std::iter::once(mcn_network::codes::DANGLING_REFERENCE.at(
        mcn_core::JsonPointer::root().key("events").index(0),
        "a made-up error",
    ))
    .collect();
    let report = mcn_evaluation::evaluate(&network, &given, fixture::as_of(), &settings);
    assert_eq!(report.validation.errors, 1);
    assert_eq!(report.validation.warnings, 0);
    assert!(
        report
            .warning
            .as_ref()
            .unwrap()
            .message
            .contains("(in events)")
    );
}

#[test]
fn settings_change_the_window_the_bands_and_the_evidence_kept() {
    let network = fixture::network();
    let defaults = EvaluationSettings::default();
    // A 6-month window: 2026-05-02 to 2026-11-01. Events held then: 2 and 3.
    let six = EvaluationSettings {
        window_months: Months::new(6).unwrap(),
        ..defaults.clone()
    };
    let report = evaluate(&network, fixture::as_of(), &six);
    assert_eq!(report.window.to_string(), "2026-05-02 to 2026-11-01");
    assert_eq!(
        report.indicator("training.events_held").unwrap().value,
        Value::count(2)
    );

    // Attendance 6/8 = 75% is amber by default; green with a 70% green band.
    let mut lenient = defaults.clone();
    lenient.thresholds.attendance_rate = AtLeast::new(0.7, 0.5).unwrap();
    let report = evaluate(&network, fixture::as_of(), &lenient);
    assert_eq!(
        report.indicator("training.attendance_rate").unwrap().rag,
        Some(Rag::Green)
    );

    // Evidence limit 1: the first path kept, the rest counted.
    let one = EvaluationSettings {
        evidence_limit: Some(1),
        ..defaults.clone()
    };
    let report = evaluate(&network, fixture::as_of(), &one);
    let vacancy = report.indicator("workforce.vacancy_rate").unwrap();
    assert_eq!(vacancy.evidence.len(), 1);
    assert_eq!(vacancy.evidence[0].path.as_str(), "/staffing/1");
    assert_eq!(vacancy.evidence_omitted, 3);
    // No limit keeps everything.
    let all = EvaluationSettings {
        evidence_limit: None,
        ..defaults
    };
    let report = evaluate(&network, fixture::as_of(), &all);
    assert_eq!(
        report
            .indicator("workforce.vacancy_rate")
            .unwrap()
            .evidence
            .len(),
        4
    );
}

#[test]
fn the_report_round_trips_through_json() {
    let report = evaluate(
        &fixture::network(),
        fixture::as_of(),
        &EvaluationSettings::default(),
    );
    let json = serde_json::to_string(&report).unwrap();
    let back: mcn_evaluation::EvaluationReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
    // The schema names the report's parts.
    let schema =
        serde_json::to_value(schemars::schema_for!(mcn_evaluation::EvaluationReport)).unwrap();
    assert!(schema["properties"]["indicators"].is_object());
}

#[test]
fn text_summary() {
    let network = fixture::network();
    let settings = EvaluationSettings::default();
    let earlier = evaluate(
        &network,
        NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
        &settings,
    );
    let report = evaluate(&network, fixture::as_of(), &settings).with_comparison(&earlier);
    let text = render::text(&report);
    assert!(text.starts_with(
        "Northvale Children's Palliative Care Network: evaluation as of 2026-11-01\n"
    ));
    assert!(text.contains("RAG: 4 green, 10 amber, 12 red, 6 not rated\n"));
    let line = text
        .lines()
        .find(|l| l.contains("Clinical lead in post"))
        .unwrap();
    assert!(line.starts_with("  RED "), "{line}");
    assert!(line.ends_with(" no"), "{line}");
    let change = text
        .lines()
        .find(|l| l.starts_with("  worsened") && l.contains("Clinical lead in post"))
        .unwrap();
    assert!(change.ends_with("yes → no (yes → no)"), "{change}");
}

#[test]
fn markdown_paper() {
    let mut json = fixture::json();
    json["organisations"][1]["name"] = "Rainbow | *Children's* Hospice".into();
    let report = evaluate(
        &network_from(&json),
        fixture::as_of(),
        &EvaluationSettings::default(),
    );
    let paper = render::markdown(&report);
    assert!(
        paper.starts_with("# Northvale Children's Palliative Care Network: evaluation report\n")
    );
    assert!(paper.contains("| Leadership | Clinical lead in post | no | Red |"));
    assert!(paper.contains(
        "### Attendance rate\n\n**Amber**: 75.0% (6 of 8) registrations. `training.attendance_rate`"
    ));
    assert!(paper.contains("RAG: green at or above 85%, amber at or above 70%, red below."));
    // Names cannot break a table row.
    assert!(paper.contains("| Rainbow \\| \\*Children's\\* Hospice |"));
    // Every theme has its section, in order.
    let headings: Vec<&str> = paper.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Summary",
            "## Leadership",
            "## Governance",
            "## Membership and engagement",
            "## Training and networking",
            "## Standardised practice",
            "## Collaboration",
            "## Equity and coverage",
            "## Workforce",
            "## Technology",
        ]
    );
}

#[test]
fn totals_too_large_to_hold_are_said_not_saturated() {
    // Two funding streams of 2^63 pence and two staffing records of 100,000
    // WTE: each fits, their totals do not (saturated, they would read as
    // £184,467,440,737,095,516.15 and 100,000.00 WTE).
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions/document/money-and-wte-totals-overflow.json");
    let document = NetworkDocument::from_json(&std::fs::read(file).unwrap()).unwrap();
    let network = Network::new(document);
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let report = evaluate(&network, as_of, &EvaluationSettings::default());
    let too_large = Value::Text {
        text: "total too large to hold".to_owned(),
    };
    for id in ["leadership.funding_ending", "workforce.vacancy_rate"] {
        let indicator = report.indicator(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(indicator.value, too_large, "{id}");
    }
    let funding = report.indicator("leadership.funding_ending").unwrap();
    let text = serde_json::to_string(&funding).unwrap();
    assert!(!text.contains("18446744073709551615"), "{text}");
}
