//! Every finding code this crate's rules emit (mirrored in `docs/findings.md`).

use mcn_core::{FindingCode, Severity};

/// Two active standards (neither superseded nor retired) share a code.
pub const STANDARD_DUPLICATE_CODE: FindingCode = FindingCode::new(
    "standards.standard.duplicate_code",
    Severity::Error,
    "two active standards share a code",
);

/// A standard's status history does not begin as a draft.
pub const STANDARD_ILLEGAL_START: FindingCode = FindingCode::new(
    "standards.standard.illegal_start",
    Severity::Error,
    "a standard's status history does not begin as draft",
);

/// A standard's status change is dated before the one before it.
pub const STANDARD_OUT_OF_ORDER: FindingCode = FindingCode::new(
    "standards.standard.out_of_order",
    Severity::Error,
    "a standard's status change is dated before the previous one",
);

/// A standard's status change is not allowed after the previous status.
pub const STANDARD_ILLEGAL_TRANSITION: FindingCode = FindingCode::new(
    "standards.standard.illegal_transition",
    Severity::Error,
    "a standard's status change is not allowed after the previous status",
);

/// Standards supersede one another in a cycle.
pub const STANDARD_SUPERSEDES_CYCLE: FindingCode = FindingCode::new(
    "standards.standard.supersedes_cycle",
    Severity::Error,
    "standards supersede one another in a cycle",
);

/// A standard in force as endorsed names no endorsing decision.
pub const STANDARD_ENDORSED_WITHOUT_DECISION: FindingCode = FindingCode::new(
    "standards.standard.endorsed_without_decision",
    Severity::Warning,
    "an endorsed standard names no endorsing governance decision",
);

/// An endorsed standard's review date has passed.
pub const STANDARD_REVIEW_OVERDUE: FindingCode = FindingCode::new(
    "standards.standard.review_overdue",
    Severity::Warning,
    "an endorsed standard's review date has passed",
);

/// Two measures share an id.
pub const MEASURE_DUPLICATE_ID: FindingCode = FindingCode::new(
    "standards.measure.duplicate_id",
    Severity::Error,
    "two measures share an id",
);

/// Two adoption records cover the same organisation and standard.
pub const ADOPTION_DUPLICATE: FindingCode = FindingCode::new(
    "standards.adoption.duplicate",
    Severity::Error,
    "two adoption records cover the same organisation and standard",
);

/// An adoption status change is dated before the one before it.
pub const ADOPTION_OUT_OF_ORDER: FindingCode = FindingCode::new(
    "standards.adoption.out_of_order",
    Severity::Error,
    "an adoption status change is dated before the previous one",
);

/// An adoption status change is not allowed after the previous status.
pub const ADOPTION_ILLEGAL_TRANSITION: FindingCode = FindingCode::new(
    "standards.adoption.illegal_transition",
    Severity::Error,
    "an adoption status change is not allowed after the previous status",
);

/// A change to `not_applicable` gives no reason.
pub const ADOPTION_NOT_APPLICABLE_WITHOUT_REASON: FindingCode = FindingCode::new(
    "standards.adoption.not_applicable_without_reason",
    Severity::Warning,
    "an adoption marked not applicable gives no reason in its note",
);

/// An audit result's numerator exceeds its (non-zero) denominator.
pub const AUDIT_NUMERATOR_EXCEEDS_DENOMINATOR: FindingCode = FindingCode::new(
    "standards.audit.numerator_exceeds_denominator",
    Severity::Error,
    "an audit result's numerator exceeds its denominator",
);

/// An audit result has a zero denominator and a non-zero numerator.
pub const AUDIT_ZERO_DENOMINATOR: FindingCode = FindingCode::new(
    "standards.audit.zero_denominator",
    Severity::Error,
    "an audit result has a zero denominator but a non-zero numerator",
);

/// An audit result's reporting period has no end.
pub const AUDIT_OPEN_PERIOD: FindingCode = FindingCode::new(
    "standards.audit.open_period",
    Severity::Error,
    "an audit result's reporting period has no end",
);

/// Two audit results count the same measure, organisation, period and category.
pub const AUDIT_DUPLICATE: FindingCode = FindingCode::new(
    "standards.audit.duplicate",
    Severity::Error,
    "two audit results count the same measure, organisation, period and category",
);

/// An audit result is for a measure of a standard retired before the period began.
pub const AUDIT_RETIRED_STANDARD: FindingCode = FindingCode::new(
    "standards.audit.retired_standard",
    Severity::Warning,
    "an audit result is for a measure of a standard retired before its reporting period",
);

/// Every code above.
pub const ALL: &[FindingCode] = &[
    STANDARD_DUPLICATE_CODE,
    STANDARD_ILLEGAL_START,
    STANDARD_OUT_OF_ORDER,
    STANDARD_ILLEGAL_TRANSITION,
    STANDARD_SUPERSEDES_CYCLE,
    STANDARD_ENDORSED_WITHOUT_DECISION,
    STANDARD_REVIEW_OVERDUE,
    MEASURE_DUPLICATE_ID,
    ADOPTION_DUPLICATE,
    ADOPTION_OUT_OF_ORDER,
    ADOPTION_ILLEGAL_TRANSITION,
    ADOPTION_NOT_APPLICABLE_WITHOUT_REASON,
    AUDIT_NUMERATOR_EXCEEDS_DENOMINATOR,
    AUDIT_ZERO_DENOMINATOR,
    AUDIT_OPEN_PERIOD,
    AUDIT_DUPLICATE,
    AUDIT_RETIRED_STANDARD,
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn codes_are_unique_and_prefixed() {
        let mut seen = HashSet::new();
        for code in ALL {
            assert!(code.code.starts_with("standards."), "{}", code.code);
            assert_eq!(code.code.split('.').count(), 3, "{}", code.code);
            assert!(seen.insert(code.code), "duplicate {}", code.code);
        }
    }
}
