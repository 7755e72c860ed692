//! Questions a co-ordinator or evaluator asks as of a date. Each is one pass
//! over its collection, in document order; indices are positions in the
//! slices given (and in the document arrays).
//!
//! The body tree is [`crate::body_tree`], cadence [`crate::cadence_by_body`]
//! and quorum [`crate::assess_meetings`].

use mcn_core::{
    Money, NaiveDate,
    id::{ActionId, BodyId, FundingStreamId, ObjectiveId, PersonId, RiskId},
    period::add_days_saturating,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    Body, FundingBasis, FundingStream, Meeting, Objective, ObjectiveStage, Risk, RiskScore,
    TorVersion,
};

/// Days from `earlier` to `later` (negative if `later` is earlier).
fn days_between(earlier: NaiveDate, later: NaiveDate) -> i64 {
    (later - earlier).num_days()
}

/// An active body whose terms of reference in force are past their review date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermsReviewOverdue {
    /// Index of the body.
    pub body: usize,
    /// The body's id.
    pub id: BodyId,
    /// Index of the terms of reference in force, in the body's `terms_of_reference`.
    pub terms: usize,
    /// Their version.
    pub version: TorVersion,
    /// Their review date.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub review_by: NaiveDate,
    /// Days from the review date to `as_of` (1 or more).
    pub days_overdue: i64,
}

/// Bodies active on `as_of` whose terms of reference in force on `as_of` were
/// due for review before it.
#[must_use]
pub fn terms_reviews_overdue(bodies: &[Body], as_of: NaiveDate) -> Vec<TermsReviewOverdue> {
    bodies
        .iter()
        .enumerate()
        .filter(|(_, body)| body.is_active(as_of))
        .filter_map(|(i, body)| {
            let (t, terms) = body.terms_as_of(as_of)?;
            (terms.review_by < as_of).then(|| TermsReviewOverdue {
                body: i,
                id: body.id,
                terms: t,
                version: terms.version,
                review_by: terms.review_by,
                days_overdue: days_between(terms.review_by, as_of),
            })
        })
        .collect()
}

/// Indices of bodies active on `as_of` with no approved terms of reference in
/// force on `as_of`.
#[must_use]
pub fn bodies_without_terms(bodies: &[Body], as_of: NaiveDate) -> Vec<usize> {
    bodies
        .iter()
        .enumerate()
        .filter(|(_, body)| body.is_active(as_of) && body.terms_as_of(as_of).is_none())
        .map(|(i, _)| i)
        .collect()
}

/// An open action past its due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OverdueAction {
    /// Index of the meeting that raised it.
    pub meeting: usize,
    /// Index of the action in the meeting's `actions`.
    pub action: usize,
    /// The action's id.
    pub id: ActionId,
    /// Who owns it.
    pub owner: PersonId,
    /// When it was due.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub due: NaiveDate,
    /// Days from the due date to `as_of` (1 or more).
    pub days_overdue: i64,
}

/// Actions open on `as_of` and due before it, in document order.
#[must_use]
pub fn overdue_actions(meetings: &[Meeting], as_of: NaiveDate) -> Vec<OverdueAction> {
    meetings
        .iter()
        .enumerate()
        .flat_map(|(m, meeting)| {
            meeting
                .actions
                .iter()
                .enumerate()
                .filter(move |(_, action)| action.is_overdue(meeting.date, as_of))
                .map(move |(a, action)| OverdueAction {
                    meeting: m,
                    action: a,
                    id: action.id,
                    owner: action.owner,
                    due: action.due,
                    days_overdue: days_between(action.due, as_of),
                })
        })
        .collect()
}

/// An objective past its due date and not finished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PastDueObjective {
    /// Index of the objective.
    pub objective: usize,
    /// Its id.
    pub id: ObjectiveId,
    /// Its due date.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub due: NaiveDate,
    /// Its stage on `as_of` (`None` before its first stage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<ObjectiveStage>,
    /// Days from the due date to `as_of` (1 or more).
    pub days_overdue: i64,
}

