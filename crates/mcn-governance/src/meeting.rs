//! Meetings of bodies, with their attendance, agenda, decisions (Popolo
//! `Motion` / `VoteEvent`) and actions.

use mcn_core::{
    NaiveDate, Note, Text,
    id::{
        ActionId, BodyId, DecisionId, FundingStreamId, MeetingId, ObjectiveId, OrganisationId,
        PersonId, StandardId,
    },
    vocabulary,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A meeting of a body (Popolo `Event`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The meeting's id.
    pub id: MeetingId,
    /// The body that met.
    pub body: BodyId,
    /// The day of the meeting.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub date: NaiveDate,
    /// Whether it was held, is still scheduled, or was cancelled; `held` when omitted.
    #[serde(default)]
    pub status: MeetingStatus,
    /// In person, virtual or hybrid.
    pub format: MeetingFormat,
    /// Who was there, sent apologies or was absent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendance: Vec<Attendance>,
    /// The agenda, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<AgendaItem>,
    /// Decisions taken.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// Actions raised (each raised on the meeting's date).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// The later meeting at which these minutes were approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_approved_at: Option<MeetingId>,
}

vocabulary! {
    /// Whether a meeting took place.
    #[derive(Default)]
    MeetingStatus {
        /// Planned, not yet held (or its outcome not yet recorded).
        Scheduled => "scheduled",
        /// Held (the default).
        #[default]
        Held => "held",
        /// Cancelled: does not count towards the body's cadence.
        Cancelled => "cancelled",
    }
}

vocabulary! {
    /// How a meeting was held.
    MeetingFormat {
        /// Everyone in one room.
        InPerson => "in_person",
        /// Online only.
        Virtual => "virtual",
        /// Some in the room, some online.
        Hybrid => "hybrid",
    }
}

/// One person's attendance at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    /// Who.
    pub person: PersonId,
    /// The organisation they represented, if any (fills that organisation's seat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<OrganisationId>,
    /// Present, apologies, absent, or in attendance as a non-member.
    pub status: AttendanceStatus,
}

vocabulary! {
    /// Whether a person was at a meeting, and in what capacity.
    AttendanceStatus {
        /// Present as a member (counts towards the quorum if they fill a voting seat).
        Present => "present",
        /// Sent apologies.
        Apologies => "apologies",
        /// Absent without apologies.
        Absent => "absent",
        /// Present but not a member (an officer or guest): never counts towards the quorum.
        InAttendance => "in_attendance",
    }
}

/// An item on a meeting's agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// The item's title.
    pub title: Text,
    /// Who presented it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presenter: Option<PersonId>,
    /// Notes or a summary of the discussion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Note>,
}

/// A decision taken at a meeting (Popolo `Motion` with its result).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The decision's id.
    pub id: DecisionId,
    /// The motion or decision as minuted.
    pub text: Note,
    /// What kind of decision it is.
    pub kind: DecisionKind,
    /// What it is about, where it has a subject in the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<DecisionSubject>,
    /// Carried, not carried or deferred.
    pub outcome: DecisionOutcome,
    /// The vote counts, where a vote was taken (Popolo `VoteEvent` counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<Votes>,
}

vocabulary! {
    /// The kind of a decision.
    DecisionKind {
        /// Approve a body's terms of reference (subject: the body).
        ApproveTermsOfReference => "approve_terms_of_reference",
        /// Endorse a care standard or guideline (subject: the standard).
        EndorseStandard => "endorse_standard",
        /// Approve the work plan or an objective (subject: an objective or the body).
        ApproveWorkPlan => "approve_work_plan",
        /// Approve funding (subject: the funding stream).
        ApproveFunding => "approve_funding",
        /// Any other decision (any subject).
        Other => "other",
    }
}

impl DecisionKind {
    /// Whether a decision of this kind may have `subject`.
    #[must_use]
    pub const fn allows_subject(self, subject: &DecisionSubject) -> bool {
        match self {
            Self::ApproveTermsOfReference => matches!(subject, DecisionSubject::Body(_)),
            Self::EndorseStandard => matches!(subject, DecisionSubject::Standard(_)),
            Self::ApproveWorkPlan => matches!(
                subject,
                DecisionSubject::Objective(_) | DecisionSubject::Body(_)
            ),
            Self::ApproveFunding => matches!(subject, DecisionSubject::FundingStream(_)),
            Self::Other => true,
        }
    }
}

/// What a decision is about, by typed id.
///
/// Serialised with the kind as the key, e.g. `{"standard": "0190…"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DecisionSubject {
    /// A care standard (in the standards catalogue).
    Standard(StandardId),
    /// A governance body (e.g. whose terms of reference were approved).
    Body(BodyId),
    /// A work-plan objective.
    Objective(ObjectiveId),
    /// A funding stream.
    FundingStream(FundingStreamId),
}

