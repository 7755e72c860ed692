//! Integration tests for mcn-network.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod fixture;
mod load;
mod merge;
mod props;
mod queries;
mod rules;
