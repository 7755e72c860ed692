//! One pass over the registrations for every figure that reads attendance:
//! training reach by organisation, sector, locality and level, the
//! organisations attending each event beyond its host, and who was trained
//! where.
//!
//! The reach figures are those of [`mcn_training::reach`] (attended
//! registrations at events that are known, not cancelled and dated in the
//! window; people distinct by id, organisations by the registration's
//! organisation; an event's level its own, else its course's). Calling
//! `reach` once per grouping (organisation, sector, locality) read the
//! million registrations of a national document three times through `SipHash`
//! maps, most of the evaluation's time; this pass computes the same figures
//! once, and a test checks them against `reach` on arbitrary documents.

use std::collections::BTreeMap;

use mcn_core::id::{CourseId, LocalityId, OrganisationId, PersonId};
use mcn_training::{EducationLevel, ReachFigures};

use super::{Context, NhsGroup};
use crate::fx::{FxHashMap, FxHashSet};

/// Dense indices for ids met in the pass: maps and packed pair keys are
/// cheaper on `u32`s than on 16-byte UUIDs.
#[derive(Debug)]
struct Dense<K> {
    index: FxHashMap<K, u32>,
    keys: Vec<K>,
}

impl<K> Default for Dense<K> {
    fn default() -> Self {
        Self {
            index: FxHashMap::default(),
            keys: Vec::new(),
        }
    }
}

impl<K: Copy + Eq + std::hash::Hash> Dense<K> {
    fn of(&mut self, key: K) -> u32 {
        let next = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        let index = *self.index.entry(key).or_insert(next);
        if index == next && self.keys.len() < u32::MAX as usize {
            self.keys.push(key);
        }
        index
    }
}

/// `(a, b)` as one `u64` key.
const fn pair(a: u32, b: u32) -> u64 {
    ((a as u64) << 32) | b as u64
}

/// Bits of a person's or organisation's mask: counted at all (0), at each
/// level (1–4), in each sector group (5–7).
const ALL_BIT: u8 = 1;
const LEVEL_BIT: u8 = 1 << 1;
const SECTOR_BIT: u8 = 1 << 5;

/// Attendances per group and distinct people and organisations, from masks
/// (small groups) or pair sets (localities, organisations).
#[derive(Debug, Default)]
struct Counts {
    attendances: Vec<u64>,
    people: Vec<u64>,
    organisations: Vec<u64>,
}

impl Counts {
    fn sized(n: usize) -> Self {
        Self {
            attendances: vec![0; n],
            people: vec![0; n],
            organisations: vec![0; n],
        }
    }

    fn grow(&mut self, n: usize) {
        if self.attendances.len() < n {
            self.attendances.resize(n, 0);
            self.people.resize(n, 0);
            self.organisations.resize(n, 0);
        }
    }

    fn figures(&self, i: usize) -> ReachFigures {
        let at = |v: &Vec<u64>| v.get(i).copied().unwrap_or(0);
        ReachFigures {
            people: at(&self.people),
            organisations: at(&self.organisations),
            attendances: at(&self.attendances),
        }
    }
}

fn bump(counts: &mut [u64], i: usize) {
    if let Some(n) = counts.get_mut(i) {
        *n += 1;
    }
}

/// Adds the groups of `bits` not yet in `mask` to `counts` (people or
/// organisations), bit `b` counting at position `b`.
fn first_time(mask: Option<&mut u8>, bits: u8, counts: &mut [u64]) {
    let Some(mask) = mask else { return };
    let new = bits & !*mask;
    *mask |= bits;
    for bit in 0..8 {
        if new & (1 << bit) != 0 {
            bump(counts, bit);
        }
    }
}

/// The attendance figures of the window.
#[derive(Debug, Default)]
pub(crate) struct Attendance {
    /// Reach over all counted attendances.
    pub(crate) total: ReachFigures,
    /// Reach by the event's effective level, in [`EducationLevel::ALL`] order.
    pub(crate) by_level: [ReachFigures; 4],
    /// Reach by the sector of the registration's organisation.
    pub(crate) by_sector: BTreeMap<NhsGroup, ReachFigures>,
    /// Reach by the event's locality (`None`: no locality).
    pub(crate) by_locality: BTreeMap<Option<LocalityId>, ReachFigures>,
    /// Reach by the registration's organisation.
    pub(crate) by_organisation: BTreeMap<OrganisationId, ReachFigures>,
    /// Per event position: the organisations attending it other than its
    /// host, each once (`None`: nobody attended it).
    pub(crate) beyond_host: Vec<Option<Vec<OrganisationId>>>,
    /// Distinct `(event locality, person)` pairs.
    pub(crate) located: Vec<(LocalityId, PersonId)>,
}

