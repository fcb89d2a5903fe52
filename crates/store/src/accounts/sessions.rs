//! Signed-in sessions, kept in the database so any node can serve any request. The browser
//! holds a random token; the table holds only its SHA-256, so a leaked backup opens nothing.
//! A session that passed the password but still owes its second factor is "half open": it
//! reaches the second-factor pages and nothing else.

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

use super::{StaffUser, user_columns, user_from_row};
use crate::db::{Db, sql};
use crate::error::StoreError;
use crate::vault::random_token;

/// Signed out after this long without a request: a screen left open in an office.
pub const IDLE_TIMEOUT: Duration = Duration::hours(2);
/// Signed out after this long whatever happens: a working day.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
/// `last_seen_at` is written at most this often, not on every request.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// A session found by its token.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: StaffUser,
    pub second_factor_done: bool,
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Opens a session and gives the token for the browser's cookie.
pub async fn open(
    db: &Db,
    user_id: i64,
    second_factor_done: bool,
    client_ip: &str,
    now: DateTime<Utc>,
) -> Result<String, StoreError> {
    let token = random_token(32);
    let hash = token_hash(&token);
    let ip = client_ip.to_owned();
    db.write(move |tx| {
        let hash = hash.clone();
        let ip = ip.clone();
        Box::pin(async move {
            sql(
                "INSERT INTO staff_sessions (token_hash, user_id, second_factor_done, created_at, \
                 last_seen_at, expires_at, client_ip) VALUES ($1, $2, $3, $4, $4, $5, $6)",
            )
            .bind(hash)
            .bind(user_id)
            .bind(second_factor_done)
            .bind(now)
            .bind(now + ABSOLUTE_TIMEOUT)
            .bind(ip)
            .execute(tx)
            .await
            .map(|_| ())
        })
    })
    .await?;
    Ok(token)
}

/// The live session for `token`, if any: not expired, not idle too long, its account not
/// disabled. Keeps it alive.
pub async fn find(db: &Db, token: &str, now: DateTime<Utc>) -> Result<Option<Session>, StoreError> {
    let hash = token_hash(token);
    let row = sql(concat!(
        "SELECT s.second_factor_done, s.last_seen_at, ",
        user_columns!(),
        " FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id \
         LEFT JOIN agencies a ON a.id = u.scope_agency_id \
         LEFT JOIN regions pr ON pr.code = u.scope_province WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 \
         AND u.disabled_at IS NULL"
    ))
    .bind(hash.clone())
    .bind(now)
    .bind(now - IDLE_TIMEOUT)
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let last_seen: DateTime<Utc> = row.get("last_seen_at")?;
    let session = Session {
        user: user_from_row(&row)?,
        second_factor_done: row.get("second_factor_done")?,
    };
    if now - last_seen > TOUCH_EVERY {
        sql("UPDATE staff_sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(hash)
            .execute_alone(db)
            .await?;
    }
    Ok(Some(session))
}

/// Marks the second factor as given.
pub async fn complete_second_factor(db: &Db, token: &str) -> Result<(), StoreError> {
    sql("UPDATE staff_sessions SET second_factor_done = TRUE WHERE token_hash = $1")
        .bind(token_hash(token))
        .execute_alone(db)
        .await
        .map(|_| ())
}

/// Signs out one session.
pub async fn close(db: &Db, token: &str) -> Result<(), StoreError> {
    sql("DELETE FROM staff_sessions WHERE token_hash = $1")
        .bind(token_hash(token))
        .execute_alone(db)
        .await
        .map(|_| ())
}

/// Signs a user out everywhere (after a reset, or when the account is disabled), or everywhere
/// but in the session `keep` (after they changed their own password).
pub(crate) async fn close_all_but(
    tx: &mut crate::db::Tx,
    user_id: i64,
    keep: Option<&str>,
) -> Result<(), StoreError> {
    sql("DELETE FROM staff_sessions WHERE user_id = $1 AND ($2 IS NULL OR token_hash <> $2)")
        .bind(user_id)
        .bind(keep.map(token_hash))
        .execute(tx)
        .await
        .map(|_| ())
}
