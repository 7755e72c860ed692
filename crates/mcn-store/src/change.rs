//! Change sets: what a writer sends, and what the store answers.

use chrono::{DateTime, Utc};
use mcn_network::{NetworkProfile, collection::Collection};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A set of changes to one network, applied atomically as one revision.
///
/// The author and the time are not part of it: the caller (an adapter that
/// knows who is asking and reads the clock) gives them to
/// [`crate::Store::apply`]. See `docs/examples/store/change-set.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeSet {
    /// Why: recorded in the revision log.
    pub message: String,
    /// The changes, each touching one entity (or the profile) at most once.
    pub changes: Vec<Change>,
}

/// One change of a [`ChangeSet`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    /// Creates or replaces a whole entity of `collection`.
    Upsert {
        /// The collection, as named in the document (`"people"`).
        collection: Collection,
        /// The version the writer last saw: the revision that last changed
        /// the entity, or `"absent"` to create it. Missing is a conflict.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        expect: Option<Expect>,
        /// The entity, exactly as in the document (read strictly by its type).
        entity: serde_json::Value,
    },
    /// Deletes an entity of `collection`.
    Delete {
        /// The collection, as named in the document.
        collection: Collection,
        /// The entity's id.
        id: Uuid,
        /// The version the writer last saw. Missing is a conflict.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        expect: Option<Expect>,
    },
    /// Replaces the network's profile (its id cannot change).
    Profile {
        /// The revision that last changed the profile. Missing is a conflict.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        expect: Option<Expect>,
        /// The new profile.
        profile: NetworkProfile,
    },
}

/// The version a writer expects an entity to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Expect {
    /// The revision that last changed it.
    Revision(u64),
    /// `"absent"`: it must not exist.
    Absent(Absent),
}

/// The word `"absent"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Absent {
    /// The entity must not exist.
    Absent,
}

impl Expect {
    /// `"absent"`.
    pub const ABSENT: Self = Self::Absent(Absent::Absent);

    /// The expected revision, `None` for "must not exist".
    #[must_use]
    pub const fn revision(self) -> Option<u64> {
        match self {
            Self::Revision(n) => Some(n),
            Self::Absent(_) => None,
        }
    }

    /// The expectation of an entity at `revision` (`None`: absent).
    #[must_use]
    pub const fn of(revision: Option<u64>) -> Self {
        match revision {
            Some(n) => Self::Revision(n),
            None => Self::ABSENT,
        }
    }
}

/// An entity whose version is not what a change expected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Conflict {
    /// The change's position in the change set.
    pub change: usize,
    /// The collection (`None`: the profile).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection: Option<Collection>,
    /// The entity's id (the network's for the profile).
    pub id: Uuid,
    /// What the change expected (`None`: nothing given).
    pub expected: Option<Expect>,
    /// The current version: the revision that last changed it, `None` if it
    /// does not exist.
    pub current: Option<u64>,
}

/// One revision of a network, as listed in its log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Revision {
    /// The revision number: 1 for the import, then dense.
    pub number: u64,
    /// Who made it (an opaque principal given by the caller).
    pub author: String,
    /// Why.
    pub message: String,
    /// When, as the caller said.
    pub at: DateTime<Utc>,
    /// Entities added.
    pub added: u64,
    /// Entities changed.
    pub changed: u64,
    /// Entities removed.
    pub removed: u64,
}

/// The entities that differ between two revisions, per collection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Diff {
    /// Whether the profile differs.
    pub profile: bool,
    /// Per collection with any difference, in document order.
    pub collections: Vec<CollectionDiff>,
}

/// The ids of one collection that differ between two revisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CollectionDiff {
    /// The collection.
    pub collection: Collection,
    /// In the later revision only.
    pub added: Vec<Uuid>,
    /// In both, changed in between.
    pub changed: Vec<Uuid>,
    /// In the earlier revision only.
    pub removed: Vec<Uuid>,
}

/// One version of an entity, in its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EntityVersion {
    /// The revision that made this version.
    pub revision: Revision,
    /// The entity as it was then (`None`: deleted).
    pub entity: Option<serde_json::Value>,
}

/// The current state of one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StoredEntity {
    /// The revision that last changed it: what a change expects.
    pub revision: u64,
    /// Its canonical compact JSON.
    pub json: String,
}
