//! The cross-check Netral exists for: KPU candidate lists (and the spouses they declare)
//! against the civil-servant roster.
//!
//! Fields: name, birth date, sex, regency and academic degrees. A roster row's birth date and
//! sex come from its columns or else from its NIP (*Nomor Induk Pegawai*, whose first eight
//! digits are the birth date and fifteenth the sex); its regency from its NIK (*Nomor Induk
//! Kependudukan*, the population number, whose first four digits are the regency of
//! residence); its degrees from its title columns. A candidate's regency is the residence KPU
//! publishes, and its degrees the titles written around the name ("Ir. …, S.Pd."). A spouse
//! query has the spouse's name and titles, the sex opposite the candidate's and the candidate's
//! regency, and no birth date.
//!
//! Blocking: birth date with sex; a rare word of the name with the birth year; a rare word with
//! the regency (the one that finds spouses and candidates whose birth date is not published).

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::NaiveDate;
use netral_domain::ids::{PersonName, Sex};
use netral_domain::roster::{parse_date, parse_sex};

use crate::LinkError;
use crate::blocking::{BlockingRule, KeyPart};
use crate::compare::Comparator;
use crate::engine::{LinkOptions, LinkOutcome, Linker};
use crate::input::{self, Row, column, optional_column};
use crate::normalise::{NameKeys, degrees, hash_bytes, hash_str};
use crate::parallel::map_parts;
use crate::record::{FieldSpec, Query, Record, Relation, Schema, Value};

const NAME: usize = 0;
const BIRTH: usize = 1;
const SEX: usize = 2;
const REGION: usize = 3;

pub fn schema() -> Schema {
    Schema {
        fields: vec![
            FieldSpec::new("name", Comparator::Name),
            FieldSpec::new("birth_date", Comparator::Date),
            FieldSpec::new("sex", Comparator::Exact),
            FieldSpec::new("regency", Comparator::Exact),
            FieldSpec::new("degrees", Comparator::Set),
        ],
        blocking: vec![
            BlockingRule::new(
                "birth date and sex",
                vec![KeyPart::Same(BIRTH), KeyPart::Same(SEX)],
            ),
            BlockingRule::new(
                "rare word and birth year",
                vec![
                    KeyPart::RareWords {
                        field: NAME,
                        count: 2,
                        fallback: false,
                    },
                    KeyPart::Year(BIRTH),
                ],
            ),
            BlockingRule::new(
                "rare word and regency",
                vec![
                    KeyPart::RareWords {
                        field: NAME,
                        count: 2,
                        fallback: true,
                    },
                    KeyPart::Same(REGION),
                ],
            ),
        ],
        training: vec![
            BlockingRule::new(
                "birth date and sex",
                vec![KeyPart::Same(BIRTH), KeyPart::Same(SEX)],
            ),
            BlockingRule::new(
                "same full name and regency",
                vec![KeyPart::FullName(NAME), KeyPart::Same(REGION)],
            ),
        ],
        name_region: Some(REGION),
        name_sex: Some(SEX),
    }
}

/// A civil servant as the roster gives them.
#[derive(Debug, Clone, Default)]
pub struct RosterRow {
    pub nip: String,
    pub name: String,
    pub front_titles: String,
    pub back_titles: String,
    pub birth: Option<NaiveDate>,
    pub sex: Option<Sex>,
    pub nik: Option<String>,
}

/// A candidate as a KPU list gives them.
#[derive(Debug, Clone, Default)]
pub struct CandidateRow {
    /// The database id, or the line in the file.
    pub id: String,
    /// As written, titles inline.
    pub name: String,
    pub sex: Option<Sex>,
    pub birth: Option<NaiveDate>,
    /// The regency of residence, as a Kemendagri code ("32.15").
    pub region_code: Option<String>,
    pub spouse: Option<String>,
}

fn sex_value(sex: Option<Sex>) -> Value {
    Value::Exact(sex.map(|s| match s {
        Sex::Male => 1,
        Sex::Female => 2,
    }))
}

/// The degrees among the titles written around a name on a list.
fn written_degrees(written: &str) -> Value {
    Value::Words(PersonName::from_str(written).ok().and_then(|name| {
        degrees(
            name.front_titles()
                .iter()
                .chain(name.back_titles())
                .map(String::as_str),
        )
    }))
}

fn region_value(code: Option<&str>) -> Value {
    Value::Exact(code.filter(|c| !c.is_empty()).map(hash_str))
}

impl RosterRow {
    /// The record the engine compares; its name key from `names` when the name came before.
    pub fn to_record(&self, names: &mut NameKeys) -> Result<Record, String> {
        RosterFields {
            nip: &self.nip,
            name: &self.name,
            front_titles: &self.front_titles,
            back_titles: &self.back_titles,
            birth: self.birth,
            sex: self.sex,
            nik: self.nik.as_deref(),
        }
        .to_record(names)
    }
}

