//! A fast, non-cryptographic hasher for the evaluation's own large maps
//! (people, events and registrations by id at national scale). Ids are random
//! UUIDs from the caller's own document, so hash flooding is no concern; the
//! standard library's `SipHash` was a third of the evaluation's time.
//!
//! The algorithm is rustc's `FxHasher`: rotate, xor, multiply, one word at a time.

use std::{
    collections::{HashMap, HashSet},
    hash::{BuildHasherDefault, Hasher},
};

/// The multiplier of rustc's `FxHasher`.
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// rustc's `FxHasher`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    const fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let word = chunk
                .iter()
                .enumerate()
                .fold(0_u64, |word, (i, b)| word | (u64::from(*b) << (8 * i)));
            self.add(word);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` with [`FxHasher`].
pub(crate) type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    #[test]
    fn equal_keys_hash_equal_and_distinct_keys_spread() {
        let build = BuildHasherDefault::<FxHasher>::default();
        let hash = |v: &dyn Fn(&mut FxHasher)| {
            let mut h = build.build_hasher();
            v(&mut h);
            h.finish()
        };
        let a = uuid::Uuid::from_u128(1);
        let b = uuid::Uuid::from_u128(2);
        assert_eq!(hash(&|h| a.hash(h)), hash(&|h| a.hash(h)));
        assert_ne!(hash(&|h| a.hash(h)), hash(&|h| b.hash(h)));
        let mut set: FxHashSet<(usize, uuid::Uuid)> = FxHashSet::default();
        for i in 0..1000_u128 {
            set.insert((usize::try_from(i % 7).unwrap(), uuid::Uuid::from_u128(i)));
        }
        assert_eq!(set.len(), 1000);
    }
}
