//! Every finding code this crate emits (listed in `docs/findings.md`).
//!
//! Errors mean the governance records are inconsistent; warnings are
//! governance signals as of a date; infos are context. Inquorate meetings are
//! reported by mcn-network (it owns the seat holders), using
//! [`crate::quorum::assess_meetings`].

use mcn_core::{FindingCode, Severity};

/// Bodies report to each other in a cycle.
pub const BODY_REPORTS_TO_CYCLE: FindingCode = FindingCode::new(
    "governance.body.reports_to_cycle",
    Severity::Error,
    "bodies report to each other in a cycle, so there is no single line of accountability",
);
/// More than one active body reports to no one.
pub const BODY_MULTIPLE_ROOTS: FindingCode = FindingCode::new(
    "governance.body.multiple_roots",
    Severity::Error,
    "more than one active body reports to no one; the body tree must have one root",
);
/// The root of the body tree is neither a board nor a steering group.
pub const BODY_UNEXPECTED_ROOT_KIND: FindingCode = FindingCode::new(
    "governance.body.unexpected_root_kind",
    Severity::Warning,
    "an active body reporting to no one is neither the board nor the steering group",
);
/// An active body reports to a body that is not active.
pub const BODY_REPORTS_TO_INACTIVE: FindingCode = FindingCode::new(
    "governance.body.reports_to_inactive",
    Severity::Warning,
    "an active body reports to a body that is not active on the date",
);
/// An active body has no approved terms of reference in force.
pub const BODY_NO_TERMS_OF_REFERENCE: FindingCode = FindingCode::new(
    "governance.body.no_terms_of_reference",
    Severity::Warning,
    "an active body has no approved terms of reference in force",
);
/// A body lists the same terms-of-reference version twice.
pub const TERMS_DUPLICATE_VERSION: FindingCode = FindingCode::new(
    "governance.terms_of_reference.duplicate_version",
    Severity::Error,
    "a body lists the same terms of reference version more than once",
);
/// Terms of reference are due for review before they were approved.
pub const TERMS_REVIEW_BEFORE_APPROVAL: FindingCode = FindingCode::new(
    "governance.terms_of_reference.review_before_approval",
    Severity::Error,
    "terms of reference have a review date before their approval date",
);
/// The terms of reference in force are past their review date.
pub const TERMS_REVIEW_OVERDUE: FindingCode = FindingCode::new(
    "governance.terms_of_reference.review_overdue",
    Severity::Warning,
    "an active body's terms of reference in force are past their review date",
);
/// A meeting (not cancelled) is dated outside its body's active period.
pub const MEETING_INACTIVE_BODY: FindingCode = FindingCode::new(
    "governance.meeting.inactive_body",
    Severity::Error,
    "a meeting is dated when its body did not exist",
);
/// A meeting's attendance lists a person more than once.
pub const MEETING_DUPLICATE_ATTENDEE: FindingCode = FindingCode::new(
    "governance.meeting.duplicate_attendee",
    Severity::Error,
    "a meeting's attendance lists a person more than once",
);
/// Minutes were approved at the meeting itself or at an earlier one.
pub const MEETING_MINUTES_APPROVED_BEFORE_HELD: FindingCode = FindingCode::new(
    "governance.meeting.minutes_approved_before_held",
    Severity::Error,
    "minutes were approved at the meeting itself or at a meeting dated before it",
);
/// A meeting dated before the assessment date is still only scheduled.
pub const MEETING_NOT_RECORDED: FindingCode = FindingCode::new(
    "governance.meeting.not_recorded",
    Severity::Info,
    "a meeting dated in the past is still scheduled: record it as held or cancelled",
);
/// A decision's outcome disagrees with its vote counts.
pub const DECISION_OUTCOME_INCONSISTENT_WITH_VOTES: FindingCode = FindingCode::new(
    "governance.decision.outcome_inconsistent_with_votes",
    Severity::Error,
    "a decision's outcome disagrees with its vote counts",
);
/// A decision's subject is of the wrong kind for the decision.
pub const DECISION_SUBJECT_MISMATCH: FindingCode = FindingCode::new(
    "governance.decision.subject_mismatch",
    Severity::Error,
    "a decision's subject is of the wrong kind for the decision (e.g. a standard endorsed with a funding stream as subject)",
);
/// An action was completed before the meeting that raised it.
pub const ACTION_COMPLETED_BEFORE_RAISED: FindingCode = FindingCode::new(
    "governance.action.completed_before_raised",
    Severity::Error,
    "an action was completed before the meeting that raised it",
);
/// An action's status disagrees with its completion date.
pub const ACTION_STATUS_INCONSISTENT: FindingCode = FindingCode::new(
    "governance.action.status_inconsistent",
    Severity::Error,
    "an action is done without a completion date, or open with one",
);
/// An open action is past its due date.
pub const ACTION_OVERDUE: FindingCode = FindingCode::new(
    "governance.action.overdue",
    Severity::Warning,
    "an open action is past its due date",
);
/// An objective's history begins in a stage it may not begin in.
pub const OBJECTIVE_ILLEGAL_START: FindingCode = FindingCode::new(
    "governance.objective.illegal_start",
    Severity::Error,
    "an objective's history begins neither as proposed nor as agreed",
);
/// An objective's stages are not in date order.
pub const OBJECTIVE_OUT_OF_ORDER: FindingCode = FindingCode::new(
    "governance.objective.out_of_order",
    Severity::Error,
    "an objective's stages are not in date order",
);
/// An objective moves between stages that may not follow each other.
pub const OBJECTIVE_ILLEGAL_TRANSITION: FindingCode = FindingCode::new(
    "governance.objective.illegal_transition",
    Severity::Error,
    "an objective moves to a stage that may not follow the previous one",
);
/// An objective is past its due date and not completed.
pub const OBJECTIVE_PAST_DUE: FindingCode = FindingCode::new(
    "governance.objective.past_due",
    Severity::Warning,
    "an objective is past its due date and neither completed nor cancelled",
);
/// A live risk is past its review date.
pub const RISK_REVIEW_OVERDUE: FindingCode = FindingCode::new(
    "governance.risk.review_overdue",
    Severity::Warning,
    "a live risk is past its review date",
);
/// A live risk scores 15 or more.
pub const RISK_HIGH_SCORE: FindingCode = FindingCode::new(
    "governance.risk.high_score",
    Severity::Info,
    "a live risk scores 15 or more (likelihood × impact)",
);
/// A funding stream ends within 90 days.
pub const FUNDING_STREAM_ENDING_SOON: FindingCode = FindingCode::new(
    "governance.funding_stream.ending_soon",
    Severity::Warning,
    "a funding stream ends within 90 days",
);

