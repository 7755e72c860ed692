//! The `mcn` command-line tool: a thin adapter over the `mcn` libraries.
//!
//! Each subcommand is one [`Command`] variant handled by its own module's
//! `run(&Args) -> anyhow::Result<ExitCode>`. An `Err` means the input or the
//! output could not be used: it is printed as `error: ...` and the process
//! exits with [`exit::UNUSABLE`] (2). Shared plumbing: [`input`] (reading
//! documents, `--as-of`), [`output`] (standard output, `-o FILE`, broken pipes).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod csv;
mod exit;
mod fhir;
mod generate;
mod input;
mod output;
mod report;
mod schema;
mod serve;
mod store;
mod token;
mod validate;

use std::{io::Write as _, process::ExitCode};

use clap::{Parser, Subcommand};

/// Work with managed clinical network documents.
#[derive(Debug, Parser)]
#[command(name = "mcn", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The subcommands: one variant and one module each.
#[derive(Debug, Subcommand)]
enum Command {
    /// Check network documents: every domain rule and cross-entity rule.
    Validate(validate::Args),
    /// Write a deterministic synthetic network document.
    Generate(generate::Args),
    /// Export a network as HL7 FHIR R4; import organisations from FHIR.
    Fhir(fhir::Args),
    /// Print the JSON Schema of a document type, or write them all to a folder.
    Schema(schema::Args),
    /// Evaluate a network as of a date: indicators, RAG ratings, evidence.
    Report(report::Args),
    /// Spreadsheets: export a document as CSV, import CSV, write templates.
    Csv(csv::Args),
    /// A revisioned store of networks (SQLite or PostgreSQL): import, apply, log, diff, export.
    Store(store::Args),
    /// Serve the network API over HTTP (bearer tokens from `mcn token`).
    Serve(serve::Args),
    /// Bearer tokens for `mcn serve`: create, list, revoke.
    Token(token::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Usage errors exit 2; `--help` and `--version` exit 0.
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(exit::UNUSABLE));
        }
    };
    let result = match &cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Generate(args) => generate::run(args),
        Command::Fhir(args) => fhir::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Report(args) => report::run(args),
        Command::Csv(args) => csv::run(args),
        Command::Store(args) => store::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Token(args) => token::run(args),
    };
    match result {
        Ok(code) => code,
        // The reader of our output went away (`mcn ... | head`): not a failure.
        Err(error) if output::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // Whatever the message quotes (a file name, a value) has its
            // control characters escaped, line by line: nothing reaches the
            // terminal raw.
            let message = format!("{error:#}");
            let lines: Vec<_> = message.split('\n').map(mcn_core::text::escape).collect();
            let _ = writeln!(std::io::stderr(), "error: {}", lines.join("\n"));
            ExitCode::from(exit::UNUSABLE)
        }
    }
}
