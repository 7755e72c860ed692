//! `/networks/{network}/{collection}[/{id}]`: collections and single
//! entities (list, get, create, replace, delete, history), and change sets.

use axum::{
    Extension,
    body::Body,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use mcn_core::{JsonPointer, Redact as _};
use mcn_network::collection::Collection;
use mcn_store::{Change, ChangeSet, Conflict, Expect, Revision};
use serde_json::Value;
use std::fmt::Write as _;
use uuid::Uuid;

use crate::{
    AppState, Principal, Problem, access,
    body::{self, Params},
    networks::set_etag,
};

/// Staff personal data out of one entity's JSON, when the principal may not
/// see it (people only hold any).
pub(crate) fn redact_value(principal: &Principal, collection: Collection, value: Value) -> Value {
    if principal.sees_personal_data() || collection != Collection::People {
        return value;
    }
    match serde_json::from_value::<mcn_roles::Person>(value) {
        Ok(person) => serde_json::to_value(person.redacted()).unwrap_or(Value::Null),
        Err(_) => Value::Null,
    }
}

/// Whether an entity's top-level fields equal the values asked for.
fn matches(entity: &Value, filters: &Params) -> bool {
    filters.iter().all(|(field, wanted)| {
        entity.get(field).is_some_and(|v| match v {
            Value::String(s) => s == wanted,
            Value::Number(n) => wanted.parse::<serde_json::Number>().ok().as_ref() == Some(n),
            Value::Bool(b) => wanted == if *b { "true" } else { "false" },
            _ => false,
        })
    })
}

/// `GET /networks/{network}/{collection}?limit=&after=&FIELD=VALUE`: a page
/// of the collection in document order, filtered by top-level fields equal
/// to the values given.
pub(crate) async fn list(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path((network, collection)): Path<(String, String)>,
    Query(mut params): Query<Params>,
) -> Result<Response, Problem> {
    let collection = body::collection(&collection)?;
    let (id, head) = body::network(&state, &principal, &network).await?;
    let limit = body::number(&params, "limit")?
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(state.limits.page)
        .clamp(1, state.limits.max_page);
    let after = params
        .remove("after")
        .map(|a| body::entity_id(&a))
        .transpose()?;
    params.remove("limit");
    // Filters see what the principal sees: no probing of redacted fields.
    let mut keep = |json: &str| {
        params.is_empty()
            || serde_json::from_str::<Value>(json)
                .is_ok_and(|value| matches(&redact_value(&principal, collection, value), &params))
    };
    let page = state
        .store
        .page(id, collection, after, limit, &mut keep)
        .await
        .map_err(|error| match error {
            mcn_store::StoreError::BadInput { message, .. } => Problem::bad(None, message),
            error => error.into(),
        })?;
    let mut out = format!("{{\"revision\":{head},\"items\":[");
    for (i, (_, json)) in page.items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if principal.sees_personal_data() || collection != Collection::People {
            out.push_str(json);
        } else {
            let value: Value =
                serde_json::from_str(json).map_err(|e| Problem::Internal(e.to_string()))?;
            out.push_str(&redact_value(&principal, collection, value).to_string());
        }
    }
    out.push(']');
    if page.more
        && let Some((id, _)) = page.items.last()
    {
        let _ = write!(out, ",\"next\":\"{id}\"");
    }
    out.push('}');
    let mut response = body::json_response(StatusCode::OK, out);
    set_etag(&mut response, head);
    Ok(response)
}

/// `GET /networks/{network}/{collection}/{id}`: one entity, its `ETag` the
/// revision that last changed it.
pub(crate) async fn get(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path((network, collection, entity)): Path<(String, String, String)>,
) -> Result<Response, Problem> {
    let (id, collection, entity) =
        target(&state, &principal, &network, &collection, &entity).await?;
    let stored = state
        .store
        .entity(id, collection, entity)
        .await?
        .ok_or_else(|| not_found(collection, entity))?;
    let json = if principal.sees_personal_data() || collection != Collection::People {
        stored.json
    } else {
        let value: Value =
            serde_json::from_str(&stored.json).map_err(|e| Problem::Internal(e.to_string()))?;
        redact_value(&principal, collection, value).to_string()
    };
    let mut response = body::json_response(StatusCode::OK, json);
    set_etag(&mut response, stored.revision);
    Ok(response)
}

/// The network (if the principal reaches it), collection and entity id of
/// an entity's path.
async fn target(
    state: &AppState,
    principal: &Principal,
    network: &str,
    collection: &str,
    entity: &str,
) -> Result<(mcn_core::id::NetworkId, Collection, Uuid), Problem> {
    let collection = body::collection(collection)?;
    let entity = body::entity_id(entity)?;
    let (id, _) = body::network(state, principal, network).await?;
    Ok((id, collection, entity))
}

pub(crate) fn not_found(collection: Collection, id: Uuid) -> Problem {
    Problem::NotFound(format!("no {} {id} in {}", collection.kind(), collection))
}

