//! Finding civil servants for the back office: search by NIP, NIK or name (titles or not),
//! always within the searcher's scope, and one person's full record with their case history.

use chrono::{DateTime, NaiveDate, Utc};
use netral_domain::access::Scope;
use netral_domain::ids::PersonName;
use serde::Serialize;

use crate::db::{Db, Row, sql};
use crate::error::StoreError;

/// Searches answer at most this many rows; the page asks for a narrower search beyond it.
pub const SEARCH_LIMIT: i64 = 50;

/// One line of a search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterLine {
    pub nip: String,
    /// As written, titles included.
    pub name: String,
    pub position: String,
    pub unit: String,
    pub agency: String,
}

/// A search as typed: an 18-digit NIP (or PPPK number), a 16-digit NIK, or a name with or
/// without titles; optionally narrowed to one agency.
#[derive(Debug, Clone, Default)]
pub struct RosterQuery {
    pub text: String,
    pub agency_id: Option<i64>,
}

enum Pattern {
    Number(String),
    Nik(String),
    /// A `LIKE` pattern over the name without titles, lower case.
    Name(String),
}

fn pattern(text: &str) -> Option<Pattern> {
    let trimmed = text.trim();
    let digits: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Some(match digits.len() {
            16 => Pattern::Nik(digits),
            _ => Pattern::Number(digits),
        });
    }
    // Titles typed or not, the name is compared without them: "Drs. Ahmad Suryana, M.Si."
    // and "ahmad suryana" find the same person.
    let bare = trimmed
        .parse::<PersonName>()
        .map(|name| name.given_name().to_owned())
        .unwrap_or_else(|_| trimmed.to_owned());
    let words: Vec<String> = bare
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| escape_like(&w.to_lowercase()))
        .collect();
    if words.is_empty() {
        return None;
    }
    Some(Pattern::Name(format!("%{}%", words.join("%"))))
}

pub(crate) fn escape_like(word: &str) -> String {
    word.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// The scope as the three parameters every scoped query takes: kind, province prefix, agency.
pub(crate) fn scope_params(scope: &Scope) -> (&'static str, Option<String>, Option<i64>) {
    match scope {
        Scope::National => ("national", None, None),
        // Province codes are two digits and every code below them continues with a dot, so
        // the prefix never catches another province.
        Scope::Province(code) => ("province", Some(format!("{}%", code.as_str())), None),
        Scope::Agency(id) => ("agency", None, Some(*id)),
    }
}

/// Civil servants matching `query` whom `scope` covers, by name; at most [`SEARCH_LIMIT`] + 1
/// rows, so the caller can tell that there were more.
pub async fn search_roster(
    db: &Db,
    query: &RosterQuery,
    scope: &Scope,
) -> Result<Vec<RosterLine>, StoreError> {
    let Some(pattern) = pattern(&query.text) else {
        return Ok(Vec::new());
    };
    let (kind, province, agency) = scope_params(scope);
    let (number, nik, name) = match pattern {
        Pattern::Number(n) => (Some(n), None, None),
        Pattern::Nik(n) => (None, Some(n), None),
        Pattern::Name(n) => (None, None, Some(n)),
    };
    sql(
        "SELECT p.nip, p.name, p.position, p.unit, a.name AS agency \
         FROM civil_servants p JOIN agencies a ON a.id = p.agency_id \
         WHERE ($1 = 'national' OR ($1 = 'province' AND a.region_code LIKE $2) \
                OR ($1 = 'agency' AND a.id = $3)) \
           AND ($4 IS NULL OR p.agency_id = $4) \
           AND ($5 IS NULL OR p.nip = $5) \
           AND ($6 IS NULL OR p.nik = $6) \
           AND ($7 IS NULL OR lower(p.given_name) LIKE $7 ESCAPE '\\') \
         ORDER BY p.given_name, p.nip LIMIT $8",
    )
    .bind(kind)
    .bind(province)
    .bind(agency)
    .bind(query.agency_id)
    .bind(number)
    .bind(nik)
    .bind(name)
    .bind(SEARCH_LIMIT + 1)
    .fetch_all(db)
    .await?
    .iter()
    .map(roster_line)
    .collect()
}

/// The civil servants of one agency, if `scope` covers it, by name: a page of at most
/// [`SEARCH_LIMIT`] + 1 rows from `offset`, so the caller can tell that there are more.
pub async fn list_agency_roster(
    db: &Db,
    agency_id: i64,
    scope: &Scope,
    offset: i64,
) -> Result<Vec<RosterLine>, StoreError> {
    let (kind, province, agency) = scope_params(scope);
    sql(
        "SELECT p.nip, p.name, p.position, p.unit, a.name AS agency \
         FROM civil_servants p JOIN agencies a ON a.id = p.agency_id \
         WHERE ($1 = 'national' OR ($1 = 'province' AND a.region_code LIKE $2) \
                OR ($1 = 'agency' AND a.id = $3)) \
           AND p.agency_id = $4 \
         ORDER BY p.given_name, p.nip LIMIT $5 OFFSET $6",
    )
    .bind(kind)
    .bind(province)
    .bind(agency)
    .bind(agency_id)
    .bind(SEARCH_LIMIT + 1)
    .bind(offset.max(0))
    .fetch_all(db)
    .await?
    .iter()
    .map(roster_line)
    .collect()
}

fn roster_line(row: &Row) -> Result<RosterLine, StoreError> {
    Ok(RosterLine {
        nip: row.get("nip")?,
        name: row.get("name")?,
        position: row.get("position")?,
        unit: row.get("unit")?,
        agency: row.get("agency")?,
    })
}

/// An agency a scope covers, for the search page's agency filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyChoice {
    pub id: i64,
    pub code: String,
    pub name: String,
}

