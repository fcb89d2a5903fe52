//! Staff accounts of the back office: who may sign in, with which role and scope (see
//! [`netral_domain::access`]), and the means of signing in — argon2id passwords, TOTP second
//! factors, database-held sessions, and throttling of failed attempts.

pub mod api_tokens;
mod password;
pub mod second_factor;
pub mod sessions;
mod sign_in;

pub use password::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, PasswordProblem, check_policy};
pub use sign_in::{SignInOutcome, THROTTLE_AFTER_FAILURES, THROTTLE_WINDOW, sign_in};

use chrono::{DateTime, Utc};
use netral_domain::access::{Scope, ScopeSpec};
use netral_domain::case::Role;

use crate::audit;
use crate::db::{Db, Row, Tx, sql};
use crate::error::StoreError;
use crate::vault::Vault;

/// The columns [`user_from_row`] reads, from [`user_tables`]. Macros, not consts, so `concat!`
/// can splice them into static SQL.
macro_rules! user_columns {
    () => {
        "u.id, u.username, u.display_name, u.email, u.role, u.scope_kind, u.scope_province, \
         u.scope_agency_id, a.name AS scope_agency_name, pr.name AS scope_province_name, \
         u.must_change_password, u.totp_secret IS NOT NULL AS has_second_factor, \
         u.disabled_at IS NOT NULL AS disabled"
    };
}
/// An account with the names of its scope's agency or province.
macro_rules! user_tables {
    () => {
        "staff_users u LEFT JOIN agencies a ON a.id = u.scope_agency_id \
         LEFT JOIN regions pr ON pr.code = u.scope_province"
    };
}
pub(crate) use {user_columns, user_tables};

/// A staff member's account as the server sees it on each request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffUser {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub role: Role,
    pub scope: Scope,
    /// The scope in words for pages: the agency's or the province's name.
    pub scope_label: Option<String>,
    /// Set by an administrator's reset: the next sign-in must choose a new password first.
    pub must_change_password: bool,
    pub has_second_factor: bool,
    pub disabled: bool,
}

impl StaffUser {
    /// The account as the audit log names who acted.
    pub fn audit_actor(&self) -> audit::Actor<'_> {
        audit::Actor {
            name: &self.username,
            role: self.role.as_str(),
        }
    }
}

pub(crate) fn user_from_row(row: &Row) -> Result<StaffUser, StoreError> {
    let kind: String = row.get("scope_kind")?;
    let scope = match kind.as_str() {
        "national" => Scope::National,
        "province" => Scope::Province(row.parse("scope_province")?),
        "agency" => Scope::Agency(row.get("scope_agency_id")?),
        other => {
            return Err(StoreError::Corrupt {
                column: "scope_kind",
                message: format!("unknown scope kind `{other}`"),
            });
        }
    };
    let scope_label = match &scope {
        Scope::National => None,
        Scope::Province(_) => row.get("scope_province_name")?,
        Scope::Agency(_) => row.get("scope_agency_name")?,
    };
    Ok(StaffUser {
        id: row.get("id")?,
        username: row.get("username")?,
        display_name: row.get("display_name")?,
        email: row.get("email")?,
        role: row.parse("role")?,
        scope,
        scope_label,
        must_change_password: row.get("must_change_password")?,
        has_second_factor: row.get("has_second_factor")?,
        disabled: row.get("disabled")?,
    })
}

