//! The middleware: authentication, the tower limits, request ids, tracing
//! and the access log, and the rewriting of every other error response into
//! a problem.

use axum::{
    Router,
    body::Body,
    extract::{Request, State},
    http::{HeaderName, StatusCode},
    middleware::{self, Next},
    response::{IntoResponse, Response},
};
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::{
    limit::RequestBodyLimitLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer},
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

use crate::{AppState, Limits, Problem, problem::is_problem};

/// The header carrying the request id (set when the client sends none).
const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Authenticates the request through the state's authoriser and hands the
/// [`crate::Principal`] to the handler (as an extension); 401 otherwise.
pub(crate) async fn authenticate(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let (mut parts, body) = request.into_parts();
    match state.authoriser.authenticate(&parts).await {
        Ok(Some(principal)) => {
            tracing::Span::current().record("principal", principal.name.as_str());
            parts.extensions.insert(principal);
            next.run(Request::from_parts(parts, body)).await
        }
        Ok(None) => Problem::Unauthenticated.into_response(),
        Err(problem) => problem.into_response(),
    }
}

/// No route matched.
pub(crate) async fn no_route() -> Problem {
    Problem::NotFound("no such resource".to_owned())
}

/// Refuses query strings longer than the limit.
async fn guard_query(State(limit): State<usize>, request: Request, next: Next) -> Response {
    if request.uri().query().is_some_and(|q| q.len() > limit) {
        return Problem::UriTooLong { limit }.into_response();
    }
    next.run(request).await
}

/// Turns the error responses of the layers and of axum itself (413 from the
/// body limit, 408 from the timeout, 405, rejections) into problems.
async fn problems(
    State((entity_limit, document_limit)): State<(usize, usize)>,
    request: Request,
    next: Next,
) -> Response {
    // The body limit of the route (see `crate::router`).
    let limit = if request.method() == axum::http::Method::PUT
        || request.uri().path().ends_with("/change-sets")
    {
        entity_limit
    } else {
        document_limit
    };
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || is_problem(&response) {
        return response;
    }
    let problem = match status {
        StatusCode::PAYLOAD_TOO_LARGE => Problem::TooLarge { limit },
        StatusCode::REQUEST_TIMEOUT | StatusCode::SERVICE_UNAVAILABLE => Problem::Timeout,
        StatusCode::METHOD_NOT_ALLOWED => Problem::MethodNotAllowed,
        StatusCode::NOT_FOUND => Problem::NotFound("no such resource".to_owned()),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            Problem::UnsupportedMediaType("of the request".to_owned())
        }
        s if s.is_client_error() => {
            let bytes = axum::body::to_bytes(response.into_body(), 4096)
                .await
                .unwrap_or_default();
            Problem::bad(None, mcn_core::text::echo(&String::from_utf8_lossy(&bytes)))
        }
        s => Problem::Internal(format!("status {s}")),
    };
    problem.into_response()
}

/// The tower layers every route runs under, outermost first: request id,
/// trace span and access log, problem rewriting, query limit, timeout,
/// concurrency limit, body limit.
pub(crate) fn wrap(router: Router<AppState>, limits: &Limits) -> Router<AppState> {
    router
        .layer(RequestBodyLimitLayer::new(limits.document_body))
        .layer(GlobalConcurrencyLimitLayer::new(limits.concurrency))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.timeout,
        ))
        .layer(middleware::from_fn_with_state(limits.query, guard_query))
        .layer(middleware::from_fn_with_state(
            (limits.entity_body, limits.document_body),
            problems,
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<Body>| {
                    let id = request
                        .extensions()
                        .get::<RequestId>()
                        .and_then(|id| id.header_value().to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!(
                        "request",
                        id = %id,
                        method = %request.method(),
                        uri = %request.uri().path(),
                        principal = tracing::field::Empty,
                    )
                })
                .on_response(
                    |response: &Response, latency: std::time::Duration, _: &tracing::Span| {
                        tracing::info!(
                            target: "mcn_http::access",
                            status = response.status().as_u16(),
                            micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX),
                            "done"
                        );
                    },
                ),
        )
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}
