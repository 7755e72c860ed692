#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod change;
pub mod codes;
mod error;
mod json;
mod pages;
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
        path: mcn_core::serde_error::pointer(mcn_core::JsonPointer::root(), error.path()),
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
