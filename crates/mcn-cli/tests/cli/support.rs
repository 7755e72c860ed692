//! Running the binary, fixtures and temporary directories.

use std::{
    io::Write as _,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    sync::atomic::{AtomicUsize, Ordering},
};

use chrono::NaiveDate;
use mcn_core::Report;
use serde::Deserialize;

/// What a run of `mcn` did.
#[derive(Debug)]
pub(crate) struct Run {
    /// The exit code (`None`: killed by a signal).
    pub(crate) code: Option<i32>,
    /// Standard output, as bytes.
    pub(crate) stdout: Vec<u8>,
    /// Standard error, lossily decoded.
    pub(crate) stderr: String,
}

impl Run {
    /// Standard output as text.
    pub(crate) fn out(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }

    /// Asserts the exit code and that nothing panicked.
    #[track_caller]
    pub(crate) fn assert_code(&self, code: i32) -> &Self {
        assert!(
            !self.stderr.contains("panicked"),
            "mcn panicked:\n{}",
            self.stderr
        );
        assert_eq!(
            self.code,
            Some(code),
            "exit code\n--- stdout:\n{}\n--- stderr:\n{}",
            String::from_utf8_lossy(&self.stdout),
            self.stderr
        );
        self
    }

    /// The `--format json` lines.
    pub(crate) fn json_lines(&self) -> Vec<Line> {
        self.out()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
            .collect()
    }
}

/// One line of `mcn validate --format json`, as the README documents it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Line {
    /// The file as named on the command line.
    pub(crate) file: String,
    /// The date checked as of (with `report`).
    #[serde(default)]
    pub(crate) as_of: Option<NaiveDate>,
    /// The findings, when the file loaded.
    #[serde(default)]
    pub(crate) report: Option<Report>,
    /// Why the file could not be used.
    #[serde(default)]
    pub(crate) error: Option<LineError>,
}

/// The `error` member of a JSON line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LineError {
    /// What is wrong.
    pub(crate) message: String,
    /// JSON Pointer of the problem.
    #[serde(default)]
    pub(crate) path: Option<String>,
    /// Line of the problem.
    #[serde(default)]
    pub(crate) line: Option<usize>,
    /// Column of the problem.
    #[serde(default)]
    pub(crate) column: Option<usize>,
}

/// The fixtures directory.
pub(crate) fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli/fixtures")
}

/// A command for `mcn` with `args`, run in `dir`.
pub(crate) fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mcn"));
    command.args(args).current_dir(dir);
    command
}

/// Runs `mcn args` in `dir` with `stdin` as its standard input.
pub(crate) fn run_with_stdin(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = command(dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mcn starts");
    let mut pipe = child.stdin.take().unwrap();
    // A child that exits early closes its end: ignore the error.
    let _ = pipe.write_all(stdin);
    drop(pipe);
    finish(child)
}

/// Waits for `child` and collects its output.
pub(crate) fn finish(child: std::process::Child) -> Run {
    let output = child.wait_with_output().expect("mcn runs");
    Run {
        code: output.status.code(),
        stdout: output.stdout,
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `mcn args` in `dir` (standard input empty, not a terminal).
pub(crate) fn run_in(dir: &Path, args: &[&str]) -> Run {
    run(command(dir, args), Stdio::piped())
}

/// Runs `command` with standard input empty, standard output to `stdout`
/// (collected when piped) and standard error collected.
pub(crate) fn run(mut command: Command, stdout: Stdio) -> Run {
    let child = command
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    finish(child)
}

/// Runs `mcn args` in the fixtures directory.
pub(crate) fn mcn(args: &[&str]) -> Run {
    run_in(&fixtures(), args)
}

/// A fresh directory under the system temporary directory, removed on drop.
pub(crate) struct TempDir(PathBuf);

impl TempDir {
    /// Creates a directory unique to this process and call.
    pub(crate) fn new(name: &str) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("mcn-cli-test-{}-{n}-{name}", std::process::id()));
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }

    /// The directory.
    pub(crate) fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `bytes` to `name` in the directory and returns the name.
    pub(crate) fn write<'a>(&self, name: &'a str, bytes: impl AsRef<[u8]>) -> &'a str {
        std::fs::write(self.0.join(name), bytes).unwrap();
        name
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
