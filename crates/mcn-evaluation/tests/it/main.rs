//! Integration tests for mcn-evaluation.
#![recursion_limit = "512"]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::float_cmp,
    clippy::too_many_lines,
    clippy::unnecessary_wraps
)]

mod behaviour;
mod compare;
mod example;
mod expected;
mod fixture;
mod html;
mod html_check;
mod props;
