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
    NaiveDate, Period, PostRole,
    id::{MeetingId, OrganisationId, PersonId, PostId, SeatId},
    vocabulary,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use self::sweep::assess_meetings;
use super::{QuorumRule, RequiredRoles};
use crate::{
    meeting::{AttendanceStatus, Meeting},
    seat::{Seat, SeatHolder},
};

mod sweep;

/// Who holds posts, passed in by the caller (posts and appointments live in
/// mcn-roles; mcn-network implements this with real appointments).
pub trait SeatHolders {
    /// Every holding of a post (an appointment, as the quorum sees it), in
    /// the order [`SeatHolders::post_holders`] lists people. A person holds a
    /// post on a date when one of their holdings of it has a period
    /// containing the date. [`assess_meetings`] sweeps these in date order
    /// instead of asking for each meeting.
    fn holdings(&self) -> Vec<Holding>;

    /// The people holding `post` on `on`, each once, in the order of their
    /// first holding of it in force then. By default derived from
    /// [`SeatHolders::holdings`] (a scan); an implementation with an index
    /// may answer faster, but must answer the same.
    fn post_holders(&self, post: PostId, on: NaiveDate) -> Vec<PersonId> {
        let mut seen = HashSet::new();
        self.holdings()
            .into_iter()
            .filter(|holding| holding.post == post && holding.period.contains(on))
            .map(|holding| holding.person)
            .filter(|person| seen.insert(*person))
            .collect()
    }

    /// The role of `post`, if known.
    fn post_role(&self, post: PostId) -> Option<PostRole>;
}

/// A person holding a post for a period: an appointment, as the quorum sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Holding {
    /// The post held.
    pub post: PostId,
    /// Who holds it.
    pub person: PersonId,
    /// When (inclusive, as an appointment's period).
    pub period: Period,
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

/// How many current voting seats were not counted, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnfilledCounts {
    /// Post seats whose post had no holder on the date.
    pub vacant: u32,
    /// Seats no holder or representative of was present.
    pub absent: u32,
    /// Seats whose possible fillers were all counted for other seats.
    pub counted_elsewhere: u32,
}

impl UnfilledCounts {
    /// All unfilled seats.
    #[must_use]
    pub const fn total(self) -> u32 {
        self.vacant
            .saturating_add(self.absent)
            .saturating_add(self.counted_elsewhere)
    }

    fn add(&mut self, reason: UnfilledReason) {
        let slot = match reason {
            UnfilledReason::Vacant => &mut self.vacant,
            UnfilledReason::Absent => &mut self.absent,
            UnfilledReason::CountedElsewhere => &mut self.counted_elsewhere,
        };
        *slot = slot.saturating_add(1);
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

/// How many filled and unfilled seats a [`QuorumAssessment`] lists by name
/// (the first ones in seat order); the rest are only counted, so an
/// assessment's size does not grow with the body's seats.
pub const SEAT_SAMPLE: usize = 10;

/// Whether a meeting was quorate, and why.
///
/// Its size is bounded: seats are counted, and at most [`SEAT_SAMPLE`] filled
/// and [`SEAT_SAMPLE`] unfilled seats are named.
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
    /// The first [`SEAT_SAMPLE`] seats counted as filled, in seat order
    /// (`members_present` counts them all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filled: Vec<SeatFill>,
    /// The current voting seats not counted, by reason.
    #[serde(default)]
    pub unfilled_counts: UnfilledCounts,
    /// The first [`SEAT_SAMPLE`] current voting seats not counted, in seat
    /// order (`unfilled_counts` counts them all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unfilled: Vec<UnfilledSeat>,
    /// Roles seen present (first holder seen for each role).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles_present: Vec<RolePresent>,
    /// Required-roles entries not met.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_roles: Vec<RequiredRoles>,
}

/// Seats with the same holder (one post, or one organisation): the same
/// present people can fill any of them, so they are matched as one group
/// with a capacity.
struct Group {
    /// Present people (indices) who can fill its seats, sorted, no duplicates.
    candidates: Vec<usize>,
    /// A post seat whose post had no holder on the date.
    vacant: bool,
    /// Voting seats in the group.
    capacity: usize,
}

/// Assesses `meeting` against `rule` (see the [module docs](self)).
///
/// `seats` may be all seats or only the body's: seats of other bodies and
/// seats not current on the meeting date are ignored. The meeting's status is
/// not looked at.
///
/// Cost: one resolver call per distinct post among the current seats; seats
/// with the same holder are matched as one group, so the matching costs
/// O(E·√P) where E is the number of (group, present person) pairs and P the
/// number of present people, and the memory is linear in seats plus
/// attendance, whatever the fan-in.
pub fn assess_quorum<'a, H: SeatHolders + ?Sized>(
    rule: &QuorumRule,
    meeting: &Meeting,
    seats: impl IntoIterator<Item = &'a Seat>,
    holders: &H,
) -> QuorumAssessment {
    let date = meeting.date;
    let mut present = Present::of(meeting);

    // The body's current seats grouped by holder; each post resolved once.
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: HashMap<SeatHolder, usize> = HashMap::new();
    let mut voting: Vec<(SeatId, usize)> = Vec::new();
    let mut roles = Roles::default();
    for seat in seats {
        mcn_core::steps::one();
        if seat.body != meeting.body || !seat.period.contains(date) {
            continue;
        }
        let group = if let Some(&group) = group_of.get(&seat.holder) {
            group
        } else {
            groups.push(present.group(seat.holder, date, holders, &mut roles));
            group_of.insert(seat.holder, groups.len() - 1);
            groups.len() - 1
        };
        if seat.voting {
            if let Some(g) = groups.get_mut(group) {
                g.capacity += 1;
            }
            voting.push((seat.id, group));
        }
    }

    let owner = max_matching(&groups, present.people.len());
    let (members_present, filled, unfilled_counts, unfilled) =
        fills(&groups, &voting, &owner, &present.people);

    conclude(
        rule,
        voting.len(),
        Counted {
            members_present,
            filled,
            unfilled_counts,
            unfilled,
        },
        roles,
    )
}

