//! KPU candidate lists (DCS/DCT) per election: imported from KPU's files, re-imported as the
//! lists change (keyed by election, level, electoral district, party number and candidate
//! number), and listed page by page. The residence KPU writes ("KAB. KARAWANG") is kept as
//! written and, where it names one regency or city, resolved to its region code: the link
//! engine compares it with the roster.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use netral_domain::election::Election;
use netral_domain::ids::Sex;
use netral_domain::registry::{
    CandidateField, CandidateLevel, CandidateRecord, bare_place_key, check_candidate_row, place_key,
};
use netral_domain::table::{FieldProblem, TextRow};

use super::{back_titles, front_titles};
use crate::db::{Db, Tx, sql};
use crate::error::StoreError;
use crate::tabular::pipeline::{
    Change, FileImportError, FileImportOptions, FileImportSummary, RecordParser, RecordWriter,
    import_records, stored_now,
};

#[derive(Debug, Clone, PartialEq)]
pub struct CandidateImportSummary {
    pub file: FileImportSummary,
    /// Candidates imported whose residence names no single regency or city: kept as written,
    /// without a region code. Not an error; the link engine will have less to go on.
    pub residence_unresolved: u64,
}

/// Imports a candidate list of `election` (already resolved from rules/elections, see
/// [`crate::rules_files::find_election`]).
pub async fn import_candidates(
    db: &Db,
    path: &Path,
    election: &Election,
    options: FileImportOptions<CandidateField>,
) -> Result<CandidateImportSummary, FileImportError> {
    let places = places(db).await?;
    let mut stored = HashMap::new();
    for row in sql("SELECT id, level, dapil, party_number, party_name, number, name, given_name, front_titles, back_titles, sex, residence, residence_region_code, spouse_name, birth_date FROM candidates WHERE election_code = $1")
        .bind(&election.code)
        .fetch_all(db)
        .await?
    {
        let values = Values {
            level: row.get("level")?,
            dapil: row.get("dapil")?,
            party_number: row.get("party_number")?,
            party_name: row.get("party_name")?,
            number: row.get("number")?,
            name: row.get("name")?,
            given_name: row.get("given_name")?,
            front_titles: row.get("front_titles")?,
            back_titles: row.get("back_titles")?,
            sex: row.get("sex")?,
            residence: row.get("residence")?,
            residence_region_code: row.get("residence_region_code")?,
            spouse_name: row.get("spouse_name")?,
            birth_date: row.get("birth_date")?,
        };
        stored.insert(values.key(), (row.get::<i64>("id")?, values.fingerprint()));
    }
    let parser = CandidateParser {
        places,
        stored,
        seen: HashMap::new(),
        residence_unresolved: 0,
    };
    let writer = CandidateWriter {
        election: election.code.clone(),
        label: options.label.clone(),
        now: stored_now(options.now),
    };
    let (file, parser) =
        import_records(db, path, "candidate list", options, parser, writer).await?;
    Ok(CandidateImportSummary {
        file,
        residence_unresolved: parser.residence_unresolved,
    })
}

/// Regency and city codes by [`place_key`] of their official names ("kabupaten karawang"),
/// and by the bare name ("karawang") where only one regency or city has it.
async fn places(db: &Db) -> Result<HashMap<String, String>, StoreError> {
    let mut places = HashMap::new();
    let mut bare: HashMap<String, Option<String>> = HashMap::new();
    for row in sql("SELECT code, name FROM regions WHERE level IN ('regency', 'city')")
        .fetch_all(db)
        .await?
    {
        let (code, name): (String, String) = (row.get("code")?, row.get("name")?);
        let key = place_key(&name);
        if let Some(short) = bare_place_key(&key) {
            bare.entry(short.to_owned())
                .and_modify(|found| *found = None)
                .or_insert_with(|| Some(code.clone()));
        }
        places.insert(key, code);
    }
    for (short, code) in bare {
        if let Some(code) = code {
            places.entry(short).or_insert(code);
        }
    }
    Ok(places)
}

/// Level, electoral district, party number (0 for none), candidate number.
type Key = (String, String, i64, i64);

/// A candidate's stored values, as written and compared on re-import.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Values {
    level: String,
    dapil: String,
    party_number: Option<i64>,
    party_name: Option<String>,
    number: i64,
    name: String,
    given_name: String,
    front_titles: Option<String>,
    back_titles: Option<String>,
    sex: String,
    residence: Option<String>,
    residence_region_code: Option<String>,
    spouse_name: Option<String>,
    birth_date: Option<NaiveDate>,
}

