//! The example networks shipped in `docs/examples/`, built in Rust.
//!
//! Everything here is **fictional**: organisations, people, places, ODS codes
//! (all beginning with `Z`), e-mail addresses (`.example` domains) and figures.
//!
//! - [`northvale`]: the Northvale Children's Palliative Care Network, a
//!   realistic regional network (26 organisations across both sectors, 6
//!   localities, 66 people, 22 posts, a steering group with three working
//!   groups, two years of meetings, training, standards and audit). It
//!   validates with no error on [`AS_OF`] or any later date and shows a few
//!   honest warnings (a vacant funded post, overdue actions, terms of reference
//!   past review, an inquorate meeting, funding ending soon, ...).
//! - [`minimal`]: the smallest network with no finding at all on [`AS_OF`].
//! - [`invalid`]: one small document per cross-entity rule of mcn-network,
//!   each [`minimal`] with one change, named `invalid-<finding>.json`.
//!
//! Dates are written relative to the fixed reference date [`AS_OF`],
//! 1 November 2026: validate the examples "as of" that day to see what the
//! files describe. `cargo run -p mcn-testkit --example write-examples`
//! rewrites `docs/examples/` from [`files`]; a workspace test checks the
//! committed files are fresh.
//!
//! ```
//! use mcn_testkit::example;
//! let report = mcn_network::validate(&example::northvale(), example::AS_OF);
//! assert!(!report.has_errors());
//! assert!(report.with_code("network.meeting.inquorate").count() == 1);
//! ```

mod ctx;
mod minimal;
mod northvale;

use mcn_core::NaiveDate;
use mcn_network::NetworkDocument;

use self::ctx::Ctx;

/// The reference date of the examples: 1 November 2026. Every date in them is
/// written relative to it.
pub const AS_OF: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 1) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// The file name of the [`northvale`] example in `docs/examples/`.
pub const NORTHVALE_FILE: &str = "example-network.json";

/// The file name of the [`minimal`] example in `docs/examples/`.
pub const MINIMAL_FILE: &str = "minimal-network.json";

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

/// One file of `docs/examples/`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleFile {
    /// The file name, e.g. `example-network.json`.
    pub file_name: &'static str,
    /// The document it holds.
    pub document: NetworkDocument,
}

/// Runs a builder; returns its document and the construction problems it
/// recorded (none unless an example in this module has a typo).
fn build<T>(builder: impl FnOnce(&Ctx) -> T) -> Result<T, Vec<String>> {
    let Some(c) = Ctx::new() else {
        return Err(vec!["the stand-in values could not be built".to_owned()]);
    };
    let built = builder(&c);
    let problems = c.into_problems();
    if problems.is_empty() {
        Ok(built)
    } else {
        Err(problems)
    }
}

/// An empty document, returned only if an example could not be built (which
/// the crate's tests rule out).
fn empty() -> NetworkDocument {
    NetworkDocument::new(mcn_network::NetworkProfile::new(
        mcn_core::id::NetworkId::from_u128(0),
        mcn_core::Text::redacted(),
    ))
}

/// The Northvale Children's Palliative Care Network (see the [module docs](self)).
#[must_use]
pub fn northvale() -> NetworkDocument {
    build(northvale::document).unwrap_or_else(|_| empty())
}

/// The smallest network that validates with no finding at all on [`AS_OF`].
#[must_use]
pub fn minimal() -> NetworkDocument {
    build(minimal::document).unwrap_or_else(|_| empty())
}

/// One invalid example per cross-entity rule (every code in
/// `mcn_network::codes::ALL`), each [`minimal`] with one change.
#[must_use]
pub fn invalid() -> Vec<InvalidExample> {
    build(minimal::invalid).unwrap_or_default()
}

/// Every file of `docs/examples/`, in a fixed order: [`northvale`],
/// [`minimal`], then the [`invalid`] examples.
#[must_use]
pub fn files() -> Vec<ExampleFile> {
    let mut files = vec![
        ExampleFile {
            file_name: NORTHVALE_FILE,
            document: northvale(),
        },
        ExampleFile {
            file_name: MINIMAL_FILE,
            document: minimal(),
        },
    ];
    files.extend(invalid().into_iter().map(|example| ExampleFile {
        file_name: example.file_name,
        document: example.document,
    }));
    files
}

/// Values in the examples that failed their own checks (a typo in this
/// module); empty when every example was built as written.
#[must_use]
pub fn problems() -> Vec<String> {
    let mut problems = Vec::new();
    for result in [
        build(northvale::document).map(drop),
        build(minimal::document).map(drop),
        build(minimal::invalid).map(drop),
    ] {
        problems.extend(result.err().unwrap_or_default());
    }
    problems
}

/// A document as the committed file holds it: pretty JSON and a final newline.
pub fn render(document: &NetworkDocument) -> Result<String, serde_json::Error> {
    let mut json = document.to_json_pretty()?;
    json.push('\n');
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_is_built_as_written() {
        assert_eq!(problems(), Vec::<String>::new());
    }

    #[test]
    fn minimal_has_no_finding_at_all() {
        let report = mcn_network::validate(&minimal(), AS_OF);
        assert!(report.findings().is_empty(), "{report:#?}");
    }

    #[test]
    fn each_invalid_example_yields_its_code_and_only_it() {
        let invalid = invalid();
        assert_eq!(invalid.len(), mcn_network::codes::ALL.len());
        for example in invalid {
            let report = mcn_network::validate(&example.document, AS_OF);
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
    fn northvale_validates_without_errors_now_and_later() {
        let document = northvale();
        for as_of in [AS_OF, NaiveDate::from_ymd_opt(2035, 1, 1).unwrap()] {
            let report = mcn_network::validate(&document, as_of);
            let errors: Vec<_> = report.errors().collect();
            assert!(errors.is_empty(), "{as_of}: {errors:#?}");
        }
    }
}