/// The seats counted at a meeting: how many were filled and not, and the
/// samples named.
struct Counted {
    members_present: u32,
    filled: Vec<SeatFill>,
    unfilled_counts: UnfilledCounts,
    unfilled: Vec<UnfilledSeat>,
}

/// The assessment against `rule` of a meeting with `voting` current voting
/// seats, the seats counted and the roles seen present.
fn conclude(rule: &QuorumRule, voting: usize, counted: Counted, roles: Roles) -> QuorumAssessment {
    let voting_seats = u32::try_from(voting).unwrap_or(u32::MAX);
    let required = rule.threshold.required(voting_seats);
    let missing_roles: Vec<RequiredRoles> = rule
        .required_roles
        .iter()
        .filter(|requirement| !requirement.met_by(&roles.seen))
        .cloned()
        .collect();
    QuorumAssessment {
        quorate: counted.members_present >= required && missing_roles.is_empty(),
        required,
        voting_seats,
        members_present: counted.members_present,
        filled: counted.filled,
        unfilled_counts: counted.unfilled_counts,
        unfilled: counted.unfilled,
        roles_present: roles.present,
        missing_roles,
    }
}

/// Roles seen present, in the order first seen.
#[derive(Default)]
struct Roles {
    present: Vec<RolePresent>,
    seen: HashSet<PostRole>,
}

/// The people present at a meeting, deduplicated, in attendance order.
struct Present {
    people: Vec<PersonId>,
    index: HashMap<PersonId, usize>,
    /// Present representatives (indices) by organisation; taken by the
    /// organisation's group, so each list is held once.
    by_organisation: HashMap<OrganisationId, Vec<usize>>,
}

impl Present {
    fn of(meeting: &Meeting) -> Self {
        let mut present = Self {
            people: Vec::new(),
            index: HashMap::new(),
            by_organisation: HashMap::new(),
        };
        for entry in &meeting.attendance {
            if entry.status != AttendanceStatus::Present {
                continue;
            }
            let next = present.people.len();
            let index = *present.index.entry(entry.person).or_insert(next);
            if index == next {
                present.people.push(entry.person);
            }
            if let Some(organisation) = entry.on_behalf_of {
                present
                    .by_organisation
                    .entry(organisation)
                    .or_default()
                    .push(index);
            }
        }
        present
    }

    /// The group of seats held by `holder` (no seat counted in it yet), and
    /// the role of its post seen present.
    fn group<H: SeatHolders + ?Sized>(
        &mut self,
        holder: SeatHolder,
        date: NaiveDate,
        holders: &H,
        roles: &mut Roles,
    ) -> Group {
        let (vacant, mut candidates) = match holder {
            SeatHolder::Post(post) => {
                let holding = holders.post_holders(post, date);
                let present: Vec<usize> = holding
                    .iter()
                    .filter_map(|person| self.index.get(person).copied())
                    .collect();
                if let (Some(role), Some(&first)) = (holders.post_role(post), present.first())
                    && roles.seen.insert(role)
                    && let Some(&person) = self.people.get(first)
                {
                    roles.present.push(RolePresent { role, person });
                }
                (holding.is_empty(), present)
            }
            SeatHolder::Organisation(organisation) => (
                false,
                self.by_organisation
                    .remove(&organisation)
                    .unwrap_or_default(),
            ),
        };
        candidates.sort_unstable();
        candidates.dedup();
        Group {
            candidates,
            vacant,
            capacity: 0,
        }
    }
}