impl Values {
    fn key(&self) -> Key {
        (
            self.level.clone(),
            self.dapil.clone(),
            self.party_number.unwrap_or(0),
            self.number,
        )
    }

    /// Enough to tell a changed row from an unchanged one without keeping every stored row.
    fn fingerprint(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.hash(&mut hasher);
        hasher.finish()
    }
}

fn sex_text(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "male",
        Sex::Female => "female",
    }
}

struct CandidateParser {
    places: HashMap<String, String>,
    /// The election's stored candidates: id and fingerprint by key.
    stored: HashMap<Key, (i64, u64)>,
    /// Keys met in this file, with their line.
    seen: HashMap<Key, u64>,
    residence_unresolved: u64,
}

impl CandidateParser {
    fn resolve(&self, residence: &str) -> Option<String> {
        let key = place_key(residence);
        self.places
            .get(&key)
            .or_else(|| bare_place_key(&key).and_then(|short| self.places.get(short)))
            .cloned()
    }

    fn values(&mut self, record: CandidateRecord) -> Values {
        let residence_region_code = record.residence.as_deref().and_then(|r| self.resolve(r));
        if record.residence.is_some() && residence_region_code.is_none() {
            self.residence_unresolved += 1;
        }
        Values {
            level: record.level.as_str().to_owned(),
            dapil: record.dapil,
            party_number: record.party.as_ref().map(|p| i64::from(p.number)),
            party_name: record.party.map(|p| p.name),
            number: i64::from(record.number),
            given_name: record.name.given_name().to_owned(),
            front_titles: front_titles(&record.name),
            back_titles: back_titles(&record.name),
            name: record.name.as_written().to_owned(),
            sex: sex_text(record.sex).to_owned(),
            residence: record.residence,
            residence_region_code,
            spouse_name: record.spouse_name,
            birth_date: record.birth_date,
        }
    }
}

pub struct CandidateWrite {
    id: Option<i64>,
    values: Values,
}

impl RecordParser for CandidateParser {
    type Field = CandidateField;
    type Record = CandidateWrite;

    fn parse(
        &mut self,
        line: u64,
        row: &TextRow<CandidateField>,
        problems: &mut Vec<FieldProblem<CandidateField>>,
    ) -> Result<Option<Change<CandidateWrite>>, StoreError> {
        let record = match check_candidate_row(row) {
            Ok(record) => record,
            Err(found) => {
                problems.extend(found);
                return Ok(None);
            }
        };
        let values = self.values(record);
        let key = values.key();
        if let Some(first) = self.seen.get(&key) {
            problems.push(FieldProblem::new(
                CandidateField::Number,
                format!(
                    "number {} of party {} in {} ({}) appears again: it was already on line {first}",
                    values.number,
                    values.party_number.unwrap_or(0),
                    values.dapil,
                    values.level
                ),
            ));
            return Ok(None);
        }
        self.seen.insert(key.clone(), line);
        match self.stored.get(&key) {
            Some((_, fingerprint)) if *fingerprint == values.fingerprint() => {
                Ok(Some(Change::Same))
            }
            Some((id, _)) => Ok(Some(Change::Changed(CandidateWrite {
                id: Some(*id),
                values,
            }))),
            None => Ok(Some(Change::New(CandidateWrite { id: None, values }))),
        }
    }
}

struct CandidateWriter {
    election: String,
    label: String,
    now: DateTime<Utc>,
}

impl RecordWriter<CandidateWrite> for CandidateWriter {
    async fn write(
        &mut self,
        tx: &mut Tx,
        change: Change<CandidateWrite>,
    ) -> Result<(), StoreError> {
        let (Change::New(write) | Change::Changed(write)) = change else {
            return Ok(());
        };
        let v = write.values;
        match write.id {
            None => sql("INSERT INTO candidates (election_code, level, dapil, party_number, party_name, number, name, given_name, front_titles, back_titles, sex, residence, residence_region_code, spouse_name, birth_date, updated_at, import_batch) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)")
                .bind(self.election.clone()),
            // The key columns are what found the row; they are rewritten unchanged.
            Some(id) => sql("UPDATE candidates SET level = $2, dapil = $3, party_number = $4, party_name = $5, number = $6, name = $7, given_name = $8, front_titles = $9, back_titles = $10, sex = $11, residence = $12, residence_region_code = $13, spouse_name = $14, birth_date = $15, updated_at = $16, import_batch = $17 WHERE id = $1")
                .bind(id),
        }
        .bind(v.level)
        .bind(v.dapil)
        .bind(v.party_number)
        .bind(v.party_name)
        .bind(v.number)
        .bind(v.name)
        .bind(v.given_name)
        .bind(v.front_titles)
        .bind(v.back_titles)
        .bind(v.sex)
        .bind(v.residence)
        .bind(v.residence_region_code)
        .bind(v.spouse_name)
        .bind(v.birth_date)
        .bind(self.now)
        .bind(self.label.clone())
        .execute(tx)
        .await?;
        Ok(())
    }
}

