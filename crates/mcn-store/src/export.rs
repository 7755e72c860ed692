//! [`crate::Store::export`]: the document assembled from the stored
//! canonical bodies, without parsing them.
//!
//! The head is read in chunks the database joins: up to [`CHUNK_ROWS`]
//! bodies of one collection at a time, joined with commas in position order
//! by `string_agg` (PostgreSQL; SQLite ≥ 3.44, which the bundled one is), so
//! a few hundred rows of about a megabyte cross the driver instead of a row
//! per entity, which was most of the cost. SQLite ([`head_in_chunks`]):
//! a query per chunk, the next starting after the last position read
//! (keyset). PostgreSQL ([`pg_head`]): one statement yielding a row per
//! range of [`CHUNK_ROWS`] positions of each collection, computed by the
//! server while the client reads the previous rows (no round trip per
//! chunk). Either way memory stays bounded, and gaps left by deletions do
//! not matter.
//!
//! The order: each chunk's subquery reads the primary key (network,
//! collection, position) in order, and the aggregate over it is a plain
//! one (no join, no grouping), which both engines feed in the subquery's
//! order. An `ORDER BY` inside `string_agg` would say so explicitly, but
//! both engines then sort what is already sorted (SQLite through a
//! temporary b-tree: 0.3 s → 0.8 s at national); a test checks SQLite's
//! plan has no sort, PostgreSQL's chunks are checked to come in order, and
//! the round-trip tests check the bytes.
//!
//! An earlier revision: the versions at that revision of the entities
//! changed or deleted since (from `entity_version`: few beside the
//! document) are read first, then the current rows unchanged since (their
//! revision at or before it) in chunks as for the head (a query per chunk
//! on both backends), each chunk ending before the next such version's
//! position, which goes in between.

use futures_util::TryStreamExt as _;
use mcn_network::collection::Collection;
use sqlx::Row as _;

use crate::{
    Layout, StoreError, json,
    store::{collection_at, number},
};

/// The reads of [`crate::Store::export`] in the read-only transaction `$tx`,
/// of either driver (`Any`, or PostgreSQL's own for bodies read without
/// conversion): the network's head, the profile, the entities in document
/// order, assembled as they arrive; the head's entities through `$head`
/// (the driver's: [`head_in_chunks`] or [`pg_head`]). Evaluates to the
/// document.
macro_rules! export_in {
    ($tx:ident, $network:expr, $revision:expr, $layout:expr, $head:path) => {{
        use sqlx::Row as _;
        let network = $network;
        let row = sqlx::query($crate::export::NETWORK_ROW)
            .bind(network.to_string())
            .fetch_optional(&mut *$tx)
            .await?
            .ok_or($crate::StoreError::NetworkNotFound(network))?;
        let (seq, head): (i64, i64) = (row.try_get(0)?, row.try_get(1)?);
        let head = $crate::store::to_u64(head);
        let revision = $crate::store::pick_revision(network, $revision, head)?;
        let profile = sqlx::query($crate::export::EXPORT_PROFILE)
            .bind(seq)
            .bind($crate::store::to_i64(revision))
            .fetch_one(&mut *$tx)
            .await?;
        let mut out = $crate::export::Assembler::new(
            $layout,
            profile.try_get::<&str, _>(0)?,
            profile.try_get::<&str, _>(1)?,
        );
        if revision == head {
            $head(&mut *$tx, seq, &mut out).await?;
        } else {
            let revision = $crate::store::to_i64(revision);
            // The versions at `revision` of what changed after it, then the
            // current rows unchanged since, in chunks between them.
            let mut versions = Vec::new();
            for row in sqlx::query($crate::export::EXPORT_AT_VERSIONS)
                .bind(seq)
                .bind(revision)
                .fetch_all(&mut *$tx)
                .await?
            {
                let at: (i64, i64) = (row.try_get(0)?, row.try_get(1)?);
                versions.push((at, row.try_get::<String, _>(2)?));
            }
            let mut versions = versions.into_iter().peekable();
            for &collection in mcn_network::collection::Collection::ALL {
                let c = $crate::store::number(collection);
                let mut after = i64::MIN;
                loop {
                    let next = versions.peek().filter(|((vc, _), _)| *vc == c);
                    let before = next.map_or(i64::MAX, |((_, position), _)| *position);
                    let chunk = sqlx::query($crate::export::EXPORT_AT_CHUNK)
                        .bind(seq)
                        .bind(c)
                        .bind(after)
                        .bind(before)
                        .bind(revision)
                        .bind($crate::export::CHUNK_ROWS)
                        .fetch_one(&mut *$tx)
                        .await?;
                    let rows: i64 = chunk.try_get(0)?;
                    if rows > 0 {
                        after = chunk.try_get(1)?;
                        out.bodies(collection, chunk.try_get::<&str, _>(2)?);
                    }
                    if rows == $crate::export::CHUNK_ROWS {
                        continue;
                    }
                    match versions.next_if(|((vc, _), _)| *vc == c) {
                        Some(((_, position), body)) => {
                            out.bodies(collection, &body);
                            after = position;
                        }
                        None => break,
                    }
                }
            }
            if let Some(((c, _), _)) = versions.next() {
                return Err($crate::StoreError::corrupt(format!(
                    "a version of collection number {c} outside the document"
                )));
            }
        }
        $tx.commit().await?;
        Ok(out.finish())
    }};
}
pub(crate) use export_in;

