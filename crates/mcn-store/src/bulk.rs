//! Rows written many at a time: a whole document's import (SQLite through
//! its own driver, PostgreSQL through `COPY`) and the index rows of a change
//! set (through `Any`).

use mcn_network::{
    NetworkDocument,
    collection::Collection,
    references::{HasReferences, Reference},
};
use rustc_hash::FxHashMap;
use sqlx::{AssertSqlSafe, Database, Executor, IntoArguments, query::Query};
use uuid::Uuid;

use crate::{
    StoreError,
    store::{PROFILE, kind_number, number},
};

type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Bound parameters per multi-row `INSERT` (under SQLite's and PostgreSQL's
/// limits).
const BATCH_PARAMETERS: usize = 30_000;

/// A query of database `DB` with its SQL owned.
pub(crate) type BulkQuery<DB> = Query<'static, DB, <DB as Database>::Arguments>;

/// A database bulk rows bind their columns to: `Any` (change sets) and
/// SQLite's own driver (an import, without converting every value to and
/// from `Any`'s).
pub(crate) trait Bind: Database {
    /// Binds an integer.
    fn int(query: BulkQuery<Self>, value: i64) -> BulkQuery<Self>;
    /// Binds bytes (ids as 16 bytes).
    fn bytes(query: BulkQuery<Self>, value: &[u8]) -> BulkQuery<Self>;
    /// Binds text, moved.
    fn text(query: BulkQuery<Self>, value: String) -> BulkQuery<Self>;
}

macro_rules! bind_for {
    ($db:ty) => {
        impl Bind for $db {
            fn int(query: BulkQuery<Self>, value: i64) -> BulkQuery<Self> {
                query.bind(value)
            }
            fn bytes(query: BulkQuery<Self>, value: &[u8]) -> BulkQuery<Self> {
                query.bind(value)
            }
            fn text(query: BulkQuery<Self>, value: String) -> BulkQuery<Self> {
                query.bind(value)
            }
        }
    };
}
bind_for!(sqlx::Any);
bind_for!(sqlx::Sqlite);

/// A row of a table written in bulk (after the network's seq): its
/// columns, bound into a multi-row `INSERT`.
pub(crate) trait BulkRow {
    /// `table (columns)`, the network's column first.
    const TABLE: &'static str;
    /// Columns, the network's included.
    const WIDTH: usize;
    /// What follows the rows in the `INSERT` (an upsert clause), if anything.
    const CONFLICT: &'static str = "";
    /// Binds its columns after the network's.
    fn bind<DB: Bind>(self, query: BulkQuery<DB>) -> BulkQuery<DB>;
}

/// A row an import streams into its table with PostgreSQL's `COPY` (its
/// table and columns those of [`BulkRow`]).
pub(crate) trait CopyRow: BulkRow {
    /// Its columns after the network's, in `COPY`'s binary format.
    fn copy(&self, out: &mut Vec<u8>);
}

/// An `entity` row of an import (revision 1).
pub(crate) struct EntityRow {
    c: i64,
    position: i64,
    id: Uuid,
    body: String,
}

/// An `entity_key` row; ordered by its primary key.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct KeyRow {
    id: Uuid,
    c: i64,
    position: i64,
}

/// A `nested_id` row; ordered by its primary key.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct NestedRow {
    id: Uuid,
    kind: i64,
    c: i64,
    owner: Uuid,
}

/// A `reference` row a change set adds (+1 on its delta); ordered by its
/// primary key.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct RefRow {
    pub(crate) target: Uuid,
    pub(crate) c: i64,
    pub(crate) source: Uuid,
}

/// A `reference_bulk` row: every source of collection number `c` that
/// refers to `target`, 16 bytes each, in order.
pub(crate) struct PackedRow {
    target: Uuid,
    c: i64,
    sources: Vec<u8>,
}

impl BulkRow for EntityRow {
    const TABLE: &'static str = "entity (network, collection, position, id, revision, body)";
    const WIDTH: usize = 6;
    fn bind<DB: Bind>(self, query: BulkQuery<DB>) -> BulkQuery<DB> {
        let query = DB::int(DB::int(query, self.c), self.position);
        DB::text(DB::int(DB::bytes(query, self.id.as_bytes()), 1), self.body)
    }
}

