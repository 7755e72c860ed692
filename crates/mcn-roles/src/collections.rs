//! Names of the document collections this crate owns (DESIGN.md §3), used as the
//! first segment of every finding path (`/appointments/3/period`).

/// `people`: [`crate::Person`] records.
pub const PEOPLE: &str = "people";
/// `posts`: [`crate::Post`] records.
pub const POSTS: &str = "posts";
/// `appointments`: [`crate::Appointment`] records.
pub const APPOINTMENTS: &str = "appointments";
/// `staffing`: [`crate::StaffingRecord`] records.
pub const STAFFING: &str = "staffing";

/// Every collection this crate owns.
pub const ALL: &[&str] = &[PEOPLE, POSTS, APPOINTMENTS, STAFFING];
