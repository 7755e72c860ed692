//! [`StoreError`]: every way a store operation fails, typed so an adapter can
//! map it (HTTP: conflict → 412, integrity → 422, not found → 404, bad input →
//! 400, the rest → 500).

use mcn_core::{Finding, JsonPointer, id::NetworkId, text::echo};

use crate::change::Conflict;

/// Why a store operation failed. Nothing was written when any of these is
/// returned from a write.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The input is malformed: not a change set, an unknown collection, an
    /// entity its type refuses, the same entity twice, a changed profile id.
    #[error("{}: {message}", echo(path.as_str()))]
    BadInput {
        /// Where in the input (a change set or document).
        path: JsonPointer,
        /// What was wrong and what was expected.
        message: String,
    },
    /// Some entities are not at the versions the change set expected: every
    /// one is listed with its current version.
    #[error("{}", describe_conflicts(.0))]
    Conflict(Vec<Conflict>),
    /// The change set would leave the network inconsistent (a dangling or
    /// wrong-kind reference, a duplicate id, a deleted entity still referred
    /// to): the findings have paths into the change set (or document).
    #[error("{}", describe_findings(.0))]
    Integrity(Vec<Finding>),
    /// No network with this id is in the store.
    #[error("no network {0} in the store")]
    NetworkNotFound(NetworkId),
    /// The revision does not exist (yet) in this network.
    #[error("network {network} has no revision {revision} (its head is {head})")]
    RevisionNotFound {
        /// The network.
        network: NetworkId,
        /// The revision asked for.
        revision: u64,
        /// The latest revision.
        head: u64,
    },
    /// Importing a network whose id the store already holds.
    #[error("the store already holds network {0}: import onto it as a change set instead")]
    NetworkExists(NetworkId),
    /// The store holds no network, or several, and none was named.
    #[error("{0}")]
    WhichNetwork(String),
    /// The database URL is not one this store opens.
    #[error("unsupported database url {}: expected sqlite://PATH, sqlite::memory: or postgres://...", echo(.0))]
    UnsupportedUrl(String),
    /// Stored data could not be read back (a corrupted or foreign database).
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    /// The database refused or failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// The database schema could not be brought up to date.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    pub(crate) fn bad(path: JsonPointer, message: impl Into<String>) -> Self {
        Self::BadInput {
            path,
            message: message.into(),
        }
    }

    pub(crate) fn corrupt(what: impl std::fmt::Display) -> Self {
        Self::Corrupt(what.to_string())
    }
}

fn describe_conflicts(conflicts: &[Conflict]) -> String {
    let each: Vec<String> = conflicts
        .iter()
        .map(|c| {
            let what = c
                .collection
                .map_or_else(|| "the profile".to_owned(), |col| format!("{col} {}", c.id));
            let expected = match c.expected {
                None => "no expected version".to_owned(),
                Some(e) => e.revision().map_or_else(
                    || "expected it absent".to_owned(),
                    |n| format!("expected revision {n}"),
                ),
            };
            let current = c.current.map_or_else(
                || "it does not exist".to_owned(),
                |n| format!("it is at revision {n}"),
            );
            format!("/changes/{}: {what}: {expected}, but {current}", c.change)
        })
        .collect();
    format!("conflict, nothing written: {}", each.join("; "))
}

fn describe_findings(findings: &[Finding]) -> String {
    let each: Vec<String> = findings
        .iter()
        .map(|f| format!("{}: {} [{}]", f.path, f.message, f.code))
        .collect();
    format!("refused, nothing written: {}", each.join("; "))
}
