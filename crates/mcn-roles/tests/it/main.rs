//! Integration tests for mcn-roles: rules, queries and property tests.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod props;
mod queries;
mod rules;
mod support;
