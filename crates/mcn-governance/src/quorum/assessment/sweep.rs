//! Every held meeting's quorum in one sweep through time.
//!
//! [`super::assess_quorum`] walks all of a body's seats and asks for each
//! post's holders, once per meeting: seats × meetings. Here the seats'
//! periods and the holdings' periods become start and end events, sorted by
//! date, and the meetings are visited in date order while the events are
//! applied up to each meeting's date. What is current is kept per body and
//! holder (a *slot*: the body's seats held by one post or one organisation):
//! the current seats and voting seats in document order, and per body the
//! current voting seats and how many of them belong to posts nobody holds.
//! A meeting then looks only at the slots its present people can fill (the
//! organisations they represent, the posts they hold), matches them as
//! `assess_quorum` does, and counts the rest. The results are identical to
//! `assess_quorum`'s, meeting by meeting (a property test compares them).

use std::collections::{BTreeSet, HashMap};

use mcn_core::{
    NaiveDate,
    id::{BodyId, PersonId, PostId},
    index::IdIndex,
    steps,
};

use super::{
    Counted, Group, Holding, MeetingQuorum, Present, QuorumAssessment, QuorumCheck, RolePresent,
    Roles, SEAT_SAMPLE, SeatFill, SeatHolders, UnfilledCounts, UnfilledReason, UnfilledSeat,
    conclude, max_matching,
};
use crate::{
    body::{Body, TermsTimeline},
    meeting::{Meeting, MeetingStatus},
    quorum::QuorumRule,
    seat::{Seat, SeatHolder},
};

/// Checks the quorum of every **held** meeting, in document order, against the
/// terms of reference of its body in force on the meeting date (each body's
/// versions sorted once, the one in force found by binary search).
///
/// The result is, meeting by meeting, what [`super::assess_quorum`] gives
/// for the meeting with all `seats`, but the meetings are assessed in one
/// sweep through time (the seats' and the holdings' periods as start and
/// end events sorted by date, the meetings visited in date order): the cost is
/// O((seats + holdings + meetings) · log n) for the sweep, plus for each
/// meeting its attendance, the posts its present people hold, and the
/// matching over the seats they can fill — not the body's other seats. (A
/// post held by nobody, or by someone again, updates every body it has seats
/// on: that is a term per body, not per seat.)
pub fn assess_meetings<H: SeatHolders + ?Sized>(
    bodies: &[Body],
    seats: &[Seat],
    meetings: &[Meeting],
    holders: &H,
) -> Vec<MeetingQuorum> {
    let index = IdIndex::new(bodies.iter().map(|body| body.id));
    let mut timelines: HashMap<usize, TermsTimeline<'_>> = HashMap::new();
    let mut checks: Vec<MeetingQuorum> = Vec::new();
    // (date, position in `checks`, meeting, rule) of each meeting to assess.
    let mut due: Vec<(NaiveDate, usize, &Meeting, &QuorumRule)> = Vec::new();
    for (i, meeting) in meetings.iter().enumerate() {
        if meeting.status != MeetingStatus::Held {
            continue;
        }
        let check = match index.get(meeting.body, bodies) {
            None => QuorumCheck::UnknownBody,
            Some((at, body)) => match timelines
                .entry(at)
                .or_insert_with(|| body.terms_timeline())
                .as_of(meeting.date)
            {
                None => QuorumCheck::NoTermsOfReference,
                Some((_, terms)) => {
                    due.push((meeting.date, checks.len(), meeting, &terms.quorum));
                    // Replaced below, once the sweep reaches the date.
                    QuorumCheck::NoTermsOfReference
                }
            },
        };
        checks.push(MeetingQuorum {
            meeting: i,
            id: meeting.id,
            check,
        });
    }
    due.sort_by_key(|&(date, at, _, _)| (date, at));

    let mut sweep = Sweep::new(seats, holders.holdings());
    for (date, at, meeting, rule) in due {
        sweep.advance_to(date);
        let assessment = sweep.assess(rule, meeting, holders);
        if let Some(check) = checks.get_mut(at) {
            check.check = QuorumCheck::Assessed(assessment);
        }
    }
    checks
}

/// One body's seats held by one post or one organisation.
struct Slot {
    /// The body's state (index in `Sweep::bodies`).
    body: usize,
    holder: SeatHolder,
    /// Current seats (positions in `seats`), voting or not.
    current: BTreeSet<usize>,
    /// Current voting seats.
    voting: BTreeSet<usize>,
}

/// What is current on one body.
#[derive(Default)]
struct BodyState {
    /// Current voting seats (positions in `seats`), in document order.
    voting: BTreeSet<usize>,
    /// How many of them belong to posts nobody holds.
    vacant: usize,
}

