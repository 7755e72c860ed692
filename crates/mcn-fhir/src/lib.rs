#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod export;
pub mod import;
pub mod r4;
pub mod systems;

pub use export::{ExportOptions, export, full_url};
pub use import::{Import, ImportError, ImportWarning, WarningKind, import_organisations};
pub use r4::Bundle;
