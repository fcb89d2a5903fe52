//! A roster file's rows, handed to the writer in NIP order.
//!
//! Why: rows come in the file's order (random NIPs, or grouped by agency), so each batch's
//! inserts land on pages all over the NIP index. On SQLite a 5,000-row batch dirtied ~3,500
//! index pages, each written to the WAL at its commit and again by the checkpoint: a 6-million-
//! row first import ran at ~30 k rows/s (decision 0014). In NIP order every insert lands on the
//! index's last page, and a re-import's upserts read and rewrite the table (in NIP order after
//! such a load) from one end to the other. The file does not fit in memory, so this is an external merge sort: rows
//! are sorted in runs of about [`RUN_BYTES`], the runs spilled to files in a temporary
//! directory, and merged. The writer then gets batches as before, each its own transaction: an
//! interrupted load keeps whole batches, and a rerun finds the table no longer empty and
//! upserts like any re-import. See docs/decisions/0023-sorted-first-load.md.
//!
//! Progress: reading the file counts for the first half of its bytes, writing the rows for the
//! second, so that a bar over the file's size ends when the import does.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write as _};
use std::path::{Path, PathBuf};

use tokio::sync::mpsc::{Receiver, Sender};

use super::ImportError;
use super::reader::Batch;
use super::values::Values;

/// Rows held in memory before they are sorted and spilled: about 450,000 roster rows. With the
/// reader's NIP map (~150 MB at six million) it keeps an import under 500 MB.
pub(super) const RUN_BYTES: usize = 128 << 20;

/// Buffer of each run file while it is merged back.
const RUN_READ_BUFFER: usize = 256 << 10;

/// Runs on a blocking thread between the reader (`input`) and the writer (`output`): takes
/// every batch read, then sends all the rows again in NIP order, in batches of `batch_size`.
/// Stops early, without error, when the writer has gone (it reports why).
pub(super) fn run(
    mut input: Receiver<Batch>,
    output: Sender<Batch>,
    batch_size: usize,
    run_bytes: usize,
) -> Result<(), ImportError> {
    let mut runs = Runs::default();
    let mut buffer = Vec::new();
    let mut buffered = 0;
    let (mut rows_read, mut bytes_read) = (0, 0);
    while let Some(batch) = input.blocking_recv() {
        (rows_read, bytes_read) = (batch.rows_read, batch.bytes_read);
        for row in batch.rows {
            buffered += row.footprint();
            buffer.push(row);
        }
        if buffered >= run_bytes {
            runs.spill(&mut buffer)?;
            buffered = 0;
        }
        let reading = Batch {
            rows: Vec::new(),
            rows_read,
            bytes_read: bytes_read / 2,
        };
        if output.blocking_send(reading).is_err() {
            return Ok(());
        }
    }
    Values::sort_by_nip(&mut buffer);
    let total = runs.rows + buffer.len() as u64;
    let mut merged = runs.merge(buffer)?;
    let mut written = 0;
    loop {
        let mut rows = Vec::with_capacity(batch_size);
        while rows.len() < batch_size {
            match merged.next_row()? {
                Some(row) => rows.push(row),
                None => break,
            }
        }
        if rows.is_empty() {
            return Ok(());
        }
        written += rows.len() as u64;
        let half = bytes_read / 2;
        let writing = Batch {
            rows,
            rows_read,
            bytes_read: half + (bytes_read - half) * written / total.max(1),
        };
        if output.blocking_send(writing).is_err() {
            return Ok(());
        }
    }
}

/// The sorted runs spilled so far, in a directory removed when this is dropped.
#[derive(Default)]
struct Runs {
    dir: Option<tempfile::TempDir>,
    files: Vec<(PathBuf, u64)>,
    rows: u64,
}

impl Runs {
    /// Sorts `rows` by NIP and writes them to a new run file; leaves `rows` empty.
    fn spill(&mut self, rows: &mut Vec<Values>) -> Result<(), ImportError> {
        Values::sort_by_nip(rows);
        let dir = match &self.dir {
            Some(dir) => dir,
            None => self.dir.insert(
                tempfile::Builder::new()
                    .prefix("netral-import-")
                    .tempdir()
                    .map_err(spill_failed(&std::env::temp_dir()))?,
            ),
        };
        let path = dir.path().join(format!("run-{}", self.files.len()));
        let failed = spill_failed(&path);
        let mut out = BufWriter::with_capacity(1 << 20, File::create(&path).map_err(&failed)?);
        for row in rows.iter() {
            row.write_to(&mut out).map_err(&failed)?;
        }
        out.flush().map_err(&failed)?;
        self.rows += rows.len() as u64;
        self.files.push((path, rows.len() as u64));
        rows.clear();
        Ok(())
    }

    /// Merges the runs on disk with `last`, the sorted rows still in memory.
    fn merge(self, last: Vec<Values>) -> Result<Merge, ImportError> {
        let mut sources = Vec::with_capacity(self.files.len() + 1);
        for (path, rows) in &self.files {
            let file = File::open(path).map_err(spill_failed(path))?;
            sources.push(Source::File {
                input: BufReader::with_capacity(RUN_READ_BUFFER, file),
                left: *rows,
                path: path.clone(),
            });
        }
        sources.push(Source::Memory(last.into_iter()));
        let mut heads = BinaryHeap::with_capacity(sources.len());
        for (source, from) in sources.iter_mut().enumerate() {
            if let Some(row) = from.next()? {
                heads.push(Head { row, source });
            }
        }
        Ok(Merge {
            _dir: self.dir,
            sources,
            heads,
        })
    }
}

/// The k-way merge of the runs: the smallest NIP of all the runs' next rows comes out next.
struct Merge {
    /// Kept so that the run files outlive the merge.
    _dir: Option<tempfile::TempDir>,
    sources: Vec<Source>,
    heads: BinaryHeap<Head>,
}

impl Merge {
    fn next_row(&mut self) -> Result<Option<Values>, ImportError> {
        let Some(Head { row, source }) = self.heads.pop() else {
            return Ok(None);
        };
        if let Some(next) = self.sources[source].next()? {
            self.heads.push(Head { row: next, source });
        }
        Ok(Some(row))
    }
}

enum Source {
    File {
        input: BufReader<File>,
        left: u64,
        path: PathBuf,
    },
    Memory(std::vec::IntoIter<Values>),
}

impl Source {
    fn next(&mut self) -> Result<Option<Values>, ImportError> {
        match self {
            Source::Memory(rows) => Ok(rows.next()),
            Source::File { left: 0, .. } => Ok(None),
            Source::File { input, left, path } => {
                *left -= 1;
                // Lazily: the error's path is text made only when a read fails, not per row.
                Values::read_from(input)
                    .map(Some)
                    .map_err(|source| spill_failed(path)(source))
            }
        }
    }
}

fn spill_failed(path: &Path) -> impl Fn(io::Error) -> ImportError + use<> {
    let path = path.display().to_string();
    move |source| ImportError::Spill {
        path: path.clone(),
        source,
    }
}

/// A run's next row, ordered so that `BinaryHeap` (a max-heap) gives the smallest NIP first.
struct Head {
    row: Values,
    source: usize,
}

impl Ord for Head {
    fn cmp(&self, other: &Head) -> Ordering {
        other.row.nip().cmp(self.row.nip())
    }
}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Head) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Head {
    fn eq(&self, other: &Head) -> bool {
        self.row.nip() == other.row.nip()
    }
}

impl Eq for Head {}
