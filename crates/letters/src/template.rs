//! The templates, compiled into the crate: typst source that reads its document from
//! `/data.json` (see `view.rs` for the letter, `report.rs` for the statistics report).

pub(crate) const LETTER: &str = include_str!("letter.typ");
pub(crate) const REPORT: &str = include_str!("report.typ");
