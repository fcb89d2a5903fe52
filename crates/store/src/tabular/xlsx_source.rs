//! Workbooks (XLSX): the first sheet, its first non-empty row as the header. Cells are
//! read one by one from the sheet's XML (calamine's cell reader), not loaded as a whole range.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx};

use super::{Layout, RowBuffer, RowSink, SourceError, SourceFormat};

/// Beyond 2^53 a spreadsheet number has lost digits: an 18-digit NIP typed into a number cell
/// comes back wrong, and must not be guessed at.
const EXACT_LIMIT: f64 = 9_007_199_254_740_992.0;

pub(super) fn read<S: RowSink>(path: &Path, file: File, sink: &mut S) -> Result<(), S::Error> {
    let fail = |e: calamine::XlsxError| SourceError::read(path, e);
    sink.set_format(SourceFormat::Xlsx);
    let mut workbook = Xlsx::new(BufReader::new(file)).map_err(fail)?;
    let Some(sheet) = workbook.sheet_names().into_iter().next() else {
        return Err(SourceError::header(path, "the workbook has no sheet").into());
    };
    let mut cells = workbook.worksheet_cells_reader(&sheet).map_err(fail)?;

    // Cells arrive row by row, left to right, empty ones skipped: a row is complete when a
    // cell of a later row arrives.
    let mut current: Option<u32> = None;
    let mut values: Vec<(u32, Result<String, String>)> = Vec::new();
    let mut state = Rows::<S::Row>::default();
    while let Some(cell) = cells.next_cell().map_err(fail)? {
        let (row, column) = cell.get_position();
        if current.is_some_and(|r| r != row) {
            state.flush(current.unwrap_or_default(), &mut values, sink)?;
        }
        current = Some(row);
        values.push((column, text(cell.get_value())));
    }
    if let Some(row) = current {
        state.flush(row, &mut values, sink)?;
    }
    if state.layout.is_none() {
        return Err(
            SourceError::header(path, format!("the first sheet (\"{sheet}\") is empty")).into(),
        );
    }
    Ok(())
}

struct Rows<R> {
    /// Set once the header row is read.
    layout: Option<Layout>,
    raw: R,
    problems: Vec<(Option<usize>, String)>,
}

impl<R: RowBuffer> Default for Rows<R> {
    fn default() -> Self {
        Rows {
            layout: None,
            raw: R::default(),
            problems: Vec::new(),
        }
    }
}

impl<R: RowBuffer> Rows<R> {
    fn flush<S: RowSink<Row = R>>(
        &mut self,
        row: u32,
        values: &mut Vec<(u32, Result<String, String>)>,
        sink: &mut S,
    ) -> Result<(), S::Error> {
        let line = u64::from(row) + 1;
        let Some(columns) = &self.layout else {
            let width = values
                .iter()
                .map(|(c, _)| *c as usize + 1)
                .max()
                .unwrap_or(0);
            let mut header = vec![String::new(); width];
            for (column, value) in values.drain(..) {
                header[column as usize] = value.unwrap_or_default().trim().to_owned();
            }
            self.layout = Some(sink.start(header)?);
            return Ok(());
        };
        self.raw.clear();
        self.problems.clear();
        for (column, value) in values.drain(..) {
            let Some(&(_, slot)) = columns.cells.iter().find(|(i, _)| *i == column as usize) else {
                continue;
            };
            match value {
                Ok(text) => self.raw.set(slot, &text),
                Err(message) => self.problems.push((Some(slot), message)),
            }
        }
        // No byte position inside a compressed sheet: progress counts rows only.
        sink.row(line, 0, &self.raw, &self.problems)
    }
}

/// A cell as the text a CSV export would hold.
fn text(value: &DataRef<'_>) -> Result<String, String> {
    Ok(match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < EXACT_LIMIT => format!("{f:.0}"),
        DataRef::Float(f) if f.fract() == 0.0 => {
            return Err(format!(
                "the number {f:e} is stored as a number and has lost its last digits; format the column as text and enter it again"
            ));
        }
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) => match d.as_datetime() {
            Some(at) if at.time() == chrono::NaiveTime::MIN => at.format("%Y-%m-%d").to_string(),
            Some(at) => at.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => d.as_f64().to_string(),
        },
        DataRef::Error(e) => e.to_string(),
    })
}
