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

/// A `COPY … FROM STDIN` in progress: rows in `COPY`'s text format, sent
/// a megabyte at a time.
struct Copy<'c> {
    stream: PgCopyIn<&'c mut PgConnection>,
    seq: String,
    buffer: String,
}

impl<'c> Copy<'c> {
    /// Starts copying rows of `R` (each after the network's `seq`).
    async fn start<R: CopyRow>(conn: &'c mut PgConnection, seq: i64) -> Result<Self, StoreError> {
        Ok(Self {
            stream: conn
                .copy_in_raw(&format!("COPY {} FROM STDIN", R::TABLE))
                .await?,
            seq: seq.to_string(),
            buffer: String::with_capacity(CHUNK + 4096),
        })
    }

    /// Adds a row.
    async fn push<R: CopyRow>(&mut self, row: &R) -> Result<(), StoreError> {
        self.buffer.push_str(&self.seq);
        row.copy(&mut self.buffer);
        self.buffer.push('\n');
        if self.buffer.len() >= CHUNK {
            self.stream.send(self.buffer.as_bytes()).await?;
            self.buffer.clear();
        }
        Ok(())
    }

    /// Sends what is left and ends the `COPY`.
    async fn finish(mut self) -> Result<(), StoreError> {
        if !self.buffer.is_empty() {
            self.stream.send(self.buffer.as_bytes()).await?;
        }
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

/// A tab and an integer field.
pub(crate) fn int(out: &mut String, value: i64) {
    out.push('\t');
    out.push_str(&value.to_string());
}

/// A tab and a text field in `COPY`'s text format: backslash, tab, newline
/// and carriage return escaped.
pub(crate) fn text(out: &mut String, value: &str) {
    out.push('\t');
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

/// A tab and a `bytea` field: `\\x` and hex (the hex form, its backslash
/// escaped).
pub(crate) fn bytes(out: &mut String, value: &[u8]) {
    out.push_str("\t\\\\x");
    out.reserve(value.len() * 2);
    for b in value {
        for nibble in [b >> 4, b & 0x0f] {
            out.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{bytes, int, text};

    #[test]
    fn fields_in_copy_text_format() {
        let mut out = String::new();
        text(&mut out, "a\\\"b\tc\nd\re");
        assert_eq!(out, "\ta\\\\\"b\\tc\\nd\\re");
        out.clear();
        bytes(
            &mut out,
            uuid::Uuid::from_u128(0x00ab_7f00_0000_0000_0000_0000_0000_0001).as_bytes(),
        );
        assert_eq!(out, "\t\\\\x00ab7f00000000000000000000000001");
        out.clear();
        int(&mut out, -12);
        assert_eq!(out, "\t-12");
    }
}
