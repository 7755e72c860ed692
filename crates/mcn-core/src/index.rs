//! Id indexes over a document's collections: O(1) lookup of an entry's
//! position by id, the first occurrence winning, repeats remembered (a
//! duplicate id is `mcn-network`'s finding; every other rule follows the first).

use std::{
    collections::{HashMap, hash_map::Entry},
    hash::Hash,
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
    positions: HashMap<K, usize>,
    duplicates: Vec<(usize, usize)>,
}

impl<K: Copy + Eq + Hash> IdIndex<K> {
    /// Indexes `ids` (in collection order). An id seen again is recorded as a
    /// duplicate of its first occurrence, which stays the one looked up.
    pub fn new(ids: impl IntoIterator<Item = K>) -> Self {
        let ids = ids.into_iter();
        let mut positions = HashMap::with_capacity(ids.size_hint().0);
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
            positions: HashMap::new(),
            duplicates: Vec::new(),
        }
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
    positions: HashMap<K, NestedPosition>,
    duplicates: Vec<(NestedPosition, NestedPosition)>,
}

impl<K: Copy + Eq + Hash> NestedIndex<K> {
    /// Indexes `(outer, inner, id)` triples in document order.
    pub fn new(ids: impl IntoIterator<Item = (usize, usize, K)>) -> Self {
        let mut positions = HashMap::new();
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
            positions: HashMap::new(),
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
