//! Dated status histories (membership, adoption, work-plan and standard
//! lifecycles), with one check for order and legal transitions.

use std::{borrow::Cow, fmt};

use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Finding, FindingCode, JsonPointer, Note};

/// The rules of a status lifecycle.
pub trait Lifecycle {
    /// Whether a history may begin in this status.
    fn can_start_as(&self) -> bool;

    /// Whether this status may directly follow `previous`.
    fn can_follow(&self, previous: &Self) -> bool;
}

/// A change of status on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
// A stable schema name per status type (`MembershipStatusChange`), not a counter.
#[schemars(rename = "{S}Change")]
pub struct StatusChange<S> {
    /// The status entered.
    pub status: S,
    /// The day it took effect.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub on: NaiveDate,
    /// Why, or anything else worth recording (e.g. the reason a standard does
    /// not apply).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

impl<S> StatusChange<S> {
    /// A change with no note.
    pub const fn new(status: S, on: NaiveDate) -> Self {
        Self {
            status,
            on,
            note: None,
        }
    }
}

/// A history was given with no entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("status history is empty: give at least the first status and its date")]
pub struct EmptyHistory;

/// What is wrong with a history, by entry index.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HistoryProblem<'a, S> {
    /// The history begins in a status it may not begin in.
    IllegalStart {
        /// The first status.
        status: &'a S,
    },
    /// An entry is dated before the one before it.
    OutOfOrder {
        /// Index of the offending entry.
        index: usize,
        /// Its date.
        on: NaiveDate,
        /// The previous entry's (later) date.
        previous_on: NaiveDate,
    },
    /// An entry's status may not follow the previous one.
    IllegalTransition {
        /// Index of the offending entry.
        index: usize,
        /// The previous status.
        from: &'a S,
        /// The status entered.
        to: &'a S,
    },
}

impl<S> HistoryProblem<'_, S> {
    /// Index of the entry the problem is about.
    #[must_use]
    pub const fn index(&self) -> usize {
        match self {
            Self::IllegalStart { .. } => 0,
            Self::OutOfOrder { index, .. } | Self::IllegalTransition { index, .. } => *index,
        }
    }
}

/// A non-empty list of dated status changes, oldest first.
///
/// Order and legality are *rules* (checked by [`History::problems`] and reported
/// as findings), not parse errors, so a user sees every problem at once.
///
/// ```
/// use chrono::NaiveDate;
/// use mcn_core::history::{History, Lifecycle, StatusChange};
///
/// #[derive(Debug, Clone, Copy, PartialEq)]
/// enum S { Open, Closed }
/// impl Lifecycle for S {
///     fn can_start_as(&self) -> bool { *self == S::Open }
///     fn can_follow(&self, previous: &Self) -> bool { *previous == S::Open && *self == S::Closed }
/// }
/// let d = |m| NaiveDate::from_ymd_opt(2025, m, 1).unwrap();
/// let h = History::new(vec![StatusChange::new(S::Open, d(1)), StatusChange::new(S::Closed, d(6))])?;
/// assert_eq!(h.status_as_of(d(3)), Some(&S::Open));
/// assert_eq!(h.status_as_of(d(6)), Some(&S::Closed));
/// assert_eq!(h.status_as_of(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()), None);
/// assert!(h.problems().is_empty());
/// # Ok::<(), mcn_core::history::EmptyHistory>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History<S>(Vec<StatusChange<S>>);

impl<S> History<S> {
    /// A history from its changes; there must be at least one.
    pub fn new(changes: Vec<StatusChange<S>>) -> Result<Self, EmptyHistory> {
        if changes.is_empty() {
            Err(EmptyHistory)
        } else {
            Ok(Self(changes))
        }
    }

    /// A history of one status.
    pub fn starting(status: S, on: NaiveDate) -> Self {
        Self(vec![StatusChange::new(status, on)])
    }

    /// Appends a change (not checked: see [`History::problems`]).
    pub fn push(&mut self, change: StatusChange<S>) {
        self.0.push(change);
    }

    /// The changes, in the order given.
    #[must_use]
    pub fn changes(&self) -> &[StatusChange<S>] {
        &self.0
    }

    /// The first change.
    #[must_use]
    pub fn first(&self) -> Option<&StatusChange<S>> {
        self.0.first()
    }

