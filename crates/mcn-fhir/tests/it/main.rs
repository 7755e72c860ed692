//! Integration tests of the FHIR adapter: conformance to the official FHIR R4
//! JSON Schema, the elements exported, redaction, import and merge.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![allow(
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;
mod elements;
mod fixture;
mod import;
mod merge;
mod redaction;