pub async fn agencies_in_scope(db: &Db, scope: &Scope) -> Result<Vec<AgencyChoice>, StoreError> {
    let (kind, province, agency) = scope_params(scope);
    sql("SELECT a.id, a.code, a.name FROM agencies a \
         WHERE ($1 = 'national' OR ($1 = 'province' AND a.region_code LIKE $2) \
                OR ($1 = 'agency' AND a.id = $3)) ORDER BY a.name")
    .bind(kind)
    .bind(province)
    .bind(agency)
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| {
        Ok(AgencyChoice {
            id: row.get("id")?,
            code: row.get("code")?,
            name: row.get("name")?,
        })
    })
    .collect()
}

/// Everything the registry holds on one civil servant, and the cases about them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CivilServantRecord {
    pub nip: String,
    pub nip_lama: Option<String>,
    pub nik: Option<String>,
    pub name: String,
    pub given_name: String,
    pub front_titles: Option<String>,
    pub back_titles: Option<String>,
    pub birth_place: Option<String>,
    pub birth_date: NaiveDate,
    /// `male` or `female`.
    pub sex: String,
    /// `pns` or `pppk`.
    pub employee_type: String,
    pub status: Option<String>,
    pub agency_id: i64,
    pub agency: String,
    pub agency_kind: String,
    pub agency_region: Option<String>,
    pub region_name: Option<String>,
    pub unit: String,
    pub work_location: Option<String>,
    pub position_type: String,
    pub position: String,
    pub eselon: Option<String>,
    pub rank: Option<String>,
    pub updated_at: Option<DateTime<Utc>>,
    pub cases: Vec<CaseLine>,
}

/// A case about a civil servant: named by the person's NIP in a report, or linked to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseLine {
    pub number: String,
    pub state: String,
    pub opened_at: DateTime<Utc>,
}

/// The record of the civil servant with this NIP (or PPPK number), whatever the scope: the
/// caller checks the scope against `agency_id` and `agency_region` before showing it.
pub async fn civil_servant_record(
    db: &Db,
    nip: &str,
) -> Result<Option<CivilServantRecord>, StoreError> {
    let Some(row) = sql(
        "SELECT p.id, p.nip, p.nip_lama, p.nik, p.name, p.given_name, p.front_titles, \
         p.back_titles, p.birth_place, p.birth_date, p.sex, p.employee_type, p.status, \
         p.agency_id, a.name AS agency, a.kind AS agency_kind, a.region_code AS agency_region, \
         r.name AS region_name, p.unit, p.work_location, p.position_type, p.position, p.eselon, \
         p.rank, p.updated_at \
         FROM civil_servants p JOIN agencies a ON a.id = p.agency_id \
         LEFT JOIN regions r ON r.code = a.region_code WHERE p.nip = $1",
    )
    .bind(nip.to_owned())
    .fetch_optional(db)
    .await?
    else {
        return Ok(None);
    };
    let id: i64 = row.get("id")?;
    let cases = cases_about(db, id, nip).await?;
    record_from_row(&row, cases).map(Some)
}

fn record_from_row(row: &Row, cases: Vec<CaseLine>) -> Result<CivilServantRecord, StoreError> {
    Ok(CivilServantRecord {
        nip: row.get("nip")?,
        nip_lama: row.get("nip_lama")?,
        nik: row.get("nik")?,
        name: row.get("name")?,
        given_name: row.get("given_name")?,
        front_titles: row.get("front_titles")?,
        back_titles: row.get("back_titles")?,
        birth_place: row.get("birth_place")?,
        birth_date: row.get("birth_date")?,
        sex: row.get("sex")?,
        employee_type: row.get("employee_type")?,
        status: row.get("status")?,
        agency_id: row.get("agency_id")?,
        agency: row.get("agency")?,
        agency_kind: row.get("agency_kind")?,
        agency_region: row.get("agency_region")?,
        region_name: row.get("region_name")?,
        unit: row.get("unit")?,
        work_location: row.get("work_location")?,
        position_type: row.get("position_type")?,
        position: row.get("position")?,
        eselon: row.get("eselon")?,
        rank: row.get("rank")?,
        updated_at: row.get("updated_at")?,
        cases,
    })
}

async fn cases_about(db: &Db, person_id: i64, nip: &str) -> Result<Vec<CaseLine>, StoreError> {
    sql(
        "SELECT DISTINCT c.number, c.state, c.opened_at FROM cases c \
         LEFT JOIN reports r ON r.case_id = c.id \
         WHERE c.subject_id = $1 OR r.subject_nip = $2 ORDER BY c.opened_at DESC",
    )
    .bind(person_id)
    .bind(nip.to_owned())
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| {
        Ok(CaseLine {
            number: row.get("number")?,
            state: row.get("state")?,
            opened_at: row.get("opened_at")?,
        })
    })
    .collect()
}
