//! The work plan: objectives with a theme, an owner, a due date, a dated
//! lifecycle and a RAG rating.

use mcn_core::{
    History, Lifecycle, NaiveDate, Note, Rag, Text,
    id::{ObjectiveId, PersonId},
    vocabulary,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A work-plan objective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// The objective's id.
    pub id: ObjectiveId,
    /// What is to be achieved.
    pub title: Text,
    /// The work-plan theme it serves.
    pub theme: Theme,
    /// Who leads it.
    pub owner: PersonId,
    /// When it is due to be completed.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub due: NaiveDate,
    /// Its dated stages, oldest first (see [`ObjectiveStage`] for the lifecycle).
    pub stages: History<ObjectiveStage>,
    /// The latest red / amber / green rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rag: Option<Rag>,
    /// What was achieved (the evaluation's "early achievements").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Note>,
}

impl Objective {
    /// The stage in force on `as_of` (`None` before the first stage).
    #[must_use]
    pub fn stage_as_of(&self, as_of: NaiveDate) -> Option<ObjectiveStage> {
        self.stages.status_as_of(as_of).copied()
    }

    /// Whether it was due before `as_of` and, on `as_of`, is neither finished
    /// (completed or evaluated) nor closed (cancelled). An objective with no
    /// stage yet on `as_of` counts as not finished.
    #[must_use]
    pub fn is_past_due(&self, as_of: NaiveDate) -> bool {
        self.due < as_of
            && !self
                .stage_as_of(as_of)
                .is_some_and(ObjectiveStage::is_closed)
    }
}

vocabulary! {
    /// The theme of an objective, after the evaluation's enablers and barriers.
    Theme {
        /// Governance structure and processes.
        Governance => "governance",
        /// Leadership.
        Leadership => "leadership",
        /// Education and training.
        Training => "training",
        /// Standards and guidelines (standardised practice).
        Standards => "standards",
        /// Collaboration between organisations.
        Collaboration => "collaboration",
        /// Evaluation of provision.
        Evaluation => "evaluation",
        /// Funding.
        Funding => "funding",
        /// Workforce.
        Workforce => "workforce",
        /// Shared technology.
        Technology => "technology",
        /// Raising awareness of the network.
        Awareness => "awareness",
    }
}

vocabulary! {
    /// A stage in an objective's lifecycle.
    ///
    /// The main path is proposed → agreed → in progress → completed → evaluated.
    /// A history may begin as proposed or agreed (a work plan is often agreed as a
    /// whole). Besides the next step, an objective may be **deferred** (from
    /// proposed, agreed or in progress; it resumes as agreed or in progress) or
    /// **cancelled** (from any stage before completed); cancelled and evaluated
    /// are final.
    ObjectiveStage {
        /// Proposed, not yet agreed.
        Proposed => "proposed",
        /// Agreed in the work plan.
        Agreed => "agreed",
        /// Work under way.
        InProgress => "in_progress",
        /// Done.
        Completed => "completed",
        /// Done and its effect evaluated.
        Evaluated => "evaluated",
        /// Put on hold.
        Deferred => "deferred",
        /// Dropped.
        Cancelled => "cancelled",
    }
}

impl ObjectiveStage {
    /// Whether no more work is expected: completed, evaluated or cancelled.
    #[must_use]
    pub const fn is_closed(self) -> bool {
        matches!(self, Self::Completed | Self::Evaluated | Self::Cancelled)
    }
}

impl Lifecycle for ObjectiveStage {
    fn can_start_as(&self) -> bool {
        matches!(self, Self::Proposed | Self::Agreed)
    }

    fn can_follow(&self, previous: &Self) -> bool {
        use ObjectiveStage::{
            Agreed, Cancelled, Completed, Deferred, Evaluated, InProgress, Proposed,
        };
        matches!(
            (previous, self),
            (Proposed, Agreed | Deferred | Cancelled)
                | (Agreed, InProgress | Deferred | Cancelled)
                | (InProgress, Completed | Deferred | Cancelled)
                | (Completed, Evaluated)
                | (Deferred, Agreed | InProgress | Cancelled)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifecycle_main_path_and_side_exits() {
        use ObjectiveStage::*;
        assert!(Proposed.can_start_as() && Agreed.can_start_as());
        assert!(!InProgress.can_start_as() && !Completed.can_start_as());
        for (from, to) in [
            (Proposed, Agreed),
            (Agreed, InProgress),
            (InProgress, Completed),
            (Completed, Evaluated),
            (InProgress, Deferred),
            (Deferred, InProgress),
            (Agreed, Cancelled),
        ] {
            assert!(to.can_follow(&from), "{from} -> {to}");
        }
        for (from, to) in [
            (Proposed, Completed),
            (Agreed, Completed),
            (Completed, InProgress),
            (Evaluated, Completed),
            (Cancelled, Agreed),
            (Completed, Cancelled),
            (Agreed, Agreed),
        ] {
            assert!(!to.can_follow(&from), "{from} -> {to}");
        }
    }
}
