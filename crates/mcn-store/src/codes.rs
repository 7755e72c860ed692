//! The finding codes the store adds to mcn-network's (`network.id.duplicate`,
//! `network.reference.dangling`, `network.reference.wrong_kind`, which it
//! reuses for change sets). Mirrored in `docs/findings.md`.

use mcn_core::{FindingCode, Severity};

/// A change set would remove an entity (or a nested one) that another entity
/// still refers to.
pub const STILL_REFERRED: FindingCode = FindingCode::new(
    "store.entity.still_referred",
    Severity::Error,
    "a change set would delete an entity (or drop a nested one) that other entities still refer to",
);

/// Every code, in the order above.
pub const ALL: &[FindingCode] = &[STILL_REFERRED];
