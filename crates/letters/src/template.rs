//! The letter template, compiled into the crate: typst source that reads the letter from
//! `/data.json` (see `view.rs`).

pub(crate) const SOURCE: &str = include_str!("letter.typ");
