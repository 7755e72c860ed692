//! `mcn report`: evaluate a network document as of a date and write the
//! report as a terminal summary, markdown, JSON or one HTML page; with
//! `--series monthly|quarterly --from DATE`, every indicator over
//! consecutive windows instead (trends, with one SVG line per indicator in
//! HTML).

use std::{
    fs,
    io::Write as _,
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use mcn_evaluation::{EvaluationSettings, evaluate, render, series};
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
    #[arg(long, value_name = "DATE", value_parser = crate::input::parse_date, conflicts_with = "series")]
    since: Option<NaiveDate>,
    /// Trends instead of one report: every indicator over consecutive
    /// calendar months or quarters, from the one containing --from to the
    /// last that has ended by the report date.
    #[arg(long, value_enum, value_name = "CADENCE", requires = "from")]
    series: Option<Cadence>,
    /// The start of the trends (with --series), as YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = crate::input::parse_date, requires = "series")]
    from: Option<NaiveDate>,
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

/// The windows of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Cadence {
    /// Calendar months.
    Monthly,
    /// Calendar quarters.
    Quarterly,
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
    let format = match args.format {
        Format::Text => render::Format::Text,
        Format::Markdown => render::Format::Markdown,
        Format::Html => render::Format::Html,
        Format::Json => render::Format::Json,
    };
    if let (Some(cadence), Some(from)) = (args.series, args.from) {
        let cadence = match cadence {
            Cadence::Monthly => series::Cadence::Monthly,
            Cadence::Quarterly => series::Cadence::Quarterly,
        };
        let trends = series(&network, &findings, cadence, from, as_of, &settings)?;
        if trends.validation.errors > 0 {
            let _ = writeln!(
                std::io::stderr(),
                "warning: {file}: the document has {} error findings: run `mcn validate`; \
                 figures reading those collections may be wrong",
                trends.validation.errors
            );
        }
        let rendered = render::series_to_string(&trends, format)?;
        output::write_to(args.output.as_deref(), |out| {
            out.write_all(rendered.as_bytes())?;
            Ok(())
        })?;
        return Ok(ExitCode::SUCCESS);
    }
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
    let rendered = render::to_string(&report, format)?;
    output::write_to(args.output.as_deref(), |out| {
        out.write_all(rendered.as_bytes())?;
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