impl CopyRow for EntityRow {
    fn copy(&self, out: &mut Vec<u8>) {
        crate::pg::int(out, self.c);
        crate::pg::int(out, self.position);
        crate::pg::bytes(out, self.id.as_bytes());
        crate::pg::int(out, 1);
        crate::pg::text(out, &self.body);
    }
}

impl BulkRow for KeyRow {
    const TABLE: &'static str = "entity_key (network, id, collection, position)";
    const WIDTH: usize = 4;
    fn bind<DB: Bind>(self, query: BulkQuery<DB>) -> BulkQuery<DB> {
        DB::int(
            DB::int(DB::bytes(query, self.id.as_bytes()), self.c),
            self.position,
        )
    }
}

impl CopyRow for KeyRow {
    fn copy(&self, out: &mut Vec<u8>) {
        crate::pg::bytes(out, self.id.as_bytes());
        crate::pg::int(out, self.c);
        crate::pg::int(out, self.position);
    }
}

impl BulkRow for NestedRow {
    const TABLE: &'static str = "nested_id (network, id, kind, collection, owner)";
    const WIDTH: usize = 5;
    fn bind<DB: Bind>(self, query: BulkQuery<DB>) -> BulkQuery<DB> {
        let query = DB::int(
            DB::int(DB::bytes(query, self.id.as_bytes()), self.kind),
            self.c,
        );
        DB::bytes(query, self.owner.as_bytes())
    }
}

impl CopyRow for NestedRow {
    fn copy(&self, out: &mut Vec<u8>) {
        crate::pg::bytes(out, self.id.as_bytes());
        crate::pg::int(out, self.kind);
        crate::pg::int(out, self.c);
        crate::pg::bytes(out, self.owner.as_bytes());
    }
}

impl BulkRow for RefRow {
    const TABLE: &'static str = "reference (network, target, collection, source)";
    const WIDTH: usize = 4;
    const CONFLICT: &'static str = " ON CONFLICT (network, target, collection, source) DO UPDATE SET delta = reference.delta + 1";
    fn bind<DB: Bind>(self, query: BulkQuery<DB>) -> BulkQuery<DB> {
        let query = DB::int(DB::bytes(query, self.target.as_bytes()), self.c);
        DB::bytes(query, self.source.as_bytes())
    }
}

impl BulkRow for PackedRow {
    const TABLE: &'static str = "reference_bulk (network, target, collection, sources)";
    const WIDTH: usize = 4;
    fn bind<DB: Bind>(self, query: BulkQuery<DB>) -> BulkQuery<DB> {
        let query = DB::int(DB::bytes(query, self.target.as_bytes()), self.c);
        DB::bytes(query, &self.sources)
    }
}

impl CopyRow for PackedRow {
    fn copy(&self, out: &mut Vec<u8>) {
        crate::pg::bytes(out, self.target.as_bytes());
        crate::pg::int(out, self.c);
        crate::pg::bytes(out, &self.sources);
    }
}

/// The nested ids `entity` (of collection number `c`, id `owner`) declares
/// (not its own: that is its `entity_key` row), pushed onto `rows`.
pub(crate) fn nested_rows(
    c: i64,
    owner: Uuid,
    entity: &(impl HasReferences + ?Sized),
    rows: &mut Vec<NestedRow>,
) {
    entity.declared_ids(&mut |d| {
        if d.id != owner {
            rows.push(NestedRow {
                id: d.id,
                kind: kind_number(d.kind),
                c,
                owner,
            });
        }
    });
}

/// Entities per [`Part::Entities`] (and per `INSERT` on SQLite).
const ENTITIES_PER_PART: usize = 1000;

/// A part of an import's rows, sent from the task that makes them to the
/// one that writes them (so the two overlap), in the order they are written.
pub(crate) enum Part {
    /// The next entities, in document order.
    Entities(Vec<EntityRow>),
    /// The rows written after every entity; the import is whole.
    Rest(Rest),
}