    /// The change in force on `as_of`: the latest-dated change on or before it
    /// (of equal dates, the one given last); `None` before the history begins.
    #[must_use]
    pub fn change_as_of(&self, as_of: NaiveDate) -> Option<&StatusChange<S>> {
        self.0
            .iter()
            .enumerate()
            .filter(|(_, change)| change.on <= as_of)
            .max_by_key(|(index, change)| (change.on, *index))
            .map(|(_, change)| change)
    }

    /// The status in force on `as_of`.
    #[must_use]
    pub fn status_as_of(&self, as_of: NaiveDate) -> Option<&S> {
        self.change_as_of(as_of).map(|change| &change.status)
    }

    /// The latest status, whatever the date.
    #[must_use]
    pub fn latest(&self) -> Option<&StatusChange<S>> {
        self.0
            .iter()
            .enumerate()
            .max_by_key(|(index, change)| (change.on, *index))
            .map(|(_, c)| c)
    }

    /// Whether the history ever entered a status satisfying `pred` on or before `as_of`.
    pub fn ever(&self, as_of: NaiveDate, mut pred: impl FnMut(&S) -> bool) -> bool {
        self.0
            .iter()
            .any(|change| change.on <= as_of && pred(&change.status))
    }
}

impl<S: Lifecycle> History<S> {
    /// Every order or transition problem, in entry order.
    #[must_use]
    pub fn problems(&self) -> Vec<HistoryProblem<'_, S>> {
        let mut problems = Vec::new();
        if let Some(first) = self.0.first()
            && !first.status.can_start_as()
        {
            problems.push(HistoryProblem::IllegalStart {
                status: &first.status,
            });
        }
        for (index, pair) in self.0.windows(2).enumerate() {
            let [previous, current] = pair else { continue };
            let index = index + 1;
            if current.on < previous.on {
                problems.push(HistoryProblem::OutOfOrder {
                    index,
                    on: current.on,
                    previous_on: previous.on,
                });
            }
            if !current.status.can_follow(&previous.status) {
                problems.push(HistoryProblem::IllegalTransition {
                    index,
                    from: &previous.status,
                    to: &current.status,
                });
            }
        }
        problems
    }
}

/// The finding codes one kind of history reports its [`HistoryProblem`]s with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryCodes {
    /// The history begins in a status it may not begin in.
    pub illegal_start: FindingCode,
    /// A change is dated before the one listed before it.
    pub out_of_order: FindingCode,
    /// A change's status may not follow the previous one.
    pub illegal_transition: FindingCode,
}

/// Where in a history a finding from [`history_findings`] points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EntryAnchor {
    /// At the offending change: `/memberships/3/status/2`.
    Entry,
    /// At the offending field of the change: its `status` for an illegal
    /// start or transition, its `on` for an order problem:
    /// `/objectives/3/stages/2/on`.
    Field,
}

