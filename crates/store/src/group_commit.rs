//! Group commit for SQLite: concurrent writers hand their work to one task, which runs a batch
//! of them in one transaction and answers each only after that transaction committed. SQLite
//! has one writer anyway; batching spends one BEGIN, one COMMIT and one fsync on many writes
//! instead of one each (PostgreSQL groups commits by itself, and gets plain transactions).
//!
//! The same task checkpoints the WAL in the background, through a connection of its own: left to
//! SQLite, the checkpoint would run inside a writer's commit and stall every batch behind it.
//!
//! When one piece of work fails, the batch is rolled back, that work's caller gets its error,
//! and the batch runs again without it: work is a `Fn`, so running it twice is allowed. No
//! caller is told "done" for something that did not commit.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use sqlx::SqlitePool;
use tokio::sync::{mpsc, oneshot};

use crate::db::Tx;
use crate::error::StoreError;

/// The most pieces of work committed together; bounds how long the first in a batch waits.
const MAX_BATCH: usize = 64;

type Run = Box<
    dyn for<'t> Fn(&'t mut Tx) -> Pin<Box<dyn Future<Output = Result<(), StoreError>> + Send + 't>>
        + Send
        + Sync,
>;

struct Job {
    /// Does the work inside the batch's transaction, keeping its result for `finish`.
    run: Run,
    /// Answers the caller once the batch's fate is known.
    finish: Box<dyn FnOnce(Result<(), StoreError>) + Send + Sync>,
}

#[derive(Clone, Debug)]
pub struct GroupCommit {
    jobs: mpsc::Sender<Job>,
}

impl GroupCommit {
    /// `writer` must have automatic checkpoints off; `checkpointer` is a connection of its own.
    pub(crate) fn start(writer: SqlitePool, checkpointer: SqlitePool) -> Self {
        let (jobs, queue) = mpsc::channel(MAX_BATCH * 4);
        tokio::spawn(commit_batches(writer, checkpointer, queue));
        Self { jobs }
    }

    /// Runs `work` in the next batch and returns its result once the batch committed.
    pub(crate) async fn write<T, W>(&self, work: W) -> Result<T, StoreError>
    where
        T: Send + 'static,
        W: for<'t> Fn(
                &'t mut Tx,
            )
                -> Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 't>>
            + Send
            + Sync
            + 'static,
    {
        let (answer, answered) = oneshot::channel::<Result<T, StoreError>>();
        let kept = Arc::new(Mutex::new(None::<T>));
        let kept_by_run = kept.clone();
        let run: Run = Box::new(move |tx| {
            let kept = kept_by_run.clone();
            let work = work(tx);
            Box::pin(async move {
                let value = work.await?;
                *kept.lock().expect("not poisoned") = Some(value);
                Ok(())
            })
        });
        let finish = Box::new(move |outcome: Result<(), StoreError>| {
            let value = outcome.and_then(|()| {
                kept.lock()
                    .expect("not poisoned")
                    .take()
                    .ok_or_else(|| StoreError::BatchFailed("the work kept no result".into()))
            });
            let _ = answer.send(value);
        });
        let stopped = || StoreError::BatchFailed("the database writer has stopped".into());
        self.jobs
            .send(Job { run, finish })
            .await
            .map_err(|_| stopped())?;
        answered.await.map_err(|_| stopped())?
    }
}

/// How often the WAL is copied back into the database file.
const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

/// Runs until every handle to the database is gone (the queue closes).
async fn commit_batches(
    writer: SqlitePool,
    checkpointer: SqlitePool,
    mut queue: mpsc::Receiver<Job>,
) {
    let mut checkpoints = tokio::time::interval(CHECKPOINT_EVERY);
    checkpoints.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut checkpoint: Option<tokio::task::JoinHandle<()>> = None;
    loop {
        let first = tokio::select! {
            job = queue.recv() => match job {
                Some(job) => job,
                None => break,
            },
            _ = checkpoints.tick() => {
                // PASSIVE never waits for writers; one checkpoint at a time.
                if checkpoint.as_ref().is_none_or(|running| running.is_finished()) {
                    let pool = checkpointer.clone();
                    checkpoint = Some(tokio::spawn(async move {
                        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&pool).await {
                            tracing::warn!(error = %e, "WAL checkpoint failed");
                        }
                    }));
                }
                continue;
            }
        };
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        commit_one_batch(&writer, batch).await;
    }
}

async fn commit_one_batch(writer: &SqlitePool, mut batch: Vec<Job>) {
    while !batch.is_empty() {
        let mut tx = match writer.begin_with("BEGIN IMMEDIATE").await {
            Ok(tx) => Tx::Sqlite(tx),
            Err(e) => {
                let why = format!("cannot start a write: {e}");
                batch
                    .into_iter()
                    .for_each(|job| (job.finish)(Err(StoreError::BatchFailed(why.clone()))));
                return;
            }
        };
        let mut failure = None;
        for (i, job) in batch.iter().enumerate() {
            if let Err(error) = (job.run)(&mut tx).await {
                failure = Some((i, error));
                break;
            }
        }
        match failure {
            Some((i, error)) => {
                // Dropping the uncommitted transaction rolls the whole batch back; the others
                // run again without the work that failed.
                drop(tx);
                (batch.remove(i).finish)(Err(error));
            }
            None => {
                let committed = tx
                    .commit()
                    .await
                    .map_err(|e| format!("the write could not be committed: {e}"));
                for job in batch {
                    (job.finish)(committed.clone().map_err(StoreError::BatchFailed));
                }
                return;
            }
        }
    }
}
