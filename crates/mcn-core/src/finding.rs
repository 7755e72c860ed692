//! Findings: what the rules say about a document, all at once, never thrown.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::JsonPointer;

crate::vocabulary! {
    /// How serious a finding is.
    exhaustive Severity {
        /// The document is inconsistent (e.g. a reference that resolves to nothing).
        Error => "error",
        /// A governance signal to act on (e.g. a review overdue, a vacant funded post).
        Warning => "warning",
        /// Context worth knowing.
        Info => "info",
    }
}

/// A kind of finding: its stable dotted code, severity and one-line meaning.
///
/// Each crate declares its codes as constants in its `codes` module and lists
/// them in `codes::ALL`, which `docs/findings.md` mirrors (a workspace test
/// keeps them in step).
///
/// ```
/// use mcn_core::{FindingCode, JsonPointer, Severity};
/// const OVERLAP: FindingCode = FindingCode::new(
///     "roles.appointment.overlap",
///     Severity::Error,
///     "two appointments to a single-holder post overlap",
/// );
/// let finding = OVERLAP.at(JsonPointer::root().key("appointments").index(3), "overlaps /appointments/1");
/// assert_eq!(finding.severity, Severity::Error);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindingCode {
    /// The stable dotted code, `crate.entity.problem`.
    pub code: &'static str,
    /// The severity every finding of this kind has.
    pub severity: Severity,
    /// What the finding means, in one line.
    pub summary: &'static str,
}

impl FindingCode {
    /// Declares a finding kind.
    #[must_use]
    pub const fn new(code: &'static str, severity: Severity, summary: &'static str) -> Self {
        Self {
            code,
            severity,
            summary,
        }
    }

    /// A finding of this kind at `path`.
    #[must_use]
    pub fn at(&self, path: JsonPointer, message: impl Into<String>) -> Finding {
        Finding {
            code: self.code.to_owned(),
            severity: self.severity,
            path,
            message: cap_message(message.into()),
            related: Vec::new(),
            related_omitted: 0,
        }
    }
}

/// At most this many related paths are kept on one finding; further ones
/// given to [`Finding::with_related`] are only counted (in
/// [`Finding::related_omitted`]), so a finding's size does not grow with a
/// fan-in (a cycle through every organisation, a thousand duplicates).
pub const RELATED_LIMIT: usize = 16;

/// The longest message a finding keeps, in characters. A longer one (it
/// echoes a long name or lists many entities) keeps its first
/// [`MESSAGE_HEAD`] and last [`MESSAGE_TAIL`] characters around a note of how
/// many were left out.
pub const MESSAGE_LIMIT: usize = 1000;

/// Characters kept from the start of a message longer than [`MESSAGE_LIMIT`].
pub const MESSAGE_HEAD: usize = 700;

/// Characters kept from the end of a message longer than [`MESSAGE_LIMIT`].
pub const MESSAGE_TAIL: usize = 200;

/// `message` cut to [`MESSAGE_LIMIT`] characters as documented there.
///
/// ```
/// use mcn_core::finding::{MESSAGE_LIMIT, cap_message};
/// assert_eq!(cap_message("short".to_owned()), "short");
/// let long = cap_message("x".repeat(5000));
/// assert!(long.chars().count() <= MESSAGE_LIMIT);
/// assert!(long.contains("[4100 characters left out]"));
/// ```
#[must_use]
pub fn cap_message(message: String) -> String {
    let count = message.chars().count();
    if count <= MESSAGE_LIMIT {
        return message;
    }
    let byte_at = |chars: usize| {
        message
            .char_indices()
            .nth(chars)
            .map_or(message.len(), |(i, _)| i)
    };
    let head = message.get(..byte_at(MESSAGE_HEAD)).unwrap_or_default();
    let tail = message
        .get(byte_at(count - MESSAGE_TAIL)..)
        .unwrap_or_default();
    format!(
        "{head} … [{} characters left out] … {tail}",
        count - MESSAGE_HEAD - MESSAGE_TAIL
    )
}

