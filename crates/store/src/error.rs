//! The store's error: what went wrong, in words a person can act on. Database internals stay in
//! the `source` for logs; the web edge maps these to its own user-facing messages.

use netral_domain::case::TransitionError;
use netral_domain::rules::NoRulesInForce;

use crate::case_work::CaseWorkError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot reach the database at {url}: {source}")]
    Connect { url: String, source: sqlx::Error },
    #[error("unsupported database URL `{0}`: use sqlite:PATH or postgres://USER@HOST/DATABASE")]
    UnsupportedUrl(String),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("case {0} not found")]
    CaseNotFound(String),
    #[error(
        "case {number} was changed by someone else (now at revision {actual}, you saw {expected}); reload it and try again"
    )]
    Conflict {
        number: String,
        expected: i64,
        actual: i64,
    },
    #[error(
        "case {number} was judged under rules version {version}, which is not loaded; restore that file in the rules folder"
    )]
    RulesVersionMissing { number: String, version: String },
    #[error(transparent)]
    NoRulesInForce(#[from] NoRulesInForce),
    #[error(transparent)]
    Transition(#[from] TransitionError),
    #[error(transparent)]
    CaseWork(#[from] CaseWorkError),
    #[error(
        "letter numbers are assigned by the system: send the recommendation or warning with an empty `letter_number`"
    )]
    LetterNumberAssigned,
    #[error("stored value in column `{column}` cannot be read: {message}")]
    Corrupt {
        column: &'static str,
        message: String,
    },
    /// Work sent off the async runtime (password hashing) panicked or was cancelled.
    #[error("a background task failed: {0}")]
    TaskFailed(String),
    /// Nothing of the write was kept; sending it again (same idempotency key) is safe.
    #[error("the write was not kept: {0}")]
    BatchFailed(String),
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
}
