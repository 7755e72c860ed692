//! The references of one entity and the ids it declares: the single list of
//! reference fields of the document model.
//!
//! [`HasReferences::references`] visits every reference an entity holds
//! (including nested ones: meeting attendance, decisions and actions, terms of
//! reference versions, ...) as a [`Reference`]: the path relative to the
//! entity, the kind of entity it must name, and the UUID. The cross-entity
//! rules ([`crate::validate()`]) and the store's integrity checks both read
//! this list, so a new reference field is added here once.
//!
//! [`HasReferences::declared_ids`] visits the ids an entity declares: its own
//! and those of entities nested in it (a meeting's decisions and actions, a
//! standard's measures), for duplicate-id and "who refers to this" checks.
//!
//! ```
//! use mcn_network::references::{EntityKind, HasReferences};
//! # use mcn_network::NetworkDocument;
//! let document = NetworkDocument::from_json(&std::fs::read(concat!(
//!     env!("CARGO_MANIFEST_DIR"), "/../../docs/examples/example-network.json"
//! )).unwrap())?;
//! let appointment = &document.appointments[0];
//! let mut found = Vec::new();
//! appointment.references(&mut |r| found.push((r.path.to_string(), r.kind)));
//! assert_eq!(found[0], ("/post".to_owned(), EntityKind::Post));
//! # Ok::<(), mcn_network::LoadError>(())
//! ```

use std::fmt;

use mcn_core::{
    JsonPointer,
    id::{
        ActionId, AdoptionId, AppointmentId, AuditResultId, BodyId, CommunicationId, CourseId,
        DecisionId, EventId, FundingStreamId, LocalityId, MeasureId, MeetingId, MembershipId,
        ObjectiveId, OrganisationId, PersonId, PostId, RegistrationId, RiskId, SeatId, ServiceId,
        StaffingRecordId, StandardId, SystemUseId, TrainingRequirementId,
    },
};
use mcn_governance::{
    Body, Communication, DecisionKind, DecisionSubject, Funder, FundingStream, Meeting, Objective,
    Risk, Seat, SeatHolder,
};
use mcn_organisations::{Locality, Membership, Organisation, Service, SystemUse};
use mcn_roles::{Appointment, Person, Post, StaffingRecord};
use mcn_standards::{Adoption, AuditResult, Standard};
use mcn_training::{Course, Event, Registration, TrainingRequirement};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::NetworkProfile;

macro_rules! kinds {
    ($( $variant:ident: $id:ident, $name:literal; )+) => {
        /// Every kind of entity an id can name: the 23 top-level collections'
        /// kinds and the nested decisions, actions and measures.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum EntityKind {
            $(
                #[doc = concat!("A ", $name, ".")]
                $variant,
            )+
        }

        impl EntityKind {
            /// Every kind, in declaration order.
            pub const ALL: &[Self] = &[$(Self::$variant),+];

            /// The kind as named in messages ("system use").
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self {
                    $( Self::$variant => $name, )+
                }
            }
        }

        $(
            impl Kinded for $id {
                const KIND: EntityKind = EntityKind::$variant;

                fn uuid(self) -> Uuid {
                    self.as_uuid()
                }
            }
        )+
    };
}

kinds! {
    Locality: LocalityId, "locality";
    Organisation: OrganisationId, "organisation";
    Membership: MembershipId, "membership";
    Service: ServiceId, "service";
    SystemUse: SystemUseId, "system use";
    Person: PersonId, "person";
    Post: PostId, "post";
    Appointment: AppointmentId, "appointment";
    StaffingRecord: StaffingRecordId, "staffing record";
    Body: BodyId, "body";
    Seat: SeatId, "seat";
    Meeting: MeetingId, "meeting";
    Objective: ObjectiveId, "objective";
    Risk: RiskId, "risk";
    FundingStream: FundingStreamId, "funding stream";
    Communication: CommunicationId, "communication";
    Course: CourseId, "course";
    Event: EventId, "event";
    Registration: RegistrationId, "registration";
    TrainingRequirement: TrainingRequirementId, "training requirement";
    Standard: StandardId, "standard";
    Adoption: AdoptionId, "adoption";
    AuditResult: AuditResultId, "audit result";
    Decision: DecisionId, "decision";
    Action: ActionId, "action";
    Measure: MeasureId, "measure";
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A typed id: its kind and its UUID.
trait Kinded: Copy {
    const KIND: EntityKind;
    fn uuid(self) -> Uuid;
}

/// One step of a [`RelativePath`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Key(&'static str),
    Index(usize),
}

