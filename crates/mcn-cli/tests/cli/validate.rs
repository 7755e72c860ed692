//! `mcn validate` on well-formed documents: exit codes, text and JSON output,
//! `--as-of`, `--deny-warnings`, several files, standard input.

use chrono::NaiveDate;
use mcn_core::Severity;

use crate::support::{fixtures, mcn, run_in, run_with_stdin};

/// The fixtures are judged on this date unless a test says otherwise: the
/// co-ordinator post of `valid.json` is funded until 2025-12-31.
const FUNDED: &str = "2025-06-01";
const UNFUNDED: &str = "2026-06-01";

fn codes(report: &mcn_core::Report) -> Vec<&str> {
    report.findings().iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn clean_document_exits_0_with_only_a_summary() {
    let run = mcn(&["validate", "valid.json", "--as-of", FUNDED]);
    run.assert_code(0);
    assert_eq!(
        run.out(),
        "valid.json: 0 errors, 0 warnings, 0 infos (as of 2025-06-01)\n"
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn warnings_exit_0_unless_denied() {
    let run = mcn(&["validate", "warning.json", "--as-of", FUNDED]);
    run.assert_code(0);
    let out = run.out();
    assert!(
        out.starts_with("warning[network.coordinator.missing]: "),
        "{out}"
    );
    assert!(out.contains("\n  --> warning.json:/network\n"), "{out}");
    assert!(
        out.ends_with("warning.json: 0 errors, 1 warning, 0 infos (as of 2025-06-01)\n"),
        "{out}"
    );

    mcn(&[
        "validate",
        "warning.json",
        "--as-of",
        FUNDED,
        "--deny-warnings",
    ])
    .assert_code(1);
}

#[test]
fn errors_exit_1_and_point_at_file_and_json_path() {
    let run = mcn(&["validate", "error.json", "--as-of", FUNDED]);
    run.assert_code(1);
    let out = run.out();
    assert!(
        out.starts_with("error[network.reference.dangling]: "),
        "{out}"
    );
    assert!(
        out.contains("\n  --> error.json:/appointments/0/person\n"),
        "{out}"
    );
    assert!(out.contains("error.json: 1 error, 0 warnings"), "{out}");
}

#[test]
fn as_of_changes_the_result() {
    let funded = mcn(&[
        "validate",
        "valid.json",
        "--as-of",
        FUNDED,
        "--deny-warnings",
    ]);
    funded.assert_code(0);
    let unfunded = mcn(&[
        "validate",
        "valid.json",
        "--as-of",
        UNFUNDED,
        "--deny-warnings",
    ]);
    unfunded.assert_code(1);
    let out = unfunded.out();
    assert!(
        out.starts_with("warning[network.coordinator.unfunded]: "),
        "{out}"
    );
    // Related paths are listed under the arrow.
    assert!(
        out.contains("  --> valid.json:/posts/0\n  = related: /network/coordinator_post\n"),
        "{out}"
    );
    assert!(out.contains("(as of 2026-06-01)"), "{out}");
}

#[test]
fn as_of_defaults_to_a_real_date() {
    let run = mcn(&["validate", "valid.json"]);
    run.assert_code(0);
    let out = run.out();
    let date = out
        .trim_end()
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once("(as of "))
        .map_or_else(|| panic!("no date in {out}"), |(_, date)| date);
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    assert!(
        date >= NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        "{date}"
    );
}

#[test]
fn bad_as_of_is_a_usage_error() {
    for bad in ["2025-13-01", "01/06/2025", "tomorrow"] {
        let run = mcn(&["validate", "valid.json", "--as-of", bad]);
        run.assert_code(2);
        assert!(run.stderr.contains("YYYY-MM-DD"), "{}", run.stderr);
    }
}

#[test]
fn no_file_is_a_usage_error() {
    let run = mcn(&["validate"]);
    run.assert_code(2);
    assert!(run.stderr.contains("FILE"), "{}", run.stderr);
}

#[test]
fn json_is_one_line_per_file_holding_a_report() {
    let run = mcn(&[
        "validate",
        "--format",
        "json",
        "--as-of",
        UNFUNDED,
        "error.json",
    ]);
    run.assert_code(1);
    let lines = run.json_lines();
    assert_eq!(lines.len(), 1);
    let line = &lines[0];
    assert_eq!(line.file, "error.json");
    assert_eq!(line.as_of, NaiveDate::from_ymd_opt(2026, 6, 1));
    assert!(line.error.is_none());
    let report = line.report.as_ref().unwrap();
    assert_eq!(
        codes(report),
        ["network.reference.dangling", "network.coordinator.unfunded"]
    );
    let dangling = &report.findings()[0];
    assert_eq!(dangling.severity, Severity::Error);
    assert_eq!(dangling.path.as_str(), "/appointments/0/person");
    // Nothing but JSON on standard output.
    assert!(!run.out().contains("errors,"), "{}", run.out());
}

#[test]
fn several_files_in_json_keep_argument_order_and_report_unusable_ones() {
    let run = mcn(&[
        "validate",
        "--format=json",
        "--as-of",
        FUNDED,
        "warning.json",
        "missing.json",
        "valid.json",
        "unparsable.json",
    ]);
    run.assert_code(2);
    let lines = run.json_lines();
    let files: Vec<&str> = lines.iter().map(|l| l.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "warning.json",
            "missing.json",
            "valid.json",
            "unparsable.json"
        ]
    );
    assert_eq!(
        codes(lines[0].report.as_ref().unwrap()),
        ["network.coordinator.missing"]
    );
    assert!(lines[1].report.is_none());
    assert!(lines[1].as_of.is_none());
    let missing = lines[1].error.as_ref().unwrap();
    assert!(missing.path.is_none() && missing.line.is_none());
    assert!(lines[2].report.as_ref().unwrap().findings().is_empty());
    let unparsable = lines[3].error.as_ref().unwrap();
    assert_eq!(unparsable.path.as_deref(), Some("/people/0/email"));
    assert_eq!(unparsable.line, Some(bob_line()));
    assert!(unparsable.column.is_some());
    assert!(
        unparsable.message.contains("bob@"),
        "{}",
        unparsable.message
    );
    // Humans still see why on standard error.
    assert!(run.stderr.contains("missing.json"), "{}", run.stderr);
}

#[test]
fn several_files_in_text_end_with_a_total() {
    let run = mcn(&[
        "validate",
        "--as-of",
        FUNDED,
        "valid.json",
        "warning.json",
        "error.json",
    ]);
    run.assert_code(1);
    let out = run.out();
    let summaries: Vec<&str> = out.lines().filter(|line| line.contains(" infos")).collect();
    assert_eq!(
        summaries,
        [
            "valid.json: 0 errors, 0 warnings, 0 infos (as of 2025-06-01)",
            "warning.json: 0 errors, 1 warning, 0 infos (as of 2025-06-01)",
            "error.json: 1 error, 0 warnings, 0 infos (as of 2025-06-01)",
            "total: 3 files, 1 error, 1 warning, 0 infos",
        ]
    );
    // A blank line between files and before the total.
    assert_eq!(out.matches("(as of 2025-06-01)\n\n").count(), 3, "{out}");
}

#[test]
fn an_unusable_file_wins_over_findings_and_is_counted() {
    let run = mcn(&["validate", "--as-of", FUNDED, "error.json", "missing.json"]);
    run.assert_code(2);
    assert!(
        run.out()
            .ends_with("total: 2 files, 1 error, 0 warnings, 0 infos (1 file could not be used)\n"),
        "{}",
        run.out()
    );
    assert!(
        run.stderr
            .starts_with("error: could not read missing.json: "),
        "{}",
        run.stderr
    );
}

/// The line of `unparsable.json` holding the bad e-mail address.
fn bob_line() -> usize {
    let text = std::fs::read_to_string(fixtures().join("unparsable.json")).unwrap();
    1 + text.lines().position(|l| l.contains("\"bob@\"")).unwrap()
}

#[test]
fn a_parse_error_names_file_line_column_and_json_path() {
    let run = mcn(&["validate", "unparsable.json"]);
    run.assert_code(2);
    assert_eq!(run.out(), "");
    let expected = format!("error: could not load unparsable.json:{}:", bob_line());
    assert!(run.stderr.starts_with(&expected), "{}", run.stderr);
    assert!(
        run.stderr
            .contains(": /people/0/email: invalid email \"bob@\""),
        "{}",
        run.stderr
    );
}

#[test]
fn dash_reads_standard_input() {
    let bytes = std::fs::read(fixtures().join("error.json")).unwrap();
    let run = run_with_stdin(&fixtures(), &["validate", "-", "--as-of", FUNDED], &bytes);
    run.assert_code(1);
    assert!(
        run.out().contains("  --> <stdin>:/appointments/0/person"),
        "{}",
        run.out()
    );
    // Empty standard input is an unusable document, not a hang or a panic.
    run_in(&fixtures(), &["validate", "-"]).assert_code(2);
}