/// One candidate as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: i64,
    pub election_code: String,
    pub level: CandidateLevel,
    pub dapil: String,
    pub party_number: Option<i64>,
    pub party_name: Option<String>,
    pub number: i64,
    /// As written, titles included.
    pub name: String,
    pub given_name: String,
    pub front_titles: Option<String>,
    pub back_titles: Option<String>,
    pub sex: Sex,
    pub residence: Option<String>,
    pub residence_region_code: Option<String>,
    pub spouse_name: Option<String>,
    pub birth_date: Option<NaiveDate>,
}

/// Which candidates of an election to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CandidateFilter {
    pub level: Option<CandidateLevel>,
    /// The electoral district exactly as stored (whitespace collapsed).
    pub dapil: Option<String>,
    /// Part of the name, in any case; matched against the name as written.
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidatePage {
    /// How many candidates match the filter, on every page.
    pub total: i64,
    pub candidates: Vec<Candidate>,
}

/// Candidates of `election_code` matching `filter`, in list order (level, district, party,
/// number), `limit` from `offset`.
pub async fn list_candidates(
    db: &Db,
    election_code: &str,
    filter: &CandidateFilter,
    limit: i64,
    offset: i64,
) -> Result<CandidatePage, StoreError> {
    let level = filter.level.map(|l| l.as_str().to_owned());
    let name = filter
        .name
        .as_ref()
        .map(|n| format!("%{}%", n.trim().to_lowercase()));
    let total: i64 = sql("SELECT COUNT(*) AS n FROM candidates WHERE election_code = $1 \
                          AND ($2 IS NULL OR level = $2) AND ($3 IS NULL OR dapil = $3) AND ($4 IS NULL OR LOWER(name) LIKE $4)")
        .bind(election_code.to_owned())
        .bind(level.clone())
        .bind(filter.dapil.clone())
        .bind(name.clone())
        .fetch_one(db)
        .await?
        .get("n")?;
    let rows = sql("SELECT id, election_code, level, dapil, party_number, party_name, number, name, given_name, front_titles, back_titles, sex, residence, residence_region_code, spouse_name, birth_date \
                    FROM candidates WHERE election_code = $1 \
                    AND ($2 IS NULL OR level = $2) AND ($3 IS NULL OR dapil = $3) AND ($4 IS NULL OR LOWER(name) LIKE $4) \
                    ORDER BY level, dapil, COALESCE(party_number, 0), number LIMIT $5 OFFSET $6")
        .bind(election_code.to_owned())
        .bind(level)
        .bind(filter.dapil.clone())
        .bind(name)
        .bind(limit)
        .bind(offset)
        .fetch_all(db)
        .await?;
    let candidates = rows
        .iter()
        .map(|row| {
            let level: String = row.get("level")?;
            let sex: String = row.get("sex")?;
            Ok(Candidate {
                id: row.get("id")?,
                election_code: row.get("election_code")?,
                level: CandidateLevel::parse(&level).ok_or_else(|| StoreError::Corrupt {
                    column: "level",
                    message: format!("unknown candidate level {level}"),
                })?,
                dapil: row.get("dapil")?,
                party_number: row.get("party_number")?,
                party_name: row.get("party_name")?,
                number: row.get("number")?,
                name: row.get("name")?,
                given_name: row.get("given_name")?,
                front_titles: row.get("front_titles")?,
                back_titles: row.get("back_titles")?,
                sex: if sex == "female" {
                    Sex::Female
                } else {
                    Sex::Male
                },
                residence: row.get("residence")?,
                residence_region_code: row.get("residence_region_code")?,
                spouse_name: row.get("spouse_name")?,
                birth_date: row.get("birth_date")?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(CandidatePage { total, candidates })
}
