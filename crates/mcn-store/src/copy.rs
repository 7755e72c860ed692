//! PostgreSQL import through `COPY … FROM STDIN` on a concrete connection
//! (the `Any` driver has no `COPY`): one transaction, the rows streamed in
//! PostgreSQL's text format, many times faster than multi-row `INSERT`s.

use mcn_core::id::NetworkId;
use sqlx::{Connection as _, Row as _, postgres::PgConnection};

use crate::{
    Revision, StoreError,
    store::{Arg, Rows, stored_time, to_i64},
};

/// Bytes sent per `COPY` message.
const CHUNK: usize = 1 << 20;

/// What an import writes besides the rows.
pub(crate) struct Header<'a> {
    pub(crate) network: NetworkId,
    pub(crate) schema_version: &'a str,
    pub(crate) profile: &'a str,
    pub(crate) revision: &'a Revision,
}

/// Imports `rows` as revision 1 of a new network, in one transaction on a
/// connection of its own to `url`.
pub(crate) async fn import(url: &str, header: &Header<'_>, rows: Rows) -> Result<(), StoreError> {
    let mut conn = PgConnection::connect(url).await?;
    let mut tx = conn.begin().await?;
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
    copy(
        &mut tx,
        "entity (network, collection, position, id, revision, body)",
        seq,
        rows.entities,
    )
    .await?;
    copy(
        &mut tx,
        "nested_id (network, id, kind, collection, owner)",
        seq,
        rows.index.nested,
    )
    .await?;
    copy(
        &mut tx,
        "reference (network, target, collection, source)",
        seq,
        rows.index.refs,
    )
    .await?;
    let revision = header.revision;
    sqlx::query("INSERT INTO revision (network, number, author, message, at, added, changed, removed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .bind(seq)
        .bind(to_i64(revision.number))
        .bind(&revision.author)
        .bind(&revision.message)
        .bind(stored_time(revision.at))
        .bind(to_i64(revision.added))
        .bind(to_i64(revision.changed))
        .bind(to_i64(revision.removed))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    conn.close().await?;
    Ok(())
}

/// Streams `rows` (each after the network's seq), sorted by primary key,
/// into `table (columns)`.
async fn copy(
    conn: &mut PgConnection,
    table: &str,
    seq: i64,
    mut rows: Vec<Vec<Arg>>,
) -> Result<(), StoreError> {
    if rows.is_empty() {
        return Ok(());
    }
    rows.sort_unstable();
    let mut copy = conn
        .copy_in_raw(&format!("COPY {table} FROM STDIN"))
        .await?;
    let seq = seq.to_string();
    let mut buffer = String::with_capacity(CHUNK + 4096);
    for row in rows {
        buffer.push_str(&seq);
        for arg in row {
            buffer.push('\t');
            field(&mut buffer, &arg);
        }
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

/// One field in `COPY`'s text format: backslash, tab, newline and carriage
/// return escaped; bytes as `\\x` and hex (the `bytea` hex form, its
/// backslash escaped).
fn field(out: &mut String, arg: &Arg) {
    match arg {
        Arg::Int(i) => out.push_str(&i.to_string()),
        Arg::Text(text) => {
            for c in text.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\t' => out.push_str("\\t"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    c => out.push(c),
                }
            }
        }
        Arg::Blob(bytes) => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\\\x");
            for b in bytes {
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0x0f)]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Arg, field};

    #[test]
    fn fields_in_copy_text_format() {
        let mut out = String::new();
        field(&mut out, &Arg::Text("a\\\"b\tc\nd\re".to_owned()));
        assert_eq!(out, "a\\\\\"b\\tc\\nd\\re");
        out.clear();
        field(&mut out, &Arg::Blob(vec![0x00, 0xab, 0x7f]));
        assert_eq!(out, "\\\\x00ab7f");
        out.clear();
        field(&mut out, &Arg::Int(-12));
        assert_eq!(out, "-12");
    }
}
