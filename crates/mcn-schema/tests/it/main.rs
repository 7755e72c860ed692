//! Integration tests of mcn-schema: the registry, the committed schemas'
//! freshness, and conformance between the schemas and the Rust types, checked
//! with an independent validator (the `jsonschema` crate, draft 2020-12, format
//! validation on).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;
mod conformance;
mod fresh;
mod gaps;
mod mutation;
mod registry;
mod values;
