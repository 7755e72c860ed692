//! Rewrites the generated files of `docs/examples/` from
//! `mcn_testkit::example::files()` (`minimal-network.json` and every
//! `invalid-*.json`):
//!
//! ```text
//! cargo run -p mcn-testkit --example write-examples
//! ```
//!
//! `example-network.json` is data, edited as a file: this never writes it.
//!
//! Before writing, it checks the naming contract on the examples' date
//! (`example::AS_OF`): `example-network.json` and `minimal-network.json` have
//! no error; every `invalid-<finding>.json` yields exactly the finding it is
//! named after (and any companion it declares). A broken contract writes
//! nothing. Top-level `.json` files that are neither written here nor
//! `example-network.json` are removed.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::{
    collections::BTreeSet,
    error::Error,
    fs,
    path::{Path, PathBuf},
};

use mcn_network::Network;
use mcn_testkit::example;

fn main() -> Result<(), Box<dyn Error>> {
    let broken = contract_breaches();
    if !broken.is_empty() {
        return Err(format!(
            "the examples break the naming contract (nothing written):\n  {}",
            broken.join("\n  ")
        )
        .into());
    }

    let dir = examples_dir();
    fs::create_dir_all(&dir)?;
    let files = example::files();
    let mut written = BTreeSet::from([example::NORTHVALE_FILE.to_owned()]);
    for file in &files {
        let path = dir.join(file.file_name);
        let json = example::render(&file.document)?;
        let unchanged = fs::read_to_string(&path).is_ok_and(|old| old == json);
        if !unchanged {
            fs::write(&path, json)?;
            println!("wrote   {}", path.display());
        }
        written.insert(file.file_name.to_owned());
    }
    for entry in fs::read_dir(&dir)? {
        let path = entry?.path();
        let stale = path.extension().is_some_and(|ext| ext == "json")
            && path
                .file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| !written.contains(name));
        if stale {
            fs::remove_file(&path)?;
            println!("removed {}", path.display());
        }
    }
    println!(
        "{} generated example files in {} are up to date",
        files.len(),
        dir.display()
    );
    Ok(())
}

/// `docs/examples/` of the workspace this crate sits in.
fn examples_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples");
    dir.canonicalize().unwrap_or(dir)
}

/// Every way the examples break the naming contract, in words.
fn contract_breaches() -> Vec<String> {
    let mut broken = Vec::new();
    for (name, document) in [
        (example::NORTHVALE_FILE, example::northvale()),
        (example::MINIMAL_FILE, example::minimal()),
    ] {
        let report = Network::new(document).validate(example::AS_OF);
        for error in report.errors() {
            broken.push(format!(
                "{name}: error {} at {}: {}",
                error.code, error.path, error.message
            ));
        }
    }
    for invalid in example::invalid() {
        let report = Network::new(invalid.document).validate(example::AS_OF);
        let found: BTreeSet<&str> = report.findings().iter().map(|f| f.code.as_str()).collect();
        let expected: BTreeSet<&str> = invalid.also.iter().copied().chain([invalid.code]).collect();
        if found != expected {
            broken.push(format!(
                "{}: expected {expected:?}, found {found:?}",
                invalid.file_name
            ));
        }
    }
    broken
}
