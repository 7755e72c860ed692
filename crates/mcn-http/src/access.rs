//! Who may write what: the role gate, and for member editors ownership
//! derived from the data (the table in the crate README): an entity is
//! owned by the organisation its owning field names, read from the stored
//! version and from the new one (both must be the editor's), or, for
//! appointments and registrations, from the stored post or person they
//! refer to (or its new version in the same change set).

use mcn_core::id::{NetworkId, OrganisationId};
use mcn_network::collection::Collection;
use mcn_store::{Change, ChangeSet};
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
/// written before this passes.
pub(crate) async fn check(
    state: &AppState,
    principal: &Principal,
    network: NetworkId,
    changes: &ChangeSet,
) -> Result<(), Problem> {
    match &principal.role {
        Role::Coordinator | Role::Admin => Ok(()),
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
            for (i, change) in changes.changes.iter().enumerate() {
                editor.check(i, change).await?;
            }
            Ok(())
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

    async fn check(&self, i: usize, change: &Change) -> Result<(), Problem> {
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
            && !self.owns(rule, new).await?
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
        if let Some(stored) = self.stored(collection, id).await?
            && !self.owns(rule, &stored).await?
        {
            return Err(self.refuse(
                i,
                &format!("{} {id} is not its organisations'", collection.kind()),
            ));
        }
        Ok(())
    }

    /// The stored version of an entity, as JSON.
    async fn stored(&self, collection: Collection, id: Uuid) -> Result<Option<Value>, Problem> {
        self.state
            .store
            .entity(self.network, collection, id)
            .await?
            .map(|stored| {
                serde_json::from_str(&stored.json).map_err(|e| Problem::Internal(e.to_string()))
            })
            .transpose()
    }

    /// Whether `entity` (a version of one of the rule's collection) belongs
    /// to one of the editor's organisations.
    async fn owns(&self, rule: Owner, entity: &Value) -> Result<bool, Problem> {
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
                        None => self.stored(collection, target).await?,
                    };
                    referred.and_then(|r| uuid_at(&r, owner))
                }
            },
        };
        Ok(owner.is_some_and(|o| self.organisations.iter().any(|m| m.as_uuid() == o)))
    }
}
