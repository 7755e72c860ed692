//! Each table's column paths and nested lists as a tree of JSON keys, built
//! once from [`TABLES`]: export walks it beside a serde `Serializer` of each
//! entity, import beside a serde `Deserializer` of each row, so neither
//! builds a JSON tree of the document.

use std::sync::OnceLock;

use crate::layout::{Location, TABLES};

/// One key of an entity's JSON form (the root is the entity itself).
#[derive(Debug)]
pub(crate) struct Node {
    /// The key in its parent object (empty for the root).
    pub(crate) key: &'static str,
    /// The `/`-separated path from the entity (empty for the root).
    pub(crate) path: String,
    /// The column whose path ends here.
    pub(crate) column: Option<usize>,
    /// The nested table (index in [`TABLES`]) whose list lives here.
    pub(crate) nested: Option<usize>,
    /// The nodes one key further down.
    pub(crate) children: Vec<usize>,
    /// The columns here and below, one bit per column index.
    pub(crate) below: u64,
    /// The nested tables here and below (indexes in [`TABLES`]).
    pub(crate) nested_below: Vec<usize>,
}

/// A table's tree: `nodes[0]` is the root.
#[derive(Debug)]
pub(crate) struct Shape {
    pub(crate) nodes: Vec<Node>,
}

impl Shape {
    /// The child of `node` with `key`.
    pub(crate) fn child(&self, node: usize, key: &str) -> Option<usize> {
        self.nodes
            .get(node)?
            .children
            .iter()
            .copied()
            .find(|&c| self.nodes.get(c).is_some_and(|n| n.key == key))
    }

    /// The node at `index` (every index handed out by this shape exists).
    pub(crate) fn node(&self, index: usize) -> &Node {
        self.nodes.get(index).unwrap_or(&EMPTY)
    }

    fn node_at(&mut self, path: &'static str) -> usize {
        let mut here = 0;
        if path.is_empty() {
            return here;
        }
        let mut walked = 0;
        for key in path.split('/') {
            walked += key.len();
            let found = self.child(here, key);
            here = found.unwrap_or_else(|| {
                let index = self.nodes.len();
                self.nodes.push(Node {
                    key,
                    path: path.get(..walked).unwrap_or(path).to_owned(),
                    ..Node::root()
                });
                if let Some(parent) = self.nodes.get_mut(here) {
                    parent.children.push(index);
                }
                index
            });
            walked += 1; // the `/`
        }
        here
    }

    /// Marks `node` and its ancestors (found through `path`).
    fn mark(&mut self, path: &'static str, mark: impl Fn(&mut Node)) {
        let mut here = 0;
        if let Some(root) = self.nodes.get_mut(0) {
            mark(root);
        }
        if path.is_empty() {
            return;
        }
        for key in path.split('/') {
            let Some(next) = self.child(here, key) else {
                return;
            };
            if let Some(node) = self.nodes.get_mut(next) {
                mark(node);
            }
            here = next;
        }
    }
}

static EMPTY: Node = Node::root();

impl Node {
    const fn root() -> Self {
        Self {
            key: "",
            path: String::new(),
            column: None,
            nested: None,
            children: Vec::new(),
            below: 0,
            nested_below: Vec::new(),
        }
    }
}

/// The bit of column `index` in [`Node::below`] and a row's mask (no bit
/// past 64 columns: a test keeps every table narrower).
pub(crate) fn bit(index: usize) -> u64 {
    u32::try_from(index)
        .ok()
        .and_then(|i| 1_u64.checked_shl(i))
        .unwrap_or(0)
}

/// Every table's tree, in [`TABLES`] order.
pub(crate) fn shapes() -> &'static [Shape] {
    static SHAPES: OnceLock<Vec<Shape>> = OnceLock::new();
    SHAPES.get_or_init(|| TABLES.iter().map(build).collect())
}

/// The tree of one table.
pub(crate) fn shape(table: usize) -> &'static Shape {
    static NONE: Shape = Shape { nodes: Vec::new() };
    shapes().get(table).unwrap_or(&NONE)
}

fn build(table: &crate::layout::Table) -> Shape {
    let mut shape = Shape {
        nodes: vec![Node::root()],
    };
    for (index, column) in table.columns.iter().enumerate() {
        let node = shape.node_at(column.path);
        if let Some(node) = shape.nodes.get_mut(node) {
            node.column = Some(index);
        }
        shape.mark(column.path, |n| n.below |= bit(index));
    }
    for (index, child) in TABLES.iter().enumerate() {
        if let Location::Nested { parent, field, .. } = child.location
            && parent == table.name
        {
            let node = shape.node_at(field);
            if let Some(node) = shape.nodes.get_mut(node) {
                node.nested = Some(index);
            }
            shape.mark(field, |n| n.nested_below.push(index));
        }
    }
    shape
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_fits_a_row_mask_and_every_path_has_its_node() {
        for (index, table) in TABLES.iter().enumerate() {
            assert!(table.columns.len() <= 64, "{}", table.name);
            let shape = shape(index);
            for (c, column) in table.columns.iter().enumerate() {
                let node = shape.nodes.iter().find(|n| n.column == Some(c)).unwrap();
                assert_eq!(node.path, column.path);
                assert_ne!(shape.node(0).below & bit(c), 0);
            }
        }
        let services = TABLES.iter().position(|t| t.name == "services").unwrap();
        let shape = shape(services);
        let availability = shape.child(0, "availability").unwrap();
        let weekly = shape.child(availability, "weekly").unwrap();
        assert!(shape.node(availability).column.is_some());
        assert_eq!(
            shape.node(weekly).nested,
            TABLES.iter().position(|t| t.name == "service_schedule")
        );
        assert_eq!(shape.node(availability).nested_below.len(), 1);
    }
}
