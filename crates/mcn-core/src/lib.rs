#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// Lets the `vocabulary!` macro name this crate as `mcn_core` in serde and
// schemars `crate = "..."` attributes, here as in dependants.
extern crate self as mcn_core;

pub mod bounded;
pub mod date;
pub mod decimal;
pub mod email;
pub mod finding;
pub mod graph;
pub mod history;
pub mod id;
pub mod identifier;
pub mod index;
pub mod money;
pub mod period;
pub mod pointer;
pub mod proportion;
pub mod redact;
pub mod serde_error;
pub mod steps;
#[cfg(feature = "proptest")]
pub mod strategy;
pub mod strict;
pub mod text;
pub mod version;
pub mod vocab;
pub mod wte;

pub use email::Email;
pub use finding::{Finding, FindingCode, Report, Severity};
pub use history::{History, Lifecycle, StatusChange};
pub use identifier::{Identifier, IdentifierSystem};
pub use money::Money;
pub use period::Period;
pub use pointer::JsonPointer;
pub use proportion::{Proportion, Rag};
pub use redact::Redact;
pub use text::{Note, Text};
pub use version::{SCHEMA_VERSION, SchemaVersion};
pub use vocab::{PostRole, Profession};
pub use wte::{Wte, WteTotal};

#[doc(hidden)]
pub mod __private {
    //! Re-exports for this crate's macros; not public API.
    pub use schemars;
    pub use serde;
}

/// Re-exported so dependants name the same `chrono` date type.
pub use chrono::NaiveDate;