/// The rows of an import written after its entities, each table's in its
/// primary key's order (the b-trees grow at one edge).
pub(crate) struct Rest {
    pub(crate) keys: Vec<KeyRow>,
    pub(crate) nested: Vec<NestedRow>,
    pub(crate) packed: Vec<PackedRow>,
}

/// Makes the rows of `document` and sends its entities to `parts` as they
/// are made, a part at a time; returns what follows them. Returns early
/// (with nothing) if the writer has gone.
pub(crate) async fn send_entities(
    document: &NetworkDocument,
    parts: &tokio::sync::mpsc::Sender<Part>,
) -> Result<Option<Rest>> {
    let mut keys = Vec::new();
    let mut nested = Vec::new();
    // (target, referring collection) -> referring ids.
    let mut referrers: FxHashMap<(Uuid, i64), Vec<Uuid>> = FxHashMap::default();
    let mut refer = |c: i64, source: Uuid, entity: &dyn HasReferences| {
        entity.references(&mut |r: Reference| {
            referrers.entry((r.id, c)).or_default().push(source);
        });
    };
    for &collection in Collection::ALL {
        let c = number(collection);
        let len = collection.len(document);
        let mut start = 0;
        while start < len {
            let end = len.min(start.saturating_add(ENTITIES_PER_PART));
            let mut entities = Vec::with_capacity(end - start);
            for i in start..end {
                let Some(entity) = collection.get(document, i) else {
                    break;
                };
                let id = entity.uuid();
                let position = i64::try_from(i).unwrap_or(i64::MAX);
                entities.push(EntityRow {
                    c,
                    position,
                    id,
                    body: entity.to_json().map_err(StoreError::corrupt)?,
                });
                keys.push(KeyRow { id, c, position });
                nested_rows(c, id, entity, &mut nested);
                refer(c, id, entity);
            }
            if parts.send(Part::Entities(entities)).await.is_err() {
                return Ok(None);
            }
            start = end;
        }
    }
    refer(PROFILE, document.network.id.as_uuid(), &document.network);
    nested.sort_unstable();
    keys.sort_unstable();
    let mut packed: Vec<PackedRow> = referrers
        .into_iter()
        .map(|((target, c), mut sources)| {
            // An entity may refer to the same id from several fields.
            sources.sort_unstable();
            sources.dedup();
            PackedRow {
                target,
                c,
                sources: sources.iter().flat_map(|s| *s.as_bytes()).collect(),
            }
        })
        .collect();
    packed.sort_unstable_by_key(|row| (row.target, row.c));
    Ok(Some(Rest {
        keys,
        nested,
        packed,
    }))
}

