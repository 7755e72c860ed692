#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod adoption;
pub mod audit;
pub mod catalogue;
pub mod code;
pub mod codes;
pub mod collections;
pub mod queries;
pub mod rules;
pub mod standard;
#[cfg(feature = "proptest")]
pub mod strategy;

pub use adoption::{Adoption, AdoptionStatus};
pub use audit::{AuditResult, ConditionCategory};
pub use code::StandardCode;
pub use rules::{StandardsData, validate};
pub use standard::{
    Measure, MeasureKind, SourceKind, Standard, StandardKind, StandardSource, StandardStatus,
};
