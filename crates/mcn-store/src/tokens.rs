//! Bearer tokens of the standalone HTTP server, kept in the store's
//! database: only a hash of each token (the caller hashes it), what it
//! grants as opaque text, and when it was created and revoked.

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::{
    Row as _, SqlSafeStr as _,
    any::AnyRow,
    migrate::{Migration, MigrationType},
};
use uuid::Uuid;

use crate::{Backend, Store, StoreError};

/// A stored token (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRecord {
    /// Its id (to list and revoke it by).
    pub id: Uuid,
    /// A name for people (who or what holds it).
    pub name: String,
    /// What it grants, as the adapter wrote it.
    pub access: String,
    /// When it was created.
    pub created: DateTime<Utc>,
    /// When it was revoked, if it was.
    pub revoked: Option<DateTime<Utc>>,
}

/// Migration 2 of the store's schema: the token table.
pub(crate) fn migration(backend: Backend) -> Migration {
    let sql = match backend {
        Backend::Sqlite => include_str!("../migrations/sqlite/0002_tokens.sql"),
        Backend::Postgres => include_str!("../migrations/postgres/0002_tokens.sql"),
    };
    Migration::new(
        2,
        std::borrow::Cow::Borrowed("tokens"),
        MigrationType::Simple,
        sql.into_sql_str(),
        false,
    )
}

fn time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn read_time(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(StoreError::corrupt)
}

fn read_token(row: &AnyRow) -> Result<TokenRecord, StoreError> {
    let id: String = row.try_get(0)?;
    let revoked: Option<String> = row.try_get(4)?;
    Ok(TokenRecord {
        id: Uuid::try_parse(&id).map_err(StoreError::corrupt)?,
        name: row.try_get(1)?,
        access: row.try_get(2)?,
        created: read_time(&row.try_get::<String, _>(3)?)?,
        revoked: revoked.as_deref().map(read_time).transpose()?,
    })
}

impl Store {
    /// Keeps a new token by its `hash` (e.g. hex SHA-256 of the token, which
    /// the caller generated and shows once), with a `name` and what it
    /// grants (`access`).
    pub async fn add_token(
        &self,
        hash: &str,
        name: &str,
        access: &str,
        at: DateTime<Utc>,
    ) -> Result<TokenRecord, StoreError> {
        let record = TokenRecord {
            id: Uuid::now_v7(),
            name: name.to_owned(),
            access: access.to_owned(),
            created: at,
            revoked: None,
        };
        sqlx::query(
            "INSERT INTO tokens (id, hash, name, access, created) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(record.id.to_string())
        .bind(hash)
        .bind(name)
        .bind(access)
        .bind(time(at))
        .execute(self.pool())
        .await?;
        Ok(record)
    }

    /// Every token, oldest first (revoked ones too).
    pub async fn tokens(&self) -> Result<Vec<TokenRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, name, access, created, revoked FROM tokens ORDER BY created, id",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(read_token).collect()
    }

    /// The valid (unrevoked) token with this hash.
    pub async fn token_by_hash(&self, hash: &str) -> Result<Option<TokenRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT id, name, access, created, revoked FROM tokens WHERE hash = $1 AND revoked IS NULL",
        )
        .bind(hash)
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(read_token).transpose()
    }

    /// Revokes a token; whether a valid token with this id was there.
    pub async fn revoke_token(&self, id: Uuid, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let done = sqlx::query("UPDATE tokens SET revoked = $1 WHERE id = $2 AND revoked IS NULL")
            .bind(time(at))
            .bind(id.to_string())
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() == 1)
    }
}
