//! Seats on bodies (W3C ORG `Post` on an `OrganizationalUnit`): held by a post
//! or by an organisation's representative, voting or not.

use mcn_core::{
    Period, Text,
    id::{BodyId, OrganisationId, PostId, SeatId},
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A seat on a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Seat {
    /// The seat's id.
    pub id: SeatId,
    /// The body the seat is on.
    pub body: BodyId,
    /// Who fills it: whoever holds a post, or whoever an organisation sends.
    pub holder: SeatHolder,
    /// Whether the seat carries a vote (and counts towards the quorum); `true` when omitted.
    #[serde(default = "voting_default")]
    pub voting: bool,
    /// When the seat exists on the body.
    pub period: Period,
    /// A label, e.g. "Hospice representative".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
}

const fn voting_default() -> bool {
    true
}

/// Who fills a seat.
///
/// Serialised with the kind as the key: `{"post": "0190…"}` or `{"organisation": "0190…"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SeatHolder {
    /// Whoever holds this post on the meeting date (posts live in mcn-roles).
    Post(PostId),
    /// A representative of this organisation: an attendee present `on_behalf_of` it.
    Organisation(OrganisationId),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voting_defaults_to_true_and_holder_is_keyed() {
        let post = PostId::generate();
        let json = serde_json::json!({
            "id": SeatId::generate(),
            "body": BodyId::generate(),
            "holder": { "post": post },
            "period": { "start": "2025-01-01" },
        });
        let seat: Seat = serde_json::from_value(json).unwrap();
        assert!(seat.voting);
        assert_eq!(seat.holder, SeatHolder::Post(post));
        let back = serde_json::to_value(&seat).unwrap();
        assert_eq!(back["holder"]["post"], post.to_string());
        assert_eq!(back["voting"], true);
    }
}