/// A roster row's fields borrowed from wherever they were read (a [`RosterRow`], a file's
/// cells): a record is made from them without copying each field first.
struct RosterFields<'a> {
    nip: &'a str,
    name: &'a str,
    front_titles: &'a str,
    back_titles: &'a str,
    birth: Option<NaiveDate>,
    sex: Option<Sex>,
    nik: Option<&'a str>,
}

impl RosterFields<'_> {
    fn to_record(&self, names: &mut NameKeys) -> Result<Record, String> {
        let digits = self.nip.as_bytes();
        if digits.len() != 18 || !digits.iter().all(u8::is_ascii_digit) {
            return Err(format!("NIP {:?} is not 18 digits", self.nip));
        }
        let birth = self.birth.or_else(|| parse_date(&self.nip[..8]));
        let sex = self.sex.or(match digits[14] {
            b'1' => Some(Sex::Male),
            b'2' => Some(Sex::Female),
            _ => None,
        });
        // "PP.KK" from the NIK's first four digits, on the stack: this runs for every row.
        let region = self
            .nik
            .map(str::as_bytes)
            .filter(|n| n.len() >= 4 && n[..4].iter().all(u8::is_ascii_digit))
            .map(|n| hash_bytes(&[n[0], n[1], b'.', n[2], n[3]]));
        let (front, name, back) = (
            self.front_titles.trim(),
            self.name.trim(),
            self.back_titles.trim(),
        );
        let mut display = String::with_capacity(front.len() + name.len() + back.len() + 3);
        if !front.is_empty() {
            display.push_str(front);
            display.push(' ');
        }
        display.push_str(name);
        if !back.is_empty() {
            display.push_str(", ");
            display.push_str(back);
        }
        Ok(Record {
            id: self.nip.to_owned(),
            values: vec![
                Value::Name(names.get(self.name)),
                Value::Date(birth),
                sex_value(sex),
                Value::Exact(region),
                Value::Words(names.degrees(front, back)),
            ],
            display,
        })
    }
}

impl CandidateRow {
    /// The candidate, and the declared spouse if any.
    pub fn to_queries(&self) -> Vec<Query> {
        let mut queries = vec![Query {
            id: self.id.clone(),
            relation: Relation::Own,
            display: self.name.clone(),
            values: vec![
                Value::name(&self.name),
                Value::Date(self.birth),
                sex_value(self.sex),
                region_value(self.region_code.as_deref()),
                written_degrees(&self.name),
            ],
        }];
        if let Some(spouse) = self.spouse.as_deref().filter(|s| !s.trim().is_empty()) {
            let opposite = self.sex.map(|s| match s {
                Sex::Male => Sex::Female,
                Sex::Female => Sex::Male,
            });
            queries.push(Query {
                id: self.id.clone(),
                relation: Relation::Spouse,
                display: spouse.trim().to_owned(),
                values: vec![
                    Value::name(spouse),
                    Value::Date(None),
                    sex_value(opposite),
                    region_value(self.region_code.as_deref()),
                    written_degrees(spouse),
                ],
            });
        }
        queries
    }
}

/// The candidates' queries in their order, made on `threads` threads: normalising a quarter
/// of a million names and their titles takes a core half a second.
fn queries_of(candidates: &[CandidateRow], threads: usize) -> Vec<Query> {
    map_parts(candidates, threads, |part| {
        part.iter().flat_map(CandidateRow::to_queries).collect()
    })
}

/// Links a roster given in batches against candidates (the app's entry point).
pub fn link(
    roster: impl Iterator<Item = Vec<RosterRow>> + Send,
    candidates: &[CandidateRow],
    options: &LinkOptions,
) -> Result<LinkOutcome, LinkError> {
    let queries = queries_of(candidates, options.threads);
    let linker = Linker::new(schema(), queries, options.clone());
    linker.run(roster, RosterRow::to_record)
}

/// Links a roster file against a candidate list file (CSV or XLSX), end to end. Returns the
/// outcome and how many candidates' residences named no known regency.
pub fn link_files(
    roster: &Path,
    candidates: &Path,
    options: &LinkOptions,
) -> Result<(LinkOutcome, u64), LinkError> {
    let (candidates, unresolved) = read_candidates(candidates)?;
    let queries = queries_of(&candidates, options.threads);
    let file = roster.display().to_string();
    let (header, batches) = input::open(roster)?;
    let columns = RosterColumns::find(&header, &file)?;
    let linker = Linker::new(schema(), queries, options.clone());
    let outcome = linker.run(batches, |row, names| columns.record(row, names))?;
    Ok((outcome, unresolved))
}

/// The roster file's columns (SIASN names first).
pub struct RosterColumns {
    nip: usize,
    name: usize,
    front: Option<usize>,
    back: Option<usize>,
    birth: Option<usize>,
    sex: Option<usize>,
    nik: Option<usize>,
}

