//! The minimum of the registry that cases need now: agencies and civil servants. The registry
//! issue grows this into the national roster with imports.

use chrono::NaiveDate;
use netral_domain::ids::{Nip, PersonName, Sex};

use crate::db::{Db, Tx, sql};
use crate::error::StoreError;

/// An employing agency. Its PPK (*Pejabat Pembina Kepegawaian*) is the official who imposes
/// sanctions on its staff.
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
    pub name: PersonName,
    pub agency_id: i64,
    pub unit: String,
    /// JPT (senior executive), administrator, functional, staff, camat/lurah…
    pub position_type: String,
    pub position: String,
}

pub async fn insert_agency(tx: &mut Tx, agency: &NewAgency) -> Result<i64, StoreError> {
    sql("INSERT INTO agencies (code, name, kind, region_code, ppk_title) VALUES ($1, $2, $3, $4, $5) RETURNING id")
        .bind(&agency.code)
        .bind(&agency.name)
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
        "INSERT INTO civil_servants (nip, name, given_name, sex, birth_date, agency_id, unit, position_type, position) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(person.nip.as_str())
    .bind(person.name.as_written())
    .bind(person.name.given_name())
    .bind(sex)
    .bind(birth)
    .bind(person.agency_id)
    .bind(&person.unit)
    .bind(&person.position_type)
    .bind(&person.position)
    .fetch_one(tx)
    .await?
    .get("id")
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
