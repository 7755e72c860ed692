//! The committed regression corpus, `fuzz/regressions/` (issue 18, "a
//! standing defence"): every input that once broke something, replayed on
//! every test run. CI does not run the fuzzer (`fuzz/`, nightly only); this
//! test keeps what it and hand-made hostile inputs found fixed.
//!
//! - `document/`: any bytes offered as a network document. Each either loads
//!   — and then validates, evaluates and renders in every format — or fails
//!   with an `mcn::Error` whose message is non-empty and has no raw control
//!   characters.
//! - `fhir/`: any bytes offered to the FHIR organisation import. It imports
//!   (its warnings clean as above, the organisations merged into the minimal
//!   network, which then validates) or fails with a clean error.
//! - `csv/`: one CSV table each, the first line naming the file (and so the
//!   table, e.g. `people.csv`), as the `csv` fuzz target reads its input;
//!   imported on its own (`network`) or into the minimal network, then
//!   validated and evaluated, or refused with a non-empty message.
//!
//! Nothing may panic. A folder that is missing or empty fails the test, so
//! the corpus cannot vanish silently. Big shapes (a megabyte-long name,
//! thousands of references to one entity) are generated here rather than
//! committed.

use std::{
    fmt::Write as _,
    fs,
    panic::{AssertUnwindSafe, catch_unwind},
    path::PathBuf,
};

use mcn::{EvaluationSettings, Format, NaiveDate, Network, NetworkDocument};
use serde_json::{Value, json};

use crate::{read, root};

/// The date every replayed document is validated and evaluated as of (the
/// examples' date).
fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

/// The files of `fuzz/regressions/<kind>/`, sorted; fails if the folder is
/// missing or holds no file.
fn corpus(kind: &str) -> Vec<PathBuf> {
    let folder = root().join("fuzz/regressions").join(kind);
    let entries = fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("the regression corpus {} is missing: {e}", folder.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "the regression corpus {} is empty",
        folder.display()
    );
    files
}

/// A message the user may see: not empty, no raw control characters (which
/// could drive a terminal).
fn clean(message: &str, what: &str) -> Result<(), String> {
    if message.trim().is_empty() {
        return Err(format!("an empty {what}"));
    }
    if let Some(c) = message.chars().find(|c| c.is_control()) {
        let shown: String = message.chars().take(300).collect();
        return Err(format!(
            "a raw control character {c:?} in the {what}: {shown:?}"
        ));
    }
    Ok(())
}

/// Runs `check` on every input, catching panics, and fails naming every
/// input that panicked or broke its contract.
fn replay<'a>(
    inputs: impl IntoIterator<Item = (String, &'a [u8])>,
    check: impl Fn(&[u8]) -> Result<(), String>,
) {
    let mut failures = String::new();
    let mut count = 0;
    for (name, bytes) in inputs {
        count += 1;
        match catch_unwind(AssertUnwindSafe(|| check(bytes))) {
            Ok(Ok(())) => {}
            Ok(Err(problem)) => writeln!(failures, "{name}: {problem}").unwrap(),
            Err(_) => writeln!(failures, "{name}: panicked").unwrap(),
        }
    }
    assert!(count > 0, "no input was replayed");
    assert!(failures.is_empty(), "regressions:\n{failures}");
}

/// Reads every file of a corpus folder.
fn files(kind: &str) -> Vec<(String, Vec<u8>)> {
    corpus(kind)
        .into_iter()
        .map(|path| {
            let name = format!(
                "fuzz/regressions/{kind}/{}",
                path.file_name().unwrap().to_string_lossy()
            );
            (name, fs::read(&path).unwrap())
        })
        .collect()
}

/// One network document: loads and goes through everything, or fails cleanly.
fn document(bytes: &[u8]) -> Result<(), String> {
    let network = match mcn::load(bytes) {
        Ok(network) => network,
        Err(error) => return clean(&error.to_string(), "load error"),
    };
    let findings = mcn::validate(&network, as_of());
    let report = mcn::evaluate(&network, &findings, as_of(), &EvaluationSettings::default());
    for format in [Format::Text, Format::Markdown, Format::Html, Format::Json] {
        mcn::render(&report, format).map_err(|e| format!("{format:?} did not render: {e}"))?;
    }
    Ok(())
}

/// The minimal example network, which FHIR organisations and CSV tables are
/// merged into.
fn minimal() -> NetworkDocument {
    NetworkDocument::from_json(read("docs/examples/minimal-network.json").as_bytes()).unwrap()
}

/// One FHIR resource: imports (clean warnings; merged and validated), or
/// fails cleanly.
fn fhir(bytes: &[u8]) -> Result<(), String> {
    let import = match mcn::fhir::import_organisations(bytes) {
        Ok(import) => import,
        Err(error) => return clean(&error.to_string(), "import error"),
    };
    for warning in &import.warnings {
        clean(&warning.to_string(), "import warning")?;
    }
    let mut document = minimal();
    document.merge_organisations(import.organisations);
    let _ = Network::borrowed(&document).validate(as_of());
    Ok(())
}

