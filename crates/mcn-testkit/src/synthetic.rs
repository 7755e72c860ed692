//! Synthetic networks (being written by the testkit helper; the signatures
//! below are the agreed API).

use mcn_core::NaiveDate;
use mcn_network::NetworkDocument;

/// How big a synthetic network is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scale {
    /// About one regional network.
    Small,
    /// England-wide, per docs/ARCHITECTURE.md's performance targets.
    National,
}

/// A deterministic synthetic network: the same seed, scale and date give the same document.
#[must_use]
pub fn generate(seed: u64, scale: Scale, as_of: NaiveDate) -> NetworkDocument {
    let _ = (seed, scale, as_of);
    NetworkDocument::new(mcn_network::NetworkProfile::new(
        mcn_core::id::NetworkId::from_u128(u128::from(seed)),
        mcn_core::Text::redacted(),
    ))
}
