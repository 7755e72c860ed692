//! The registry of public document types and how each schema is generated.

use mcn_core::Report;
use mcn_evaluation::{EvaluationReport, Series};
use mcn_governance::{
    Action, Body, Communication, Decision, FundingStream, Meeting, Objective, Risk, Seat,
};
use mcn_network::{NetworkDocument, NetworkProfile};
use mcn_organisations::{Locality, Membership, Organisation, Service, SystemUse};
use mcn_roles::{Appointment, Person, Post, StaffingRecord};
use mcn_standards::{Adoption, AuditResult, Measure, Standard};
use mcn_training::{Course, Event, Registration, TrainingRequirement};
use schemars::{
    JsonSchema, Schema,
    generate::{Contract, SchemaSettings},
};
use serde_json::Value;

use crate::{BASE_URI, META_SCHEMA, SchemaFile, to_canonical_json};

/// What a document type is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// A whole document a tool reads and writes (`network-document`).
    Document,
    /// One entity of a document on its own (an element of one of its arrays, or
    /// of an array nested in one: decisions, actions, measures).
    Entity,
    /// Something `mcn` produces from a document (findings, evaluation).
    Output,
}

impl Kind {
    /// `document`, `entity` or `output`, as written in the index.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::Entity => "entity",
            Self::Output => "output",
        }
    }
}

/// A public document type: its stable name, title and schema generator.
#[derive(Debug, Clone, Copy)]
pub struct DocumentType {
    name: &'static str,
    title: &'static str,
    kind: Kind,
    generate: fn(Contract) -> Schema,
}

impl DocumentType {
    /// The stable name, kebab case (`network-document`, `audit-result`).
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// A short human title (the schema's `title`).
    #[must_use]
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// What the type is for.
    #[must_use]
    pub const fn kind(&self) -> Kind {
        self.kind
    }

    /// The schema's `$id`: `https://mcn.example/schemas/1/<name>.schema.json`.
    #[must_use]
    pub fn id(&self) -> String {
        format!("{BASE_URI}{}", self.file_name())
    }

    /// The file the schema is published as: `<name>.schema.json`.
    #[must_use]
    pub fn file_name(&self) -> String {
        format!("{}.schema.json", self.name)
    }

    /// The schema as its published file, `<name>.schema.json`.
    #[must_use]
    pub fn file(&self) -> SchemaFile {
        SchemaFile {
            name: self.file_name(),
            contents: to_canonical_json(&self.schema()),
        }
    }

    /// The self-contained schema (draft 2020-12): `$schema`, `$id`, `title`,
    /// the description from the Rust doc comment, and every type it uses under
    /// `$defs`.
    ///
    /// Input types describe what the loader accepts (schemars' deserialise
    /// contract); outputs describe what `mcn` writes (serialise contract).
    #[must_use]
    pub fn schema(&self) -> Value {
        let contract = match self.kind {
            Kind::Document | Kind::Entity => Contract::Deserialize,
            Kind::Output => Contract::Serialize,
        };
        let mut schema = (self.generate)(contract).to_value();
        crate::transform::portable(&mut schema);
        if let Value::Object(map) = &mut schema {
            map.insert("$schema".to_owned(), META_SCHEMA.into());
            map.insert("$id".to_owned(), self.id().into());
            map.insert("title".to_owned(), self.title.into());
        }
        schema
    }
}

fn root<T: JsonSchema>(contract: Contract) -> Schema {
    let mut settings = SchemaSettings::draft2020_12();
    settings.contract = contract;
    settings.into_generator().into_root_schema_for::<T>()
}

const fn entry(
    name: &'static str,
    title: &'static str,
    kind: Kind,
    generate: fn(Contract) -> Schema,
) -> DocumentType {
    DocumentType {
        name,
        title,
        kind,
        generate,
    }
}

