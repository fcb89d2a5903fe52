//! Parsers for values the registry files share, each giving the message a person fixing the
//! file needs.

use chrono::NaiveDate;

use crate::roster::{EmployeeNumber, parse_date};

pub(super) fn date(text: &str) -> Result<NaiveDate, String> {
    parse_date(text).ok_or_else(|| {
        format!("\"{text}\" is not a date: write YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or YYYYMMDD")
    })
}

pub(super) fn required<'a>(text: &'a str, what: &str) -> Result<&'a str, String> {
    if text.is_empty() {
        Err(format!("{what} is empty"))
    } else {
        Ok(text)
    }
}

/// A NIP (PNS) or NI PPPK: both are on the roster under the same 18-digit column.
pub(super) fn employee_number(text: &str) -> Result<EmployeeNumber, String> {
    if text.is_empty() {
        return Err("the NIP is empty".into());
    }
    EmployeeNumber::parse(text, None).map_err(|e| e.to_string())
}

/// A positive whole number as lists write it: `7`, `07`, or `7.0` from a spreadsheet.
pub(super) fn positive_number(text: &str, what: &str) -> Result<u32, String> {
    let digits = text.strip_suffix(".0").unwrap_or(text);
    match digits.parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("{what} \"{text}\" is not a whole number above 0")),
    }
}

/// Runs of whitespace collapsed: what identifies a free-text value such as an electoral district.
pub(super) fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