/// Every code above, in order.
pub const ALL: &[FindingCode] = &[
    BODY_REPORTS_TO_CYCLE,
    BODY_MULTIPLE_ROOTS,
    BODY_UNEXPECTED_ROOT_KIND,
    BODY_REPORTS_TO_INACTIVE,
    BODY_NO_TERMS_OF_REFERENCE,
    TERMS_DUPLICATE_VERSION,
    TERMS_REVIEW_BEFORE_APPROVAL,
    TERMS_REVIEW_OVERDUE,
    MEETING_INACTIVE_BODY,
    MEETING_DUPLICATE_ATTENDEE,
    MEETING_MINUTES_APPROVED_BEFORE_HELD,
    MEETING_NOT_RECORDED,
    DECISION_OUTCOME_INCONSISTENT_WITH_VOTES,
    DECISION_SUBJECT_MISMATCH,
    ACTION_COMPLETED_BEFORE_RAISED,
    ACTION_STATUS_INCONSISTENT,
    ACTION_OVERDUE,
    OBJECTIVE_ILLEGAL_START,
    OBJECTIVE_OUT_OF_ORDER,
    OBJECTIVE_ILLEGAL_TRANSITION,
    OBJECTIVE_PAST_DUE,
    RISK_REVIEW_OVERDUE,
    RISK_HIGH_SCORE,
    FUNDING_STREAM_ENDING_SOON,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_prefixed() {
        let mut seen = std::collections::HashSet::new();
        for code in ALL {
            assert!(code.code.starts_with("governance."), "{}", code.code);
            assert_eq!(code.code.split('.').count(), 3, "{}", code.code);
            assert!(seen.insert(code.code), "duplicate {}", code.code);
        }
    }
}
