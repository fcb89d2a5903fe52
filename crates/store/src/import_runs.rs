//! Imports started from the back office. The upload is saved in the data folder, a run is
//! recorded and its job enqueued in one transaction; a worker runs it (see the web crate's
//! worker), writing progress as it goes, so the page can show how far it is and the outcome
//! stays on record.

use chrono::{DateTime, SubsecRound, Utc};
use serde::Serialize;

use crate::audit;
use crate::db::{Db, Row, sql};
use crate::error::StoreError;
use crate::jobs;

/// The job queue import runs travel on; the payload is `{"run": id}`.
pub const QUEUE: &str = "import";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportRun {
    pub id: i64,
    /// `roster` (the only kind the back office takes so far).
    pub kind: String,
    /// As uploaded, for people to recognise.
    pub file_name: String,
    /// The file's name in the imports folder.
    pub stored_name: String,
    pub size_bytes: i64,
    pub started_by: String,
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    pub rows_read: i64,
    pub bytes_read: i64,
    pub inserted: Option<i64>,
    pub updated: Option<i64>,
    pub unchanged: Option<i64>,
    pub rejected: Option<i64>,
    pub error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
}

/// What a finished run counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunCounts {
    pub rows_read: i64,
    pub inserted: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub rejected: i64,
}

/// The columns [`run_from_row`] reads, followed by the rest of a query. A macro, not a const,
/// so `concat!` can make it static SQL.
macro_rules! concat_columns {
    ($rest:literal) => {
        concat!(
            "SELECT r.id, r.kind, r.file_name, r.stored_name, r.size_bytes, \
             u.username AS started_by, r.status, r.rows_read, r.bytes_read, r.inserted, \
             r.updated, r.unchanged, r.rejected, r.error, r.created_at, r.started_at, \
             r.finished_at FROM import_runs r JOIN staff_users u ON u.id = r.started_by",
            $rest
        )
    };
}

fn run_from_row(row: &Row) -> Result<ImportRun, StoreError> {
    Ok(ImportRun {
        id: row.get("id")?,
        kind: row.get("kind")?,
        file_name: row.get("file_name")?,
        stored_name: row.get("stored_name")?,
        size_bytes: row.get("size_bytes")?,
        started_by: row.get("started_by")?,
        status: row.get("status")?,
        rows_read: row.get("rows_read")?,
        bytes_read: row.get("bytes_read")?,
        inserted: row.get("inserted")?,
        updated: row.get("updated")?,
        unchanged: row.get("unchanged")?,
        rejected: row.get("rejected")?,
        error: row.get("error")?,
        created_at: row.get("created_at")?,
        started_at: row.get("started_at")?,
        finished_at: row.get("finished_at")?,
    })
}

/// Records an uploaded file as a queued run and enqueues its job; gives the run's id.
pub async fn queue(
    db: &Db,
    kind: &str,
    file_name: &str,
    stored_name: &str,
    size_bytes: i64,
    started_by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let now = now.trunc_subsecs(6);
    let mut tx = db.begin().await?;
    let id: i64 = sql(
        "INSERT INTO import_runs (kind, file_name, stored_name, size_bytes, started_by, status, \
         rows_read, bytes_read, created_at) VALUES ($1, $2, $3, $4, $5, 'queued', 0, 0, $6) RETURNING id",
    )
    .bind(kind.to_owned())
    .bind(file_name.to_owned())
    .bind(stored_name.to_owned())
    .bind(size_bytes)
    .bind(started_by)
    .bind(now)
    .fetch_one(&mut tx)
    .await?
    .get("id")?;
    // One attempt: an import is safe to run again, but a file that failed once fails again;
    // the person who uploaded it decides.
    jobs::enqueue(
        &mut tx,
        QUEUE,
        &serde_json::json!({ "run": id }),
        now,
        1,
        now,
    )
    .await?;
    let by = sql("SELECT username, role FROM staff_users WHERE id = $1")
        .bind(started_by)
        .fetch_one(&mut tx)
        .await?;
    let (username, role): (String, String) = (by.get("username")?, by.get("role")?);
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: audit::Actor {
                name: &username,
                role: &role,
            },
            action: "import.queued",
            subject: Some(&id.to_string()),
            details: serde_json::json!({
                "run": id,
                "kind": kind,
                "file": file_name,
                "stored_as": stored_name,
                "bytes": size_bytes,
            }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn get(db: &Db, id: i64) -> Result<Option<ImportRun>, StoreError> {
    sql(concat_columns!(" WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await?
        .map(|row| run_from_row(&row))
        .transpose()
}

/// The latest runs, newest first.
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<ImportRun>, StoreError> {
    sql(concat_columns!(
        " ORDER BY r.created_at DESC, r.id DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(db)
    .await?
    .iter()
    .map(run_from_row)
    .collect()
}

pub async fn mark_running(db: &Db, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    sql("UPDATE import_runs SET status = 'running', started_at = $1 WHERE id = $2")
        .bind(now.trunc_subsecs(6))
        .bind(id)
        .execute_alone(db)
        .await
        .map(|_| ())
}

pub async fn record_progress(
    db: &Db,
    id: i64,
    rows_read: i64,
    bytes_read: i64,
) -> Result<(), StoreError> {
    sql("UPDATE import_runs SET rows_read = $1, bytes_read = $2 WHERE id = $3 AND status = 'running'")
        .bind(rows_read)
        .bind(bytes_read)
        .bind(id)
        .execute_alone(db)
        .await
        .map(|_| ())
}

pub async fn finish(
    db: &Db,
    id: i64,
    counts: RunCounts,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sql("UPDATE import_runs SET status = 'done', rows_read = $1, bytes_read = size_bytes, \
         inserted = $2, updated = $3, unchanged = $4, rejected = $5, finished_at = $6 WHERE id = $7")
    .bind(counts.rows_read)
    .bind(counts.inserted)
    .bind(counts.updated)
    .bind(counts.unchanged)
    .bind(counts.rejected)
    .bind(now.trunc_subsecs(6))
    .bind(id)
    .execute_alone(db)
    .await
    .map(|_| ())
}

/// The run stopped: `error` says why in words an administrator can act on.
pub async fn fail(db: &Db, id: i64, error: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    sql("UPDATE import_runs SET status = 'failed', error = $1, finished_at = $2 WHERE id = $3")
        .bind(error.to_owned())
        .bind(now.trunc_subsecs(6))
        .bind(id)
        .execute_alone(db)
        .await
        .map(|_| ())
}