impl Attendance {
    /// One pass over `cx`'s registrations.
    #[allow(clippy::too_many_lines)] // one pass, kept in one place
    pub(crate) fn new(cx: &Context<'_>) -> Self {
        let doc = cx.doc;
        // Each event's effective level and its locality's dense index, by position.
        let mut courses: FxHashMap<CourseId, &mcn_training::Course> = FxHashMap::default();
        for course in &doc.courses {
            courses.entry(course.id).or_insert(course);
        }
        let mut localities: Dense<Option<LocalityId>> = Dense::default();
        let events: Vec<(Option<usize>, u32)> = doc
            .events
            .iter()
            .map(|event| {
                let course = event.course.and_then(|id| courses.get(&id).copied());
                let level = event
                    .effective_level(course)
                    .and_then(|level| EducationLevel::ALL.iter().position(|l| *l == level));
                (level, localities.of(event.locality))
            })
            .collect();
        let mut sectors: FxHashMap<OrganisationId, NhsGroup> = FxHashMap::default();
        for organisation in &doc.organisations {
            sectors
                .entry(organisation.id)
                .or_insert_with(|| NhsGroup::of(organisation.sector()));
        }

        let mut people: Dense<PersonId> = Dense::default();
        let mut organisations: Dense<OrganisationId> = Dense::default();
        let mut person_mask: Vec<u8> = Vec::new();
        let mut organisation_mask: Vec<u8> = Vec::new();
        // Bit-indexed groups: all, four levels, three sector groups.
        let mut small = Counts::sized(8);
        let mut by_locality = Counts::sized(localities.keys.len());
        let mut by_organisation = Counts::default();
        let mut locality_people: FxHashSet<u64> = FxHashSet::default();
        let mut locality_organisations: FxHashSet<u64> = FxHashSet::default();
        let mut organisation_people: FxHashSet<u64> = FxHashSet::default();
        let mut beyond: FxHashSet<u64> = FxHashSet::default();
        let mut beyond_host: Vec<Option<Vec<OrganisationId>>> = vec![None; doc.events.len()];
        for registration in doc.registrations.iter().filter(|r| r.attended()) {
            let Some((i, event)) = cx.event_in_window(registration.event) else {
                continue;
            };
            let Some(&(level, locality)) = events.get(i) else {
                continue;
            };
            let person = people.of(registration.person);
            let organisation = organisations.of(registration.organisation);
            let (p, o) = (person as usize, organisation as usize);
            if person_mask.len() <= p {
                person_mask.resize(p + 1, 0);
            }
            if organisation_mask.len() <= o {
                organisation_mask.resize(o + 1, 0);
            }
            let sector = sectors
                .get(&registration.organisation)
                .copied()
                .unwrap_or(NhsGroup::Unknown);
            let sector_bit = SECTOR_BIT << (sector as u8);
            let level_bit = level.map_or(0, |l| LEVEL_BIT << l);
            let bits = ALL_BIT | level_bit | sector_bit;
            for bit in 0..8_usize {
                if bits & (1 << bit) != 0 {
                    bump(&mut small.attendances, bit);
                }
            }
            first_time(person_mask.get_mut(p), bits, &mut small.people);
            first_time(organisation_mask.get_mut(o), bits, &mut small.organisations);
            let l = locality as usize;
            bump(&mut by_locality.attendances, l);
            if locality_people.insert(pair(locality, person)) {
                bump(&mut by_locality.people, l);
            }
            if locality_organisations.insert(pair(locality, organisation)) {
                bump(&mut by_locality.organisations, l);
            }
            by_organisation.grow(o + 1);
            bump(&mut by_organisation.attendances, o);
            bump(&mut by_organisation.organisations, o);
            if organisation_people.insert(pair(organisation, person)) {
                bump(&mut by_organisation.people, o);
            }
            let event_index = u32::try_from(i).unwrap_or(u32::MAX);
            if let Some(slot) = beyond_host.get_mut(i) {
                let others = slot.get_or_insert_with(Vec::new);
                if registration.organisation != event.host
                    && beyond.insert(pair(event_index, organisation))
                {
                    others.push(registration.organisation);
                }
            }
        }
        // An organisation counts once for itself, however many attendances.
        for n in &mut by_organisation.organisations {
            *n = (*n).min(1);
        }
        let mut by_level = [ReachFigures::default(); 4];
        for (l, slot) in by_level.iter_mut().enumerate() {
            *slot = small.figures(1 + l);
        }
        let by_sector = NhsGroup::ALL
            .iter()
            .enumerate()
            .map(|(g, group)| (*group, small.figures(5 + g)))
            .filter(|(_, figures)| figures.attendances > 0)
            .collect();
        let by_locality_out = localities
            .keys
            .iter()
            .enumerate()
            .map(|(l, key)| (*key, by_locality.figures(l)))
            .filter(|(_, figures)| figures.attendances > 0)
            .collect();
        let by_organisation_out = organisations
            .keys
            .iter()
            .enumerate()
            .map(|(o, key)| (*key, by_organisation.figures(o)))
            .collect();
        let located = locality_people
            .iter()
            .filter_map(|key| {
                let (l, p) = (key >> 32, key & u64::from(u32::MAX));
                let locality = localities
                    .keys
                    .get(usize::try_from(l).ok()?)
                    .copied()
                    .flatten()?;
                let person = people.keys.get(usize::try_from(p).ok()?).copied()?;
                Some((locality, person))
            })
            .collect();
        Self {
            total: small.figures(0),
            by_level,
            by_sector,
            by_locality: by_locality_out,
            by_organisation: by_organisation_out,
            beyond_host,
            located,
        }
    }
}

