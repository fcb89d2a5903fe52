//! Personal API tokens: a staff member makes one in the back office for a program of theirs,
//! which then calls the JSON API as them — with their role and scope as they are at each
//! request, never more. Like a session cookie, the token is random and only its SHA-256 is
//! kept; unlike a session it is sent by a program in the `Authorization` header, lives for days
//! rather than hours, and ends when its owner revokes it, when it expires, or when the account
//! is disabled or its password reset by an administrator. See docs/decisions/0015-api-tokens.md.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use sha2::{Digest, Sha256};

use super::{StaffUser, user_columns, user_from_row};
use crate::audit;
use crate::db::{Db, Row, Tx, sql};
use crate::error::StoreError;
use crate::vault::random_token;

/// Every token starts with this, so that a leaked one is recognisable (in a log, a commit, a
/// secret scanner) as a Netral token.
pub const TOKEN_PREFIX: &str = "ntr_";
/// Longest name a token may have; the name says which program holds it.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest a token may live. A token that never expires outlives the program, and the
/// person, it was made for.
pub const MAX_LIFETIME_DAYS: i64 = 365;
/// Live (unrevoked, unexpired) tokens one account may hold at once.
pub const MAX_LIVE_TOKENS: i64 = 20;
/// `last_used_at` is written at most this often, not on every call.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// A token as its owner's list shows it; the secret itself is never stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl ApiToken {
    /// Whether the token still opens the API (its account aside).
    pub fn is_live(&self, now: DateTime<Utc>) -> bool {
        self.revoked_at.is_none() && self.expires_at > now
    }
}

/// A token just made: the secret is here, once, for the page that shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedToken {
    pub id: i64,
    pub secret: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("the token needs a name saying which program holds it")]
    EmptyName,
    #[error("the token's name is longer than {MAX_NAME_CHARS} characters")]
    NameTooLong,
    #[error("a token lives 1 to {MAX_LIFETIME_DAYS} days, not {0}")]
    BadLifetime(i64),
    #[error("an account holds at most {MAX_LIVE_TOKENS} live tokens; revoke one first")]
    TooMany,
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Makes a token for `user`, living `lifetime_days`, and records it in the audit log. The
/// caller has checked that `user` is signed in with everything sign-in asks (second factor
/// included): a token must not be a way around it.
pub async fn create(
    db: &Db,
    user: &StaffUser,
    name: &str,
    lifetime_days: i64,
    now: DateTime<Utc>,
) -> Result<IssuedToken, TokenError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(TokenError::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(TokenError::NameTooLong);
    }
    if !(1..=MAX_LIFETIME_DAYS).contains(&lifetime_days) {
        return Err(TokenError::BadLifetime(lifetime_days));
    }
    let now = now.trunc_subsecs(6);
    let expires_at = now + Duration::days(lifetime_days);
    let secret = format!("{TOKEN_PREFIX}{}", random_token(32));
    let mut tx = db.begin().await?;
    let live: i64 = sql(
        "SELECT COUNT(*) AS n FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL \
         AND expires_at > $2",
    )
    .bind(user.id)
    .bind(now)
    .fetch_one(&mut tx)
    .await?
    .get("n")?;
    if live >= MAX_LIVE_TOKENS {
        return Err(TokenError::TooMany);
    }
    let id: i64 = sql(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(user.id)
    .bind(name.to_owned())
    .bind(token_hash(&secret))
    .bind(now)
    .bind(expires_at)
    .fetch_one(&mut tx)
    .await?
    .get("id")?;
    // The name is typed text and stays in its table; the log names the token by its id.
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: user.audit_actor(),
            action: "api_token.create",
            subject: Some(&user.username),
            details: serde_json::json!({
                "user": user.id,
                "token": id,
                "days": lifetime_days,
            }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(IssuedToken {
        id,
        secret,
        expires_at,
    })
}

/// The account's tokens, newest first, revoked and expired ones included.
pub async fn list(db: &Db, user_id: i64) -> Result<Vec<ApiToken>, StoreError> {
    sql(
        "SELECT id, name, created_at, expires_at, last_used_at, revoked_at FROM api_tokens \
         WHERE user_id = $1 ORDER BY created_at DESC, id DESC",
    )
    .bind(user_id)
    .fetch_all(db)
    .await?
    .iter()
    .map(token_from_row)
    .collect()
}

fn token_from_row(row: &Row) -> Result<ApiToken, StoreError> {
    Ok(ApiToken {
        id: row.get("id")?,
        name: row.get("name")?,
        created_at: row.get("created_at")?,
        expires_at: row.get("expires_at")?,
        last_used_at: row.get("last_used_at")?,
        revoked_at: row.get("revoked_at")?,
    })
}

/// Revokes one of `user`'s own tokens. False, changing nothing, for a token that is not
/// theirs, does not exist or was revoked already: nobody revokes someone else's token here.
pub async fn revoke(
    db: &Db,
    user: &StaffUser,
    token_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let now = now.trunc_subsecs(6);
    let mut tx = db.begin().await?;
    let changed = sql(
        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 \
         AND revoked_at IS NULL",
    )
    .bind(now)
    .bind(token_id)
    .bind(user.id)
    .execute(&mut tx)
    .await?;
    if changed == 0 {
        return Ok(false);
    }
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: user.audit_actor(),
            action: "api_token.revoke",
            subject: Some(&user.username),
            details: serde_json::json!({ "user": user.id, "token": token_id }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Ends every live token of an account, in the transaction that disables it or resets its
/// password; the audit entry of that change covers this too. Gives how many were live.
pub(crate) async fn revoke_all(
    tx: &mut Tx,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    sql("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
        .bind(now.trunc_subsecs(6))
        .bind(user_id)
        .execute(tx)
        .await
}

/// The account a token acts for, as the account is now: `None` for an unknown, revoked or
/// expired token, and for a disabled account or one whose password an administrator reset.
/// Notes the use (at most once a minute).
pub async fn authenticate(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<StaffUser>, StoreError> {
    if !token.starts_with(TOKEN_PREFIX) {
        return Ok(None);
    }
    let row = sql(concat!(
        "SELECT t.id AS token_id, t.last_used_at, ",
        user_columns!(),
        " FROM api_tokens t JOIN staff_users u ON u.id = t.user_id \
         LEFT JOIN agencies a ON a.id = u.scope_agency_id \
         LEFT JOIN regions pr ON pr.code = u.scope_province \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2 \
         AND u.disabled_at IS NULL AND u.must_change_password = FALSE"
    ))
    .bind(token_hash(token))
    .bind(now)
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let user = user_from_row(&row)?;
    let last_used: Option<DateTime<Utc>> = row.get("last_used_at")?;
    if last_used.is_none_or(|at| now - at > TOUCH_EVERY) {
        let id: i64 = row.get("token_id")?;
        sql("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(now.trunc_subsecs(6))
            .bind(id)
            .execute_alone(db)
            .await?;
    }
    Ok(Some(user))
}
