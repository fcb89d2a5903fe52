//! The statistics report: the dashboard's figures as a printable PDF (A4, landscape tables),
//! typeset with the same embedded fonts and the same closed world as the letters. The caller
//! gives every text as it should print (labels already translated, numbers already
//! formatted), so this crate knows nothing of the statistics themselves.

use chrono::NaiveDate;
use serde::Serialize;

use crate::{LetterError, template, world};

/// Everything the report prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The body the figures are from, e.g. `BADAN KEPEGAWAIAN NEGARA`.
    pub issuer: String,
    pub title: String,
    /// The day the figures are as of, in words (`26 November 2026`).
    pub as_of: String,
    /// The day the figures are as of (the PDF's date).
    #[serde(skip)]
    pub date: NaiveDate,
    /// What the figures are narrowed to, one line each (`Provinsi: Jawa Barat`).
    pub conditions: Vec<String>,
    /// The funnel as bars: each step's share of the reported cases.
    pub bars: Vec<Bar>,
    pub tables: Vec<ReportTable>,
    /// A closing remark (how figures are counted).
    pub note: String,
    /// `Halaman` / `Page`, before the page counter.
    pub page_word: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub label: String,
    pub value: String,
    /// 0.0 to 1.0 of the widest bar.
    pub fraction: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportTable {
    pub heading: String,
    pub columns: Vec<String>,
    /// Each row as wide as `columns`; the first cell names the row.
    pub rows: Vec<Vec<String>>,
}

/// The report as PDF bytes.
pub fn render(report: &Report) -> Result<Vec<u8>, LetterError> {
    let json = serde_json::to_vec(report).expect("report data serialises to JSON");
    let ident = format!("statistik-{}", report.date);
    world::typeset(template::REPORT, json, &ident, report.date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::extract_text;

    fn report(title: &str) -> Report {
        Report {
            issuer: "BADAN KEPEGAWAIAN NEGARA".into(),
            title: title.into(),
            as_of: "26 November 2026".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            conditions: vec!["Provinsi: Jawa Barat".into()],
            bars: vec![
                Bar {
                    label: "Dilaporkan".into(),
                    value: "1.000".into(),
                    fraction: 1.0,
                },
                Bar {
                    label: "Terbukti".into(),
                    value: "278".into(),
                    fraction: 0.278,
                },
            ],
            tables: vec![ReportTable {
                heading: "Jenis pelanggaran".into(),
                columns: vec!["Pelanggaran".into(), "Dilaporkan".into()],
                rows: vec![vec!["Kampanye di media sosial".into(), "302".into()]],
            }],
            note: "Angka per tanggal laporan.".into(),
            page_word: "Halaman".into(),
        }
    }

    #[test]
    fn the_report_prints_its_figures_and_hostile_text_as_written() {
        let title = "Statistik #set [x] $y$ netralitas";
        let pdf = render(&report(title)).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = extract_text(&pdf).unwrap();
        for expected in [
            "Kampanye di media sosial",
            "302",
            "Provinsi: Jawa Barat",
            "278",
        ] {
            assert!(text.contains(expected), "{expected} missing from {text}");
        }
        assert!(text.contains("#set [x] $y$"), "{text}");
        assert_eq!(
            render(&report(title)).unwrap(),
            pdf,
            "the same report, the same bytes"
        );
    }
}
