//! `mcn report`: formats, `-o`, `--since`, `--settings`, warnings for
//! documents with errors, and exit codes consistent with `mcn validate`.

use std::path::Path;

use mcn_evaluation::{EvaluationReport, Outcome, Value};

use crate::support::{TempDir, fixtures, mcn, run_in, run_with_stdin};

/// The co-ordinator post of `valid.json` is funded until 2025-12-31 and held
/// from 2023-05-01.
const FUNDED: &str = "2025-06-01";
const UNFUNDED: &str = "2026-06-01";

fn json_report(stdout: &[u8]) -> EvaluationReport {
    serde_json::from_slice(stdout).expect("the JSON output is an EvaluationReport")
}

fn coordinator(report: &EvaluationReport) -> (&Value, Option<mcn_core::Rag>) {
    let indicator = report.indicator("leadership.coordinator_post").unwrap();
    (&indicator.value, indicator.rag)
}

#[test]
fn text_is_the_default_format() {
    let run = mcn(&["report", "valid.json", "--as-of", FUNDED]);
    run.assert_code(0);
    let out = run.out();
    assert!(
        out.starts_with(
            "Fixture Children's Palliative Care Network: evaluation as of 2025-06-01\n"
        ),
        "{out}"
    );
    let line = out
        .lines()
        .find(|l| l.contains("Network co-ordinator post funded and filled"))
        .unwrap();
    assert!(line.starts_with("  GREEN "), "{line}");
    assert!(line.ends_with(" yes"), "{line}");
    assert_eq!(run.stderr, "");
}

#[test]
fn json_is_the_evaluation_report() {
    let run = mcn(&[
        "report",
        "valid.json",
        "--as-of",
        UNFUNDED,
        "--format",
        "json",
    ]);
    run.assert_code(0);
    let report = json_report(&run.stdout);
    assert_eq!(report.as_of.to_string(), UNFUNDED);
    assert_eq!(report.window.to_string(), "2025-06-02 to 2026-06-01");
    // Filled but no longer funded: not both, so "no", rated amber.
    assert_eq!(
        coordinator(&report),
        (&Value::Boolean { value: false }, Some(mcn_core::Rag::Amber))
    );
    assert!(report.comparison.is_none());
}

#[test]
fn markdown_and_html() {
    let run = mcn(&[
        "report",
        "valid.json",
        "--as-of",
        FUNDED,
        "--format",
        "markdown",
    ]);
    run.assert_code(0);
    assert!(
        run.out()
            .starts_with("# Fixture Children's Palliative Care Network: evaluation report\n")
    );
    assert!(run.out().contains("\n## Leadership\n"));

    let run = mcn(&[
        "report",
        "valid.json",
        "--as-of",
        FUNDED,
        "--format",
        "html",
    ]);
    run.assert_code(0);
    let page = run.out();
    assert!(page.starts_with("<!DOCTYPE html>\n"), "{page}");
    assert!(page.trim_end().ends_with("</html>"));
    assert!(!page.contains("<script"));
}

#[test]
fn output_goes_to_a_file_with_o() {
    let dir = TempDir::new("report-o");
    let input = fixtures().join("valid.json");
    let run = run_in(
        dir.path(),
        &[
            "report",
            input.to_str().unwrap(),
            "--as-of",
            FUNDED,
            "--format",
            "html",
            "-o",
            "report.html",
        ],
    );
    run.assert_code(0);
    assert!(run.stdout.is_empty());
    let page = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));

    // A file that cannot be created: unusable output, exit 2.
    let run = run_in(
        dir.path(),
        &[
            "report",
            input.to_str().unwrap(),
            "-o",
            "no/such/dir/report.txt",
        ],
    );
    run.assert_code(2);
    assert!(
        run.stderr
            .starts_with("error: could not create no/such/dir/report.txt"),
        "{}",
        run.stderr
    );
}