/// One CSV table, its first line the file name: imports (then validates and
/// evaluates), or is refused with a message.
fn csv(bytes: &[u8]) -> Result<(), String> {
    let (name, body) = match bytes.iter().position(|&b| b == b'\n') {
        Some(at) => (&bytes[..at], &bytes[at + 1..]),
        None => (bytes, &[][..]),
    };
    let name = String::from_utf8_lossy(name)
        .trim_end_matches('\r')
        .to_owned();
    let base = minimal();
    let into = match mcn::csv::table_for_file(&name) {
        Some(table) if table.name == "network" => None,
        _ => Some(&base),
    };
    match mcn::csv::import(&[(name, body.to_vec())], into) {
        Ok(imported) => {
            let network = Network::borrowed(&imported.document);
            let findings = network.validate(as_of());
            let _ = mcn::evaluate(&network, &findings, as_of(), &EvaluationSettings::default());
            Ok(())
        }
        Err(error) if error.to_string().trim().is_empty() => {
            Err("an empty import error".to_owned())
        }
        Err(_) => Ok(()),
    }
}

#[test]
fn every_document_regression_loads_or_fails_cleanly() {
    let files = files("document");
    replay(
        files
            .iter()
            .map(|(name, bytes)| (name.clone(), bytes.as_slice())),
        document,
    );
}

#[test]
fn every_fhir_regression_imports_or_fails_cleanly() {
    let files = files("fhir");
    replay(
        files
            .iter()
            .map(|(name, bytes)| (name.clone(), bytes.as_slice())),
        fhir,
    );
}

#[test]
fn every_csv_regression_imports_or_fails_cleanly() {
    let files = files("csv");
    replay(
        files
            .iter()
            .map(|(name, bytes)| (name.clone(), bytes.as_slice())),
        csv,
    );
}

/// Shapes too big to commit, generated from the minimal network, and
/// whether each loads.
fn big_shapes() -> Vec<(String, Vec<u8>, bool)> {
    let minimal: Value = serde_json::from_str(&read("docs/examples/minimal-network.json")).unwrap();
    let mut shapes = Vec::new();

    // A megabyte-long name: refused (a name is at most 500 characters).
    let mut long_name = minimal.clone();
    long_name["network"]["name"] = json!("n".repeat(1 << 20));
    shapes.push(("a 1 MB network name", long_name, false));

    // A megabyte-long name of multi-byte characters.
    let mut wide = minimal.clone();
    wide["organisations"][0]["name"] = json!("é".repeat(1 << 19));
    shapes.push((
        "a 1 MB organisation name of two-byte characters",
        wide,
        false,
    ));

    // Thousands of people employed by one organisation, all attending one
    // meeting on its behalf: loads, and every rule and indicator copes.
    let mut fan_in = minimal.clone();
    let organisation = fan_in["organisations"][0]["id"].clone();
    let template = fan_in["people"][0].clone();
    let people = fan_in["people"].as_array_mut().unwrap();
    for i in 0..5_000_u32 {
        let mut person = template.clone();
        person["id"] = json!(format!("00000000-0000-4000-8000-{i:012}"));
        person["name"] = json!(format!("Person {i}"));
        person["employer"] = organisation.clone();
        if let Some(object) = person.as_object_mut() {
            object.remove("email");
            object.remove("registrations");
        }
        people.push(person);
    }
    shapes.push(("5,000 people employed by one organisation", fan_in, true));

    // Thousands of dangling references to one missing id: one finding each.
    let mut dangling = minimal.clone();
    let template = dangling["people"][0].clone();
    let people = dangling["people"].as_array_mut().unwrap();
    for i in 0..5_000_u32 {
        let mut person = template.clone();
        person["id"] = json!(format!("00000000-0000-4000-9000-{i:012}"));
        person["employer"] = json!("00000000-0000-4000-a000-000000000000");
        if let Some(object) = person.as_object_mut() {
            object.remove("email");
            object.remove("registrations");
        }
        people.push(person);
    }
    shapes.push((
        "5,000 references to one missing organisation",
        dangling,
        true,
    ));

    // Every collection a deep array (beyond serde_json's recursion limit).
    let mut deep = "[".repeat(100_000);
    deep.push_str(&"]".repeat(100_000));
    let mut shapes: Vec<(String, Vec<u8>, bool)> = shapes
        .into_iter()
        .map(|(name, value, loads)| (name.to_owned(), serde_json::to_vec(&value).unwrap(), loads))
        .collect();
    shapes.push(("100,000 nested arrays".to_owned(), deep.into_bytes(), false));
    let mut deep_object = "{\"network\":".repeat(100_000);
    deep_object.push_str(&"}".repeat(100_000));
    shapes.push((
        "100,000 nested objects".to_owned(),
        deep_object.into_bytes(),
        false,
    ));
    shapes
}

#[test]
fn big_generated_shapes_load_or_fail_cleanly() {
    let shapes = big_shapes();
    replay(
        shapes
            .iter()
            .map(|(name, bytes, _)| (name.clone(), bytes.as_slice())),
        document,
    );
    // Each shape is what it says: the fan-in ones load (so every rule and
    // indicator ran on them), the others are refused.
    for (name, bytes, loads) in &shapes {
        assert_eq!(mcn::load(bytes).is_ok(), *loads, "{name}");
    }
}
