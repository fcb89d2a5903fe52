//! The background worker: takes jobs from the database queue and runs them: imports and
//! candidate cross-checks started from the back office, letters to PPKs (see
//! [`crate::letters`]) and mail (see [`crate::mail`]); now and then it also sweeps the
//! deadlines for reminders. Several processes may run it against one PostgreSQL: jobs are
//! claimed with a lease, and the sweep queues each notice once whoever runs it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use chrono::Utc;
use netral_store::StoreError;
use netral_store::import_runs::{self, RunCounts};
use netral_store::jobs::{self, ClaimedJob};
use netral_store::linking;
use netral_store::roster_import::{ImportOptions, import_roster};

use crate::app::AppState;

/// How long a worker may hold an import before another may take it over: imports of a whole
/// country take minutes, and a worker that died must not hold one for ever.
const IMPORT_LEASE: chrono::Duration = chrono::Duration::hours(2);
/// How long a worker may hold a candidate cross-check before another may take it over.
const LINK_LEASE: chrono::Duration = chrono::Duration::hours(1);
/// How often the page's progress is written while an import runs.
const PROGRESS_EVERY: Duration = Duration::from_millis(500);
/// How long the worker sleeps when the queue is empty.
const IDLE: Duration = Duration::from_secs(2);
/// How often deadlines are swept for reminders: deadlines are whole days, so hourly is plenty.
const DEADLINE_SWEEP_EVERY: Duration = Duration::from_secs(3600);

/// Runs jobs until `shutdown` resolves; a job in progress is finished first.
pub async fn run(state: AppState, shutdown: impl std::future::Future<Output = ()>) {
    let worker = worker_name();
    tokio::pin!(shutdown);
    let mut next_sweep = tokio::time::Instant::now();
    loop {
        if tokio::time::Instant::now() >= next_sweep {
            next_sweep += DEADLINE_SWEEP_EVERY;
            if let Err(e) = crate::mail::sweep_deadlines(&state, Utc::now()).await {
                tracing::error!(error = %e, "the deadline sweep failed");
            }
        }
        match run_due(&state, &worker).await {
            Ok(0) => {}
            Ok(_) => continue,
            Err(e) => tracing::error!(error = %e, "the job worker could not reach the queue"),
        }
        tokio::select! {
            () = &mut shutdown => return,
            () = tokio::time::sleep(IDLE) => {}
        }
    }
}

/// This process's name in the queue's leases.
pub fn worker_name() -> String {
    format!(
        "{}-{}",
        std::process::id(),
        netral_store::vault::random_token(6)
    )
}

/// Runs every job due now; gives how many ran.
pub async fn run_due(state: &AppState, worker: &str) -> Result<usize, StoreError> {
    let mut ran = 0;
    while let Some(job) = jobs::claim(
        &state.db,
        import_runs::QUEUE,
        worker,
        IMPORT_LEASE,
        Utc::now(),
    )
    .await?
    {
        run_import(state, &job, worker).await?;
        ran += 1;
    }
    while let Some(job) = jobs::claim(
        &state.db,
        linking::runs::QUEUE,
        worker,
        LINK_LEASE,
        Utc::now(),
    )
    .await?
    {
        run_cross_check(state, &job, worker).await?;
        ran += 1;
    }
    // Letters before mail: a recommendation's notice waits for its PDF and goes with it.
    ran += crate::letters::render_due(state, worker, Utc::now()).await?;
    ran += crate::mail::send_due(state, worker, Utc::now()).await?;
    Ok(ran)
}

async fn run_import(state: &AppState, job: &ClaimedJob, worker: &str) -> Result<(), StoreError> {
    let db = &state.db;
    let Some(id) = job.payload.get("run").and_then(serde_json::Value::as_i64) else {
        let now = Utc::now();
        return jobs::fail(db, job, worker, "the job names no import run", now, now).await;
    };
    let Some(run) = import_runs::get(db, id).await? else {
        let now = Utc::now();
        return jobs::fail(db, job, worker, "the import run is gone", now, now).await;
    };
    import_runs::mark_running(db, id, Utc::now()).await?;
    let path = state.imports.dir.join(&run.stored_name);
    let mut options = ImportOptions::new(format!("web-{id}"), Utc::now());
    options.report_path = Some(state.imports.report_path(&run.stored_name));
    options.file_label = Some(run.file_name.clone());

    // The import calls back synchronously from its pipeline; a separate task writes the
    // figures to the database at a steady pace.
    let rows = Arc::new(AtomicU64::new(0));
    let bytes = Arc::new(AtomicU64::new(0));
    let reporter = {
        let (db, rows, bytes) = (db.clone(), rows.clone(), bytes.clone());
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(PROGRESS_EVERY).await;
                let read = i64::try_from(rows.load(Ordering::Relaxed)).unwrap_or(i64::MAX);
                let done = i64::try_from(bytes.load(Ordering::Relaxed)).unwrap_or(i64::MAX);
                if let Err(e) = import_runs::record_progress(&db, id, read, done).await {
                    tracing::warn!(error = %e, "import progress not recorded");
                }
            }
        })
    };
    let outcome = import_roster(db, &path, options, |read, done| {
        rows.store(read, Ordering::Relaxed);
        bytes.store(done, Ordering::Relaxed);
    })
    .await;
    reporter.abort();
    let now = Utc::now();
    match outcome {
        Ok(summary) => {
            let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
            let counts = RunCounts {
                rows_read: count(summary.rows_read),
                inserted: count(summary.inserted),
                updated: count(summary.updated),
                unchanged: count(summary.unchanged),
                rejected: count(summary.rejected),
            };
            import_runs::finish(db, id, counts, now).await?;
            jobs::complete(db, job, worker, now).await?;
        }
        Err(e) => {
            let message = e.to_string();
            import_runs::fail(db, id, &message, now).await?;
            jobs::fail(db, job, worker, &message, now, now).await?;
        }
    }
    Ok(())
}

/// Runs a candidate cross-check queued from the back office; the run records its own outcome
/// (and its failure), the job only whether it ran.
async fn run_cross_check(
    state: &AppState,
    job: &ClaimedJob,
    worker: &str,
) -> Result<(), StoreError> {
    let db = &state.db;
    let Some(id) = job.payload.get("run").and_then(serde_json::Value::as_i64) else {
        let now = Utc::now();
        return jobs::fail(
            db,
            job,
            worker,
            "the job names no cross-check run",
            now,
            now,
        )
        .await;
    };
    let outcome = linking::run_queued(db, id, linking::LinkOptions::default()).await;
    let now = Utc::now();
    match outcome {
        Ok(summary) => {
            tracing::info!(
                run = id,
                added = summary.added,
                "candidate cross-check done"
            );
            jobs::complete(db, job, worker, now).await?;
        }
        Err(e) => {
            let message = e.to_string();
            tracing::error!(run = id, error = %message, "candidate cross-check failed");
            jobs::fail(db, job, worker, &message, now, now).await?;
        }
    }
    Ok(())
}
