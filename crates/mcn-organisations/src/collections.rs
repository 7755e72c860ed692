//! The document collections this crate owns (top-level arrays of the network
//! document; finding paths start with them).

/// Localities: `/localities/N`.
pub const LOCALITIES: &str = "localities";
/// Organisations: `/organisations/N`.
pub const ORGANISATIONS: &str = "organisations";
/// Memberships of the network: `/memberships/N`.
pub const MEMBERSHIPS: &str = "memberships";
/// Services: `/services/N`.
pub const SERVICES: &str = "services";
/// The technology inventory: `/systems/N`.
pub const SYSTEMS: &str = "systems";

/// Every collection this crate owns, in document order.
pub const ALL: &[&str] = &[LOCALITIES, ORGANISATIONS, MEMBERSHIPS, SERVICES, SYSTEMS];