/// The deepest path inside one entity that holds a reference or an id
/// (`/decisions/3/subject/standard`).
const MAX_DEPTH: usize = 4;

/// A JSON Pointer relative to an entity (`/attendance/2/person`; empty for
/// the entity itself): a few steps on the stack, so visiting a million
/// references allocates nothing. [`RelativePath::under`] makes it a
/// [`JsonPointer`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RelativePath {
    steps: [Step; MAX_DEPTH],
    len: usize,
}

impl RelativePath {
    /// The entity itself.
    #[must_use]
    pub const fn root() -> Self {
        Self {
            steps: [Step::Index(0); MAX_DEPTH],
            len: 0,
        }
    }

    fn push(mut self, step: Step) -> Self {
        if let Some(slot) = self.steps.get_mut(self.len) {
            *slot = step;
            self.len += 1;
        }
        self
    }

    fn key(self, name: &'static str) -> Self {
        self.push(Step::Key(name))
    }

    fn index(self, index: usize) -> Self {
        self.push(Step::Index(index))
    }

    fn steps(&self) -> impl Iterator<Item = &Step> {
        self.steps.iter().take(self.len)
    }

    /// This path below `base` (the entity's own pointer).
    #[must_use]
    pub fn under(&self, base: JsonPointer) -> JsonPointer {
        self.steps().fold(base, |p, step| match *step {
            Step::Key(name) => p.key(name),
            Step::Index(i) => p.index(i),
        })
    }
}

impl fmt::Display for RelativePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.under(JsonPointer::root()).as_str())
    }
}

impl fmt::Debug for RelativePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RelativePath({self})")
    }
}

/// One reference held by an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    /// Where in the entity (`/attendance/2/person`).
    pub path: RelativePath,
    /// The kind of entity the reference must name.
    pub kind: EntityKind,
    /// The id referred to.
    pub id: Uuid,
    /// Whether this is the standard an endorse-standard decision names: a
    /// missing one has its own, more specific finding in the full rules
    /// (`network.decision.standard_missing`), so [`crate::validate()`]
    /// leaves it to that rule; the store checks it like any reference.
    pub endorsement: bool,
}

/// An id an entity declares (its own, or a nested entity's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeclaredId {
    /// Where in the entity its `id` field is (`/id`, `/decisions/0/id`).
    pub path: RelativePath,
    /// The kind of entity it names.
    pub kind: EntityKind,
    /// The id.
    pub id: Uuid,
}

/// The references and declared ids of one entity of the document.
pub trait HasReferences {
    /// Visits every reference the entity holds, in field order.
    fn references(&self, visit: &mut dyn FnMut(Reference));

    /// Visits every id the entity declares: its own first, then nested
    /// entities' (in document order).
    fn declared_ids(&self, visit: &mut dyn FnMut(DeclaredId));
}

/// Builds [`Reference`]s under one visitor.
struct Emit<'v> {
    visit: &'v mut dyn FnMut(Reference),
}

