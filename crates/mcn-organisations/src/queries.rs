//! Questions about the locality hierarchy: how localities nest, and figures
//! rolled up it (the estimated children with a life-limiting condition).

use mcn_core::{id::LocalityId, index::IdIndex};

use crate::Locality;

/// How the localities of a document nest, by position in the slice: each
/// one's parent (when the parent is in the slice; the first locality with a
/// repeated id counts) and whether any locality names it as its parent.
///
/// Built once in O(n); every question is then O(1) or O(depth).
#[derive(Debug, Clone)]
pub struct LocalityTree<'a> {
    localities: &'a [Locality],
    index: IdIndex<LocalityId>,
    parent: Vec<Option<usize>>,
    leaf: Vec<bool>,
}

impl<'a> LocalityTree<'a> {
    /// The hierarchy of `localities`.
    #[must_use]
    pub fn new(localities: &'a [Locality]) -> Self {
        let index = IdIndex::new(localities.iter().map(|l| l.id));
        let parent: Vec<Option<usize>> = localities
            .iter()
            .map(|l| l.parent.and_then(|p| index.position(p)))
            .collect();
        let named_as_parent = IdIndex::new(localities.iter().filter_map(|l| l.parent));
        let leaf = localities
            .iter()
            .map(|l| !named_as_parent.contains(l.id))
            .collect();
        Self {
            localities,
            index,
            parent,
            leaf,
        }
    }

    /// The position of the locality with this id (its first occurrence).
    #[must_use]
    pub fn position(&self, id: LocalityId) -> Option<usize> {
        self.index.position(id)
    }

    /// The position of the parent of the locality at `locality`, when it has
    /// one in the slice.
    #[must_use]
    pub fn parent(&self, locality: usize) -> Option<usize> {
        self.parent.get(locality).copied().flatten()
    }

    /// Whether no locality names the one at `locality` as its parent (it is at
    /// the finest level recorded). `false` for a position out of range.
    #[must_use]
    pub fn is_leaf(&self, locality: usize) -> bool {
        self.leaf.get(locality).copied().unwrap_or(false)
    }

    /// Each locality's estimate of children with a life-limiting condition,
    /// by position: its own ([`Locality::llc_estimate`]), else the sum of the
    /// estimates of the localities directly within it (each of those its own,
    /// else the sum within it, and so on down). A locality only adds to a
    /// parent at a wider level ([`crate::LocalityKind::depth`]), so a cycle or
    /// a wrongly nested parent adds nothing. `None` where nothing is known.
    ///
    /// ```
    /// use mcn_core::{Text, id::LocalityId};
    /// use mcn_organisations::{Locality, LocalityKind, queries::LocalityTree};
    /// let locality = |n, kind, parent: Option<u128>, estimate| {
    ///     let mut l = Locality::new(LocalityId::from_u128(n), Text::new("L").unwrap(), kind);
    ///     l.parent = parent.map(LocalityId::from_u128);
    ///     l.children_with_llc_estimate = estimate;
    ///     l
    /// };
    /// let localities = [
    ///     locality(1, LocalityKind::Region, None, None),
    ///     locality(2, LocalityKind::Place, Some(1), Some(120)),
    ///     locality(3, LocalityKind::Place, Some(1), Some(80)),
    /// ];
    /// let tree = LocalityTree::new(&localities);
    /// assert_eq!(tree.llc_estimates(), [Some(200), Some(120), Some(80)]);
    /// ```
    #[must_use]
    pub fn llc_estimates(&self) -> Vec<Option<u64>> {
        let all = self.localities;
        // Narrowest first, so every locality is complete before its parent reads it.
        let mut order: Vec<usize> = (0..all.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(all.get(i).map_or(0, |l| l.kind.depth())));
        let mut within: Vec<Option<u64>> = vec![None; all.len()];
        let mut estimate: Vec<Option<u64>> = vec![None; all.len()];
        for &i in &order {
            let Some(locality) = all.get(i) else { continue };
            let own = locality
                .llc_estimate()
                .or_else(|| within.get(i).copied().flatten());
            if let Some(slot) = estimate.get_mut(i) {
                *slot = own;
            }
            if let (Some(value), Some(p)) = (own, self.parent(i))
                && all
                    .get(p)
                    .is_some_and(|parent| parent.kind.depth() < locality.kind.depth())
                && let Some(sum) = within.get_mut(p)
            {
                *sum = Some(sum.unwrap_or(0).saturating_add(value));
            }
        }
        estimate
    }
}
