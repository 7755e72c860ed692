//! Posts: positions that exist independently of who holds them (Popolo and
//! W3C ORG `Post`; FHIR `PractitionerRole` without a practitioner).

use std::num::NonZeroU16;

use mcn_core::{
    NaiveDate, Period, PostRole, Text, WteTotal,
    id::{BodyId, FundingStreamId, OrganisationId, PostId},
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How a post is funded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostFunding {
    /// The funding stream that pays for the post, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<FundingStreamId>,
    /// Whole-time equivalent funded. A total, not a per-person share: a post with
    /// several holders may be funded for more than 1.0.
    pub wte: WteTotal,
    /// The period the funding covers (often time-limited, e.g. two-year start-up funding).
    pub period: Period,
}

impl PostFunding {
    /// Whether the funding covers `as_of`.
    #[must_use]
    pub fn is_current(&self, as_of: NaiveDate) -> bool {
        self.period.contains(as_of)
    }
}

/// A post in the network: network co-ordinator, clinical lead, chair, ...
///
/// A post is *vacant* on a date when it exists then and has no current
/// [`crate::Appointment`]; a vacant *funded* post is a key governance signal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// The post's id.
    pub id: PostId,
    /// Title, e.g. "Network co-ordinator (north)".
    pub title: Text,
    /// The role the post plays in the network.
    pub role: PostRole,
    /// The organisation that hosts the post (employs or contracts its holders).
    pub organisation: OrganisationId,
    /// The governance body the post belongs to (e.g. the chair of the steering group).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<BodyId>,
    /// The period the post exists (created to abolished).
    pub period: Period,
    /// How the post is funded; absent for an unfunded post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<PostFunding>,
    /// How many people may hold the post at once (a job share, several
    /// champions); absent means one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_holders: Option<NonZeroU16>,
}

impl Post {
    /// How many people may hold the post at once: `max_holders`, or 1.
    #[must_use]
    pub fn holder_limit(&self) -> u16 {
        self.max_holders.map_or(1, NonZeroU16::get)
    }

    /// Whether the post exists on `as_of`.
    #[must_use]
    pub fn exists_on(&self, as_of: NaiveDate) -> bool {
        self.period.contains(as_of)
    }

    /// Whether the post is funded on `as_of` (its funding period contains the date).
    #[must_use]
    pub fn is_funded_on(&self, as_of: NaiveDate) -> bool {
        self.funding
            .as_ref()
            .is_some_and(|funding| funding.is_current(as_of))
    }

    /// The WTE funded on `as_of`, if the post is funded then.
    #[must_use]
    pub fn funded_wte_on(&self, as_of: NaiveDate) -> Option<WteTotal> {
        self.funding
            .as_ref()
            .filter(|funding| funding.is_current(as_of))
            .map(|funding| funding.wte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn post(funding: Option<PostFunding>) -> Post {
        Post {
            id: "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f".parse().unwrap(),
            title: Text::new("Network co-ordinator").unwrap(),
            role: PostRole::NetworkCoordinator,
            organisation: "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e70".parse().unwrap(),
            body: None,
            period: Period::starting(d(2024, 1, 1)),
            funding,
            max_holders: None,
        }
    }

    #[test]
    fn funded_on_is_the_funding_period_inclusive() {
        let funding = PostFunding {
            stream: None,
            wte: WteTotal::try_from(0.8).unwrap(),
            period: Period::new(d(2024, 4, 1), Some(d(2026, 3, 31))).unwrap(),
        };
        let p = post(Some(funding));
        assert!(!p.is_funded_on(d(2024, 3, 31)));
        assert!(p.is_funded_on(d(2024, 4, 1)));
        assert!(p.is_funded_on(d(2026, 3, 31)));
        assert!(!p.is_funded_on(d(2026, 4, 1)));
        assert_eq!(p.funded_wte_on(d(2025, 1, 1)).unwrap().hundredths(), 80);
        assert_eq!(p.funded_wte_on(d(2027, 1, 1)), None);
        assert!(!post(None).is_funded_on(d(2025, 1, 1)));
    }

    #[test]
    fn holder_limit_defaults_to_one_and_zero_is_rejected() {
        let mut p = post(None);
        assert_eq!(p.holder_limit(), 1);
        p.max_holders = NonZeroU16::new(3);
        assert_eq!(p.holder_limit(), 3);
        let mut json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["max_holders"], 3);
        json["max_holders"] = 0.into();
        assert!(serde_json::from_value::<Post>(json).is_err());
    }

    #[test]
    fn serde_shape() {
        let p = post(None);
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["role"], "network_coordinator");
        assert_eq!(json["period"]["start"], "2024-01-01");
        assert!(json.get("funding").is_none());
        assert!(json.get("max_holders").is_none());
        assert_eq!(serde_json::from_value::<Post>(json).unwrap(), p);
    }
}
