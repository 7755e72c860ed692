//! Integration tests of the CSV adapter: round trips, spreadsheet-style
//! fixtures, bad input named precisely, an edited export, the layout's
//! coverage and `docs/csv.md` freshness.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![allow(
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod bad_input;
mod edited;
mod fixtures;
mod layout;
mod merging;
mod round_trip;

use mcn_network::NetworkDocument;

/// The shipped example network.
pub(crate) fn example() -> NetworkDocument {
    let bytes = std::fs::read(root().join("docs/examples/example-network.json")).unwrap();
    NetworkDocument::from_json(&bytes).unwrap()
}

/// A synthetic network at small scale.
pub(crate) fn synthetic(seed: u64) -> NetworkDocument {
    use mcn_synthetic::{Scale, generate};
    generate(seed, Scale::Small, as_of())
}

/// The date the synthetic documents are generated and checked as of.
pub(crate) fn as_of() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()
}

/// The workspace root.
pub(crate) fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Exports `document` as `(file name, bytes)` pairs, as a folder would hold.
pub(crate) fn files(document: &NetworkDocument) -> Vec<(String, Vec<u8>)> {
    mcn_csv::export(document)
        .unwrap()
        .into_iter()
        .map(|t| (t.table.file_name(), t.text.into_bytes()))
        .collect()
}

/// One file of `files`, as text.
pub(crate) fn text(files: &[(String, Vec<u8>)], name: &str) -> String {
    let (_, bytes) = files.iter().find(|(n, _)| n == name).unwrap();
    String::from_utf8(bytes.clone()).unwrap()
}

/// Replaces the file `name` in `files`.
pub(crate) fn replace(files: &mut [(String, Vec<u8>)], name: &str, text: &str) {
    let slot = files.iter_mut().find(|(n, _)| n == name).unwrap();
    slot.1 = text.as_bytes().to_vec();
}

/// The problems of a failed import, as lines.
pub(crate) fn problems(result: Result<mcn_csv::Imported, mcn_csv::ImportError>) -> Vec<String> {
    match result {
        Ok(_) => panic!("expected the import to fail"),
        Err(mcn_csv::ImportError::Problems(problems)) => {
            problems.iter().map(ToString::to_string).collect()
        }
        Err(other) => panic!("unexpected error {other}"),
    }
}

/// The first JSON path where `a` and `b` differ (for readable failures).
pub(crate) fn first_difference(a: &NetworkDocument, b: &NetworkDocument) -> Option<String> {
    fn walk(left: &serde_json::Value, right: &serde_json::Value, path: &str) -> Option<String> {
        use serde_json::Value::{Array, Object};
        match (left, right) {
            (Object(x), Object(y)) => {
                for key in x.keys().chain(y.keys()) {
                    let (p, q) = (x.get(key), y.get(key));
                    if p != q {
                        return match (p, q) {
                            (Some(p), Some(q)) => walk(p, q, &format!("{path}/{key}")),
                            _ => Some(format!("{path}/{key}: {p:?} vs {q:?}")),
                        };
                    }
                }
                None
            }
            (Array(x), Array(y)) if x.len() == y.len() => {
                x.iter().zip(y).enumerate().find_map(|(i, (p, q))| {
                    (p != q)
                        .then(|| walk(p, q, &format!("{path}/{i}")))
                        .flatten()
                })
            }
            _ if left == right => None,
            _ => Some(format!("{path}: {left} vs {right}")),
        }
    }
    walk(
        &serde_json::to_value(a).unwrap(),
        &serde_json::to_value(b).unwrap(),
        "",
    )
}
