#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod codes;
pub mod collections;
pub mod locality;
pub mod membership;
pub mod organisation;
pub mod queries;
pub mod rules;
pub mod service;
#[cfg(feature = "proptest")]
pub mod strategy;
pub mod system_use;

pub use locality::{LLC_PREVALENCE_PER_10_000, Locality, LocalityKind, estimate_children_with_llc};
pub use membership::{
    Membership, MembershipStatus, MembershipTier, active_members, active_members_by_sector,
    active_members_nhs_split, memberships_by_status,
};
pub use organisation::{
    NhsSplit, Organisation, OrganisationIndex, OrganisationKind, Sector, Succession, by_sector,
    nhs_split,
};
pub use queries::LocalityTree;
pub use rules::{OrganisationsData, validate};
pub use service::{
    AgeRange, AgeRangeError, Availability, DayOfWeek, EmptySchedule, Service, ServiceKind,
    SlotError, WeeklySchedule, WeeklySlot, coverage,
};
pub use system_use::{CanShare, SystemCategory, SystemUse, sharing_by_organisation};
