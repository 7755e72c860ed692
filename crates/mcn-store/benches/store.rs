//! The store on synthetic networks (the generator of `mcn-synthetic`), both
//! backends, beside a bare `serde_json` parse of the same document, so the
//! targets of issue 14 can be read off: a one-entity change set with
//! integrity checks (p50 = divan's median; at two sizes, to show it does not
//! grow with the document), export (≤ 2× the parse), import (≤ 10× the
//! parse). The store's size on disk, and its growth over 1,000 small change
//! sets, are printed before the timings.
//!
//! ```text
//! cargo bench -p mcn-store --bench store                      # small and a tenth of national
//! MCN_BENCH_NATIONAL=1 cargo bench -p mcn-store --bench store # and national
//! ```
//!
//! PostgreSQL is measured when `MCN_TEST_POSTGRES_URL` names a server (as for
//! the tests; `.ci/postgres.sh` starts one). Results are in
//! `docs/PERFORMANCE.md` ("Store").
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)] // a bench stops loudly when its fixture cannot be built
#![allow(clippy::cast_precision_loss)] // ratios of byte counts, printed

use std::sync::{
    LazyLock, Mutex,
    atomic::{AtomicU32, AtomicU64, Ordering},
};

use divan::{Bencher, black_box};
use mcn_network::{NetworkDocument, collection::Collection};
use mcn_store::{Change, ChangeSet, Expect, Layout, Store};
use mcn_synthetic::{Counts, Scale, generate};
use tokio::runtime::Runtime;

fn main() {
    // `MCN_BENCH_SKIP_SIZES=1`: timings only (e.g. under a profiler).
    if std::env::var_os("MCN_BENCH_SKIP_SIZES").is_none() {
        sizes();
    }
    divan::main();
    drop_databases();
}

/// The PostgreSQL databases the bench created (a national store is most of
/// a gigabyte: they are dropped at the end).
static DATABASES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Drops the databases the bench created (their stores are gone by now).
fn drop_databases() {
    let Ok(admin) = std::env::var("MCN_TEST_POSTGRES_URL") else {
        return;
    };
    let names = std::mem::take(&mut *DATABASES.lock().expect("the list of databases"));
    for name in names {
        if let Err(error) = RUNTIME.block_on(mcn_store::postgres::drop_database(&admin, &name)) {
            eprintln!("could not drop database {name}: {error}");
        }
    }
}

static RUNTIME: LazyLock<Runtime> = LazyLock::new(|| Runtime::new().expect("a tokio runtime"));

/// A generated document and its compact JSON.
struct Fixture {
    document: NetworkDocument,
    json: Vec<u8>,
}

fn fixture(scale: Scale) -> Fixture {
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).expect("a valid date");
    let document = generate(1, scale, as_of);
    let json = serde_json::to_vec(&document).expect("a generated document serialises");
    Fixture { document, json }
}

static SMALL: LazyLock<Fixture> = LazyLock::new(|| fixture(Scale::Small));
static TENTH: LazyLock<Fixture> =
    LazyLock::new(|| fixture(Scale::Custom(Counts::NATIONAL.scaled(1, 10))));
static NATIONAL: LazyLock<Fixture> = LazyLock::new(|| fixture(Scale::National));

/// Whether the national scale is asked for (it takes minutes and GBs).
fn national() -> bool {
    std::env::var_os("MCN_BENCH_NATIONAL").is_some()
}

/// Where stores live while benched: removed when the process ends.
static DIR: LazyLock<tempfile::TempDir> =
    LazyLock::new(|| tempfile::tempdir().expect("a temporary directory"));

/// A fresh, empty store of `backend` ("sqlite" or "postgres"); `None` for
/// PostgreSQL without a server.
fn fresh(backend: &str) -> Option<(Store, String)> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let url = if backend == "sqlite" {
        format!(
            "sqlite://{}",
            DIR.path().join(format!("bench-{n}.db")).display()
        )
    } else {
        let admin = std::env::var("MCN_TEST_POSTGRES_URL").ok()?;
        let name = format!("mcn_bench_{}_{n}", std::process::id());
        let url = RUNTIME
            .block_on(mcn_store::postgres::create_database(&admin, &name))
            .expect("a database");
        DATABASES.lock().expect("the list of databases").push(name);
        url
    };
    let store = RUNTIME
        .block_on(Store::open(&url))
        .expect("the store opens");
    Some((store, url))
}

/// Quiets the disk before a timed import, so that no sample pays for the
/// writes of those before it: the dirty pages written out (`sync`) and, on
/// PostgreSQL, a checkpoint.
fn settle(backend: &str) {
    let _ = std::process::Command::new("sync").status();
    if backend == "postgres"
        && let Ok(admin) = std::env::var("MCN_TEST_POSTGRES_URL")
    {
        RUNTIME
            .block_on(async {
                use sqlx::Connection as _;
                let mut conn = sqlx::PgConnection::connect(&admin).await?;
                sqlx::query("CHECKPOINT").execute(&mut conn).await?;
                conn.close().await
            })
            .expect("a checkpoint");
    }
}

