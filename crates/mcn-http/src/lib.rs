#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod access;
pub mod auth;
mod body;
mod cache;
mod config;
mod entities;
mod entity_page;
mod layers;
mod networks;
pub mod openapi;
mod pages;
pub mod problem;
mod reads;
pub mod tokens;

use std::sync::Arc;

use axum::{
    Router,
    routing::{get, post},
};
use mcn_store::Store;
use tower_http::limit::RequestBodyLimitLayer;

pub use auth::{Authoriser, NetworkScope, Principal, Role, StaticTokens};
pub use config::Limits;
pub use problem::Problem;

/// What every handler shares: the store, the authoriser, the limits and
/// the rendered reports kept. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    store: Store,
    authoriser: Arc<dyn Authoriser>,
    limits: Limits,
    reports: Arc<cache::Reports>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("store", &self.store)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// The state of a router over `store`, asking `authoriser` who is
    /// calling, with the default [`Limits`].
    pub fn new(store: Store, authoriser: impl Authoriser) -> Self {
        Self {
            store,
            authoriser: Arc::new(authoriser),
            limits: Limits::default(),
            reports: Arc::default(),
        }
    }

    /// The same with other limits.
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The store.
    #[must_use]
    pub fn store(&self) -> &Store {
        &self.store
    }
}

/// The network API as an axum [`Router`] a host can serve or `nest` under
/// any prefix. Entity writes and change sets are limited to
/// [`Limits::entity_body`], everything else to [`Limits::document_body`]. Every route but `/health`, `/ready`, `/openapi.json` and `/login` needs an authenticated
/// principal; the routes and roles are listed in the crate README.
pub fn router(state: AppState) -> Router {
    let limits = state.limits.clone();
    let protected = Router::new()
        .route("/networks", get(networks::list).post(networks::create))
        .route("/networks/{network}", get(networks::show))
        .route("/networks/{network}/document", get(networks::document))
        .route(
            "/networks/{network}/change-sets",
            post(entities::change_set),
        )
        .route("/networks/{network}/revisions", get(reads::log))
        .route("/networks/{network}/diff", get(reads::diff))
        .route("/networks/{network}/findings", get(reads::findings))
        .route("/networks/{network}/report", get(reads::report))
        .route("/networks/{network}/fhir", get(reads::fhir))
        .route("/networks/{network}/{collection}", get(entities::list))
        .route(
            "/networks/{network}/{collection}/{id}",
            get(entities::get)
                .put(entities::put)
                .delete(entities::delete)
                .layer(RequestBodyLimitLayer::new(limits.entity_body)),
        )
        .route(
            "/networks/{network}/{collection}/{id}/history",
            get(entities::history),
        )
        .route("/networks/pages", get(pages::networks))
        .route("/networks/{network}/pages/overview", get(pages::overview))
        .route("/networks/{network}/pages/revisions", get(pages::revisions))
        .route("/networks/{network}/pages/report", get(reads::report_page))
        .route(
            "/networks/{network}/pages/{collection}/{id}",
            get(entity_page::entity),
        )
        .route("/validate", post(reads::validate))
        .route("/schemas", get(reads::schema_index))
        .route("/schemas/{name}", get(reads::schema))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            layers::authenticate,
        ));
    let public = Router::new()
        .route("/health", get(reads::health))
        .route("/ready", get(reads::ready))
        .route("/openapi.json", get(reads::openapi))
        .route("/login", get(pages::login_form).post(pages::login));
    layers::wrap(public.merge(protected).fallback(layers::no_route), &limits).with_state(state)
}
