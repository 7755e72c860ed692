#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod codes;
pub mod collection;
pub mod document;
pub mod index;
pub mod known;
pub mod load;
pub mod merge;
pub mod network;
pub mod profile;
pub mod queries;
pub mod references;
#[cfg(feature = "proptest")]
pub mod strategy;
pub mod validate;

pub use document::NetworkDocument;
pub use known::KNOWN_SINCE;
pub use load::{DEFAULT_INPUT_LIMIT, LoadError};
pub use merge::MergeSummary;
pub use network::Network;
pub use profile::NetworkProfile;
pub use queries::VacantPost;
pub use validate::{rule_runs_on_this_thread, validate};