/// A network's row by id (`$1`): seq, head.
pub(crate) const NETWORK_ROW: &str = "SELECT seq, head FROM network WHERE id = $1";

/// The profile at a revision (`$2`) of a network (`$1`): schema version, body.
pub(crate) const EXPORT_PROFILE: &str = "SELECT schema_version, body FROM profile_version WHERE network = $1 AND revision <= $2 ORDER BY revision DESC LIMIT 1";

/// Appends the entities of the head of network `seq` to `out`, in chunks
/// of up to [`CHUNK_ROWS`] bodies per collection (keyset on position).
pub(crate) async fn head_in_chunks(
    conn: &mut sqlx::AnyConnection,
    seq: i64,
    out: &mut Assembler,
) -> Result<(), StoreError> {
    for &collection in Collection::ALL {
        let mut after = i64::MIN;
        loop {
            let chunk = sqlx::query(EXPORT_CHUNK)
                .bind(seq)
                .bind(number(collection))
                .bind(after)
                .bind(CHUNK_ROWS)
                .fetch_one(&mut *conn)
                .await?;
            let rows: i64 = chunk.try_get(0)?;
            if rows == 0 {
                break;
            }
            after = chunk.try_get(1)?;
            out.bodies(collection, chunk.try_get::<&str, _>(2)?);
            if rows < CHUNK_ROWS {
                break;
            }
        }
    }
    Ok(())
}

/// The head of a network (`$1`) in chunks of a range of `$2` positions per
/// collection (collections 0 to `$3`), in document order: collection,
/// chunk number, and the chunk's bodies joined with commas in position
/// order (`NULL` for a range that deletions emptied). One statement whose
/// rows the server computes as the client reads the previous ones (no
/// round trip per chunk). Its planner cost is high (a sub-plan per chunk),
/// so [`pg_head`] turns JIT compilation off first (it cost 0.1 s a run).
const PG_HEAD_CHUNKS: &str = "SELECT c, k, (SELECT string_agg(body, ',') FROM \
     (SELECT body FROM entity WHERE network = $1 AND collection = c \
       AND position >= k * $2 AND position < (k + 1) * $2 ORDER BY position) AS chunk) \
     FROM generate_series(0::bigint, $3::bigint) AS c, \
     LATERAL (SELECT min(position) AS first, max(position) AS last FROM entity \
       WHERE network = $1 AND collection = c) AS span, \
     generate_series(floor(span.first / $2::numeric)::bigint, floor(span.last / $2::numeric)::bigint) AS k";

/// Appends the entities of the head of network `seq` to `out` ([`PG_HEAD_CHUNKS`]),
/// checking that the chunks come in document order.
pub(crate) async fn pg_head(
    conn: &mut sqlx::PgConnection,
    seq: i64,
    out: &mut Assembler,
) -> Result<(), StoreError> {
    sqlx::query("SET LOCAL jit = off")
        .execute(&mut *conn)
        .await?;
    let collections = i64::try_from(Collection::ALL.len()).unwrap_or(i64::MAX) - 1;
    let mut rows = sqlx::query(PG_HEAD_CHUNKS)
        .bind(seq)
        .bind(CHUNK_ROWS)
        .bind(collections)
        .fetch(&mut *conn);
    let mut last = None;
    while let Some(row) = rows.try_next().await? {
        let at: (i64, i64) = (row.try_get(0)?, row.try_get(1)?);
        if last.is_some_and(|last| last >= at) {
            return Err(StoreError::corrupt(format!(
                "export chunk {at:?} came after chunk {last:?}"
            )));
        }
        last = Some(at);
        if let Some(bodies) = row.try_get::<Option<&str>, _>(2)? {
            out.bodies(collection_at(at.0)?, bodies);
        }
    }
    Ok(())
}

/// Bodies per chunk of a head export, at most (about 1 MB at national;
/// 1,024 to 65,536 took the same time on SQLite). PostgreSQL reads ranges
/// of as many positions.
pub(crate) const CHUNK_ROWS: i64 = 4096;

