//! Input that tries to get something past the CLI (issue 18, "nothing
//! malformed gets in"): escape sequences in what is echoed back, runaway
//! input, lenient dates, a byte-order mark. Each case replays a file of
//! `fuzz/regressions/`.

use std::path::{Path, PathBuf};

use crate::support::{Run, TempDir, command, finish, run_in};

/// A file of the committed regression corpus.
fn regression(kind: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(kind)
        .join(name)
}

/// `mcn ARGS` run in `dir` with `MCN_MAX_INPUT_BYTES=limit`.
fn with_limit(dir: &Path, limit: &str, args: &[&str]) -> Run {
    let child = command(dir, args)
        .env("MCN_MAX_INPUT_BYTES", limit)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    finish(child)
}

#[track_caller]
fn no_raw_escape(run: &Run) {
    for (stream, text) in [("stderr", run.stderr.clone()), ("stdout", run.out())] {
        for c in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
            assert!(!text.contains(c), "{stream} holds {c:?}: {text:?}");
        }
    }
}

#[test]
fn escape_sequences_never_reach_the_terminal_raw() {
    let dir = TempDir::new("hostile-escape");
    for name in [
        "escape-sequence-in-unknown-field.json",
        "escape-sequence-in-unknown-variant.json",
    ] {
        let file = regression("document", name);
        let file = file.to_str().unwrap();
        for format in ["text", "json"] {
            let run = run_in(dir.path(), &["validate", "--format", format, file]);
            run.assert_code(2);
            no_raw_escape(&run);
            assert!(run.stderr.contains("\\u{1b}"), "{}", run.stderr);
        }
    }
    // A file name holding an escape sequence.
    let evil = dir.write("evil\u{1b}[2J\u{1b}]0;x\u{7}.json", "{}");
    for args in [
        vec!["validate", evil],
        vec!["validate", "--format", "json", evil],
        vec!["report", "--as-of", "2025-06-01", evil],
        vec!["fhir", "import-organisations", evil],
        vec!["report", "--settings", evil, evil],
        vec!["csv", "import", evil, "-o", "out.json"],
        vec!["validate", "missing\u{1b}[2J.json"],
    ] {
        let run = run_in(dir.path(), &args);
        assert_ne!(run.code, Some(0), "{args:?}");
        no_raw_escape(&run);
        assert!(
            run.stderr.contains("\\u{1b}[2J"),
            "{args:?}: {}",
            run.stderr
        );
    }
    // FHIR import warnings and errors.
    for name in [
        "escape-sequence-in-warnings.json",
        "escape-sequence-in-resource-type.json",
    ] {
        let file = regression("fhir", name);
        let run = run_in(
            dir.path(),
            &["fhir", "import-organisations", file.to_str().unwrap()],
        );
        no_raw_escape(&run);
        assert!(run.stderr.contains("\\u{1b}"), "{name}: {}", run.stderr);
    }
}

#[test]
fn runaway_input_is_refused_at_the_limit() {
    let dir = TempDir::new("hostile-limit");
    let run = with_limit(dir.path(), "4096", &["validate", "/dev/zero"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("/dev/zero: the input is larger than the limit of 4096 bytes"),
        "{}",
        run.stderr
    );
    let run = with_limit(
        dir.path(),
        "4096",
        &["fhir", "import-organisations", "/dev/zero"],
    );
    assert_ne!(run.code, Some(0));
    assert!(
        run.stderr.contains("larger than the limit of 4096 bytes"),
        "{}",
        run.stderr
    );
    // A document within the limit loads; one byte over does not.
    let file = regression("document", "byte-order-mark-at-start.json");
    let size = std::fs::metadata(&file).unwrap().len();
    let file = file.to_str().unwrap();
    let args = ["validate", "--as-of", "2025-06-01", file];
    with_limit(dir.path(), &size.to_string(), &args).assert_code(0);
    with_limit(dir.path(), &(size - 1).to_string(), &args).assert_code(2);
    let run = with_limit(dir.path(), "lots", &args);
    run.assert_code(2);
    assert!(
        run.stderr.contains("MCN_MAX_INPUT_BYTES must be a number"),
        "{}",
        run.stderr
    );
}

#[test]
fn dates_on_the_command_line_are_strict() {
    let dir = TempDir::new("hostile-dates");
    let file = regression("document", "byte-order-mark-at-start.json");
    let file = file.to_str().unwrap();
    for date in ["2025-6-1", "2025-06-1", " 2025-06-01", "2025-06-01 "] {
        let run = run_in(dir.path(), &["validate", "--as-of", date, file]);
        run.assert_code(2);
        assert!(
            run.stderr.contains("expected a date as YYYY-MM-DD"),
            "{date}: {}",
            run.stderr
        );
        let run = run_in(
            dir.path(),
            &["report", "--as-of", "2025-06-01", "--since", date, file],
        );
        run.assert_code(2);
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = TempDir::new("hostile-bom");
    let file = regression("document", "byte-order-mark-at-start.json");
    run_in(
        dir.path(),
        &["validate", "--as-of", "2025-06-01", file.to_str().unwrap()],
    )
    .assert_code(0);
    let file = regression("fhir", "byte-order-mark-at-start.json");
    let run = run_in(
        dir.path(),
        &["fhir", "import-organisations", file.to_str().unwrap()],
    );
    run.assert_code(0);
}

#[test]
fn every_document_regression_that_should_fail_does() {
    let dir = TempDir::new("hostile-corpus");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions/document");
    let mut seen = 0;
    for entry in std::fs::read_dir(corpus).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let prefixes = [
            "duplicate-key-",
            "array-for-",
            "date-",
            "text-",
            "escape-sequence-",
        ];
        if !prefixes.iter().any(|p| name.starts_with(p)) {
            continue;
        }
        seen += 1;
        let run = run_in(
            dir.path(),
            &["validate", "--as-of", "2025-06-01", path.to_str().unwrap()],
        );
        run.assert_code(2);
        assert!(
            run.stderr.starts_with("error: could not load"),
            "{name}: {}",
            run.stderr
        );
        assert_eq!(run.stderr.lines().count(), 1, "{name}: {}", run.stderr);
    }
    assert!(seen >= 15, "{seen}");
}