/// What an administrator (or `netral admin create-user`) fills in for a new account.
#[derive(Debug, Clone)]
pub struct NewStaffUser {
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub role: Role,
    pub scope: ScopeSpec,
    pub password: String,
    /// True when someone other than the user chose the password (an administrator): the user
    /// replaces it at first sign-in.
    pub must_change_password: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("user name `{0}` is taken")]
    UsernameTaken(String),
    #[error(
        "user name `{0}` is not allowed: use 3 to 64 lower-case letters, digits, dots, hyphens or underscores"
    )]
    BadUsername(String),
    #[error("the display name must not be empty")]
    EmptyDisplayName,
    #[error("no agency has the code `{0}`")]
    UnknownAgency(String),
    #[error("no province has the code `{0}`")]
    UnknownProvince(String),
    #[error(transparent)]
    Password(#[from] PasswordProblem),
    #[error("no account with id {0}")]
    NotFound(i64),
    #[error("the current password is not right")]
    WrongCurrentPassword,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Lower-case so that "Siti" and "siti" are one account; no spaces or symbols so a user name
/// is safe in a URL, a log line and an e-mail.
pub fn normalise_username(username: &str) -> Result<String, AccountError> {
    let name = username.trim().to_lowercase();
    let allowed = (3..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if allowed {
        Ok(name)
    } else {
        Err(AccountError::BadUsername(username.to_owned()))
    }
}

/// Creates an account; gives its id. `by` is the administrator (or [`audit::Actor::SYSTEM`]
/// for the command line) the audit log names.
pub async fn create_user(
    db: &Db,
    new: &NewStaffUser,
    by: audit::Actor<'_>,
    now: DateTime<Utc>,
) -> Result<i64, AccountError> {
    let username = normalise_username(&new.username)?;
    let display_name = new.display_name.trim().to_owned();
    if display_name.is_empty() {
        return Err(AccountError::EmptyDisplayName);
    }
    check_policy(&username, &new.password)?;
    let hash = hash_off_runtime(new.password.clone()).await?;
    let mut tx = db.begin().await?;
    let (province, agency) = resolve_scope(&mut tx, &new.scope).await?;
    let taken = sql("SELECT 1 AS one FROM staff_users WHERE username = $1")
        .bind(username.clone())
        .fetch_optional(&mut tx)
        .await?
        .is_some();
    if taken {
        return Err(AccountError::UsernameTaken(username));
    }
    let id: i64 = sql(
        "INSERT INTO staff_users (username, display_name, email, role, scope_kind, scope_province, \
         scope_agency_id, password_hash, must_change_password, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .bind(username.clone())
    .bind(display_name)
    .bind(
        new.email
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_owned),
    )
    .bind(new.role.as_str())
    .bind(scope_kind(&new.scope))
    .bind(province)
    .bind(agency)
    .bind(hash)
    .bind(new.must_change_password)
    .bind(now)
    .fetch_one(&mut tx)
    .await?
    .get("id")?;
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: by,
            action: "account.create",
            subject: Some(&username),
            details: serde_json::json!({
                "user": id,
                "role": new.role.as_str(),
                "scope": new.scope.to_string(),
            }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

fn scope_kind(scope: &ScopeSpec) -> &'static str {
    match scope {
        ScopeSpec::National => "national",
        ScopeSpec::Province(_) => "province",
        ScopeSpec::Agency(_) => "agency",
    }
}

/// The province code and agency id a scope stores, checked against the registry.
async fn resolve_scope(
    tx: &mut Tx,
    scope: &ScopeSpec,
) -> Result<(Option<String>, Option<i64>), AccountError> {
    match scope {
        ScopeSpec::National => Ok((None, None)),
        ScopeSpec::Province(code) => {
            let known = sql("SELECT 1 AS one FROM regions WHERE code = $1 AND level = 'province'")
                .bind(code.as_str().to_owned())
                .fetch_optional(tx)
                .await?
                .is_some();
            if known {
                Ok((Some(code.as_str().to_owned()), None))
            } else {
                Err(AccountError::UnknownProvince(code.as_str().to_owned()))
            }
        }
        ScopeSpec::Agency(code) => {
            let row = sql("SELECT id FROM agencies WHERE code = $1")
                .bind(code.clone())
                .fetch_optional(tx)
                .await?;
            match row {
                Some(row) => Ok((None, Some(row.get("id")?))),
                None => Err(AccountError::UnknownAgency(code.clone())),
            }
        }
    }
}

pub async fn get_user(db: &Db, id: i64) -> Result<Option<StaffUser>, StoreError> {
    sql(concat!(
        "SELECT ",
        user_columns!(),
        " FROM ",
        user_tables!(),
        " WHERE u.id = $1"
    ))
    .bind(id)
    .fetch_optional(db)
    .await?
    .map(|row| user_from_row(&row))
    .transpose()
}

/// Every account, by user name: the administrator's list.
pub async fn list_users(db: &Db) -> Result<Vec<StaffUser>, StoreError> {
    sql(concat!(
        "SELECT ",
        user_columns!(),
        " FROM ",
        user_tables!(),
        " ORDER BY u.username"
    ))
    .fetch_all(db)
    .await?
    .iter()
    .map(user_from_row)
    .collect()
}

/// An administrator sets a new password for someone who lost theirs: every session of that
/// account ends, and the user must choose their own password at the next sign-in.
pub async fn reset_password(
    db: &Db,
    user_id: i64,
    new_password: &str,
    by: audit::Actor<'_>,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let user = get_user(db, user_id)
        .await?
        .ok_or(AccountError::NotFound(user_id))?;
    check_policy(&user.username, new_password)?;
    let hash = hash_off_runtime(new_password.to_owned()).await?;
    let change = PasswordChange {
        must_change: true,
        keep_session: None,
        by,
        action: "account.reset_password",
    };
    store_password(db, user_id, hash, change, now).await
}

/// The user replaces their own password, proving they know the current one. Their other
/// sessions end (someone who knew the old password is signed out); `keep_session`, the token of
/// the session in use, stays open.
pub async fn change_password(
    db: &Db,
    user_id: i64,
    current: &str,
    new_password: &str,
    keep_session: &str,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let user = get_user(db, user_id)
        .await?
        .ok_or(AccountError::NotFound(user_id))?;
    let stored = password_hash(db, user_id).await?;
    if !verify_off_runtime(current.to_owned(), stored).await? {
        return Err(AccountError::WrongCurrentPassword);
    }
    check_policy(&user.username, new_password)?;
    let hash = hash_off_runtime(new_password.to_owned()).await?;
    let change = PasswordChange {
        must_change: false,
        keep_session: Some(keep_session),
        by: user.audit_actor(),
        action: "account.change_password",
    };
    store_password(db, user_id, hash, change, now).await
}

/// How a password is being replaced, and by whom.
struct PasswordChange<'a> {
    must_change: bool,
    keep_session: Option<&'a str>,
    by: audit::Actor<'a>,
    action: &'static str,
}

async fn store_password(
    db: &Db,
    user_id: i64,
    hash: String,
    change: PasswordChange<'_>,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let mut tx = db.begin().await?;
    let username: String = sql(
        "UPDATE staff_users SET password_hash = $1, must_change_password = $2, updated_at = $3 \
         WHERE id = $4 RETURNING username",
    )
    .bind(hash)
    .bind(change.must_change)
    .bind(now)
    .bind(user_id)
    .fetch_optional(&mut tx)
    .await?
    .ok_or(AccountError::NotFound(user_id))?
    .get("username")?;
    sessions::close_all_but(&mut tx, user_id, change.keep_session).await?;
    if change.keep_session.is_none() {
        // An administrator's reset: whoever knew the old password may have made tokens too.
        // The user's own change keeps them (they see and revoke them on their tokens page).
        api_tokens::revoke_all(&mut tx, user_id, now).await?;
    }
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: change.by,
            action: change.action,
            subject: Some(&username),
            details: serde_json::json!({ "user": user_id }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Disables or re-enables an account; disabling ends its sessions at once. An unknown id
/// changes nothing.
pub async fn set_disabled(
    db: &Db,
    user_id: i64,
    disabled: bool,
    by: audit::Actor<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let Some(row) = sql(
        "UPDATE staff_users SET disabled_at = $1, updated_at = $2 WHERE id = $3 RETURNING username",
    )
    .bind(disabled.then_some(now))
    .bind(now)
    .bind(user_id)
    .fetch_optional(&mut tx)
    .await?
    else {
        return Ok(());
    };
    let username: String = row.get("username")?;
    if disabled {
        sessions::close_all_but(&mut tx, user_id, None).await?;
        // Revoked, not only refused while disabled: enabling the account again must not
        // bring back tokens that programs somewhere may still hold.
        api_tokens::revoke_all(&mut tx, user_id, now).await?;
    }
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: by,
            action: if disabled {
                "account.disable"
            } else {
                "account.enable"
            },
            subject: Some(&username),
            details: serde_json::json!({ "user": user_id }),
        },
        now,
    )
    .await?;
    tx.commit().await
}

/// Forgets the account's second factor, for someone who lost their authenticator: their
/// sessions end, and at the next sign-in a role that needs a second factor enrols a new one
/// before reaching any page. An unknown id changes nothing.
pub async fn reset_second_factor(
    db: &Db,
    user_id: i64,
    by: audit::Actor<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let Some(row) = sql(
        "UPDATE staff_users SET totp_secret = NULL, totp_last_step = NULL, updated_at = $1 \
         WHERE id = $2 RETURNING username",
    )
    .bind(now)
    .bind(user_id)
    .fetch_optional(&mut tx)
    .await?
    else {
        return Ok(());
    };
    let username: String = row.get("username")?;
    sessions::close_all_but(&mut tx, user_id, None).await?;
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: by,
            action: "account.second_factor_reset",
            subject: Some(&username),
            details: serde_json::json!({ "user": user_id }),
        },
        now,
    )
    .await?;
    tx.commit().await
}