/// Every problem of `history` (see [`History::problems`]) as a finding.
///
/// `path` is the history's JSON Pointer (`/memberships/3/status`); each finding
/// is at the offending change (or its field, by `anchor`), and an order or
/// transition problem has the previous change (or its same field) as related
/// path. Messages begin with `subject` (`membership of "Name" (id)`) and spell
/// statuses with their `Display` (the document spelling for a
/// [`vocabulary!`](crate::vocabulary) enum).
///
/// ```
/// use mcn_core::{FindingCode, History, JsonPointer, Lifecycle, Severity, StatusChange, NaiveDate};
/// use mcn_core::history::{EntryAnchor, HistoryCodes, history_findings};
///
/// #[derive(Debug, Clone, Copy, PartialEq)]
/// enum S { Open, Closed }
/// impl Lifecycle for S {
///     fn can_start_as(&self) -> bool { *self == S::Open }
///     fn can_follow(&self, previous: &Self) -> bool { *previous == S::Open && *self == S::Closed }
/// }
/// impl std::fmt::Display for S {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str(if *self == S::Open { "open" } else { "closed" })
///     }
/// }
/// const CODES: HistoryCodes = HistoryCodes {
///     illegal_start: FindingCode::new("x.case.illegal_start", Severity::Error, "bad start"),
///     out_of_order: FindingCode::new("x.case.out_of_order", Severity::Error, "out of order"),
///     illegal_transition: FindingCode::new("x.case.illegal_transition", Severity::Error, "bad move"),
/// };
/// let d = |m| NaiveDate::from_ymd_opt(2025, m, 1).unwrap();
/// let history = History::new(vec![StatusChange::new(S::Closed, d(3)), StatusChange::new(S::Open, d(1))])?;
/// let path = JsonPointer::root().key("cases").index(0).key("status");
/// let findings = history_findings(&history, &path, &CODES, EntryAnchor::Entry, "case 7");
/// let got: Vec<_> = findings.iter().map(|f| (f.code.as_str(), f.path.as_str())).collect();
/// assert_eq!(got, [
///     ("x.case.illegal_start", "/cases/0/status/0"),
///     ("x.case.out_of_order", "/cases/0/status/1"),
///     ("x.case.illegal_transition", "/cases/0/status/1"),
/// ]);
/// assert_eq!(findings[0].message, "case 7 begins as closed on 2025-03-01, which its lifecycle does not allow");
/// # Ok::<(), mcn_core::history::EmptyHistory>(())
/// ```
pub fn history_findings<S: Lifecycle + fmt::Display>(
    history: &History<S>,
    path: &JsonPointer,
    codes: &HistoryCodes,
    anchor: EntryAnchor,
    subject: &str,
) -> Vec<Finding> {
    let at = |index: usize, field: &str| {
        let entry = path.clone().index(index);
        match anchor {
            EntryAnchor::Entry => entry,
            EntryAnchor::Field => entry.key(field),
        }
    };
    let date = |index: usize| {
        history
            .changes()
            .get(index)
            .map(|change| change.on.to_string())
            .unwrap_or_default()
    };
    history
        .problems()
        .into_iter()
        .map(|problem| match problem {
            HistoryProblem::IllegalStart { status } => codes.illegal_start.at(
                at(0, "status"),
                format!(
                    "{subject} begins as {status} on {}, which its lifecycle does not allow",
                    date(0)
                ),
            ),
            HistoryProblem::OutOfOrder {
                index,
                on,
                previous_on,
            } => codes
                .out_of_order
                .at(
                    at(index, "on"),
                    format!(
                        "{subject}: change {index} is dated {on}, before the change listed before it ({previous_on})"
                    ),
                )
                .with_related(at(index.saturating_sub(1), "on")),
            HistoryProblem::IllegalTransition { index, from, to } => codes
                .illegal_transition
                .at(
                    at(index, "status"),
                    format!(
                        "{subject} goes from {from} to {to} on {}, which its lifecycle does not allow",
                        date(index)
                    ),
                )
                .with_related(at(index.saturating_sub(1), "status")),
        })
        .collect()
}

impl<S: Serialize> Serialize for History<S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, S: Deserialize<'de>> Deserialize<'de> for History<S> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let changes = Vec::<StatusChange<S>>::deserialize(deserializer)?;
        Self::new(changes).map_err(serde::de::Error::custom)
    }
}