/// Seats filled (each group's first seats in seat order, taken by its people
/// in attendance order) and not: the count and the first [`SEAT_SAMPLE`] of
/// each.
fn fills(
    groups: &[Group],
    voting: &[(SeatId, usize)],
    owner: &[Option<usize>],
    people: &[PersonId],
) -> (u32, Vec<SeatFill>, UnfilledCounts, Vec<UnfilledSeat>) {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (person, group) in owner.iter().enumerate() {
        if let Some(list) = group.and_then(|g| members.get_mut(g)) {
            list.push(person);
        }
    }
    let mut used: Vec<usize> = vec![0; groups.len()];
    let mut filled = Vec::new();
    let mut unfilled = Vec::new();
    let mut unfilled_counts = UnfilledCounts::default();
    let mut members_present: u32 = 0;
    for &(seat, group) in voting {
        let next = used.get(group).copied().unwrap_or_default();
        let person = members
            .get(group)
            .and_then(|list| list.get(next))
            .and_then(|&p| people.get(p));
        if let Some(&person) = person {
            if let Some(slot) = used.get_mut(group) {
                *slot += 1;
            }
            members_present = members_present.saturating_add(1);
            if filled.len() < SEAT_SAMPLE {
                filled.push(SeatFill { seat, person });
            }
        } else {
            let reason = match groups.get(group) {
                Some(g) if g.vacant => UnfilledReason::Vacant,
                Some(g) if !g.candidates.is_empty() => UnfilledReason::CountedElsewhere,
                _ => UnfilledReason::Absent,
            };
            unfilled_counts.add(reason);
            if unfilled.len() < SEAT_SAMPLE {
                unfilled.push(UnfilledSeat { seat, reason });
            }
        }
    }
    (members_present, filled, unfilled_counts, unfilled)
}

/// Not yet reached in this phase's breadth-first search.
const UNSEEN: usize = usize::MAX;

/// A maximum matching of people to groups of seats, each group taking at most
/// its capacity and each person at most one group: a maximum flow found in
/// phases (Dinic's algorithm; on this network, where every person passes at
/// most one unit, O(√P) phases of O(E) each, as Hopcroft–Karp). Groups are
/// tried in order and people in attendance order. Returns each person's group.
fn max_matching(groups: &[Group], people: usize) -> Vec<Option<usize>> {
    let mut owner: Vec<Option<usize>> = vec![None; people];
    let mut load: Vec<usize> = vec![0; groups.len()];
    let mut level: Vec<usize> = vec![UNSEEN; groups.len()];
    let mut next: Vec<usize> = vec![0; groups.len()];
    let mut queue: VecDeque<usize> = VecDeque::new();
    // The path being extended: (group, person taken from the next group).
    let mut path: Vec<(usize, usize)> = Vec::new();
    loop {
        // Levels: groups with room at 0; a group reached through a person it
        // holds one further. Stop at the level where a free person is seen.
        level.fill(UNSEEN);
        queue.clear();
        for (g, group) in groups.iter().enumerate() {
            if load.get(g).copied().unwrap_or_default() < group.capacity
                && let Some(slot) = level.get_mut(g)
            {
                *slot = 0;
                queue.push_back(g);
            }
        }
        let mut deepest: Option<usize> = None;
        while let Some(g) = queue.pop_front() {
            let at = level.get(g).copied().unwrap_or(UNSEEN);
            if deepest.is_some_and(|d| at >= d) {
                break;
            }
            for &p in groups.get(g).map_or(&[][..], |x| x.candidates.as_slice()) {
                mcn_core::steps::one();
                match owner.get(p).copied().flatten() {
                    None => deepest = Some(at),
                    Some(h) => {
                        if let Some(slot) = level.get_mut(h)
                            && *slot == UNSEEN
                        {
                            *slot = at + 1;
                            queue.push_back(h);
                        }
                    }
                }
            }
        }
        let Some(deepest) = deepest else { break };

        // Augmenting paths along the levels, each edge passed over at most
        // once per phase (`next` is each group's place in its candidates).
        next.fill(0);
        for start in 0..groups.len() {
            while level.get(start) == Some(&0)
                && load.get(start).copied().unwrap_or_default()
                    < groups.get(start).map_or(0, |g| g.capacity)
            {
                if !augment(
                    groups, start, deepest, &mut owner, &mut level, &mut next, &mut path,
                ) {
                    break;
                }
                if let Some(l) = load.get_mut(start) {
                    *l += 1;
                }
            }
        }
    }
    owner
}

