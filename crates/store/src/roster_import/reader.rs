//! The reading side of an import, on a thread of its own: rows are read, checked, given their
//! agency, and handed to the writer in batches; bad rows go to the report. At most two batches
//! wait for the writer, so memory stays bounded whatever the file's size.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::PathBuf;

use netral_domain::roster::{Field, RawRow, RosterRecord, agency_key, check_row};
use tokio::sync::mpsc::Sender;

use super::values::Values;
use super::{ImportError, Mapping, Problem, SourceFormat};
use crate::tabular::{self, Columns, Layout, ProblemReport, RowBuffer, RowSink};

pub(super) struct Batch {
    pub rows: Vec<Values>,
    /// Rows read from the start of the file up to this batch's last row, bad ones included.
    pub rows_read: u64,
    pub bytes_read: u64,
}

/// What reading found, for the summary.
#[derive(Debug, Default)]
pub(super) struct Reading {
    pub format: Option<SourceFormat>,
    pub rows_read: u64,
    pub bytes_read: u64,
    pub rejected: u64,
    pub problems: u64,
    pub first_problems: Vec<Problem>,
}

pub(super) struct Validator {
    path: PathBuf,
    mapping: Option<Mapping>,
    columns: Option<Columns<Field>>,
    /// Agency ids by name key; names already seen are remembered as written, so that the key
    /// is computed once per distinct name, not once per row.
    agencies: HashMap<String, i64>,
    seen_names: HashMap<String, Option<i64>>,
    /// Each valid number seen, with the line it was first seen on: about 17 bytes a row in
    /// the table, ~140 MB for six million rows, the price of naming the earlier line in a
    /// duplicate's report.
    numbers: HashMap<u64, u64, BuildHasherDefault<NipHasher>>,
    batch_size: usize,
    batch: Vec<Values>,
    sender: Sender<Batch>,
    report: ProblemReport,
    reading: Reading,
    row_problems: Vec<(Option<Field>, String)>,
}

pub(super) struct Setup {
    pub path: PathBuf,
    pub file_label: String,
    pub mapping: Option<Mapping>,
    pub agencies: HashMap<String, i64>,
    pub batch_size: usize,
    pub report_path: Option<PathBuf>,
}

/// Reads the whole file; runs on a blocking thread. Stops early, without error, when the
/// writer has gone (it failed, and says why).
pub(super) fn run(setup: Setup, sender: Sender<Batch>) -> Result<Reading, ImportError> {
    let opened = tabular::open(&setup.path)?;
    let report = ProblemReport::create(setup.report_path.as_deref(), setup.file_label)?;
    let mut validator = Validator {
        path: setup.path.clone(),
        mapping: setup.mapping,
        columns: None,
        agencies: setup.agencies,
        seen_names: HashMap::new(),
        numbers: HashMap::default(),
        batch_size: setup.batch_size.max(1),
        batch: Vec::new(),
        sender,
        report,
        reading: Reading::default(),
        row_problems: Vec::new(),
    };
    match tabular::read(opened, &mut validator) {
        Ok(()) | Err(ImportError::WriterGone) => {}
        Err(e) => return Err(e),
    }
    validator.finish()
}

impl RowBuffer for RawRow {
    fn clear(&mut self) {
        RawRow::clear(self);
    }

    fn set(&mut self, slot: usize, text: &str) {
        RawRow::set(self, Field::ALL[slot], text);
    }
}

impl RowSink for Validator {
    type Row = RawRow;
    type Error = ImportError;

    fn set_format(&mut self, format: SourceFormat) {
        self.reading.format = Some(format);
    }

    /// Fails, before any row is read, when required columns are missing.
    fn start(&mut self, header: Vec<String>) -> Result<Layout, ImportError> {
        let columns = Columns::resolve(&header, self.mapping.as_ref()).map_err(|message| {
            ImportError::Header {
                path: self.path.display().to_string(),
                message,
            }
        })?;
        let layout = columns.layout();
        self.columns = Some(columns);
        Ok(layout)
    }

    fn row(
        &mut self,
        line: u64,
        bytes: u64,
        raw: &RawRow,
        cell_problems: &[(Option<usize>, String)],
    ) -> Result<(), ImportError> {
        self.take_row(line, bytes, raw, cell_problems)
    }
}

impl Validator {
    fn columns(&self) -> &Columns<Field> {
        self.columns
            .as_ref()
            .expect("sources call start() before reading rows")
    }

