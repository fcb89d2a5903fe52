//! Candidate lists as KPU (*Komisi Pemilihan Umum*, the election commission) publishes them:
//! the provisional list (DCS, *Daftar Calon Sementara*) and the final one (DCT, *Daftar Calon
//! Tetap*) for the legislatures, and the pairs running for regional head.

use chrono::NaiveDate;

use crate::ids::{PersonName, Sex};
use crate::roster::{header_key, parse_sex};
use crate::table::{FieldProblem, FileField, Problems, TextRow};

use super::values::{collapsed, date, positive_number, required};

crate::file_fields! {
    /// The columns of a candidate list, named as KPU's open data names them.
    pub enum CandidateField from "KPU" {
        /// *Tingkat*: which body or office (see [`CandidateLevel`]).
        Level => ("tingkat", "level", true),
        /// *Daerah pemilihan*: the electoral district, e.g. "JAWA BARAT VII".
        Dapil => ("dapil", "dapil", true),
        PartyNumber => ("nomorPartai", "party_number", false),
        PartyName => ("namaPartai", "party_name", false),
        /// The candidate's number on the party's list (or the pair's number).
        Number => ("nomorUrut", "number", true),
        /// As written, titles included.
        FullName => ("namaLengkap", "name", true),
        Sex => ("jenisKelamin", "sex", true),
        /// The regency or city of residence, as KPU writes it ("KAB. KARAWANG").
        Residence => ("tempatTinggal", "residence", false),
        /// The spouse: a civil servant married to a candidate must take unpaid leave (CLTN).
        SpouseName => ("namaPasangan", "spouse_name", false),
        BirthDate => ("tanggalLahir", "birth_date", false),
    }
}

/// The body or office a candidate runs for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CandidateLevel {
    /// *Dewan Perwakilan Rakyat*: the national parliament.
    Dpr,
    /// *Dewan Perwakilan Daerah*: the regional representatives' council; candidates run without
    /// a party.
    Dpd,
    /// A province's legislature.
    DprdProvinsi,
    /// A regency's or city's legislature.
    DprdKabkota,
    /// Governor, regent or mayor (Pilkada).
    KepalaDaerah,
    /// Their deputy (Pilkada).
    WakilKepalaDaerah,
}

impl CandidateLevel {
    pub const ALL: [CandidateLevel; 6] = [
        CandidateLevel::Dpr,
        CandidateLevel::Dpd,
        CandidateLevel::DprdProvinsi,
        CandidateLevel::DprdKabkota,
        CandidateLevel::KepalaDaerah,
        CandidateLevel::WakilKepalaDaerah,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CandidateLevel::Dpr => "dpr",
            CandidateLevel::Dpd => "dpd",
            CandidateLevel::DprdProvinsi => "dprd_provinsi",
            CandidateLevel::DprdKabkota => "dprd_kabkota",
            CandidateLevel::KepalaDaerah => "kepala_daerah",
            CandidateLevel::WakilKepalaDaerah => "wakil_kepala_daerah",
        }
    }

    /// The stored word, in any case or punctuation ("DPRD Provinsi", "dprd_kab/kota").
    pub fn parse(text: &str) -> Option<CandidateLevel> {
        let key = header_key(text);
        match key.as_str() {
            "dprdprov" | "dprdprovinsi" => Some(CandidateLevel::DprdProvinsi),
            "dprdkab" | "dprdkota" | "dprdkabupatenkota" => Some(CandidateLevel::DprdKabkota),
            _ => CandidateLevel::ALL
                .into_iter()
                .find(|level| header_key(level.as_str()) == key),
        }
    }

    /// Every level but the DPD runs on a party's ticket.
    pub fn has_party(self) -> bool {
        self != CandidateLevel::Dpd
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Party {
    pub number: u32,
    pub name: String,
}

/// A row of a candidate list that can be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateRecord {
    pub level: CandidateLevel,
    /// Whitespace collapsed, otherwise as written.
    pub dapil: String,
    /// `None` only for the DPD.
    pub party: Option<Party>,
    pub number: u32,
    pub name: PersonName,
    pub sex: Sex,
    pub residence: Option<String>,
    pub spouse_name: Option<String>,
    pub birth_date: Option<NaiveDate>,
}

