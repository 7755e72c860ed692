//! `Network`: a document with id indexes, so every lookup is O(1), and the
//! domain queries that need more than one domain's data.

use std::{borrow::Cow, collections::HashMap, sync::OnceLock};

use mcn_core::{
    JsonPointer,
    id::{
        ActionId, AdoptionId, AppointmentId, AuditResultId, BodyId, CommunicationId, CourseId,
        DecisionId, EventId, FundingStreamId, LocalityId, MeasureId, MeetingId, MembershipId,
        ObjectiveId, OrganisationId, PersonId, PostId, RegistrationId, RiskId, SeatId, ServiceId,
        StaffingRecordId, StandardId, SystemUseId, TrainingRequirementId,
    },
    index::{IdIndex, NestedIndex},
};
use mcn_governance::{
    Action, Body, Communication, Decision, FundingStream, Meeting, Objective, Risk, Seat,
};
use mcn_organisations::{Locality, Membership, Organisation, Service, SystemUse};
use mcn_roles::{Appointment, Person, Post, RolesIndex, StaffingRecord};
use mcn_standards::{Adoption, AuditResult, Measure, Standard};
use mcn_training::{Course, Event, Registration, TrainingRequirement};
use uuid::Uuid;

use crate::{
    NetworkDocument,
    index::{entry_path, nested_path},
    references::EntityKind,
};

/// The id index of a collection: built with the others (`indexed`), or on
/// first lookup (`sorted`: collections nothing refers to, whose repeated ids
/// are found by sorting, see [`Network::duplicate_ids`]).
macro_rules! index_type {
    (indexed, $id:ty) => { IdIndex<$id> };
    (sorted, $id:ty) => { OnceLock<IdIndex<$id>> };
}

/// A collection's index when the indexes are built.
macro_rules! index_build {
    (indexed, $document:ident, $field:ident) => {
        IdIndex::new($document.$field.iter().map(|entry| entry.id))
    };
    (sorted, $document:ident, $field:ident) => {
        OnceLock::new()
    };
}

/// A collection's index, built now if it is built on first lookup.
macro_rules! index_of {
    ($network:expr, indexed, $field:ident) => {
        &$network.derived().indexes.$field
    };
    ($network:expr, sorted, $field:ident) => {
        $network
            .derived()
            .indexes
            .$field
            .get_or_init(|| IdIndex::new($network.document.$field.iter().map(|entry| entry.id)))
    };
}

/// A collection's repeated ids, `(repeat, first)`.
macro_rules! duplicates_of {
    ($network:expr, indexed, $field:ident) => {
        index_of!($network, indexed, $field).duplicates().to_vec()
    };
    ($network:expr, sorted, $field:ident) => {
        mcn_core::index::duplicates_by_sorting(&$network.document.$field, |entry| {
            entry.id.as_uuid().as_u128()
        })
    };
}

