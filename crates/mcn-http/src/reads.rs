//! Read-only resources: health and readiness, the revision log and diffs,
//! findings, the evaluation report, the FHIR export, stateless validation
//! and the JSON Schemas.

use axum::{
    Extension,
    body::{Body, Bytes},
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderName, StatusCode, header},
    response::{IntoResponse, Response},
};
use mcn_evaluation::{EvaluationSettings, evaluate, render};
use std::{collections::HashSet, sync::Arc};

use mcn_core::{NaiveDate, Report, id::NetworkId};
use mcn_network::{Network, NetworkDocument};
use serde_json::json;

use crate::{
    AppState, Principal, Problem,
    body::{self, Params},
    cache,
    networks::{load_problem, set_etag},
};

/// `GET /health`: the process answers.
pub(crate) async fn health() -> Response {
    body::json_response(StatusCode::OK, json!({"status": "ok"}).to_string())
}

/// `GET /ready`: the store answers too (503 otherwise).
pub(crate) async fn ready(State(state): State<AppState>) -> Response {
    match state.store.networks().await {
        Ok(_) => body::json_response(StatusCode::OK, json!({"status": "ready"}).to_string()),
        Err(error) => {
            tracing::warn!(%error, "not ready");
            body::json_response(
                StatusCode::SERVICE_UNAVAILABLE,
                json!({"status": "unavailable"}).to_string(),
            )
        }
    }
}

/// `GET /networks/{network}/revisions`: the revision log, oldest first.
pub(crate) async fn log(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(network): Path<String>,
) -> Result<Response, Problem> {
    let (id, head) = body::network(&state, &principal, &network).await?;
    let mut response = body::json_of(&state.store.log(id).await?)?;
    set_etag(&mut response, head);
    Ok(response)
}

/// `GET /networks/{network}/diff?from=A[&to=B]`: the ids that differ
/// between two revisions (`to` defaults to the head).
pub(crate) async fn diff(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(network): Path<String>,
    Query(params): Query<Params>,
) -> Result<Response, Problem> {
    let (id, head) = body::network(&state, &principal, &network).await?;
    let from = body::number(&params, "from")?
        .ok_or_else(|| Problem::bad(None, "?from: expected the revision to compare from"))?;
    let to = body::number(&params, "to")?.unwrap_or(head);
    body::json_of(&state.store.diff(id, from, to).await?)
}

/// `GET /networks/{network}/findings?as_of=&revision=&format=`: the
/// findings of every rule, as JSON, markdown, HTML (each linked to its
/// entity) or text (`?format=`, else the `Accept` header).
pub(crate) async fn findings(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(network): Path<String>,
    Query(params): Query<Params>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let format = report_format(&params, &headers)?;
    let (id, head) = body::network(&state, &principal, &network).await?;
    let revision = body::number(&params, "revision")?.unwrap_or(head);
    let as_of = body::date(&params, "as_of")?.unwrap_or_else(body::today);
    let mut report = state.store.findings(id, Some(revision), as_of).await?;
    let document = if principal.sees_personal_data() && format != render::Format::Html {
        None
    } else {
        Some(state.store.document_at(id, Some(revision)).await?)
    };
    if let Some(document) = &document {
        report = shown_to(&principal, report, document);
    }
    let text = |text: String| {
        (
            StatusCode::OK,
            [(header::CONTENT_TYPE, media(format))],
            text,
        )
            .into_response()
    };
    let mut response = match (format, &document) {
        (render::Format::Html, Some(document)) => {
            crate::pages::findings_page(document, &report, revision, as_of)
        }
        (render::Format::Markdown, _) => {
            text(crate::pages::findings_markdown(&report, revision, as_of))
        }
        (render::Format::Text, _) => text(report.to_string()),
        _ => body::json_of(&*report)?,
    };
    set_etag(&mut response, revision);
    Ok(response)
}

/// The findings as `principal` may see them: with staff personal data
/// taken out of the messages ([`redact_messages`]) unless the principal
/// may see it.
pub(crate) fn shown_to(
    principal: &Principal,
    report: Arc<Report>,
    document: &NetworkDocument,
) -> Arc<Report> {
    if principal.sees_personal_data() {
        report
    } else {
        Arc::new(redact_messages(&report, document))
    }
}

/// What the pages show of the head as of today: the date, the findings as
/// `principal` may see them, and the document (for names and links).
pub(crate) async fn findings_today(
    state: &AppState,
    principal: &Principal,
    network: NetworkId,
    head: u64,
) -> Result<(NaiveDate, Arc<Report>, NetworkDocument), Problem> {
    let as_of = body::today();
    let report = state.store.findings(network, Some(head), as_of).await?;
    let document = state.store.document_at(network, Some(head)).await?;
    Ok((as_of, shown_to(principal, report, &document), document))
}

