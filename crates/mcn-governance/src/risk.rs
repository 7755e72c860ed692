//! The risk register: likelihood × impact (1–5 each), score derived, never stored.

use mcn_core::{
    NaiveDate, Note, Text,
    id::{PersonId, RiskId},
    vocabulary,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An entry in the risk register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// The risk's id.
    pub id: RiskId,
    /// What might happen.
    pub title: Text,
    /// What kind of risk it is.
    pub category: RiskCategory,
    /// How likely it is, 1 (rare) to 5 (almost certain).
    pub likelihood: Likelihood,
    /// How bad it would be, 1 (negligible) to 5 (catastrophic).
    pub impact: Impact,
    /// Who manages it.
    pub owner: PersonId,
    /// What is being done about it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mitigations: Vec<Note>,
    /// Open, tolerated or closed.
    pub status: RiskStatus,
    /// The day by which it must be reviewed.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub review_by: NaiveDate,
    /// The day it was entered on the register (since schema 1.1); a report
    /// as of an earlier date does not count it. Absent: known throughout.
    #[schemars(with = "Option<NaiveDate>")]
    #[serde(
        with = "mcn_core::date::strict_option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recorded_on: Option<NaiveDate>,
}

impl Risk {
    /// Whether the risk was on the register on `date`: recorded on or
    /// before it, or with no `recorded_on` (known throughout).
    #[must_use]
    pub fn is_known_on(&self, date: NaiveDate) -> bool {
        self.recorded_on.is_none_or(|recorded| recorded <= date)
    }

    /// Likelihood × impact, 1 to 25.
    #[must_use]
    pub fn score(&self) -> RiskScore {
        RiskScore(self.likelihood.get() * self.impact.get())
    }

    /// Whether it is still live (not closed) and its review date is before `as_of`.
    #[must_use]
    pub fn is_review_overdue(&self, as_of: NaiveDate) -> bool {
        self.status != RiskStatus::Closed && self.review_by < as_of
    }
}

vocabulary! {
    /// The kind of a risk.
    RiskCategory {
        /// Funding for the network or for services.
        Funding => "funding",
        /// Staff shortage or turnover.
        Workforce => "workforce",
        /// Member engagement and competing priorities.
        Engagement => "engagement",
        /// Governance and accountability.
        Governance => "governance",
        /// Technology and information sharing.
        Technology => "technology",
        /// Quality and safety of care.
        Clinical => "clinical",
        /// Reputation.
        Reputation => "reputation",
        /// Any other risk.
        Other => "other",
    }
}

vocabulary! {
    /// Whether a risk is live.
    RiskStatus {
        /// Live and being treated.
        Open => "open",
        /// Live, accepted without further treatment (still reviewed).
        Tolerated => "tolerated",
        /// No longer a risk.
        Closed => "closed",
    }
}

mcn_core::bounded_integer! {
    /// Likelihood of a risk, 1 (rare) to 5 (almost certain).
    pub struct Likelihood(u8), min = 1, max = 5, what = "likelihood"
}

mcn_core::bounded_integer! {
    /// Impact of a risk, 1 (negligible) to 5 (catastrophic).
    ///
    /// How bad a risk would be.
    pub struct Impact(u8), min = 1, max = 5, what = "impact"
}

mcn_core::bounded_integer! {
    /// A risk score, likelihood × impact, 1 to 25.
    ///
    /// Not every number in between is a product, but any is accepted as a threshold.
    pub struct RiskScore(u8), min = 1, max = 25, what = "risk score"
}

impl RiskScore {
    /// The score from which a risk is high on a 5 × 5 matrix (15: e.g. 3 × 5).
    pub const HIGH: Self = Self(15);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_accept_one_to_five() {
        assert!(Likelihood::new(0).is_err());
        assert_eq!(Likelihood::new(1).map(Likelihood::get), Ok(1));
        assert_eq!(Impact::new(5).map(Impact::get), Ok(5));
        assert!(Impact::new(6).is_err());
        let err = serde_json::from_str::<Impact>("6").unwrap_err();
        assert!(
            err.to_string().contains("impact 6 is out of range"),
            "{err}"
        );
        assert!(serde_json::from_str::<Likelihood>("0").is_err());
        assert!(serde_json::from_str::<Likelihood>("300").is_err());
        assert!(serde_json::from_str::<Likelihood>("2.5").is_err());
        let err = serde_json::from_str::<Likelihood>("-2").unwrap_err();
        assert!(
            err.to_string()
                .contains("likelihood -2 is out of range: expected 1 to 5"),
            "{err}"
        );
        assert_eq!(serde_json::from_str::<Likelihood>("3").unwrap().get(), 3);
    }

    #[test]
    fn score_bounds() {
        assert!(RiskScore::new(0).is_err());
        assert!(RiskScore::new(26).is_err());
        assert_eq!(RiskScore::new(25).map(RiskScore::get), Ok(25));
        assert_eq!(RiskScore::HIGH.get(), 15);
        assert_eq!((RiskScore::MIN.get(), RiskScore::MAX.get()), (1, 25));
        assert_eq!(
            RiskScore::try_from(26_u64).unwrap_err().to_string(),
            "risk score 26 is out of range: expected 1 to 25"
        );
    }
}