/// Checks one row: every problem is named with its column.
pub fn check_candidate_row(
    row: &TextRow<CandidateField>,
) -> Result<CandidateRecord, Vec<FieldProblem<CandidateField>>> {
    use CandidateField as F;
    let mut problems = Problems::default();
    let level_text = row.get(F::Level);
    let level = problems.check(
        F::Level,
        CandidateLevel::parse(level_text).ok_or_else(|| {
            let known: Vec<&str> = CandidateLevel::ALL.iter().map(|l| l.as_str()).collect();
            format!("level \"{level_text}\" is not one of {}", known.join(", "))
        }),
    );
    let dapil = problems.check(
        F::Dapil,
        required(row.get(F::Dapil), "the electoral district").map(collapsed),
    );
    let party = party(row, level, &mut problems);
    let number = problems.check(
        F::Number,
        required(row.get(F::Number), "the candidate's number")
            .and_then(|n| positive_number(n, "the candidate's number")),
    );
    let name = problems.check(
        F::FullName,
        required(row.get(F::FullName), "the name")
            .and_then(|n| n.parse::<PersonName>().map_err(|e| e.to_string())),
    );
    let sex_text = row.get(F::Sex);
    let sex = problems.check(
        F::Sex,
        parse_sex(sex_text).ok_or_else(|| format!("sex \"{sex_text}\" is not L or P")),
    );
    let birth_date = match row.optional(F::BirthDate) {
        Some(text) => problems.check(F::BirthDate, date(text)),
        None => None,
    };
    match (level, dapil, party, number, name, sex) {
        (Some(level), Some(dapil), Some(party), Some(number), Some(name), Some(sex))
            if problems.is_empty() =>
        {
            Ok(CandidateRecord {
                level,
                dapil,
                party,
                number,
                name,
                sex,
                residence: row.optional(F::Residence).map(collapsed),
                spouse_name: row.optional(F::SpouseName).map(collapsed),
                birth_date,
            })
        }
        _ => Err(problems.into_vec()),
    }
}

/// `Some(None)` for a row without a party where that is allowed (the DPD); `None` after a
/// problem.
fn party(
    row: &TextRow<CandidateField>,
    level: Option<CandidateLevel>,
    problems: &mut Problems<CandidateField>,
) -> Option<Option<Party>> {
    use CandidateField as F;
    let (number, name) = (row.get(F::PartyNumber), row.get(F::PartyName));
    let needed = level.is_none_or(CandidateLevel::has_party);
    if number.is_empty() && name.is_empty() && !needed {
        return Some(None);
    }
    let level_name = level.map_or("this", CandidateLevel::as_str);
    let number = if number.is_empty() {
        problems.push(
            F::PartyNumber,
            format!("the party's number is empty; a {level_name} candidate runs for a party"),
        );
        None
    } else {
        problems.check(
            F::PartyNumber,
            positive_number(number, "the party's number"),
        )
    };
    let name = if name.is_empty() {
        problems.push(
            F::PartyName,
            format!("the party's name is empty; a {level_name} candidate runs for a party"),
        );
        None
    } else {
        Some(collapsed(name))
    };
    Some(Some(Party {
        number: number?,
        name: name?,
    }))
}

/// The columns in KPU's order, for writing files and tests.
pub fn candidate_header() -> Vec<&'static str> {
    CandidateField::ALL.iter().map(|f| f.header()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(values: [&str; 10]) -> TextRow<CandidateField> {
        TextRow::of(CandidateField::ALL.iter().copied().zip(values))
    }

    #[test]
    fn levels_are_read_in_kpu_spellings() {
        for (text, level) in [
            ("DPR", CandidateLevel::Dpr),
            ("dprd_provinsi", CandidateLevel::DprdProvinsi),
            ("DPRD Provinsi", CandidateLevel::DprdProvinsi),
            ("DPRD Kab/Kota", CandidateLevel::DprdKabkota),
            ("kepala_daerah", CandidateLevel::KepalaDaerah),
            ("Wakil Kepala Daerah", CandidateLevel::WakilKepalaDaerah),
        ] {
            assert_eq!(CandidateLevel::parse(text), Some(level), "{text}");
        }
        assert_eq!(CandidateLevel::parse("presiden"), None);
        assert_eq!(candidate_header()[0], "tingkat");
    }

    #[test]
    fn a_good_row_keeps_the_name_as_written() {
        let record = check_candidate_row(&row([
            "dpr",
            "JAWA  BARAT VII",
            "02",
            "Partai Contoh",
            "3",
            "Dr. H. Ahmad Suryana, S.H., M.H.",
            "L",
            "KAB. KARAWANG",
            "Siti Aminah",
            "12/03/1975",
        ]))
        .unwrap();
        assert_eq!(record.dapil, "JAWA BARAT VII");
        assert_eq!(record.party.as_ref().unwrap().number, 2);
        assert_eq!(record.name.as_written(), "Dr. H. Ahmad Suryana, S.H., M.H.");
        assert_eq!(record.name.given_name(), "Ahmad Suryana");
        assert_eq!(record.birth_date, NaiveDate::from_ymd_opt(1975, 3, 12));
    }

    #[test]
    fn a_dpd_candidate_needs_no_party_but_others_do() {
        let dpd = check_candidate_row(&row([
            "DPD",
            "JAWA BARAT",
            "",
            "",
            "12",
            "Budi",
            "L",
            "",
            "",
            "",
        ]))
        .unwrap();
        assert_eq!(dpd.party, None);
        let problems = check_candidate_row(&row([
            "dprd_kabkota",
            "KARAWANG 1",
            "",
            "Partai",
            "x",
            "Dr.",
            "Q",
            "",
            "",
            "1975-02-30",
        ]))
        .unwrap_err();
        let fields: Vec<CandidateField> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                CandidateField::PartyNumber,
                CandidateField::Number,
                CandidateField::FullName,
                CandidateField::Sex,
                CandidateField::BirthDate
            ]
        );
    }
}
