//! The rendered evaluation reports, kept per (network, revision, as of,
//! since, format): a revision never changes, so an entry never goes stale.
//! Bounded by [`crate::Limits::report_cache`] entries; when full it is
//! emptied (as the store's findings cache is), which keeps it simple and
//! its memory bounded.

use std::{collections::HashMap, sync::Mutex};

use axum::body::Bytes;
use mcn_core::{NaiveDate, id::NetworkId};
use mcn_evaluation::render::Format;

/// What a rendered report depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Key {
    pub(crate) network: NetworkId,
    pub(crate) revision: u64,
    pub(crate) as_of: NaiveDate,
    pub(crate) since: Option<NaiveDate>,
    pub(crate) format: Format,
}

/// Rendered reports by [`Key`].
#[derive(Debug, Default)]
pub(crate) struct Reports {
    entries: Mutex<HashMap<Key, Bytes>>,
}

impl Reports {
    /// The report rendered for `key`, if kept.
    pub(crate) fn get(&self, key: &Key) -> Option<Bytes> {
        self.entries.lock().ok()?.get(key).cloned()
    }

    /// Keeps `rendered` for `key`, in at most `capacity` entries (0: keeps
    /// nothing).
    pub(crate) fn put(&self, key: Key, rendered: Bytes, capacity: usize) {
        if capacity == 0 {
            return;
        }
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= capacity && !entries.contains_key(&key) {
                entries.clear();
            }
            entries.insert(key, rendered);
        }
    }
}