/// A store holding `fixture`'s document (imported once per backend and scale).
fn loaded(backend: &str, fixture: &Fixture) -> Option<Store> {
    let (store, _) = fresh(backend)?;
    RUNTIME
        .block_on(store.import(&fixture.document, "bench", "import", at()))
        .expect("the import");
    Some(store)
}

fn at() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("a valid time")
}

/// A change set renaming the first person, expecting `revision`.
fn rename(document: &NetworkDocument, revision: u64, n: u64) -> ChangeSet {
    let mut entity = serde_json::to_value(&document.people[0]).expect("a person");
    entity["name"] = serde_json::json!(format!("Renamed {n}"));
    ChangeSet {
        message: "rename".to_owned(),
        changes: vec![Change::Upsert {
            collection: Collection::People,
            expect: Some(Expect::Revision(revision)),
            entity,
        }],
    }
}

/// The size of a SQLite store's files (database and WAL), in bytes.
fn disk_size(url: &str) -> u64 {
    let path = url.trim_start_matches("sqlite://");
    ["", "-wal"]
        .iter()
        .filter_map(|suffix| std::fs::metadata(format!("{path}{suffix}")).ok())
        .map(|m| m.len())
        .sum()
}

/// Prints the SQLite store's size against the JSON's, and its growth over
/// 1,000 one-entity change sets.
fn sizes() {
    for (name, fixture, enabled) in [
        ("small", &SMALL, true),
        ("tenth", &TENTH, true),
        ("national", &NATIONAL, national()),
    ] {
        if !enabled {
            continue;
        }
        let (store, url) = fresh("sqlite").expect("sqlite");
        RUNTIME.block_on(async {
            store.import(&fixture.document, "bench", "import", at()).await.expect("import");
            let imported = disk_size(&url);
            let mut revision = 1;
            for n in 0..1_000 {
                revision = store
                    .apply(fixture.document.network.id, &rename(&fixture.document, revision, n), "bench", at())
                    .await
                    .expect("a change set")
                    .number;
            }
            // Closed, so the write-ahead log is checkpointed into the
            // database and removed: the size is the store's, not the log's.
            store.close().await;
            let after = disk_size(&url);
            eprintln!(
                "store size ({name}): JSON {} bytes; SQLite after import {} bytes ({:.2}x); after 1,000 change sets {} bytes (+{} bytes, {:.0} bytes per change set)",
                fixture.json.len(),
                imported,
                imported as f64 / fixture.json.len() as f64,
                after,
                after.saturating_sub(imported),
                after.saturating_sub(imported) as f64 / 1_000.0
            );
        });
    }
}

macro_rules! scale {
    ($name:ident, $fixture:ident, $samples:expr, $enabled:expr) => {
        mod $name {
            use super::*;

            /// (a) `NetworkDocument::from_json`: the yardstick.
            #[divan::bench(sample_count = $samples, sample_size = 1)]
            fn a_json_parse(bencher: Bencher) {
                if !$enabled {
                    return;
                }
                let bytes = &$fixture.json;
                bencher.bench(|| NetworkDocument::from_json(black_box(bytes)));
            }

            /// (b) export of the head, compact.
            #[divan::bench(args = ["sqlite", "postgres"], sample_count = $samples, sample_size = 1)]
            fn b_export(bencher: Bencher, backend: &str) {
                if !$enabled {
                    return;
                }
                let Some(store) = loaded(backend, &$fixture) else {
                    return;
                };
                let network = $fixture.document.network.id;
                bencher.bench(|| {
                    RUNTIME
                        .block_on(store.export(network, None, Layout::Compact))
                        .expect("export")
                });
            }

            /// (c) import of the whole document into an empty store.
            #[divan::bench(args = ["sqlite", "postgres"], sample_count = $samples, sample_size = 1)]
            fn c_import(bencher: Bencher, backend: &str) {
                if !$enabled || fresh(backend).is_none() {
                    return;
                }
                let document = &$fixture.document;
                bencher
                    .with_inputs(|| {
                        let store = fresh(backend).expect("a store").0;
                        settle(backend);
                        store
                    })
                    .bench_values(|store| {
                        let revision = RUNTIME
                            .block_on(store.import(document, "bench", "import", at()))
                            .expect("import");
                        // The store closes outside the timed part.
                        (store, revision)
                    });
            }

            /// (d) a one-entity change set (a person renamed), integrity
            /// checks included; the median is the p50.
            #[divan::bench(args = ["sqlite", "postgres"], sample_count = 200, sample_size = 1)]
            fn d_apply_one_entity(bencher: Bencher, backend: &str) {
                if !$enabled {
                    return;
                }
                let Some(store) = loaded(backend, &$fixture) else {
                    return;
                };
                let document = &$fixture.document;
                let network = document.network.id;
                let revision = AtomicU64::new(1);
                bencher
                    .with_inputs(|| {
                        let r = revision.load(Ordering::Relaxed);
                        rename(document, r, r)
                    })
                    .bench_refs(|changes| {
                        let r = RUNTIME
                            .block_on(store.apply(network, changes, "bench", at()))
                            .expect("apply");
                        revision.store(r.number, Ordering::Relaxed);
                    });
            }
        }
    };
}

scale!(s1_small, SMALL, 10, true);
scale!(s2_tenth, TENTH, 3, true);
scale!(s3_national, NATIONAL, 2, national());
