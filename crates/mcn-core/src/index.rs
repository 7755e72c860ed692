//! Id indexes over a document's collections: O(1) lookup of an entry's
//! position by id, the first occurrence winning, repeats remembered (a
//! duplicate id is `mcn-network`'s finding; every other rule follows the first).

use std::{
    collections::{HashMap, hash_map::Entry},
    hash::{BuildHasher, Hash, Hasher},
    sync::OnceLock,
};

use crate::steps;

/// Where each id of one kind sits in its collection.
///
/// ```
/// use mcn_core::index::IdIndex;
/// let index = IdIndex::new(['a', 'b', 'a']);
/// assert_eq!(index.position('a'), Some(0));
/// assert_eq!(index.get('b', &["first", "second", "third"]), Some((1, &"second")));
/// assert!(!index.is_first('a', 2));
/// assert_eq!(index.duplicates(), &[(2, 0)]);
/// ```
#[derive(Debug, Clone)]
pub struct IdIndex<K> {
    positions: HashMap<K, usize, IdHashing>,
    duplicates: Vec<(usize, usize)>,
}

impl<K: Copy + Eq + Hash> IdIndex<K> {
    /// Indexes `ids` (in collection order). An id seen again is recorded as a
    /// duplicate of its first occurrence, which stays the one looked up.
    pub fn new(ids: impl IntoIterator<Item = K>) -> Self {
        let ids = ids.into_iter();
        let mut positions =
            HashMap::with_capacity_and_hasher(ids.size_hint().0, IdHashing::default());
        let mut duplicates = Vec::new();
        for (position, id) in ids.enumerate() {
            steps::one();
            match positions.entry(id) {
                Entry::Vacant(slot) => {
                    slot.insert(position);
                }
                Entry::Occupied(first) => duplicates.push((position, *first.get())),
            }
        }
        Self {
            positions,
            duplicates,
        }
    }

    /// Position of `id`, if present.
    #[must_use]
    pub fn position(&self, id: K) -> Option<usize> {
        steps::one();
        self.positions.get(&id).copied()
    }

    /// The entry of `items` (the indexed collection) with this id, and its position.
    #[must_use]
    pub fn get<'a, T>(&self, id: K, items: &'a [T]) -> Option<(usize, &'a T)> {
        let position = self.position(id)?;
        items.get(position).map(|item| (position, item))
    }

    /// Whether `id` is present.
    #[must_use]
    pub fn contains(&self, id: K) -> bool {
        steps::one();
        self.positions.contains_key(&id)
    }

    /// Whether the entry at `position` is the first occurrence of its `id` (the
    /// one every lookup finds).
    #[must_use]
    pub fn is_first(&self, id: K, position: usize) -> bool {
        self.position(id) == Some(position)
    }

    /// How many distinct ids there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.positions.len()
    }

    /// Whether no id was indexed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }

    /// `(position of the repeat, position of the first)` for every repeated id.
    #[must_use]
    pub fn duplicates(&self) -> &[(usize, usize)] {
        &self.duplicates
    }
}

impl<K> Default for IdIndex<K> {
    /// An empty index.
    fn default() -> Self {
        Self {
            positions: HashMap::default(),
            duplicates: Vec::new(),
        }
    }
}

