//! A reader that goes away (`mcn ... | head`) is no failure and no panic.

use std::process::Stdio;

use crate::support::{Run, TempDir, command, finish, fixtures};

/// Runs `mcn args` in `dir` with standard output a pipe whose reading end is
/// already closed, so the first write fails with `EPIPE`.
fn into_closed_pipe(dir: &std::path::Path, args: &[&str]) -> Run {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let child = command(dir, args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    finish(child)
}

#[test]
fn validate_keeps_its_exit_status_when_the_reader_has_gone() {
    for format in ["text", "json"] {
        let args = ["validate", "--format", format, "--as-of", "2025-06-01"];
        let run = into_closed_pipe(&fixtures(), &[&args[..], &["error.json"]].concat());
        run.assert_code(1);
        assert_eq!(run.stderr, "", "{format}");
        let run = into_closed_pipe(&fixtures(), &[&args[..], &["valid.json"]].concat());
        run.assert_code(0);
        assert_eq!(run.stderr, "", "{format}");
    }
}

#[test]
fn generate_stops_quietly_when_the_reader_has_gone() {
    let run = into_closed_pipe(&fixtures(), &["generate", "--scale", "small"]);
    run.assert_code(0);
    assert_eq!(run.stderr, "");
}

#[test]
fn help_into_a_closed_pipe() {
    let dir = TempDir::new("help");
    let run = into_closed_pipe(dir.path(), &["--help"]);
    run.assert_code(0);
}
