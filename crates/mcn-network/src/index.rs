//! Id indexes over the document's collections: O(1) lookup by id, first
//! occurrence wins, duplicates remembered for the rules. The indexes live in
//! `mcn_core::index` (the domain crates use them too); the path helpers here
//! name the document's collections.

use mcn_core::JsonPointer;
pub use mcn_core::index::{IdIndex, NestedIndex, NestedPosition};

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
    fn paths() {
        assert_eq!(entry_path("posts", 3).as_str(), "/posts/3");
        assert_eq!(
            nested_path("meetings", "decisions", (3, 0)).as_str(),
            "/meetings/3/decisions/0"
        );
    }
}
