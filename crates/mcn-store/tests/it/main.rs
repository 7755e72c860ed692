//! mcn-store's tests: every test runs against SQLite and PostgreSQL (see
//! `support`).

mod bad_input;
mod basics;
mod concurrency;
mod integrity;
mod props;
mod support;
