//! The letters Netral issues to a PPK (*Pejabat Pembina Kepegawaian*, the employing authority
//! that imposes sanctions): the recommendation naming the violations found and the sanction,
//! and the warning when the PPK has not acted by the deadline. Each is a PDF in the official
//! Indonesian letter style (*tata naskah dinas*): letterhead (*kop surat*), the Nomor / Sifat /
//! Lampiran / Hal block, place and date, the addressee (*Yth.*), numbered paragraphs citing
//! the legal basis, the signature block and the copies (*tembusan*).
//!
//! [`render`] takes plain data ([`Letter`]) and gives the PDF's bytes. It typesets with typst
//! used as a library: the template is compiled into this crate, the fonts are embedded
//! (Liberation Sans, metric-compatible with Arial, which *tata naskah dinas* prescribes; see
//! `fonts/README.md`), and nothing is read from disk or the network. Every piece of text from
//! the caller reaches the template as JSON data, never as typst markup, so a name with `#`,
//! `[` or `$` in it prints as written. Rendering takes a fraction of a second of CPU and is
//! synchronous: async callers use `spawn_blocking`.
//!
//! [`text::extract_text`] reads the text back out of a PDF, for checking what a stored letter
//! says.

pub mod report;
mod template;
pub mod text;
mod view;
mod world;

use chrono::NaiveDate;
use netral_domain::deadline::DayUnit;
pub use netral_domain::letter::LetterKind;
use netral_domain::rules::LetterSettings;

/// Everything a letter says. Texts are given as they should print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub kind: LetterKind,
    /// Assigned by the system, e.g. `0042/REK/BKN/XI/2026`.
    pub number: String,
    /// The day it is issued (and dated).
    pub date: NaiveDate,
    /// The issuing body: letterhead, place, signer's office, copies.
    pub issuer: LetterSettings,
    /// The signer's name, under the signature.
    pub signer_name: String,
    pub addressee: Addressee,
    pub civil_servant: CivilServant,
    /// Netral's case number, for both sides' files.
    pub case_number: String,
    /// The violations found proven, in the rules' words.
    pub violations: Vec<Provision>,
    /// The sanction recommended.
    pub sanction: Provision,
    /// Set when the sanction differs from the one the rules suggest.
    pub override_reason: Option<Override>,
    /// `None` when the rules set no clock for the stage the letter opens.
    pub deadline: Option<FollowUpDeadline>,
    /// For a warning: the recommendation it follows up on.
    pub recommendation: Option<Reference>,
}

/// The PPK written to: the office (`ppk_title`, e.g. "Bupati Karawang") and its agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressee {
    pub title: String,
    pub agency: String,
}

/// The civil servant (ASN) the case is about. NIP is the 18-digit civil-servant number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CivilServant {
    pub name: String,
    pub nip: String,
    pub position: String,
    pub unit: String,
    pub agency: String,
}

/// A violation or sanction as the rules name it, with its legal basis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provision {
    pub title: String,
    pub legal_basis: String,
}

/// Why the sanction recommended is not the one the rules suggest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// The rules' suggestion, when there is one.
    pub suggested: Option<String>,
    pub reason: String,
}

/// When the PPK must have acted: so many days from the letter, due on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowUpDeadline {
    pub days: u32,
    pub unit: DayUnit,
    pub due: NaiveDate,
}

/// An earlier letter referred to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub number: String,
    pub date: NaiveDate,
}

/// Why a letter could not be made. Either is a defect of this crate (the template), never of
/// the data: retrying the same letter fails the same way.
#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    #[error("the letter template did not typeset: {0}")]
    Typeset(String),
    #[error("the letter could not be written as PDF: {0}")]
    Pdf(String),
    #[error("the PDF could not be read: {0}")]
    Unreadable(String),
}

/// The letter as PDF bytes. The same letter always gives the same bytes.
pub fn render(letter: &Letter) -> Result<Vec<u8>, LetterError> {
    let data = view::data(letter);
    let json = serde_json::to_vec(&data).expect("letter data serialises to JSON");
    world::typeset(template::LETTER, json, &letter.number, letter.date)
}

/// A file name for the letter: its number with the slashes made safe, e.g.
/// `Surat-0042-REK-BKN-XI-2026.pdf`.
pub fn file_name(number: &str) -> String {
    let safe: String = number
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("Surat-{safe}.pdf")
}

#[cfg(test)]
mod tests;
