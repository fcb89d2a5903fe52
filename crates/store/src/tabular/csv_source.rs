//! CSV files as exports and spreadsheets write them: comma, semicolon (Excel in an
//! Indonesian locale) or tab between fields, UTF-8 with or without a byte-order mark. Read
//! record by record: the file is never held in memory.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use super::{RowBuffer, RowSink, SourceError, SourceFormat};

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(super) fn read<S: RowSink>(path: &Path, file: File, sink: &mut S) -> Result<(), S::Error> {
    let mut input = BufReader::with_capacity(1 << 20, file);
    let buffer = input.fill_buf().map_err(|e| SourceError::read(path, e))?;
    let bom = if buffer.starts_with(BOM) {
        BOM.len()
    } else {
        0
    };
    let delimiter = detect_delimiter(&buffer[bom..]);
    input.consume(bom);
    sink.set_format(SourceFormat::Csv {
        delimiter: char::from(delimiter),
    });

    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        // Rows with a wrong number of fields are reported as bad rows, not a failed import.
        .flexible(true)
        // Only LF ends a record: the reader's line count is wrong after a CR LF, and the
        // report must name true lines. The CR stays at the end of the last field, and values
        // are trimmed.
        .terminator(csv::Terminator::Any(b'\n'))
        .has_headers(false)
        .from_reader(input);
    let mut record = csv::ByteRecord::new();
    let fail = |e: csv::Error| SourceError::read(path, e);
    if !reader.read_byte_record(&mut record).map_err(fail)? {
        return Err(SourceError::header(path, "the file is empty").into());
    }
    let header = record
        .iter()
        .map(|cell| String::from_utf8_lossy(cell).trim().to_owned())
        .collect();
    let columns = sink.start(header)?;
    let mut raw = S::Row::default();
    let mut problems = Vec::new();
    while reader.read_byte_record(&mut record).map_err(fail)? {
        let line = record.position().map_or(0, csv::Position::line);
        raw.clear();
        problems.clear();
        if record.len() != columns.width {
            problems.push((
                None,
                format!(
                    "the row has {} fields, the header has {}: a delimiter or quote is out of place",
                    record.len(),
                    columns.width
                ),
            ));
        } else {
            for &(index, slot) in &columns.cells {
                match std::str::from_utf8(&record[index]) {
                    Ok(text) => raw.set(slot, text),
                    Err(_) => problems.push((
                        Some(slot),
                        "the text is not UTF-8: save the file as CSV UTF-8".to_owned(),
                    )),
                }
            }
        }
        let bytes = reader.position().byte() + bom as u64;
        sink.row(line, bytes, &raw, &problems)?;
    }
    Ok(())
}

/// The delimiter is whichever of `,` `;` and tab the header line uses most, outside quotes;
/// a comma when it uses none (a file with one column).
fn detect_delimiter(start: &[u8]) -> u8 {
    let line = start.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &byte in line {
        match byte {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

#[cfg(test)]
mod tests {
    use super::detect_delimiter;

    #[test]
    fn the_header_tells_the_delimiter() {
        assert_eq!(
            detect_delimiter(b"nipBaru,nama,instansiIndukNama\n1;2"),
            b','
        );
        assert_eq!(detect_delimiter(b"nipBaru;nama;\"a,b,c\"\r\n"), b';');
        assert_eq!(detect_delimiter(b"nipBaru\tnama\tinstansi"), b'\t');
        assert_eq!(detect_delimiter(b"nipBaru"), b',');
    }
}
