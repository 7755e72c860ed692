//! Who may write what: the role gate, and for member editors ownership
//! derived from the data (the table in the crate README): an entity is
//! owned by the organisation its owning field names, read from the stored
//! version and from the new one (both must be the editor's), or, for
//! appointments and registrations, from the stored post or person they
//! refer to (or its new version in the same change set).
//!
//! The check reads before the write's transaction. What it read of the
//! entity itself is pinned by the write's own expectation (`If-Match`, or
//! the current version for `If-Match: *`). What it read of a referenced post
//! or person is pinned by a guard: an upsert of that entity's stored body,
//! unchanged, expecting the version read, added to the change set. The
//! store checks every expectation inside the transaction and skips an
//! upsert of an identical body, so a post re-hosted between the check and
//! the write fails the write with 412, and an unchanged one is not written.

use mcn_core::id::{NetworkId, OrganisationId};
use mcn_network::collection::Collection;
use mcn_store::{Change, ChangeSet, Expect};
use serde_json::Value;
use uuid::Uuid;

use crate::{AppState, Principal, Problem, Role};

/// How a collection's entities name their owner.
#[derive(Debug, Clone, Copy)]
enum Owner {
    /// The entity is an organisation: it owns itself.
    Itself,
    /// A field holding the owning organisation's id.
    Field(&'static str),
    /// A field referring to an entity of another collection, whose field
    /// names the owner.
    Via {
        field: &'static str,
        collection: Collection,
        owner: &'static str,
    },
}

/// The ownership rule of each collection member editors may write
/// (`None`: only co-ordinators and admins write it).
const fn rule(collection: Collection) -> Option<Owner> {
    Some(match collection {
        Collection::Organisations => Owner::Itself,
        Collection::Services => Owner::Field("provider"),
        Collection::Systems
        | Collection::Staffing
        | Collection::Adoptions
        | Collection::AuditResults => Owner::Field("organisation"),
        Collection::People => Owner::Field("employer"),
        Collection::Appointments => Owner::Via {
            field: "post",
            collection: Collection::Posts,
            owner: "organisation",
        },
        Collection::Registrations => Owner::Via {
            field: "person",
            collection: Collection::People,
            owner: "employer",
        },
        _ => return None,
    })
}

fn uuid_at(value: &Value, field: &str) -> Option<Uuid> {
    value
        .get(field)
        .and_then(Value::as_str)
        .and_then(|s| Uuid::try_parse(s).ok())
}

/// Refuses (403) a change set the principal may not make; nothing is
/// written before this passes. Returns the guards to add to the change set:
/// the referenced entities the ownership check read, unchanged, each
/// expecting the version read.
pub(crate) async fn check(
    state: &AppState,
    principal: &Principal,
    network: NetworkId,
    changes: &ChangeSet,
) -> Result<Vec<Change>, Problem> {
    match &principal.role {
        Role::Coordinator | Role::Admin => Ok(Vec::new()),
        Role::Viewer => Err(Problem::Forbidden(format!(
            "{} is a viewer: viewers do not write to network {network}",
            principal.name
        ))),
        Role::MemberEditor { organisations } => {
            let editor = Editor {
                state,
                principal,
                network,
                changes,
                organisations,
            };
            let mut guards = Vec::new();
            for (i, change) in changes.changes.iter().enumerate() {
                editor.check(i, change, &mut guards).await?;
            }
            Ok(guards)
        }
    }
}

struct Editor<'a> {
    state: &'a AppState,
    principal: &'a Principal,
    network: NetworkId,
    changes: &'a ChangeSet,
    organisations: &'a [OrganisationId],
}

