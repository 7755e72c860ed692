//! `mcn schema`: print one JSON Schema, or write them all to a folder.

use std::{fs, path::PathBuf, process::ExitCode};

use anyhow::Context as _;

use crate::output;

/// Arguments of `mcn schema`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The schema to print, e.g. `network-document`, `report` or `organisation`;
    /// without it, the index of every schema (or, with --out, every schema).
    #[arg(value_name = "NAME")]
    name: Option<String>,
    /// Write to DIR instead: `<name>.schema.json` for NAME, or for every
    /// schema plus `index.json` (DIR is created if need be).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// Runs `mcn schema`.
pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let files = match &args.name {
        Some(name) => vec![mcn_schema::find(name)?.file()],
        None if args.out.is_some() => mcn_schema::files(),
        None => vec![mcn_schema::index_file()],
    };
    match &args.out {
        Some(dir) => {
            fs::create_dir_all(dir)
                .with_context(|| format!("could not create {}", dir.display()))?;
            for file in &files {
                let path = dir.join(&file.name);
                output::write_file(&path, |out| Ok(out.write_all(file.contents.as_bytes())?))?;
            }
        }
        None => {
            for file in &files {
                output::write_to(None, |out| Ok(out.write_all(file.contents.as_bytes())?))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