#[cfg(test)]
mod tests {
    use mcn_core::{NaiveDate, strategy::date};
    use mcn_network::{Network, strategy::wired_document};
    use mcn_training::reach;
    use proptest::prelude::*;

    use super::*;
    use crate::EvaluationSettings;

    fn agree(network: &Network, as_of: NaiveDate) {
        let settings = EvaluationSettings::default();
        let cx = Context::new(network, as_of, &settings);
        let ours = Attendance::new(&cx);
        let doc = network.document();
        let theirs = |key: &dyn Fn(&mcn_training::Registration, &mcn_training::Event) -> String| {
            let r = reach(
                &doc.courses,
                &doc.events,
                &doc.registrations,
                cx.window,
                key,
            );
            (
                r.total,
                r.groups
                    .into_iter()
                    .map(|g| (g.key, g.reach.all))
                    .collect::<BTreeMap<_, _>>(),
            )
        };
        let (total, by_org) = theirs(&|r, _| r.organisation.to_string());
        assert_eq!(ours.total, total.all);
        let levels: Vec<ReachFigures> = total.by_level.iter().map(|l| l.reach).collect();
        assert_eq!(ours.by_level.to_vec(), levels);
        let ours_by_org: BTreeMap<String, ReachFigures> = ours
            .by_organisation
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        assert_eq!(ours_by_org, by_org);
        let (_, by_sector) = theirs(&|r, _| {
            format!(
                "{:?}",
                NhsGroup::of(
                    network
                        .organisation(r.organisation)
                        .and_then(mcn_organisations::Organisation::sector)
                )
            )
        });
        let ours_by_sector: BTreeMap<String, ReachFigures> = ours
            .by_sector
            .iter()
            .map(|(k, v)| (format!("{k:?}"), *v))
            .collect();
        assert_eq!(ours_by_sector, by_sector);
        let (_, by_locality) = theirs(&|_, e| format!("{:?}", e.locality));
        let ours_by_locality: BTreeMap<String, ReachFigures> = ours
            .by_locality
            .iter()
            .map(|(k, v)| (format!("{k:?}"), *v))
            .collect();
        assert_eq!(ours_by_locality, by_locality);
    }

    /// Linked training collections (people and organisations repeat) with
    /// organisations of every kind behind the registrations, judged on a day
    /// near one of the events.
    fn trained() -> impl Strategy<Value = (Network, NaiveDate)> {
        mcn_training::strategy::collections(6, 40).prop_flat_map(|collections| {
            let mut ids: Vec<OrganisationId> = collections
                .registrations
                .iter()
                .map(|r| r.organisation)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            let mut dates: Vec<NaiveDate> = collections.events.iter().map(|e| e.date).collect();
            dates.push(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
            (
                Just(collections),
                prop::collection::vec(
                    mcn_core::strategy::vocabulary::<mcn_organisations::OrganisationKind>(),
                    ids.len(),
                ),
                Just(ids),
                prop::sample::select(dates),
                0_u64..400,
            )
                .prop_map(|(collections, kinds, ids, date, offset)| {
                    let profile = mcn_network::NetworkProfile::new(
                        mcn_core::id::NetworkId::from_u128(1),
                        mcn_core::Text::new("Network").unwrap(),
                    );
                    let mut document = mcn_network::NetworkDocument::new(profile);
                    document.organisations = ids
                        .into_iter()
                        .zip(kinds)
                        .map(|(id, kind)| {
                            let mut organisation = mcn_organisations::Organisation::new(
                                id,
                                mcn_core::Text::new("Organisation").unwrap(),
                                kind,
                            );
                            organisation.sector = (kind
                                == mcn_organisations::OrganisationKind::Other)
                                .then_some(mcn_organisations::Sector::Independent);
                            organisation
                        })
                        .collect();
                    document.courses = collections.courses;
                    document.events = collections.events;
                    document.registrations = collections.registrations;
                    let as_of = date
                        .checked_add_days(chrono::Days::new(offset))
                        .unwrap_or(date);
                    (Network::new(document), as_of)
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn agrees_with_mcn_training_reach((network, as_of) in trained()) {
            agree(&network, as_of);
        }

        #[test]
        fn agrees_on_arbitrary_documents(document in wired_document(), as_of in date()) {
            agree(&Network::new(document), as_of);
        }
    }
}
