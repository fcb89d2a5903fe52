//! Checking a user name and password, with throttling: after a few failures for one user name
//! (or many from one address) further attempts are refused unchecked for a while, so guessing
//! a password online takes years. Failures are counted in the database, so every node of a
//! cluster counts the same ones.

use chrono::{DateTime, Duration, Utc};

use super::{
    StaffUser, normalise_username, password, user_columns, user_from_row, user_tables,
    verify_off_runtime,
};
use crate::audit;
use crate::db::{Db, sql};
use crate::error::StoreError;

/// Failures for one user name within [`THROTTLE_WINDOW`] after which sign-in is refused.
pub const THROTTLE_AFTER_FAILURES: i64 = 5;
/// Failures from one address (many user names tried) within the window after which it is refused.
const THROTTLE_ADDRESS_AFTER: i64 = 30;
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInOutcome {
    SignedIn(StaffUser),
    /// Unknown user name, wrong password or disabled account: one answer for all, so the page
    /// reveals neither which user names exist nor which accounts are disabled.
    Refused,
    /// Too many failures lately; nothing was checked.
    Throttled,
}

pub async fn sign_in(
    db: &Db,
    username: &str,
    password_typed: &str,
    client_ip: &str,
    now: DateTime<Utc>,
) -> Result<SignInOutcome, StoreError> {
    let username = normalise_username(username).unwrap_or_else(|_| username.trim().to_lowercase());
    if throttled(db, &username, client_ip, now).await? {
        return Ok(SignInOutcome::Throttled);
    }
    let row = sql(concat!(
        "SELECT u.password_hash, ",
        user_columns!(),
        " FROM ",
        user_tables!(),
        " WHERE u.username = $1"
    ))
    .bind(username.clone())
    .fetch_optional(db)
    .await?;
    let (stored, user) = match &row {
        Some(row) => (
            row.get::<String>("password_hash")?,
            Some(user_from_row(row)?),
        ),
        None => (password::decoy_hash().to_owned(), None),
    };
    let matches = verify_off_runtime(password_typed.to_owned(), stored).await?;
    match user {
        Some(user) if matches && !user.disabled => {
            signed_in(db, &user, client_ip, now).await?;
            Ok(SignInOutcome::SignedIn(user))
        }
        _ => {
            record_failure(db, &username, client_ip, now).await?;
            Ok(SignInOutcome::Refused)
        }
    }
}

async fn throttled(
    db: &Db,
    username: &str,
    client_ip: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let since = now - THROTTLE_WINDOW;
    let for_user: i64 =
        sql("SELECT COUNT(*) AS n FROM failed_sign_ins WHERE username = $1 AND at > $2")
            .bind(username.to_owned())
            .bind(since)
            .fetch_one(db)
            .await?
            .get("n")?;
    if for_user >= THROTTLE_AFTER_FAILURES {
        return Ok(true);
    }
    let for_address: i64 =
        sql("SELECT COUNT(*) AS n FROM failed_sign_ins WHERE client_ip = $1 AND at > $2")
            .bind(client_ip.to_owned())
            .bind(since)
            .fetch_one(db)
            .await?
            .get("n")?;
    Ok(for_address >= THROTTLE_ADDRESS_AFTER)
}

async fn record_failure(
    db: &Db,
    username: &str,
    client_ip: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    sql("INSERT INTO failed_sign_ins (username, client_ip, at) VALUES ($1, $2, $3)")
        .bind(username.to_owned())
        .bind(client_ip.to_owned())
        .bind(now)
        .execute(&mut tx)
        .await?;
    // Old failures throttle nothing any more.
    sql("DELETE FROM failed_sign_ins WHERE at < $1")
        .bind(now - Duration::days(1))
        .execute(&mut tx)
        .await?;
    tx.commit().await
}

/// Forgets the user's failures and records the sign-in. Failed attempts are not audited: they
/// are counted in `failed_sign_ins`, and anyone on the internet could fill the log with them.
async fn signed_in(
    db: &Db,
    user: &StaffUser,
    client_ip: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    sql("DELETE FROM failed_sign_ins WHERE username = $1")
        .bind(user.username.clone())
        .execute(&mut tx)
        .await?;
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: user.audit_actor(),
            action: "account.sign_in",
            subject: Some(&user.username),
            details: serde_json::json!({ "user": user.id, "from": client_ip }),
        },
        now,
    )
    .await?;
    tx.commit().await
}
