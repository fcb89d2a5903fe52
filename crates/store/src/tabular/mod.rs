//! Tabular files as people hand them over — CSV in any of the dialects spreadsheets write, or
//! an XLSX workbook — read row by row, never whole, by every import: the roster, agencies,
//! candidate lists, prevention records.
//!
//! A source ([`csv_source`], [`xlsx_source`]) turns a file into a header and rows of text and
//! hands them to a [`RowSink`], which decides what the columns mean ([`Columns`]), checks the
//! rows and names the bad ones in a report ([`ProblemReport`]). [`pipeline`] is the sink most
//! imports use: rows parsed to records on a reading thread, written in batches.

mod columns;
mod csv_source;
pub mod pipeline;
mod report;
mod xlsx_source;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

pub(crate) use columns::Columns;
pub use columns::Mapping;
pub(crate) use report::{ProblemReport, ReportError};

/// What kind of file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Csv { delimiter: char },
    Xlsx,
}

/// One problem of one row, as the report lists it. `field` is the column's header as the file
/// writes it; empty when the problem is the row's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: u64,
    pub field: String,
    pub message: String,
}

/// Why a file could not be read at all (bad rows are not errors: they go to the report).
#[derive(Debug)]
pub(crate) enum SourceError {
    Open {
        path: String,
        source: std::io::Error,
    },
    Read {
        path: String,
        message: String,
    },
    Header {
        path: String,
        message: String,
    },
}

impl SourceError {
    pub fn read(path: &Path, message: impl ToString) -> SourceError {
        SourceError::Read {
            path: path.display().to_string(),
            message: message.to_string(),
        }
    }

    pub fn header(path: &Path, message: impl Into<String>) -> SourceError {
        SourceError::Header {
            path: path.display().to_string(),
            message: message.into(),
        }
    }
}

/// A reusable buffer for one row's cells, addressed by slot (the sink's column numbering).
pub(crate) trait RowBuffer: Default {
    fn clear(&mut self);
    fn set(&mut self, slot: usize, text: &str);
}

impl<F: netral_domain::table::FileField> RowBuffer for netral_domain::table::TextRow<F> {
    fn clear(&mut self) {
        netral_domain::table::TextRow::clear(self);
    }

    fn set(&mut self, slot: usize, text: &str) {
        netral_domain::table::TextRow::set(self, F::ALL[slot], text);
    }
}

/// Which cells of a row the sink wants, and where to put them.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    /// (cell index in the file, slot in the row buffer).
    pub cells: Vec<(usize, usize)>,
    /// How many cells the header has: every CSV row must have as many.
    pub width: usize,
}

/// What a source hands its rows to.
pub(crate) trait RowSink {
    type Row: RowBuffer;
    type Error: From<SourceError>;

    fn set_format(&mut self, format: SourceFormat);

    /// Takes the header row; fails, before any row is read, when the file cannot be this kind
    /// of file.
    fn start(&mut self, header: Vec<String>) -> Result<Layout, Self::Error>;

    /// Takes one row: `line` is the file's line (CSV) or row number (XLSX), `bytes` how far
    /// into the file it ends (0 for XLSX), `problems` what the source found while reading it,
    /// by slot (`None` for the row's shape).
    fn row(
        &mut self,
        line: u64,
        bytes: u64,
        row: &Self::Row,
        problems: &[(Option<usize>, String)],
    ) -> Result<(), Self::Error>;
}

/// A file opened, its kind told by its first bytes rather than by its name.
pub(crate) struct Opened {
    path: PathBuf,
    file: File,
    xlsx: bool,
}

/// Opens a file to read: refuses old Excel files (.xls), which no one should have to parse.
pub(crate) fn open(path: &Path) -> Result<Opened, SourceError> {
    let open = || {
        File::open(path).map_err(|e| SourceError::Open {
            path: path.display().to_string(),
            source: e,
        })
    };
    let mut magic = [0u8; 8];
    let peeked = open()?
        .read(&mut magic)
        .map_err(|e| SourceError::read(path, e))?;
    let magic = &magic[..peeked];
    if magic.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(SourceError::header(
            path,
            "this is an old Excel file (.xls): save it as .xlsx or CSV UTF-8",
        ));
    }
    Ok(Opened {
        path: path.to_owned(),
        file: open()?,
        xlsx: magic.starts_with(b"PK\x03\x04"),
    })
}

/// Reads every row into the sink; stops at the sink's first error.
pub(crate) fn read<S: RowSink>(opened: Opened, sink: &mut S) -> Result<(), S::Error> {
    if opened.xlsx {
        xlsx_source::read(&opened.path, opened.file, sink)
    } else {
        csv_source::read(&opened.path, opened.file, sink)
    }
}