macro_rules! collections {
    ($( $field:ident: $id:ident => $ty:ident, $get:ident, $kind:literal, $mode:ident; )+) => {
        /// The id index of every top-level collection.
        #[derive(Debug, Clone)]
        struct Indexes {
            $( $field: index_type!($mode, $id), )+
            decisions: NestedIndex<DecisionId>,
            actions: NestedIndex<ActionId>,
            measures: NestedIndex<MeasureId>,
        }

        impl Indexes {
            fn build(document: &NetworkDocument) -> Self {
                Self {
                    $( $field: index_build!($mode, document, $field), )+
                    decisions: NestedIndex::new(document.meetings.iter().enumerate().flat_map(|(m, meeting)| {
                        meeting.decisions.iter().enumerate().map(move |(d, decision)| (m, d, decision.id))
                    })),
                    actions: NestedIndex::new(document.meetings.iter().enumerate().flat_map(|(m, meeting)| {
                        meeting.actions.iter().enumerate().map(move |(a, action)| (m, a, action.id))
                    })),
                    measures: NestedIndex::new(document.standards.iter().enumerate().flat_map(|(s, standard)| {
                        standard.measures.iter().enumerate().map(move |(m, measure)| (s, m, measure.id))
                    })),
                }
            }
        }

        impl Network<'_> {
            $(
                #[doc = concat!("The ", $kind, " with this id (the first, if the id is repeated).")]
                #[must_use]
                pub fn $get(&self, id: $id) -> Option<&$ty> {
                    index_of!(self, $mode, $field).position(id).and_then(|at| self.document.$field.get(at))
                }
            )+

            /// Whether `uuid` names an entity of `kind` in this network.
            #[must_use]
            pub fn resolves(&self, kind: EntityKind, uuid: Uuid) -> bool {
                match kind {
                    $( EntityKind::$ty => index_of!(self, $mode, $field).contains($id::from_uuid(uuid)), )+
                    EntityKind::Decision => self.derived().indexes.decisions.contains(DecisionId::from_uuid(uuid)),
                    EntityKind::Action => self.derived().indexes.actions.contains(ActionId::from_uuid(uuid)),
                    EntityKind::Measure => self.derived().indexes.measures.contains(MeasureId::from_uuid(uuid)),
                }
            }

            /// The JSON Pointer of the entity with this raw UUID, and what kind it
            /// is, in whichever collection holds it (used to explain references
            /// that point at the wrong kind of entity; the first call builds the
            /// indexes of the collections nothing refers to).
            #[must_use]
            pub fn locate(&self, uuid: Uuid) -> Option<(&'static str, JsonPointer)> {
                $(
                    if let Some(at) = index_of!(self, $mode, $field).position($id::from_uuid(uuid)) {
                        return Some(($kind, entry_path(stringify!($field), at)));
                    }
                )+
                if let Some(at) = self.derived().indexes.decisions.position(DecisionId::from_uuid(uuid)) {
                    return Some(("decision", nested_path("meetings", "decisions", at)));
                }
                if let Some(at) = self.derived().indexes.actions.position(ActionId::from_uuid(uuid)) {
                    return Some(("action", nested_path("meetings", "actions", at)));
                }
                self.derived()
            .indexes
                    .measures
                    .position(MeasureId::from_uuid(uuid))
                    .map(|at| ("measure", nested_path("standards", "measures", at)))
            }

            /// `(kind, path of the repeat, path of the first)` for every id used twice
            /// within one collection (nested decisions, actions and measures across
            /// all their parents). The collections nothing refers to
            /// (registrations, adoptions, audit results) are checked by sorting
            /// their ids, without building their indexes.
            #[must_use]
            pub fn duplicate_ids(&self) -> Vec<(&'static str, JsonPointer, JsonPointer)> {
                let mut found = Vec::new();
                $(
                    for (repeat, first) in duplicates_of!(self, $mode, $field) {
                        found.push(($kind, entry_path(stringify!($field), repeat), entry_path(stringify!($field), first)));
                    }
                )+
                for (kind, collection, field, index) in [
                    ("decision", "meetings", "decisions", &self.derived().indexes.decisions.duplicates()),
                    ("action", "meetings", "actions", &self.derived().indexes.actions.duplicates()),
                    ("measure", "standards", "measures", &self.derived().indexes.measures.duplicates()),
                ] {
                    for &(repeat, first) in *index {
                        found.push((kind, nested_path(collection, field, repeat), nested_path(collection, field, first)));
                    }
                }
                found
            }
        }
    };
}