/// `report` with the staff personal data of `document` (people's names,
/// e-mail addresses and registration numbers) taken out of its messages,
/// where they are quoted (`person "Dr A" (id)`), for principals who may not
/// see it. Linear in the messages' length.
pub(crate) fn redact_messages(report: &Report, document: &NetworkDocument) -> Report {
    let mut personal: HashSet<&str> = HashSet::new();
    for person in &document.people {
        personal.insert(person.name.as_str());
        if let Some(email) = &person.email {
            personal.insert(email.as_str());
        }
        if let Some(registration) = &person.registration {
            personal.insert(registration.value());
        }
    }
    let mut out = report.clone();
    for finding in &mut out.findings {
        let mut message = String::with_capacity(finding.message.len());
        for (i, part) in finding.message.split('"').enumerate() {
            if i > 0 {
                message.push('"');
            }
            // Odd parts are between quotes.
            message.push_str(if i % 2 == 1 && personal.contains(part) {
                mcn_core::text::REDACTED
            } else {
                part
            });
        }
        finding.message = message;
    }
    out
}

/// The format of a report: `?format=` first, else the `Accept` header.
fn report_format(params: &Params, headers: &HeaderMap) -> Result<render::Format, Problem> {
    if let Some(format) = params.get("format") {
        return match format.as_str() {
            "json" => Ok(render::Format::Json),
            "markdown" => Ok(render::Format::Markdown),
            "html" => Ok(render::Format::Html),
            "text" => Ok(render::Format::Text),
            other => Err(Problem::bad(
                None,
                format!(
                    "?format={}: expected json, markdown, html or text",
                    mcn_core::text::echo(other)
                ),
            )),
        };
    }
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("*/*");
    for range in accept.split(',') {
        let media = range.split(';').next().unwrap_or_default().trim();
        match media {
            "application/json" | "*/*" | "application/*" => return Ok(render::Format::Json),
            "text/html" => return Ok(render::Format::Html),
            "text/markdown" => return Ok(render::Format::Markdown),
            "text/plain" | "text/*" => return Ok(render::Format::Text),
            _ => {}
        }
    }
    Err(Problem::NotAcceptable(
        "the report is served as application/json, text/html, text/markdown or text/plain"
            .to_owned(),
    ))
}

/// The media type a report in `format` is served as.
const fn media(format: render::Format) -> &'static str {
    match format {
        render::Format::Html => "text/html; charset=utf-8",
        render::Format::Markdown => "text/markdown; charset=utf-8",
        render::Format::Json => "application/json",
        _ => "text/plain; charset=utf-8",
    }
}

/// Whether the request asks not to be answered from a cache
/// (`Cache-Control: no-cache`, RFC 9111).
fn no_cache(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::CACHE_CONTROL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|directive| directive.trim().eq_ignore_ascii_case("no-cache"))
}

/// `GET /networks/{network}/report?as_of=&since=&revision=&format=`: the
/// evaluation report as JSON, markdown, HTML or text. Rendered reports are
/// kept per (revision, as of, since, format); `Cache-Control: no-cache`
/// renders it again.
pub(crate) async fn report(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(network): Path<String>,
    Query(params): Query<Params>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let format = report_format(&params, &headers)?;
    let (id, head) = body::network(&state, &principal, &network).await?;
    let revision = body::number(&params, "revision")?.unwrap_or(head);
    let as_of = body::date(&params, "as_of")?.unwrap_or_else(body::today);
    let since = body::date(&params, "since")?;
    if since.is_some_and(|s| s >= as_of) {
        return Err(Problem::bad(
            None,
            format!("?since must be before the report date {as_of}"),
        ));
    }
    let key = cache::Key {
        network: id,
        revision,
        as_of,
        since,
        format,
    };
    // RFC 9211: whether the answer came from the report cache (a request
    // that waited for another's rendering counts as a hit).
    let capacity = state.limits.report_cache;
    let slot = if no_cache(&headers) {
        None
    } else {
        state.reports.slot(key, capacity)
    };
    let (rendered, status) = if let Some(slot) = slot {
        let mut rendered_here = false;
        let rendered = slot
            .get_or_try_init(|| {
                rendered_here = true;
                render_report(&state, key)
            })
            .await?
            .clone();
        let status = if rendered_here {
            "mcn-http; fwd=miss"
        } else {
            "mcn-http; hit"
        };
        (rendered, status)
    } else {
        let rendered = render_report(&state, key).await?;
        state.reports.replace(key, rendered.clone(), capacity);
        let status = if capacity == 0 {
            "mcn-http; fwd=bypass"
        } else {
            "mcn-http; fwd=request"
        };
        (rendered, status)
    };
    let mut response = (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, media(format)),
            (HeaderName::from_static("cache-status"), status),
        ],
        rendered,
    )
        .into_response();
    set_etag(&mut response, revision);
    Ok(response)
}