impl Emit<'_> {
    fn at<K: Kinded>(&mut self, path: RelativePath, id: Option<K>) -> &mut Self {
        if let Some(id) = id {
            (self.visit)(Reference {
                path,
                kind: K::KIND,
                id: id.uuid(),
                endorsement: false,
            });
        }
        self
    }

    fn field<K: Kinded>(&mut self, name: &'static str, id: K) -> &mut Self {
        self.at(RelativePath::root().key(name), Some(id))
    }

    fn optional<K: Kinded>(&mut self, name: &'static str, id: Option<K>) -> &mut Self {
        self.at(RelativePath::root().key(name), id)
    }

    fn each<K: Kinded>(&mut self, name: &'static str, ids: &[K]) -> &mut Self {
        for (j, &id) in ids.iter().enumerate() {
            self.at(RelativePath::root().key(name).index(j), Some(id));
        }
        self
    }
}

/// The own id of an entity, declared at `/id`.
fn own<K: Kinded>(id: K, visit: &mut dyn FnMut(DeclaredId)) {
    visit(DeclaredId {
        path: RelativePath::root().key("id"),
        kind: K::KIND,
        id: id.uuid(),
    });
}

/// The ids of entities nested in list `field`, declared at `/field/j/id`.
fn nested<K: Kinded>(
    field: &'static str,
    ids: impl Iterator<Item = K>,
    visit: &mut dyn FnMut(DeclaredId),
) {
    for (j, id) in ids.enumerate() {
        visit(DeclaredId {
            path: RelativePath::root().key(field).index(j).key("id"),
            kind: K::KIND,
            id: id.uuid(),
        });
    }
}

/// `HasReferences` for entities with no nested ids; `$refs` lists the references.
macro_rules! flat {
    ($( $ty:ty => |$x:ident, $e:ident| $refs:expr; )+) => {
        $(
            impl HasReferences for $ty {
                #[allow(unused_variables)]
                fn references(&self, visit: &mut dyn FnMut(Reference)) {
                    let $x = self;
                    let $e = &mut Emit { visit };
                    let _ = $refs;
                }

                fn declared_ids(&self, visit: &mut dyn FnMut(DeclaredId)) {
                    own(self.id, visit);
                }
            }
        )+
    };
}

flat! {
    Locality => |x, e| e.optional("parent", x.parent);
    Organisation => |x, e| e
        .optional("part_of", x.part_of)
        .at(RelativePath::root().key("successor").key("organisation"), x.successor.as_ref().map(|s| s.organisation))
        .each("localities", &x.localities);
    Membership => |x, e| e
        .field("organisation", x.organisation)
        .optional("representative", x.representative);
    Service => |x, e| e.field("provider", x.provider).each("localities", &x.localities);
    SystemUse => |x, e| e.field("organisation", x.organisation);
    Person => |x, e| e.optional("employer", x.employer);
    Post => |x, e| e
        .field("organisation", x.organisation)
        .optional("body", x.body)
        .at(RelativePath::root().key("funding").key("stream"), x.funding.as_ref().and_then(|f| f.stream));
    Appointment => |x, e| e.field("post", x.post).field("person", x.person);
    StaffingRecord => |x, e| e
        .field("organisation", x.organisation)
        .optional("service", x.service);
    Body => |x, e| {
        e.optional("reports_to", x.reports_to);
        for (j, terms) in x.terms_of_reference.iter().enumerate() {
            e.at(RelativePath::root().key("terms_of_reference").index(j).key("approved_by"), terms.approved_by);
        }
    };
    Seat => |x, e| {
        e.field("body", x.body);
        match x.holder {
            SeatHolder::Post(id) => e.at(RelativePath::root().key("holder").key("post"), Some(id)),
            SeatHolder::Organisation(id) => e.at(RelativePath::root().key("holder").key("organisation"), Some(id)),
            _ => e,
        };
    };
    Objective => |x, e| e.field("owner", x.owner);
    Risk => |x, e| e.field("owner", x.owner);
    FundingStream => |x, e| {
        let funder = match x.funder {
            Funder::Organisation(id) => Some(id),
            _ => None,
        };
        e.at(RelativePath::root().key("funder").key("organisation"), funder);
    };
    Communication => |x, e| e;
    Course => |x, e| e.field("provider", x.provider);
    Event => |x, e| e
        .field("host", x.host)
        .optional("course", x.course)
        .optional("locality", x.locality);
    Registration => |x, e| e
        .field("event", x.event)
        .field("person", x.person)
        .field("organisation", x.organisation);
    TrainingRequirement => |x, e| e;
    Adoption => |x, e| e.field("organisation", x.organisation).field("standard", x.standard);
    AuditResult => |x, e| e.field("measure", x.measure).field("organisation", x.organisation);
}

