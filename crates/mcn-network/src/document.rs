//! The network document: the whole model as flat, normalised collections.

use std::io::Read;

use mcn_core::SchemaVersion;
use mcn_governance::{
    Body, Communication, FundingStream, GovernanceData, Meeting, Objective, Risk, Seat,
};
use mcn_organisations::{
    Locality, Membership, Organisation, OrganisationsData, Service, SystemUse,
};
use mcn_roles::{Appointment, Person, Post, RolesData, StaffingRecord};
use mcn_standards::{Adoption, AuditResult, Standard, StandardsData};
use mcn_training::{Course, Event, Registration, TrainingData, TrainingRequirement};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{NetworkProfile, load::LoadError};

/// Everything a managed clinical network knows, as one document: the network's
/// profile, then one array per entity kind, entities referring to each other by
/// typed id (a relational snapshot: easy to diff, to map to CSV and SQL, and
/// JSON Pointer paths into it stay short).
///
/// Decisions and actions are nested in their meetings, measures in their
/// standards; everything else is top level.
///
/// ```
/// use mcn_network::NetworkDocument;
/// let json = br#"{
///   "schema_version": "1.0",
///   "network": {"id": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f", "name": "Northvale Children's Palliative Care Network"}
/// }"#;
/// let document = NetworkDocument::from_json(json)?;
/// assert!(document.organisations.is_empty());
/// # Ok::<(), mcn_network::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct NetworkDocument {
    /// The document schema version, `1.x`; checked before anything else on load.
    pub schema_version: SchemaVersion,
    /// The network itself.
    pub network: NetworkProfile,
    /// Regions, integrated care systems and places.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub localities: Vec<Locality>,
    /// Organisations in or around the network (members or not).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    /// Organisations' memberships of the network.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub memberships: Vec<Membership>,
    /// Services organisations provide.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<Service>,
    /// The technology inventory: record systems members use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub systems: Vec<SystemUse>,
    /// People (staff personal data; see `mcn_core::Redact`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Posts, which exist whether or not anyone holds them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub posts: Vec<Post>,
    /// Appointments of people to posts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appointments: Vec<Appointment>,
    /// Workforce records: funded and in-post WTE.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub staffing: Vec<StaffingRecord>,
    /// Governance bodies with their terms of reference.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bodies: Vec<Body>,
    /// Seats on governance bodies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seats: Vec<Seat>,
    /// Meetings, with their attendance, decisions and actions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<Meeting>,
    /// The work plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Objective>,
    /// The risk register.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    /// Funding streams.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding_streams: Vec<FundingStream>,
    /// Communications that raise awareness of the network.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub communications: Vec<Communication>,
    /// Training courses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub courses: Vec<Course>,
    /// Training and networking events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// Registrations of people for events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub registrations: Vec<Registration>,
    /// Which roles and professions need which training.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub training_requirements: Vec<TrainingRequirement>,
    /// Care standards, with their measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<Standard>,
    /// Organisations' adoption of standards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adoptions: Vec<Adoption>,
    /// Audit results against measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit_results: Vec<AuditResult>,
}

impl NetworkDocument {
    /// An empty document for `network`, at the current schema version.
    #[must_use]
    pub fn new(network: NetworkProfile) -> Self {
        Self {
            schema_version: SchemaVersion::CURRENT,
            network,
            localities: Vec::new(),
            organisations: Vec::new(),
            memberships: Vec::new(),
            services: Vec::new(),
            systems: Vec::new(),
            people: Vec::new(),
            posts: Vec::new(),
            appointments: Vec::new(),
            staffing: Vec::new(),
            bodies: Vec::new(),
            seats: Vec::new(),
            meetings: Vec::new(),
            objectives: Vec::new(),
            risks: Vec::new(),
            funding_streams: Vec::new(),
            communications: Vec::new(),
            courses: Vec::new(),
            events: Vec::new(),
            registrations: Vec::new(),
            training_requirements: Vec::new(),
            standards: Vec::new(),
            adoptions: Vec::new(),
            audit_results: Vec::new(),
        }
    }

    /// Parses a document from JSON bytes.
    ///
    /// The schema version is checked first; any other error names the JSON
    /// path, line and column, e.g. `/people/12/email: invalid email "bob@": ...
    /// at line 301 column 22`.
    ///
    /// A leading UTF-8 byte-order mark is skipped. Duplicate object keys and
    /// arrays given where an object belongs are errors; so is input over
    /// [`crate::load::DEFAULT_INPUT_LIMIT`] (2 GiB).
    pub fn from_json(bytes: &[u8]) -> Result<Self, LoadError> {
        crate::load::parse_limited(bytes, crate::load::DEFAULT_INPUT_LIMIT)
    }

    /// Reads a document from JSON from `reader` (all of it, up to
    /// [`crate::load::DEFAULT_INPUT_LIMIT`], 2 GiB).
    pub fn from_reader(reader: impl Read) -> Result<Self, LoadError> {
        crate::load::parse_reader(reader, crate::load::DEFAULT_INPUT_LIMIT)
    }

    /// Reads a document from JSON from `reader`, refusing input longer than
    /// `limit` bytes with [`LoadError::TooLarge`] (it stops reading there: a
    /// runaway stream such as `/dev/zero` is not read to the end).
    pub fn from_reader_with_limit(reader: impl Read, limit: u64) -> Result<Self, LoadError> {
        crate::load::parse_reader(reader, limit)
    }

    /// The document as pretty-printed JSON.
    pub fn to_json_pretty(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }
}

/// The document's collections as each domain crate takes them: the one place
/// that maps the document to the domains (rules, queries and tools all borrow
/// through these, so adding a collection to a domain changes one line).
impl NetworkDocument {
    /// The collections of `mcn_organisations`.
    #[must_use]
    pub fn organisations_data(&self) -> OrganisationsData<'_> {
        OrganisationsData {
            localities: &self.localities,
            organisations: &self.organisations,
            memberships: &self.memberships,
            services: &self.services,
            systems: &self.systems,
        }
    }

    /// The collections of `mcn_roles`.
    #[must_use]
    pub fn roles_data(&self) -> RolesData<'_> {
        RolesData {
            people: &self.people,
            posts: &self.posts,
            appointments: &self.appointments,
            staffing: &self.staffing,
        }
    }

    /// The collections of `mcn_governance`.
    #[must_use]
    pub fn governance_data(&self) -> GovernanceData<'_> {
        GovernanceData {
            bodies: &self.bodies,
            seats: &self.seats,
            meetings: &self.meetings,
            objectives: &self.objectives,
            risks: &self.risks,
            funding_streams: &self.funding_streams,
            communications: &self.communications,
        }
    }

    /// The collections of `mcn_training`.
    #[must_use]
    pub fn training_data(&self) -> TrainingData<'_> {
        TrainingData {
            courses: &self.courses,
            events: &self.events,
            registrations: &self.registrations,
            training_requirements: &self.training_requirements,
        }
    }

    /// The collections of `mcn_standards`.
    #[must_use]
    pub fn standards_data(&self) -> StandardsData<'_> {
        StandardsData {
            standards: &self.standards,
            adoptions: &self.adoptions,
            audit_results: &self.audit_results,
        }
    }
}
