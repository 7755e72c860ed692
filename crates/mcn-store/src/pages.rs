//! Reading a network a little at a time, for adapters that serve it in
//! pieces (HTTP): one page of a collection in document order, and the
//! profile alone, without assembling the whole document.

use mcn_core::{JsonPointer, id::NetworkId};
use mcn_network::collection::Collection;
use sqlx::Row as _;
use uuid::Uuid;

use crate::{Store, StoreError};

/// One page of a collection at the head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The entities, in document order: id and canonical compact JSON.
    pub items: Vec<(Uuid, String)>,
    /// Whether more entities (that `keep` accepts) follow the last.
    pub more: bool,
}

/// The most rows one batch of a filtered page reads.
const MAX_BATCH: usize = 4096;

impl Store {
    /// Up to `limit` entities of `collection` at the head of `network`, in
    /// document order, starting after the entity `after` (from the start
    /// when `None`) and keeping only those whose canonical JSON `keep`
    /// accepts. Rows are streamed: only what the page needs is read, in one
    /// read transaction (one snapshot: the page agrees with the head it was
    /// read at, even while others write).
    pub async fn page(
        &self,
        network: NetworkId,
        collection: Collection,
        after: Option<Uuid>,
        limit: usize,
        keep: &mut (dyn FnMut(&str) -> bool + Send),
    ) -> Result<Page, StoreError> {
        let mut tx = self.begin_read().await?;
        let (seq, _) = crate::store::network_row(&mut tx, network, false).await?;
        let number = i64::try_from(collection.position()).unwrap_or(i64::MAX);
        let from = match after {
            None => -1,
            Some(id) => sqlx::query(
                "SELECT position FROM entity_key WHERE network = $1 AND id = $2 AND collection = $3",
            )
            .bind(seq)
            .bind(crate::store::blob(id))
            .bind(number)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::BadInput {
                path: JsonPointer::root(),
                message: format!("after: no {} {id} in {collection}", collection.kind()),
            })?
            .try_get::<i64, _>(0)?,
        };
        let mut page = Page {
            items: Vec::new(),
            more: false,
        };
        // Batches with a LIMIT: a driver that reads a whole result set
        // (PostgreSQL's) would otherwise send the rest of the collection for
        // every page. The first batch is what an unfiltered page needs; each
        // next one, needed only when `keep` refuses rows, is twice as large.
        let mut from = from;
        let mut batch = limit.saturating_add(1);
        'batches: loop {
            let rows = sqlx::query(
                "SELECT id, body, position FROM entity WHERE network = $1 AND collection = $2 AND position > $3 ORDER BY position LIMIT $4",
            )
            .bind(seq)
            .bind(number)
            .bind(from)
            .bind(i64::try_from(batch).unwrap_or(i64::MAX))
            .fetch_all(&mut *tx)
            .await?;
            for row in &rows {
                from = row.try_get(2)?;
                let body: String = row.try_get(1)?;
                if !keep(&body) {
                    continue;
                }
                if page.items.len() == limit {
                    page.more = true;
                    break 'batches;
                }
                page.items.push((crate::store::id_at(row, 0)?, body));
            }
            if rows.len() < batch {
                break;
            }
            batch = batch.saturating_mul(2).min(MAX_BATCH);
        }
        tx.commit().await?;
        Ok(page)
    }

    /// The profile of `network` at the head as its canonical JSON, with the
    /// revision that last changed it.
    pub async fn profile(&self, network: NetworkId) -> Result<(u64, String), StoreError> {
        self.profile_version(network).await
    }
}
