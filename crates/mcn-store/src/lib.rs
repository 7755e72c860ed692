#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod bulk;
pub mod change;
pub mod codes;
mod error;
mod export;
mod json;
mod pages;
mod pg;
pub mod postgres;
mod store;
mod tokens;

pub use change::{
    Change, ChangeSet, CollectionDiff, Conflict, Diff, EntityVersion, Expect, Revision,
    StoredEntity,
};
pub use error::StoreError;
pub use pages::Page;
pub use store::{Backend, Layout, Store};
pub use tokens::TokenRecord;

/// Reads a change set from JSON strictly (duplicate keys and unknown fields
/// refused); errors name the JSON Pointer of the problem.
pub fn parse_change_set(bytes: &[u8]) -> Result<ChangeSet, StoreError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let parsed = serde_path_to_error::deserialize::<_, ChangeSet>(mcn_core::strict::Strict(
        &mut deserializer,
    ))
    .map_err(|error| StoreError::BadInput {
        path: unknown_collection(
            bytes,
            mcn_core::serde_error::pointer(mcn_core::JsonPointer::root(), error.path()),
        ),
        message: format!(
            "not a change set: {} (line {}, column {})",
            mcn_core::serde_error::message(error.inner()),
            error.inner().line(),
            error.inner().column()
        ),
    })?;
    deserializer.end().map_err(|error| StoreError::BadInput {
        path: mcn_core::JsonPointer::root(),
        message: format!(
            "not a change set: {}",
            mcn_core::serde_error::message(&error)
        ),
    })?;
    Ok(parsed)
}

/// `path` made precise for an unknown collection: serde reads a change
/// through a buffer (to find its `"op"`), so its error stops at the change
/// (`/changes/N`); if that change's `collection` names no collection, the
/// error is there (`/changes/N/collection`).
fn unknown_collection(bytes: &[u8], path: mcn_core::JsonPointer) -> mcn_core::JsonPointer {
    let segments: Vec<String> = path.segments().collect();
    let [changes, n] = segments.as_slice() else {
        return path;
    };
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return path;
    };
    let named = value
        .get(changes)
        .and_then(|c| c.get(n.parse::<usize>().ok()?))
        .and_then(|change| change.get("collection"))
        .and_then(serde_json::Value::as_str);
    match named {
        Some(name) if mcn_network::collection::Collection::from_name(name).is_none() => {
            path.key("collection")
        }
        _ => path,
    }
}
