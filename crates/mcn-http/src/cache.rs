//! The rendered evaluation reports, kept per (network, revision, as of,
//! since, format): a revision never changes, so an entry never goes stale.
//! Requests for a report being rendered wait for that rendering rather than
//! start their own. Bounded by [`crate::Limits::report_cache`] entries;
//! when full it is emptied (as the store's findings cache is), which keeps
//! it simple and its memory bounded.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use axum::body::Bytes;
use mcn_core::{NaiveDate, id::NetworkId};
use mcn_evaluation::render::Format;
use tokio::sync::OnceCell;

/// What a rendered report depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Key {
    pub(crate) network: NetworkId,
    pub(crate) revision: u64,
    pub(crate) as_of: NaiveDate,
    pub(crate) since: Option<NaiveDate>,
    pub(crate) format: Format,
}

/// One report: rendered, or being rendered by the first request for it.
pub(crate) type Slot = Arc<OnceCell<Bytes>>;

/// Rendered reports by [`Key`].
#[derive(Debug, Default)]
pub(crate) struct Reports {
    entries: Mutex<HashMap<Key, Slot>>,
}

impl Reports {
    /// The slot of `key`, made empty if there is none, in at most
    /// `capacity` entries; `None` when `capacity` is 0 (nothing kept).
    pub(crate) fn slot(&self, key: Key, capacity: usize) -> Option<Slot> {
        if capacity == 0 {
            return None;
        }
        let mut entries = self.entries.lock().ok()?;
        if entries.len() >= capacity && !entries.contains_key(&key) {
            entries.clear();
        }
        Some(Arc::clone(entries.entry(key).or_default()))
    }

    /// Keeps `rendered` as the report of `key` (rendered anew on request),
    /// in at most `capacity` entries.
    pub(crate) fn replace(&self, key: Key, rendered: Bytes, capacity: usize) {
        if capacity == 0 {
            return;
        }
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= capacity && !entries.contains_key(&key) {
                entries.clear();
            }
            entries.insert(key, Arc::new(OnceCell::new_with(Some(rendered))));
        }
    }
}
