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
//! the round-trip tests check the bytes. An earlier revision is read row by
//! row: its versions are spread over two tables.

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
        use futures_util::TryStreamExt as _;
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
            let mut rows = sqlx::query($crate::export::EXPORT_AT)
                .bind(seq)
                .bind($crate::store::to_i64(revision))
                .fetch(&mut *$tx);
            while let Some(row) = rows.try_next().await? {
                out.entity(row.try_get(0)?, row.try_get::<&str, _>(1)?)?;
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

/// The entities of a network (`$1`) at an earlier revision (`$2`), in
/// document order: collection, body.
pub(crate) const EXPORT_AT: &str = "SELECT v.collection, v.body FROM any_version v \
     WHERE v.network = $1 AND v.revision <= $2 AND v.body IS NOT NULL \
     AND NOT EXISTS (SELECT 1 FROM any_version w WHERE w.network = v.network \
       AND w.collection = v.collection AND w.id = v.id AND w.revision > v.revision AND w.revision <= $2) \
     ORDER BY v.collection, v.position";

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

    /// The next entity's body, of collection number `c`, in document order.
    pub(crate) fn entity(&mut self, c: i64, body: &str) -> Result<(), StoreError> {
        self.bodies(collection_at(c)?, body);
        Ok(())
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

    use super::EXPORT_CHUNK;

    /// SQLite reads a chunk along the primary key and joins it without a
    /// sort (no temporary b-tree).
    #[tokio::test]
    async fn a_chunk_is_read_in_key_order_without_a_sort() {
        let store = crate::Store::open("sqlite::memory:").await.unwrap();
        let plan = sqlx::query(sqlx::AssertSqlSafe(format!(
            "EXPLAIN QUERY PLAN {EXPORT_CHUNK}"
        )))
        .bind(1_i64)
        .bind(0_i64)
        .bind(0_i64)
        .bind(10_i64)
        .fetch_all(store.pool())
        .await
        .unwrap();
        let plan: Vec<String> = plan.iter().map(|row| row.get(3)).collect();
        assert!(
            plan.iter().any(|step| step.contains("USING PRIMARY KEY")),
            "{plan:?}"
        );
        assert!(
            !plan.iter().any(|step| step.contains("TEMP B-TREE")),
            "{plan:?}"
        );
        store.close().await;
    }
}