/// Evaluates and renders the report `key` names (on a blocking thread).
async fn render_report(state: &AppState, key: cache::Key) -> Result<Bytes, Problem> {
    let cache::Key {
        network: id,
        revision,
        as_of,
        since,
        format,
    } = key;
    let findings = state.store.findings(id, Some(revision), as_of).await?;
    let earlier = match since {
        Some(since) => Some(state.store.findings(id, Some(revision), since).await?),
        None => None,
    };
    let document = state.store.document_at(id, Some(revision)).await?;
    let rendered = body::blocking(move || {
        let network = Network::new(document);
        let settings = EvaluationSettings::default();
        let mut report = evaluate(&network, &findings, as_of, &settings);
        if let (Some(since), Some(earlier)) = (since, earlier) {
            report = report.with_comparison(&evaluate(&network, &earlier, since, &settings));
        }
        render::to_string(&report, format)
    })
    .await?
    .map_err(|e| Problem::Internal(e.to_string()))?;
    Ok(Bytes::from(rendered))
}

/// `GET /networks/{network}/pages/report`: the report as its HTML page.
pub(crate) async fn report_page(
    state: State<AppState>,
    principal: Extension<Principal>,
    network: Path<String>,
    Query(mut params): Query<Params>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    params.insert("format".to_owned(), "html".to_owned());
    report(state, principal, network, Query(params), headers).await
}

/// `GET /networks/{network}/fhir?as_of=&measures=true`: the FHIR R4
/// collection Bundle (personal data only for those who may see it).
pub(crate) async fn fhir(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(network): Path<String>,
    Query(params): Query<Params>,
) -> Result<Response, Problem> {
    let (id, head) = body::network(&state, &principal, &network).await?;
    let as_of = body::date(&params, "as_of")?.unwrap_or_else(body::today);
    let measures = params.get("measures").is_some_and(|m| m == "true");
    let options = mcn_fhir::ExportOptions::default()
        .with_personal_data(principal.sees_personal_data())
        .with_measures(measures);
    let document = state.store.document_at(id, Some(head)).await?;
    let json = body::blocking(move || {
        serde_json::to_vec(&mcn_fhir::export(&Network::new(document), as_of, &options))
    })
    .await?
    .map_err(|e| Problem::Internal(e.to_string()))?;
    let mut response = (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/fhir+json")],
        json,
    )
        .into_response();
    set_etag(&mut response, head);
    Ok(response)
}

/// `POST /validate?as_of=`: loads and checks a posted document, storing
/// nothing; 200 with the findings, 400 if it does not load.
pub(crate) async fn validate(
    State(state): State<AppState>,
    Query(params): Query<Params>,
    headers: HeaderMap,
    request: Body,
) -> Result<Response, Problem> {
    let as_of = body::date(&params, "as_of")?.unwrap_or_else(body::today);
    let bytes = body::read_json(&headers, request, state.limits.document_body).await?;
    let report = body::blocking(move || {
        NetworkDocument::from_json(&bytes).map(|document| mcn_network::validate(&document, as_of))
    })
    .await?
    .map_err(load_problem)?;
    body::json_of(&report)
}

/// `GET /openapi.json`: the `OpenAPI` 3.1 description (no token needed).
pub(crate) async fn openapi() -> Response {
    body::json_response(StatusCode::OK, crate::openapi::to_string())
}

/// `GET /schemas`: the index of the JSON Schemas.
pub(crate) async fn schema_index() -> Response {
    body::json_response(StatusCode::OK, mcn_schema::index_file().contents)
}

/// `GET /schemas/{name}`: one JSON Schema (`organisation` or
/// `organisation.schema.json`).
pub(crate) async fn schema(Path(name): Path<String>) -> Result<Response, Problem> {
    let bare = name.strip_suffix(".schema.json").unwrap_or(&name);
    let ty = mcn_schema::find(bare).map_err(|error| Problem::NotFound(error.to_string()))?;
    Ok(body::json_response(StatusCode::OK, ty.file().contents))
}
