//! mcn-store's tests: every test runs against SQLite and PostgreSQL (see
//! `support`): import and export, history, conflicts, integrity, bad input,
//! concurrent writers, and a model-based property test.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![allow(
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::too_many_lines
)]

mod bad_input;
mod basics;
mod concurrency;
mod export;
mod integrity;
mod migration;
mod props;
mod support;
