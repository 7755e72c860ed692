//! Per-event figures: registrations by status, fill rate, attendance rate and
//! feedback.

use mcn_core::{Proportion, id::EventId, index::IdIndex};
use schemars::JsonSchema;
use serde::Serialize;

use crate::{Event, Feedback, Registration, RegistrationStatus};

/// Feedback figures over a set of attended registrations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct FeedbackSummary {
    /// Number of attended registrations with feedback.
    pub responses: u64,
    /// Mean overall rating (1–5); absent with no responses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean_overall: Option<f64>,
    /// Mean relevance-to-practice rating (1–5); absent with no responses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean_relevance: Option<f64>,
    /// Share of responses that would recommend the event; absent with no responses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub would_recommend: Option<Proportion>,
}

/// Running sums behind a [`FeedbackSummary`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FeedbackTally {
    responses: u64,
    overall: u64,
    relevance: u64,
    recommend: u64,
}

impl FeedbackTally {
    pub(crate) fn add(&mut self, feedback: &Feedback) {
        self.responses += 1;
        self.overall += u64::from(feedback.overall.get());
        self.relevance += u64::from(feedback.relevance.get());
        self.recommend += u64::from(feedback.would_recommend);
    }

    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    pub(crate) fn summary(self) -> FeedbackSummary {
        let mean = |sum: u64| (self.responses > 0).then(|| sum as f64 / self.responses as f64);
        FeedbackSummary {
            responses: self.responses,
            mean_overall: mean(self.overall),
            mean_relevance: mean(self.relevance),
            would_recommend: Proportion::of(self.recommend, self.responses),
        }
    }
}

/// Figures for one event.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct EventStats {
    /// The event.
    pub event: EventId,
    /// Its index in the events collection.
    pub index: usize,
    /// Registrations still booked.
    pub booked: u64,
    /// Registrations on the wait list.
    pub wait_listed: u64,
    /// Registrations marked attended.
    pub attended: u64,
    /// Registrations marked did not attend.
    pub did_not_attend: u64,
    /// Registrations cancelled.
    pub cancelled: u64,
    /// Places taken: booked + attended + did not attend (wait-listed and
    /// cancelled registrations hold no place).
    pub places_taken: u64,
    /// The event's capacity, if limited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    /// `places_taken / capacity`; above 1 when overbooked; absent when the
    /// capacity is unlimited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fill_rate: Option<f64>,
    /// `attended / (attended + did_not_attend)`: of the people whose attendance
    /// was recorded, the share who came. Booked (not yet recorded), wait-listed
    /// and cancelled registrations are outside the denominator. Absent when the
    /// denominator is 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendance_rate: Option<Proportion>,
    /// Feedback from attended registrations (feedback on others is ignored).
    pub feedback: FeedbackSummary,
}

#[derive(Default)]
struct Tally {
    counts: [u64; 5],
    feedback: FeedbackTally,
}

/// Figures for every event, in the order of `events`, in one pass over the
/// registrations. A registration naming an unknown event is ignored; for a
/// duplicated event id, registrations count towards its first occurrence.
///
/// ```
/// use mcn_training::{event_stats, Event, Registration};
/// let stats = event_stats(&[] as &[Event], &[] as &[Registration]);
/// assert!(stats.is_empty());
/// ```
#[must_use]
pub fn event_stats(events: &[Event], registrations: &[Registration]) -> Vec<EventStats> {
    let slot = IdIndex::new(events.iter().map(|event| event.id));
    let mut tallies: Vec<Tally> = events.iter().map(|_| Tally::default()).collect();
    for reg in registrations {
        let Some(tally) = slot.position(reg.event).and_then(|i| tallies.get_mut(i)) else {
            continue;
        };
        if let Some(count) = tally.counts.get_mut(status_index(reg.status)) {
            *count += 1;
        }
        if reg.attended()
            && let Some(feedback) = &reg.feedback
        {
            tally.feedback.add(feedback);
        }
    }
    events
        .iter()
        .zip(tallies)
        .enumerate()
        .map(|(index, (event, tally))| {
            let [booked, wait_listed, attended, did_not_attend, cancelled] = tally.counts;
            let places_taken = booked + attended + did_not_attend;
            let capacity = event.capacity.map(crate::Capacity::get);
            #[allow(clippy::cast_precision_loss)] // counts far below 2^52
            let fill_rate = capacity.map(|c| places_taken as f64 / f64::from(c));
            EventStats {
                event: event.id,
                index,
                booked,
                wait_listed,
                attended,
                did_not_attend,
                cancelled,
                places_taken,
                capacity,
                fill_rate,
                attendance_rate: Proportion::of(attended, attended + did_not_attend),
                feedback: tally.feedback.summary(),
            }
        })
        .collect()
}

const fn status_index(status: RegistrationStatus) -> usize {
    match status {
        RegistrationStatus::Booked => 0,
        RegistrationStatus::WaitListed => 1,
        RegistrationStatus::Attended => 2,
        RegistrationStatus::DidNotAttend => 3,
        RegistrationStatus::Cancelled => 4,
    }
}