/// One augmenting path from `start` (a group with room) to a free person,
/// depth-first along the levels, without recursion. Groups found to lead
/// nowhere are taken out of the level graph. Returns whether a path was found
/// (and applied to `owner`).
fn augment(
    groups: &[Group],
    start: usize,
    deepest: usize,
    owner: &mut [Option<usize>],
    level: &mut [usize],
    next: &mut [usize],
    path: &mut Vec<(usize, usize)>,
) -> bool {
    path.clear();
    let mut g = start;
    loop {
        let at = level.get(g).copied().unwrap_or(UNSEEN);
        let candidates = groups.get(g).map_or(&[][..], |x| x.candidates.as_slice());
        let mut step: Option<(usize, Option<usize>)> = None;
        while let Some(&p) = next.get(g).and_then(|&i| candidates.get(i)) {
            mcn_core::steps::one();
            match owner.get(p).copied().flatten() {
                None => {
                    step = Some((p, None));
                    break;
                }
                Some(h) if at < deepest && level.get(h) == Some(&(at + 1)) => {
                    step = Some((p, Some(h)));
                    break;
                }
                Some(_) => {
                    if let Some(i) = next.get_mut(g) {
                        *i += 1;
                    }
                }
            }
        }
        match step {
            Some((p, None)) => {
                // Shift every person on the path to the group before it.
                if let Some(slot) = owner.get_mut(p) {
                    *slot = Some(g);
                }
                for &(group, person) in path.iter().rev() {
                    if let Some(slot) = owner.get_mut(person) {
                        *slot = Some(group);
                    }
                }
                return true;
            }
            Some((p, Some(h))) => {
                path.push((g, p));
                g = h;
            }
            None => {
                // A dead end: out of this phase; step back and move on.
                if let Some(slot) = level.get_mut(g) {
                    *slot = UNSEEN;
                }
                match path.pop() {
                    None => return false,
                    Some((previous, _)) => {
                        if let Some(i) = next.get_mut(previous) {
                            *i += 1;
                        }
                        g = previous;
                    }
                }
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(candidates: &[&[usize]]) -> Vec<Group> {
        candidates
            .iter()
            .map(|c| Group {
                candidates: c.to_vec(),
                vacant: false,
                capacity: 1,
            })
            .collect()
    }

    #[test]
    fn matching_reassigns_to_count_everyone() {
        // Seat 0: person 0 or 1; seat 1: person 0 only. Greedy would give 1.
        let m = max_matching(&groups(&[&[0, 1], &[0]]), 2);
        assert_eq!(m, vec![Some(1), Some(0)]);
        // One person, two seats: counts once.
        assert_eq!(max_matching(&groups(&[&[0], &[0]]), 1), vec![Some(0)]);
        // Longer augmenting path.
        let m = max_matching(&groups(&[&[0], &[0, 1], &[1, 2], &[2]]), 3);
        assert_eq!(m.iter().flatten().count(), 3);
        assert!(max_matching(&[], 0).is_empty());
    }

    #[test]
    fn a_group_takes_up_to_its_capacity() {
        let mut g = groups(&[&[0, 1, 2], &[0]]);
        g[0].capacity = 2;
        // Person 0 goes to group 1 so group 0 can take two others.
        assert_eq!(max_matching(&g, 3), vec![Some(1), Some(0), Some(0)]);
        g[0].capacity = 5;
        assert_eq!(max_matching(&g, 3).iter().flatten().count(), 3);
    }

    #[test]
    fn a_long_chain_of_displacements_does_not_recurse() {
        // Group i can take person i or i+1; group n-1 only person n-1 … so
        // filling the last group shifts everyone along a path of length n.
        let n = 100_000;
        let mut g: Vec<Group> = (0..n)
            .map(|i| Group {
                candidates: if i + 1 < n { vec![i, i + 1] } else { vec![i] },
                vacant: false,
                capacity: 1,
            })
            .collect();
        g.rotate_right(1);
        let m = max_matching(&g, n);
        assert_eq!(m.iter().flatten().count(), n);
    }
}
