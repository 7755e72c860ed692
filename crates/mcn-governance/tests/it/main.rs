//! Integration and property tests for mcn-governance.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod cadence;
mod fixture;
mod props;
mod queries;
mod quorum;
mod rules;
mod sweep;
