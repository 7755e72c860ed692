//! Integration and property tests for mcn-training.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    // Test arithmetic on small counts, and fixtures kept terse on purpose.
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::many_single_char_names,
    clippy::too_many_lines,
    clippy::cloned_ref_to_slice_refs
)]

mod fixtures;
mod props;
mod queries;
mod rules;
mod schema;
