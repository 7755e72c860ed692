//! A fresh store per test: SQLite in a temporary directory, and PostgreSQL
//! when `MCN_TEST_POSTGRES_URL` names a server (a database created per test
//! through that admin URL, dropped after). Without the variable, PostgreSQL
//! tests fail under `CI=true` and are skipped with a note otherwise.

use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{DateTime, TimeZone as _, Utc};
use mcn_store::Store;

/// A store for one test, removed when dropped.
pub(crate) struct Fresh {
    pub(crate) store: Store,
    /// The URL the store was opened with (for a second process or pool).
    #[allow(dead_code, reason = "used by the process tests")]
    pub(crate) url: String,
    _dir: Option<tempfile::TempDir>,
    postgres: Option<(String, String)>,
}

pub(crate) async fn sqlite() -> Fresh {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("store.db").display());
    Fresh {
        store: Store::open(&url).await.unwrap(),
        url,
        _dir: Some(dir),
        postgres: None,
    }
}

/// The admin URL, or `None` (after a note) when PostgreSQL tests are skipped.
pub(crate) fn postgres_admin_url() -> Option<String> {
    match std::env::var("MCN_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "MCN_TEST_POSTGRES_URL is not set, and CI=true: the PostgreSQL tests must run in CI (.ci/run starts a cluster)"
            );
            eprintln!(
                "note: MCN_TEST_POSTGRES_URL is not set: skipping the PostgreSQL half of this test"
            );
            None
        }
    }
}

pub(crate) async fn postgres() -> Option<Fresh> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let admin = postgres_admin_url()?;
    let name = format!(
        "mcn_test_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let url = mcn_store::postgres::create_database(&admin, &name)
        .await
        .unwrap();
    Some(Fresh {
        store: Store::open(&url).await.unwrap(),
        url,
        _dir: None,
        postgres: Some((admin, name)),
    })
}

impl Drop for Fresh {
    fn drop(&mut self) {
        let Some((admin, name)) = self.postgres.take() else {
            return;
        };
        mcn_store::postgres::close_and_drop_blocking(self.store.clone(), admin, name);
    }
}

/// `document` imported into `fresh` as revision 1: the document and its
/// network id.
async fn imported_in(
    fresh: &Fresh,
    document: mcn_network::NetworkDocument,
) -> (mcn_network::NetworkDocument, mcn_core::id::NetworkId) {
    fresh
        .store
        .import(&document, "importer", "import", at(0))
        .await
        .unwrap();
    let network = document.network.id;
    (document, network)
}

/// The minimal example imported into `fresh` as revision 1.
pub(crate) async fn minimal_in(
    fresh: &Fresh,
) -> (mcn_network::NetworkDocument, mcn_core::id::NetworkId) {
    imported_in(fresh, mcn_testkit::example::minimal()).await
}

/// The example network (Northvale) imported into `fresh` as revision 1.
pub(crate) async fn example_in(
    fresh: &Fresh,
) -> (mcn_network::NetworkDocument, mcn_core::id::NetworkId) {
    imported_in(fresh, mcn_testkit::example::northvale()).await
}

/// Asserts that the head of `network` exports (compact) as `expected`.
pub(crate) async fn assert_head_is(
    fresh: &Fresh,
    network: mcn_core::id::NetworkId,
    expected: &str,
) {
    let head = fresh
        .store
        .export(network, None, mcn_store::Layout::Compact)
        .await
        .unwrap();
    assert_eq!(head, expected);
}

/// A fixed time for revisions.
pub(crate) fn at(n: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap() + chrono::Duration::minutes(i64::from(n))
}

/// Runs an async test body against both backends.
macro_rules! both {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let fresh = crate::support::sqlite().await;
                    super::$name(&fresh).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let Some(fresh) = crate::support::postgres().await else {
                        return;
                    };
                    super::$name(&fresh).await;
                }
            }
        )+
    };
}
pub(crate) use both;