/// Inserts `rows` (each after the network's seq) in their order, many rows
/// per statement, on a connection of `DB` (`sqlite`: SQLite's dialect).
pub(crate) async fn insert_rows<DB, R>(
    conn: &mut DB::Connection,
    sqlite: bool,
    seq: i64,
    rows: Vec<R>,
) -> Result<()>
where
    DB: Bind,
    R: BulkRow,
    DB::Arguments: IntoArguments<DB>,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
{
    let per_statement = (BATCH_PARAMETERS / R::WIDTH).clamp(1, 1000);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<R> = rows.by_ref().take(per_statement).collect();
        let mut query = sqlx::query(AssertSqlSafe(insert_sql::<R>(chunk.len(), sqlite)));
        for row in chunk {
            query = row.bind(DB::int(query, seq));
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// The multi-row `INSERT` of `rows` rows of `R`.
fn insert_sql<R: BulkRow>(rows: usize, sqlite: bool) -> String {
    // SQLite looks a numbered parameter's name up by a linear scan
    // (`sqlite3_bind_parameter_name`, once per parameter as sqlx binds):
    // quadratic in a statement of thousands of them. Anonymous `?`
    // parameters bind by position.
    //
    // SQLite: `OR ROLLBACK` (a conflict rolls the whole transaction back, as
    // the store would) spares it a statement journal of every page the
    // statement changes, kept only to undo a statement that fails half way.
    let insert = if sqlite {
        "INSERT OR ROLLBACK INTO"
    } else {
        "INSERT INTO"
    };
    let mut sql = format!("{insert} {} VALUES ", R::TABLE);
    let mut n = 0_usize;
    for r in 0..rows {
        if r > 0 {
            sql.push(',');
        }
        sql.push('(');
        for column in 0..R::WIDTH {
            if column > 0 {
                sql.push(',');
            }
            n += 1;
            if sqlite {
                sql.push('?');
            } else {
                sql.push('$');
                sql.push_str(&n.to_string());
            }
        }
        sql.push(')');
    }
    sql.push_str(R::CONFLICT);
    sql
}

/// What an import writes besides the rows.
pub(crate) struct Header {
    pub(crate) network: mcn_core::id::NetworkId,
    pub(crate) schema_version: String,
    pub(crate) profile: String,
    pub(crate) revision: crate::Revision,
}

/// Writes the network row and the first profile version of an import
/// ([`Header`] `$header`) in transaction `$tx` of either concrete driver.
/// Evaluates to the network's seq.
macro_rules! header_rows {
    ($tx:ident, $header:expr) => {{
        use sqlx::Row as _;
        let header: &$crate::bulk::Header = $header;
        let inserted = sqlx::query(
            "INSERT INTO network (id, head, schema_version, profile) VALUES ($1, 1, $2, $3) RETURNING seq",
        )
        .bind(header.network.to_string())
        .bind(header.schema_version.as_str())
        .bind(header.profile.as_str())
        .fetch_one(&mut *$tx)
        .await;
        let seq: i64 = match inserted {
            Err(sqlx::Error::Database(error)) if error.is_unique_violation() => {
                return Err($crate::StoreError::NetworkExists(header.network));
            }
            other => other?.try_get(0)?,
        };
        sqlx::query("INSERT INTO profile_version (network, revision, schema_version, body) VALUES ($1, 1, $2, $3)")
            .bind(seq)
            .bind(header.schema_version.as_str())
            .bind(header.profile.as_str())
            .execute(&mut *$tx)
            .await?;
        seq
    }};
}
pub(crate) use header_rows;

/// Writes the rows of an import from `parts` as revision 1 of a new network
/// into the SQLite database of `options`, in one transaction on a
/// connection of its own (SQLite's driver, not `Any`: no conversion of every
/// value), with the settings of the store's other connections, and holding
/// the writer turn `_turn` until done. Returns whether it committed: not if
/// `parts` closed before [`Part::Rest`] (the import was refused or dropped).
pub(crate) async fn write_sqlite(
    options: sqlx::sqlite::SqliteConnectOptions,
    header: Header,
    mut parts: tokio::sync::mpsc::Receiver<Part>,
    _turn: tokio::sync::OwnedMutexGuard<()>,
) -> Result<bool> {
    use sqlx::{Connection as _, SqliteConnection};
    let mut conn = SqliteConnection::connect_with(&options).await?;
    for pragma in crate::store::SQLITE_PRAGMAS {
        sqlx::query(*pragma).execute(&mut conn).await?;
    }
    let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
    let seq = header_rows!(tx, &header);
    let rest = loop {
        match parts.recv().await {
            Some(Part::Entities(rows)) => {
                insert_rows::<sqlx::Sqlite, _>(&mut tx, true, seq, rows).await?;
            }
            Some(Part::Rest(rest)) => break rest,
            None => return Ok(false),
        }
    };
    insert_rows::<sqlx::Sqlite, _>(&mut tx, true, seq, rest.keys).await?;
    insert_rows::<sqlx::Sqlite, _>(&mut tx, true, seq, rest.nested).await?;
    insert_rows::<sqlx::Sqlite, _>(&mut tx, true, seq, rest.packed).await?;
    crate::store::revision_row!(seq, &header.revision)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    // The import went through the write-ahead log whole: copy it into the
    // database and give its space back (it would stay as large as the
    // import otherwise). Best effort, without waiting: with a reader on an
    // older snapshot, SQLite copies what it can and leaves the rest to its
    // automatic checkpoints.
    sqlx::query("PRAGMA busy_timeout = 0")
        .execute(&mut conn)
        .await?;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    Ok(true)
}
