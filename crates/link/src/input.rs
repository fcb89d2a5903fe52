//! Tables from files: CSV streamed in batches (a 6-million-row roster never sits in memory),
//! XLSX read whole (a sheet holds a million rows at most). Rows keep their line number so an
//! unreadable row can be named.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};

use crate::LinkError;

/// One data row: its line in the file (the header is line 1) and its cells, or why it could
/// not be read.
pub struct Row {
    pub line: u64,
    pub cells: Result<csv::StringRecord, String>,
}

pub type Batches = Box<dyn Iterator<Item = Vec<Row>> + Send>;

/// Rows per batch handed to a worker.
pub const BATCH_ROWS: usize = 4096;

/// Opens a CSV or XLSX file (by extension), returning its header and its rows in batches.
pub fn open(path: &Path) -> Result<(Vec<String>, Batches), LinkError> {
    let file_label = path.display().to_string();
    let input_error = |message: String| LinkError::Input {
        file: file_label.clone(),
        message,
    };
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if matches!(extension.as_str(), "xlsx" | "xls" | "ods") {
        let mut workbook = open_workbook_auto(path).map_err(|e| input_error(e.to_string()))?;
        let sheet = workbook
            .worksheet_range_at(0)
            .ok_or_else(|| input_error("the workbook has no sheet".into()))?
            .map_err(|e| input_error(e.to_string()))?;
        let mut rows = sheet.rows();
        let header: Vec<String> = rows
            .next()
            .ok_or_else(|| input_error("the sheet is empty".into()))?
            .iter()
            .map(cell_text)
            .collect();
        let all: Vec<Row> = rows
            .enumerate()
            .map(|(i, cells)| Row {
                line: i as u64 + 2,
                cells: Ok(cells.iter().map(cell_text).collect()),
            })
            .collect();
        let mut all = all.into_iter();
        let batches = std::iter::from_fn(move || {
            let batch: Vec<Row> = all.by_ref().take(BATCH_ROWS).collect();
            (!batch.is_empty()).then_some(batch)
        });
        return Ok((header, Box::new(batches)));
    }
    let file = File::open(path).map_err(|e| input_error(e.to_string()))?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(BufReader::with_capacity(1 << 20, file));
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| input_error(format!("the header: {e}")))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_owned())
        .collect();
    let mut records = reader.into_records();
    let mut line = 1u64;
    let batches = std::iter::from_fn(move || {
        let mut batch = Vec::with_capacity(BATCH_ROWS);
        for result in records.by_ref() {
            line = match &result {
                Ok(record) => record.position().map_or(line + 1, |p| p.line()),
                Err(e) => e.position().map_or(line + 1, |p| p.line()),
            };
            batch.push(Row {
                line,
                cells: result.map_err(|e| e.to_string()),
            });
            if batch.len() == BATCH_ROWS {
                break;
            }
        }
        (!batch.is_empty()).then_some(batch)
    });
    Ok((header, Box::new(batches)))
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|t| t.date().format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| d.to_string()),
        other => other.to_string(),
    }
}

/// The position of the first header among `names` (compared without case), or an error naming
/// what was looked for.
pub fn column(header: &[String], names: &[&str], file: &str) -> Result<usize, LinkError> {
    header
        .iter()
        .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
        .ok_or_else(|| LinkError::Input {
            file: file.to_owned(),
            message: format!("no column {} in the header", names.join(" or ")),
        })
}

/// Like [`column`], for a column that may be absent.
pub fn optional_column(header: &[String], names: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
}