/// Every public document type, the whole document first, then outputs, then
/// entities in document order.
static DOCUMENT_TYPES: &[DocumentType] = &[
    entry(
        "network-document",
        "Network document",
        Kind::Document,
        root::<NetworkDocument>,
    ),
    entry("report", "Findings report", Kind::Output, root::<Report>),
    entry(
        "evaluation-report",
        "Evaluation report",
        Kind::Output,
        root::<EvaluationReport>,
    ),
    entry(
        "evaluation-series",
        "Evaluation series (trends)",
        Kind::Output,
        root::<Series>,
    ),
    entry(
        "network-profile",
        "Network profile",
        Kind::Entity,
        root::<NetworkProfile>,
    ),
    entry("locality", "Locality", Kind::Entity, root::<Locality>),
    entry(
        "organisation",
        "Organisation",
        Kind::Entity,
        root::<Organisation>,
    ),
    entry(
        "membership",
        "Network membership",
        Kind::Entity,
        root::<Membership>,
    ),
    entry("service", "Service", Kind::Entity, root::<Service>),
    entry(
        "system-use",
        "Record system in use",
        Kind::Entity,
        root::<SystemUse>,
    ),
    entry("person", "Person", Kind::Entity, root::<Person>),
    entry("post", "Post", Kind::Entity, root::<Post>),
    entry(
        "appointment",
        "Appointment",
        Kind::Entity,
        root::<Appointment>,
    ),
    entry(
        "staffing-record",
        "Staffing record",
        Kind::Entity,
        root::<StaffingRecord>,
    ),
    entry("body", "Governance body", Kind::Entity, root::<Body>),
    entry("seat", "Seat", Kind::Entity, root::<Seat>),
    entry("meeting", "Meeting", Kind::Entity, root::<Meeting>),
    entry("decision", "Decision", Kind::Entity, root::<Decision>),
    entry("action", "Action", Kind::Entity, root::<Action>),
    entry(
        "objective",
        "Work-plan objective",
        Kind::Entity,
        root::<Objective>,
    ),
    entry("risk", "Risk", Kind::Entity, root::<Risk>),
    entry(
        "funding-stream",
        "Funding stream",
        Kind::Entity,
        root::<FundingStream>,
    ),
    entry(
        "communication",
        "Communication",
        Kind::Entity,
        root::<Communication>,
    ),
    entry("course", "Course", Kind::Entity, root::<Course>),
    entry("event", "Event", Kind::Entity, root::<Event>),
    entry(
        "registration",
        "Registration",
        Kind::Entity,
        root::<Registration>,
    ),
    entry(
        "training-requirement",
        "Training requirement",
        Kind::Entity,
        root::<TrainingRequirement>,
    ),
    entry("standard", "Standard", Kind::Entity, root::<Standard>),
    entry("measure", "Measure", Kind::Entity, root::<Measure>),
    entry(
        "adoption",
        "Adoption of a standard",
        Kind::Entity,
        root::<Adoption>,
    ),
    entry(
        "audit-result",
        "Audit result",
        Kind::Entity,
        root::<AuditResult>,
    ),
];

/// Every public document type, in a fixed order (see the crate docs for the list).
#[must_use]
pub fn document_types() -> &'static [DocumentType] {
    DOCUMENT_TYPES
}

/// No document type has the name asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown schema {name:?}: expected one of {}", known.join(", "))]
pub struct UnknownSchema {
    /// The name asked for.
    pub name: String,
    /// Every known name, in registry order.
    pub known: Vec<&'static str>,
}

/// The document type called `name`.
///
/// ```
/// let person = mcn_schema::find("person")?;
/// assert_eq!(person.id(), "https://mcn.example/schemas/1/person.schema.json");
/// assert!(mcn_schema::find("people").is_err());
/// # Ok::<(), mcn_schema::UnknownSchema>(())
/// ```
pub fn find(name: &str) -> Result<&'static DocumentType, UnknownSchema> {
    DOCUMENT_TYPES
        .iter()
        .find(|ty| ty.name == name)
        .ok_or_else(|| UnknownSchema {
            name: name.to_owned(),
            known: DOCUMENT_TYPES.iter().map(|ty| ty.name).collect(),
        })
}
