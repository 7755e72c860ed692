//! The quorum of a meeting, assessed against its body's rule and explained.
//!
//! # How a meeting's quorum is assessed
//!
//! * Only the body's **voting seats current on the meeting date** count
//!   (`seat.period` contains the date).
//! * A **post seat** is filled by a holder of the post on the date (given by a
//!   [`SeatHolders`] resolver, since posts live in mcn-roles) whose attendance
//!   is `present`; an **organisation seat** by an attendee `present`
//!   `on_behalf_of` that organisation. `apologies`, `absent` and
//!   `in_attendance` never count.
//! * Each seat counts at most once and each person at most once: the number of
//!   voting members present is the largest matching of present people to
//!   voting seats they can fill. So a person holding two seats counts once,
//!   and two representatives of one organisation fill its one seat once.
//! * The threshold is a count of voting members present, or a fraction of the
//!   current voting seats rounded **up** (1/3 of 10 seats needs 4), never less
//!   than 1 (a body with no voting seat is never quorate).
//! * A required-roles entry (`any_of`, e.g. chair or vice-chair) is met when a
//!   present person holds, on the date, a post with one of those roles that
//!   fills one of the body's current seats (voting or not). A role held
//!   outside the body's seats is not seen.
//! * Quorate means: voting members present ≥ required, and every
//!   required-roles entry met.

use std::collections::{HashMap, HashSet, VecDeque};

use mcn_core::{
    NaiveDate, PostRole,
    id::{BodyId, MeetingId, PersonId, PostId, SeatId},
    index::IdIndex,
    vocabulary,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{QuorumRule, RequiredRoles};
use crate::{
    body::Body,
    meeting::{AttendanceStatus, Meeting, MeetingStatus},
    seat::{Seat, SeatHolder},
};

/// Who holds posts, passed in by the caller (posts and appointments live in
/// mcn-roles; mcn-network implements this with real appointments).
pub trait SeatHolders {
    /// The people holding `post` on `on` (order is kept; duplicates are ignored).
    fn post_holders(&self, post: PostId, on: NaiveDate) -> Vec<PersonId>;

    /// The role of `post`, if known.
    fn post_role(&self, post: PostId) -> Option<PostRole>;
}

/// A voting seat counted as filled, and who filled it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeatFill {
    /// The seat.
    pub seat: SeatId,
    /// The present person counted for it.
    pub person: PersonId,
}

/// A current voting seat not counted, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnfilledSeat {
    /// The seat.
    pub seat: SeatId,
    /// Why it was not counted.
    pub reason: UnfilledReason,
}

vocabulary! {
    /// Why a voting seat was not counted.
    UnfilledReason {
        /// A post seat whose post had no holder on the date.
        Vacant => "vacant",
        /// No holder or representative was present.
        Absent => "absent",
        /// Everyone present who could fill it was counted for another seat.
        CountedElsewhere => "counted_elsewhere",
    }
}

/// A role seen present, and who held it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RolePresent {
    /// The role.
    pub role: PostRole,
    /// The present person holding a post with that role.
    pub person: PersonId,
}

/// Whether a meeting was quorate, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuorumAssessment {
    /// Voting members present ≥ required and no required role missing.
    pub quorate: bool,
    /// Voting members required.
    pub required: u32,
    /// Current voting seats on the meeting date.
    pub voting_seats: u32,
    /// Voting members counted present (each seat and each person at most once).
    pub members_present: u32,
    /// The seats counted as filled, in seat order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filled: Vec<SeatFill>,
    /// The current voting seats not counted, in seat order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unfilled: Vec<UnfilledSeat>,
    /// Roles seen present (first holder seen for each role).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles_present: Vec<RolePresent>,
    /// Required-roles entries not met.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_roles: Vec<RequiredRoles>,
}

