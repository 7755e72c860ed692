//! Registrations: who booked, who came, who could not come and why, and what
//! they thought of it.

use mcn_core::{
    Note, Text,
    id::{EventId, OrganisationId, PersonId, RegistrationId},
    vocabulary,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Rating;

vocabulary! {
    /// Where a registration stands.
    RegistrationStatus {
        /// Holds a place; attendance not yet recorded.
        Booked => "booked",
        /// Waiting for a place.
        WaitListed => "wait_listed",
        /// Came to the event.
        Attended => "attended",
        /// Held a place but did not come (DNA).
        DidNotAttend => "did_not_attend",
        /// Withdrew before the event.
        Cancelled => "cancelled",
    }
}

impl RegistrationStatus {
    /// Whether the person missed the event: did not attend, cancelled or stayed
    /// on the wait list. These are the registrations barrier figures count.
    #[must_use]
    pub const fn is_missed(self) -> bool {
        matches!(
            self,
            Self::DidNotAttend | Self::Cancelled | Self::WaitListed
        )
    }
}

vocabulary! {
    /// What stopped a person getting to training (the evaluation found access to
    /// training a barrier in itself).
    AccessBarrier {
        /// Not released from work, or no backfill to cover them.
        NoRelease => "no_release",
        /// Too far to travel.
        TravelDistance => "travel_distance",
        /// The cost (fee, travel or unpaid time).
        Cost => "cost",
        /// The date or time did not suit.
        Timing => "timing",
        /// Not relevant enough to their practice.
        NotRelevant => "not_relevant",
        /// Did not hear about it in time.
        NotAwareInTime => "not_aware_in_time",
        /// The event was full.
        EventFull => "event_full",
        /// Illness.
        Illness => "illness",
        /// Something else, described in `barrier_detail`.
        Other => "other",
    }
}

impl AccessBarrier {
    /// Position in [`AccessBarrier::ALL`].
    pub(crate) const fn index(self) -> usize {
        // Unit variants are numbered 0, 1, ... in declaration order, as in `ALL`.
        self as usize
    }
}

/// An attendee's feedback on an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    /// Overall rating, 1 (poor) to 5 (excellent).
    pub overall: Rating,
    /// Relevance to their practice, 1 (not relevant) to 5 (highly relevant).
    pub relevance: Rating,
    /// Whether they would recommend it to a colleague.
    pub would_recommend: bool,
    /// Free-text comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<Note>,
}

/// A person's registration for an event.
///
/// `barrier` records why a person missed the event (for did-not-attend,
/// cancelled or wait-listed registrations); when it is `other`,
/// `barrier_detail` says what it was (a missing detail is a finding, not a
/// load error, so the rest of the document still loads).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// The registration's id.
    pub id: RegistrationId,
    /// The event registered for.
    pub event: EventId,
    /// The person registered.
    pub person: PersonId,
    /// The organisation the person came from at the time.
    pub organisation: OrganisationId,
    /// Booked, wait-listed, attended, did not attend or cancelled.
    pub status: RegistrationStatus,
    /// What stopped the person attending (for did-not-attend, cancelled or
    /// wait-listed registrations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub barrier: Option<AccessBarrier>,
    /// The barrier in words; required when `barrier` is `other`, optional context otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub barrier_detail: Option<Text>,
    /// The attendee's feedback (for attended registrations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Feedback>,
}

impl Registration {
    /// Whether the person attended.
    #[must_use]
    pub fn attended(&self) -> bool {
        self.status == RegistrationStatus::Attended
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json() -> serde_json::Value {
        serde_json::json!({
            "id": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f",
            "event": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e70",
            "person": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e71",
            "organisation": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e72",
            "status": "did_not_attend",
            "barrier": "other",
            "barrier_detail": "Car broke down"
        })
    }

    #[test]
    fn loads_and_round_trips() {
        let reg: Registration = serde_json::from_value(json()).unwrap();
        assert_eq!(reg.barrier, Some(AccessBarrier::Other));
        assert!(!reg.attended());
        assert_eq!(serde_json::to_value(&reg).unwrap(), json());
    }

    #[test]
    fn feedback_ratings_are_checked_on_load() {
        let mut v = json();
        v["status"] = "attended".into();
        v["feedback"] = serde_json::json!({"overall": 5, "relevance": 4, "would_recommend": true, "comment": "Great"});
        let reg: Registration = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(reg.feedback.as_ref().map(|f| f.overall.get()), Some(5));
        v["feedback"]["overall"] = 6.into();
        assert!(serde_json::from_value::<Registration>(v.clone()).is_err());
        v["feedback"]["overall"] = 0.into();
        assert!(serde_json::from_value::<Registration>(v.clone()).is_err());
        v["feedback"]["overall"] = 1.into();
        v["feedback"]
            .as_object_mut()
            .unwrap()
            .remove("would_recommend");
        assert!(serde_json::from_value::<Registration>(v).is_err());
    }

    #[test]
    fn barrier_indexes_and_missed_statuses() {
        for (i, b) in AccessBarrier::ALL.iter().enumerate() {
            assert_eq!(b.index(), i);
        }
        assert!(RegistrationStatus::WaitListed.is_missed());
        assert!(!RegistrationStatus::Booked.is_missed());
        assert!(!RegistrationStatus::Attended.is_missed());
    }
}
