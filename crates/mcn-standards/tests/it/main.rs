//! Integration and property tests for mcn-standards.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod catalogue;
mod props;
mod queries;
mod rules;
mod schema;
mod support;
