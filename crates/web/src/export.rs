//! Tables as downloads: CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the
//! Indonesian names right) and XLSX (numbers as numbers, dates as dates, a frozen header).
//! Every export is built from the same rows the page shows, after the reader's scope has
//! narrowed them.

use axum::body::Body;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook};

use crate::error::WebError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub(crate) fn parse(text: &str) -> Option<Format> {
        match text {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    Count(u64),
    /// A share in percent, or none (a base of zero, or a withheld count).
    Percent(Option<f64>),
    Date(Option<NaiveDate>),
}

/// One sheet: a header line and rows of the same width.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

fn csv_bytes(table: &Table) -> Result<Vec<u8>, WebError> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let io = |e: csv::Error| WebError::Io(e.to_string());
        writer.write_record(&table.headers).map_err(io)?;
        for row in &table.rows {
            writer
                .write_record(row.iter().map(|v| match v {
                    Value::Text(t) => t.clone(),
                    Value::Count(n) => n.to_string(),
                    Value::Percent(p) => p.map(|p| format!("{p:.1}")).unwrap_or_default(),
                    Value::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
                }))
                .map_err(io)?;
        }
        writer.flush().map_err(|e| WebError::Io(e.to_string()))?;
    }
    Ok(out)
}

fn xlsx_bytes(table: &Table, sheet: &str) -> Result<Vec<u8>, WebError> {
    let xlsx = |e: rust_xlsxwriter::XlsxError| WebError::Io(e.to_string());
    let mut workbook = Workbook::new();
    let worksheet = workbook.add_worksheet();
    worksheet.set_name(sheet).map_err(xlsx)?;
    let bold = CellFormat::new().set_bold();
    let percent = CellFormat::new().set_num_format("0.0");
    let date = CellFormat::new().set_num_format("yyyy-mm-dd");
    for (column, header) in table.headers.iter().enumerate() {
        let column = u16::try_from(column).map_err(|_| WebError::Io("too many columns".into()))?;
        worksheet
            .write_string_with_format(0, column, header, &bold)
            .map_err(xlsx)?;
    }
    for (i, row) in table.rows.iter().enumerate() {
        let line = u32::try_from(i + 1).map_err(|_| WebError::Io("too many rows".into()))?;
        for (column, value) in row.iter().enumerate() {
            let column =
                u16::try_from(column).map_err(|_| WebError::Io("too many columns".into()))?;
            match value {
                Value::Text(t) => worksheet.write_string(line, column, t).map(drop),
                Value::Count(n) => worksheet.write_number(line, column, *n as f64).map(drop),
                Value::Percent(Some(p)) => worksheet
                    .write_number_with_format(line, column, *p, &percent)
                    .map(drop),
                Value::Date(Some(d)) => {
                    let day = ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).unwrap_or(1900),
                        u8::try_from(d.month()).unwrap_or(1),
                        u8::try_from(d.day()).unwrap_or(1),
                    )
                    .map_err(xlsx)?;
                    worksheet
                        .write_datetime_with_format(line, column, &day, &date)
                        .map(drop)
                }
                Value::Percent(None) | Value::Date(None) => Ok(()),
            }
            .map_err(xlsx)?;
        }
    }
    worksheet.set_freeze_panes(1, 0).map_err(xlsx)?;
    worksheet.autofit();
    workbook.save_to_buffer().map_err(xlsx)
}

/// `table` as a download named `netral-{stem}.{csv|xlsx}`. Never cached: exports may hold
/// personal data.
pub(crate) fn download(table: &Table, format: Format, stem: &str) -> Result<Response, WebError> {
    let bytes = match format {
        Format::Csv => csv_bytes(table)?,
        // Sheet names are at most 31 characters.
        Format::Xlsx => xlsx_bytes(table, &stem.chars().take(31).collect::<String>())?,
    };
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let disposition = format!(
        "attachment; filename=\"netral-{safe}.{}\"",
        format.extension()
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&disposition).expect("an ASCII file name"),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            headers: vec!["Pelanggaran".into(), "Dilaporkan".into(), "Persen".into()],
            rows: vec![vec![
                Value::Text("Kampanye di media sosial, \"suka\"".into()),
                Value::Count(302),
                Value::Percent(Some(30.2)),
            ]],
        }
    }

    #[test]
    fn csv_starts_with_a_byte_order_mark_and_quotes_what_needs_it() {
        let bytes = csv_bytes(&table()).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("\"Kampanye di media sosial, \"\"suka\"\"\",302,30.2"));
    }

    #[test]
    fn xlsx_is_a_zip_workbook() {
        let bytes = xlsx_bytes(&table(), "statistik").unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