/// Assesses `meeting` against `rule` (see the [module docs](self)).
///
/// `seats` may be all seats or only the body's: seats of other bodies and
/// seats not current on the meeting date are ignored. The meeting's status is
/// not looked at. Cost: one resolver call per current post seat, and a
/// matching of O(seats × candidate pairs) for the body's voting seats.
pub fn assess_quorum<'a, H: SeatHolders + ?Sized>(
    rule: &QuorumRule,
    meeting: &Meeting,
    seats: impl IntoIterator<Item = &'a Seat>,
    holders: &H,
) -> QuorumAssessment {
    let date = meeting.date;

    // Present people, deduplicated, in attendance order; and by organisation.
    let mut people: Vec<PersonId> = Vec::new();
    let mut person_index: HashMap<PersonId, usize> = HashMap::new();
    let mut by_organisation: HashMap<_, Vec<usize>> = HashMap::new();
    for entry in &meeting.attendance {
        if entry.status != AttendanceStatus::Present {
            continue;
        }
        let next = people.len();
        let index = *person_index.entry(entry.person).or_insert(next);
        if index == next {
            people.push(entry.person);
        }
        if let Some(organisation) = entry.on_behalf_of {
            by_organisation.entry(organisation).or_default().push(index);
        }
    }

    // The body's current seats, with the present people who can fill each.
    let mut voting: Vec<(SeatId, bool, Vec<usize>)> = Vec::new();
    let mut roles_present: Vec<RolePresent> = Vec::new();
    let mut roles_seen: HashSet<PostRole> = HashSet::new();
    for seat in seats {
        if seat.body != meeting.body || !seat.period.contains(date) {
            continue;
        }
        let (vacant, mut candidates) = match seat.holder {
            SeatHolder::Post(post) => {
                let holding = holders.post_holders(post, date);
                let present: Vec<usize> = holding
                    .iter()
                    .filter_map(|person| person_index.get(person).copied())
                    .collect();
                if let (Some(role), Some(&first)) = (holders.post_role(post), present.first())
                    && roles_seen.insert(role)
                    && let Some(&person) = people.get(first)
                {
                    roles_present.push(RolePresent { role, person });
                }
                (holding.is_empty(), present)
            }
            SeatHolder::Organisation(organisation) => (
                false,
                by_organisation
                    .get(&organisation)
                    .cloned()
                    .unwrap_or_default(),
            ),
        };
        if seat.voting {
            candidates.sort_unstable();
            candidates.dedup();
            voting.push((seat.id, vacant, candidates));
        }
    }

    let candidate_lists: Vec<&[usize]> = voting.iter().map(|(_, _, c)| c.as_slice()).collect();
    let seat_match = max_matching(&candidate_lists, people.len());

    let mut filled = Vec::new();
    let mut unfilled = Vec::new();
    for ((seat, vacant, candidates), matched) in voting.iter().zip(&seat_match) {
        match matched.and_then(|p| people.get(p)) {
            Some(&person) => filled.push(SeatFill {
                seat: *seat,
                person,
            }),
            None => unfilled.push(UnfilledSeat {
                seat: *seat,
                reason: if *vacant {
                    UnfilledReason::Vacant
                } else if candidates.is_empty() {
                    UnfilledReason::Absent
                } else {
                    UnfilledReason::CountedElsewhere
                },
            }),
        }
    }

    let voting_seats = u32::try_from(voting.len()).unwrap_or(u32::MAX);
    let members_present = u32::try_from(filled.len()).unwrap_or(u32::MAX);
    let required = rule.threshold.required(voting_seats);
    let missing_roles: Vec<RequiredRoles> = rule
        .required_roles
        .iter()
        .filter(|requirement| !requirement.met_by(&roles_seen))
        .cloned()
        .collect();
    QuorumAssessment {
        quorate: members_present >= required && missing_roles.is_empty(),
        required,
        voting_seats,
        members_present,
        filled,
        unfilled,
        roles_present,
        missing_roles,
    }
}