/// A post some seat is held by.
#[derive(Default)]
struct PostState {
    /// Holdings of it in force.
    held: usize,
    /// Its slots, one per body it has seats on.
    slots: Vec<usize>,
}

/// Starts and ends of periods, sorted by date, and how far they are applied.
struct Events {
    /// (first day, item), by date.
    starts: Vec<(NaiveDate, usize)>,
    /// (last day, item), by date; open-ended periods have none.
    ends: Vec<(NaiveDate, usize)>,
    started: usize,
    ended: usize,
}

impl Events {
    fn new(periods: impl Iterator<Item = (usize, mcn_core::Period)>) -> Self {
        let mut starts = Vec::new();
        let mut ends = Vec::new();
        for (item, period) in periods {
            starts.push((period.start(), item));
            if let Some(end) = period.end() {
                ends.push((end, item));
            }
        }
        starts.sort_unstable();
        ends.sort_unstable();
        Self {
            starts,
            ends,
            started: 0,
            ended: 0,
        }
    }

    /// Items starting on or before `date` not yet started.
    fn starting(&mut self, date: NaiveDate) -> Vec<usize> {
        take_due(&self.starts, &mut self.started, |start| start <= date)
    }

    /// Items whose last day is before `date` not yet ended.
    fn ending(&mut self, date: NaiveDate) -> Vec<usize> {
        take_due(&self.ends, &mut self.ended, |end| end < date)
    }
}

/// The items of the dated `events` from `*done` on whose dates are `ready`,
/// with `*done` moved past them.
fn take_due(
    events: &[(NaiveDate, usize)],
    done: &mut usize,
    ready: impl Fn(NaiveDate) -> bool,
) -> Vec<usize> {
    let from = *done;
    while events.get(*done).is_some_and(|&(date, _)| ready(date)) {
        *done += 1;
    }
    events
        .get(from..*done)
        .unwrap_or_default()
        .iter()
        .map(|&(_, item)| item)
        .collect()
}

/// The state of the sweep at the last date it was advanced to.
struct Sweep<'s> {
    seats: &'s [Seat],
    /// Each seat's slot.
    slot_of: Vec<usize>,
    slots: Vec<Slot>,
    slot_index: HashMap<(BodyId, SeatHolder), usize>,
    bodies: Vec<BodyState>,
    body_index: HashMap<BodyId, usize>,
    posts: HashMap<PostId, PostState>,
    /// Holdings of posts some seat is held by.
    holdings: Vec<Holding>,
    /// Each person's holdings in force (positions in `holdings`).
    held_by: HashMap<PersonId, BTreeSet<usize>>,
    seat_events: Events,
    holding_events: Events,
}

impl<'s> Sweep<'s> {
    fn new(seats: &'s [Seat], mut holdings: Vec<Holding>) -> Self {
        let mut slot_of = Vec::with_capacity(seats.len());
        let mut slots: Vec<Slot> = Vec::new();
        let mut slot_index: HashMap<(BodyId, SeatHolder), usize> = HashMap::new();
        let mut bodies: Vec<BodyState> = Vec::new();
        let mut body_index: HashMap<BodyId, usize> = HashMap::new();
        let mut posts: HashMap<PostId, PostState> = HashMap::new();
        for seat in seats {
            steps::one();
            let body = *body_index.entry(seat.body).or_insert_with(|| {
                bodies.push(BodyState::default());
                bodies.len() - 1
            });
            let slot = *slot_index
                .entry((seat.body, seat.holder))
                .or_insert_with(|| {
                    slots.push(Slot {
                        body,
                        holder: seat.holder,
                        current: BTreeSet::new(),
                        voting: BTreeSet::new(),
                    });
                    let slot = slots.len() - 1;
                    if let SeatHolder::Post(post) = seat.holder {
                        posts.entry(post).or_default().slots.push(slot);
                    }
                    slot
                });
            slot_of.push(slot);
        }
        // Only holdings of seated posts matter; their order is kept.
        holdings.retain(|holding| posts.contains_key(&holding.post));
        steps::add_usize(holdings.len());
        let seat_events = Events::new(seats.iter().map(|seat| seat.period).enumerate());
        let holding_events = Events::new(holdings.iter().map(|h| h.period).enumerate());
        Self {
            seats,
            slot_of,
            slots,
            slot_index,
            bodies,
            body_index,
            posts,
            holdings,
            held_by: HashMap::new(),
            seat_events,
            holding_events,
        }
    }

    /// Applies every start on or before `date` and every end before it.
    /// Starts go first, so a period both starting and ending since the last
    /// date is added and then removed.
    fn advance_to(&mut self, date: NaiveDate) {
        for seat in self.seat_events.starting(date) {
            self.seat(seat, true);
        }
        for holding in self.holding_events.starting(date) {
            self.holding(holding, true);
        }
        for seat in self.seat_events.ending(date) {
            self.seat(seat, false);
        }
        for holding in self.holding_events.ending(date) {
            self.holding(holding, false);
        }
    }

