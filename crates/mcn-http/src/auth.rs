//! Who is asking: [`Principal`], its [`Role`], and the [`Authoriser`] a host
//! plugs in to turn a request into a principal.

use std::{collections::HashMap, future::Future, pin::Pin};

use axum::http::{header, request::Parts};
use mcn_core::id::{NetworkId, OrganisationId};
use serde::{Deserialize, Serialize};

use crate::Problem;

/// What a principal may do (see the crate README's table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Role {
    /// Reads everything but staff personal data (redacted).
    Viewer,
    /// Reads as a viewer; writes only what these organisations own.
    MemberEditor {
        /// The organisations it edits for.
        organisations: Vec<OrganisationId>,
    },
    /// Reads personal data and writes everything in its networks.
    Coordinator,
    /// Everything, and creates networks (and, standalone, tokens).
    Admin,
}

impl Role {
    /// The role's name as written on the command line and in the README.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        match self {
            Self::Viewer => "viewer",
            Self::MemberEditor { .. } => "member_editor",
            Self::Coordinator => "coordinator",
            Self::Admin => "admin",
        }
    }
}

/// Which networks a principal may reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum NetworkScope {
    /// Every network in the store.
    All,
    /// Only these.
    Only(Vec<NetworkId>),
}

impl NetworkScope {
    /// Whether `network` is in scope.
    #[must_use]
    pub fn contains(&self, network: NetworkId) -> bool {
        match self {
            Self::All => true,
            Self::Only(networks) => networks.contains(&network),
        }
    }
}

/// An authenticated caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principal {
    /// Its name: the author of every change set it makes.
    pub name: String,
    /// What it may do.
    pub role: Role,
    /// Where it may do it.
    pub networks: NetworkScope,
}

impl Principal {
    /// Whether it may read `network` at all.
    #[must_use]
    pub fn reaches(&self, network: NetworkId) -> bool {
        self.networks.contains(network)
    }

    /// Whether it sees staff personal data (co-ordinators and admins).
    #[must_use]
    pub const fn sees_personal_data(&self) -> bool {
        matches!(self.role, Role::Coordinator | Role::Admin)
    }

    /// Whether it may write anything in a network in scope, unrestricted.
    #[must_use]
    pub const fn writes_everything(&self) -> bool {
        matches!(self.role, Role::Coordinator | Role::Admin)
    }

    /// Whether it administers networks (creates them by import).
    #[must_use]
    pub const fn is_admin(&self) -> bool {
        matches!(self.role, Role::Admin)
    }
}

/// The future an [`Authoriser`] returns.
pub type AuthFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Option<Principal>, Problem>> + Send + 'a>>;

/// Turns a request into a [`Principal`]: a host service plugs in its own
/// identity (OIDC, mTLS, its session). `Ok(None)` means anonymous (401);
/// an error is answered as it is.
pub trait Authoriser: Send + Sync + 'static {
    /// Who sent this request (its head: method, URI, headers, extensions).
    fn authenticate<'a>(&'a self, request: &'a Parts) -> AuthFuture<'a>;
}

/// The cookie the login page keeps a token in, for browsers.
pub const COOKIE: &str = "mcn_token";

/// The bearer token of a request: its `Authorization: Bearer` header, else
/// the [`COOKIE`] the login page set.
#[must_use]
pub fn bearer(request: &Parts) -> Option<&str> {
    if let Some(value) = request.headers.get(header::AUTHORIZATION) {
        let (scheme, token) = value.to_str().ok()?.split_once(' ')?;
        return scheme
            .eq_ignore_ascii_case("bearer")
            .then(|| token.trim())
            .filter(|t| !t.is_empty());
    }
    request
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == COOKIE && !value.is_empty()).then_some(value)
        })
}

/// A fixed table of bearer tokens: for tests and small hosts.
#[derive(Debug, Clone, Default)]
pub struct StaticTokens {
    tokens: HashMap<String, Principal>,
}

impl StaticTokens {
    /// An empty table (everyone anonymous).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `token` for `principal`.
    #[must_use]
    pub fn with(mut self, token: impl Into<String>, principal: Principal) -> Self {
        self.tokens.insert(token.into(), principal);
        self
    }
}

impl Authoriser for StaticTokens {
    fn authenticate<'a>(&'a self, request: &'a Parts) -> AuthFuture<'a> {
        let principal = bearer(request).and_then(|t| self.tokens.get(t)).cloned();
        Box::pin(async move { Ok(principal) })
    }
}
