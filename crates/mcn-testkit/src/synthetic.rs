//! Deterministic synthetic networks at any scale: the same seed, scale and date
//! give the same document, byte for byte.
//!
//! The documents are realistic in shape and valid by construction
//! (`mcn_network::validate` reports no error, only the warnings a real network
//! would have: a vacant funded post, an overdue action, an inquorate meeting, a
//! funding stream ending soon, ...):
//!
//! - localities (regions, integrated care systems, places) with populations;
//!   organisations across both sectors (NHS trusts and foundation trusts, ICBs,
//!   GP practices, children's and adult hospices, charities, local authorities,
//!   a university, community and independent providers) with ODS, charity and
//!   company numbers; memberships that are mostly active, a few pending,
//!   suspended or withdrawn; a few practices merged into others; services and
//!   record systems;
//! - people employed across the members, with registrations that fit their
//!   professions; network posts (a funded co-ordinator, clinical lead, chairs,
//!   locality leads, champions, body members), appointments with some turnover
//!   and some vacancies; staffing records;
//! - a board and the groups reporting to it, with terms of reference (most
//!   reviewed during the window by a board decision), quorum rules and seats;
//!   meetings by each body's frequency over the window with attendance of
//!   70–85 %, agendas, decisions and actions, minutes approved at the next
//!   meeting; the work plan, risk register, funding streams, communications;
//! - courses at every education level, events with registrations (attended,
//!   did not attend with access barriers, cancelled, wait-listed, feedback);
//!   training requirements;
//! - the NICE QS160 and NG61 catalogue plus network guidelines, endorsed by
//!   board decisions (one revised and superseded), adoptions with their
//!   histories and quarterly audit results.
//!
//! Everything happens in the `years` before `as_of` (meetings and events
//! continue a little after it as scheduled or planned). No `rand` crate: a
//! `SplitMix64` generator seeded with `seed` makes every choice and every id.

mod dates;
mod governance;
mod organisations;
mod rng;
mod roles;
mod standards;
mod training;
mod words;
mod world;

use std::{fmt, str::FromStr};

use mcn_core::{NaiveDate, Text, id::NetworkId};
use mcn_network::{NetworkDocument, NetworkProfile};

/// How big a synthetic network is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scale {
    /// About one regional network ([`Counts::SMALL`]).
    Small,
    /// England-wide, per the performance targets in `DESIGN.md` §6 ([`Counts::NATIONAL`]).
    National,
    /// Explicit counts.
    Custom(Counts),
}

impl Scale {
    /// The counts this scale generates.
    #[must_use]
    pub const fn counts(&self) -> Counts {
        match self {
            Self::Small => Counts::SMALL,
            Self::National => Counts::NATIONAL,
            Self::Custom(counts) => *counts,
        }
    }
}

/// A scale name that is neither `small` nor `national`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownScale(pub String);

impl fmt::Display for UnknownScale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown scale {:?}: expected small or national", self.0)
    }
}

impl std::error::Error for UnknownScale {}

impl FromStr for Scale {
    type Err = UnknownScale;

    /// `small` or `national` (any case).
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name.to_ascii_lowercase().as_str() {
            "small" => Ok(Self::Small),
            "national" => Ok(Self::National),
            _ => Err(UnknownScale(name.to_owned())),
        }
    }
}

/// How many of each thing to generate.
///
/// The counts of top-level collections are exact, except where the data caps
/// them: registrations per event by the number of people (a person registers
/// once per event), adoptions per organisation by the number of standards,
/// audit results per organisation by its measures × complete quarters × 5
/// condition categories; and what needs something that is not there is left
/// out (posts, courses and events need organisations; objectives, risks and
/// registrations need people). Meetings follow from the bodies, their
/// frequencies and `years`; seats, services, systems, staffing records,
/// memberships and training requirements follow from the bodies, the
/// organisations and the people; appointments from the posts (some vacant).
///
/// Start from [`Counts::SMALL`] or [`Counts::NATIONAL`] and change fields, or
/// use [`Counts::scaled`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Counts {
    /// Localities: regions, integrated care systems and places.
    pub localities: usize,
    /// Organisations (about 96 % of them members of the network).
    pub organisations: usize,
    /// People.
    pub people: usize,
    /// Posts (network posts first, then chairs, locality leads, champions, members).
    pub posts: usize,
    /// Governance bodies (a board, then the groups reporting to it).
    pub bodies: usize,
    /// Years of history before `as_of` (at least 1).
    pub years: u32,
    /// Funding streams.
    pub funding_streams: usize,
    /// Work plan objectives.
    pub objectives: usize,
    /// Risks on the register.
    pub risks: usize,
    /// Communications.
    pub communications: usize,
    /// Training courses.
    pub courses: usize,
    /// Training and networking events.
    pub events: usize,
    /// Registrations for events, in total.
    pub registrations: usize,
    /// Network guidelines besides the NICE catalogue (QS160 statements and NG61).
    pub local_standards: usize,
    /// Adoption records, in total.
    pub adoptions: usize,
    /// Audit results, in total.
    pub audit_results: usize,
}