/// `PUT /networks/{network}/{collection}/{id}`: creates (`If-None-Match:
/// *`) or replaces (`If-Match: "N"`) one entity as a change set of one.
pub(crate) async fn put(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path((network, collection, entity)): Path<(String, String, String)>,
    headers: HeaderMap,
    request: Body,
) -> Result<Response, Problem> {
    let (id, collection, entity_id) =
        target(&state, &principal, &network, &collection, &entity).await?;
    let precondition = body::precondition(&headers)?;
    let bytes = body::read_json(&headers, request, state.limits.entity_body).await?;
    let value: Value = serde_json::from_slice(&bytes).map_err(|error| {
        Problem::bad(
            Some(JsonPointer::root()),
            format!(
                "not json: {} (line {}, column {})",
                mcn_core::serde_error::message(&error),
                error.line(),
                error.column()
            ),
        )
    })?;
    if value.get("id").and_then(Value::as_str) != Some(entity_id.to_string().as_str()) {
        return Err(Problem::bad(
            Some(JsonPointer::root().key("id")),
            format!("the entity's id must be the one in the path, {entity_id}"),
        ));
    }
    let expect = expectation(&state, id, collection, entity_id, precondition).await?;
    let created = expect.revision().is_none();
    let changes = ChangeSet {
        message: message(
            &headers,
            if created { "create" } else { "replace" },
            collection,
            entity_id,
        ),
        changes: vec![Change::Upsert {
            collection,
            expect: Some(expect),
            entity: value,
        }],
    };
    write(&state, &principal, id, &changes).await?;
    // The entity as stored now: an unchanged body keeps its version.
    let stored = state
        .store
        .entity(id, collection, entity_id)
        .await?
        .ok_or_else(|| not_found(collection, entity_id))?;
    let mut response = body::json_response(
        if created {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        },
        stored.json,
    );
    set_etag(&mut response, stored.revision);
    Ok(response)
}

/// `DELETE /networks/{network}/{collection}/{id}` with `If-Match: "N"`.
pub(crate) async fn delete(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path((network, collection, entity)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let (id, collection, entity_id) =
        target(&state, &principal, &network, &collection, &entity).await?;
    if headers.contains_key(header::IF_NONE_MATCH) {
        return Err(Problem::bad(
            None,
            "a delete takes if-match with the entity's etag, not if-none-match",
        ));
    }
    let precondition = body::precondition(&headers)?;
    let expect = expectation(&state, id, collection, entity_id, precondition).await?;
    let changes = ChangeSet {
        message: message(&headers, "delete", collection, entity_id),
        changes: vec![Change::Delete {
            collection,
            id: entity_id,
            expect: Some(expect),
        }],
    };
    write(&state, &principal, id, &changes).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The version a write expects: the one its `If-Match` names, absent for
/// `If-None-Match: *`, or for `If-Match: *` the version current now (412 if
/// there is none). The store checks it inside the write's transaction, so a
/// change after this read still gives 412, and what the ownership check
/// read of the stored entity is what the write replaces.
async fn expectation(
    state: &AppState,
    network: mcn_core::id::NetworkId,
    collection: Collection,
    id: Uuid,
    precondition: body::Precondition,
) -> Result<Expect, Problem> {
    match precondition {
        body::Precondition::Expect(expect) => Ok(expect),
        body::Precondition::Exists => match state.store.entity(network, collection, id).await? {
            Some(stored) => Ok(Expect::Revision(stored.revision)),
            None => Err(Problem::PreconditionFailed {
                detail: format!(
                    "if-match: *: there is no {} {id} to change",
                    collection.kind()
                ),
                conflicts: vec![Conflict {
                    change: 0,
                    collection: Some(collection),
                    id,
                    expected: None,
                    current: None,
                }],
            }),
        },
    }
}

/// The revision message: the `X-Change-Message` header, else a description.
fn message(headers: &HeaderMap, verb: &str, collection: Collection, id: Uuid) -> String {
    headers
        .get("x-change-message")
        .and_then(|v| v.to_str().ok())
        .filter(|m| !m.trim().is_empty())
        .map_or_else(
            || format!("{verb} {} {id} over http", collection.kind()),
            |m| m.trim().to_owned(),
        )
}

/// Checks the principal may make every change, then applies them as the
/// principal; the new revision's number.
async fn write(
    state: &AppState,
    principal: &Principal,
    network: mcn_core::id::NetworkId,
    changes: &ChangeSet,
) -> Result<Revision, Problem> {
    let guards = access::check(state, principal, network, changes).await?;
    let guarded;
    let changes = if guards.is_empty() {
        changes
    } else {
        let mut all = changes.clone();
        all.changes.extend(guards);
        guarded = all;
        &guarded
    };
    Ok(state
        .store
        .apply(network, changes, &principal.name, body::now())
        .await?)
}

/// `POST /networks/{network}/change-sets`: applies a change set atomically;
/// 201 with the new revision.
pub(crate) async fn change_set(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(network): Path<String>,
    headers: HeaderMap,
    request: Body,
) -> Result<Response, Problem> {
    let (id, _) = body::network(&state, &principal, &network).await?;
    let bytes = body::read_json(&headers, request, state.limits.entity_body).await?;
    let changes = mcn_store::parse_change_set(&bytes)?;
    let revision = write(&state, &principal, id, &changes).await?;
    let mut response = body::json_of(&revision)?;
    *response.status_mut() = StatusCode::CREATED;
    set_etag(&mut response, revision.number);
    Ok(response)
}

/// `GET /networks/{network}/{collection}/{id}/history`: every version of
/// one entity with the revisions that made them.
pub(crate) async fn history(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path((network, collection, entity)): Path<(String, String, String)>,
) -> Result<Response, Problem> {
    let (id, collection, entity_id) =
        target(&state, &principal, &network, &collection, &entity).await?;
    let mut versions = state
        .store
        .entity_history(id, collection, entity_id)
        .await?;
    if versions.is_empty() {
        return Err(not_found(collection, entity_id));
    }
    for version in &mut versions {
        version.entity = version
            .entity
            .take()
            .map(|v| redact_value(&principal, collection, v));
    }
    body::json_of(&versions)
}