    /// A seat becomes current (`on`) or stops being so.
    fn seat(&mut self, at: usize, on: bool) {
        steps::one();
        let (Some(seat), Some(&slot_at)) = (self.seats.get(at), self.slot_of.get(at)) else {
            return;
        };
        let Some(slot) = self.slots.get_mut(slot_at) else {
            return;
        };
        let vacant = match slot.holder {
            SeatHolder::Post(post) => self.posts.get(&post).is_none_or(|p| p.held == 0),
            _ => false,
        };
        let Some(body) = self.bodies.get_mut(slot.body) else {
            return;
        };
        if on {
            slot.current.insert(at);
        } else {
            slot.current.remove(&at);
        }
        if seat.voting {
            if on {
                slot.voting.insert(at);
                body.voting.insert(at);
            } else {
                slot.voting.remove(&at);
                body.voting.remove(&at);
            }
            if vacant {
                body.vacant = if on {
                    body.vacant.saturating_add(1)
                } else {
                    body.vacant.saturating_sub(1)
                };
            }
        }
    }

    /// A holding comes into force (`on`) or stops being so.
    fn holding(&mut self, at: usize, on: bool) {
        steps::one();
        let Some(&holding) = self.holdings.get(at) else {
            return;
        };
        let Some(post) = self.posts.get_mut(&holding.post) else {
            return;
        };
        let people = self.held_by.entry(holding.person).or_default();
        if on {
            people.insert(at);
        } else {
            people.remove(&at);
        }
        let before = post.held;
        post.held = if on {
            before.saturating_add(1)
        } else {
            before.saturating_sub(1)
        };
        // The post's voting seats leave or join its bodies' vacant seats.
        if (before == 0) != (post.held == 0) {
            for &slot_at in &post.slots {
                steps::one();
                let Some(slot) = self.slots.get(slot_at) else {
                    continue;
                };
                let Some(body) = self.bodies.get_mut(slot.body) else {
                    continue;
                };
                body.vacant = if on {
                    body.vacant.saturating_sub(slot.voting.len())
                } else {
                    body.vacant.saturating_add(slot.voting.len())
                };
            }
        }
    }

    /// Whether nobody holds `post` at the current date.
    fn unheld(&self, post: PostId) -> bool {
        self.posts.get(&post).is_none_or(|p| p.held == 0)
    }

    /// The meeting's assessment at the current date (which must be its date).
    fn assess<H: SeatHolders + ?Sized>(
        &self,
        rule: &QuorumRule,
        meeting: &Meeting,
        holders: &H,
    ) -> QuorumAssessment {
        steps::add_usize(meeting.attendance.len());
        let mut present = Present::of(meeting);

        // The slots present people can fill, with their candidates and, for
        // a post, its first holding held by someone present.
        let mut found: HashMap<usize, usize> = HashMap::new();
        let mut fillable: Vec<Fillable> = Vec::new();
        let slot_for = |holder: SeatHolder| {
            let slot = *self.slot_index.get(&(meeting.body, holder))?;
            let current = self.slots.get(slot)?.current.first().copied()?;
            Some((slot, current))
        };
        for (organisation, representatives) in present.by_organisation.drain() {
            steps::one();
            if let Some((slot, first_seat)) = slot_for(SeatHolder::Organisation(organisation)) {
                found.insert(slot, fillable.len());
                fillable.push(Fillable {
                    slot,
                    first_seat,
                    candidates: representatives,
                    first_holder: None,
                });
            }
        }
        for (person_at, person) in present.people.iter().enumerate() {
            for &held in self.held_by.get(person).into_iter().flatten() {
                steps::one();
                let Some(holding) = self.holdings.get(held) else {
                    continue;
                };
                let Some((slot, first_seat)) = slot_for(SeatHolder::Post(holding.post)) else {
                    continue;
                };
                let at = *found.entry(slot).or_insert_with(|| {
                    fillable.push(Fillable {
                        slot,
                        first_seat,
                        candidates: Vec::new(),
                        first_holder: None,
                    });
                    fillable.len() - 1
                });
                if let Some(entry) = fillable.get_mut(at) {
                    entry.candidates.push(person_at);
                    if entry.first_holder.is_none_or(|(h, _)| held < h) {
                        entry.first_holder = Some((held, person_at));
                    }
                }
            }
        }
        // Groups in the order assess_quorum makes them: by first current seat.
        fillable.sort_unstable_by_key(|entry| entry.first_seat);
        found.clear();
        let mut roles = Roles::default();
        let mut groups: Vec<Group> = Vec::with_capacity(fillable.len());
        for (g, entry) in fillable.iter_mut().enumerate() {
            found.insert(entry.slot, g);
            let slot = self.slots.get(entry.slot);
            if let (
                Some(Slot {
                    holder: SeatHolder::Post(post),
                    ..
                }),
                Some((_, first)),
            ) = (slot, entry.first_holder)
                && let Some(role) = holders.post_role(*post)
                && roles.seen.insert(role)
                && let Some(&person) = present.people.get(first)
            {
                roles.present.push(RolePresent { role, person });
            }
            let mut candidates = std::mem::take(&mut entry.candidates);
            candidates.sort_unstable();
            candidates.dedup();
            groups.push(Group {
                candidates,
                vacant: false,
                capacity: slot.map_or(0, |s| s.voting.len()),
            });
        }

        let owner = max_matching(&groups, present.people.len());
        let counted = self.count(meeting.body, &fillable, &groups, &owner, &found, &present);
        let voting = self
            .body_index
            .get(&meeting.body)
            .and_then(|&b| self.bodies.get(b))
            .map_or(0, |body| body.voting.len());
        conclude(rule, voting, counted, roles)
    }