/// A maximum bipartite matching of seats to people (augmenting paths found by
/// breadth-first search, seats in order). `candidates[s]` lists the people
/// (indices below `people`) who can fill seat `s`. Returns each seat's person.
fn max_matching(candidates: &[&[usize]], people: usize) -> Vec<Option<usize>> {
    let mut seat_of: Vec<Option<usize>> = vec![None; people];
    let mut person_of: Vec<Option<usize>> = vec![None; candidates.len()];
    // `reached[p] == round` marks p as reached in this search; `via[p]` is the seat it was reached from.
    let mut reached: Vec<usize> = vec![usize::MAX; people];
    let mut via: Vec<usize> = vec![0; people];
    let mut queue = VecDeque::new();
    for (round, _) in candidates.iter().enumerate() {
        queue.clear();
        queue.push_back(round);
        let mut free: Option<usize> = None;
        'search: while let Some(seat) = queue.pop_front() {
            for &person in candidates.get(seat).copied().unwrap_or_default() {
                if reached.get(person) == Some(&round) {
                    continue;
                }
                if let (Some(r), Some(v)) = (reached.get_mut(person), via.get_mut(person)) {
                    *r = round;
                    *v = seat;
                }
                match seat_of.get(person).copied().flatten() {
                    None => {
                        free = Some(person);
                        break 'search;
                    }
                    Some(other) => queue.push_back(other),
                }
            }
        }
        // Flip the path from the free person back to this round's seat.
        let mut person = free;
        while let Some(p) = person {
            let Some(&seat) = via.get(p) else { break };
            let previous = person_of.get(seat).copied().flatten();
            if let (Some(slot), Some(back)) = (person_of.get_mut(seat), seat_of.get_mut(p)) {
                *slot = Some(p);
                *back = Some(seat);
            }
            person = if seat == round { None } else { previous };
        }
    }
    person_of
}

/// The outcome of checking one meeting's quorum in [`assess_meetings`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuorumCheck {
    /// The body had a quorum rule in force: the assessment.
    Assessed(QuorumAssessment),
    /// The body had no terms of reference in force on the meeting date.
    NoTermsOfReference,
    /// The meeting's body is not among the bodies.
    UnknownBody,
}

/// One meeting's quorum check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingQuorum {
    /// Index of the meeting in the `meetings` slice.
    pub meeting: usize,
    /// The meeting's id.
    pub id: MeetingId,
    /// The check.
    pub check: QuorumCheck,
}

/// Checks the quorum of every **held** meeting, in document order, against the
/// terms of reference of its body in force on the meeting date. Seats are
/// grouped by body once, so the cost is linear in seats plus meetings (times
/// the matching per meeting).
pub fn assess_meetings<H: SeatHolders + ?Sized>(
    bodies: &[Body],
    seats: &[Seat],
    meetings: &[Meeting],
    holders: &H,
) -> Vec<MeetingQuorum> {
    let index = IdIndex::new(bodies.iter().map(|body| body.id));
    let mut seats_by_body: HashMap<BodyId, Vec<&Seat>> = HashMap::new();
    for seat in seats {
        seats_by_body.entry(seat.body).or_default().push(seat);
    }
    meetings
        .iter()
        .enumerate()
        .filter(|(_, meeting)| meeting.status == MeetingStatus::Held)
        .map(|(i, meeting)| {
            let body = index.get(meeting.body, bodies).map(|(_, body)| body);
            let check = match body {
                None => QuorumCheck::UnknownBody,
                Some(body) => match body.terms_as_of(meeting.date) {
                    None => QuorumCheck::NoTermsOfReference,
                    Some((_, terms)) => QuorumCheck::Assessed(assess_quorum(
                        &terms.quorum,
                        meeting,
                        seats_by_body
                            .get(&meeting.body)
                            .into_iter()
                            .flatten()
                            .copied(),
                        holders,
                    )),
                },
            };
            MeetingQuorum {
                meeting: i,
                id: meeting.id,
                check,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_reassigns_to_count_everyone() {
        // Seat 0: person 0 or 1; seat 1: person 0 only. Greedy would give 1.
        let m = max_matching(&[&[0, 1], &[0]], 2);
        assert_eq!(m, vec![Some(1), Some(0)]);
        // One person, two seats: counts once.
        assert_eq!(max_matching(&[&[0], &[0]], 1), vec![Some(0), None]);
        // Longer augmenting path.
        let m = max_matching(&[&[0], &[0, 1], &[1, 2], &[2]], 3);
        assert_eq!(m.iter().flatten().count(), 3);
        assert!(max_matching(&[], 0).is_empty());
    }
}
