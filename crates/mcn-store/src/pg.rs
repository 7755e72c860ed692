//! PostgreSQL through the concrete driver, where the `Any` driver cannot or
//! is slow: an import through `COPY … FROM STDIN` (one transaction, the rows
//! streamed in PostgreSQL's text format, many times faster than multi-row
//! `INSERT`s), and export reading bodies straight from the rows (no
//! conversion to `Any` values).

use mcn_core::id::NetworkId;
use sqlx::{
    PgPool,
    postgres::{PgConnection, PgCopyIn},
};

use crate::{
    Layout, StoreError,
    bulk::{CopyRow, EntityRow, Header, Part},
};

/// Bytes sent per `COPY` message.
const CHUNK: usize = 1 << 20;

/// Writes the rows of an import from `parts` as revision 1 of a new
/// network, in one transaction, the entities streamed into one `COPY` as
/// they arrive. Returns whether it committed: not if `parts` closed before
/// [`Part::Rest`] (the import was refused or dropped).
pub(crate) async fn write(
    pool: PgPool,
    header: Header,
    mut parts: tokio::sync::mpsc::Receiver<Part>,
) -> Result<bool, StoreError> {
    let mut tx = pool.begin().await?;
    let seq = crate::bulk::header_rows!(tx, &header);
    let mut entities = Copy::start::<EntityRow>(&mut tx, seq).await?;
    let rest = loop {
        match parts.recv().await {
            Some(Part::Entities(rows)) => {
                for row in &rows {
                    entities.push(row).await?;
                }
            }
            Some(Part::Rest(rest)) => break rest,
            None => {
                entities.stream.abort("the import was abandoned").await?;
                return Ok(false);
            }
        }
    };
    entities.finish().await?;
    copy(&mut tx, seq, &rest.keys).await?;
    copy(&mut tx, seq, &rest.nested).await?;
    copy(&mut tx, seq, &rest.packed).await?;
    crate::store::revision_row!(seq, &header.revision)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// [`crate::Store::export`] on PostgreSQL: the same queries, in one
/// read-only snapshot, but the head in one statement
/// ([`crate::export::pg_head`]).
pub(crate) async fn export(
    pool: &PgPool,
    network: NetworkId,
    revision: Option<u64>,
    layout: Layout,
) -> Result<String, StoreError> {
    let mut tx = pool.begin().await?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        .execute(&mut *tx)
        .await?;
    crate::export::export_in!(tx, network, revision, layout, crate::export::pg_head)
}

/// A `COPY … FROM STDIN` in progress: rows in `COPY`'s binary format (no
/// text for the server to parse: ids as 16 bytes, not 32 hex digits), sent
/// a megabyte at a time.
struct Copy<'c> {
    stream: PgCopyIn<&'c mut PgConnection>,
    seq: i64,
    buffer: Vec<u8>,
}

/// The binary format's header: signature, flags, no extension.
const BINARY_HEADER: &[u8] = b"PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0";

impl<'c> Copy<'c> {
    /// Starts copying rows of `R` (each after the network's `seq`).
    async fn start<R: CopyRow>(conn: &'c mut PgConnection, seq: i64) -> Result<Self, StoreError> {
        let mut buffer = Vec::with_capacity(CHUNK + 4096);
        buffer.extend_from_slice(BINARY_HEADER);
        Ok(Self {
            stream: conn
                .copy_in_raw(&format!("COPY {} FROM STDIN (FORMAT binary)", R::TABLE))
                .await?,
            seq,
            buffer,
        })
    }

    /// Adds a row.
    async fn push<R: CopyRow>(&mut self, row: &R) -> Result<(), StoreError> {
        self.buffer
            .extend_from_slice(&i16::try_from(R::WIDTH).unwrap_or(i16::MAX).to_be_bytes());
        int(&mut self.buffer, self.seq);
        row.copy(&mut self.buffer);
        if self.buffer.len() >= CHUNK {
            self.stream.send(self.buffer.as_slice()).await?;
            self.buffer.clear();
        }
        Ok(())
    }

    /// Sends what is left and ends the `COPY`.
    async fn finish(mut self) -> Result<(), StoreError> {
        // The trailer: a field count of -1.
        self.buffer.extend_from_slice(&(-1_i16).to_be_bytes());
        self.stream.send(self.buffer.as_slice()).await?;
        self.stream.finish().await?;
        Ok(())
    }
}

/// Copies `rows` (each after the network's seq, in their order) into their
/// table.
async fn copy<R: CopyRow>(conn: &mut PgConnection, seq: i64, rows: &[R]) -> Result<(), StoreError> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut copy = Copy::start::<R>(conn, seq).await?;
    for row in rows {
        copy.push(row).await?;
    }
    copy.finish().await
}

/// An integer field (`BIGINT`) in `COPY`'s binary format: its length and
/// eight bytes, big-endian.
pub(crate) fn int(out: &mut Vec<u8>, value: i64) {
    out.extend_from_slice(&8_i32.to_be_bytes());
    out.extend_from_slice(&value.to_be_bytes());
}

/// A `text` field in `COPY`'s binary format: its length and its UTF-8.
pub(crate) fn text(out: &mut Vec<u8>, value: &str) {
    bytes(out, value.as_bytes());
}

/// A `bytea` field in `COPY`'s binary format: its length and the bytes.
pub(crate) fn bytes(out: &mut Vec<u8>, value: &[u8]) {
    // A field longer than PostgreSQL's 1 GB limit is refused by the server.
    out.extend_from_slice(&i32::try_from(value.len()).unwrap_or(i32::MAX).to_be_bytes());
    out.extend_from_slice(value);
}

#[cfg(test)]
mod tests {
    use super::{bytes, int, text};

    #[test]
    fn fields_in_copy_binary_format() {
        let mut out = Vec::new();
        text(&mut out, "a\tb\u{e9}");
        assert_eq!(out, [0, 0, 0, 5, b'a', b'\t', b'b', 0xc3, 0xa9]);
        out.clear();
        bytes(&mut out, &[0xab, 0x01]);
        assert_eq!(out, [0, 0, 0, 2, 0xab, 0x01]);
        out.clear();
        int(&mut out, -2);
        assert_eq!(
            out,
            [0, 0, 0, 8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe]
        );
    }
}