    /// Takes one row: `cell_problems` are what the source found while reading it (a wrong
    /// number of fields, text that is not UTF-8).
    fn take_row(
        &mut self,
        line: u64,
        bytes: u64,
        raw: &RawRow,
        cell_problems: &[(Option<usize>, String)],
    ) -> Result<(), ImportError> {
        self.reading.rows_read += 1;
        self.reading.bytes_read = bytes;
        let mut problems = std::mem::take(&mut self.row_problems);
        problems.clear();
        problems.extend(
            cell_problems
                .iter()
                .map(|(slot, message)| (slot.map(|s| Field::ALL[s]), message.clone())),
        );
        if problems.is_empty() {
            match check_row(raw) {
                Ok(record) => {
                    self.check_duplicate(record.number.as_u64(), line, &mut problems);
                    let agency = self.find_agency(&record);
                    if agency.is_none() {
                        problems.push((Some(Field::Agency), unknown_agency(&record)));
                    }
                    if let (Some(agency_id), true) = (agency, problems.is_empty()) {
                        self.batch.push(Values::of(record, agency_id));
                    }
                }
                Err(rejected) => {
                    if let Some(number) = rejected.number {
                        self.check_duplicate(number.as_u64(), line, &mut problems);
                    }
                    problems.extend(
                        rejected
                            .problems
                            .into_iter()
                            .map(|p| (Some(p.field), p.message)),
                    );
                }
            }
        }
        if !problems.is_empty() {
            self.reading.rejected += 1;
            for (field, message) in problems.drain(..) {
                self.report(line, field, message)?;
            }
        }
        self.row_problems = problems;
        if self.batch.len() >= self.batch_size {
            self.send()?;
        }
        Ok(())
    }

    /// The first row with a number wins; a later one is the bad row, whatever else is wrong
    /// with either.
    fn check_duplicate(
        &mut self,
        number: u64,
        line: u64,
        problems: &mut Vec<(Option<Field>, String)>,
    ) {
        if let Some(first) = self.numbers.get(&number) {
            problems.push((
                Some(Field::Nip),
                format!("NIP {number:018} appears again: it was already on line {first}"),
            ));
        } else {
            self.numbers.insert(number, line);
        }
    }

    /// The agency by `instansiIndukNama`, or else by `satuanKerjaIndukNama` (some exports put
    /// the employing agency there).
    fn find_agency(&mut self, record: &RosterRecord) -> Option<i64> {
        [Some(&record.agency), record.parent_unit.as_ref()]
            .into_iter()
            .flatten()
            .filter(|name| !name.is_empty())
            .find_map(|name| {
                if let Some(found) = self.seen_names.get(name.as_str()) {
                    return *found;
                }
                let found = self.agencies.get(&agency_key(name)).copied();
                self.seen_names.insert(name.clone(), found);
                found
            })
    }

    fn report(
        &mut self,
        line: u64,
        field: Option<Field>,
        message: String,
    ) -> Result<(), ImportError> {
        let field = field.map_or("", |f| self.columns().label(f)).to_owned();
        Ok(self.report.add(line, &field, message)?)
    }

    fn send(&mut self) -> Result<(), ImportError> {
        let rows = std::mem::replace(&mut self.batch, Vec::with_capacity(self.batch_size));
        self.sender
            .blocking_send(Batch {
                rows,
                rows_read: self.reading.rows_read,
                bytes_read: self.reading.bytes_read,
            })
            .map_err(|_| ImportError::WriterGone)
    }

    fn finish(mut self) -> Result<Reading, ImportError> {
        if !self.batch.is_empty() {
            // The writer may have gone; it reports its own error.
            let _ = self.send();
        }
        let (problems, first_problems) = self.report.finish()?;
        self.reading.problems = problems;
        self.reading.first_problems = first_problems;
        Ok(self.reading)
    }
}

fn unknown_agency(record: &RosterRecord) -> String {
    let mut names = format!("\"{}\"", record.agency);
    if let Some(unit) = &record.parent_unit {
        names.push_str(&format!(" (nor \"{unit}\")"));
    }
    format!(
        "agency {names} is not in the registry: add it first (names are matched ignoring case and punctuation)"
    )
}

/// Hashes a NIP (as a number) for the duplicate check: the standard hasher resists crafted
/// keys, which costs ~10 % of reading a roster; NIPs are checked 18-digit numbers from a file
/// the import's own operator loads, and a good mix of their bits is all the table needs.
#[derive(Default)]
struct NipHasher(u64);

impl Hasher for NipHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        // MurmurHash3's finalizer: every input bit moves the high bits (hashbrown's tag) and
        // the low bits (its bucket) alike.
        let mut h = n ^ (n >> 33);
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        self.0 = h ^ (h >> 33);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
