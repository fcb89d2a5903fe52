//! The registry: official regions, employing agencies, and the civil servants on the roster
//! (added one by one here, or by the thousand through [`crate::roster_import`]).

pub mod accounts;
pub mod agencies_import;
pub mod agency_overview;
pub(crate) mod bulk;
pub mod candidates;
mod documents;
pub mod lookup;
pub mod prevention;
mod prevention_import;
pub mod regions;
pub mod watch_sources;

pub use accounts::{accounts_of, find_account_owner, import_accounts};
pub use agencies_import::{Agency, import_agencies, list_agencies};
pub use prevention_import::{import_leave, import_pacts, import_resignations};

use std::collections::HashMap;

use chrono::{NaiveDate, SubsecRound, Utc};
use netral_domain::ids::{Nik, Nip, PersonName, Sex};
use netral_domain::roster::agency_key;

use crate::db::{Db, Tx, sql};
use crate::error::StoreError;

/// What the store keeps in line after every migration: the shipped regions, and agency keys
/// (which SQL cannot compute).
pub(crate) async fn after_migrate(db: &Db) -> Result<(), StoreError> {
    regions::ensure_loaded(db).await?;
    ensure_agency_keys(db).await
}

/// Rewrites each agency's `name_key` that differs from what [`agency_key`] makes of its name:
/// after migration 0003 (which left placeholders), or after a change of the key's rules.
async fn ensure_agency_keys(db: &Db) -> Result<(), StoreError> {
    let stale: Vec<(i64, String)> = sql("SELECT id, name, name_key FROM agencies")
        .fetch_all(db)
        .await?
        .iter()
        .map(|row| {
            let name: String = row.get("name")?;
            let stored: String = row.get("name_key")?;
            Ok((row.get("id")?, stored, agency_key(&name)))
        })
        .collect::<Result<Vec<(i64, String, String)>, StoreError>>()?
        .into_iter()
        .filter(|(_, stored, key)| stored != key)
        .map(|(id, _, key)| (id, key))
        .collect();
    if stale.is_empty() {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    for (id, key) in stale {
        sql("UPDATE agencies SET name_key = $1 WHERE id = $2")
            .bind(key)
            .bind(id)
            .execute(&mut tx)
            .await?;
    }
    tx.commit().await
}

/// Every agency's id by its name key: what a roster row's agency name is looked up in.
pub async fn agency_ids_by_key(db: &Db) -> Result<HashMap<String, i64>, StoreError> {
    sql("SELECT id, name_key FROM agencies")
        .fetch_all(db)
        .await?
        .iter()
        .map(|row| Ok((row.get("name_key")?, row.get("id")?)))
        .collect()
}

/// An employing agency. Its PPK (*Pejabat Pembina Kepegawaian*) is the official who imposes
/// sanctions on its staff. Its name is unique once case and punctuation are set aside (see
/// [`agency_key`]): roster imports find agencies by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAgency {
    pub code: String,
    pub name: String,
    /// `central`, `province`, `regency` or `city`.
    pub kind: &'static str,
    pub region_code: Option<String>,
    pub ppk_title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCivilServant {
    pub nip: Nip,
    /// Where SIASN gives it; its first four digits are the regency of residence, which the
    /// candidate cross-check compares with a candidate's.
    pub nik: Option<Nik>,
    pub name: PersonName,
    pub agency_id: i64,
    pub unit: String,
    /// JPT (senior executive), administrator, functional, staff, camat/lurah…
    pub position_type: String,
    pub position: String,
}

pub async fn insert_agency(tx: &mut Tx, agency: &NewAgency) -> Result<i64, StoreError> {
    sql("INSERT INTO agencies (code, name, name_key, kind, region_code, ppk_title) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
        .bind(&agency.code)
        .bind(&agency.name)
        .bind(agency_key(&agency.name))
        .bind(agency.kind)
        .bind(&agency.region_code)
        .bind(&agency.ppk_title)
        .fetch_one(tx)
        .await?
        .get("id")
}

/// Adds a civil servant; birth date and sex come from the NIP, so they cannot disagree with it.
pub async fn insert_civil_servant(
    tx: &mut Tx,
    person: &NewCivilServant,
) -> Result<i64, StoreError> {
    let sex = match person.nip.sex() {
        Sex::Male => "male",
        Sex::Female => "female",
    };
    let birth: NaiveDate = person.nip.birth_date();
    sql(
        "INSERT INTO civil_servants (nip, nik, name, given_name, front_titles, back_titles, sex, birth_date, agency_id, unit, position_type, position, employee_type, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'pns', $13) RETURNING id",
    )
    .bind(person.nip.as_str())
    .bind(person.nik.as_ref().map(|nik| nik.as_str().to_owned()))
    .bind(person.name.as_written())
    .bind(person.name.given_name())
    .bind(front_titles(&person.name))
    .bind(back_titles(&person.name))
    .bind(sex)
    .bind(birth)
    .bind(person.agency_id)
    .bind(&person.unit)
    .bind(&person.position_type)
    .bind(&person.position)
    .bind(Utc::now().trunc_subsecs(6))
    .fetch_one(tx)
    .await?
    .get("id")
}

/// Front titles as stored: space-separated, as they are written before a name; `None` when
/// there are none.
pub fn front_titles(name: &PersonName) -> Option<String> {
    Some(name.front_titles().join(" ")).filter(|t| !t.is_empty())
}

/// Back titles as stored: comma-separated, as they are written after a name.
pub fn back_titles(name: &PersonName) -> Option<String> {
    Some(name.back_titles().join(", ")).filter(|t| !t.is_empty())
}

pub async fn count_civil_servants(db: &Db) -> Result<i64, StoreError> {
    sql("SELECT COUNT(*) AS n FROM civil_servants")
        .fetch_one(db)
        .await?
        .get("n")
}

/// What the public form may show to confirm a NIP: enough for the reporter to recognise the
/// person, not enough to learn who holds a NIP (the name comes back masked from the web layer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterMatch {
    pub name: String,
    pub position: String,
    pub agency: String,
}

pub async fn find_by_nip(db: &Db, nip: &Nip) -> Result<Option<RosterMatch>, StoreError> {
    let row = sql("SELECT p.name, p.position, a.name AS agency FROM civil_servants p JOIN agencies a ON a.id = p.agency_id WHERE p.nip = $1")
        .bind(nip.as_str())
        .fetch_optional(db)
        .await?;
    row.map(|row| {
        Ok(RosterMatch {
            name: row.get("name")?,
            position: row.get("position")?,
            agency: row.get("agency")?,
        })
    })
    .transpose()
}
