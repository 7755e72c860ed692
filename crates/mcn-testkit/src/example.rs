//! The example networks shipped in `docs/examples/`.
//!
//! Everything here is **fictional**: organisations, people, places, ODS codes
//! (all beginning with `Z`), e-mail addresses (`.example` domains) and figures.
//!
//! - [`northvale`]: the Northvale Children's Palliative Care Network, a
//!   realistic regional network (26 organisations across both sectors, 6
//!   localities, 66 people, 22 posts, a steering group with three working
//!   groups, two years of meetings, training, standards and audit). The
//!   committed file `docs/examples/example-network.json` is its single source
//!   of truth: this crate embeds and parses that file. It validates with no
//!   error on [`AS_OF`] or any later date and shows a few honest warnings (a
//!   vacant funded post, overdue actions, terms of reference past review, an
//!   inquorate meeting, funding ending soon, ...).
//! - [`minimal`]: the smallest network with no finding at all on [`AS_OF`],
//!   built in Rust.
//! - [`invalid`]: one small document per cross-entity rule of mcn-network,
//!   each [`minimal`] with one change, named `invalid-<finding>.json`.
//!
//! The examples describe the network as it stands on [`AS_OF`], 1 November
//! 2026: validate them "as of" that day to see what the files say.
//! `cargo run -p mcn-testkit --example write-examples` rewrites the generated
//! files of `docs/examples/` (the [`files`]: the minimal and invalid ones); a
//! workspace test checks the committed files are fresh.
//!
//! ```
//! use mcn_network::Network;
//! use mcn_testkit::example;
//!
//! let report = Network::new(example::northvale()).validate(example::AS_OF);
//! assert!(!report.has_errors());
//! assert_eq!(report.with_code("network.meeting.inquorate").count(), 1);
//! ```

mod ids;
mod minimal;
mod values;

use mcn_core::NaiveDate;
use mcn_network::NetworkDocument;

/// The date the examples describe: 1 November 2026.
pub const AS_OF: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 1) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// The file name of the [`northvale`] example in `docs/examples/`.
pub const NORTHVALE_FILE: &str = "example-network.json";

/// The file name of the [`minimal`] example in `docs/examples/`.
pub const MINIMAL_FILE: &str = "minimal-network.json";

/// The committed `docs/examples/example-network.json`, as it is on disk.
pub const NORTHVALE_JSON: &str = include_str!("../../../docs/examples/example-network.json");

/// A document that breaks one cross-entity rule of mcn-network.
#[derive(Debug, Clone, PartialEq)]
pub struct InvalidExample {
    /// Its file name in `docs/examples/`: `invalid-<finding>.json`.
    pub file_name: &'static str,
    /// The finding code it is named after (validated on [`AS_OF`]).
    pub code: &'static str,
    /// Other codes it yields that cannot be avoided (empty for all but one:
    /// a funded co-ordinator post that is vacant is also a vacant funded post).
    pub also: &'static [&'static str],
    /// What is wrong, in a sentence.
    pub what: &'static str,
    /// The document.
    pub document: NetworkDocument,
}

/// One generated file of `docs/examples/`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleFile {
    /// The file name, e.g. `minimal-network.json`.
    pub file_name: &'static str,
    /// The document it holds.
    pub document: NetworkDocument,
}

/// The Northvale Children's Palliative Care Network, parsed from
/// [`NORTHVALE_JSON`] (see the [module docs](self)).
///
/// # Panics
///
/// If the committed `docs/examples/example-network.json` does not load: a
/// broken fixture, which every test using it should report loudly.
#[must_use]
#[expect(
    clippy::expect_used,
    reason = "fixture data only tests use: a broken committed file should fail the test loudly"
)]
pub fn northvale() -> NetworkDocument {
    NetworkDocument::from_json(NORTHVALE_JSON.as_bytes())
        .expect("docs/examples/example-network.json loads as a network document")
}

/// The smallest network that validates with no finding at all on [`AS_OF`].
#[must_use]
pub fn minimal() -> NetworkDocument {
    minimal::document()
}

/// One invalid example per cross-entity rule (every code in
/// `mcn_network::codes::ALL`), each [`minimal`] with one change.
#[must_use]
pub fn invalid() -> Vec<InvalidExample> {
    minimal::invalid()
}

/// Every file of `docs/examples/` built in Rust, in a fixed order:
/// [`minimal`], then the [`invalid`] examples. (`example-network.json` is
/// not among them: it is data, edited as a file.)
#[must_use]
pub fn files() -> Vec<ExampleFile> {
    let mut files = vec![ExampleFile {
        file_name: MINIMAL_FILE,
        document: minimal(),
    }];
    files.extend(invalid().into_iter().map(|example| ExampleFile {
        file_name: example.file_name,
        document: example.document,
    }));
    files
}

/// A document as the committed file holds it: pretty JSON and a final newline.
pub fn render(document: &NetworkDocument) -> Result<String, serde_json::Error> {
    let mut json = document.to_json_pretty()?;
    json.push('\n');
    Ok(json)
}

#[cfg(test)]
mod tests {
    use mcn_network::Network;

    use super::*;

    #[test]
    fn minimal_has_no_finding_at_all() {
        let report = Network::new(minimal()).validate(AS_OF);
        assert!(report.findings().is_empty(), "{report:#?}");
    }

    #[test]
    fn each_invalid_example_yields_its_code_and_only_it() {
        let invalid = invalid();
        assert_eq!(invalid.len(), mcn_network::codes::ALL.len());
        for example in invalid {
            let report = Network::new(example.document).validate(AS_OF);
            let mut codes: Vec<&str> = report.findings().iter().map(|f| f.code.as_str()).collect();
            codes.sort_unstable();
            codes.dedup();
            let mut expected: Vec<&str> = example.also.to_vec();
            expected.push(example.code);
            expected.sort_unstable();
            assert_eq!(codes, expected, "{}: {report:#?}", example.file_name);
        }
    }

    #[test]
    fn northvale_loads_and_validates_without_errors_now_and_later() {
        for as_of in [AS_OF, NaiveDate::from_ymd_opt(2035, 1, 1).unwrap()] {
            let report = Network::new(northvale()).validate(as_of);
            let errors: Vec<_> = report.errors().collect();
            assert!(errors.is_empty(), "{as_of}: {errors:#?}");
        }
    }
}
