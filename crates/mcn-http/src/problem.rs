//! [`Problem`]: every error the API answers with, as an RFC 9457
//! `application/problem+json` response with a stable `type` per kind.

use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use mcn_core::{Finding, JsonPointer};
use mcn_store::{Conflict, StoreError};
use serde::Serialize;

/// The media type of every error response.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Where the problem types live: `type` is this followed by the kind's slug.
pub const TYPE_BASE: &str = "https://mcn.example/problems/";

/// Why a request failed. Each variant has its own status and `type`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// No credentials, or credentials the authoriser does not know (401).
    #[error("authentication required: send a bearer token in the authorization header")]
    Unauthenticated,
    /// The principal may not do this (403).
    #[error("{0}")]
    Forbidden(String),
    /// No such network, revision, collection, entity or route (404).
    #[error("{0}")]
    NotFound(String),
    /// The method is not allowed on this resource (405).
    #[error("method not allowed on this resource")]
    MethodNotAllowed,
    /// Malformed input: the JSON Pointer says where (400).
    #[error("{detail}")]
    BadInput {
        /// Where in the body (or query) the problem is.
        pointer: Option<JsonPointer>,
        /// What was wrong and what was expected.
        detail: String,
    },
    /// The body's media type is not one the resource reads (415).
    #[error("unsupported content type {0}: expected application/json")]
    UnsupportedMediaType(String),
    /// None of the accepted formats can be produced (406).
    #[error("{0}")]
    NotAcceptable(String),
    /// The body is larger than the limit for this resource (413).
    #[error("the request body is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The request line is too long (414).
    #[error("the query string is longer than the limit of {limit} bytes")]
    UriTooLong {
        /// The limit, in bytes.
        limit: usize,
    },
    /// A write without `If-Match` (or `If-None-Match: *` to create) (428).
    #[error("{0}")]
    PreconditionRequired(String),
    /// The entities are not at the versions the writer expected (412).
    #[error("{detail}")]
    PreconditionFailed {
        /// What was stale.
        detail: String,
        /// Every conflicting entity with its current version.
        conflicts: Vec<Conflict>,
    },
    /// The write would leave the network inconsistent (422).
    #[error("{detail}")]
    Integrity {
        /// A summary.
        detail: String,
        /// The findings, with paths into the request body.
        findings: Vec<Finding>,
    },
    /// The resource exists already (409).
    #[error("{0}")]
    Exists(String),
    /// The request took longer than the server's limit (503).
    #[error("the request took longer than the server's limit")]
    Timeout,
    /// Something failed on the server's side (500); the detail is logged, not sent.
    #[error("internal error")]
    Internal(String),
}

impl Problem {
    /// Bad input at `pointer`.
    pub fn bad(pointer: Option<JsonPointer>, detail: impl Into<String>) -> Self {
        Self::BadInput {
            pointer,
            detail: detail.into(),
        }
    }

    /// The HTTP status.
    #[must_use]
    pub const fn status(&self) -> StatusCode {
        match self {
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::BadInput { .. } => StatusCode::BAD_REQUEST,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::NotAcceptable(_) => StatusCode::NOT_ACCEPTABLE,
            Self::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UriTooLong { .. } => StatusCode::URI_TOO_LONG,
            Self::PreconditionRequired(_) => StatusCode::PRECONDITION_REQUIRED,
            Self::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            Self::Integrity { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Exists(_) => StatusCode::CONFLICT,
            Self::Timeout => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable slug of the `type` URI and its title.
    #[must_use]
    pub const fn kind(&self) -> (&'static str, &'static str) {
        match self {
            Self::Unauthenticated => ("unauthenticated", "Authentication required"),
            Self::Forbidden(_) => ("forbidden", "Not allowed"),
            Self::NotFound(_) => ("not-found", "Not found"),
            Self::MethodNotAllowed => ("method-not-allowed", "Method not allowed"),
            Self::BadInput { .. } => ("bad-input", "Malformed input"),
            Self::UnsupportedMediaType(_) => ("unsupported-media-type", "Unsupported media type"),
            Self::NotAcceptable(_) => ("not-acceptable", "Not acceptable"),
            Self::TooLarge { .. } => ("too-large", "Request body too large"),
            Self::UriTooLong { .. } => ("uri-too-long", "Query string too long"),
            Self::PreconditionRequired(_) => ("precondition-required", "Precondition required"),
            Self::PreconditionFailed { .. } => ("precondition-failed", "Version conflict"),
            Self::Integrity { .. } => ("integrity", "Refused: the network would be inconsistent"),
            Self::Exists(_) => ("exists", "Already exists"),
            Self::Timeout => ("timeout", "Request timed out"),
            Self::Internal(_) => ("internal", "Internal error"),
        }
    }
}

/// The JSON body of a problem response.
#[derive(Debug, Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: String,
    title: &'static str,
    status: u16,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pointer: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    codes: Vec<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    findings: &'a [Finding],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    conflicts: &'a [Conflict],
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        if let Self::Internal(detail) = &self {
            tracing::error!(detail = %detail, "internal error");
        }
        let status = self.status();
        let (slug, title) = self.kind();
        let (pointer, findings, conflicts): (Option<&str>, &[Finding], &[Conflict]) = match &self {
            Self::BadInput {
                pointer: Some(p), ..
            } => (Some(p.as_str()), &[], &[]),
            Self::Integrity { findings, .. } => (None, findings, &[]),
            Self::PreconditionFailed { conflicts, .. } => (None, &[], conflicts),
            _ => (None, &[], &[]),
        };
        let mut codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
        codes.dedup();
        let body = Body {
            kind: format!("{TYPE_BASE}{slug}"),
            title,
            status: status.as_u16(),
            detail: self.to_string(),
            pointer,
            codes,
            findings,
            conflicts,
        };
        let bytes = serde_json::to_vec(&body).unwrap_or_default();
        let mut response = (status, bytes).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if matches!(self, Self::Unauthenticated) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

impl From<StoreError> for Problem {
    fn from(error: StoreError) -> Self {
        let detail = error.to_string();
        match error {
            StoreError::BadInput { path, message } => Self::BadInput {
                pointer: Some(path),
                detail: message,
            },
            StoreError::Conflict(conflicts) => Self::PreconditionFailed { detail, conflicts },
            StoreError::Integrity(findings) => Self::Integrity { detail, findings },
            StoreError::NetworkNotFound(_) | StoreError::RevisionNotFound { .. } => {
                Self::NotFound(detail)
            }
            StoreError::NetworkExists(_) => Self::Exists(detail),
            _ => Self::Internal(detail),
        }
    }
}

/// Whether a response already carries a problem body.
pub(crate) fn is_problem(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()))
}
