#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod barriers;
pub mod codes;
pub mod collections;
pub mod course;
pub mod event;
pub mod framework;
mod index;
pub mod needs;
pub mod reach;
pub mod registration;
pub mod requirement;
pub mod rules;
pub mod stats;
#[cfg(feature = "proptest")]
pub mod strategy;
pub mod values;
pub mod xapi;

pub use barriers::{BarrierBreakdown, BarrierCount, BarrierSummary, DeliveryBarriers, barriers};
pub use course::Course;
pub use event::{Event, EventKind, EventStatus};
pub use framework::{Delivery, EducationLevel, LearningOutcome};
pub use needs::{Need, NeedStatus, PersonNeeds, Trainee, training_needs};
pub use reach::{LevelReach, OutcomeReach, Reach, ReachBreakdown, ReachFigures, ReachGroup, reach};
pub use registration::{AccessBarrier, Feedback, Registration, RegistrationStatus};
pub use requirement::{AppliesTo, TrainingRequirement};
pub use rules::{TrainingData, validate};
pub use stats::{EventStats, FeedbackSummary, event_stats};
pub use values::{Capacity, CpdHours, Minutes, Rating, RenewalMonths};
pub use xapi::{Statement, StatementObject, Verb, statements};