/// `(position of the repeat, position of the first)` for every id of `items`
/// used more than once, in the order of the repeats: what
/// [`IdIndex::duplicates`] lists, found without an index, for a large
/// collection that nothing looks up by id: the ids are partitioned by a
/// keyed hash into parts of about 16 and each part sorted, two passes in
/// memory order (a table of a million ids misses the caches at every
/// insert). No table is built unless an id repeats.
///
/// ```
/// use mcn_core::index::duplicates_by_sorting;
/// let ids = [7_u128, 8, 7, 9, 7];
/// assert_eq!(duplicates_by_sorting(&ids, |&id| id), vec![(2, 0), (4, 0)]);
/// assert!(duplicates_by_sorting(&[1_u128, 2], |&id| id).is_empty());
/// ```
pub fn duplicates_by_sorting<T>(items: &[T], id: impl Fn(&T) -> u128) -> Vec<(usize, usize)> {
    steps::add_usize(items.len());
    let keys = group_ids(items, &id);
    let mut repeated: HashMap<u128, Option<usize>> = HashMap::new();
    for pair in keys.windows(2) {
        if let [a, b] = pair
            && a == b
        {
            repeated.insert(*a, None);
        }
    }
    if repeated.is_empty() {
        return Vec::new();
    }
    let mut duplicates = Vec::new();
    for (position, item) in items.iter().enumerate() {
        if let Some(first) = repeated.get_mut(&id(item)) {
            match first {
                None => *first = Some(position),
                Some(first) => duplicates.push((position, *first)),
            }
        }
    }
    duplicates
}

/// The ids of `items` grouped so that equal ids are adjacent: partitioned
/// by a keyed hash of each id into about `len / 16` parts (one counting
/// pass, one scatter pass, both in memory order), each part then sorted.
/// Linear in the ids whatever their distribution (time-ordered ids share their high bits;
/// the hash spreads them), where one comparison sort of a million keys costs
/// several times the instructions.
fn group_ids<T>(items: &[T], id: impl Fn(&T) -> u128) -> Vec<u128> {
    let bits = (usize::BITS - items.len().leading_zeros())
        .saturating_sub(4)
        .min(20);
    let hashing = IdHashing::default();
    let part = |key: u128| {
        let hash = hashing.hash_one(key);
        hash.checked_shr(u64::BITS - bits)
            .and_then(|part| usize::try_from(part).ok())
            .unwrap_or(0)
    };
    let mut starts = vec![0_usize; (1 << bits) + 1];
    for item in items {
        if let Some(count) = starts.get_mut(part(id(item)) + 1) {
            *count += 1;
        }
    }
    for at in 1..starts.len() {
        let before = starts.get(at - 1).copied().unwrap_or_default();
        if let Some(start) = starts.get_mut(at) {
            *start += before;
        }
    }
    // The ids are read twice rather than copied out first: one fresh
    // buffer, not two.
    let mut grouped = vec![0_u128; items.len()];
    let mut next = starts.clone();
    for item in items {
        let key = id(item);
        if let Some(at) = next.get_mut(part(key))
            && let Some(slot) = grouped.get_mut(*at)
        {
            *slot = key;
            *at += 1;
        }
    }
    for bounds in starts.windows(2) {
        if let [start, end] = bounds
            && let Some(part) = grouped.get_mut(*start..*end)
        {
            part.sort_unstable();
        }
    }
    grouped
}

/// The hasher of the id indexes: a multiply-fold of each 64-bit word with
/// secret keys drawn once per process (from the standard library's random
/// hasher state), so id lookups cost a multiplication instead of `SipHash`'s
/// rounds while the table layout stays unpredictable to whoever wrote the
/// ids (a document cannot be built to collide).
///
/// ```
/// use std::hash::BuildHasher;
/// use mcn_core::index::IdHashing;
/// let hashing = IdHashing::default();
/// assert_eq!(hashing.hash_one(42_u128), hashing.hash_one(42_u128));
/// assert_ne!(hashing.hash_one(42_u128), hashing.hash_one(43_u128));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct IdHashing {
    keys: [u64; 3],
}

impl Default for IdHashing {
    /// The process's keys (drawn on first use).
    fn default() -> Self {
        static KEYS: OnceLock<[u64; 3]> = OnceLock::new();
        let keys = *KEYS.get_or_init(|| {
            let random = std::hash::RandomState::new();
            [1_u8, 2, 3].map(|i| random.hash_one(i) | 1)
        });
        Self { keys }
    }
}

impl BuildHasher for IdHashing {
    type Hasher = IdHasher;

    fn build_hasher(&self) -> IdHasher {
        IdHasher {
            keys: self.keys,
            state: 0,
        }
    }
}

