//! Id indexes over the document's collections: O(1) lookup by id, first
//! occurrence wins, duplicates remembered for the rules.

use std::{
    collections::{HashMap, hash_map::Entry},
    hash::Hash,
};

use mcn_core::JsonPointer;

/// Where each id of one kind sits in its collection.
#[derive(Debug, Clone)]
pub struct IdIndex<K> {
    positions: HashMap<K, usize>,
    duplicates: Vec<(usize, usize)>,
}

impl<K: Copy + Eq + Hash> IdIndex<K> {
    /// Indexes `ids` (in collection order). An id seen again is recorded as a
    /// duplicate of its first occurrence, which stays the one looked up.
    pub fn new(ids: impl ExactSizeIterator<Item = K>) -> Self {
        let mut positions = HashMap::with_capacity(ids.len());
        let mut duplicates = Vec::new();
        for (position, id) in ids.enumerate() {
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
        self.positions.get(&id).copied()
    }

    /// Whether `id` is present.
    #[must_use]
    pub fn contains(&self, id: K) -> bool {
        self.positions.contains_key(&id)
    }

    /// `(position of the repeat, position of the first)` for every repeated id.
    #[must_use]
    pub fn duplicates(&self) -> &[(usize, usize)] {
        &self.duplicates
    }
}

/// `(outer position, inner position)` of a nested entity.
pub type NestedPosition = (usize, usize);

/// Where each id of a nested kind (decisions in meetings, measures in
/// standards) sits: `(outer position, inner position)`.
#[derive(Debug, Clone)]
pub struct NestedIndex<K> {
    positions: HashMap<K, (usize, usize)>,
    duplicates: Vec<((usize, usize), (usize, usize))>,
}

impl<K: Copy + Eq + Hash> NestedIndex<K> {
    /// Indexes `(outer, inner, id)` triples in document order.
    pub fn new(ids: impl Iterator<Item = (usize, usize, K)>) -> Self {
        let mut positions = HashMap::new();
        let mut duplicates = Vec::new();
        for (outer, inner, id) in ids {
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
    pub fn position(&self, id: K) -> Option<(usize, usize)> {
        self.positions.get(&id).copied()
    }

    /// Whether `id` is present.
    #[must_use]
    pub fn contains(&self, id: K) -> bool {
        self.positions.contains_key(&id)
    }

    /// `(repeat, first)` positions for every repeated id.
    #[must_use]
    pub fn duplicates(&self) -> &[(NestedPosition, NestedPosition)] {
        &self.duplicates
    }
}

/// The path of entry `position` in top-level collection `collection`.
pub(crate) fn entry_path(collection: &str, position: usize) -> JsonPointer {
    JsonPointer::root().key(collection).index(position)
}

/// The path of nested entry `(outer, inner)`: `/collection/outer/field/inner`.
pub(crate) fn nested_path(
    collection: &str,
    field: &str,
    (outer, inner): (usize, usize),
) -> JsonPointer {
    entry_path(collection, outer).key(field).index(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_occurrence_wins_and_repeats_are_remembered() {
        let index = IdIndex::new([7, 8, 7, 7].into_iter());
        assert_eq!(index.position(7), Some(0));
        assert_eq!(index.position(8), Some(1));
        assert_eq!(index.position(9), None);
        assert_eq!(index.duplicates(), &[(2, 0), (3, 0)]);
    }

    #[test]
    fn nested() {
        let index = NestedIndex::new([(0, 0, 'a'), (0, 1, 'b'), (3, 0, 'a')].into_iter());
        assert_eq!(index.position('b'), Some((0, 1)));
        assert_eq!(index.duplicates(), &[((3, 0), (0, 0))]);
        assert_eq!(
            nested_path("meetings", "decisions", (3, 0)).as_str(),
            "/meetings/3/decisions/0"
        );
    }
}
