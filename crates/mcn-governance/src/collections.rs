//! The names of the document collections (and nested arrays) this crate owns,
//! as they appear in JSON Pointers (`/meetings/4/decisions/0`).

/// Governance bodies (`/bodies/i`).
pub const BODIES: &str = "bodies";
/// Seats on bodies (`/seats/i`).
pub const SEATS: &str = "seats";
/// Meetings of bodies (`/meetings/i`).
pub const MEETINGS: &str = "meetings";
/// Work-plan objectives (`/objectives/i`).
pub const OBJECTIVES: &str = "objectives";
/// The risk register (`/risks/i`).
pub const RISKS: &str = "risks";
/// Funding streams (`/funding_streams/i`).
pub const FUNDING_STREAMS: &str = "funding_streams";
/// Communications (`/communications/i`).
pub const COMMUNICATIONS: &str = "communications";

/// Every top-level collection this crate owns, in document order.
pub const ALL: &[&str] = &[
    BODIES,
    SEATS,
    MEETINGS,
    OBJECTIVES,
    RISKS,
    FUNDING_STREAMS,
    COMMUNICATIONS,
];

/// A body's terms of reference versions (`/bodies/i/terms_of_reference/j`).
pub const TERMS_OF_REFERENCE: &str = "terms_of_reference";
/// A meeting's attendance entries (`/meetings/i/attendance/j`).
pub const ATTENDANCE: &str = "attendance";
/// A meeting's decisions (`/meetings/i/decisions/j`).
pub const DECISIONS: &str = "decisions";
/// A meeting's actions (`/meetings/i/actions/k`).
pub const ACTIONS: &str = "actions";
/// An objective's dated stages (`/objectives/i/stages/j`).
pub const STAGES: &str = "stages";