/// One problem or signal found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Stable dotted code, e.g. `governance.meeting.inquorate` (listed in `docs/findings.md`).
    pub code: String,
    /// How serious it is.
    pub severity: Severity,
    /// Where in the document it is.
    pub path: JsonPointer,
    /// What is wrong, naming the entities involved.
    pub message: String,
    /// Other places involved (the other end of a duplicate, the referenced entity).
    /// At most 16 of them ([`RELATED_LIMIT`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<JsonPointer>,
    /// How many further related places were left out of `related` (past the
    /// first 16, [`RELATED_LIMIT`]); 0 and omitted when none were.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub related_omitted: usize,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
const fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Finding {
    /// Adds a related path; past [`RELATED_LIMIT`] paths, only counts it.
    #[must_use]
    pub fn with_related(mut self, path: JsonPointer) -> Self {
        if self.related.len() < RELATED_LIMIT {
            self.related.push(path);
        } else {
            self.related_omitted = self.related_omitted.saturating_add(1);
        }
        self
    }
}

impl fmt::Display for Finding {
    /// Compiler style:
    ///
    /// ```text
    /// error[roles.appointment.overlap]: message
    ///   --> /appointments/3
    ///   = related: /appointments/1
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: {}\n  --> {}",
            self.severity, self.code, self.message, self.path
        )?;
        for related in &self.related {
            write!(f, "\n  = related: {related}")?;
        }
        if self.related_omitted > 0 {
            write!(f, "\n  = related: {} more", self.related_omitted)?;
        }
        Ok(())
    }
}

/// Sorts findings deterministically: by path (numeric-aware), then code, then message.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        a.path
            .cmp(&b.path)
            .then_with(|| a.code.cmp(&b.code))
            .then_with(|| a.message.cmp(&b.message))
    });
}

/// An ordered collection of findings.
///
/// ```
/// use mcn_core::{FindingCode, JsonPointer, Report, Severity};
/// const C: FindingCode = FindingCode::new("x.y.z", Severity::Warning, "example");
/// let mut report = Report::new();
/// report.push(C.at(JsonPointer::root().key("people").index(10), "late"));
/// report.push(C.at(JsonPointer::root().key("people").index(2), "late"));
/// report.sort();
/// assert_eq!(report.findings()[0].path.as_str(), "/people/2");
/// assert!(!report.has_errors());
/// assert_eq!(report.summary(), "0 errors, 2 warnings, 0 infos");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The findings, sorted by path then code once [`Report::sort`] has run.
    pub findings: Vec<Finding>,
}

impl Report {
    /// An empty report.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            findings: Vec::new(),
        }
    }

    /// Adds a finding.
    pub fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// All findings, in order.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Sorts deterministically: see [`sort_findings`].
    pub fn sort(&mut self) {
        sort_findings(&mut self.findings);
    }

    /// Findings of one severity.
    pub fn with_severity(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }

    /// Error findings.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.with_severity(Severity::Error)
    }

    /// Warning findings.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.with_severity(Severity::Warning)
    }

    /// Info findings.
    pub fn infos(&self) -> impl Iterator<Item = &Finding> {
        self.with_severity(Severity::Info)
    }

    /// Number of findings of one severity.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.with_severity(severity).count()
    }

    /// Whether any finding is an error.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// Findings with the given code.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Finding> {
        self.findings.iter().filter(move |f| f.code == code)
    }

    /// `N errors, N warnings, N infos`.
    #[must_use]
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}, {}, {}",
            plural(self.count(Severity::Error), "error"),
            plural(self.count(Severity::Warning), "warning"),
            plural(self.count(Severity::Info), "info"),
        )
    }
}

impl Extend<Finding> for Report {
    fn extend<I: IntoIterator<Item = Finding>>(&mut self, iter: I) {
        self.findings.extend(iter);
    }
}

impl FromIterator<Finding> for Report {
    fn from_iter<I: IntoIterator<Item = Finding>>(iter: I) -> Self {
        Self {
            findings: iter.into_iter().collect(),
        }
    }
}

