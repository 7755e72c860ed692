//! Cycles in parent-pointer graphs (part-of, reports-to, supersedes, locality
//! parents), found in linear time, and reported as findings.

use std::{collections::HashMap, hash::Hash};

use crate::{Finding, FindingCode, JsonPointer, index::IdIndex, steps};

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
            steps::one();
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

/// One finding per cycle among a collection's `(id, parent)` entries, given in
/// document order (the position of an entry is its index in the iteration).
///
/// Where an id occurs twice the first entry counts. Each finding is at
/// `path(i)` (usually the parent field) of the cycle's earliest entry in
/// document order, with the other members' `path`s as related paths in cycle
/// order; the message chains `describe(i)` of each member with `relation`
/// (`"A is part of B, which is part of A: a cycle"`). Findings come sorted by
/// path. Linear in the number of entries (plus sorting the cycles).
///
/// ```
/// use mcn_core::{FindingCode, JsonPointer, Severity, graph::cycle_findings};
/// const CYCLE: FindingCode = FindingCode::new("x.part_of.cycle", Severity::Error, "a cycle");
/// let entries = [(10, Some(11)), (11, Some(10)), (12, None)];
/// let findings = cycle_findings(
///     entries,
///     CYCLE,
///     |i| JsonPointer::root().key("units").index(i).key("part_of"),
///     |i| format!("unit {i}"),
///     "is part of",
/// );
/// assert_eq!(findings.len(), 1);
/// assert_eq!(findings[0].path.as_str(), "/units/0/part_of");
/// assert_eq!(findings[0].related[0].as_str(), "/units/1/part_of");
/// assert_eq!(findings[0].message, "unit 0 is part of unit 1, which is part of unit 0: a cycle");
/// ```
pub fn cycle_findings<K: Copy + Eq + Hash + Ord>(
    entries: impl IntoIterator<Item = (K, Option<K>)>,
    code: FindingCode,
    path: impl Fn(usize) -> JsonPointer,
    describe: impl Fn(usize) -> String,
    relation: &str,
) -> Vec<Finding> {
    let entries: Vec<(K, Option<K>)> = entries.into_iter().collect();
    let index = IdIndex::new(entries.iter().map(|(id, _)| *id));
    let edges = entries
        .iter()
        .enumerate()
        .filter(|(position, (id, _))| index.is_first(*id, *position))
        .filter_map(|(_, (id, parent))| parent.map(|parent| (*id, parent)));
    let mut findings = Vec::new();
    for cycle in parent_cycles(edges) {
        let mut members: Vec<usize> = cycle.iter().filter_map(|id| index.position(*id)).collect();
        let Some(start) = members
            .iter()
            .enumerate()
            .min_by_key(|(_, position)| **position)
            .map(|(at, _)| at)
        else {
            continue;
        };
        members.rotate_left(start);
        let Some((&head, rest)) = members.split_first() else {
            continue;
        };
        let message = if rest.is_empty() {
            format!("{} {relation} itself", describe(head))
        } else {
            let chain: Vec<String> = members.iter().map(|&i| describe(i)).collect();
            format!(
                "{}, which {relation} {}: a cycle",
                chain.join(&format!(" {relation} ")),
                describe(head)
            )
        };
        findings.push(
            rest.iter()
                .fold(code.at(path(head), message), |finding, &i| {
                    finding.with_related(path(i))
                }),
        );
    }
    crate::finding::sort_findings(&mut findings);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    const CYCLE: FindingCode = FindingCode::new("t.x.cycle", Severity::Error, "cycle");

    fn at(i: usize) -> JsonPointer {
        JsonPointer::root().key("x").index(i).key("parent")
    }

    #[test]
    fn cycle_findings_anchor_at_the_earliest_entry_and_skip_repeats() {
        // 3 -> 1 -> 2 -> 3 (positions 0, 1, 2), 4 its own parent at 3, and a
        // repeat of id 1 at 4 pointing elsewhere, which does not count.
        let entries = [
            (3, Some(1)),
            (1, Some(2)),
            (2, Some(3)),
            (4, Some(4)),
            (1, Some(9)),
            (5, Some(3)),
        ];
        let findings = cycle_findings(entries, CYCLE, at, |i| format!("#{i}"), "within");
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0].path, at(0));
        assert_eq!(findings[0].related, vec![at(1), at(2)]);
        assert_eq!(
            findings[0].message,
            "#0 within #1 within #2, which within #0: a cycle"
        );
        assert_eq!(findings[1].path, at(3));
        assert!(findings[1].related.is_empty());
        assert_eq!(findings[1].message, "#3 within itself");
        assert!(
            cycle_findings(
                [(1, Some(2)), (2, None)],
                CYCLE,
                at,
                |_| String::new(),
                "in"
            )
            .is_empty()
        );
    }

    #[test]
    fn cycle_findings_start_at_the_earliest_position_not_the_smallest_id() {
        let findings = cycle_findings(
            [(9, Some(1)), (1, Some(9))],
            CYCLE,
            at,
            |i| i.to_string(),
            "in",
        );
        assert_eq!(findings[0].path, at(0));
        assert_eq!(findings[0].related, vec![at(1)]);
    }

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
