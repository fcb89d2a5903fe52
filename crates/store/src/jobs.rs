//! A durable job queue in the database (deadline reminders, mail, imports). Jobs are enqueued in
//! the same transaction as the write that needs them, so a job exists exactly when its cause
//! does. Several workers may share the queue: a claim is a lease, and a job whose worker died is
//! claimed again once the lease runs out.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use sqlx::types::Json;

use crate::db::{Backend, Db, Tx, sql};
use crate::error::StoreError;

#[derive(Debug, Clone, PartialEq)]
pub struct ClaimedJob {
    pub id: i64,
    pub queue: String,
    pub payload: serde_json::Value,
    /// Including this one.
    pub attempts: i64,
    pub max_attempts: i64,
}

/// Adds a job, inside the caller's transaction.
pub async fn enqueue(
    tx: &mut Tx,
    queue: &str,
    payload: &serde_json::Value,
    run_at: DateTime<Utc>,
    max_attempts: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    sql("INSERT INTO jobs (queue, payload, run_at, attempts, max_attempts, created_at) VALUES ($1, $2, $3, 0, $4, $5) RETURNING id")
        .bind(queue)
        .bind(Json(payload))
        .bind(run_at.trunc_subsecs(6))
        .bind(max_attempts)
        .bind(now.trunc_subsecs(6))
        .fetch_one(tx)
        .await?
        .get("id")
}

// PostgreSQL lets concurrent workers skip each other's locked rows; SQLite has one writer, and
// `Db::begin` takes its lock up front, so the plain form is already exclusive there.
const CLAIM_POSTGRES: &str = "UPDATE jobs SET locked_by = $1, locked_until = $2, attempts = attempts + 1 WHERE id = (\
    SELECT id FROM jobs WHERE queue = $3 AND finished_at IS NULL AND failed_at IS NULL AND run_at <= $4 \
    AND (locked_until IS NULL OR locked_until < $4) ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) \
    RETURNING id, queue, payload, attempts, max_attempts";
const CLAIM_SQLITE: &str = "UPDATE jobs SET locked_by = $1, locked_until = $2, attempts = attempts + 1 WHERE id = (\
    SELECT id FROM jobs WHERE queue = $3 AND finished_at IS NULL AND failed_at IS NULL AND run_at <= $4 \
    AND (locked_until IS NULL OR locked_until < $4) ORDER BY run_at, id LIMIT 1) \
    RETURNING id, queue, payload, attempts, max_attempts";

/// Claims the next due job of `queue` for `worker`, for at most `lease`.
pub async fn claim(
    db: &Db,
    queue: &str,
    worker: &str,
    lease: Duration,
    now: DateTime<Utc>,
) -> Result<Option<ClaimedJob>, StoreError> {
    let now = now.trunc_subsecs(6);
    let text = match db.backend() {
        Backend::Postgres => CLAIM_POSTGRES,
        Backend::Sqlite => CLAIM_SQLITE,
    };
    let mut tx = db.begin().await?;
    let row = sql(text)
        .bind(worker)
        .bind(now + lease)
        .bind(queue)
        .bind(now)
        .fetch_optional(&mut tx)
        .await?;
    tx.commit().await?;
    row.map(|row| {
        let Json(payload) = row.get("payload")?;
        Ok(ClaimedJob {
            id: row.get("id")?,
            queue: row.get("queue")?,
            payload,
            attempts: row.get("attempts")?,
            max_attempts: row.get("max_attempts")?,
        })
    })
    .transpose()
}

/// Marks a claimed job done. False when the lease had passed to another worker meanwhile.
pub async fn complete(
    db: &Db,
    job: &ClaimedJob,
    worker: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let mut tx = db.begin().await?;
    let done = sql("UPDATE jobs SET finished_at = $1, locked_by = NULL, locked_until = NULL WHERE id = $2 AND locked_by = $3 AND finished_at IS NULL")
        .bind(now.trunc_subsecs(6))
        .bind(job.id)
        .bind(worker)
        .execute(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(done == 1)
}

/// Records a failed attempt: the job runs again at `retry_at`, or is set aside as failed once
/// it has used all its attempts.
pub async fn fail(
    db: &Db,
    job: &ClaimedJob,
    worker: &str,
    error: &str,
    retry_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let gave_up = (job.attempts >= job.max_attempts).then_some(now.trunc_subsecs(6));
    let mut tx = db.begin().await?;
    sql("UPDATE jobs SET locked_by = NULL, locked_until = NULL, last_error = $1, run_at = $2, failed_at = $3 WHERE id = $4 AND locked_by = $5")
        .bind(error)
        .bind(retry_at.trunc_subsecs(6))
        .bind(gave_up)
        .bind(job.id)
        .bind(worker)
        .execute(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Jobs of `queue` not yet finished nor given up.
pub async fn pending(db: &Db, queue: &str) -> Result<i64, StoreError> {
    sql("SELECT COUNT(*) AS n FROM jobs WHERE queue = $1 AND finished_at IS NULL AND failed_at IS NULL").bind(queue).fetch_one(db).await?.get("n")
}
