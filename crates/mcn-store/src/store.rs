//! [`Store`]: one async API over SQLite and PostgreSQL.

use std::{
    borrow::Cow,
    collections::{BTreeMap, HashMap, HashSet, hash_map::Entry},
    sync::{Arc, Mutex},
};

use chrono::{DateTime, NaiveDate, Utc};
use mcn_core::{Finding, JsonPointer, Report, id::NetworkId};
use mcn_network::{
    LoadError, NetworkDocument, NetworkProfile,
    codes::{DANGLING_REFERENCE, DUPLICATE_ID, WRONG_KIND},
    collection::{AnyEntity, Collection},
    references::{EntityKind, HasReferences, Reference, RelativePath},
};
use rustc_hash::FxHashMap;
use sqlx::{
    Row as _, SqlSafeStr as _,
    any::{AnyPoolOptions, AnyRow},
    migrate::{Migration, MigrationType, Migrator},
    pool::PoolConnectionMetadata,
    sqlite::SqliteConnectOptions,
};
use uuid::Uuid;

use crate::{
    StoreError,
    bulk::{NestedRow, RefRow, insert_rows, nested_rows},
    change::{
        Change, ChangeSet, CollectionDiff, Diff, EntityVersion, Expect, Revision, StoredEntity,
    },
    codes::STILL_REFERRED,
};

type Result<T, E = StoreError> = std::result::Result<T, E>;
type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// `FROM … WHERE` of the current entity (as `e`) of a network (`$1`) by id
/// (`$2`) and collection number (`$3`), found through `entity_key`.
macro_rules! by_key {
    () => {
        "FROM entity_key k JOIN entity e ON e.network = k.network AND e.collection = k.collection AND e.position = k.position \
         WHERE k.network = $1 AND k.id = $2 AND k.collection = $3"
    };
}
/// The `INSERT` of a revision's row (network `$seq`, [`Revision`]
/// `$revision`), for either driver.
macro_rules! revision_row {
    ($seq:expr, $revision:expr) => {{
        let revision: &$crate::Revision = $revision;
        sqlx::query("INSERT INTO revision (network, number, author, message, at, added, changed, removed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
            .bind($seq)
            .bind($crate::store::to_i64(revision.number))
            .bind(revision.author.as_str())
            .bind(revision.message.as_str())
            .bind($crate::store::stored_time(revision.at))
            .bind($crate::store::to_i64(revision.added))
            .bind($crate::store::to_i64(revision.changed))
            .bind($crate::store::to_i64(revision.removed))
    }};
}
pub(crate) use revision_row;

/// The collection number the reference and id indexes give the profile.
pub(crate) const PROFILE: i64 = -1;

/// Which database a store keeps its data in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Backend {
    /// SQLite, embedded (a file, or memory).
    Sqlite,
    /// PostgreSQL, shared by several processes.
    Postgres,
}

/// How an exported document is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Layout {
    /// `serde_json::to_string` of the document.
    Compact,
    /// `serde_json::to_string_pretty` of the document.
    Pretty,
}

/// A revisioned store of network documents: cheap to clone (a pool of
/// connections inside), `Send + Sync`, one async API for both backends.
#[derive(Debug, Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    pool: sqlx::AnyPool,
    /// The backend, with its own driver beside the `Any` pool.
    direct: Direct,
    /// SQLite: this process's writers queue here, first come first served,
    /// before taking SQLite's write lock (which other processes may hold:
    /// then the busy timeout applies).
    writer: Arc<tokio::sync::Mutex<()>>,
    findings: Mutex<HashMap<(NetworkId, u64, NaiveDate), Arc<Report>>>,
}

/// Each backend's own driver, for what `Any` cannot do or does slowly.
#[derive(Debug)]
enum Direct {
    /// SQLite: how to open a connection of SQLite's own driver to the same
    /// database (an import writes through it).
    Sqlite(Box<SqliteConnectOptions>),
    /// PostgreSQL: a pool of the concrete driver (connecting only when first
    /// used): `COPY` (import) and chunks read without conversion (export).
    Postgres(sqlx::PgPool),
}

/// A write transaction, with this process's writer turn (SQLite) held as
/// long as it lives.
pub(crate) struct WriteTx {
    tx: Tx,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

/// Every SQLite connection's settings: 16 KiB pages for a new database (fewer
/// pages, splits and overflow chains than the 4 KiB default for bodies of
/// hundreds of bytes; an existing database keeps its size), durable commits (`FULL`: a committed
/// revision survives a power cut), 64 MiB of page cache (SQLite's default is
/// 2 MiB; a large import touches far more pages than that), a 30 s wait for
/// the write lock, foreign keys enforced, and statement journals (the undo
/// of one statement of a transaction, e.g. a multi-row `INSERT` that fails
/// half way) kept in memory rather than in a temporary file.
pub(crate) const SQLITE_PRAGMAS: &[&str] = &[
    "PRAGMA page_size = 16384",
    "PRAGMA synchronous = FULL",
    "PRAGMA cache_size = -65536",
    "PRAGMA busy_timeout = 30000",
    "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",
];

/// How many reports [`Store::findings`] keeps before forgetting them all.
const FINDINGS_CACHE: usize = 64;

/// One prepared change: parsed, its canonical body written.
enum Op {
    Upsert {
        entity: Box<dyn AnyEntity>,
        body: String,
        expect: Option<Expect>,
    },
    Delete {
        collection: Collection,
        id: Uuid,
        expect: Option<Expect>,
    },
    Profile {
        profile: NetworkProfile,
        body: String,
        expect: Option<Expect>,
    },
}

impl Op {
    /// The (collection number, id) of what it touches.
    fn key(&self, network: NetworkId) -> (i64, Uuid) {
        match self {
            Self::Upsert { entity, .. } => (number(entity.collection()), entity.uuid()),
            Self::Delete { collection, id, .. } => (number(*collection), *id),
            Self::Profile { .. } => (PROFILE, network.as_uuid()),
        }
    }

