//! The letter as the template reads it: plain JSON strings and lists, with dates and counts
//! already written out in Indonesian, so the template only places text and never parses any.

use chrono::{Datelike, NaiveDate};
use netral_domain::deadline::DayUnit;
use serde::Serialize;

use crate::{Letter, LetterKind};

#[derive(Serialize)]
pub(crate) struct Data<'a> {
    kind: &'static str,
    number: &'a str,
    /// `Jakarta, 3 November 2026`.
    place_date: String,
    date: Iso,
    /// The *Hal* line.
    subject_line: &'static str,
    issuer: &'a str,
    issuer_unit: &'a str,
    address: &'a str,
    addressee_title: &'a str,
    addressee_agency: &'a str,
    name: &'a str,
    nip: &'a str,
    position: &'a str,
    unit: &'a str,
    agency: &'a str,
    case_number: &'a str,
    violations: Vec<ProvisionView<'a>>,
    sanction: ProvisionView<'a>,
    override_suggested: Option<&'a str>,
    override_reason: Option<String>,
    /// `14 (empat belas) hari kalender`.
    deadline_span: Option<String>,
    /// `17 November 2026`.
    deadline_due: Option<String>,
    /// For a warning: the recommendation's number and date.
    reference_number: Option<&'a str>,
    reference_date: Option<String>,
    signer_title: &'a str,
    signer_name: &'a str,
    copies: &'a [String],
}

#[derive(Serialize)]
struct Iso {
    year: i32,
    month: u32,
    day: u32,
}

#[derive(Serialize)]
struct ProvisionView<'a> {
    title: &'a str,
    legal_basis: &'a str,
}

pub(crate) fn data(letter: &Letter) -> Data<'_> {
    Data {
        kind: letter.kind.as_str(),
        number: &letter.number,
        place_date: format!("{}, {}", letter.issuer.place, long_date(letter.date)),
        date: Iso {
            year: letter.date.year(),
            month: letter.date.month(),
            day: letter.date.day(),
        },
        subject_line: match letter.kind {
            LetterKind::Recommendation => {
                "Rekomendasi atas Pelanggaran Netralitas Pegawai Aparatur Sipil Negara"
            }
            LetterKind::Warning => "Peringatan atas Rekomendasi yang Belum Ditindaklanjuti",
        },
        issuer: &letter.issuer.issuer,
        issuer_unit: &letter.issuer.issuer_unit,
        address: &letter.issuer.address,
        addressee_title: &letter.addressee.title,
        addressee_agency: &letter.addressee.agency,
        name: &letter.civil_servant.name,
        nip: &letter.civil_servant.nip,
        position: &letter.civil_servant.position,
        unit: &letter.civil_servant.unit,
        agency: &letter.civil_servant.agency,
        case_number: &letter.case_number,
        violations: letter
            .violations
            .iter()
            .map(|v| ProvisionView {
                title: &v.title,
                legal_basis: &v.legal_basis,
            })
            .collect(),
        sanction: ProvisionView {
            title: &letter.sanction.title,
            legal_basis: &letter.sanction.legal_basis,
        },
        override_suggested: letter
            .override_reason
            .as_ref()
            .and_then(|o| o.suggested.as_deref()),
        override_reason: letter
            .override_reason
            .as_ref()
            .map(|o| sentence(o.reason.trim())),
        deadline_span: letter.deadline.map(|deadline| {
            format!(
                "{} ({}) {}",
                deadline.days,
                in_words(deadline.days),
                match deadline.unit {
                    DayUnit::CalendarDays => "hari kalender",
                    DayUnit::WorkingDays => "hari kerja",
                }
            )
        }),
        deadline_due: letter.deadline.map(|deadline| long_date(deadline.due)),
        reference_number: letter.recommendation.as_ref().map(|r| r.number.as_str()),
        reference_date: letter.recommendation.as_ref().map(|r| long_date(r.date)),
        signer_title: &letter.issuer.signer_title,
        signer_name: &letter.signer_name,
        copies: &letter.issuer.copies,
    }
}

/// A reason as the end of a sentence: with a full stop unless it ends in one already.
fn sentence(text: &str) -> String {
    if text.ends_with(['.', '!', '?']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// `3 November 2026`.
pub(crate) fn long_date(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// A count in Indonesian words, as official letters repeat it after the figure: `14` →
/// `empat belas`. Up to 999 999 (deadlines are days).
pub(crate) fn in_words(n: u32) -> String {
    const ONES: [&str; 10] = [
        "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    ];
    fn below_thousand(n: u32) -> String {
        let (hundreds, rest) = (n / 100, n % 100);
        let mut parts = Vec::new();
        match hundreds {
            0 => {}
            1 => parts.push("seratus".to_owned()),
            h => parts.push(format!("{} ratus", ONES[h as usize])),
        }
        match rest {
            0 => {}
            1..=9 => parts.push(ONES[rest as usize].to_owned()),
            10 => parts.push("sepuluh".to_owned()),
            11 => parts.push("sebelas".to_owned()),
            12..=19 => parts.push(format!("{} belas", ONES[(rest - 10) as usize])),
            _ => {
                parts.push(format!("{} puluh", ONES[(rest / 10) as usize]));
                if rest % 10 != 0 {
                    parts.push(ONES[(rest % 10) as usize].to_owned());
                }
            }
        }
        parts.join(" ")
    }
    if n == 0 {
        return ONES[0].to_owned();
    }
    let (thousands, rest) = (n / 1000, n % 1000);
    let mut parts = Vec::new();
    match thousands {
        0 => {}
        1 => parts.push("seribu".to_owned()),
        t => parts.push(format!("{} ribu", below_thousand(t))),
    }
    if rest != 0 {
        parts.push(below_thousand(rest));
    }
    parts.join(" ")
}