// `sorted`: collections nothing refers to by id (the bulk of a national
// document: a million registrations): no index is built for the duplicate
// check, which sorts their ids instead; a lookup by id builds the index then.
collections! {
    localities: LocalityId => Locality, locality, "locality", indexed;
    organisations: OrganisationId => Organisation, organisation, "organisation", indexed;
    memberships: MembershipId => Membership, membership, "membership", indexed;
    services: ServiceId => Service, service, "service", indexed;
    systems: SystemUseId => SystemUse, system_use, "system use", indexed;
    people: PersonId => Person, person, "person", indexed;
    posts: PostId => Post, post, "post", indexed;
    appointments: AppointmentId => Appointment, appointment, "appointment", indexed;
    staffing: StaffingRecordId => StaffingRecord, staffing_record, "staffing record", indexed;
    bodies: BodyId => Body, body, "body", indexed;
    seats: SeatId => Seat, seat, "seat", indexed;
    meetings: MeetingId => Meeting, meeting, "meeting", indexed;
    objectives: ObjectiveId => Objective, objective, "objective", indexed;
    risks: RiskId => Risk, risk, "risk", indexed;
    funding_streams: FundingStreamId => FundingStream, funding_stream, "funding stream", indexed;
    communications: CommunicationId => Communication, communication, "communication", indexed;
    courses: CourseId => Course, course, "course", indexed;
    events: EventId => Event, event, "event", indexed;
    registrations: RegistrationId => Registration, registration, "registration", sorted;
    training_requirements: TrainingRequirementId => TrainingRequirement, training_requirement, "training requirement", indexed;
    standards: StandardId => Standard, standard, "standard", indexed;
    adoptions: AdoptionId => Adoption, adoption, "adoption", sorted;
    audit_results: AuditResultId => AuditResult, audit_result, "audit result", sorted;
}

/// A network document with id indexes over every collection.
///
/// A `Network` owns its document ([`Network::new`]) or borrows it
/// ([`Network::borrowed`]): a caller who keeps the document never pays for a
/// copy. The indexes are built on first use (linear time, once), not when
/// the network is made. Building them never fails: a repeated id is indexed
/// at its first occurrence (and reported by [`Network::validate`]); a
/// reference that resolves to nothing simply looks up as `None`.
#[derive(Debug, Clone)]
pub struct Network<'d> {
    document: Cow<'d, NetworkDocument>,
    /// Built on first use, so that threaded validation can build them on one
    /// thread while the domain rule sets (which read only the document) run
    /// on others.
    derived: OnceLock<Derived>,
}

/// What a `Network` derives from its document: the id indexes and the
/// groupings its queries need.
#[derive(Debug, Clone)]
struct Derived {
    indexes: Indexes,
    memberships_by_organisation: HashMap<OrganisationId, Vec<usize>>,
    top_organisation: HashMap<OrganisationId, OrganisationId>,
}

impl Derived {
    fn build(document: &NetworkDocument) -> Self {
        let indexes = Indexes::build(document);
        let mut memberships_by_organisation: HashMap<OrganisationId, Vec<usize>> = HashMap::new();
        for (i, membership) in document.memberships.iter().enumerate() {
            memberships_by_organisation
                .entry(membership.organisation)
                .or_default()
                .push(i);
        }
        let top_organisation = top_organisations(&document.organisations);
        Self {
            indexes,
            memberships_by_organisation,
            top_organisation,
        }
    }
}

impl Network<'static> {
    /// A network over `document`, taking ownership of it (no copy; indexed
    /// on first use).
    #[must_use]
    pub fn new(document: NetworkDocument) -> Self {
        Self::index(Cow::Owned(document))
    }
}

impl<'d> Network<'d> {
    /// A network over a document the caller keeps (no copy; indexed on first
    /// use).
    #[must_use]
    pub fn borrowed(document: &'d NetworkDocument) -> Self {
        Self::index(Cow::Borrowed(document))
    }

    fn index(document: Cow<'d, NetworkDocument>) -> Self {
        Self {
            document,
            derived: OnceLock::new(),
        }
    }

    /// The indexes and groupings, built on first use (linear time, once).
    fn derived(&self) -> &Derived {
        self.derived.get_or_init(|| Derived::build(&self.document))
    }

    /// The document.
    #[must_use]
    pub fn document(&self) -> &NetworkDocument {
        &self.document
    }

    /// Gives the document back: the owned one as it is, a borrowed one as a
    /// copy (the only place a `Network` copies its document).
    #[must_use]
    pub fn into_document(self) -> NetworkDocument {
        self.document.into_owned()
    }

