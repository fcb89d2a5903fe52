//! Importing a file of records (agencies, candidates, prevention records) the way the roster
//! import does, with less machinery because these files are smaller:
//!
//! - **Streaming.** A reading thread parses and checks rows one by one ([`RecordParser`]) and
//!   hands over batches; at most two wait, so memory stays flat whatever the file's size.
//! - **Each batch is one transaction.** An interrupted import leaves whole batches, and running
//!   it again converges: parsers key every record and compare it with what is stored, so a row
//!   already there is updated or left alone, never duplicated.
//! - **Bad rows are reported, good rows imported**, as in the roster import.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, SubsecRound, Utc};
use netral_domain::table::{FieldProblem, FileField, TextRow};
use tokio::sync::mpsc::Sender;

use super::{
    Columns, Layout, Mapping, Problem, ProblemReport, ReportError, RowSink, SourceError,
    SourceFormat,
};
use crate::db::{Db, Tx};
use crate::error::StoreError;

/// Rows per transaction unless told otherwise.
pub const DEFAULT_BATCH_SIZE: usize = 1_000;

#[derive(Debug, Clone)]
pub struct FileImportOptions<F> {
    /// For files whose headers are not the documented ones.
    pub mapping: Option<Mapping<F>>,
    pub batch_size: usize,
    /// Recorded in `import_batch` on every row this import inserts or changes.
    pub label: String,
    /// Where to write the problems as CSV (`file,line,field,message`); written even when there
    /// are none, so that an old report is never mistaken for this one's.
    pub report_path: Option<PathBuf>,
    /// How the report names the file; by default its file name.
    pub file_label: Option<String>,
    /// Recorded in `updated_at` / `recorded_at`.
    pub now: DateTime<Utc>,
}