/// Objectives due before `as_of` that on `as_of` are neither completed,
/// evaluated nor cancelled (see [`Objective::is_past_due`]).
#[must_use]
pub fn objectives_past_due(objectives: &[Objective], as_of: NaiveDate) -> Vec<PastDueObjective> {
    objectives
        .iter()
        .enumerate()
        .filter(|(_, objective)| objective.is_past_due(as_of))
        .map(|(i, objective)| PastDueObjective {
            objective: i,
            id: objective.id,
            due: objective.due,
            stage: objective.stage_as_of(as_of),
            days_overdue: days_between(objective.due, as_of),
        })
        .collect()
}

/// A live risk that needs attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskAttention {
    /// Index of the risk.
    pub risk: usize,
    /// Its id.
    pub id: RiskId,
    /// Its score.
    pub score: RiskScore,
    /// Whether the score is at or above the threshold.
    pub at_or_above_threshold: bool,
    /// Whether its review date is before `as_of`.
    pub review_overdue: bool,
}

/// Live (open or tolerated) risks scoring at least `threshold` or past their
/// review date on `as_of`.
#[must_use]
pub fn risks_needing_attention(
    risks: &[Risk],
    threshold: RiskScore,
    as_of: NaiveDate,
) -> Vec<RiskAttention> {
    risks
        .iter()
        .enumerate()
        .filter(|(_, risk)| risk.status != crate::RiskStatus::Closed)
        .filter_map(|(i, risk)| {
            let score = risk.score();
            let at_or_above_threshold = score >= threshold;
            let review_overdue = risk.is_review_overdue(as_of);
            (at_or_above_threshold || review_overdue).then_some(RiskAttention {
                risk: i,
                id: risk.id,
                score,
                at_or_above_threshold,
                review_overdue,
            })
        })
        .collect()
}

/// Days ahead within which a funding stream's end raises
/// [`crate::codes::FUNDING_STREAM_ENDING_SOON`].
pub const FUNDING_ENDING_SOON_DAYS: u32 = 90;

/// A funding stream that ends soon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EndingStream {
    /// Index of the stream.
    pub stream: usize,
    /// Its id.
    pub id: FundingStreamId,
    /// Its last day.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub ends_on: NaiveDate,
    /// Its amount (per year if recurrent, in total if time-limited).
    pub amount: Money,
    /// Recurrent or time-limited.
    pub basis: FundingBasis,
}

/// Funding streams ending within a horizon, and the money that ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FundingEnding {
    /// The last day of the horizon (`as_of` + the days asked for).
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub until: NaiveDate,
    /// The streams, in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub streams: Vec<EndingStream>,
    /// Recurrent funding that ends, per year; `None` when the total is too
    /// large to hold (never a saturated amount).
    pub recurrent_per_year: Option<Money>,
    /// Time-limited funding that ends, in total; `None` when too large to hold.
    pub time_limited_total: Option<Money>,
}

/// Streams whose last day falls from `as_of` to `as_of + days` inclusive (a
/// stream ending on `as_of` still runs that day). The amounts are summed per
/// basis, since a recurrent amount is per year and a time-limited one a total.
#[must_use]
pub fn funding_ending_within(
    streams: &[FundingStream],
    as_of: NaiveDate,
    days: u32,
) -> FundingEnding {
    let until = add_days_saturating(as_of, u64::from(days));
    let ending: Vec<EndingStream> = streams
        .iter()
        .enumerate()
        .filter_map(|(i, stream)| {
            let end = stream.period.end()?;
            (as_of <= end && end <= until).then_some(EndingStream {
                stream: i,
                id: stream.id,
                ends_on: end,
                amount: stream.amount,
                basis: stream.basis,
            })
        })
        .collect();
    let sum = |basis: FundingBasis| {
        Money::checked_sum(ending.iter().filter(|s| s.basis == basis).map(|s| s.amount))
    };
    FundingEnding {
        until,
        recurrent_per_year: sum(FundingBasis::Recurrent),
        time_limited_total: sum(FundingBasis::TimeLimited),
        streams: ending,
    }
}
