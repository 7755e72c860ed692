//! `mcn fhir`: export a network document as a FHIR R4 `Bundle`, and import
//! organisations from FHIR (optionally merging them into a document).

use std::{
    collections::HashMap,
    fs,
    io::{self, IsTerminal as _, Write},
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::Context as _;
use mcn_core::id::OrganisationId;
use mcn_fhir::{ExportOptions, Import};
use mcn_network::{MergeSummary, Network, NetworkDocument};

use crate::{
    input::{self, AsOf},
    output,
};

/// Arguments of `mcn fhir`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: FhirCommand,
}

#[derive(Debug, clap::Subcommand)]
enum FhirCommand {
    /// Export a network document as a FHIR R4 Bundle (type collection).
    Export(ExportArgs),
    /// Read organisations from a FHIR R4 Bundle or Organization.
    ImportOrganisations(ImportArgs),
}

/// Arguments of `mcn fhir export`.
#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// The network document (`-` for standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[command(flatten)]
    as_of: AsOf,
    /// Include people's names, work e-mail addresses and registration numbers
    /// (left out by default).
    #[arg(long)]
    include_personal_data: bool,
    // (`help` rather than a doc comment: the FHIR names are not code here.)
    #[arg(
        long,
        help = "Also export standards' measures as Measures and audit results as MeasureReports"
    )]
    measures: bool,
    /// Write the bundle to OUT instead of standard output (`-`); never over FILE.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

/// Arguments of `mcn fhir import-organisations`.
#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The FHIR R4 JSON file: a Bundle or a single Organization (`-` for standard input).
    #[arg(value_name = "FHIR_FILE")]
    file: PathBuf,
    /// Merge into this network document by ODS code (else by id) and write the
    /// merged document; without it, write the organisations as a JSON array.
    #[arg(long, value_name = "DOCUMENT")]
    into: Option<PathBuf>,
    /// Write the result to OUT instead of standard output (`-`); OUT may be
    /// DOCUMENT itself (replaced atomically), never the FHIR file.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

/// Runs `mcn fhir`.
pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    match &args.command {
        FhirCommand::Export(args) => export(args),
        FhirCommand::ImportOrganisations(args) => import(args),
    }
}

fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    output::refuse_overwriting_inputs(args.output.as_deref(), &[&args.file])?;
    let document = input::load(&args.file)?;
    let options = ExportOptions::default()
        .with_personal_data(args.include_personal_data)
        .with_measures(args.measures);
    let bundle = mcn_fhir::export(&Network::new(document), args.as_of.date(), &options);
    write_json(args.output.as_deref(), &bundle)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `value` as pretty-printed JSON and a newline to `file` or standard output.
fn write_json(file: Option<&Path>, value: &impl serde::Serialize) -> anyhow::Result<()> {
    output::write_to(file, |out| {
        serde_json::to_writer_pretty(&mut *out, value)?;
        writeln!(out)?;
        Ok(())
    })
}

/// Reads the FHIR input (`-`: standard input).
fn read_fhir(path: &Path) -> anyhow::Result<Vec<u8>> {
    let name = input::display_name(path);
    let limit = input::input_limit().map_err(anyhow::Error::msg)?;
    if path.as_os_str() == "-" {
        let stdin = io::stdin().lock();
        anyhow::ensure!(
            !stdin.is_terminal(),
            "could not read {name}: standard input is a terminal: pipe a FHIR file in"
        );
        return input::read_limited(stdin, limit).with_context(|| format!("could not read {name}"));
    }
    let file = fs::File::open(path).with_context(|| format!("could not read {name}"))?;
    input::read_limited(file, limit).with_context(|| format!("could not read {name}"))
}

fn import(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    // Writing over `--into DOCUMENT` is documented (and atomic); over the
    // FHIR input it is not.
    output::refuse_overwriting_inputs(args.output.as_deref(), &[&args.file])?;
    let name = input::display_name(&args.file);
    let bytes = read_fhir(&args.file)?;
    let Import {
        organisations,
        warnings,
        ..
    } = mcn_fhir::import_organisations(&bytes)
        .with_context(|| format!("could not import {name}"))?;
    let mut err = io::stderr().lock();
    for warning in &warnings {
        writeln!(err, "warning: {name}: {warning}")?;
    }
    writeln!(
        err,
        "mcn: imported {} organisation{} from {name} ({} warning{})",
        organisations.len(),
        plural(organisations.len()),
        warnings.len(),
        plural(warnings.len()),
    )?;
    let Some(into) = &args.into else {
        write_json(args.output.as_deref(), &organisations)?;
        return Ok(ExitCode::SUCCESS);
    };
    let mut document = input::load(into)?;
    let summary = document.merge_organisations(organisations);
    report_merge(&mut err, &document, &summary, &input::display_name(into))?;
    write_json(args.output.as_deref(), &document)?;
    Ok(ExitCode::SUCCESS)
}

const fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `added 2: "A" (id), "B" (id)` lines, then the notes.
fn report_merge(
    err: &mut impl Write,
    document: &NetworkDocument,
    summary: &MergeSummary,
    into: &str,
) -> io::Result<()> {
    let by_id: HashMap<OrganisationId, String> = document
        .organisations
        .iter()
        .map(|o| (o.id, o.describe()))
        .collect();
    let describe = |id: &OrganisationId| by_id.get(id).cloned().unwrap_or_else(|| id.to_string());
    writeln!(err, "mcn: merged into {into} by ODS code (else by id):")?;
    for (what, ids) in [
        ("added", &summary.added),
        ("updated", &summary.updated),
        ("unchanged", &summary.unchanged),
        ("left (in the document, not in the import)", &summary.left),
    ] {
        write!(err, "  {what}: {}", ids.len())?;
        if !ids.is_empty() && what != "unchanged" && !what.starts_with("left") {
            let names: Vec<String> = ids.iter().map(describe).collect();
            write!(err, ": {}", names.join(", "))?;
        }
        writeln!(err)?;
    }
    for note in &summary.notes {
        writeln!(err, "  note: {note}")?;
    }
    writeln!(
        err,
        "mcn: check the merged document with `mcn validate` (e.g. an imported kind `other` needs a sector)"
    )
}
