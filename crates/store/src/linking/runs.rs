//! Cross-check runs: one election's candidates against the whole roster. The back office
//! queues a run ([`queue_run`]) and the worker runs it ([`run_queued`]); `netral link` runs one
//! at once ([`run_cross_check`]). Either way, at most one run per election is queued or running
//! (a partial unique index), the roster is streamed to the engine in batches through a bounded
//! channel, and the proposals are written with the run's outcome in one transaction.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, SubsecRound, Utc};
use netral_link::kpu::RosterRow;
use netral_link::{LinkOptions, LinkOutcome, LinkStats, Model};

use super::proposals::{rejected_pairs, store_proposals};
use super::sources::{election_candidates, for_each_roster_batch};
use crate::accounts::StaffUser;
use crate::audit;
use crate::db::{Db, Row, Tx, sql};
use crate::error::StoreError;
use crate::jobs;

/// The job queue runs from the back office travel on; the payload is `{"run": id}`.
pub const QUEUE: &str = "link";
/// Roster batches read ahead of the engine: with 50,000 rows a batch, a few tens of MB.
const BATCHES_AHEAD: usize = 2;
/// A run still queued or running after this long is taken for abandoned (its process died)
/// and no longer keeps the election from being run again.
pub const STALE_AFTER: Duration = Duration::hours(6);

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("a cross-check of this election is already queued or running (run {0})")]
    AlreadyActive(i64),
    #[error("no such cross-check run")]
    NotFound,
    #[error("the matching engine stopped: {0}")]
    Engine(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A run as the back office shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRun {
    pub id: i64,
    pub election: String,
    /// The staff member's username; `None` for `netral link`.
    pub started_by: Option<String>,
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Roster rows read so far.
    pub progress: i64,
    pub roster_rows: Option<i64>,
    pub queries: Option<i64>,
    pub pairs_compared: Option<i64>,
    pub matches: Option<i64>,
    pub reviews: Option<i64>,
    /// Proposals new to the table (pairs already known are not proposed again).
    pub added: Option<i64>,
    pub error: Option<String>,
}

/// What asking for a run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueOutcome {
    Queued(i64),
    /// A run of the election is already queued or running: nothing new was queued.
    AlreadyActive(i64),
}

/// What a finished run found.
#[derive(Debug)]
pub struct RunSummary {
    pub run_id: i64,
    pub stats: LinkStats,
    /// The model the run scored with (estimated from the data unless one was given).
    pub model: Model,
    /// Proposals new to the table.
    pub added: u64,
}

macro_rules! runs_where {
    ($tail:literal) => {
        concat!(
            "SELECT r.id, r.election_code, u.username AS started_by, r.status, r.created_at, \
             r.started_at, r.finished_at, r.progress, r.roster_rows, r.queries, r.pairs_compared, \
             r.matches, r.reviews, r.added, r.error \
             FROM link_runs r LEFT JOIN staff_users u ON u.id = r.started_by ",
            $tail
        )
    };
}

fn run(row: &Row) -> Result<LinkRun, StoreError> {
    Ok(LinkRun {
        id: row.get("id")?,
        election: row.get("election_code")?,
        started_by: row.get("started_by")?,
        status: row.get("status")?,
        created_at: row.get("created_at")?,
        started_at: row.get("started_at")?,
        finished_at: row.get("finished_at")?,
        progress: row.get("progress")?,
        roster_rows: row.get("roster_rows")?,
        queries: row.get("queries")?,
        pairs_compared: row.get("pairs_compared")?,
        matches: row.get("matches")?,
        reviews: row.get("reviews")?,
        added: row.get("added")?,
        error: row.get("error")?,
    })
}

