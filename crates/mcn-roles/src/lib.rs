#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod appointment;
pub mod codes;
pub mod collections;
pub mod index;
pub mod person;
pub mod post;
pub mod rules;
pub mod staffing;
#[cfg(feature = "proptest")]
pub mod strategy;
mod sweep;

pub use appointment::{Appointment, AppointmentBasis, HoursPerWeek};
pub use index::RolesIndex;
pub use person::{Person, registration_fits};
pub use post::{Post, PostFunding};
pub use rules::{RolesData, validate, validate_indexed};
pub use staffing::{
    StaffingFigures, StaffingRecord, latest_staffing_records, staffing_by, staffing_totals,
};
