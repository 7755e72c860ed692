//! A router over a fresh store holding the example network, with one bearer
//! token per role; and a small client for it.

use std::sync::atomic::{AtomicU32, Ordering};

use axum::{
    Router,
    body::Body,
    http::{HeaderMap, Method, Request, StatusCode},
};
use mcn_core::id::NetworkId;
use mcn_http::{AppState, NetworkScope, Principal, Role, StaticTokens};
use mcn_network::NetworkDocument;
use mcn_store::Store;
use serde_json::Value;
use tower::ServiceExt as _;

/// The tokens of [`app`]'s principals.
pub(crate) const VIEWER: &str = "viewer-token";
pub(crate) const EDITOR: &str = "editor-token";
pub(crate) const COORDINATOR: &str = "coordinator-token";
pub(crate) const ADMIN: &str = "admin-token";
/// A co-ordinator of another network only.
pub(crate) const STRANGER: &str = "stranger-token";

/// A router over a store for one test (removed when dropped).
pub(crate) struct App {
    pub(crate) router: Router,
    pub(crate) store: Store,
    pub(crate) network: NetworkId,
    pub(crate) document: NetworkDocument,
    _dir: Option<tempfile::TempDir>,
    postgres: Option<(String, String)>,
}

/// One answer: status, headers, body.
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Vec<u8>,
}

impl Answer {
    pub(crate) fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not json ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// A header's value, as text.
    #[track_caller]
    pub(crate) fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .unwrap_or_else(|| panic!("no {name} header"))
            .to_str()
            .unwrap()
            .to_owned()
    }

    pub(crate) fn etag(&self) -> String {
        self.headers
            .get("etag")
            .expect("an etag")
            .to_str()
            .unwrap()
            .to_owned()
    }

    /// Asserts a problem response of this status and type slug.
    #[track_caller]
    pub(crate) fn problem(&self, status: u16, slug: &str) -> Value {
        assert_eq!(self.status.as_u16(), status, "{}", self.text());
        assert_eq!(
            self.headers.get("content-type").unwrap(),
            "application/problem+json",
            "{}",
            self.text()
        );
        let body = self.json();
        assert_eq!(body["type"], format!("https://mcn.example/problems/{slug}"));
        assert_eq!(body["status"], status);
        body
    }
}

pub(crate) fn tokens(document: &NetworkDocument) -> StaticTokens {
    let principal = |name: &str, role: Role| Principal {
        name: name.to_owned(),
        role,
        networks: NetworkScope::Only(vec![document.network.id]),
    };
    StaticTokens::new()
        .with(VIEWER, principal("vera viewer", Role::Viewer))
        .with(
            EDITOR,
            principal(
                "eddie editor",
                Role::MemberEditor {
                    organisations: vec![document.organisations[0].id],
                },
            ),
        )
        .with(
            COORDINATOR,
            principal("cora coordinator", Role::Coordinator),
        )
        .with(
            ADMIN,
            Principal {
                name: "ada admin".to_owned(),
                role: Role::Admin,
                networks: NetworkScope::All,
            },
        )
        .with(
            STRANGER,
            Principal {
                name: "sid stranger".to_owned(),
                role: Role::Coordinator,
                networks: NetworkScope::Only(vec![NetworkId::generate()]),
            },
        )
}

async fn with_store(
    store: Store,
    dir: Option<tempfile::TempDir>,
    postgres: Option<(String, String)>,
) -> App {
    let document = mcn_testkit::example::northvale();
    store
        .import(
            &document,
            "setup",
            "the example",
            chrono::DateTime::UNIX_EPOCH,
        )
        .await
        .unwrap();
    let router = mcn_http::router(AppState::new(store.clone(), tokens(&document)));
    App {
        router,
        store,
        network: document.network.id,
        document,
        _dir: dir,
        postgres,
    }
}

/// The example network in a fresh `SQLite` store.
pub(crate) async fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("store.db").display());
    with_store(Store::open(&url).await.unwrap(), Some(dir), None).await
}

/// The example network in a fresh `PostgreSQL` database, when
/// `MCN_TEST_POSTGRES_URL` names a server (else `None`, after a note; under
/// `CI=true` a missing variable fails). Its test must run on a multi-thread
/// runtime: dropping the app closes the pool from another thread.
pub(crate) async fn postgres_app() -> Option<App> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let admin = match std::env::var("MCN_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "MCN_TEST_POSTGRES_URL is not set, and CI=true"
            );
            eprintln!("note: MCN_TEST_POSTGRES_URL is not set: skipping the PostgreSQL half");
            return None;
        }
    };
    let name = format!(
        "mcn_http_test_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let url = mcn_store::postgres::create_database(&admin, &name)
        .await
        .unwrap();
    Some(with_store(Store::open(&url).await.unwrap(), None, Some((admin, name))).await)
}

impl Drop for App {
    fn drop(&mut self) {
        let Some((admin, name)) = self.postgres.take() else {
            return;
        };
        mcn_store::postgres::close_and_drop_blocking(self.store.clone(), admin, name);
    }
}

impl App {
    /// Sends one request in process.
    pub(crate) async fn send(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> Answer {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        if body.is_some()
            && !headers
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case("content-type"))
        {
            request = request.header("content-type", "application/json");
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request
            .body(body.map_or_else(Body::empty, Body::from))
            .unwrap();
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        Answer {
            status,
            headers,
            body,
        }
    }

    pub(crate) async fn get(&self, uri: &str, token: &str) -> Answer {
        self.send(Method::GET, uri, Some(token), &[], None).await
    }

    /// A co-ordinator's `PUT` of `body` with one precondition header.
    pub(crate) async fn put(&self, uri: &str, precondition: (&str, &str), body: Vec<u8>) -> Answer {
        self.send(
            Method::PUT,
            uri,
            Some(COORDINATOR),
            &[precondition],
            Some(body),
        )
        .await
    }

    /// `/networks/{the example}` followed by `rest`.
    pub(crate) fn at(&self, rest: &str) -> String {
        format!("/networks/{}{rest}", self.network)
    }

    pub(crate) async fn head(&self) -> u64 {
        self.store.head(self.network).await.unwrap()
    }
}