pub async fn get(db: &Db, id: i64) -> Result<Option<LinkRun>, StoreError> {
    sql(runs_where!("WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await?
        .as_ref()
        .map(run)
        .transpose()
}

/// The election's most recent run, if any.
pub async fn latest_run(db: &Db, election: &str) -> Result<Option<LinkRun>, StoreError> {
    sql(runs_where!(
        "WHERE r.election_code = $1 ORDER BY r.created_at DESC, r.id DESC LIMIT 1"
    ))
    .bind(election.to_owned())
    .fetch_optional(db)
    .await?
    .as_ref()
    .map(run)
    .transpose()
}

/// Fails the election's runs left queued or running for longer than [`STALE_AFTER`], then
/// gives the one still active, if any.
async fn active_run(
    tx: &mut Tx,
    election: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, StoreError> {
    sql(
        "UPDATE link_runs SET status = 'failed', finished_at = $1, error = 'abandoned: its process stopped before it finished' \
         WHERE election_code = $2 AND status IN ('queued', 'running') AND created_at < $3",
    )
    .bind(now)
    .bind(election.to_owned())
    .bind(now - STALE_AFTER)
    .execute(&mut *tx)
    .await?;
    sql("SELECT id FROM link_runs WHERE election_code = $1 AND status IN ('queued', 'running')")
        .bind(election.to_owned())
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| row.get("id"))
        .transpose()
}

fn is_unique_violation(e: &StoreError) -> bool {
    matches!(e, StoreError::Db(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()))
}

/// Records a run of `election` as queued for the worker, with its job, unless one is queued or
/// running already.
pub async fn queue_run(
    db: &Db,
    election: &str,
    user: &StaffUser,
    now: DateTime<Utc>,
) -> Result<QueueOutcome, StoreError> {
    let now = now.trunc_subsecs(6);
    let mut tx = db.begin().await?;
    if let Some(id) = active_run(&mut tx, election, now).await? {
        return Ok(QueueOutcome::AlreadyActive(id));
    }
    let inserted = sql(
        "INSERT INTO link_runs (election_code, started_by, status, created_at, progress) \
         VALUES ($1, $2, 'queued', $3, 0) RETURNING id",
    )
    .bind(election.to_owned())
    .bind(user.id)
    .bind(now)
    .fetch_one(&mut tx)
    .await;
    let id: i64 = match inserted {
        Ok(row) => row.get("id")?,
        // Another node queued one between our look and our insert (PostgreSQL).
        Err(e) if is_unique_violation(&e) => {
            drop(tx);
            let mut tx = db.begin().await?;
            let active = active_run(&mut tx, election, now).await?;
            tx.commit().await?;
            return active.map(QueueOutcome::AlreadyActive).ok_or(e);
        }
        Err(e) => return Err(e),
    };
    // One attempt: a run that failed fails again; the reviewer decides. A worker that died
    // leaves the job to be claimed again when its lease runs out.
    jobs::enqueue(
        &mut tx,
        QUEUE,
        &serde_json::json!({ "run": id }),
        now,
        1,
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: user.audit_actor(),
            action: "link.queued",
            subject: Some(&id.to_string()),
            details: serde_json::json!({ "run": id, "election": election }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(QueueOutcome::Queued(id))
}

/// Runs a cross-check of `election` at once (`netral link` in database mode): records the run
/// as running, streams the roster to the engine, stores the proposals not already known and
/// gives what the run found. `options.progress`, when given, hears from the engine as it goes;
/// the run's row counts the roster rows read, for the back office.
pub async fn run_cross_check(
    db: &Db,
    election: &str,
    started_by: Option<&StaffUser>,
    options: LinkOptions,
) -> Result<RunSummary, RunError> {
    let now = Utc::now().trunc_subsecs(6);
    let mut tx = db.begin().await?;
    if let Some(id) = active_run(&mut tx, election, now).await? {
        return Err(RunError::AlreadyActive(id));
    }
    let id: i64 = sql(
        "INSERT INTO link_runs (election_code, started_by, status, created_at, started_at, progress) \
         VALUES ($1, $2, 'running', $3, $3, 0) RETURNING id",
    )
    .bind(election.to_owned())
    .bind(started_by.map(|u| u.id))
    .bind(now)
    .fetch_one(&mut tx)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            RunError::AlreadyActive(0)
        } else {
            RunError::Store(e)
        }
    })?
    .get("id")?;
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: started_by.map_or(audit::Actor::SYSTEM, StaffUser::audit_actor),
            action: "link.started",
            subject: Some(&id.to_string()),
            details: serde_json::json!({ "run": id, "election": election }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    finish_or_fail(db, id, election, options).await
}

/// Runs the queued run `id` (the worker's part). A run found running already is run again:
/// its worker died and the job's lease ran out.
pub async fn run_queued(db: &Db, id: i64, options: LinkOptions) -> Result<RunSummary, RunError> {
    let found = get(db, id).await?.ok_or(RunError::NotFound)?;
    if !matches!(found.status.as_str(), "queued" | "running") {
        return Err(RunError::NotFound);
    }
    sql("UPDATE link_runs SET status = 'running', started_at = $1, progress = 0 WHERE id = $2")
        .bind(Utc::now().trunc_subsecs(6))
        .bind(id)
        .execute_alone(db)
        .await?;
    finish_or_fail(db, id, &found.election, options).await
}

async fn finish_or_fail(
    db: &Db,
    id: i64,
    election: &str,
    options: LinkOptions,
) -> Result<RunSummary, RunError> {
    match execute(db, id, election, options).await {
        Ok(summary) => Ok(summary),
        Err(e) => {
            sql("UPDATE link_runs SET status = 'failed', finished_at = $1, error = $2 WHERE id = $3")
                .bind(Utc::now().trunc_subsecs(6))
                .bind(e.to_string())
                .bind(id)
                .execute_alone(db)
                .await?;
            Err(e)
        }
    }
}

fn count(n: impl TryInto<i64>) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

async fn execute(
    db: &Db,
    id: i64,
    election: &str,
    mut options: LinkOptions,
) -> Result<RunSummary, RunError> {
    let candidates = election_candidates(db, election).await?;
    options.rejected = rejected_pairs(db, election).await?;
    // The engine is CPU-bound: it runs on a blocking thread and pulls roster batches from a
    // bounded channel that this task fills from the database.
    let (sender, mut receiver) = tokio::sync::mpsc::channel::<Vec<RosterRow>>(BATCHES_AHEAD);
    let engine = tokio::task::spawn_blocking(move || {
        netral_link::kpu::link(
            std::iter::from_fn(move || receiver.blocking_recv()),
            &candidates,
            &options,
        )
    });
    let read = Arc::new(AtomicI64::new(0));
    let loaded = for_each_roster_batch(db, |batch| {
        let sender = sender.clone();
        let read = read.clone();
        async move {
            let rows = count(batch.len());
            // The engine gone (it panicked): stop reading, the join below says why.
            if sender.send(batch).await.is_err() {
                return false;
            }
            let so_far = read.fetch_add(rows, Ordering::Relaxed) + rows;
            if let Err(e) = sql("UPDATE link_runs SET progress = $1 WHERE id = $2")
                .bind(so_far)
                .bind(id)
                .execute_alone(db)
                .await
            {
                tracing::warn!(error = %e, "cross-check progress not recorded");
            }
            true
        }
    })
    .await;
    drop(sender);
    let joined = engine.await;
    // A roster that could not be read whole gives no proposals: they would miss people.
    loaded?;
    let outcome: LinkOutcome = joined
        .map_err(|e| RunError::Engine(e.to_string()))?
        .map_err(|e| RunError::Engine(e.to_string()))?;
    let now = Utc::now().trunc_subsecs(6);
    let mut tx = db.begin().await?;
    let added = store_proposals(&mut tx, id, election, &outcome.proposals, now).await?;
    let stats = &outcome.stats;
    sql(
        "UPDATE link_runs SET status = 'done', finished_at = $1, roster_rows = $2, queries = $3, \
         pairs_compared = $4, matches = $5, reviews = $6, added = $7, error = NULL WHERE id = $8",
    )
    .bind(now)
    .bind(count(stats.roster_rows))
    .bind(count(stats.queries))
    .bind(count(stats.pairs_compared))
    .bind(count(stats.matches))
    .bind(count(stats.reviews))
    .bind(count(added))
    .bind(id)
    .execute(&mut tx)
    .await?;
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: audit::Actor::SYSTEM,
            action: "link.done",
            subject: Some(&id.to_string()),
            details: serde_json::json!({ "run": id, "election": election, "added": added }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(RunSummary {
        run_id: id,
        stats: outcome.stats,
        model: outcome.model,
        added,
    })
}