/// One chunk of the head of a network (`$1`): up to `$4` entities of
/// collection `$2` after position `$3`, read along the primary key: how
/// many, the last position, and their bodies joined with commas in order
/// (the subquery's: see the module's documentation).
pub(crate) const EXPORT_CHUNK: &str = "SELECT count(*), max(position), string_agg(body, ',') \
     FROM (SELECT position, body FROM entity WHERE network = $1 AND collection = $2 AND position > $3 \
     ORDER BY position LIMIT $4) AS chunk";

/// The versions at an earlier revision (`$2`) of a network's (`$1`)
/// entities changed or deleted since (kept in `entity_version`), in
/// document order: collection, position, body. Each is the latest version
/// at or before the revision of its entity (numbered by a window, which
/// sorts the versions once: a correlated `NOT EXISTS` for a later one let
/// PostgreSQL, without statistics, rescan every version per version), not
/// a deletion, and only where the entity's current row is not itself from
/// before the revision.
pub(crate) const EXPORT_AT_VERSIONS: &str = "SELECT collection, position, body FROM \
     (SELECT collection, id, position, body, \
       row_number() OVER (PARTITION BY collection, id ORDER BY revision DESC) AS latest \
       FROM entity_version WHERE network = $1 AND revision <= $2) AS v \
     WHERE latest = 1 AND body IS NOT NULL \
     AND NOT EXISTS (SELECT 1 FROM entity_key k JOIN entity e ON e.network = k.network \
       AND e.collection = k.collection AND e.position = k.position \
       WHERE k.network = $1 AND k.id = v.id AND e.revision <= $2) \
     ORDER BY collection, position";

/// One chunk of the current rows of a network (`$1`) unchanged since an
/// earlier revision (`$5`): up to `$6` entities of collection `$2` between
/// positions `$3` and `$4` (both excluded), read along the primary key: how
/// many, the last position, and their bodies joined with commas in order.
pub(crate) const EXPORT_AT_CHUNK: &str = "SELECT count(*), max(position), string_agg(body, ',') \
     FROM (SELECT position, body FROM entity WHERE network = $1 AND collection = $2 \
       AND position > $3 AND position < $4 AND revision <= $5 \
     ORDER BY position LIMIT $6) AS chunk";

/// A document assembled from its stored pieces as they arrive.
pub(crate) struct Assembler {
    out: json::Sink,
    open: Option<Collection>,
}

impl Assembler {
    /// The document's start: its schema version and profile (stored JSON).
    pub(crate) fn new(layout: Layout, schema_version: &str, profile: &str) -> Self {
        let mut out = json::Sink::new(layout == Layout::Pretty);
        out.push_str("{\"schema_version\":");
        out.push_str(schema_version);
        out.key("network");
        out.push_str(profile);
        Self { out, open: None }
    }

    /// The next bodies of `collection` in document order: one, or several
    /// joined with commas.
    pub(crate) fn bodies(&mut self, collection: Collection, bodies: &str) {
        if self.open == Some(collection) {
            self.out.push_str(",");
        } else {
            if self.open.is_some() {
                self.out.push_str("]");
            }
            self.out.key(collection.name());
            self.out.push_str("[");
            self.open = Some(collection);
        }
        self.out.push_str(bodies);
    }

    /// The document.
    pub(crate) fn finish(mut self) -> String {
        if self.open.is_some() {
            self.out.push_str("]");
        }
        self.out.push_str("}");
        self.out.finish()
    }
}

#[cfg(test)]
mod tests {
    use sqlx::Row as _;

    use super::{EXPORT_AT_CHUNK, EXPORT_CHUNK};

    /// SQLite reads a chunk (of the head, and of an earlier revision) along
    /// the primary key and joins it without a sort (no temporary b-tree).
    #[tokio::test]
    async fn a_chunk_is_read_in_key_order_without_a_sort() {
        let store = crate::Store::open("sqlite::memory:").await.unwrap();
        for (sql, parameters) in [(EXPORT_CHUNK, 4), (EXPORT_AT_CHUNK, 6)] {
            let explain = format!("EXPLAIN QUERY PLAN {sql}");
            let mut query = sqlx::query(sqlx::AssertSqlSafe(explain));
            for _ in 0..parameters {
                query = query.bind(1_i64);
            }
            let plan = query.fetch_all(store.pool()).await.unwrap();
            let plan: Vec<String> = plan.iter().map(|row| row.get(3)).collect();
            assert!(
                plan.iter().any(|step| step.contains("USING PRIMARY KEY")),
                "{plan:?}"
            );
            assert!(
                !plan.iter().any(|step| step.contains("TEMP B-TREE")),
                "{plan:?}"
            );
        }
        store.close().await;
    }
}