/// The hasher [`IdHashing`] builds.
#[derive(Debug, Clone)]
pub struct IdHasher {
    keys: [u64; 3],
    state: u64,
}

/// The low and the high 64 bits of `value`.
#[allow(clippy::cast_possible_truncation)] // taking the halves is the point
const fn halves(value: u128) -> [u64; 2] {
    [value as u64, (value >> 64) as u64]
}

/// The 128-bit product of `a` and `b`, its halves xored.
const fn fold(a: u64, b: u64) -> u64 {
    let [low, high] = halves((a as u128).wrapping_mul(b as u128));
    low ^ high
}

impl IdHasher {
    fn word(&mut self, word: u64) {
        self.state = fold(self.state ^ word ^ self.keys[0], self.keys[1]);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0_u8; 8];
            if let Some(head) = word.get_mut(..chunk.len()) {
                head.copy_from_slice(chunk);
            }
            self.word(u64::from_le_bytes(word));
        }
        self.word(bytes.len() as u64);
    }

    fn write_u64(&mut self, value: u64) {
        self.word(value);
    }

    fn write_u128(&mut self, value: u128) {
        // Both halves in one multiplication, each under its own key.
        let [low, high] = halves(value);
        self.state = fold(self.state ^ low ^ self.keys[0], high ^ self.keys[1]);
    }

    fn write_usize(&mut self, value: usize) {
        self.word(value as u64);
    }

    fn finish(&self) -> u64 {
        // One more round, so structured ids (one half counting, the other
        // fixed) spread over the low bits a table indexes by.
        fold(self.state ^ self.keys[2], self.keys[1])
    }
}

/// `(outer position, inner position)` of a nested entity.
pub type NestedPosition = (usize, usize);

/// Where each id of a nested kind (decisions in meetings, measures in
/// standards) sits: `(outer position, inner position)`.
///
/// ```
/// use mcn_core::index::NestedIndex;
/// let index = NestedIndex::new([(0, 0, 'a'), (0, 1, 'b'), (3, 0, 'a')]);
/// assert_eq!(index.position('b'), Some((0, 1)));
/// assert_eq!(index.duplicates(), &[((3, 0), (0, 0))]);
/// ```
#[derive(Debug, Clone)]
pub struct NestedIndex<K> {
    positions: HashMap<K, NestedPosition, IdHashing>,
    duplicates: Vec<(NestedPosition, NestedPosition)>,
}

impl<K: Copy + Eq + Hash> NestedIndex<K> {
    /// Indexes `(outer, inner, id)` triples in document order.
    pub fn new(ids: impl IntoIterator<Item = (usize, usize, K)>) -> Self {
        let mut positions = HashMap::default();
        let mut duplicates = Vec::new();
        for (outer, inner, id) in ids {
            steps::one();
            match positions.entry(id) {
                Entry::Vacant(slot) => {
                    slot.insert((outer, inner));
                }
                Entry::Occupied(first) => duplicates.push(((outer, inner), *first.get())),
            }
        }
        Self {
            positions,
            duplicates,
        }
    }

    /// Position of `id`, if present.
    #[must_use]
    pub fn position(&self, id: K) -> Option<NestedPosition> {
        steps::one();
        self.positions.get(&id).copied()
    }

    /// Whether `id` is present.
    #[must_use]
    pub fn contains(&self, id: K) -> bool {
        steps::one();
        self.positions.contains_key(&id)
    }

    /// `(repeat, first)` positions for every repeated id.
    #[must_use]
    pub fn duplicates(&self) -> &[(NestedPosition, NestedPosition)] {
        &self.duplicates
    }
}

