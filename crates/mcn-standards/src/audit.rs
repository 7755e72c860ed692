//! Audit results: counts an organisation reports against a shared measure.

use mcn_core::{
    NaiveDate, Note, Period, Proportion,
    id::{AuditResultId, MeasureId, OrganisationId},
    vocabulary,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

vocabulary! {
    /// The four Together for Short Lives categories of life-limiting conditions,
    /// for measures reported separately per category (aggregate counts only).
    ///
    /// Descriptions are our paraphrase of the Together for Short Lives categories.
    ConditionCategory {
        /// Category 1: a life-threatening condition for which curative treatment
        /// may be possible but can fail.
        CurativeTreatmentMayFail => "curative_treatment_may_fail",
        /// Category 2: a condition in which early death cannot be avoided, though
        /// treatment may prolong life and allow normal activities.
        PrematureDeathInevitable => "premature_death_inevitable",
        /// Category 3: a progressive condition with no curative treatment, where care
        /// is palliative from the start.
        ProgressiveWithoutCure => "progressive_without_cure",
        /// Category 4: an irreversible but non-progressive condition causing severe
        /// disability and a likelihood of complications and early death.
        IrreversibleNonProgressive => "irreversible_non_progressive",
    }
}

impl ConditionCategory {
    /// The category's number, 1 to 4.
    #[must_use]
    pub const fn number(self) -> u8 {
        match self {
            Self::CurativeTreatmentMayFail => 1,
            Self::PrematureDeathInevitable => 2,
            Self::ProgressiveWithoutCure => 3,
            Self::IrreversibleNonProgressive => 4,
        }
    }
}

/// What one organisation counted for one measure over one reporting period.
///
/// Counts only: no child appears in the model except as a number. With a
/// `category`, the counts cover children in that condition category only;
/// without one, they cover everyone in the measure's denominator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditResult {
    /// The result's id.
    pub id: AuditResultId,
    /// The measure counted.
    pub measure: MeasureId,
    /// The organisation that counted.
    pub organisation: OrganisationId,
    /// The reporting period the counts cover; it should have an end.
    pub period: Period,
    /// How many met the measure (at most `denominator`).
    pub numerator: u32,
    /// How many were eligible.
    pub denominator: u32,
    /// The day the result was submitted.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub submitted_on: NaiveDate,
    /// The condition category the counts are restricted to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<ConditionCategory>,
    /// Context for the figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

impl AuditResult {
    /// `numerator / denominator`; `None` when the denominator is zero or the
    /// numerator exceeds it (both reported by the rules).
    #[must_use]
    pub fn compliance(&self) -> Option<Proportion> {
        Proportion::of(u64::from(self.numerator), u64::from(self.denominator))
    }

    /// Whether the counts are usable: the numerator does not exceed the denominator.
    #[must_use]
    pub const fn counts_are_consistent(&self) -> bool {
        self.numerator <= self.denominator
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_numbered_one_to_four() {
        let numbers: Vec<u8> = ConditionCategory::ALL.iter().map(|c| c.number()).collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
        for c in ConditionCategory::ALL {
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.as_str())
            );
        }
    }

    #[test]
    fn negative_counts_do_not_parse() {
        let json = r#"{"id":"00000000-0000-0000-0000-000000000001","measure":"00000000-0000-0000-0000-000000000002","organisation":"00000000-0000-0000-0000-000000000003","period":{"start":"2025-01-01","end":"2025-03-31"},"numerator":-1,"denominator":4,"submitted_on":"2025-04-10"}"#;
        assert!(serde_json::from_str::<AuditResult>(json).is_err());
        let ok = json.replace("-1,", "3,");
        let result: AuditResult = serde_json::from_str(&ok).unwrap();
        assert_eq!(result.compliance(), Proportion::of(3, 4));
        assert!(result.counts_are_consistent());
    }
}