impl<F> FileImportOptions<F> {
    pub fn new(label: impl Into<String>, now: DateTime<Utc>) -> Self {
        FileImportOptions {
            mapping: None,
            batch_size: DEFAULT_BATCH_SIZE,
            label: label.into(),
            report_path: None,
            file_label: None,
            now,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FileImportSummary {
    pub format: SourceFormat,
    /// Data rows read, header excluded.
    pub rows_read: u64,
    pub inserted: u64,
    /// Records already there whose data changed.
    pub updated: u64,
    /// Records already there, identical: not written.
    pub unchanged: u64,
    /// Rows not imported because of at least one problem.
    pub rejected: u64,
    /// Problems found (a row may have several).
    pub problems: u64,
    /// The first problems; all of them are in the report.
    pub first_problems: Vec<Problem>,
    pub elapsed: Duration,
}

/// Why a file could not be imported at all. `what` names the kind of file ("agency",
/// "candidate list", …).
#[derive(Debug, thiserror::Error)]
pub enum FileImportError {
    #[error("cannot open {what} file {path}: {source}")]
    Open {
        what: &'static str,
        path: String,
        source: std::io::Error,
    },
    #[error("cannot read {what} file {path}: {message}")]
    Read {
        what: &'static str,
        path: String,
        message: String,
    },
    #[error("{what} file {path}: {message}")]
    Header {
        what: &'static str,
        path: String,
        message: String,
    },
    #[error("cannot write the report {path}: {source}")]
    Report {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl FileImportError {
    fn from_source(what: &'static str, e: SourceError) -> FileImportError {
        match e {
            SourceError::Open { path, source } => FileImportError::Open { what, path, source },
            SourceError::Read { path, message } => FileImportError::Read {
                what,
                path,
                message,
            },
            SourceError::Header { path, message } => FileImportError::Header {
                what,
                path,
                message,
            },
        }
    }
}

/// What a parsed row asks of the database.
#[derive(Debug)]
pub enum Change<R> {
    /// Not stored yet.
    New(R),
    /// Stored, with other values.
    Changed(R),
    /// Stored with these very values: nothing to write.
    Same,
}

/// Turns one kind of file's rows into records. Runs on the reading thread; keeps whatever it
/// needs to tell new records from stored ones and to find a key twice in the same file.
pub trait RecordParser: Send + 'static {
    type Field: FileField;
    type Record: Send + 'static;

    /// `Ok(None)` when the row is bad, its problems pushed; an error when the database failed
    /// while checking it, which stops the import (it is no fault of the row).
    fn parse(
        &mut self,
        line: u64,
        row: &TextRow<Self::Field>,
        problems: &mut Vec<FieldProblem<Self::Field>>,
    ) -> Result<Option<Change<Self::Record>>, StoreError>;
}

/// Writes records, one at a time, inside a batch's transaction.
pub trait RecordWriter<R> {
    fn write(
        &mut self,
        tx: &mut Tx,
        change: Change<R>,
    ) -> impl std::future::Future<Output = Result<(), StoreError>>;
}

/// Reads `path` with `parser` and writes what it gives with `writer`. Gives the parser back,
/// for the counters an import keeps of its own.
pub async fn import_records<P, W>(
    db: &Db,
    path: &Path,
    what: &'static str,
    options: FileImportOptions<P::Field>,
    parser: P,
    mut writer: W,
) -> Result<(FileImportSummary, P), FileImportError>
where
    P: RecordParser,
    W: RecordWriter<P::Record>,
{
    let started = Instant::now();
    let file_label = options.file_label.clone().unwrap_or_else(|| {
        path.file_name()
            .unwrap_or(path.as_os_str())
            .to_string_lossy()
            .into_owned()
    });
    let (sender, mut batches) = tokio::sync::mpsc::channel::<Vec<Change<P::Record>>>(2);
    let setup = (
        path.to_owned(),
        file_label,
        options.mapping.clone(),
        options.report_path.clone(),
        options.batch_size.max(1),
    );
    let reading = tokio::task::spawn_blocking(move || {
        let (path, file_label, mapping, report_path, batch_size) = setup;
        read_records(
            &path,
            file_label,
            mapping,
            report_path,
            batch_size,
            parser,
            sender,
        )
    });

    let mut written: Result<(), StoreError> = Ok(());
    while let Some(batch) = batches.recv().await {
        written = write_batch(db, &mut writer, batch).await;
        if written.is_err() {
            // The reader stops at its next send.
            break;
        }
    }
    drop(batches);
    let reading = match reading.await {
        Ok(result) => result,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(e) => {
            return Err(FileImportError::Read {
                what,
                path: path.display().to_string(),
                message: e.to_string(),
            });
        }
    };
    written?;
    let (reading, parser) = match reading {
        Ok(done) => done,
        Err(ReadFailure::Source(e)) => return Err(FileImportError::from_source(what, e)),
        Err(ReadFailure::Report(e)) => {
            return Err(FileImportError::Report {
                path: e.path,
                source: e.source,
            });
        }
        Err(ReadFailure::Store(e)) => return Err(FileImportError::Store(e)),
        Err(ReadFailure::WriterGone) => unreachable!("the writer's own error returned first"),
    };
    Ok((
        FileImportSummary {
            format: reading
                .format
                .unwrap_or(SourceFormat::Csv { delimiter: ',' }),
            rows_read: reading.rows_read,
            inserted: reading.inserted,
            updated: reading.updated,
            unchanged: reading.unchanged,
            rejected: reading.rejected,
            problems: reading.problems,
            first_problems: reading.first_problems,
            elapsed: started.elapsed(),
        },
        parser,
    ))
}

async fn write_batch<R, W: RecordWriter<R>>(
    db: &Db,
    writer: &mut W,
    batch: Vec<Change<R>>,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    for change in batch {
        writer.write(&mut tx, change).await?;
    }
    tx.commit().await
}

/// `now` as stored: PostgreSQL keeps microseconds, and both backends must read back the same.
pub fn stored_now(now: DateTime<Utc>) -> DateTime<Utc> {
    now.trunc_subsecs(6)
}

#[derive(Debug, Default)]
struct Reading {
    format: Option<SourceFormat>,
    rows_read: u64,
    inserted: u64,
    updated: u64,
    unchanged: u64,
    rejected: u64,
    problems: u64,
    first_problems: Vec<Problem>,
}

enum ReadFailure {
    Source(SourceError),
    Report(ReportError),
    Store(StoreError),
    WriterGone,
}

impl From<SourceError> for ReadFailure {
    fn from(e: SourceError) -> Self {
        ReadFailure::Source(e)
    }
}

impl From<ReportError> for ReadFailure {
    fn from(e: ReportError) -> Self {
        ReadFailure::Report(e)
    }
}

struct RecordSink<P: RecordParser> {
    path: PathBuf,
    mapping: Option<Mapping<P::Field>>,
    columns: Option<Columns<P::Field>>,
    parser: P,
    report: ProblemReport,
    reading: Reading,
    batch_size: usize,
    batch: Vec<Change<P::Record>>,
    sender: Sender<Vec<Change<P::Record>>>,
    problems: Vec<FieldProblem<P::Field>>,
}

fn read_records<P: RecordParser>(
    path: &Path,
    file_label: String,
    mapping: Option<Mapping<P::Field>>,
    report_path: Option<PathBuf>,
    batch_size: usize,
    parser: P,
    sender: Sender<Vec<Change<P::Record>>>,
) -> Result<(Reading, P), ReadFailure> {
    let opened = super::open(path)?;
    let report = ProblemReport::create(report_path.as_deref(), file_label)?;
    let mut sink = RecordSink {
        path: path.to_owned(),
        mapping,
        columns: None,
        parser,
        report,
        reading: Reading::default(),
        batch_size,
        batch: Vec::new(),
        sender,
        problems: Vec::new(),
    };
    match super::read(opened, &mut sink) {
        Ok(()) => {}
        Err(ReadFailure::WriterGone) => return Err(ReadFailure::WriterGone),
        Err(e) => return Err(e),
    }
    if !sink.batch.is_empty() {
        sink.send()?;
    }
    let (problems, first_problems) = sink.report.finish()?;
    sink.reading.problems = problems;
    sink.reading.first_problems = first_problems;
    Ok((sink.reading, sink.parser))
}

impl<P: RecordParser> RecordSink<P> {
    fn send(&mut self) -> Result<(), ReadFailure> {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(self.batch_size));
        self.sender
            .blocking_send(batch)
            .map_err(|_| ReadFailure::WriterGone)
    }

    fn label(&self, field: Option<P::Field>) -> String {
        match (field, &self.columns) {
            (Some(field), Some(columns)) => columns.label(field).to_owned(),
            (Some(field), None) => field.header().to_owned(),
            (None, _) => String::new(),
        }
    }
}

impl<P: RecordParser> RowSink for RecordSink<P> {
    type Row = TextRow<P::Field>;
    type Error = ReadFailure;

    fn set_format(&mut self, format: SourceFormat) {
        self.reading.format = Some(format);
    }

    fn start(&mut self, header: Vec<String>) -> Result<Layout, ReadFailure> {
        let columns = Columns::resolve(&header, self.mapping.as_ref())
            .map_err(|message| SourceError::header(&self.path, message))?;
        let layout = columns.layout();
        self.columns = Some(columns);
        Ok(layout)
    }

    fn row(
        &mut self,
        line: u64,
        _bytes: u64,
        row: &TextRow<P::Field>,
        cell_problems: &[(Option<usize>, String)],
    ) -> Result<(), ReadFailure> {
        self.reading.rows_read += 1;
        let mut found: Vec<(Option<P::Field>, String)> = cell_problems
            .iter()
            .map(|(slot, message)| (slot.map(|s| P::Field::ALL[s]), message.clone()))
            .collect();
        if found.is_empty() {
            self.problems.clear();
            let change = self
                .parser
                .parse(line, row, &mut self.problems)
                .map_err(ReadFailure::Store)?;
            found.extend(self.problems.drain(..).map(|p| (Some(p.field), p.message)));
            match change {
                // A row with a problem is not imported, whatever the parser made of it.
                Some(_) if !found.is_empty() => {}
                Some(Change::Same) => self.reading.unchanged += 1,
                Some(change) => {
                    if matches!(change, Change::New(_)) {
                        self.reading.inserted += 1;
                    } else {
                        self.reading.updated += 1;
                    }
                    self.batch.push(change);
                    if self.batch.len() >= self.batch_size {
                        self.send()?;
                    }
                }
                None => {}
            }
        }
        if !found.is_empty() {
            self.reading.rejected += 1;
            for (field, message) in found {
                let label = self.label(field);
                self.report.add(line, &label, message)?;
            }
        }
        Ok(())
    }
}
