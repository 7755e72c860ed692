#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod cell;
mod docs;
mod export;
mod import;
pub mod layout;
mod path;
mod shape;

pub use docs::{markdown, template};
pub use export::{CsvTable, ExportError, export, export_tables};
pub use import::{
    ImportError, Imported, NewId, Problem, Summary, TableSummary, import, table_for_file,
};
pub use layout::{Column, KeyPart, Kind, Location, TABLES, Table, table};