impl HasReferences for Meeting {
    fn references(&self, visit: &mut dyn FnMut(Reference)) {
        let e = &mut Emit { visit };
        let root = RelativePath::root();
        e.field("body", self.body)
            .optional("minutes_approved_at", self.minutes_approved_at);
        for (j, entry) in self.attendance.iter().enumerate() {
            let at = root.key("attendance").index(j);
            e.at(at.key("person"), Some(entry.person))
                .at(at.key("on_behalf_of"), entry.on_behalf_of);
        }
        for (j, item) in self.agenda.iter().enumerate() {
            e.at(root.key("agenda").index(j).key("presenter"), item.presenter);
        }
        for (j, decision) in self.decisions.iter().enumerate() {
            let subject = root.key("decisions").index(j).key("subject");
            match decision.subject {
                Some(DecisionSubject::Standard(id)) => (e.visit)(Reference {
                    path: subject.key("standard"),
                    kind: EntityKind::Standard,
                    id: id.as_uuid(),
                    endorsement: decision.kind == DecisionKind::EndorseStandard,
                }),
                Some(DecisionSubject::Body(id)) => {
                    e.at(subject.key("body"), Some(id));
                }
                Some(DecisionSubject::Objective(id)) => {
                    e.at(subject.key("objective"), Some(id));
                }
                Some(DecisionSubject::FundingStream(id)) => {
                    e.at(subject.key("funding_stream"), Some(id));
                }
                _ => {}
            }
        }
        for (j, action) in self.actions.iter().enumerate() {
            e.at(
                root.key("actions").index(j).key("owner"),
                Some(action.owner),
            );
        }
    }

    fn declared_ids(&self, visit: &mut dyn FnMut(DeclaredId)) {
        own(self.id, visit);
        nested("decisions", self.decisions.iter().map(|d| d.id), visit);
        nested("actions", self.actions.iter().map(|a| a.id), visit);
    }
}

impl HasReferences for Standard {
    fn references(&self, visit: &mut dyn FnMut(Reference)) {
        Emit { visit }
            .optional("supersedes", self.supersedes)
            .optional("endorsed_by", self.endorsed_by);
    }

    fn declared_ids(&self, visit: &mut dyn FnMut(DeclaredId)) {
        own(self.id, visit);
        nested("measures", self.measures.iter().map(|m| m.id), visit);
    }
}

/// The network profile: its references; it declares no entity id (the
/// network's own id is not an entity of the document).
impl HasReferences for NetworkProfile {
    fn references(&self, visit: &mut dyn FnMut(Reference)) {
        Emit { visit }
            .optional("host_organisation", self.host_organisation)
            .optional("coordinator_post", self.coordinator_post);
    }

    fn declared_ids(&self, _: &mut dyn FnMut(DeclaredId)) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        let path = RelativePath::root()
            .key("decisions")
            .index(3)
            .key("subject");
        assert_eq!(path.to_string(), "/decisions/3/subject");
        assert_eq!(
            path.under(JsonPointer::root().key("meetings").index(1))
                .as_str(),
            "/meetings/1/decisions/3/subject"
        );
        assert_eq!(RelativePath::root().to_string(), "");
    }

    #[test]
    fn kinds_have_names() {
        assert_eq!(EntityKind::SystemUse.name(), "system use");
        assert_eq!(EntityKind::ALL.len(), 26);
    }
}
