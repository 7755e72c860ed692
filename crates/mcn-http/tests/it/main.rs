//! mcn-http's tests: the router in process (`tower::ServiceExt::oneshot`)
//! over `SQLite`, and over `PostgreSQL` too when `MCN_TEST_POSTGRES_URL` is set
//! (see `support`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod bad_input;
mod basics;
mod browser;
mod concurrency;
mod openapi;
mod pages;
mod roles;
mod support;
mod tokens;
