//! PostgreSQL through the concrete driver, where the `Any` driver cannot or
//! is slow: an import through `COPY … FROM STDIN` (one transaction, the rows
//! streamed in PostgreSQL's text format, many times faster than multi-row
//! `INSERT`s), and export reading bodies straight from the rows (no
//! conversion to `Any` values).

use mcn_core::id::NetworkId;
use sqlx::{PgPool, Row as _, postgres::PgConnection};

use crate::{
    Layout, Revision, StoreError,
    store::{BulkRow, Rows},
};
use uuid::Uuid;

/// Bytes sent per `COPY` message.
const CHUNK: usize = 1 << 20;

/// What an import writes besides the rows.
pub(crate) struct Header<'a> {
    pub(crate) network: NetworkId,
    pub(crate) schema_version: &'a str,
    pub(crate) profile: &'a str,
    pub(crate) revision: &'a Revision,
}

/// Imports `rows` as revision 1 of a new network, in one transaction.
pub(crate) async fn import(
    pool: &PgPool,
    header: &Header<'_>,
    rows: Rows,
) -> Result<(), StoreError> {
    let mut tx = pool.begin().await?;
    let network = header.network;
    let inserted = sqlx::query(
        "INSERT INTO network (id, head, schema_version, profile) VALUES ($1, 1, $2, $3) RETURNING seq",
    )
    .bind(network.to_string())
    .bind(header.schema_version)
    .bind(header.profile)
    .fetch_one(&mut *tx)
    .await;
    let seq: i64 = match inserted {
        Err(sqlx::Error::Database(error)) if error.is_unique_violation() => {
            return Err(StoreError::NetworkExists(network));
        }
        other => other?.try_get(0)?,
    };
    sqlx::query("INSERT INTO profile_version (network, revision, schema_version, body) VALUES ($1, 1, $2, $3)")
        .bind(seq)
        .bind(header.schema_version)
        .bind(header.profile)
        .execute(&mut *tx)
        .await?;
    copy(&mut tx, seq, &rows.entities).await?;
    copy(&mut tx, seq, &rows.index.nested).await?;
    copy(&mut tx, seq, &rows.index.refs).await?;
    crate::store::revision_row!(seq, header.revision)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
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

/// Streams `rows` (each after the network's seq, in their order) into
/// their table.
async fn copy<R: BulkRow>(conn: &mut PgConnection, seq: i64, rows: &[R]) -> Result<(), StoreError> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut copy = conn
        .copy_in_raw(&format!("COPY {} FROM STDIN", R::TABLE))
        .await?;
    let seq = seq.to_string();
    let mut buffer = String::with_capacity(CHUNK + 4096);
    for row in rows {
        buffer.push_str(&seq);
        row.copy(&mut buffer);
        buffer.push('\n');
        if buffer.len() >= CHUNK {
            copy.send(buffer.as_bytes()).await?;
            buffer.clear();
        }
    }
    if !buffer.is_empty() {
        copy.send(buffer.as_bytes()).await?;
    }
    copy.finish().await?;
    Ok(())
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

/// A tab and an id as a `bytea` field: `\\x` and hex (the hex form, its
/// backslash escaped).
pub(crate) fn id(out: &mut String, value: Uuid) {
    out.push_str("\t\\\\x");
    for b in value.as_bytes() {
        for nibble in [b >> 4, b & 0x0f] {
            out.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{id, int, text};

    #[test]
    fn fields_in_copy_text_format() {
        let mut out = String::new();
        text(&mut out, "a\\\"b\tc\nd\re");
        assert_eq!(out, "\ta\\\\\"b\\tc\\nd\\re");
        out.clear();
        id(
            &mut out,
            uuid::Uuid::from_u128(0x00ab_7f00_0000_0000_0000_0000_0000_0001),
        );
        assert_eq!(out, "\t\\\\x00ab7f00000000000000000000000001");
        out.clear();
        int(&mut out, -12);
        assert_eq!(out, "\t-12");
    }
}
