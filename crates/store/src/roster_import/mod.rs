//! Importing the civil-service roster from a SIASN export (CSV or XLSX), the way BKN and the
//! regional personnel offices hand it over: millions of rows, some of them wrong.
//!
//! - **Streaming.** A reading thread parses and checks rows one by one and hands over batches
//!   (default 20,000); the file is never held, and at most two batches wait, so memory stays
//!   flat whatever the file's size.
//! - **Batches are transactions.** Each batch is written in one transaction of upserts keyed
//!   on the NIP: an interrupted import leaves whole batches only, and running it
//!   again converges to the same table (rows already there are updated, never duplicated).
//! - **Rows are written in NIP order.** The rows are sorted by NIP first (an external merge
//!   sort through a temporary directory, `sorted_load`), so that a first load's inserts fill
//!   the NIP index from one end, and a re-import's upserts walk the table (itself in NIP order
//!   after such a load) from one end, instead of all over it.
//! - **Bad rows are reported, good rows imported.** Each problem becomes a report line `file,
//!   line, field, message`, written as CSV; the summary keeps the first hundred.
//!
//! See docs/decisions/0008-roster-import.md for why, 0010, 0014 and 0023 for the
//! measurements at scale.

mod reader;
mod sorted_load;
mod sqlite_raw;
mod values;
mod writer;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, SubsecRound, Utc};

use netral_domain::roster::Field;

pub use crate::tabular::{Problem, SourceFormat};

/// Which column holds which roster field, for files whose headers are not SIASN's.
pub type Mapping = crate::tabular::Mapping<Field>;

use crate::db::{Backend, Db};
use crate::error::StoreError;
use crate::registry;
use crate::tabular::{ReportError, SourceError};

/// Rows per transaction unless told otherwise: large enough that commits cost little, small
/// enough that an interrupted import loses seconds of work. 20,000 rather than 5,000: at 6 M
/// rows a first load ran 98 k -> 121 k rows/s on SQLite and 103 k -> 111 k on PostgreSQL,
/// re-imports 180 k -> 201 k and 151 k -> 185 k, peak memory 391 MB (decision 0023, update).
pub const DEFAULT_BATCH_SIZE: usize = 20_000;

/// Rows written to SQLite between two checkpoints of its WAL by the import: each checkpoint
/// copies the pages these rows dirtied back to the database, once each however often they were
/// rewritten, and lets the WAL start over.
const SQLITE_CHECKPOINT_ROWS: u64 = 50_000;

#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// For files whose headers are not SIASN's.
    pub mapping: Option<Mapping>,
    pub batch_size: usize,
    /// Recorded in `import_batch` on every row this import inserts or changes.
    pub label: String,
    /// Where to write the problems as CSV (`file,line,field,message`); written even when there
    /// are none, so that an old report is never mistaken for this one's.
    pub report_path: Option<PathBuf>,
    /// How the report names the file; by default its file name.
    pub file_label: Option<String>,
    /// Recorded in `updated_at`.
    pub now: DateTime<Utc>,
    /// Reads and checks the file and writes the report, but writes nothing to the database:
    /// to check an export before importing it, and to measure how fast rows can be read.
    pub dry_run: bool,
    /// Test hook standing for a crash: batch N (1-based) is written, then rolled back, and the
    /// import fails with [`ImportError::Interrupted`].
    #[doc(hidden)]
    pub fail_before_commit_of_batch: Option<u64>,
    /// Test hook: whether to treat the table as empty at the start (a first national load),
    /// instead of looking; lets a test send the PostgreSQL fast path rows that conflict.
    #[doc(hidden)]
    pub assume_empty_table: Option<bool>,
    /// Writes the rows in NIP order (see `sorted_load`); off only to measure what that saves
    /// (`bench/import`).
    pub sort_by_nip: bool,
    /// Test hook: the size of a sorted load's in-memory runs, so that a small file spills.
    #[doc(hidden)]
    pub sort_run_bytes: usize,
}

