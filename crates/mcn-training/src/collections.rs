//! The names of the document collections this crate owns (DESIGN.md §3), used
//! as the first segment of every finding path.

/// `/courses`: the [`crate::Course`] catalogue.
pub const COURSES: &str = "courses";
/// `/events`: training and networking [`crate::Event`]s.
pub const EVENTS: &str = "events";
/// `/registrations`: [`crate::Registration`]s of people for events.
pub const REGISTRATIONS: &str = "registrations";
/// `/training_requirements`: [`crate::TrainingRequirement`]s by role or profession.
pub const TRAINING_REQUIREMENTS: &str = "training_requirements";

/// Every collection this crate owns, in document order.
pub const ALL: &[&str] = &[COURSES, EVENTS, REGISTRATIONS, TRAINING_REQUIREMENTS];