    /// Where the change is in its change set.
    fn path(i: usize) -> JsonPointer {
        JsonPointer::root().key("changes").index(i)
    }
}

/// A stored entity's (or the profile's) state, read under the write lock,
/// with the ids it declares and refers to (read from its body: the indexes
/// have no by-owner lookup).
struct Current {
    revision: i64,
    position: i64,
    body: String,
    /// Every id it declares (its own first), with its kind.
    declared: Vec<(Uuid, EntityKind)>,
    /// The distinct ids it refers to.
    targets: Vec<Uuid>,
}

impl Current {
    fn new(
        revision: i64,
        position: i64,
        body: String,
        entity: &(impl HasReferences + ?Sized),
    ) -> Self {
        let mut declared = Vec::new();
        entity.declared_ids(&mut |d| declared.push((d.id, d.kind)));
        Self {
            revision,
            position,
            body,
            declared,
            targets: targets(entity),
        }
    }
}

pub(crate) fn number(collection: Collection) -> i64 {
    i64::try_from(collection.position()).unwrap_or(i64::MAX)
}

pub(crate) fn collection_at(number: i64) -> Result<Collection> {
    usize::try_from(number)
        .ok()
        .and_then(Collection::at)
        .ok_or_else(|| StoreError::corrupt(format!("unknown collection number {number}")))
}

pub(crate) fn kind_number(kind: EntityKind) -> i64 {
    EntityKind::ALL
        .iter()
        .position(|k| *k == kind)
        .and_then(|p| i64::try_from(p).ok())
        .unwrap_or(-1)
}

fn kind_at(number: i64) -> Option<EntityKind> {
    usize::try_from(number)
        .ok()
        .and_then(|p| EntityKind::ALL.get(p).copied())
}

pub(crate) fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

pub(crate) fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// An id as stored: 16 bytes.
pub(crate) fn blob(id: Uuid) -> Vec<u8> {
    id.as_bytes().to_vec()
}

/// A stored id.
pub(crate) fn uuid_of(bytes: &[u8]) -> Result<Uuid> {
    Uuid::from_slice(bytes)
        .map_err(|_| StoreError::corrupt(format!("stored id {bytes:?} is not 16 bytes")))
}

/// The id of a stored row's column `i`.
pub(crate) fn id_at(row: &AnyRow, i: usize) -> Result<Uuid> {
    uuid_of(&row.try_get::<Vec<u8>, _>(i)?)
}

fn migrator(backend: Backend) -> Migrator {
    let sql = match backend {
        Backend::Sqlite => include_str!("../migrations/sqlite/0001_store.sql"),
        Backend::Postgres => include_str!("../migrations/postgres/0001_store.sql"),
    };
    Migrator::with_migrations(vec![
        Migration::new(
            1,
            Cow::Borrowed("store"),
            MigrationType::Simple,
            sql.into_sql_str(),
            false,
        ),
        crate::tokens::migration(backend),
        Migration::new(
            3,
            Cow::Borrowed("compact"),
            MigrationType::Simple,
            match backend {
                Backend::Sqlite => include_str!("../migrations/sqlite/0003_compact.sql"),
                Backend::Postgres => include_str!("../migrations/postgres/0003_compact.sql"),
            }
            .into_sql_str(),
            false,
        ),
        Migration::new(
            4,
            Cow::Borrowed("bulk"),
            MigrationType::Simple,
            match backend {
                Backend::Sqlite => include_str!("../migrations/sqlite/0004_bulk.sql"),
                Backend::Postgres => include_str!("../migrations/postgres/0004_bulk.sql"),
            }
            .into_sql_str(),
            false,
        ),
    ])
}

/// `revision` (the head when `None`), if the network has it.
pub(crate) fn pick_revision(network: NetworkId, revision: Option<u64>, head: u64) -> Result<u64> {
    match revision {
        None => Ok(head),
        Some(r) if r >= 1 && r <= head => Ok(r),
        Some(r) => Err(StoreError::RevisionNotFound {
            network,
            revision: r,
            head,
        }),
    }
}

/// `expect` against the current version `current` (`None`: absent).
fn satisfied(expect: Option<Expect>, current: Option<u64>) -> bool {
    matches!(expect, Some(e) if e.revision() == current)
}

/// A description of an entity for messages: `person 0190...`.
fn describe(collection: Option<Collection>, id: Uuid) -> String {
    collection.map_or_else(
        || "the network profile".to_owned(),
        |c| format!("{} {id}", c.kind()),
    )
}

impl Store {
    /// Opens (and creates, and migrates) the store at `url`:
    /// `sqlite://PATH` (created if missing), `sqlite::memory:` (a private
    /// in-memory database), or `postgres://USER@HOST:PORT/DATABASE`.
    ///
    /// SQLite runs in WAL mode with `synchronous=FULL` and a 30 s busy
    /// timeout; writers take the write lock up front (`BEGIN IMMEDIATE`).
    pub async fn open(url: &str) -> Result<Self> {
        sqlx::any::install_default_drivers();
        let (backend, url, memory) = if url.starts_with("sqlite:") {
            let memory = url.contains(":memory:") || url.contains("mode=memory");
            let url = if memory && !url.contains("cache=shared") {
                // A name of its own, shared by this store's connections
                // (sqlx names `:memory:` privately): an import writes
                // through a second connection.
                static MEMORY: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
                let n = MEMORY.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                format!("sqlite:file:mcn-memory-{n}?mode=memory&cache=shared")
            } else if memory || url.contains("mode=") {
                url.to_owned()
            } else if url.contains('?') {
                format!("{url}&mode=rwc")
            } else {
                format!("{url}?mode=rwc")
            };
            (Backend::Sqlite, url, memory)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Backend::Postgres, url.to_owned(), false)
        } else {
            return Err(StoreError::UnsupportedUrl(url.to_owned()));
        };
        let mut options = AnyPoolOptions::new().max_connections(if memory { 1 } else { 8 });
        if memory {
            // The database lives as long as its one connection: keep it.
            options = options
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None);
        }
        if backend == Backend::Sqlite {
            options = options.after_connect(|conn, _: PoolConnectionMetadata| {
                Box::pin(async move {
                    for pragma in SQLITE_PRAGMAS {
                        sqlx::query(*pragma).execute(&mut *conn).await?;
                    }
                    Ok(())
                })
            });
        }
        let pool = options.connect(&url).await?;
        if backend == Backend::Sqlite && !memory {
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        migrator(backend).run(&pool).await?;
        let direct = match backend {
            Backend::Sqlite => Direct::Sqlite(Box::new(url.parse::<SqliteConnectOptions>()?)),
            Backend::Postgres => Direct::Postgres(
                sqlx::postgres::PgPoolOptions::new()
                    .max_connections(4)
                    .connect_lazy(&url)?,
            ),
        };
        Ok(Self {
            inner: Arc::new(Inner {
                pool,
                direct,
                writer: Arc::new(tokio::sync::Mutex::new(())),
                findings: Mutex::new(HashMap::new()),
            }),
        })
    }

    /// Which database this store uses.
    #[must_use]
    pub fn backend(&self) -> Backend {
        match self.inner.direct {
            Direct::Sqlite(_) => Backend::Sqlite,
            Direct::Postgres(_) => Backend::Postgres,
        }
    }

    /// The connection pool, for the store's other modules (tokens).
    pub(crate) fn pool(&self) -> &sqlx::AnyPool {
        &self.inner.pool
    }

    /// Closes the pool (waits for connections in use to come back).
    pub async fn close(&self) {
        self.inner.pool.close().await;
        if let Direct::Postgres(pg) = &self.inner.direct {
            pg.close().await;
        }
    }

    /// A write transaction. SQLite: after this process's earlier writers
    /// (a FIFO queue, so they do not poll SQLite's busy handler against each
    /// other), with the write lock taken up front (`BEGIN IMMEDIATE`).
    pub(crate) async fn begin_write(&self) -> Result<WriteTx> {
        Ok(match self.backend() {
            Backend::Sqlite => {
                let turn = Arc::clone(&self.inner.writer).lock_owned().await;
                WriteTx {
                    tx: self.inner.pool.begin_with("BEGIN IMMEDIATE").await?,
                    _turn: Some(turn),
                }
            }
            Backend::Postgres => WriteTx {
                tx: self.inner.pool.begin().await?,
                _turn: None,
            },
        })
    }