impl ImportOptions {
    pub fn new(label: impl Into<String>, now: DateTime<Utc>) -> ImportOptions {
        ImportOptions {
            mapping: None,
            batch_size: DEFAULT_BATCH_SIZE,
            label: label.into(),
            report_path: None,
            file_label: None,
            now,
            dry_run: false,
            fail_before_commit_of_batch: None,
            assume_empty_table: None,
            sort_by_nip: true,
            sort_run_bytes: sorted_load::RUN_BYTES,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportSummary {
    pub format: SourceFormat,
    /// Data rows read, header excluded.
    pub rows_read: u64,
    /// New people on the roster.
    pub inserted: u64,
    /// People already there whose data changed.
    pub updated: u64,
    /// People already there, identical.
    pub unchanged: u64,
    /// Rows not imported because of at least one problem.
    pub rejected: u64,
    /// Problems found (a row may have several).
    pub problems: u64,
    /// The first problems, for a page to show; all of them are in the report.
    pub first_problems: Vec<Problem>,
    pub batches: u64,
    pub elapsed: Duration,
}

impl ImportSummary {
    /// Rows read per second, bad ones included.
    pub fn rows_per_second(&self) -> f64 {
        self.rows_read as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot open roster file {path}: {source}")]
    Open {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot read roster file {path}: {message}")]
    Read { path: String, message: String },
    #[error("roster file {path}: {message}")]
    Header { path: String, message: String },
    #[error("cannot write the report {path}: {source}")]
    Report {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot use the import's sort file {path}: {source}")]
    Spill {
        path: String,
        source: std::io::Error,
    },
    #[error("the import was interrupted before committing a batch (test hook)")]
    Interrupted,
    /// The writer stopped; its own error is the one reported.
    #[error("the import's writer stopped")]
    WriterGone,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<SourceError> for ImportError {
    fn from(e: SourceError) -> ImportError {
        match e {
            SourceError::Open { path, source } => ImportError::Open { path, source },
            SourceError::Read { path, message } => ImportError::Read { path, message },
            SourceError::Header { path, message } => ImportError::Header { path, message },
        }
    }
}

impl From<ReportError> for ImportError {
    fn from(e: ReportError) -> ImportError {
        ImportError::Report {
            path: e.path,
            source: e.source,
        }
    }
}

/// Imports a roster file into `civil_servants`. `progress(rows_read, bytes)` is called after
/// every committed batch and at the end; `bytes` is how far the import has got, in bytes of the
/// file (0 throughout for XLSX, whose sheet is compressed): the bytes read, or, when the rows
/// are sorted, which reads the whole file before it writes (see `sorted_load`), half of them,
/// then the share of rows written over the second half. Agencies must exist: a row whose agency is
/// unknown is a bad row.
pub async fn import_roster(
    db: &Db,
    path: &Path,
    options: ImportOptions,
    mut progress: impl FnMut(u64, u64) + Send,
) -> Result<ImportSummary, ImportError> {
    let started = Instant::now();
    let now = options.now.trunc_subsecs(6);
    let setup = reader::Setup {
        path: path.to_owned(),
        file_label: options.file_label.clone().unwrap_or_else(|| {
            path.file_name()
                .unwrap_or(path.as_os_str())
                .to_string_lossy()
                .into_owned()
        }),
        mapping: options.mapping.clone(),
        agencies: registry::agency_ids_by_key(db).await?,
        batch_size: options.batch_size,
        report_path: options.report_path.clone(),
    };
    let fresh = match options.assume_empty_table {
        Some(empty) => empty,
        None => !options.dry_run && writer::table_is_empty(db).await?,
    };
    let (sender, mut batches) = tokio::sync::mpsc::channel(2);
    let (reading, sorting) = if options.sort_by_nip && !options.dry_run {
        let (to_sort, read) = tokio::sync::mpsc::channel(2);
        let (batch_size, run_bytes) = (setup.batch_size.max(1), options.sort_run_bytes);
        (
            tokio::task::spawn_blocking(move || reader::run(setup, to_sort)),
            Some(tokio::task::spawn_blocking(move || {
                sorted_load::run(read, sender, batch_size, run_bytes)
            })),
        )
    } else {
        (
            tokio::task::spawn_blocking(move || reader::run(setup, sender)),
            None,
        )
    };

    // SQLite has one writer: batches queue for it. PostgreSQL inserts on several backends at
    // once, and its per-row costs (index entries, the agency foreign key) are paid on the
    // server, so two batches in flight keep both of its cores busy.
    let in_flight_max = match db.backend() {
        Backend::Sqlite => 1,
        Backend::Postgres => 2,
    };
    let mut in_flight = tokio::task::JoinSet::new();
    let mut closed = false;
    let mut totals = writer::Written::default();
    let mut written_batches = 0;
    let mut shown = (0, 0);
    let mut rows_since_checkpoint = 0;
    loop {
        while !closed && in_flight.len() < in_flight_max {
            match batches.recv().await {
                // A sorted load reports its reading before it writes anything.
                Some(batch) if batch.rows.is_empty() => {
                    if (batch.rows_read, batch.bytes_read) > shown {
                        shown = (batch.rows_read, batch.bytes_read);
                        progress(shown.0, shown.1);
                    }
                }
                Some(batch) => {
                    written_batches += 1;
                    let fail = options.fail_before_commit_of_batch == Some(written_batches);
                    let (db, label) = (db.clone(), options.label.clone());
                    let dry_run = options.dry_run;
                    in_flight.spawn(async move {
                        let written = if dry_run {
                            Ok(writer::Written::default())
                        } else {
                            writer::write_batch(&db, batch.rows, &label, now, fresh, fail).await
                        };
                        written.map(|w| (w, batch.rows_read, batch.bytes_read))
                    });
                }
                None => closed = true,
            }
        }
        let Some(joined) = in_flight.join_next().await else {
            break;
        };
        // On an error the batch beside the failed one is let finish (what was good is kept),
        // nothing more is started, and the reader stops at its next send.
        let (written, rows_read, bytes_read) = match joined {
            Ok(Ok(done)) => done,
            Ok(Err(e)) => {
                while in_flight.join_next().await.is_some() {}
                return Err(e);
            }
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(e) => {
                return Err(ImportError::Read {
                    path: path.display().to_string(),
                    message: format!("a batch's writer was cancelled: {e}"),
                });
            }
        };
        // SQLite writes one batch at a time: between two, the WAL is checkpointed from the
        // writer, or it grows by the whole import (see `Db::checkpoint_between_writes`).
        if db.backend() == Backend::Sqlite && !options.dry_run {
            rows_since_checkpoint += written.inserted + written.updated;
            if rows_since_checkpoint >= SQLITE_CHECKPOINT_ROWS {
                rows_since_checkpoint = 0;
                db.checkpoint_between_writes().await?;
            }
        }
        totals.inserted += written.inserted;
        totals.updated += written.updated;
        totals.unchanged += written.unchanged;
        // Batches may finish out of order; progress only moves forward.
        if (rows_read, bytes_read) > shown {
            shown = (rows_read, bytes_read);
            progress(rows_read, bytes_read);
        }
    }
    let joined = |e: tokio::task::JoinError| match e.try_into_panic() {
        Ok(panic) => std::panic::resume_unwind(panic),
        Err(e) => ImportError::Read {
            path: path.display().to_string(),
            message: e.to_string(),
        },
    };
    let reading = reading.await.map_err(joined)??;
    if let Some(sorting) = sorting {
        sorting.await.map_err(joined)??;
    }
    writer::end_import(db).await?;
    progress(reading.rows_read, reading.bytes_read);
    Ok(ImportSummary {
        format: reading
            .format
            .unwrap_or(SourceFormat::Csv { delimiter: ',' }),
        rows_read: reading.rows_read,
        inserted: totals.inserted,
        updated: totals.updated,
        unchanged: totals.unchanged,
        rejected: reading.rejected,
        problems: reading.problems,
        first_problems: reading.first_problems,
        batches: written_batches,
        elapsed: started.elapsed(),
    })
}