#[test]
fn since_adds_the_comparison() {
    let run = mcn(&[
        "report",
        "valid.json",
        "--as-of",
        UNFUNDED,
        "--since",
        FUNDED,
        "--format",
        "json",
    ]);
    run.assert_code(0);
    let report = json_report(&run.stdout);
    let comparison = report.comparison.as_ref().expect("a comparison");
    assert_eq!(comparison.before.to_string(), FUNDED);
    assert_eq!(comparison.after.to_string(), UNFUNDED);
    let change = comparison
        .changes
        .iter()
        .find(|c| c.id == "leadership.coordinator_post")
        .unwrap();
    // Funded and filled → filled only.
    assert_eq!(change.outcome, Outcome::Worsened);
    assert_eq!(change.before, Some(Value::Boolean { value: true }));

    let text = mcn(&[
        "report",
        "valid.json",
        "--as-of",
        UNFUNDED,
        "--since",
        FUNDED,
    ]);
    text.assert_code(0);
    assert!(
        text.out().contains("\nsince 2025-06-01: "),
        "{}",
        text.out()
    );
    assert!(
        text.out()
            .lines()
            .any(|l| l.starts_with("  worsened") && l.contains("co-ordinator")),
        "{}",
        text.out()
    );
}

#[test]
fn since_must_be_before_the_report_date() {
    let run = mcn(&[
        "report",
        "valid.json",
        "--as-of",
        FUNDED,
        "--since",
        UNFUNDED,
    ]);
    run.assert_code(2);
    assert_eq!(
        run.stderr,
        "error: --since 2026-06-01 must be before the report date 2025-06-01\n"
    );
    let run = mcn(&["report", "valid.json", "--since", "yesterday"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("expected a date as YYYY-MM-DD"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_document_with_errors_is_reported_with_a_warning() {
    // error.json: the co-ordinator's appointment names a person who is not there.
    let run = mcn(&[
        "report",
        "error.json",
        "--as-of",
        FUNDED,
        "--format",
        "json",
    ]);
    run.assert_code(0);
    assert!(
        run.stderr
            .starts_with("warning: error.json: the document has 1 error finding (in appointments)"),
        "{}",
        run.stderr
    );
    let report = json_report(&run.stdout);
    assert_eq!(report.validation.errors, 1);
    let warning = report.warning.as_ref().unwrap();
    assert!(
        warning
            .affected
            .contains(&"leadership.coordinator_post".to_owned())
    );
    assert!(!warning.affected.contains(&"training.reach".to_owned()));
}

#[test]
fn unusable_input_exits_2() {
    let run = mcn(&["report", "unparsable.json"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .starts_with("error: could not load unparsable.json:"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());

    let run = mcn(&["report", "no-such-file.json"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .starts_with("error: could not read no-such-file.json"),
        "{}",
        run.stderr
    );

    mcn(&["report", "valid.json", "--format", "pdf"]).assert_code(2);
    mcn(&["report"]).assert_code(2);
}

#[test]
fn standard_input_and_settings() {
    let bytes = std::fs::read(fixtures().join("valid.json")).unwrap();
    let run = run_with_stdin(
        &fixtures(),
        &["report", "-", "--as-of", UNFUNDED, "--format", "json"],
        &bytes,
    );
    run.assert_code(0);
    assert_eq!(json_report(&run.stdout).as_of.to_string(), UNFUNDED);

    // A 3-month window instead of 12.
    let dir = TempDir::new("report-settings");
    dir.write("settings.json", r#"{"window_months": 3}"#);
    let input = fixtures().join("valid.json");
    let run = run_in(
        dir.path(),
        &[
            "report",
            input.to_str().unwrap(),
            "--as-of",
            UNFUNDED,
            "--format",
            "json",
            "--settings",
            "settings.json",
        ],
    );
    run.assert_code(0);
    assert_eq!(
        json_report(&run.stdout).window.to_string(),
        "2026-03-02 to 2026-06-01"
    );

    dir.write("bad.json", r#"{"window_months": 0}"#);
    let run = run_in(
        dir.path(),
        &["report", input.to_str().unwrap(), "--settings", "bad.json"],
    );
    run.assert_code(2);
    assert!(
        run.stderr
            .starts_with("error: could not load settings bad.json"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_example_network() {
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/example-network.json");
    let run = mcn(&[
        "report",
        example.to_str().unwrap(),
        "--as-of",
        "2026-11-01",
        "--since",
        "2025-11-01",
        "--format",
        "json",
    ]);
    run.assert_code(0);
    assert_eq!(run.stderr, "");
    let report = json_report(&run.stdout);
    assert_eq!(report.indicators.len(), mcn_evaluation::CATALOGUE.len());
    assert_eq!(report.validation.errors, 0);
    assert!(report.comparison.is_some());
}

#[test]
fn series_writes_trends_in_every_format() {
    let run = mcn(&[
        "report",
        "valid.json",
        "--as-of",
        UNFUNDED,
        "--series",
        "quarterly",
        "--from",
        "2025-02-10",
        "--format",
        "json",
    ]);
    run.assert_code(0);
    let trends: mcn_evaluation::Series =
        serde_json::from_slice(&run.stdout).expect("the JSON output is a Series");
    // 2025 Q1 (containing 10 February) to 2026 Q1: 2026 Q2 ends after 1 June.
    let windows: Vec<String> = trends.windows.iter().map(ToString::to_string).collect();
    assert_eq!(windows.first().unwrap(), "2025-01-01 to 2025-03-31");
    assert_eq!(windows.last().unwrap(), "2026-01-01 to 2026-03-31");
    assert_eq!(windows.len(), 5);
    assert_eq!(trends.indicators.len(), mcn_evaluation::CATALOGUE.len());
    // The co-ordinator post was funded until 2025-12-31: yes, then no in 2026 Q1.
    let coordinator = trends.indicator("leadership.coordinator_post").unwrap();
    let values: Vec<String> = coordinator
        .points
        .iter()
        .map(|p| p.value.to_string())
        .collect();
    assert_eq!(values, ["yes", "yes", "yes", "yes", "no"]);

    let monthly = |format: &str| {
        let run = mcn(&[
            "report",
            "valid.json",
            "--as-of",
            UNFUNDED,
            "--series",
            "monthly",
            "--from",
            "2026-01-01",
            "--format",
            format,
        ]);
        run.assert_code(0);
        run.out()
    };
    let html = monthly("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        html.matches("<svg class=\"trend\"").count(),
        mcn_evaluation::CATALOGUE.len()
    );
    for format in ["text", "markdown"] {
        assert!(
            monthly(format).contains("leadership.coordinator_post"),
            "{format}"
        );
    }
}

#[test]
fn series_needs_from_and_a_window_that_has_ended() {
    let run = mcn(&["report", "valid.json", "--series", "quarterly"]);
    run.assert_code(2);
    assert!(run.stderr.contains("--from <DATE>"), "{}", run.stderr);
    let run = mcn(&["report", "valid.json", "--from", "2025-01-01"]);
    run.assert_code(2);
    let run = mcn(&[
        "report",
        "valid.json",
        "--series",
        "monthly",
        "--from",
        "2025-01-01",
        "--since",
        "2025-01-01",
    ]);
    run.assert_code(2);
    assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
    let run = mcn(&[
        "report",
        "valid.json",
        "--as-of",
        FUNDED,
        "--series",
        "quarterly",
        "--from",
        FUNDED,
    ]);
    run.assert_code(2);
    assert_eq!(
        run.stderr,
        "error: no quarterly window from 2025-06-01 has ended by 2025-06-01: the first ends on \
         2025-06-30; give an earlier --from or a later date\n"
    );
}
