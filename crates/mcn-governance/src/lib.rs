#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod body;
pub mod cadence;
pub mod codes;
pub mod collections;
pub mod communication;
pub mod funding;
pub mod meeting;
pub mod queries;
pub mod quorum;
pub mod risk;
pub mod rules;
pub mod seat;
#[cfg(feature = "proptest")]
pub mod strategy;
pub mod work_plan;

pub use body::{Body, BodyKind, BodyTree, TermsOfReference, TermsTimeline, TorVersion, body_tree};
pub use cadence::{BodyCadence, Cadence, Gap, MeetingFrequency, WeekCount, cadence_by_body};
pub use communication::{Audience, Channel, Communication};
pub use funding::{Funder, FundingBasis, FundingStream};
pub use meeting::{
    Action, ActionStatus, AgendaItem, Attendance, AttendanceStatus, Decision, DecisionKind,
    DecisionOutcome, DecisionSubject, Meeting, MeetingFormat, MeetingStatus, Votes,
};
pub use quorum::{
    QuorumAssessment, QuorumRule, QuorumThreshold, RequiredRoles, SeatHolders, assess_meetings,
    assess_quorum,
};
pub use risk::{Impact, Likelihood, Risk, RiskCategory, RiskScore, RiskStatus};
pub use rules::{GovernanceData, validate};
pub use seat::{Seat, SeatHolder};
pub use work_plan::{Objective, ObjectiveStage, Theme};
