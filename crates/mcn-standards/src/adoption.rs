//! Adoption of a standard by a member organisation.

use mcn_core::{
    History, Lifecycle, NaiveDate, Note,
    id::{AdoptionId, OrganisationId, StandardId},
    vocabulary,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

vocabulary! {
    /// How far an organisation has got with a standard.
    ///
    /// A history may begin in any status (a register often starts when an
    /// organisation is already part-way). Moves:
    ///
    /// | from ↓ to →     | `not_started` | `planned` | `in_progress` | `adopted` | `not_applicable` |
    /// |------------------|:-------------:|:---------:|:-------------:|:---------:|:----------------:|
    /// | `not_started`    |               |     ✓     |       ✓       |     ✓     |        ✓         |
    /// | `planned`        |       ✓       |           |       ✓       |     ✓     |        ✓         |
    /// | `in_progress`    |               |     ✓     |               |     ✓     |        ✓         |
    /// | `adopted`        |               |           |       ✓       |           |        ✓         |
    /// | `not_applicable` |       ✓       |     ✓     |               |           |                  |
    ///
    /// Repeating the current status is not a change. Work that stops goes back to
    /// `planned`; an adopted standard that lapses goes back to `in_progress`; a
    /// standard that becomes applicable again is reassessed from `not_started` or
    /// `planned`. A change to `not_applicable` should give the reason in its note.
    AdoptionStatus {
        /// Nothing done yet.
        NotStarted => "not_started",
        /// Adoption is planned.
        Planned => "planned",
        /// Being implemented.
        InProgress => "in_progress",
        /// Adopted into the organisation's practice.
        Adopted => "adopted",
        /// Does not apply to this organisation (the reason goes in the change's note).
        NotApplicable => "not_applicable",
    }
}

impl Lifecycle for AdoptionStatus {
    fn can_start_as(&self) -> bool {
        true
    }

    fn can_follow(&self, previous: &Self) -> bool {
        use AdoptionStatus::{Adopted, InProgress, NotApplicable, NotStarted, Planned};
        match previous {
            NotStarted => *self != NotStarted,
            Planned => *self != Planned,
            InProgress => matches!(self, Planned | Adopted | NotApplicable),
            Adopted => matches!(self, InProgress | NotApplicable),
            NotApplicable => matches!(self, NotStarted | Planned),
        }
    }
}

/// One organisation's adoption of one standard, over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Adoption {
    /// The record's id.
    pub id: AdoptionId,
    /// The adopting organisation.
    pub organisation: OrganisationId,
    /// The standard adopted.
    pub standard: StandardId,
    /// Dated status changes, oldest first (see [`AdoptionStatus`]).
    pub status: History<AdoptionStatus>,
    /// Anything else worth recording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

impl Adoption {
    /// The status in force on `as_of`; `None` before the history begins.
    #[must_use]
    pub fn status_as_of(&self, as_of: NaiveDate) -> Option<AdoptionStatus> {
        self.status.status_as_of(as_of).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AdoptionStatus::{Adopted, InProgress, NotApplicable, NotStarted, Planned};

    #[test]
    fn lifecycle_table() {
        let forbidden = [
            (InProgress, NotStarted),
            (Adopted, NotStarted),
            (Adopted, Planned),
            (NotApplicable, InProgress),
            (NotApplicable, Adopted),
        ];
        for from in AdoptionStatus::ALL {
            assert!(from.can_start_as());
            for to in AdoptionStatus::ALL {
                let expected = from != to && !forbidden.contains(&(from, to));
                assert_eq!(to.can_follow(&from), expected, "{from} -> {to}");
            }
        }
    }

    #[test]
    fn names() {
        for s in AdoptionStatus::ALL {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
    }
}
