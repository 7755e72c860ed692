//! A tiny seeded pseudo-random generator (SplitMix64): deterministic on every
//! platform, no dependency, and fast enough for a million registrations.

use mcn_core::NaiveDate;

use super::dates::{days_between, plus_days};

/// `SplitMix64` (Steele, Lea and Flood, 2014): one `u64` of state, full period,
/// good enough statistics for synthetic data.
#[derive(Debug, Clone)]
pub(super) struct Rng {
    state: u64,
}

impl Rng {
    /// A generator from a seed.
    pub(super) const fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub(super) const fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-and-shift.
    pub(super) fn below(&mut self, n: u64) -> u64 {
        let wide = u128::from(self.next_u64()) * u128::from(n);
        u64::try_from(wide >> 64).unwrap_or(0)
    }

    /// An index in `0..len` (0 when `len` is 0).
    pub(super) fn index(&mut self, len: usize) -> usize {
        let n = u64::try_from(len).unwrap_or(u64::MAX);
        usize::try_from(self.below(n)).unwrap_or(0)
    }

    /// A number in `lo..=hi` (`lo` when `hi < lo`).
    pub(super) fn between(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below(hi - lo + 1)
    }

    /// `between` for `u32`.
    pub(super) fn between_u32(&mut self, lo: u32, hi: u32) -> u32 {
        u32::try_from(self.between(u64::from(lo), u64::from(hi))).unwrap_or(lo)
    }

    /// True with probability `percent` / 100.
    pub(super) fn percent(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// True with probability `per_mille` / 1000.
    pub(super) fn per_mille(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    /// A random element of `items`.
    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let at = self.index(items.len());
        items.get(at)
    }

    /// A random copy of an element of `items`, or `default` when it is empty.
    pub(super) fn pick_or<T: Copy>(&mut self, items: &[T], default: T) -> T {
        self.pick(items).copied().unwrap_or(default)
    }

    /// A value from a table of `(value, weight)`, in proportion to the weights.
    pub(super) fn weighted<T: Copy>(&mut self, table: &[(T, u32)], default: T) -> T {
        let total: u64 = table.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut roll = self.below(total);
        for &(value, weight) in table {
            if roll < u64::from(weight) {
                return value;
            }
            roll -= u64::from(weight);
        }
        default
    }

    /// A random day in `from..=to` (`from` when `to` is earlier).
    pub(super) fn date(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        plus_days(from, self.below(days_between(from, to) + 1))
    }

    /// 128 random bits shaped as a version-4, RFC 4122 variant UUID.
    pub(super) fn uuid(&mut self) -> u128 {
        let high = u128::from(self.next_u64());
        let low = u128::from(self.next_u64());
        let bits = (high << 64) | low;
        (bits & !(0xf_u128 << 76) & !(0x3_u128 << 62)) | (0x4_u128 << 76) | (0x2_u128 << 62)
    }
}

/// Distinct positions in `0..n` in a random order: a random start and a stride
/// coprime with `n`, so the first `n` steps never repeat (a registration list
/// for an event never names a person twice).
#[derive(Debug, Clone)]
pub(super) struct Stride {
    n: u64,
    at: u64,
    step: u64,
}

/// Large primes: any of them not dividing `n` is coprime with it.
const STEPS: [u64; 8] = [
    7_919,
    104_729,
    1_299_709,
    15_485_863,
    32_452_843,
    49_979_687,
    86_028_121,
    122_949_829,
];

impl Stride {
    /// A fresh walk over `0..n`.
    pub(super) fn new(rng: &mut Rng, n: usize) -> Self {
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        let coprime: Vec<u64> = STEPS
            .iter()
            .copied()
            .filter(|p| n == 0 || n % p != 0)
            .collect();
        let step = rng.pick_or(&coprime, 1) % n.max(1);
        Self {
            n,
            at: rng.below(n),
            // A step of 0 (n = 1) still visits the one position.
            step: step.max(1),
        }
    }
}

impl Iterator for Stride {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.n == 0 {
            return None;
        }
        let here = self.at;
        self.at = (self.at + self.step) % self.n;
        usize::try_from(here).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_ranges_hold() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..1000 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        let mut r = Rng::new(1);
        assert!((0..10_000).all(|_| r.below(7) < 7));
        assert!((0..10_000).all(|_| (3..=9).contains(&r.between(3, 9))));
        assert_eq!(r.below(0), 0);
        assert_eq!(r.between(5, 5), 5);
        assert_eq!(r.between(6, 5), 6);
        let seen: std::collections::BTreeSet<u64> = (0..1000).map(|_| r.between(1, 4)).collect();
        assert_eq!(seen.into_iter().collect::<Vec<_>>(), [1, 2, 3, 4]);
    }

    #[test]
    fn uuids_are_version_4_variant_1() {
        let mut r = Rng::new(42);
        for _ in 0..100 {
            let uuid = uuid::Uuid::from_u128(r.uuid());
            assert_eq!(uuid.get_version_num(), 4);
            assert_eq!(uuid.get_variant(), uuid::Variant::RFC4122);
        }
    }

    #[test]
    fn stride_visits_distinct_positions() {
        let mut r = Rng::new(3);
        for n in [1_usize, 2, 3, 10, 97, 7_919 * 2, 150] {
            let walk: Vec<usize> = Stride::new(&mut r, n).take(n).collect();
            let distinct: std::collections::BTreeSet<usize> = walk.iter().copied().collect();
            assert_eq!(distinct.len(), n, "n = {n}");
            assert!(walk.iter().all(|&i| i < n));
        }
        assert_eq!(Stride::new(&mut r, 0).next(), None);
    }
}
