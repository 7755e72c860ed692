//! `mcn validate`: load documents, run every rule, print the findings.

use std::{
    fmt::Write as _,
    io::{self, Write},
    path::PathBuf,
    process::ExitCode,
};

use chrono::NaiveDate;
use mcn_core::{Finding, Report, Severity};
use mcn_network::Network;
use serde::Serialize;

use crate::{
    exit,
    input::{self, AsOf, InputError},
    output::QuietStdout,
};

/// Arguments of `mcn validate`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Network documents (JSON) to check; `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    as_of: AsOf,
    /// Output format: compiler-style text, or one JSON object per file per line.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Exit 1 on warnings too, not only on errors.
    #[arg(long)]
    deny_warnings: bool,
}

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Compiler-style findings and summary lines.
    Text,
    /// JSON Lines: one `{"file", "as_of", "report"}` or `{"file", "error"}` object per file.
    Json,
}

/// One line of `--format json` output: the result for one file.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum FileLine<'a> {
    /// The file loaded; its findings.
    Checked {
        file: &'a str,
        as_of: NaiveDate,
        report: &'a Report,
    },
    /// The file could not be read or parsed.
    Unusable { file: &'a str, error: ErrorJson },
}

/// Why a file could not be used, for machines.
#[derive(Debug, Serialize)]
struct ErrorJson {
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

impl From<&InputError> for ErrorJson {
    fn from(error: &InputError) -> Self {
        let location = error.location();
        Self {
            message: error.detail(),
            path: location.map(|(path, _, _)| path.as_str().to_owned()),
            line: location.map(|(_, line, _)| line),
            column: location.map(|(_, _, column)| column),
        }
    }
}

/// Finding counts over all files.
#[derive(Debug, Default)]
struct Totals {
    files: usize,
    unusable: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// Runs `mcn validate`.
pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let as_of = args.as_of.date();
    let mut out = QuietStdout::new();
    let mut totals = Totals::default();
    for path in &args.files {
        totals.files += 1;
        match input::load(path) {
            Ok(document) => {
                let report = Network::new(document).validate(as_of);
                totals.errors += report.count(Severity::Error);
                totals.warnings += report.count(Severity::Warning);
                totals.infos += report.count(Severity::Info);
                let file = input::display_name(path);
                match args.format {
                    Format::Text => {
                        if totals.files > 1 {
                            writeln!(out)?;
                        }
                        print_report(&mut out, &file, as_of, &report)?;
                    }
                    Format::Json => print_line(
                        &mut out,
                        &FileLine::Checked {
                            file: &file,
                            as_of,
                            report: &report,
                        },
                    )?,
                }
            }
            Err(error) => {
                totals.unusable += 1;
                let _ = writeln!(io::stderr(), "error: {error}");
                if args.format == Format::Json {
                    print_line(
                        &mut out,
                        &FileLine::Unusable {
                            file: error.file(),
                            error: ErrorJson::from(&error),
                        },
                    )?;
                }
            }
        }
        // Each file's result appears as soon as it is known.
        out.flush()?;
    }
    if args.format == Format::Text && totals.files > 1 {
        writeln!(out, "\n{}", totals.summary())?;
    }
    out.flush()?;
    Ok(ExitCode::from(totals.status(args.deny_warnings)))
}

impl Totals {
    /// `total: 3 files, 1 error, 2 warnings, 0 infos (1 file could not be used)`.
    fn summary(&self) -> String {
        let mut line = format!(
            "total: {}, {}, {}, {}",
            plural(self.files, "file"),
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.infos, "info"),
        );
        if self.unusable > 0 {
            let _ = write!(
                line,
                " ({} could not be used)",
                plural(self.unusable, "file")
            );
        }
        line
    }

    /// 2 if any file was unusable, else 1 if the findings fail the check, else 0.
    fn status(&self, deny_warnings: bool) -> u8 {
        if self.unusable > 0 {
            exit::UNUSABLE
        } else if self.errors > 0 || (deny_warnings && self.warnings > 0) {
            exit::FINDINGS
        } else {
            0
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Every finding in compiler style, then `FILE: N errors, ... (as of DATE)`.
pub(crate) fn print_report(
    out: &mut impl Write,
    file: &str,
    as_of: NaiveDate,
    report: &Report,
) -> io::Result<()> {
    for finding in report.findings() {
        writeln!(out, "{}\n", Located { file, finding })?;
    }
    writeln!(out, "{file}: {} (as of {as_of})", report.summary())
}

fn print_line(out: &mut impl Write, line: &FileLine<'_>) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, line)?;
    writeln!(out)?;
    Ok(())
}

/// A finding with its file: like `Finding`'s own `Display`, but the arrow
/// reads `--> FILE:/json/pointer`.
struct Located<'a> {
    file: &'a str,
    finding: &'a Finding,
}

impl std::fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let finding = self.finding;
        write!(
            f,
            "{}[{}]: {}\n  --> {}",
            finding.severity, finding.code, finding.message, self.file
        )?;
        if !finding.path.as_str().is_empty() {
            write!(f, ":{}", finding.path.as_str())?;
        }
        for related in &finding.related {
            write!(f, "\n  = related: {related}")?;
        }
        Ok(())
    }
}