impl fmt::Display for Report {
    /// Every finding in compiler style, a blank line between, then the summary.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in &self.findings {
            writeln!(f, "{finding}\n")?;
        }
        write!(f, "{}", self.summary())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const E: FindingCode = FindingCode::new("a.b.error", Severity::Error, "an error");
    const W: FindingCode = FindingCode::new("a.b.warning", Severity::Warning, "a warning");

    fn p(i: usize) -> JsonPointer {
        JsonPointer::root().key("x").index(i)
    }

    #[test]
    fn counts_and_filters() {
        let report: Report = [E.at(p(0), "e"), W.at(p(1), "w"), W.at(p(2), "w")]
            .into_iter()
            .collect();
        assert_eq!(report.count(Severity::Error), 1);
        assert_eq!(report.warnings().count(), 2);
        assert_eq!(report.infos().count(), 0);
        assert!(report.has_errors());
        assert_eq!(report.with_code("a.b.warning").count(), 2);
        assert_eq!(report.summary(), "1 error, 2 warnings, 0 infos");
    }

    #[test]
    fn sorts_by_path_then_code() {
        let mut report: Report = [W.at(p(10), "w"), W.at(p(2), "w"), E.at(p(2), "e")]
            .into_iter()
            .collect();
        report.sort();
        let got: Vec<_> = report
            .findings()
            .iter()
            .map(|f| (f.path.as_str().to_owned(), f.code.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("/x/2".into(), "a.b.error".into()),
                ("/x/2".into(), "a.b.warning".into()),
                ("/x/10".into(), "a.b.warning".into())
            ]
        );
    }

    #[test]
    fn display_is_compiler_style() {
        let finding = E.at(p(3), "two things clash").with_related(p(1));
        assert_eq!(
            finding.to_string(),
            "error[a.b.error]: two things clash\n  --> /x/3\n  = related: /x/1"
        );
        let report: Report = std::iter::once(finding).collect();
        assert!(
            report
                .to_string()
                .ends_with("\n\n1 error, 0 warnings, 0 infos")
        );
    }

    #[test]
    fn related_paths_are_capped_and_counted() {
        let finding = (0..1000).fold(E.at(p(0), "cycle"), |f, i| f.with_related(p(i)));
        assert_eq!(finding.related.len(), RELATED_LIMIT);
        assert_eq!(finding.related_omitted, 1000 - RELATED_LIMIT);
        assert_eq!(finding.related[RELATED_LIMIT - 1], p(RELATED_LIMIT - 1));
        assert!(finding.to_string().ends_with("= related: 984 more"));
        let json = serde_json::to_value(&finding).unwrap();
        assert_eq!(json["related_omitted"], 984);
        assert_eq!(serde_json::from_value::<Finding>(json).unwrap(), finding);
        let few = E.at(p(0), "x").with_related(p(1));
        let json = serde_json::to_value(&few).unwrap();
        assert!(json.get("related_omitted").is_none());
    }

    #[test]
    fn long_messages_are_cut_in_the_middle() {
        let message = format!("{}{}{}", "a".repeat(800), "é".repeat(5000), "z".repeat(300));
        let finding = W.at(p(0), message);
        let chars = finding.message.chars().count();
        assert!(chars <= MESSAGE_LIMIT, "{chars}");
        assert!(finding.message.starts_with(&"a".repeat(700)));
        assert!(finding.message.ends_with(&"z".repeat(200)));
        assert!(finding.message.contains("[5200 characters left out]"));
        let exact = "b".repeat(MESSAGE_LIMIT);
        assert_eq!(W.at(p(0), exact.clone()).message, exact);
    }

    #[test]
    fn serde_round_trip_and_spelling() {
        let report: Report = [W.at(p(1), "w").with_related(p(0))].into_iter().collect();
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["findings"][0]["severity"], "warning");
        assert_eq!(json["findings"][0]["path"], "/x/1");
        assert_eq!(serde_json::from_value::<Report>(json).unwrap(), report);
    }
}