impl RosterColumns {
    pub fn find(header: &[String], file: &str) -> Result<RosterColumns, LinkError> {
        Ok(RosterColumns {
            nip: column(header, &["nipBaru", "nip"], file)?,
            name: column(header, &["nama", "name"], file)?,
            front: optional_column(header, &["gelarDepan", "front_titles"]),
            back: optional_column(header, &["gelarBelakang", "back_titles"]),
            birth: optional_column(header, &["tglLahir", "tanggalLahir", "birth_date"]),
            sex: optional_column(header, &["jenisKelamin", "sex"]),
            nik: optional_column(header, &["nik"]),
        })
    }

    pub fn record(&self, row: &Row, names: &mut NameKeys) -> Result<Record, String> {
        let cells = row
            .cells
            .as_ref()
            .map_err(|e| format!("line {}: {e}", row.line))?;
        let cell = |i: usize| cells.get(i).unwrap_or("").trim();
        let optional = |i: Option<usize>| i.map(cell).filter(|c| !c.is_empty());
        RosterFields {
            nip: cell(self.nip),
            name: cell(self.name),
            front_titles: optional(self.front).unwrap_or(""),
            back_titles: optional(self.back).unwrap_or(""),
            birth: optional(self.birth).and_then(parse_date),
            sex: optional(self.sex).and_then(parse_sex),
            nik: optional(self.nik),
        }
        .to_record(names)
        .map_err(|e| format!("line {}: {e}", row.line))
    }
}

/// Reads a candidate list file; a candidate's id is its line. Residences are resolved to
/// regency codes through the vendored Kemendagri list; the count of unresolved ones is returned.
pub fn read_candidates(path: &Path) -> Result<(Vec<CandidateRow>, u64), LinkError> {
    let file = path.display().to_string();
    let (header, batches) = input::open(path)?;
    let name = column(&header, &["namaLengkap", "nama", "name"], &file)?;
    let sex = optional_column(&header, &["jenisKelamin", "sex"]);
    let residence = optional_column(&header, &["tempatTinggal", "residence"]);
    let spouse = optional_column(&header, &["namaPasangan", "spouse_name"]);
    let birth = optional_column(&header, &["tanggalLahir", "tglLahir", "birth_date"]);
    let mut rows = Vec::new();
    let mut unresolved = 0;
    for row in batches.flatten() {
        let cells = row.cells.map_err(|message| LinkError::Line {
            file: file.clone(),
            line: row.line,
            message,
        })?;
        let cell = |i: Option<usize>| {
            i.and_then(|i| cells.get(i))
                .map(str::trim)
                .filter(|c| !c.is_empty())
        };
        let region_code = cell(residence).and_then(|r| {
            let code = region_code(r);
            unresolved += u64::from(code.is_none());
            code
        });
        rows.push(CandidateRow {
            id: row.line.to_string(),
            name: cell(Some(name)).unwrap_or("").to_owned(),
            sex: cell(sex).and_then(parse_sex),
            birth: cell(birth).and_then(parse_date),
            region_code,
            spouse: cell(spouse).map(str::to_owned),
        });
    }
    Ok((rows, unresolved))
}

/// A regency or city as written ("KAB. KARAWANG", "Kabupaten Karawang", "KOTA BOGOR",
/// "Karawang") → its Kemendagri code, from the list vendored in `data/regions/`.
pub fn region_code(written: &str) -> Option<String> {
    static PLACES: OnceLock<HashMap<String, Option<String>>> = OnceLock::new();
    let places = PLACES.get_or_init(|| {
        let mut places: HashMap<String, Option<String>> = HashMap::new();
        for line in include_str!("../../../data/regions/regencies.csv")
            .lines()
            .skip(1)
        {
            let mut parts = line.splitn(3, ',');
            let (Some(code), Some(_), Some(name)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let key = place_key(name.trim_matches('"'));
            // The bare name ("Bogor") is kept only when one regency or city bears it.
            let bare = bare(&key).to_owned();
            places.insert(key, Some(code.to_owned()));
            places
                .entry(bare)
                .and_modify(|c| *c = None)
                .or_insert_with(|| Some(code.to_owned()));
        }
        places
    });
    let key = place_key(written);
    places
        .get(&key)
        .or_else(|| places.get(bare(&key)))
        .cloned()
        .flatten()
}

fn place_key(name: &str) -> String {
    let lower = name.to_lowercase().replace('.', " ");
    // "Kota Administrasi Jakarta Pusat" is "KOTA JAKARTA PUSAT" on KPU lists.
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| !matches!(*w, "administrasi" | "adm"))
        .collect();
    let mut out = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        out.push(if i == 0 && *word == "kabupaten" {
            "kab"
        } else {
            word
        });
    }
    out.join(" ")
}

fn bare(key: &str) -> &str {
    key.strip_prefix("kab ")
        .or_else(|| key.strip_prefix("kota "))
        .unwrap_or(key)
}

#[cfg(test)]
mod tests;
