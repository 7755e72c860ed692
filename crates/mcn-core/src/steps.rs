//! A deterministic count of the work the rules do, per thread.
//!
//! Wall time is noisy on a shared machine; a step count is not. The
//! primitives every rule goes through count here — each id indexed or looked
//! up ([`crate::index`]), each hop of a parent-pointer walk
//! ([`crate::graph`], the network's part-of tops), each candidate scanned by
//! the quorum matching, each probe of a terms-of-reference timeline — so a
//! test can check that validating and evaluating a document costs steps in
//! proportion to its size, and that a hostile shape at 4n costs about four
//! times what it costs at n, whatever else runs on the machine.
//!
//! A step is a thread-local increment (no locking, no atomics); work done on
//! other threads is brought back with [`counted`] and [`add`] (as
//! `mcn_network`'s threaded validation does).
//!
//! ```
//! use mcn_core::{index::IdIndex, steps};
//! let (index, cost) = steps::counted(|| {
//!     let index = IdIndex::new([1, 2, 3]);
//!     assert!(index.contains(2));
//!     index
//! });
//! assert_eq!(cost, 4); // three ids indexed, one looked up
//! # drop(index);
//! ```

use std::cell::Cell;

thread_local! {
    /// Steps counted on this thread since it started.
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// Counts `n` steps of work on this thread.
#[inline]
pub fn add(n: u64) {
    STEPS.with(|steps| steps.set(steps.get().wrapping_add(n)));
}

/// Counts `n` steps, for a length or count given as `usize`.
#[inline]
pub fn add_usize(n: usize) {
    add(u64::try_from(n).unwrap_or(u64::MAX));
}

/// Counts one step of work on this thread.
#[inline]
pub fn one() {
    add(1);
}

/// The steps counted on this thread so far.
#[must_use]
pub fn on_this_thread() -> u64 {
    STEPS.with(Cell::get)
}

/// Runs `work` and returns its result with the steps it counted on this
/// thread.
pub fn counted<R>(work: impl FnOnce() -> R) -> (R, u64) {
    let before = on_this_thread();
    let result = work();
    (result, on_this_thread().wrapping_sub(before))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_per_thread_and_nest() {
        let ((), outer) = counted(|| {
            one();
            let ((), inner) = counted(|| add(5));
            assert_eq!(inner, 5);
            std::thread::spawn(|| add(100))
                .join()
                .expect("the thread runs");
        });
        assert_eq!(outer, 6, "the other thread's steps are its own");
    }
}