    /// The seats filled (each group's first voting seats, in seat order,
    /// taken by its people in attendance order) and not, as `fills` counts
    /// them, without visiting more than the filled seats and the sample.
    fn count(
        &self,
        body: BodyId,
        fillable: &[Fillable],
        groups: &[Group],
        owner: &[Option<usize>],
        found: &HashMap<usize, usize>,
        present: &Present,
    ) -> Counted {
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
        for (person, group) in owner.iter().enumerate() {
            if let Some(list) = group.and_then(|g| members.get_mut(g)) {
                list.push(person);
            }
        }
        // (seat, person) for every seat filled.
        let mut filled: Vec<(usize, PersonId)> = Vec::new();
        let mut counted_elsewhere: usize = 0;
        for ((entry, group), people) in fillable.iter().zip(groups).zip(&members) {
            let seats = self.slots.get(entry.slot).map(|slot| &slot.voting);
            for (&seat, &person) in seats.into_iter().flatten().zip(people) {
                steps::one();
                if let Some(&person) = present.people.get(person) {
                    filled.push((seat, person));
                }
            }
            counted_elsewhere += group.capacity.saturating_sub(people.len());
        }
        filled.sort_unstable_by_key(|&(seat, _)| seat);

        let state = self.body_index.get(&body).and_then(|&b| self.bodies.get(b));
        let voting = state.map_or(0, |b| b.voting.len());
        let vacant = state.map_or(0, |b| b.vacant);
        let absent = voting
            .saturating_sub(filled.len())
            .saturating_sub(counted_elsewhere)
            .saturating_sub(vacant);
        let as_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);

        // The first unfilled seats: every seat passed over is a filled one.
        let mut unfilled = Vec::new();
        let mut next_filled = filled.iter().map(|&(seat, _)| seat).peekable();
        for &seat in state.into_iter().flat_map(|b| &b.voting) {
            if unfilled.len() >= SEAT_SAMPLE {
                break;
            }
            steps::one();
            while next_filled.next_if(|&f| f < seat).is_some() {}
            if next_filled.next_if_eq(&seat).is_some() {
                continue;
            }
            let slot_at = self.slot_of.get(seat).copied().unwrap_or_default();
            let reason = match self.slots.get(slot_at).map(|slot| slot.holder) {
                Some(SeatHolder::Post(post)) if self.unheld(post) => UnfilledReason::Vacant,
                _ if found.contains_key(&slot_at) => UnfilledReason::CountedElsewhere,
                _ => UnfilledReason::Absent,
            };
            if let Some(seat) = self.seats.get(seat) {
                unfilled.push(UnfilledSeat {
                    seat: seat.id,
                    reason,
                });
            }
        }
        Counted {
            members_present: as_u32(filled.len()),
            filled: filled
                .iter()
                .take(SEAT_SAMPLE)
                .filter_map(|&(seat, person)| {
                    self.seats.get(seat).map(|seat| SeatFill {
                        seat: seat.id,
                        person,
                    })
                })
                .collect(),
            unfilled_counts: UnfilledCounts {
                vacant: as_u32(vacant),
                absent: as_u32(absent),
                counted_elsewhere: as_u32(counted_elsewhere),
            },
            unfilled,
        }
    }
}

/// A slot some present person can fill, at one meeting.
struct Fillable {
    slot: usize,
    /// Its first current seat (position in `seats`): the group order.
    first_seat: usize,
    /// Present people (indices) who can fill it.
    candidates: Vec<usize>,
    /// For a post: its first holding in force held by someone present
    /// (position in `holdings`, person index).
    first_holder: Option<(usize, usize)>,
}
