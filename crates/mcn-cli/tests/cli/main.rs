//! End-to-end tests of the `mcn` binary: exit codes, output formats, hostile
//! input, broken pipes and `generate`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod csv;
mod fhir;
mod generate;
mod hostile;
mod malformed;
mod output;
mod pipes;
mod report;
mod schema;
mod serve;
mod store;
mod support;
mod validate;