impl<S: JsonSchema> JsonSchema for History<S> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("{}History", S::schema_name()))
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = generator.subschema_for::<Vec<StatusChange<S>>>();
        schema.insert("minItems".to_owned(), 1.into());
        schema.insert(
            "description".to_owned(),
            "Dated status changes, oldest first; at least one.".into(),
        );
        schema
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
    #[serde(rename_all = "snake_case")]
    enum Status {
        Invited,
        Active,
        Withdrawn,
    }

    impl Lifecycle for Status {
        fn can_start_as(&self) -> bool {
            *self == Self::Invited
        }

        fn can_follow(&self, previous: &Self) -> bool {
            matches!(
                (previous, self),
                (Self::Invited, Self::Active)
                    | (Self::Active, Self::Withdrawn)
                    | (Self::Withdrawn, Self::Invited)
            )
        }
    }

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }

    fn history(changes: &[(Status, NaiveDate)]) -> History<Status> {
        History::new(
            changes
                .iter()
                .map(|&(s, on)| StatusChange::new(s, on))
                .collect(),
        )
        .unwrap()
    }

    #[test]
    fn empty_is_rejected_including_through_serde() {
        assert_eq!(History::<Status>::new(vec![]), Err(EmptyHistory));
        let err = serde_json::from_str::<History<Status>>("[]").unwrap_err();
        assert!(err.to_string().contains("status history is empty"), "{err}");
    }

    #[test]
    fn as_of_takes_the_latest_on_or_before_and_last_of_equal_dates() {
        let h = history(&[
            (Status::Invited, d(1, 1)),
            (Status::Active, d(2, 1)),
            (Status::Withdrawn, d(2, 1)),
        ]);
        assert_eq!(h.status_as_of(d(1, 31)), Some(&Status::Invited));
        assert_eq!(h.status_as_of(d(2, 1)), Some(&Status::Withdrawn));
        assert_eq!(h.status_as_of(d(12, 1)), Some(&Status::Withdrawn));
        assert!(h.ever(d(12, 1), |s| *s == Status::Active));
        assert!(!h.ever(d(1, 15), |s| *s == Status::Active));
    }

    #[test]
    fn problems_found() {
        let clean = history(&[(Status::Invited, d(1, 1)), (Status::Active, d(2, 1))]);
        assert!(clean.problems().is_empty());

        let bad = history(&[
            (Status::Active, d(3, 1)),
            (Status::Withdrawn, d(2, 1)),
            (Status::Active, d(4, 1)),
        ]);
        let problems = bad.problems();
        assert_eq!(
            problems,
            vec![
                HistoryProblem::IllegalStart {
                    status: &Status::Active
                },
                HistoryProblem::OutOfOrder {
                    index: 1,
                    on: d(2, 1),
                    previous_on: d(3, 1)
                },
                HistoryProblem::IllegalTransition {
                    index: 2,
                    from: &Status::Withdrawn,
                    to: &Status::Active
                },
            ]
        );
        assert_eq!(problems[2].index(), 2);
    }

    impl fmt::Display for Status {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(match self {
                Self::Invited => "invited",
                Self::Active => "active",
                Self::Withdrawn => "withdrawn",
            })
        }
    }

    const CODES: HistoryCodes = HistoryCodes {
        illegal_start: FindingCode::new("t.h.illegal_start", crate::Severity::Error, "start"),
        out_of_order: FindingCode::new("t.h.out_of_order", crate::Severity::Error, "order"),
        illegal_transition: FindingCode::new(
            "t.h.illegal_transition",
            crate::Severity::Warning,
            "transition",
        ),
    };

    #[test]
    fn findings_point_at_entries_or_fields_with_the_previous_change_related() {
        let bad = history(&[
            (Status::Active, d(3, 1)),
            (Status::Withdrawn, d(2, 1)),
            (Status::Active, d(4, 1)),
        ]);
        let path = JsonPointer::root().key("m").index(2).key("status");
        let summary = |anchor| {
            history_findings(&bad, &path, &CODES, anchor, "membership 9")
                .into_iter()
                .map(|f| {
                    let related: Vec<String> =
                        f.related.iter().map(|p| p.as_str().to_owned()).collect();
                    (f.code, f.path.as_str().to_owned(), related)
                })
                .collect::<Vec<_>>()
        };
        let s = |text: &str| text.to_owned();
        assert_eq!(
            summary(EntryAnchor::Entry),
            [
                (s("t.h.illegal_start"), s("/m/2/status/0"), vec![]),
                (
                    s("t.h.out_of_order"),
                    s("/m/2/status/1"),
                    vec![s("/m/2/status/0")]
                ),
                (
                    s("t.h.illegal_transition"),
                    s("/m/2/status/2"),
                    vec![s("/m/2/status/1")]
                ),
            ]
        );
        assert_eq!(
            summary(EntryAnchor::Field),
            [
                (s("t.h.illegal_start"), s("/m/2/status/0/status"), vec![]),
                (
                    s("t.h.out_of_order"),
                    s("/m/2/status/1/on"),
                    vec![s("/m/2/status/0/on")]
                ),
                (
                    s("t.h.illegal_transition"),
                    s("/m/2/status/2/status"),
                    vec![s("/m/2/status/1/status")]
                ),
            ]
        );
        let findings = history_findings(&bad, &path, &CODES, EntryAnchor::Entry, "membership 9");
        assert_eq!(findings[2].severity, crate::Severity::Warning);
        assert_eq!(
            findings[1].message,
            "membership 9: change 1 is dated 2025-02-01, before the change listed before it (2025-03-01)"
        );
        assert_eq!(
            findings[2].message,
            "membership 9 goes from withdrawn to active on 2025-04-01, which its lifecycle does not allow"
        );
        let clean = history(&[(Status::Invited, d(1, 1)), (Status::Active, d(2, 1))]);
        assert!(history_findings(&clean, &path, &CODES, EntryAnchor::Field, "x").is_empty());
    }

    #[test]
    fn serde_is_a_plain_array_with_min_items_in_schema() {
        let h = history(&[(Status::Invited, d(1, 1))]);
        assert_eq!(
            serde_json::to_string(&h).unwrap(),
            r#"[{"status":"invited","on":"2025-01-01"}]"#
        );
        let schema = schemars::schema_for!(History<Status>);
        assert_eq!(
            schema.get("minItems").and_then(serde_json::Value::as_u64),
            Some(1)
        );
    }
}