    /// The decision with this id, with the meeting it was taken at.
    #[must_use]
    pub fn decision(&self, id: DecisionId) -> Option<(&Meeting, &Decision)> {
        let (m, d) = self.derived().indexes.decisions.position(id)?;
        let meeting = self.document.meetings.get(m)?;
        Some((meeting, meeting.decisions.get(d)?))
    }

    /// The action with this id, with the meeting that raised it.
    #[must_use]
    pub fn action(&self, id: ActionId) -> Option<(&Meeting, &Action)> {
        let (m, a) = self.derived().indexes.actions.position(id)?;
        let meeting = self.document.meetings.get(m)?;
        Some((meeting, meeting.actions.get(a)?))
    }

    /// The measure with this id, with its standard.
    #[must_use]
    pub fn measure(&self, id: MeasureId) -> Option<(&Standard, &Measure)> {
        let (s, m) = self.derived().indexes.measures.position(id)?;
        let standard = self.document.standards.get(s)?;
        Some((standard, standard.measures.get(m)?))
    }

    /// The path of the decision with this id.
    #[must_use]
    pub fn decision_path(&self, id: DecisionId) -> Option<JsonPointer> {
        self.derived()
            .indexes
            .decisions
            .position(id)
            .map(|at| nested_path("meetings", "decisions", at))
    }

    /// The memberships of an organisation, in document order (usually one; a
    /// second record is a finding of mcn-organisations).
    pub fn memberships_of(
        &self,
        organisation: OrganisationId,
    ) -> impl Iterator<Item = &Membership> {
        self.derived()
            .memberships_by_organisation
            .get(&organisation)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.document.memberships.get(i))
    }

    /// The topmost organisation `organisation` is part of (following `part_of`
    /// up; itself when it is part of nothing or unknown).
    #[must_use]
    pub fn top_organisation(&self, organisation: OrganisationId) -> OrganisationId {
        self.derived()
            .top_organisation
            .get(&organisation)
            .copied()
            .unwrap_or(organisation)
    }

    /// The path of the post with this id.
    #[must_use]
    pub fn post_path(&self, id: PostId) -> Option<JsonPointer> {
        self.derived()
            .indexes
            .posts
            .position(id)
            .map(|at| entry_path("posts", at))
    }

    /// A roles index (posts and appointments) over this network's data.
    #[must_use]
    pub fn roles(&self) -> RolesIndex<'_> {
        RolesIndex::new(&self.document.posts, &self.document.appointments)
    }
}

/// The top of each organisation's `part_of` chain, computed once. Members of a
/// `part_of` cycle (a finding of mcn-organisations) share one top: the first of
/// them in document order reached.
fn top_organisations(organisations: &[Organisation]) -> HashMap<OrganisationId, OrganisationId> {
    let parent: HashMap<OrganisationId, OrganisationId> = organisations
        .iter()
        .rev()
        .filter_map(|o| Some((o.id, o.part_of?)))
        .collect();
    let mut top: HashMap<OrganisationId, OrganisationId> =
        HashMap::with_capacity(organisations.len());
    // The walk (organisation position) that last passed each id: a cycle is a
    // walk meeting itself. Every id joins `top` at the end of the first walk
    // that passes it, so the walks cost linear time in all, however deep.
    let mut walked_by: HashMap<OrganisationId, usize> = HashMap::new();
    let mut chain = Vec::new();
    for (walk, organisation) in organisations.iter().enumerate() {
        chain.clear();
        let mut current = organisation.id;
        let found = loop {
            mcn_core::steps::one();
            if let Some(&known) = top.get(&current) {
                break known;
            }
            if walked_by.insert(current, walk) == Some(walk) {
                break organisation.id;
            }
            chain.push(current);
            match parent.get(&current) {
                Some(&up) => current = up,
                None => break current,
            }
        };
        for &id in &chain {
            top.entry(id).or_insert(found);
        }
    }
    top
}