impl Counts {
    /// About one regional network: ~25 organisations, 5 localities, 150 people,
    /// 40 posts, 6 bodies, two years of meetings, 2,500 registrations.
    pub const SMALL: Self = Self {
        localities: 5,
        organisations: 25,
        people: 150,
        posts: 40,
        bodies: 6,
        years: 2,
        funding_streams: 3,
        objectives: 10,
        risks: 8,
        communications: 30,
        courses: 8,
        events: 100,
        registrations: 2_500,
        local_standards: 3,
        adoptions: 150,
        audit_results: 400,
    };

    /// England-wide (`DESIGN.md` §6): ~1,500 organisations, 25,000 people,
    /// 1,000,000 registrations, ~5,000 meetings, 75,000 adoptions, 150,000
    /// audit results.
    pub const NATIONAL: Self = Self {
        localities: 250,
        organisations: 1_500,
        people: 25_000,
        posts: 3_000,
        bodies: 420,
        years: 2,
        funding_streams: 40,
        objectives: 300,
        risks: 150,
        communications: 600,
        courses: 400,
        events: 40_000,
        registrations: 1_000_000,
        local_standards: 60,
        adoptions: 75_000,
        audit_results: 150_000,
    };

    /// These counts times `numerator / denominator` (rounded, at least 1 where
    /// the count was not 0). The history (`years`) and the catalogue of
    /// standards (`local_standards`) stay as they are: they are not volume.
    #[must_use]
    pub fn scaled(self, numerator: usize, denominator: usize) -> Self {
        const fn scale(n: usize, numerator: usize, denominator: usize) -> usize {
            if n == 0 || denominator == 0 {
                return n;
            }
            let scaled = (n.saturating_mul(numerator) + denominator / 2) / denominator;
            if scaled == 0 { 1 } else { scaled }
        }
        let s = |n: usize| scale(n, numerator, denominator);
        Self {
            localities: s(self.localities),
            organisations: s(self.organisations),
            people: s(self.people),
            posts: s(self.posts),
            bodies: s(self.bodies),
            years: self.years,
            funding_streams: s(self.funding_streams),
            objectives: s(self.objectives),
            risks: s(self.risks),
            communications: s(self.communications),
            courses: s(self.courses),
            events: s(self.events),
            registrations: s(self.registrations),
            local_standards: self.local_standards,
            adoptions: s(self.adoptions),
            audit_results: s(self.audit_results),
        }
    }
}

/// A deterministic synthetic network: the same seed, scale and date give the same document.
///
/// ```
/// use mcn_core::NaiveDate;
/// use mcn_testkit::synthetic::{Scale, generate};
///
/// let as_of = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
/// let document = generate(7, Scale::Small, as_of);
/// assert_eq!(document.organisations.len(), 25);
/// assert_eq!(document, generate(7, Scale::Small, as_of));
/// assert_eq!(mcn_network::validate(&document, as_of).errors().count(), 0);
/// ```
#[must_use]
pub fn generate(seed: u64, scale: Scale, as_of: NaiveDate) -> NetworkDocument {
    world::World::new(seed, scale.counts(), as_of).map_or_else(
        // Unreachable: `World::new` only fails if its fixed texts were invalid.
        || {
            NetworkDocument::new(NetworkProfile::new(
                NetworkId::from_u128(u128::from(seed)),
                Text::redacted(),
            ))
        },
        world::World::build,
    )
}
