//! `mcn report`: evaluate a network document as of a date and write the
//! report as a terminal summary, markdown, JSON or one HTML page.

use std::{
    fs,
    io::Write as _,
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use mcn_evaluation::{EvaluationSettings, evaluate, render};
use mcn_network::Network;

use crate::{
    input::{self, AsOf},
    output,
};

/// Arguments of `mcn report`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The network document (JSON) to evaluate; `-` reads standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[command(flatten)]
    as_of: AsOf,
    /// Also compare with the report as of this earlier date, as YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = crate::input::parse_date)]
    since: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write the report to FILE (replaced atomically, never an input) instead
    /// of standard output (`-`).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Evaluation settings (JSON: window, horizons, RAG bands); defaults otherwise.
    #[arg(long, value_name = "FILE")]
    settings: Option<PathBuf>,
}

/// How the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// A compact summary for the terminal.
    Text,
    /// A paper for a steering group.
    Markdown,
    /// The evaluation report as JSON (see its JSON Schema).
    Json,
    /// One self-contained HTML page (inline CSS and SVG, no scripts).
    Html,
}

/// Runs `mcn report`.
pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let as_of = args.as_of.date();
    if let Some(since) = args.since
        && since >= as_of
    {
        bail!("--since {since} must be before the report date {as_of}");
    }
    let inputs: Vec<&Path> = std::iter::once(args.file.as_path())
        .chain(args.settings.as_deref())
        .collect();
    output::refuse_overwriting_inputs(args.output.as_deref(), &inputs)?;
    let settings = match &args.settings {
        Some(path) => {
            let bytes =
                fs::read(path).with_context(|| format!("could not read {}", path.display()))?;
            serde_json::from_slice::<EvaluationSettings>(&bytes)
                .with_context(|| format!("could not load settings {}", path.display()))?
        }
        None => EvaluationSettings::default(),
    };
    let file = input::display_name(&args.file);
    let network = Network::new(input::load(&args.file)?);
    let findings = network.validate(as_of);
    let mut report = evaluate(&network, &findings, as_of, &settings);
    if let Some(since) = args.since {
        report = report.with_comparison(&evaluate(
            &network,
            &network.validate(since),
            since,
            &settings,
        ));
    }
    if let Some(warning) = &report.warning {
        let _ = writeln!(std::io::stderr(), "warning: {file}: {}", warning.message);
    }
    let format = match args.format {
        Format::Text => render::Format::Text,
        Format::Markdown => render::Format::Markdown,
        Format::Html => render::Format::Html,
        Format::Json => render::Format::Json,
    };
    let rendered = render::to_string(&report, format)?;
    output::write_to(args.output.as_deref(), |out| {
        out.write_all(rendered.as_bytes())?;
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
