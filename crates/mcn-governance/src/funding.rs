//! Funding streams: who pays, how much, for what period, recurrent or time-limited.

use mcn_core::{
    Money, Period, Text,
    id::{FundingStreamId, OrganisationId},
    vocabulary,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A stream of money for the network (e.g. two-year start-up funding for the
/// co-ordinator post).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FundingStream {
    /// The stream's id.
    pub id: FundingStreamId,
    /// Who pays.
    pub funder: Funder,
    /// What it pays for.
    pub purpose: Text,
    /// For time-limited funding, the total awarded over `period`; for
    /// recurrent funding, the amount per year.
    pub amount: Money,
    /// When it runs (open-ended while no end is set).
    pub period: Period,
    /// Recurrent or time-limited.
    pub basis: FundingBasis,
}

/// Who pays for a funding stream.
///
/// Serialised with the kind as the key: `{"organisation": "0190…"}` for a
/// member or other organisation in the document, `{"external": "National
/// Lottery Community Fund"}` for a funder named only here.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Funder {
    /// An organisation of the document (e.g. the integrated care board).
    Organisation(OrganisationId),
    /// A funder named only here (a trust, a lottery fund, a national programme).
    External(Text),
}

vocabulary! {
    /// Whether funding recurs.
    FundingBasis {
        /// Recurrent (baseline) funding: `amount` is per year.
        Recurrent => "recurrent",
        /// Time-limited (e.g. start-up or project) funding: `amount` is the total.
        TimeLimited => "time_limited",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn funder_serde_shapes() {
        let org = OrganisationId::generate();
        assert_eq!(
            serde_json::to_value(Funder::Organisation(org)).unwrap(),
            serde_json::json!({ "organisation": org.to_string() })
        );
        let external: Funder =
            serde_json::from_value(serde_json::json!({ "external": " Lottery " })).unwrap();
        assert_eq!(external, Funder::External(Text::new("Lottery").unwrap()));
        assert!(serde_json::from_value::<Funder>(serde_json::json!({ "external": "" })).is_err());
    }
}