async fn password_hash(db: &Db, user_id: i64) -> Result<String, StoreError> {
    sql("SELECT password_hash FROM staff_users WHERE id = $1")
        .bind(user_id)
        .fetch_one(db)
        .await?
        .get("password_hash")
}

/// Stores a second factor the user has just proven they hold (`code` from their app, for the
/// `secret_base32` they were shown). Returns false, storing nothing, when the code is wrong.
pub async fn enable_second_factor(
    db: &Db,
    vault: &Vault,
    user_id: i64,
    secret_base32: &str,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let Some(step) = second_factor::accepted_step(secret_base32, code, unix_secs(now)) else {
        return Ok(false);
    };
    let sealed = vault.seal(secret_base32.as_bytes(), &second_factor_context(user_id));
    let mut tx = db.begin().await?;
    let Some(row) = sql(
        "UPDATE staff_users SET totp_secret = $1, totp_last_step = $2, updated_at = $3 WHERE id = $4 \
         RETURNING username, role",
    )
    .bind(sealed)
    .bind(i64::try_from(step).unwrap_or(i64::MAX))
    .bind(now)
    .bind(user_id)
    .fetch_optional(&mut tx)
    .await?
    else {
        return Ok(false);
    };
    let (username, role): (String, String) = (row.get("username")?, row.get("role")?);
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: audit::Actor {
                name: &username,
                role: &role,
            },
            action: "account.second_factor",
            subject: Some(&username),
            details: serde_json::json!({ "user": user_id }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Whether `code` is a fresh, right code from the user's app. A code is accepted once: the
/// same or an earlier step is refused afterwards.
pub async fn check_second_factor(
    db: &Db,
    vault: &Vault,
    user_id: i64,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let mut tx = db.begin().await?;
    let Some(row) = sql("SELECT totp_secret, totp_last_step FROM staff_users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut tx)
        .await?
    else {
        return Ok(false);
    };
    let Some(sealed) = row.get::<Option<Vec<u8>>>("totp_secret")? else {
        return Ok(false);
    };
    let last_step: Option<i64> = row.get("totp_last_step")?;
    let secret = vault
        .open(&sealed, &second_factor_context(user_id))
        .map_err(|_| StoreError::Corrupt {
            column: "totp_secret",
            message: "cannot be opened with this server's key".to_owned(),
        })?;
    let secret = String::from_utf8_lossy(&secret).into_owned();
    let Some(step) = second_factor::accepted_step(&secret, code, unix_secs(now)) else {
        return Ok(false);
    };
    let step = i64::try_from(step).unwrap_or(i64::MAX);
    if last_step.is_some_and(|last| step <= last) {
        return Ok(false);
    }
    sql("UPDATE staff_users SET totp_last_step = $1 WHERE id = $2")
        .bind(step)
        .bind(user_id)
        .execute(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

fn second_factor_context(user_id: i64) -> String {
    format!("staff-totp:{user_id}")
}

fn unix_secs(now: DateTime<Utc>) -> u64 {
    u64::try_from(now.timestamp()).unwrap_or(0)
}

async fn hash_off_runtime(password: String) -> Result<String, StoreError> {
    tokio::task::spawn_blocking(move || password::hash(&password))
        .await
        .map_err(|e| StoreError::TaskFailed(format!("password hashing: {e}")))
}

pub(crate) async fn verify_off_runtime(
    password: String,
    stored: String,
) -> Result<bool, StoreError> {
    tokio::task::spawn_blocking(move || password::verify(&password, &stored))
        .await
        .map_err(|e| StoreError::TaskFailed(format!("password check: {e}")))
}
