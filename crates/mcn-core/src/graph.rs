//! Cycles in parent-pointer graphs (part-of, reports-to, supersedes, locality
//! parents), found in linear time.

use std::{collections::HashMap, hash::Hash};

/// Every cycle among `edges` (child → parent, at most one parent per child; for a
/// child listed twice the first parent counts).
///
/// Each cycle is returned once, rotated to start at its smallest node, and the
/// cycles are sorted, so the result is deterministic. A node that is its own
/// parent is a cycle of one.
///
/// ```
/// use mcn_core::graph::parent_cycles;
/// let cycles = parent_cycles([(1, 2), (2, 3), (3, 1), (4, 1), (5, 5)]);
/// assert_eq!(cycles, vec![vec![1, 2, 3], vec![5]]);
/// ```
pub fn parent_cycles<K>(edges: impl IntoIterator<Item = (K, K)>) -> Vec<Vec<K>>
where
    K: Copy + Eq + Hash + Ord,
{
    let mut parent: HashMap<K, K> = HashMap::new();
    let mut order: Vec<K> = Vec::new();
    for (child, up) in edges {
        if let std::collections::hash_map::Entry::Vacant(slot) = parent.entry(child) {
            slot.insert(up);
            order.push(child);
        }
    }
    // 0: unvisited (absent), 1: on the current walk, 2: done.
    let mut state: HashMap<K, u8> = HashMap::with_capacity(parent.len());
    let mut cycles = Vec::new();
    for start in order {
        let mut walk = Vec::new();
        let mut node = start;
        loop {
            match state.get(&node).copied() {
                Some(2) => break,
                Some(_) => {
                    // Back on this walk: the cycle is the walk from `node` on.
                    if let Some(at) = walk.iter().position(|n| *n == node) {
                        let mut cycle: Vec<K> =
                            walk.get(at..).map(<[K]>::to_vec).unwrap_or_default();
                        if let Some(min_at) = cycle
                            .iter()
                            .enumerate()
                            .min_by_key(|(_, n)| **n)
                            .map(|(i, _)| i)
                        {
                            cycle.rotate_left(min_at);
                        }
                        cycles.push(cycle);
                    }
                    break;
                }
                None => {
                    state.insert(node, 1);
                    walk.push(node);
                    match parent.get(&node) {
                        Some(&next) => node = next,
                        None => break,
                    }
                }
            }
        }
        for n in walk {
            state.insert(n, 2);
        }
    }
    cycles.sort();
    cycles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_cycles_in_a_tree() {
        assert!(parent_cycles([(2, 1), (3, 1), (4, 2), (5, 4)]).is_empty());
        assert!(parent_cycles(std::iter::empty::<(u8, u8)>()).is_empty());
    }

    #[test]
    fn finds_each_cycle_once_whatever_the_order() {
        let a = parent_cycles([(3, 1), (9, 3), (1, 2), (2, 3), (7, 8), (8, 7)]);
        let b = parent_cycles([(8, 7), (2, 3), (1, 2), (7, 8), (3, 1), (9, 3)]);
        assert_eq!(a, vec![vec![1, 2, 3], vec![7, 8]]);
        assert_eq!(a, b);
    }

    #[test]
    fn long_chain_is_linear_and_correct() {
        let n = 100_000_u32;
        let mut edges: Vec<(u32, u32)> = (1..n).map(|i| (i, i - 1)).collect();
        edges.push((0, n - 1));
        let cycles = parent_cycles(edges);
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].len(), n as usize);
        assert_eq!(cycles[0][0], 0);
    }
}
