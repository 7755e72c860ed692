//! `mcn csv`: spreadsheets in and out. Export a document as one CSV file per
//! table, import CSV files into a new or an existing document (all or
//! nothing, then validated), write a table's template, write `docs/csv.md`.

use std::{
    fs,
    io::{self, Write},
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::Context as _;
use mcn_core::Severity;
use mcn_network::{Network, NetworkDocument};

use crate::{
    exit,
    input::{self, AsOf},
    output, validate,
};

/// Arguments of `mcn csv`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: CsvCommand,
}

#[derive(Debug, clap::Subcommand)]
enum CsvCommand {
    /// Write a document as CSV files, one per table, into a folder.
    Export(ExportArgs),
    /// Read CSV files into a new document, or merged into an existing one.
    Import(ImportArgs),
    /// Write a table's header row and an example row.
    Template(TemplateArgs),
    /// Write the reference of every table and column (docs/csv.md).
    Docs(DocsArgs),
}

/// Arguments of `mcn csv export`.
#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// The network document (`-` for standard input).
    #[arg(value_name = "DOC")]
    file: PathBuf,
    /// The folder to write the CSV files into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

/// Arguments of `mcn csv import`.
#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// CSV files named after their tables (`organisations.csv`, ...), or
    /// folders of them.
    #[arg(value_name = "FILES_OR_DIR", required = true)]
    inputs: Vec<PathBuf>,
    /// Merge into this network document (matching by id, else natural key).
    #[arg(long, value_name = "DOC")]
    into: Option<PathBuf>,
    /// Write the document to OUT (OUT may be DOC itself); nothing is written
    /// if the input has problems or the document has error findings.
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
    #[command(flatten)]
    as_of: AsOf,
}

/// Arguments of `mcn csv template`.
#[derive(Debug, clap::Args)]
struct TemplateArgs {
    /// The table (e.g. `organisations`, `meeting_attendance`; see docs/csv.md).
    #[arg(value_name = "TABLE")]
    table: String,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Arguments of `mcn csv docs`.
#[derive(Debug, clap::Args)]
struct DocsArgs {
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Runs `mcn csv`.
pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    match &args.command {
        CsvCommand::Export(args) => export(args),
        CsvCommand::Import(args) => import(args),
        CsvCommand::Template(args) => template(args),
        CsvCommand::Docs(args) => {
            write_text(args.output.as_deref(), &mcn_csv::markdown())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn write_text(file: Option<&Path>, text: &str) -> anyhow::Result<()> {
    output::write_to(file, |out| Ok(out.write_all(text.as_bytes())?))
}

fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let document = input::load(&args.file)?;
    let tables = mcn_csv::export(&document)
        .with_context(|| format!("could not export {}", input::display_name(&args.file)))?;
    fs::create_dir_all(&args.out)
        .with_context(|| format!("could not create {}", args.out.display()))?;
    for table in &tables {
        write_text(Some(&args.out.join(table.table.file_name())), &table.text)?;
    }
    writeln!(
        io::stderr(),
        "mcn: wrote {} tables to {}",
        tables.len(),
        args.out.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The CSV files named by `inputs`: files as given, folders' `*.csv` in
/// name order.
fn csv_paths(inputs: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut paths: Vec<PathBuf> = fs::read_dir(input)
                .with_context(|| format!("could not read {}", input.display()))?
                .map(|entry| entry.map(|e| e.path()))
                .collect::<Result<_, _>>()
                .with_context(|| format!("could not read {}", input.display()))?;
            paths.retain(|p| {
                p.extension()
                    .is_some_and(|ext| ext.eq_ignore_ascii_case("csv"))
            });
            paths.sort();
            anyhow::ensure!(
                !paths.is_empty(),
                "could not read {}: it holds no .csv files",
                input.display()
            );
            files.extend(paths);
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

/// The contents of `files`, each with its name as given.
fn read_all(files: Vec<PathBuf>) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    files
        .into_iter()
        .map(|path| {
            let bytes =
                fs::read(&path).with_context(|| format!("could not read {}", path.display()))?;
            Ok((path.display().to_string(), bytes))
        })
        .collect()
}

fn import(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let paths = csv_paths(&args.inputs)?;
    // Writing over `--into DOC` is documented (and atomic); over a CSV input
    // it is not.
    let csv_inputs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    output::refuse_overwriting_inputs(Some(&args.output), &csv_inputs)?;
    let files = read_all(paths)?;
    let into = args.into.as_deref().map(input::load).transpose()?;
    let mut err = io::stderr().lock();
    let imported = match mcn_csv::import(&files, into.as_ref()) {
        Ok(imported) => imported,
        Err(mcn_csv::ImportError::Problems(problems)) => {
            for problem in &problems {
                // File names and cell values quoted: shortened, escaped.
                let problem = problem.to_string();
                writeln!(err, "error: {}", mcn_core::text::echo(&problem))?;
            }
            writeln!(
                err,
                "mcn: {} problem{} in the CSV input; nothing written",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            )?;
            return Ok(ExitCode::from(exit::UNUSABLE));
        }
        Err(other) => return Err(other.into()),
    };
    for table in &imported.summary.tables {
        writeln!(
            err,
            "mcn: {}: {} row{}, {} added, {} updated",
            table.table,
            table.rows,
            if table.rows == 1 { "" } else { "s" },
            table.added,
            table.updated
        )?;
    }
    for new in &imported.summary.new_ids {
        writeln!(
            err,
            "mcn: {}:{}: no id and no natural key match: new id {}",
            mcn_core::text::echo(&new.file),
            new.row,
            new.id
        )?;
    }
    let as_of = args.as_of.date();
    let report = Network::borrowed(&imported.document).validate(as_of);
    let name = input::display_name(&args.output);
    let mut out = output::QuietStdout::new();
    validate::print_report(&mut out, &name, as_of, &report)?;
    out.flush()?;
    let errors = report.count(Severity::Error);
    if errors > 0 {
        writeln!(
            err,
            "mcn: the imported document has {errors} error finding{}; nothing written",
            if errors == 1 { "" } else { "s" }
        )?;
        return Ok(ExitCode::from(exit::FINDINGS));
    }
    output::write_to(Some(&args.output), |out| {
        serde_json::to_writer_pretty(&mut *out, &imported.document)?;
        writeln!(out)?;
        Ok(())
    })?;
    writeln!(err, "mcn: wrote {name}")?;
    Ok(ExitCode::SUCCESS)
}

fn template(args: &TemplateArgs) -> anyhow::Result<ExitCode> {
    // The shipped example network gives each template its example row.
    let example = NetworkDocument::from_json(include_bytes!(
        "../../../docs/examples/example-network.json"
    ))?;
    let Some(text) = mcn_csv::template(&args.table, &example)? else {
        let names: Vec<&str> = mcn_csv::TABLES.iter().map(|t| t.name).collect();
        anyhow::bail!(
            "no table is called `{}`; the tables are: {}",
            args.table,
            names.join(", ")
        );
    };
    write_text(args.output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}
