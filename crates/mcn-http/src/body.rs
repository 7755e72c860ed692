//! What handlers share: reading bodies and path parts, preconditions,
//! entity tags, the clock, and answers in JSON.

use std::collections::HashMap;

use axum::{
    body::{Body, Bytes},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::{DateTime, NaiveDate, Utc};
use mcn_core::id::NetworkId;
use mcn_network::collection::Collection;
use mcn_store::Expect;
use uuid::Uuid;

use crate::{AppState, Principal, Problem};

/// The query parameters of a request (the last of repeated names wins).
pub(crate) type Params = HashMap<String, String>;

/// Reads a JSON body of at most `limit` bytes, refusing other media types.
pub(crate) async fn read_json(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<Bytes, Problem> {
    let media = headers
        .get(header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_default();
    let essence = media
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if essence != "application/json" && !essence.ends_with("+json") {
        let shown = if media.is_empty() {
            "(none)".to_owned()
        } else {
            mcn_core::text::echo(&media).into_owned()
        };
        return Err(Problem::UnsupportedMediaType(shown));
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > u64::try_from(limit).unwrap_or(u64::MAX)) {
        return Err(Problem::TooLarge { limit });
    }
    axum::body::to_bytes(body, limit).await.map_err(|error| {
        if error.to_string().contains("length limit") {
            Problem::TooLarge { limit }
        } else {
            Problem::bad(None, "could not read the request body")
        }
    })
}

/// The network named in a path, if the principal reaches it.
pub(crate) async fn network(
    state: &AppState,
    principal: &Principal,
    text: &str,
) -> Result<(NetworkId, u64), Problem> {
    let id: NetworkId = text.parse().map_err(|_| {
        Problem::bad(
            None,
            format!("network id {}: expected a uuid", mcn_core::text::echo(text)),
        )
    })?;
    if !principal.reaches(id) {
        return Err(Problem::Forbidden(format!(
            "{} may not use network {id}",
            principal.name
        )));
    }
    let head = state.store.head(id).await?;
    Ok((id, head))
}

/// The collection named in a path.
pub(crate) fn collection(text: &str) -> Result<Collection, Problem> {
    Collection::from_name(text).ok_or_else(|| {
        Problem::NotFound(format!(
            "no collection {}: expected one of {}",
            mcn_core::text::echo(text),
            Collection::ALL
                .iter()
                .map(|c| c.name())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })
}

/// An entity id from a path.
pub(crate) fn entity_id(text: &str) -> Result<Uuid, Problem> {
    Uuid::try_parse(text).map_err(|_| {
        Problem::bad(
            None,
            format!("entity id {}: expected a uuid", mcn_core::text::echo(text)),
        )
    })
}

/// A whole number from the query.
pub(crate) fn number(params: &Params, name: &str) -> Result<Option<u64>, Problem> {
    params
        .get(name)
        .map(|v| {
            v.parse::<u64>().map_err(|_| {
                Problem::bad(
                    None,
                    format!(
                        "?{name}={}: expected a whole number",
                        mcn_core::text::echo(v)
                    ),
                )
            })
        })
        .transpose()
}

/// A date from the query (`YYYY-MM-DD`), today when absent.
pub(crate) fn date(params: &Params, name: &str) -> Result<Option<NaiveDate>, Problem> {
    params
        .get(name)
        .map(|v| {
            mcn_core::date::parse(v).map_err(|error| {
                Problem::bad(
                    None,
                    format!("?{name}: {error}: expected a date as YYYY-MM-DD"),
                )
            })
        })
        .transpose()
}

/// The one place the HTTP adapter reads the clock (docs/ARCHITECTURE.md,
/// "no I/O and no clock below the adapters"): revisions' times.
#[allow(clippy::disallowed_methods)] // the adapter is where the clock is allowed
pub(crate) fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today's date (UTC), for `as_of` when the client gives none.
pub(crate) fn today() -> NaiveDate {
    now().date_naive()
}

/// What a write's precondition headers ask of the entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Precondition {
    /// `If-Match: "N"` (that version) or `If-None-Match: *` (absent).
    Expect(Expect),
    /// `If-Match: *`: any current version (RFC 9110 13.1.1).
    Exists,
}

/// What a write expects of the entity, from `If-Match: "N"`, `If-Match: *`
/// or `If-None-Match: *`; 428 when none is given.
pub(crate) fn precondition(headers: &HeaderMap) -> Result<Precondition, Problem> {
    if let Some(value) = headers.get(header::IF_NONE_MATCH) {
        return if value.as_bytes().trim_ascii() == b"*" {
            Ok(Precondition::Expect(Expect::ABSENT))
        } else {
            Err(Problem::bad(
                None,
                "if-none-match: expected * (create only if absent)",
            ))
        };
    }
    let value = headers.get(header::IF_MATCH).ok_or_else(|| {
        Problem::PreconditionRequired(
            "send if-match with the entity's etag (or *) to change it, or if-none-match: * to create it"
                .to_owned(),
        )
    })?;
    if value.as_bytes().trim_ascii() == b"*" {
        return Ok(Precondition::Exists);
    }
    parse_etag(value)
        .map(|n| Precondition::Expect(Expect::Revision(n)))
        .ok_or_else(|| {
            Problem::bad(
                None,
                format!(
                    "if-match {}: expected * or one etag, a quoted revision number such as \"12\"",
                    mcn_core::text::echo(&String::from_utf8_lossy(value.as_bytes()))
                ),
            )
        })
}

/// The revision in an entity tag: `"12"` (or `W/"12"`).
fn parse_etag(value: &HeaderValue) -> Option<u64> {
    let text = value.to_str().ok()?.trim();
    let text = text.strip_prefix("W/").unwrap_or(text);
    text.strip_prefix('"')?.strip_suffix('"')?.parse().ok()
}

/// The entity tag of something at `revision`.
pub(crate) fn etag(revision: u64) -> (header::HeaderName, String) {
    (header::ETAG, format!("\"{revision}\""))
}

/// A JSON answer from already-serialised bytes.
pub(crate) fn json_response(status: StatusCode, json: impl Into<Body>) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        json.into(),
    )
        .into_response()
}

/// A JSON answer of a serialisable value.
pub(crate) fn json_of(value: &impl serde::Serialize) -> Result<Response, Problem> {
    let bytes = serde_json::to_vec(value).map_err(|e| Problem::Internal(e.to_string()))?;
    Ok(json_response(StatusCode::OK, bytes))
}

/// Runs long pure work on a blocking thread.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Problem> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|error| Problem::Internal(format!("blocking work failed: {error}")))
}
