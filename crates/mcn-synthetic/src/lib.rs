#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod dates;
mod governance;
mod organisations;
mod rng;
mod roles;
mod standards;
mod training;
mod words;
mod world;

use std::str::FromStr;

use mcn_core::{NaiveDate, Text, id::NetworkId};
use mcn_network::{NetworkDocument, NetworkProfile};

/// How big a synthetic network is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scale {
    /// About one regional network ([`Counts::SMALL`]).
    Small,
    /// England-wide, the scale of the performance targets in `docs/PERFORMANCE.md` ([`Counts::NATIONAL`]).
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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown scale {0:?}: expected small or national")]
pub struct UnknownScale(pub String);

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

    /// England-wide (the scale of `docs/PERFORMANCE.md`): ~1,500 organisations, 25,000 people,
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
/// use mcn_network::Network;
/// use mcn_synthetic::{Scale, generate};
///
/// let as_of = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
/// let document = generate(7, Scale::Small, as_of);
/// assert_eq!(document.organisations.len(), 25);
/// assert_eq!(document, generate(7, Scale::Small, as_of));
/// assert_eq!(Network::new(document).validate(as_of).errors().count(), 0);
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