impl Editor<'_> {
    fn refuse(&self, i: usize, why: &str) -> Problem {
        Problem::Forbidden(format!(
            "/changes/{i}: {} is a member editor for {}: {why}",
            self.principal.name,
            self.organisations
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }

    async fn check(
        &self,
        i: usize,
        change: &Change,
        guards: &mut Vec<Change>,
    ) -> Result<(), Problem> {
        let (collection, id, new) = match change {
            Change::Upsert {
                collection, entity, ..
            } => (*collection, uuid_at(entity, "id"), Some(entity)),
            Change::Delete { collection, id, .. } => (*collection, Some(*id), None),
            Change::Profile { .. } => {
                return Err(self.refuse(i, "only co-ordinators change the network profile"));
            }
        };
        let Some(rule) = rule(collection) else {
            return Err(self.refuse(i, &format!("member editors do not write {collection}")));
        };
        if let Some(new) = new
            && !self.owns(rule, new, guards).await?
        {
            return Err(self.refuse(
                i,
                &format!("the new {} is not its organisations'", collection.kind()),
            ));
        }
        let Some(id) = id else {
            // No id: the store refuses the entity itself.
            return Ok(());
        };
        if let Some((_, stored)) = self.stored(collection, id).await?
            && !self.owns(rule, &stored, guards).await?
        {
            return Err(self.refuse(
                i,
                &format!("{} {id} is not its organisations'", collection.kind()),
            ));
        }
        Ok(())
    }

    /// The stored version of an entity: the revision that made it, and its
    /// JSON.
    async fn stored(
        &self,
        collection: Collection,
        id: Uuid,
    ) -> Result<Option<(u64, Value)>, Problem> {
        self.state
            .store
            .entity(self.network, collection, id)
            .await?
            .map(|stored| {
                serde_json::from_str(&stored.json)
                    .map(|value| (stored.revision, value))
                    .map_err(|e| Problem::Internal(e.to_string()))
            })
            .transpose()
    }

    /// Whether the change set itself changes or deletes this entity (then no
    /// guard is added: the store refuses an entity changed twice).
    fn touches(&self, collection: Collection, id: Uuid) -> bool {
        self.changes.changes.iter().any(|c| match c {
            Change::Upsert {
                collection: c,
                entity,
                ..
            } => *c == collection && uuid_at(entity, "id") == Some(id),
            Change::Delete {
                collection: c,
                id: other,
                ..
            } => *c == collection && *other == id,
            Change::Profile { .. } => false,
        })
    }

    /// Whether `entity` (a version of one of the rule's collection) belongs
    /// to one of the editor's organisations; a stored entity it is judged
    /// by goes into `guards`.
    async fn owns(
        &self,
        rule: Owner,
        entity: &Value,
        guards: &mut Vec<Change>,
    ) -> Result<bool, Problem> {
        let owner = match rule {
            Owner::Itself => uuid_at(entity, "id"),
            Owner::Field(field) => uuid_at(entity, field),
            Owner::Via {
                field,
                collection,
                owner,
            } => match uuid_at(entity, field) {
                None => None,
                Some(target) => {
                    let in_set = self.changes.changes.iter().find_map(|c| match c {
                        Change::Upsert {
                            collection: c,
                            entity,
                            ..
                        } if *c == collection && uuid_at(entity, "id") == Some(target) => {
                            Some(entity.clone())
                        }
                        _ => None,
                    });
                    let referred = match in_set {
                        Some(entity) => Some(entity),
                        // Deleted by the change set: its own expectation
                        // pins it.
                        None if self.touches(collection, target) => self
                            .stored(collection, target)
                            .await?
                            .map(|(_, stored)| stored),
                        None => match self.stored(collection, target).await? {
                            Some((revision, stored)) => {
                                guard(guards, collection, revision, &stored);
                                Some(stored)
                            }
                            None => None,
                        },
                    };
                    referred.and_then(|r| uuid_at(&r, owner))
                }
            },
        };
        Ok(owner.is_some_and(|o| self.organisations.iter().any(|m| m.as_uuid() == o)))
    }
}

/// Adds a guard on a stored entity (once): its body unchanged, expecting the
/// version read.
fn guard(guards: &mut Vec<Change>, collection: Collection, revision: u64, stored: &Value) {
    let id = uuid_at(stored, "id");
    let known = guards.iter().any(|g| match g {
        Change::Upsert {
            collection: c,
            entity,
            ..
        } => *c == collection && uuid_at(entity, "id") == id,
        _ => false,
    });
    if !known {
        guards.push(Change::Upsert {
            collection,
            expect: Some(Expect::Revision(revision)),
            entity: stored.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use mcn_store::{Store, StoreError};
    use serde_json::json;

    use super::*;
    use crate::{AppState, NetworkScope, StaticTokens};

    /// The window the guard closes: a post re-hosted between the ownership
    /// check and the write. With the guard the write fails (412 over HTTP);
    /// without it the same write would have gone through.
    #[tokio::test]
    async fn a_post_rehosted_after_the_check_fails_the_guarded_write() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("store.db").display());
        let store = Store::open(&url).await.unwrap();
        let document = mcn_testkit::example::northvale();
        let network = document.network.id;
        store
            .import(&document, "setup", "the example", DateTime::UNIX_EPOCH)
            .await
            .unwrap();
        let appointment = &document.appointments[0];
        let post = document
            .posts
            .iter()
            .find(|p| p.id == appointment.post)
            .unwrap();
        let other = document
            .organisations
            .iter()
            .find(|o| o.id != post.organisation)
            .unwrap();
        let editor = Principal {
            name: "eddie editor".to_owned(),
            role: Role::MemberEditor {
                organisations: vec![post.organisation],
            },
            networks: NetworkScope::All,
        };
        let state = AppState::new(store.clone(), StaticTokens::new());
        let changes = ChangeSet {
            message: "the editor's appointment".to_owned(),
            changes: vec![Change::Upsert {
                collection: Collection::Appointments,
                expect: Some(Expect::Revision(1)),
                entity: serde_json::to_value(appointment).unwrap(),
            }],
        };
        let guards = check(&state, &editor, network, &changes).await.unwrap();
        assert_eq!(guards.len(), 1, "one guard, on the post");
        // A co-ordinator re-hosts the post before the editor's write lands.
        let mut moved = serde_json::to_value(post).unwrap();
        moved["organisation"] = json!(other.id.to_string());
        let rehost = ChangeSet {
            message: "re-hosted".to_owned(),
            changes: vec![Change::Upsert {
                collection: Collection::Posts,
                expect: Some(Expect::Revision(1)),
                entity: moved,
            }],
        };
        store
            .apply(network, &rehost, "cora", DateTime::UNIX_EPOCH)
            .await
            .unwrap();
        let mut guarded = changes.clone();
        guarded.changes.extend(guards);
        let error = store
            .apply(network, &guarded, "eddie", DateTime::UNIX_EPOCH)
            .await
            .unwrap_err();
        match error {
            StoreError::Conflict(conflicts) => {
                assert_eq!(conflicts.len(), 1);
                assert_eq!(conflicts[0].id, post.id.as_uuid());
                assert_eq!(conflicts[0].current, Some(2));
            }
            other => panic!("expected a conflict, got {other}"),
        }
        // Unguarded, the stale check would have let the write through.
        assert!(
            store
                .apply(network, &changes, "eddie", DateTime::UNIX_EPOCH)
                .await
                .is_ok()
        );
    }
}
