//! Every finding code the cross-entity rules emit (mirrored in `docs/findings.md`).

use mcn_core::{FindingCode, Severity};

/// Two entities of one collection share an id.
pub const DUPLICATE_ID: FindingCode = FindingCode::new(
    "network.id.duplicate",
    Severity::Error,
    "two entities of one kind share an id",
);

/// A reference resolves to nothing in the document.
pub const DANGLING_REFERENCE: FindingCode = FindingCode::new(
    "network.reference.dangling",
    Severity::Error,
    "a reference names an id that is not in the document",
);

/// A reference names the id of an entity of another kind.
pub const WRONG_KIND: FindingCode = FindingCode::new(
    "network.reference.wrong_kind",
    Severity::Error,
    "a reference names the id of an entity of another kind (e.g. an organisation where a person is expected)",
);

/// An appointment is in force while its post's host organisation has withdrawn.
pub const HOST_WITHDRAWN: FindingCode = FindingCode::new(
    "network.appointment.host_withdrawn",
    Severity::Warning,
    "an appointment is in force while its post's host organisation has withdrawn from the network",
);

/// A current seat is held by an organisation that is not an active member.
pub const SEAT_NOT_MEMBER: FindingCode = FindingCode::new(
    "network.seat.organisation_not_member",
    Severity::Warning,
    "a current seat is held by an organisation that is not an active member of the network",
);

/// An attendee represents an organisation they have no tie to.
pub const ATTENDEE_NOT_AFFILIATED: FindingCode = FindingCode::new(
    "network.attendance.not_affiliated",
    Severity::Warning,
    "a meeting attendee acts on behalf of an organisation that neither employs them, hosts a post they hold, \
     nor names them its representative",
);

/// An endorse-standard decision names no standard of the document.
pub const ENDORSED_STANDARD_MISSING: FindingCode = FindingCode::new(
    "network.decision.standard_missing",
    Severity::Error,
    "a decision to endorse a standard names no standard, or one that is not in the document",
);

/// A standard's endorsing decision is not a carried decision to endorse it.
pub const ENDORSEMENT_MISMATCH: FindingCode = FindingCode::new(
    "network.standard.endorsement_mismatch",
    Severity::Warning,
    "a standard's endorsing decision is not a carried decision to endorse that standard",
);

/// The network profile names no co-ordinator post.
pub const COORDINATOR_MISSING: FindingCode = FindingCode::new(
    "network.coordinator.missing",
    Severity::Warning,
    "the network profile names no co-ordinator post (a funded co-ordinator is the key enabler)",
);

/// The co-ordinator post has no holder.
pub const COORDINATOR_VACANT: FindingCode = FindingCode::new(
    "network.coordinator.vacant",
    Severity::Warning,
    "the network co-ordinator post has no holder on the date",
);

/// The co-ordinator post has no current funding.
pub const COORDINATOR_UNFUNDED: FindingCode = FindingCode::new(
    "network.coordinator.unfunded",
    Severity::Warning,
    "the network co-ordinator post has no funding in force on the date",
);

/// A held meeting did not reach its quorum.
pub const MEETING_INQUORATE: FindingCode = FindingCode::new(
    "network.meeting.inquorate",
    Severity::Warning,
    "a held meeting did not reach the quorum of its terms of reference (computed with real seat holders)",
);

/// Every code, in the order above.
pub const ALL: &[FindingCode] = &[
    DUPLICATE_ID,
    DANGLING_REFERENCE,
    WRONG_KIND,
    HOST_WITHDRAWN,
    SEAT_NOT_MEMBER,
    ATTENDEE_NOT_AFFILIATED,
    ENDORSED_STANDARD_MISSING,
    ENDORSEMENT_MISMATCH,
    COORDINATOR_MISSING,
    COORDINATOR_VACANT,
    COORDINATOR_UNFUNDED,
    MEETING_INQUORATE,
];
