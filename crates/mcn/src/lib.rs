#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod error;
mod verbs;

pub use error::Error;
pub use mcn_evaluation::{compare, evaluate};
pub use verbs::{load, render, validate};

// The core vocabulary.
pub use mcn_core::{
    Email, Finding, FindingCode, History, Identifier, IdentifierSystem, JsonPointer, Lifecycle,
    Money, NaiveDate, Note, Period, PostRole, Profession, Proportion, Rag, Redact, Report,
    SCHEMA_VERSION, Severity, StatusChange, Text, Wte, WteTotal, id,
};
// The whole network.
pub use mcn_network::{Network, NetworkDocument, NetworkProfile};
// Evaluation.
pub use mcn_evaluation::{Comparison, EvaluationReport, EvaluationSettings, render::Format};

/// Organisations, localities, services, network membership and the technology
/// inventory (crate `mcn-organisations`).
pub mod organisations {
    pub use mcn_organisations::*;
}

/// People, posts, appointments and workforce staffing (crate `mcn-roles`).
pub mod roles {
    pub use mcn_roles::*;
}

/// Bodies, terms of reference, seats and quorum, meetings, decisions, actions,
/// the work plan, risks, funding and communications (crate `mcn-governance`).
pub mod governance {
    pub use mcn_governance::*;
}

/// The education framework, courses, events, registrations, barriers, reach
/// and training needs (crate `mcn-training`).
pub mod training {
    pub use mcn_training::*;
}

/// The standards catalogue (NICE QS160 and NG61 built in), measures,
/// adoption, audit results and pooled compliance (crate `mcn-standards`).
pub mod standards {
    pub use mcn_standards::*;
}

/// The whole document: loading, the indexed view, cross-entity rules and
/// queries, finding codes (crate `mcn-network`).
pub mod network {
    pub use mcn_network::*;
}

/// Indicators as of a date, the evaluation report, comparison and rendering
/// (crate `mcn-evaluation`).
pub mod evaluation {
    pub use mcn_evaluation::*;
}

/// JSON Schemas (draft 2020-12) of every public document type (crate
/// `mcn-schema`; feature `schema`).
#[cfg(feature = "schema")]
pub mod schema {
    pub use mcn_schema::*;
}

/// HL7 FHIR R4: export a network as a Bundle, import organisations (crate
/// `mcn-fhir`; feature `fhir`).
#[cfg(feature = "fhir")]
pub mod fhir {
    pub use mcn_fhir::*;
}

/// Spreadsheets: every collection of the document as a CSV table, out and
/// back in, all or nothing (crate `mcn-csv`; feature `csv`).
#[cfg(feature = "csv")]
pub mod csv {
    pub use mcn_csv::*;
}

/// A revisioned system of record: networks kept entity by entity in SQLite
/// (embedded) or PostgreSQL (shared), changed by change sets with per-entity
/// optimistic concurrency and integrity checks (crate `mcn-store`; feature
/// `store`).
#[cfg(feature = "store")]
pub mod store {
    pub use mcn_store::*;
}

/// The network API over HTTP: an axum `Router` a host service mounts, with
/// its own authoriser (crate `mcn-http`; feature `http`).
#[cfg(feature = "http")]
pub mod http {
    pub use mcn_http::*;
}