impl DecisionSubject {
    /// The subject's kind as spelt in documents.
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Self::Standard(_) => "standard",
            Self::Body(_) => "body",
            Self::Objective(_) => "objective",
            Self::FundingStream(_) => "funding_stream",
        }
    }
}

vocabulary! {
    /// The result of a decision.
    DecisionOutcome {
        /// Agreed (with a vote: more in favour than against).
        Carried => "carried",
        /// Not agreed (with a vote: no more in favour than against).
        NotCarried => "not_carried",
        /// Postponed to a later meeting.
        Deferred => "deferred",
    }
}

/// Vote counts. A chair's casting vote is counted in `in_favour` or `against`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    /// Votes in favour.
    pub in_favour: u32,
    /// Votes against.
    pub against: u32,
    /// Abstentions.
    #[serde(default)]
    pub abstain: u32,
}

impl Votes {
    /// Whether `outcome` agrees with these counts: carried needs more votes in
    /// favour than against, not carried needs no more in favour than against
    /// (a tie fails), deferred agrees with any counts.
    #[must_use]
    pub const fn agrees_with(&self, outcome: DecisionOutcome) -> bool {
        match outcome {
            DecisionOutcome::Carried => self.in_favour > self.against,
            DecisionOutcome::NotCarried => self.in_favour <= self.against,
            DecisionOutcome::Deferred => true,
        }
    }
}

/// An action raised at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// The action's id.
    pub id: ActionId,
    /// What is to be done.
    pub description: Note,
    /// Who is to do it.
    pub owner: PersonId,
    /// By when.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub due: NaiveDate,
    /// Open, done or cancelled.
    pub status: ActionStatus,
    /// The day it was done or cancelled: required when done, absent while open.
    #[schemars(with = "Option<NaiveDate>")]
    #[serde(
        with = "mcn_core::date::strict_option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub completed_on: Option<NaiveDate>,
}

impl Action {
    /// Whether the action, raised on `raised` (its meeting's date), was open on
    /// `as_of`: raised by then, and still open, or done or cancelled only after
    /// it. Reading `completed_on`, not just the status, keeps the answer right
    /// for an earlier date than today's.
    #[must_use]
    pub fn is_open_on(&self, raised: NaiveDate, as_of: NaiveDate) -> bool {
        raised <= as_of
            && match self.status {
                ActionStatus::Open => true,
                _ => self.completed_on.is_some_and(|done| done > as_of),
            }
    }

    /// Whether the action was open on `as_of` (see [`Action::is_open_on`]) and
    /// due before it.
    #[must_use]
    pub fn is_overdue(&self, raised: NaiveDate, as_of: NaiveDate) -> bool {
        self.due < as_of && self.is_open_on(raised, as_of)
    }
}

vocabulary! {
    /// The state of an action.
    ActionStatus {
        /// Not yet done.
        Open => "open",
        /// Done.
        Done => "done",
        /// No longer needed.
        Cancelled => "cancelled",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes_agree_with_outcomes() {
        let v = |f, a| Votes {
            in_favour: f,
            against: a,
            abstain: 0,
        };
        assert!(v(3, 2).agrees_with(DecisionOutcome::Carried));
        assert!(!v(2, 2).agrees_with(DecisionOutcome::Carried));
        assert!(v(2, 2).agrees_with(DecisionOutcome::NotCarried));
        assert!(!v(3, 2).agrees_with(DecisionOutcome::NotCarried));
        assert!(!v(0, 0).agrees_with(DecisionOutcome::Carried));
        assert!(v(0, 9).agrees_with(DecisionOutcome::Deferred));
    }

    #[test]
    fn subject_serde_shape_and_kind_rules() {
        let id = StandardId::generate();
        let subject = DecisionSubject::Standard(id);
        assert_eq!(
            serde_json::to_value(subject).unwrap(),
            serde_json::json!({ "standard": id.to_string() })
        );
        assert!(DecisionKind::EndorseStandard.allows_subject(&subject));
        assert!(!DecisionKind::ApproveFunding.allows_subject(&subject));
        assert!(DecisionKind::Other.allows_subject(&subject));
        assert!(
            DecisionKind::ApproveWorkPlan
                .allows_subject(&DecisionSubject::Body(BodyId::generate()))
        );
    }

    #[test]
    fn meeting_status_defaults_to_held() {
        let json = serde_json::json!({
            "id": MeetingId::generate(),
            "body": BodyId::generate(),
            "date": "2025-03-01",
            "format": "virtual",
        });
        let meeting: Meeting = serde_json::from_value(json).unwrap();
        assert_eq!(meeting.status, MeetingStatus::Held);
        assert_eq!(meeting.format, MeetingFormat::Virtual);
    }
}
