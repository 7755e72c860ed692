//! Bearer tokens for the standalone server: random (256 bits from the
//! operating system), shown once, kept in the store only as their SHA-256;
//! [`StoreTokens`] is the [`Authoriser`] that reads them back.

use std::fmt::Write as _;

use axum::http::request::Parts;
use chrono::{DateTime, Utc};
use mcn_store::{Store, StoreError, TokenRecord};
use sha2::{Digest as _, Sha256};

use crate::{
    Principal, Problem,
    auth::{AuthFuture, Authoriser, bearer},
};

/// What every token starts with (so a leaked one is recognisable).
pub const PREFIX: &str = "mcn_";

/// Why a token could not be issued or read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TokenError {
    /// The operating system gave no random bytes.
    #[error("no random bytes from the operating system: {0}")]
    Random(getrandom::Error),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A stored grant could not be read back.
    #[error("token {id} grants something unreadable: {error}")]
    Unreadable {
        /// The token's id.
        id: uuid::Uuid,
        /// What was wrong.
        error: serde_json::Error,
    },
}

/// A token just issued: the secret is shown once, never stored.
#[derive(Debug, Clone)]
pub struct Issued {
    /// The stored record (id, name, grant).
    pub record: TokenRecord,
    /// The bearer token itself.
    pub token: String,
}

/// The hex SHA-256 of a token: what the store keeps.
#[must_use]
pub fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .fold(String::with_capacity(64), |mut out, byte| {
            let _ = write!(out, "{byte:02x}");
            out
        })
}

/// Issues a token for `principal`: 32 random bytes from the operating
/// system, hex after [`PREFIX`]; the store keeps its hash and the grant.
pub async fn issue(
    store: &Store,
    principal: &Principal,
    at: DateTime<Utc>,
) -> Result<Issued, TokenError> {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes).map_err(TokenError::Random)?;
    let mut token = String::with_capacity(PREFIX.len() + 64);
    token.push_str(PREFIX);
    for byte in bytes {
        let _ = write!(token, "{byte:02x}");
    }
    let access = serde_json::to_string(principal).map_err(|error| TokenError::Unreadable {
        id: uuid::Uuid::nil(),
        error,
    })?;
    let record = store
        .add_token(&hash(&token), &principal.name, &access, at)
        .await?;
    Ok(Issued { record, token })
}

/// The principal a stored token grants.
pub fn principal(record: &TokenRecord) -> Result<Principal, TokenError> {
    serde_json::from_str(&record.access).map_err(|error| TokenError::Unreadable {
        id: record.id,
        error,
    })
}

/// The [`Authoriser`] of the standalone server: bearer tokens issued by
/// [`issue`], looked up by hash in the store; revoked ones are anonymous.
#[derive(Debug, Clone)]
pub struct StoreTokens {
    store: Store,
}

impl StoreTokens {
    /// Reads tokens from `store`.
    #[must_use]
    pub const fn new(store: Store) -> Self {
        Self { store }
    }
}

impl Authoriser for StoreTokens {
    fn authenticate<'a>(&'a self, request: &'a Parts) -> AuthFuture<'a> {
        let hashed = bearer(request).map(hash);
        Box::pin(async move {
            let Some(hashed) = hashed else {
                return Ok(None);
            };
            match self.store.token_by_hash(&hashed).await? {
                None => Ok(None),
                Some(record) => principal(&record)
                    .map(Some)
                    .map_err(|error| Problem::Internal(error.to_string())),
            }
        })
    }
}
