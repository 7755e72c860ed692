//! Provisioning PostgreSQL databases for stores (one per tenant, or per test):
//! create and drop a database through an administrator's URL.

use sqlx::Connection as _;

use crate::StoreError;

/// Whether `name` is a plain database name (letters, digits, `_`; not
/// starting with a digit; at most 63 bytes): the only names these functions
/// accept, since SQL cannot bind an identifier.
fn plain(name: &str) -> Result<(), StoreError> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(StoreError::UnsupportedUrl(format!(
            "database name {name:?}: expected letters, digits and _"
        )))
    }
}

/// `admin_url` with its database replaced by `name`.
fn with_database(admin_url: &str, name: &str) -> Result<String, StoreError> {
    let (base, query) = admin_url
        .split_once('?')
        .map_or((admin_url, None), |(b, q)| (b, Some(q)));
    let Some((server, _)) = base
        .rsplit_once('/')
        .filter(|(s, _)| s.ends_with(|c| c != '/'))
    else {
        return Err(StoreError::UnsupportedUrl(admin_url.to_owned()));
    };
    Ok(match query {
        Some(q) => format!("{server}/{name}?{q}"),
        None => format!("{server}/{name}"),
    })
}

/// Creates database `name` on the server of `admin_url` (a `postgres://`
/// URL of a user allowed to create databases) and returns its URL.
pub async fn create_database(admin_url: &str, name: &str) -> Result<String, StoreError> {
    plain(name)?;
    let url = with_database(admin_url, name)?;
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(admin_url).await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    Ok(url)
}

/// Drops database `name` on the server of `admin_url`, closing its sessions.
pub async fn drop_database(admin_url: &str, name: &str) -> Result<(), StoreError> {
    plain(name)?;
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(admin_url).await?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&mut conn)
    .await?;
    conn.close().await?;
    Ok(())
}

/// Closes `store` and drops database `name` (as [`drop_database`]) from
/// synchronous code, e.g. a test fixture's `Drop`, which may run inside or
/// outside a runtime: the work runs on a thread with a runtime of its own.
/// Best effort: a failure leaves the database behind and is not reported.
pub fn close_and_drop_blocking(store: crate::Store, admin_url: String, name: String) {
    let _ = std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        runtime.block_on(async move {
            store.close().await;
            let _ = drop_database(&admin_url, &name).await;
        });
    })
    .join();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_names() {
        assert_eq!(
            with_database("postgres://u@127.0.0.1:5432/postgres", "t_1").unwrap(),
            "postgres://u@127.0.0.1:5432/t_1"
        );
        assert_eq!(
            with_database("postgres://u@h/postgres?sslmode=disable", "t").unwrap(),
            "postgres://u@h/t?sslmode=disable"
        );
        assert!(plain("t_1").is_ok());
        assert!(plain("x; DROP TABLE y").is_err());
        assert!(plain("1x").is_err());
    }
}