impl<K> Default for NestedIndex<K> {
    /// An empty index.
    fn default() -> Self {
        Self {
            positions: HashMap::default(),
            duplicates: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_occurrence_wins_and_repeats_are_remembered() {
        let index = IdIndex::new([7, 8, 7, 7]);
        assert_eq!(index.position(7), Some(0));
        assert_eq!(index.position(8), Some(1));
        assert_eq!(index.position(9), None);
        assert!(index.contains(8) && !index.contains(9));
        assert!(index.is_first(7, 0) && !index.is_first(7, 2));
        assert_eq!((index.len(), index.is_empty()), (2, false));
        assert_eq!(index.duplicates(), &[(2, 0), (3, 0)]);
        assert!(IdIndex::new(std::iter::empty::<u8>()).is_empty());
        assert!(IdIndex::<u8>::default().is_empty());
        assert!(!NestedIndex::<u8>::default().contains(0));
    }

    #[test]
    fn id_hashing_spreads_ids_that_differ_in_either_half() {
        let hashing = IdHashing::default();
        for ids in [
            (0..4096_u128).map(|i| i << 64).collect::<Vec<_>>(),
            (0..4096_u128).collect(),
            (0..4096_u128).map(|i| i << 116).collect(),
        ] {
            let hashes: std::collections::HashSet<u64> =
                ids.iter().map(|&id| hashing.hash_one(id)).collect();
            assert_eq!(hashes.len(), ids.len());
            // The buckets a table of 4096 slots would use: well spread.
            let buckets: std::collections::HashSet<u64> = hashes.iter().map(|h| h & 4095).collect();
            assert!(buckets.len() > 2400, "{} buckets", buckets.len());
        }
        // Other keys hash through the word path.
        assert_ne!(hashing.hash_one("a"), hashing.hash_one("b"));
        assert_ne!(hashing.hash_one(1_usize), hashing.hash_one(2_usize));
    }

    #[test]
    fn grouping_puts_equal_ids_side_by_side() {
        // Random-looking ids, ids sharing their high half, repeated ids.
        let mut state = 0x9e37_79b9_7f4a_7c15_u128;
        let ids: Vec<u128> = (0..3000)
            .map(|i| {
                state = state.wrapping_mul(0x2545_f491_4f6c_dd1d).wrapping_add(i);
                match i % 3 {
                    0 => state,
                    1 => (7 << 64) | (state >> 64),
                    _ => i % 50,
                }
            })
            .collect();
        let grouped = group_ids(&ids, |&id| id);
        let mut sorted = grouped.clone();
        sorted.sort_unstable();
        let mut expected = ids.clone();
        expected.sort_unstable();
        assert_eq!(sorted, expected, "the same ids");
        // Every run of one id is contiguous.
        let mut seen = std::collections::HashSet::new();
        for run in grouped.chunk_by(|a, b| a == b) {
            assert!(seen.insert(run.first().copied()), "{run:?} split");
        }
        assert_eq!(group_ids(&[5_u128], |&id| id), [5]);
        assert!(group_ids::<u128>(&[], |&id| id).is_empty());
    }

    #[test]
    fn sorting_finds_the_duplicates_the_index_finds() {
        let ids: Vec<u128> = [5, 1, 5, 2, 1, 5, 3, u128::MAX, u128::MAX].to_vec();
        let by_sorting = duplicates_by_sorting(&ids, |&id| id);
        assert_eq!(by_sorting, IdIndex::new(ids.iter().copied()).duplicates());
        assert!(duplicates_by_sorting::<u128>(&[], |&id| id).is_empty());
    }

    #[test]
    fn get_returns_the_first_entry_and_tolerates_a_short_slice() {
        let index = IdIndex::new([1, 2, 1]);
        assert_eq!(index.get(1, &["x", "y", "z"]), Some((0, &"x")));
        assert_eq!(index.get(2, &["x"]), None);
        assert_eq!(index.get(3, &["x", "y", "z"]), None);
    }

    #[test]
    fn nested() {
        let index = NestedIndex::new([(0, 0, 'a'), (0, 1, 'b'), (3, 0, 'a')]);
        assert_eq!(index.position('a'), Some((0, 0)));
        assert_eq!(index.position('b'), Some((0, 1)));
        assert!(!index.contains('c'));
        assert_eq!(index.duplicates(), &[((3, 0), (0, 0))]);
    }
}
