//! Why people miss training: access barriers over a window, overall and by
//! delivery mode.

use mcn_core::{Period, Proportion, index::IdIndex};
use schemars::JsonSchema;
use serde::Serialize;

use crate::{AccessBarrier, Delivery, Event, Registration};

/// How often one barrier was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct BarrierCount {
    /// The barrier.
    pub barrier: AccessBarrier,
    /// Missed registrations recording it.
    pub count: u64,
    /// `count / recorded`: its share of the missed registrations that record a
    /// barrier (shares sum to 1); absent when none record one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Proportion>,
}

/// Barrier figures for a set of missed registrations.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct BarrierBreakdown {
    /// Missed registrations: did not attend, cancelled or wait-listed.
    pub missed: u64,
    /// Of those, how many record a barrier.
    pub recorded: u64,
    /// One row per barrier, in [`AccessBarrier::ALL`] order (zeros included).
    pub barriers: Vec<BarrierCount>,
}

/// Barrier figures for events of one delivery mode.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DeliveryBarriers {
    /// The delivery mode of the events.
    pub delivery: Delivery,
    /// Figures for registrations to those events.
    pub barriers: BarrierBreakdown,
}

/// Barrier figures over a window.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct BarrierSummary {
    /// Across all delivery modes.
    pub overall: BarrierBreakdown,
    /// One row per delivery mode, in [`Delivery::ALL`] order (zeros included).
    pub by_delivery: Vec<DeliveryBarriers>,
}

#[derive(Clone, Copy, Default)]
struct Tally {
    missed: u64,
    barriers: [u64; 9],
}

impl Tally {
    fn add(&mut self, barrier: Option<AccessBarrier>) {
        self.missed += 1;
        if let Some(count) = barrier.and_then(|b| self.barriers.get_mut(b.index())) {
            *count += 1;
        }
    }

    fn breakdown(&self) -> BarrierBreakdown {
        let recorded: u64 = self.barriers.iter().sum();
        BarrierBreakdown {
            missed: self.missed,
            recorded,
            barriers: AccessBarrier::ALL
                .into_iter()
                .map(|barrier| {
                    let count = self.barriers.get(barrier.index()).copied().unwrap_or(0);
                    BarrierCount {
                        barrier,
                        count,
                        share: Proportion::of(count, recorded),
                    }
                })
                .collect(),
        }
    }
}

/// Access barriers over `window`.
///
/// Counts every *missed* registration (did not attend, cancelled or
/// wait-listed; see [`crate::RegistrationStatus::is_missed`]) whose event is
/// known, not cancelled (when the network cancels, nobody faced a barrier)
/// and dated within `window` (inclusive). Barriers on other registrations are
/// ignored (an attended one is a finding). Time O(n).
#[must_use]
pub fn barriers(
    events: &[Event],
    registrations: &[Registration],
    window: Period,
) -> BarrierSummary {
    let by_id = IdIndex::new(events.iter().map(|event| event.id));
    let mut overall = Tally::default();
    let mut by_delivery = [Tally::default(); 4];
    for reg in registrations.iter().filter(|r| r.status.is_missed()) {
        let Some((_, event)) = by_id.get(reg.event, events) else {
            continue;
        };
        if event.is_cancelled() || !window.contains(event.date) {
            continue;
        }
        overall.add(reg.barrier);
        if let Some(tally) = by_delivery.get_mut(event.delivery.index()) {
            tally.add(reg.barrier);
        }
    }
    BarrierSummary {
        overall: overall.breakdown(),
        by_delivery: Delivery::ALL
            .into_iter()
            .map(|delivery| DeliveryBarriers {
                delivery,
                barriers: by_delivery
                    .get(delivery.index())
                    .map_or_else(|| Tally::default().breakdown(), Tally::breakdown),
            })
            .collect(),
    }
}
