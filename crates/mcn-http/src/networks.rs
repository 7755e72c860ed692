//! `/networks`: the list, creating a network by importing a document, one
//! network's profile and head, and its whole document.

use axum::{
    Extension,
    body::Body,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use mcn_core::Redact as _;
use mcn_network::NetworkDocument;
use mcn_store::Layout;
use serde::Serialize;

use crate::{
    AppState, Principal, Problem,
    body::{self, Params},
};

/// One network in the list.
#[derive(Debug, Serialize)]
struct Listed {
    id: String,
    head: u64,
}

/// `GET /networks`: the networks the principal reaches, with their heads.
pub(crate) async fn list(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
) -> Result<Response, Problem> {
    let mut listed = Vec::new();
    for id in state.store.networks().await? {
        if principal.reaches(id) {
            listed.push(Listed {
                id: id.to_string(),
                head: state.store.head(id).await?,
            });
        }
    }
    body::json_of(&listed)
}

/// `POST /networks`: imports a whole document as revision 1 of a new
/// network (admins only).
pub(crate) async fn create(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    headers: HeaderMap,
    request: Body,
) -> Result<Response, Problem> {
    if !principal.is_admin() {
        return Err(Problem::Forbidden(format!(
            "{} is a {}: only an admin creates networks",
            principal.name,
            principal.role.name()
        )));
    }
    let bytes = body::read_json(&headers, request, state.limits.document_body).await?;
    let document = body::blocking(move || NetworkDocument::from_json(&bytes))
        .await?
        .map_err(load_problem)?;
    if !principal.reaches(document.network.id) {
        return Err(Problem::Forbidden(format!(
            "{} may not use network {}",
            principal.name, document.network.id
        )));
    }
    let revision = state
        .store
        .import(
            &document,
            &principal.name,
            "imported over http",
            body::now(),
        )
        .await?;
    let id = document.network.id;
    let json = serde_json::to_vec(&revision).map_err(|e| Problem::Internal(e.to_string()))?;
    Ok((
        StatusCode::CREATED,
        [
            (header::LOCATION, format!("networks/{id}")),
            body::etag(revision.number),
            (header::CONTENT_TYPE, "application/json".to_owned()),
        ],
        json,
    )
        .into_response())
}

/// A document that does not load: 400 with where.
pub(crate) fn load_problem(error: mcn_network::LoadError) -> Problem {
    match error {
        mcn_network::LoadError::TooLarge { limit } => Problem::TooLarge {
            limit: usize::try_from(limit).unwrap_or(usize::MAX),
        },
        error => Problem::bad(error.path().cloned(), error.to_string()),
    }
}

/// One network: its profile and head revision.
#[derive(Serialize)]
struct Shown {
    id: String,
    head: u64,
    profile: serde_json::Value,
}

/// `GET /networks/{network}`: the profile and the head revision.
pub(crate) async fn show(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(network): Path<String>,
) -> Result<Response, Problem> {
    let (id, head) = body::network(&state, &principal, &network).await?;
    let (_, profile) = state.store.profile(id).await?;
    let profile: serde_json::Value =
        serde_json::from_str(&profile).map_err(|e| Problem::Internal(e.to_string()))?;
    let mut response = body::json_of(&Shown {
        id: id.to_string(),
        head,
        profile,
    })?;
    set_etag(&mut response, head);
    Ok(response)
}

/// `GET /networks/{network}/document[?revision=N]`: the whole document
/// (staff personal data redacted unless the principal may see it).
pub(crate) async fn document(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(network): Path<String>,
    Query(params): Query<Params>,
) -> Result<Response, Problem> {
    let (id, head) = body::network(&state, &principal, &network).await?;
    let revision = body::number(&params, "revision")?.unwrap_or(head);
    let json = state
        .store
        .export(id, Some(revision), Layout::Compact)
        .await?;
    let json = if principal.sees_personal_data() {
        json
    } else {
        body::blocking(move || -> Result<String, Problem> {
            let mut document = NetworkDocument::from_json(json.as_bytes())
                .map_err(|e| Problem::Internal(e.to_string()))?;
            document.people.redact();
            serde_json::to_string(&document).map_err(|e| Problem::Internal(e.to_string()))
        })
        .await??
    };
    let mut response = body::json_response(StatusCode::OK, json);
    set_etag(&mut response, revision);
    Ok(response)
}

/// Sets the `ETag` of a response to `revision`.
pub(crate) fn set_etag(response: &mut Response, revision: u64) {
    let (name, value) = body::etag(revision);
    if let Ok(value) = value.parse() {
        response.headers_mut().insert(name, value);
    }
}