    /// A read-only transaction: one snapshot for every read in it.
    pub(crate) async fn begin_read(&self) -> Result<Tx> {
        Ok(match self.backend() {
            Backend::Sqlite => self.inner.pool.begin().await?,
            Backend::Postgres => {
                self.inner
                    .pool
                    .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?
            }
        })
    }

    /// The networks the store holds, by id.
    pub async fn networks(&self) -> Result<Vec<NetworkId>> {
        let rows = sqlx::query("SELECT id FROM network ORDER BY id")
            .fetch_all(&self.inner.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let id: String = row.try_get(0)?;
                Uuid::try_parse(&id)
                    .map(NetworkId::from_uuid)
                    .map_err(|_| StoreError::corrupt(format!("stored id {id:?} is not a uuid")))
            })
            .collect()
    }

    /// The one network the store holds (for callers that name none).
    pub async fn only_network(&self) -> Result<NetworkId> {
        match self.networks().await?.as_slice() {
            [one] => Ok(*one),
            [] => Err(StoreError::WhichNetwork(
                "the store holds no network: import one first".to_owned(),
            )),
            many => Err(StoreError::WhichNetwork(format!(
                "the store holds {} networks: name one with --network ({})",
                many.len(),
                many.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// The latest revision of `network`.
    pub async fn head(&self, network: NetworkId) -> Result<u64> {
        let mut conn = self.inner.pool.acquire().await?;
        Ok(to_u64(network_row(&mut conn, network, false).await?.1))
    }

    /// (seq, head) of `network`.
    pub(crate) async fn located(&self, network: NetworkId) -> Result<(i64, i64)> {
        let mut conn = self.inner.pool.acquire().await?;
        network_row(&mut conn, network, false).await
    }

    async fn revision_or_head(&self, network: NetworkId, revision: Option<u64>) -> Result<u64> {
        let head = self.head(network).await?;
        pick_revision(network, revision, head)
    }

    /// Imports `document` as revision 1 of a new network whose id is the
    /// profile's id. Refused with [`StoreError::NetworkExists`] if the store
    /// holds it already, and with [`StoreError::Integrity`] (paths into the
    /// document) if it has duplicate ids or references that do not resolve.
    pub async fn import(
        &self,
        document: &NetworkDocument,
        author: &str,
        message: &str,
        at: DateTime<Utc>,
    ) -> Result<Revision> {
        let network = document.network.id;
        let revision = Revision {
            number: 1,
            author: author.to_owned(),
            message: message.to_owned(),
            at,
            added: Collection::ALL
                .iter()
                .map(|c| u64::try_from(c.len(document)).unwrap_or(u64::MAX))
                .fold(0, u64::saturating_add),
            changed: 0,
            removed: 0,
        };
        let header = crate::bulk::Header {
            network,
            schema_version: serde_json::to_string(&document.schema_version)
                .map_err(StoreError::corrupt)?,
            profile: serde_json::to_string(&document.network).map_err(StoreError::corrupt)?,
            revision: revision.clone(),
        };
        // The rows are made here and written by a task of their own as they
        // come (the two overlap); the document's integrity is checked
        // between its entities and the rest: a refusal rolls the writer back.
        let (sender, parts) = tokio::sync::mpsc::channel(4);
        let writer = match &self.inner.direct {
            Direct::Postgres(pg) => tokio::spawn(crate::pg::write(pg.clone(), header, parts)),
            Direct::Sqlite(options) => {
                let turn = Arc::clone(&self.inner.writer).lock_owned().await;
                tokio::spawn(crate::bulk::write_sqlite(
                    (**options).clone(),
                    header,
                    parts,
                    turn,
                ))
            }
        };
        let made = async {
            let Some(rest) = crate::bulk::send_entities(document, &sender).await? else {
                // The writer stopped: its error says why.
                return Ok(());
            };
            let findings = document_integrity(document);
            if !findings.is_empty() {
                return Err(StoreError::Integrity(findings));
            }
            // Should the writer have stopped, its error says why.
            let _ = sender.send(crate::bulk::Part::Rest(rest)).await;
            Ok(())
        }
        .await;
        drop(sender);
        let written = writer
            .await
            .map_err(|_| StoreError::Database(sqlx::Error::WorkerCrashed))?;
        made?;
        if written? {
            Ok(revision)
        } else {
            Err(StoreError::Database(sqlx::Error::WorkerCrashed))
        }
    }

    /// Imports `document` onto the network it names, as one change set: every
    /// entity added, changed or gone since the current revision (and the
    /// profile, if it changed). Entities keep their stored order; new ones
    /// come last in their collection.
    pub async fn import_onto(
        &self,
        document: &NetworkDocument,
        author: &str,
        message: &str,
        at: DateTime<Utc>,
    ) -> Result<Revision> {
        let network = document.network.id;
        let rows = sqlx::query(
            "SELECT e.collection, e.id, e.revision, e.body FROM entity e JOIN network n ON n.seq = e.network WHERE n.id = $1",
        )
        .bind(network.to_string())
        .fetch_all(&self.inner.pool)
        .await?;
        let mut stored: HashMap<(i64, Uuid), (u64, String)> = HashMap::with_capacity(rows.len());
        for row in &rows {
            stored.insert(
                (row.try_get(0)?, id_at(row, 1)?),
                (to_u64(row.try_get(2)?), row.try_get(3)?),
            );
        }
        let mut ops = Vec::new();
        let mut failed = None;
        for &collection in Collection::ALL {
            let c = number(collection);
            collection.for_each(document, &mut |_, entity| {
                let body = match entity.to_json() {
                    Ok(body) => body,
                    Err(error) => {
                        failed = Some(error);
                        return;
                    }
                };
                let current = stored.remove(&(c, entity.uuid()));
                if current.as_ref().is_some_and(|(_, old)| *old == body) {
                    return;
                }
                // The typed entity again, owned: parsed from its own canonical form.
                match collection.parse(body.as_bytes()) {
                    Ok(entity) => ops.push(Op::Upsert {
                        entity,
                        body,
                        expect: Some(Expect::of(current.map(|(r, _)| r))),
                    }),
                    Err(error) => failed = Some(serde::de::Error::custom(error.to_string())),
                }
            });
        }
        if let Some(error) = failed {
            return Err(StoreError::corrupt(error));
        }
        let mut gone: Vec<_> = stored.into_iter().collect();
        gone.sort_by_key(|(key, _)| *key);
        for ((c, id), (revision, _)) in gone {
            ops.push(Op::Delete {
                collection: collection_at(c)?,
                id,
                expect: Some(Expect::Revision(revision)),
            });
        }
        let profile = serde_json::to_string(&document.network).map_err(StoreError::corrupt)?;
        let current_profile = self.profile_version(network).await?;
        if current_profile.1 != profile {
            ops.push(Op::Profile {
                profile: document.network.clone(),
                body: profile,
                expect: Some(Expect::Revision(current_profile.0)),
            });
        }
        self.write(network, ops, author, message, at).await
    }

    /// (revision that last changed it, body) of the current profile.
    pub(crate) async fn profile_version(&self, network: NetworkId) -> Result<(u64, String)> {
        let row = sqlx::query(
            "SELECT p.revision, p.body FROM profile_version p JOIN network n ON n.seq = p.network WHERE n.id = $1 ORDER BY p.revision DESC LIMIT 1",
        )
        .bind(network.to_string())
        .fetch_optional(&self.inner.pool)
        .await?
        .ok_or(StoreError::NetworkNotFound(network))?;
        Ok((to_u64(row.try_get(0)?), row.try_get(1)?))
    }

    /// Applies `changes` to `network` as its next revision, by `author` at
    /// `at` (both given by the caller).
    ///
    /// Every change's expectation is checked after taking the network's
    /// write lock: any stale one fails the whole set with
    /// [`StoreError::Conflict`] listing every conflicting entity. Then the
    /// resulting state is checked for dangling and wrong-kind references,
    /// duplicate ids and deleted entities still referred to
    /// ([`StoreError::Integrity`], paths into the change set). Nothing is
    /// written unless everything passes.
    pub async fn apply(
        &self,
        network: NetworkId,
        changes: &ChangeSet,
        author: &str,
        at: DateTime<Utc>,
    ) -> Result<Revision> {
        let ops = prepare(network, changes)?;
        self.write(network, ops, author, &changes.message, at).await
    }

    async fn write(
        &self,
        network: NetworkId,
        ops: Vec<Op>,
        author: &str,
        message: &str,
        at: DateTime<Utc>,
    ) -> Result<Revision> {
        let mut write = self.begin_write().await?;
        let tx = &mut write.tx;
        let (seq, head) = network_row(tx, network, self.backend() == Backend::Postgres).await?;

        // Versions, after the lock.
        let (current, conflicts) = versions(tx, seq, network, &ops).await?;
        if !conflicts.is_empty() {
            write.tx.rollback().await?;
            return Err(StoreError::Conflict(conflicts));
        }

        let findings = integrity(tx, seq, network, &ops, &current).await?;
        if !findings.is_empty() {
            write.tx.rollback().await?;
            return Err(StoreError::Integrity(findings));
        }

        // Write.
        let revision = head.saturating_add(1);
        let (added, changed, removed) =
            write_ops(tx, seq, network, &ops, &current, revision).await?;
        // The indexes of what they declare and refer to now (after every
        // removal, so an id may move from one entity to another).
        index_rows(network, &ops, &current).insert(tx, seq).await?;
        let record = Revision {
            number: to_u64(revision),
            author: author.to_owned(),
            message: message.to_owned(),
            at,
            added,
            changed,
            removed,
        };
        insert_revision(tx, seq, &record).await?;
        sqlx::query("UPDATE network SET head = $1 WHERE seq = $2")
            .bind(revision)
            .bind(seq)
            .execute(&mut **tx)
            .await?;
        write.tx.commit().await?;
        Ok(record)
    }

    /// The document of `network` at `revision` (the head when `None`) as
    /// JSON, byte for byte what `serde_json` writes for the same
    /// [`NetworkDocument`], assembled from the stored canonical bodies
    /// without parsing them.
    pub async fn export(
        &self,
        network: NetworkId,
        revision: Option<u64>,
        layout: Layout,
    ) -> Result<String> {
        if let Direct::Postgres(pg) = &self.inner.direct {
            return crate::pg::export(pg, network, revision, layout).await;
        }
        // One snapshot for every read: the head and the rows agree even while
        // others write.
        let mut tx = self.begin_read().await?;
        crate::export::export_in!(tx, network, revision, layout, crate::export::head_in_chunks)
    }

    /// The document of `network` at `revision` (the head when `None`).
    pub async fn document_at(
        &self,
        network: NetworkId,
        revision: Option<u64>,
    ) -> Result<NetworkDocument> {
        let json = self.export(network, revision, Layout::Compact).await?;
        NetworkDocument::from_json(json.as_bytes()).map_err(StoreError::corrupt)
    }

    /// The current version of one entity, if it exists.
    pub async fn entity(
        &self,
        network: NetworkId,
        collection: Collection,
        id: Uuid,
    ) -> Result<Option<StoredEntity>> {
        let (seq, _) = self.located(network).await?;
        let row = sqlx::query(concat!("SELECT e.revision, e.body ", by_key!()))
            .bind(seq)
            .bind(blob(id))
            .bind(number(collection))
            .fetch_optional(&self.inner.pool)
            .await?;
        row.map(|row| {
            Ok(StoredEntity {
                revision: to_u64(row.try_get(0)?),
                json: row.try_get(1)?,
            })
        })
        .transpose()
    }

    /// The revision log of `network`, oldest first.
    pub async fn log(&self, network: NetworkId) -> Result<Vec<Revision>> {
        let (seq, _) = self.located(network).await?;
        let rows = sqlx::query("SELECT number, author, message, at, added, changed, removed FROM revision WHERE network = $1 ORDER BY number")
            .bind(seq)
            .fetch_all(&self.inner.pool)
            .await?;
        rows.iter().map(|row| read_revision(row, 0)).collect()
    }

    /// What differs between revisions `a` and `b` of `network`: ids per
    /// collection added, changed and removed going from `a` to `b`.
    pub async fn diff(&self, network: NetworkId, a: u64, b: u64) -> Result<Diff> {
        let (seq, head) = self.located(network).await?;
        let a = pick_revision(network, Some(a), to_u64(head))?;
        let b = pick_revision(network, Some(b), to_u64(head))?;
        let (lo, hi) = (a.min(b), a.max(b));
        // The entities changed in (lo, hi], then every version of each up to
        // hi. `revision > 1` (implied: lo >= 1) lets the planner use the
        // partial index `entity_by_revision`, which leaves out the import;
        // current rows are found by id through `entity_key`.
        let rows = sqlx::query(
            "WITH touched AS (SELECT DISTINCT collection, id FROM any_version \
               WHERE network = $1 AND revision > 1 AND revision > $2 AND revision <= $3) \
             SELECT t.collection, t.id, v.revision, CAST(CASE WHEN v.body IS NULL THEN 0 ELSE 1 END AS BIGINT) \
             FROM touched t JOIN entity_version v ON v.network = $1 AND v.collection = t.collection AND v.id = t.id \
             WHERE v.revision <= $3 \
             UNION ALL \
             SELECT t.collection, t.id, e.revision, CAST(1 AS BIGINT) \
             FROM touched t JOIN entity_key k ON k.network = $1 AND k.id = t.id AND k.collection = t.collection \
             JOIN entity e ON e.network = k.network AND e.collection = k.collection AND e.position = k.position \
             WHERE e.revision <= $3 \
             ORDER BY 1, 2, 3",
        )
        .bind(seq)
        .bind(to_i64(lo))
        .bind(to_i64(hi))
        .fetch_all(&self.inner.pool)
        .await?;
        // Per entity: (exists at lo, exists at hi).
        let mut states: Vec<((i64, Uuid), bool, bool)> = Vec::new();
        for row in &rows {
            let key = (row.try_get::<i64, _>(0)?, id_at(row, 1)?);
            let revision = to_u64(row.try_get(2)?);
            let exists = row.try_get::<i64, _>(3)? == 1;
            if states.last().is_none_or(|(k, _, _)| *k != key) {
                states.push((key, false, false));
            }
            if let Some(state) = states.last_mut() {
                if revision <= lo {
                    state.1 = exists;
                }
                state.2 = exists;
            }
        }
        let mut diff = Diff {
            profile: sqlx::query("SELECT CAST(COUNT(*) AS BIGINT) FROM profile_version WHERE network = $1 AND revision > $2 AND revision <= $3")
                .bind(seq)
                .bind(to_i64(lo))
                .bind(to_i64(hi))
                .fetch_one(&self.inner.pool)
                .await?
                .try_get::<i64, _>(0)?
                > 0,
            collections: Vec::new(),
        };
        for ((c, id), before, after) in states {
            let (before, after) = if a <= b {
                (before, after)
            } else {
                (after, before)
            };
            let collection = collection_at(c)?;
            if diff
                .collections
                .last()
                .is_none_or(|d| d.collection != collection)
            {
                diff.collections.push(CollectionDiff {
                    collection,
                    added: Vec::new(),
                    changed: Vec::new(),
                    removed: Vec::new(),
                });
            }
            if let Some(d) = diff.collections.last_mut() {
                match (before, after) {
                    (false, true) => d.added.push(id),
                    (true, false) => d.removed.push(id),
                    (true, true) => d.changed.push(id),
                    (false, false) => {}
                }
            }
        }
        diff.collections
            .retain(|d| !(d.added.is_empty() && d.changed.is_empty() && d.removed.is_empty()));
        Ok(diff)
    }

    /// Every version of one entity, oldest first, with the revisions that made them.
    pub async fn entity_history(
        &self,
        network: NetworkId,
        collection: Collection,
        id: Uuid,
    ) -> Result<Vec<EntityVersion>> {
        let (seq, _) = self.located(network).await?;
        let rows = sqlx::query(
            concat!(
                "SELECT r.number, r.author, r.message, r.at, r.added, r.changed, r.removed, v.body \
                 FROM (SELECT revision, body FROM entity_version WHERE network = $1 AND id = $2 AND collection = $3 \
                   UNION ALL SELECT e.revision, e.body ",
                by_key!(),
                ") v JOIN revision r ON r.network = $1 AND r.number = v.revision ORDER BY v.revision"
            ),
        )
        .bind(seq)
        .bind(blob(id))
        .bind(number(collection))
        .fetch_all(&self.inner.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let body: Option<String> = row.try_get(7)?;
                Ok(EntityVersion {
                    revision: read_revision(row, 0)?,
                    entity: body
                        .map(|b| serde_json::from_str(&b))
                        .transpose()
                        .map_err(StoreError::corrupt)?,
                })
            })
            .collect()
    }

    /// The findings of the full rule set for `network` at `revision` (the
    /// head when `None`) as of `as_of`: computed on a blocking thread, and
    /// kept per (revision, date).
    pub async fn findings(
        &self,
        network: NetworkId,
        revision: Option<u64>,
        as_of: NaiveDate,
    ) -> Result<Arc<Report>> {
        let revision = self.revision_or_head(network, revision).await?;
        let key = (network, revision, as_of);
        if let Some(report) = self.cached(&key) {
            return Ok(report);
        }
        let document = self.document_at(network, Some(revision)).await?;
        let report = tokio::task::spawn_blocking(move || mcn_network::validate(&document, as_of))
            .await
            .map_err(|error| StoreError::corrupt(format!("the rules did not finish: {error}")))?;
        let report = Arc::new(report);
        if let Ok(mut cache) = self.inner.findings.lock() {
            if cache.len() >= FINDINGS_CACHE {
                cache.clear();
            }
            cache.insert(key, Arc::clone(&report));
        }
        Ok(report)
    }

    fn cached(&self, key: &(NetworkId, u64, NaiveDate)) -> Option<Arc<Report>> {
        self.inner.findings.lock().ok()?.get(key).cloned()
    }
}

/// (seq, head) of `network`, its row locked for the transaction when
/// `for_update` (PostgreSQL writers).
pub(crate) async fn network_row(
    conn: &mut sqlx::AnyConnection,
    network: NetworkId,
    for_update: bool,
) -> Result<(i64, i64)> {
    let sql = if for_update {
        "SELECT seq, head FROM network WHERE id = $1 FOR UPDATE"
    } else {
        "SELECT seq, head FROM network WHERE id = $1"
    };
    let row = sqlx::query(sql)
        .bind(network.to_string())
        .fetch_optional(conn)
        .await?
        .ok_or(StoreError::NetworkNotFound(network))?;
    Ok((row.try_get(0)?, row.try_get(1)?))
}

/// The current version of everything `ops` touch, read under the write lock,
/// and every change whose expectation it does not meet.
async fn versions(
    tx: &mut Tx,
    seq: i64,
    network: NetworkId,
    ops: &[Op],
) -> Result<(HashMap<(i64, Uuid), Current>, Vec<crate::change::Conflict>)> {
    let mut current: HashMap<(i64, Uuid), Current> = HashMap::new();
    let mut conflicts = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        let key = op.key(network);
        let (version, expect, collection) = if let Op::Profile { expect, .. } = op {
            let row = sqlx::query("SELECT revision, body FROM profile_version WHERE network = $1 ORDER BY revision DESC LIMIT 1")
                .bind(seq)
                .fetch_one(&mut **tx)
                .await?;
            let revision: i64 = row.try_get(0)?;
            let body: String = row.try_get(1)?;
            let old: NetworkProfile = serde_json::from_str(&body).map_err(StoreError::corrupt)?;
            current.insert(key, Current::new(revision, 0, body, &old));
            (Some(to_u64(revision)), *expect, None)
        } else {
            let collection = match op {
                Op::Upsert { entity, .. } => entity.collection(),
                Op::Delete { collection, .. } => *collection,
                Op::Profile { .. } => continue,
            };
            let row = sqlx::query(concat!("SELECT e.revision, e.position, e.body ", by_key!()))
                .bind(seq)
                .bind(blob(key.1))
                .bind(key.0)
                .fetch_optional(&mut **tx)
                .await?;
            let version = match row {
                Some(row) => {
                    let revision: i64 = row.try_get(0)?;
                    let body: String = row.try_get(2)?;
                    let old = collection
                        .parse(body.as_bytes())
                        .map_err(StoreError::corrupt)?;
                    current.insert(
                        key,
                        Current::new(revision, row.try_get(1)?, body, old.as_ref()),
                    );
                    Some(to_u64(revision))
                }
                None => None,
            };
            let expect = match op {
                Op::Upsert { expect, .. } | Op::Delete { expect, .. } => *expect,
                Op::Profile { .. } => continue,
            };
            (version, expect, Some(collection))
        };
        if !satisfied(expect, version) {
            conflicts.push(crate::change::Conflict {
                change: i,
                collection,
                id: key.1,
                expected: expect,
                current: version,
            });
        }
    }
    Ok((current, conflicts))
}

/// Writes `ops` as `revision`: entities, their superseded versions, the
/// profile; and removes the index rows of everything they touch (read from
/// the old bodies). Deletions go first, so an id may move from a deleted
/// entity to a new one. Returns the counts (added, changed, removed); an
/// upsert of an identical body is skipped.
#[allow(clippy::too_many_lines)] // the statements of each kind of change, in order
async fn write_ops(
    tx: &mut Tx,
    seq: i64,
    network: NetworkId,
    ops: &[Op],
    current: &HashMap<(i64, Uuid), Current>,
    revision: i64,
) -> Result<(u64, u64, u64)> {
    let (mut added, mut changed, mut removed) = (0_u64, 0_u64, 0_u64);
    let mut next_position: HashMap<i64, i64> = HashMap::new();
    let deletes = ops.iter().filter(|op| matches!(op, Op::Delete { .. }));
    let others = ops.iter().filter(|op| !matches!(op, Op::Delete { .. }));
    for op in deletes.chain(others) {
        let (c, id) = op.key(network);
        let old = current.get(&(c, id));
        let unchanged = match op {
            Op::Upsert { body, .. } | Op::Profile { body, .. } => {
                old.is_some_and(|o| o.body == *body)
            }
            Op::Delete { .. } => false,
        };
        if unchanged {
            continue;
        }
        if let Some(old) = old {
            // The index rows of what it declared and referred to before.
            for (declared, _) in &old.declared {
                if *declared != id {
                    sqlx::query("DELETE FROM nested_id WHERE network = $1 AND id = $2")
                        .bind(seq)
                        .bind(blob(*declared))
                        .execute(&mut **tx)
                        .await?;
                }
            }
            for target in &old.targets {
                // One reference less: -1 on its delta (an added one goes to
                // 0, a packed one of the import to -1).
                sqlx::query("INSERT INTO reference (network, target, collection, source, delta) VALUES ($1, $2, $3, $4, -1) ON CONFLICT (network, target, collection, source) DO UPDATE SET delta = reference.delta - 1")
                    .bind(seq)
                    .bind(blob(*target))
                    .bind(c)
                    .bind(blob(id))
                    .execute(&mut **tx)
                    .await?;
            }
            if c != PROFILE {
                // The superseded version goes into the history.
                insert_version(
                    tx,
                    seq,
                    (c, id),
                    old.revision,
                    old.position,
                    Some(&old.body),
                )
                .await?;
            }
        }
        match op {
            Op::Upsert { body, .. } => {
                if let Some(old) = old {
                    changed += 1;
                    sqlx::query("UPDATE entity SET revision = $1, body = $2 WHERE network = $3 AND collection = $4 AND position = $5")
                        .bind(revision)
                        .bind(body)
                        .bind(seq)
                        .bind(c)
                        .bind(old.position)
                        .execute(&mut **tx)
                        .await?;
                } else {
                    added += 1;
                    let position = match next_position.get(&c) {
                        Some(p) => *p,
                        None => sqlx::query("SELECT CAST(COALESCE(MAX(position), -1) + 1 AS BIGINT) FROM entity WHERE network = $1 AND collection = $2")
                            .bind(seq)
                            .bind(c)
                            .fetch_one(&mut **tx)
                            .await?
                            .try_get(0)?,
                    };
                    next_position.insert(c, position.saturating_add(1));
                    sqlx::query("INSERT INTO entity (network, collection, position, id, revision, body) VALUES ($1, $2, $3, $4, $5, $6)")
                        .bind(seq)
                        .bind(c)
                        .bind(position)
                        .bind(blob(id))
                        .bind(revision)
                        .bind(body)
                        .execute(&mut **tx)
                        .await?;
                    sqlx::query("INSERT INTO entity_key (network, id, collection, position) VALUES ($1, $2, $3, $4)")
                        .bind(seq)
                        .bind(blob(id))
                        .bind(c)
                        .bind(position)
                        .execute(&mut **tx)
                        .await?;
                }
            }
            Op::Delete { .. } => {
                removed += 1;
                let position = old.map_or(0, |o| o.position);
                sqlx::query(
                    "DELETE FROM entity WHERE network = $1 AND collection = $2 AND position = $3",
                )
                .bind(seq)
                .bind(c)
                .bind(position)
                .execute(&mut **tx)
                .await?;
                sqlx::query("DELETE FROM entity_key WHERE network = $1 AND id = $2")
                    .bind(seq)
                    .bind(blob(id))
                    .execute(&mut **tx)
                    .await?;
                insert_version(tx, seq, (c, id), revision, position, None).await?;
            }
            Op::Profile { body, .. } => {
                let schema_version: String =
                    sqlx::query("SELECT schema_version FROM network WHERE seq = $1")
                        .bind(seq)
                        .fetch_one(&mut **tx)
                        .await?
                        .try_get(0)?;
                sqlx::query("UPDATE network SET profile = $1 WHERE seq = $2")
                    .bind(body)
                    .bind(seq)
                    .execute(&mut **tx)
                    .await?;
                sqlx::query("INSERT INTO profile_version (network, revision, schema_version, body) VALUES ($1, $2, $3, $4)")
                    .bind(seq)
                    .bind(revision)
                    .bind(schema_version)
                    .bind(body)
                    .execute(&mut **tx)
                    .await?;
            }
        }
    }
    Ok((added, changed, removed))
}

/// Records a version of entity `(collection number, id)` that is no longer
/// current (`None`: deleted).
async fn insert_version(
    tx: &mut Tx,
    seq: i64,
    (c, id): (i64, Uuid),
    revision: i64,
    position: i64,
    body: Option<&str>,
) -> Result<()> {
    sqlx::query("INSERT INTO entity_version (network, collection, id, revision, position, body) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(seq)
        .bind(c)
        .bind(blob(id))
        .bind(revision)
        .bind(position)
        .bind(body.map(str::to_owned))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The id and reference index rows of what `ops` write (after every
/// removal, so an id may move from one entity to another).
fn index_rows(network: NetworkId, ops: &[Op], current: &HashMap<(i64, Uuid), Current>) -> Index {
    let mut index = Index::default();
    for op in ops {
        let (c, id) = op.key(network);
        match op {
            Op::Upsert { body, .. } | Op::Profile { body, .. }
                if current.get(&(c, id)).is_some_and(|o| o.body == *body) => {}
            Op::Upsert { entity, .. } => index.add(c, id, entity.as_ref()),
            Op::Profile { profile, .. } => index.add(c, id, profile),
            Op::Delete { .. } => {}
        }
    }
    index
}

/// Rows of the nested id index and the references a change set adds.
#[derive(Default)]
struct Index {
    nested: Vec<NestedRow>,
    refs: Vec<RefRow>,
}

impl Index {
    /// The nested ids `entity` (of collection number `c`, id `owner`)
    /// declares and the ids it refers to.
    fn add(&mut self, c: i64, owner: Uuid, entity: &(impl HasReferences + ?Sized)) {
        nested_rows(c, owner, entity, &mut self.nested);
        for target in targets(entity) {
            self.refs.push(RefRow {
                target,
                c,
                source: owner,
            });
        }
    }

    async fn insert(mut self, tx: &mut Tx, seq: i64) -> Result<()> {
        self.nested.sort_unstable();
        self.refs.sort_unstable();
        let sqlite = tx.backend_name() == "SQLite";
        insert_rows::<sqlx::Any, _>(&mut **tx, sqlite, seq, self.nested).await?;
        insert_rows::<sqlx::Any, _>(&mut **tx, sqlite, seq, self.refs).await
    }
}

/// The time of a revision as stored.
pub(crate) fn stored_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

async fn insert_revision(tx: &mut Tx, seq: i64, revision: &Revision) -> Result<()> {
    revision_row!(seq, revision).execute(&mut **tx).await?;
    Ok(())
}

fn read_revision(row: &AnyRow, from: usize) -> Result<Revision> {
    let at: String = row.try_get(from + 3)?;
    Ok(Revision {
        number: to_u64(row.try_get(from)?),
        author: row.try_get(from + 1)?,
        message: row.try_get(from + 2)?,
        at: DateTime::parse_from_rfc3339(&at)
            .map_err(StoreError::corrupt)?
            .with_timezone(&Utc),
        added: to_u64(row.try_get(from + 4)?),
        changed: to_u64(row.try_get(from + 5)?),
        removed: to_u64(row.try_get(from + 6)?),
    })
}

/// The distinct ids an entity refers to.
fn targets(entity: &(impl HasReferences + ?Sized)) -> Vec<Uuid> {
    let mut targets = Vec::new();
    entity.references(&mut |r| targets.push(r.id));
    targets.sort_unstable();
    targets.dedup();
    targets
}

/// Parses every change: the typed entity and its canonical body. Refuses
/// (as bad input) an entity its type refuses, a profile with another id and
/// the same entity changed twice.
fn prepare(network: NetworkId, changes: &ChangeSet) -> Result<Vec<Op>> {
    let mut ops = Vec::with_capacity(changes.changes.len());
    let mut seen: HashMap<(i64, Uuid), usize> = HashMap::new();
    for (i, change) in changes.changes.iter().enumerate() {
        let op = match change {
            Change::Upsert {
                collection,
                expect,
                entity,
            } => {
                let at = Op::path(i).key("entity");
                let bytes = serde_json::to_vec(entity)
                    .map_err(|e| StoreError::bad(at.clone(), e.to_string()))?;
                let entity = collection.parse(&bytes).map_err(|error| match error {
                    LoadError::Invalid { path, message, .. } => StoreError::bad(
                        path.segments()
                            .fold(Op::path(i).key("entity"), |p, s| p.key(&s)),
                        format!("not a valid entity of {collection}: {message}"),
                    ),
                    other => StoreError::bad(at.clone(), other.to_string()),
                })?;
                let body = entity
                    .to_json()
                    .map_err(|e| StoreError::bad(at, e.to_string()))?;
                Op::Upsert {
                    entity,
                    body,
                    expect: *expect,
                }
            }
            Change::Delete {
                collection,
                id,
                expect,
            } => Op::Delete {
                collection: *collection,
                id: *id,
                expect: *expect,
            },
            Change::Profile { expect, profile } => {
                if profile.id != network {
                    return Err(StoreError::bad(
                        Op::path(i).key("profile").key("id"),
                        format!(
                            "the profile's id is the network's id {network}; it cannot become {}",
                            profile.id
                        ),
                    ));
                }
                let body = serde_json::to_string(profile)
                    .map_err(|e| StoreError::bad(Op::path(i).key("profile"), e.to_string()))?;
                Op::Profile {
                    profile: profile.clone(),
                    body,
                    expect: *expect,
                }
            }
        };
        if let Some(first) = seen.insert(op.key(network), i) {
            let (c, id) = op.key(network);
            return Err(StoreError::bad(
                Op::path(i),
                format!(
                    "{} is changed twice in one change set (first at /changes/{first})",
                    describe(collection_at(c).ok(), id)
                ),
            ));
        }
        ops.push(op);
    }
    Ok(ops)
}

/// The owner of an id in the store: (kind, collection number, owner id).
async fn id_owner(
    tx: &mut Tx,
    seq: i64,
    id: Uuid,
) -> Result<Option<(Option<EntityKind>, i64, Uuid)>> {
    let entity = sqlx::query("SELECT collection FROM entity_key WHERE network = $1 AND id = $2")
        .bind(seq)
        .bind(blob(id))
        .fetch_optional(&mut **tx)
        .await?;
    if let Some(row) = entity {
        let c: i64 = row.try_get(0)?;
        return Ok(Some((Some(collection_at(c)?.kind()), c, id)));
    }
    let row =
        sqlx::query("SELECT kind, collection, owner FROM nested_id WHERE network = $1 AND id = $2")
            .bind(seq)
            .bind(blob(id))
            .fetch_optional(&mut **tx)
            .await?;
    row.map(|row| Ok((kind_at(row.try_get(0)?), row.try_get(1)?, id_at(&row, 2)?)))
        .transpose()
}

/// The integrity of the state `ops` would leave, checked against the
/// indexes: O(size of the change), not of the document.
async fn integrity(
    tx: &mut Tx,
    seq: i64,
    network: NetworkId,
    ops: &[Op],
    current: &HashMap<(i64, Uuid), Current>,
) -> Result<Vec<Finding>> {
    let mut check = Check {
        network,
        seq,
        ops,
        current,
        touched: ops.iter().map(|op| op.key(network)).collect(),
        declared: Declared::new(),
        findings: Vec::new(),
    };
    check.declared_ids(tx).await?;
    check.references(tx).await?;
    check.still_referred(tx).await?;
    Ok(check.findings)
}

/// The integrity check of one change set: what it touches and declares, and
/// the findings so far.
struct Check<'a> {
    network: NetworkId,
    seq: i64,
    ops: &'a [Op],
    current: &'a HashMap<(i64, Uuid), Current>,
    touched: Touched,
    declared: Declared,
    findings: Vec<Finding>,
}

/// Touched entities: (collection number, id).
type Touched = HashSet<(i64, Uuid)>;
/// Ids the change set declares: id -> (kind, path).
type Declared = HashMap<Uuid, (EntityKind, JsonPointer)>;

impl Check<'_> {
    /// The ids the change set declares, with a finding for each that
    /// another entity of the change set or of the network (one it keeps) has
    /// already.
    async fn declared_ids(&mut self, tx: &mut Tx) -> Result<()> {
        let (ops, seq) = (self.ops, self.seq);
        for (i, op) in ops.iter().enumerate() {
            let Op::Upsert { entity, .. } = op else {
                continue;
            };
            let base = Op::path(i).key("entity");
            let mut mine = Vec::new();
            entity.declared_ids(&mut |d| mine.push(d));
            for d in mine {
                let path = d.path.under(base.clone());
                if let Some((kind, first)) = self.declared.get(&d.id) {
                    self.findings.push(
                        DUPLICATE_ID
                            .at(
                                path,
                                format!("this {} has the same id as the {kind} at {first}", d.kind),
                            )
                            .with_related(first.clone()),
                    );
                    continue;
                }
                if let Some((kind, c, owner)) = id_owner(tx, seq, d.id).await?
                    && !self.touched.contains(&(c, owner))
                {
                    let kind = kind.map_or("entity", EntityKind::name);
                    self.findings.push(DUPLICATE_ID.at(
                        path.clone(),
                        format!(
                            "this {} has the same id as the {kind} in {} {owner} of the network",
                            d.kind,
                            describe(collection_at(c).ok(), owner)
                        ),
                    ));
                }
                self.declared.insert(d.id, (d.kind, path));
            }
        }
        Ok(())
    }

    /// A finding for each reference of what is written that does not
    /// resolve in the resulting state (dangling, or another kind of entity).
    async fn references(&mut self, tx: &mut Tx) -> Result<()> {
        let (network, ops, seq) = (self.network, self.ops, self.seq);
        for (i, op) in ops.iter().enumerate() {
            let (base, owner, references) = match op {
                Op::Upsert { entity, .. } => {
                    let mut refs = Vec::new();
                    entity.references(&mut |r| refs.push(r));
                    (
                        Op::path(i).key("entity"),
                        describe(Some(entity.collection()), entity.uuid()),
                        refs,
                    )
                }
                Op::Profile { profile, .. } => {
                    let mut refs = Vec::new();
                    profile.references(&mut |r| refs.push(r));
                    (
                        Op::path(i).key("profile"),
                        describe(None, network.as_uuid()),
                        refs,
                    )
                }
                Op::Delete { .. } => continue,
            };
            for r in references {
                let at = r.path.under(base.clone());
                let found = match self.declared.get(&r.id) {
                    Some((kind, path)) => Some((*kind, format!("the {kind} at {path}"))),
                    None => match id_owner(tx, seq, r.id).await? {
                        Some((kind, c, owner)) if !self.touched.contains(&(c, owner)) => {
                            kind.map(|k| {
                                (
                                    k,
                                    format!(
                                        "the {k} in {}",
                                        describe(collection_at(c).ok(), owner)
                                    ),
                                )
                            })
                        }
                        _ => None,
                    },
                };
                match found {
                    Some((kind, _)) if kind == r.kind => {}
                    Some((_, what)) => self.findings.push(WRONG_KIND.at(
                        at,
                        format!(
                            "{owner} refers to {} {}, but that id belongs to {what}",
                            r.kind, r.id
                        ),
                    )),
                    None => self.findings.push(DANGLING_REFERENCE.at(
                        at,
                        format!(
                            "{owner} refers to {} {}, which is not in the network",
                            r.kind, r.id
                        ),
                    )),
                }
            }
        }
        Ok(())
    }

    /// A finding for each id that goes away (a deleted entity's, or a nested
    /// one an upsert drops) while something the change set keeps still
    /// refers to it.
    async fn still_referred(&mut self, tx: &mut Tx) -> Result<()> {
        let (network, ops, seq, current) = (self.network, self.ops, self.seq, self.current);
        for (i, op) in ops.iter().enumerate() {
            let (c, id) = op.key(network);
            if c == PROFILE {
                continue;
            }
            let Some(old) = current.get(&(c, id)) else {
                continue;
            };
            for &(gone, kind) in &old.declared {
                if self.declared.contains_key(&gone) {
                    continue;
                }
                let kind = kind.name();
                let by: Vec<String> = referrers(tx, seq, gone)
                    .await?
                    .into_iter()
                    .filter(|key| !self.touched.contains(key))
                    .map(|(c, source)| describe(collection_at(c).ok(), source))
                    .collect();
                if by.is_empty() {
                    continue;
                }
                let at = match op {
                    Op::Upsert { .. } => Op::path(i).key("entity"),
                    _ => Op::path(i),
                };
                let shown: Vec<&str> = by.iter().take(5).map(String::as_str).collect();
                let more = by.len().saturating_sub(shown.len());
                let more = if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                self.findings.push(STILL_REFERRED.at(
                    at,
                    format!(
                        "{kind} {gone} would be gone but is still referred to by {}{more}",
                        shown.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// What refers to `target` in network `seq`, as (collection number, id), in
/// that order: the import's packed references, plus the deltas since.
async fn referrers(tx: &mut Tx, seq: i64, target: Uuid) -> Result<Vec<(i64, Uuid)>> {
    let mut count: BTreeMap<(i64, Uuid), i64> = BTreeMap::new();
    let packed = sqlx::query(
        "SELECT collection, sources FROM reference_bulk WHERE network = $1 AND target = $2",
    )
    .bind(seq)
    .bind(blob(target))
    .fetch_all(&mut **tx)
    .await?;
    for row in &packed {
        let c: i64 = row.try_get(0)?;
        let sources: &[u8] = row.try_get(1)?;
        for source in sources.chunks(16) {
            count.insert((c, uuid_of(source)?), 1);
        }
    }
    let deltas = sqlx::query("SELECT collection, source, delta FROM reference WHERE network = $1 AND target = $2 AND delta <> 0")
        .bind(seq)
        .bind(blob(target))
        .fetch_all(&mut **tx)
        .await?;
    for row in &deltas {
        *count.entry((row.try_get(0)?, id_at(row, 1)?)).or_default() += row.try_get::<i64, _>(2)?;
    }
    Ok(count
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(key, _)| key)
        .collect())
}

/// The integrity of a whole document to import: duplicate ids (across
/// collections too) and references that do not resolve, with paths into it.
fn document_integrity(document: &NetworkDocument) -> Vec<Finding> {
    // Where each id is declared: its kind and path, kept as parts (a
    // pointer is made only for a finding, not for each of a million ids).
    struct Site {
        kind: EntityKind,
        collection: Collection,
        index: usize,
        path: RelativePath,
    }
    impl Site {
        fn pointer(&self) -> JsonPointer {
            self.path.under(
                JsonPointer::root()
                    .key(self.collection.name())
                    .index(self.index),
            )
        }
    }
    let mut findings = Vec::new();
    let mut declared: FxHashMap<Uuid, Site> = FxHashMap::default();
    for &collection in Collection::ALL {
        collection.for_each(document, &mut |index, entity| {
            entity.declared_ids(&mut |d| {
                let site = Site {
                    kind: d.kind,
                    collection,
                    index,
                    path: d.path,
                };
                match declared.entry(d.id) {
                    Entry::Occupied(first) => {
                        let (kind, first) = (first.get().kind, first.get().pointer());
                        findings.push(
                            DUPLICATE_ID
                                .at(
                                    site.pointer(),
                                    format!(
                                        "this {} has the same id as the {kind} at {first}",
                                        d.kind
                                    ),
                                )
                                .with_related(first),
                        );
                    }
                    Entry::Vacant(slot) => {
                        slot.insert(site);
                    }
                }
            });
        });
    }
    let mut check =
        |base: &dyn Fn() -> JsonPointer, owner: &dyn Fn() -> String, r: Reference| match declared
            .get(&r.id)
        {
            Some(site) if site.kind == r.kind => {}
            Some(site) => {
                let path = site.pointer();
                findings.push(
                    WRONG_KIND
                        .at(
                            r.path.under(base()),
                            format!(
                                "{} refers to {} {}, but that id belongs to the {} at {path}",
                                owner(),
                                r.kind,
                                r.id,
                                site.kind
                            ),
                        )
                        .with_related(path),
                );
            }
            None => findings.push(DANGLING_REFERENCE.at(
                r.path.under(base()),
                format!(
                    "{} refers to {} {}, which is not in the document",
                    owner(),
                    r.kind,
                    r.id
                ),
            )),
        };
    document.network.references(&mut |r| {
        check(
            &|| JsonPointer::root().key("network"),
            &|| describe(None, document.network.id.as_uuid()),
            r,
        );
    });
    for &collection in Collection::ALL {
        collection.for_each(document, &mut |i, entity| {
            entity.references(&mut |r| {
                check(
                    &|| JsonPointer::root().key(collection.name()).index(i),
                    &|| describe(Some(collection), entity.uuid()),
                    r,
                );
            });
        });
    }
    findings
}
