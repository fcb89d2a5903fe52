//! Prevention records: integrity pacts (*pakta integritas*), unpaid leave (CLTN, *cuti di luar
//! tanggungan negara*) and resignations of civil servants who run for office. Recorded one by
//! one here or by the list through [`super::import_pacts`] and its siblings; each is keyed so
//! that recording it again updates it. Documents are evidence files, referenced by SHA-256.
//!
//! Pacts cover an election when they name it, or when they name none (a standing pledge).

use chrono::{DateTime, NaiveDate, Utc};

use super::documents::record_evidence;
use crate::db::{Db, Tx, sql};
use crate::error::StoreError;
use crate::evidence::StoredEvidence;

/// Who signed a pact, by their id in the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Signer {
    /// A civil servant (`civil_servants.id`).
    Person(i64),
    /// An agency for all its staff (`agencies.id`), through its representatives.
    Agency(i64),
}

impl Signer {
    fn ids(self) -> (Option<i64>, Option<i64>) {
        match self {
            Signer::Person(id) => (Some(id), None),
            Signer::Agency(id) => (None, Some(id)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPact {
    pub signer: Signer,
    pub election_code: Option<String>,
    pub signed_on: NaiveDate,
    pub signatory: Option<String>,
    pub document: Option<StoredEvidence>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLeave {
    pub civil_servant_id: i64,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub reason: Option<String>,
    pub decree_number: Option<String>,
    pub document: Option<StoredEvidence>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewResignation {
    pub civil_servant_id: i64,
    pub resigned_on: NaiveDate,
    pub effective_on: Option<NaiveDate>,
    pub decree_number: Option<String>,
    pub document: Option<StoredEvidence>,
}

/// What recording did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    Inserted(i64),
    Updated(i64),
    Unchanged(i64),
}

/// A civil servant's id and agency, by NIP (or NI PPPK).
pub async fn civil_servant_by_nip(db: &Db, nip: &str) -> Result<Option<(i64, i64)>, StoreError> {
    sql("SELECT id, agency_id FROM civil_servants WHERE nip = $1")
        .bind(nip.to_owned())
        .fetch_optional(db)
        .await?
        .map(|row| Ok((row.get("id")?, row.get("agency_id")?)))
        .transpose()
}

pub async fn agency_id_by_code(db: &Db, code: &str) -> Result<Option<i64>, StoreError> {
    sql("SELECT id FROM agencies WHERE code = $1")
        .bind(code.to_owned())
        .fetch_optional(db)
        .await?
        .map(|row| row.get("id"))
        .transpose()
}

/// The stored pact with the same signer and election, if any: its id and whether `pact`
/// differs from it.
pub async fn find_pact<'a>(
    on: impl Into<crate::On<'a>>,
    pact: &NewPact,
) -> Result<Option<(i64, bool)>, StoreError> {
    let (person, agency) = pact.signer.ids();
    let row = sql("SELECT id, signed_on, signatory, document_sha256 FROM integrity_pacts \
                   WHERE COALESCE(civil_servant_id, 0) = $1 AND COALESCE(agency_id, 0) = $2 AND COALESCE(election_code, '') = $3")
        .bind(person.unwrap_or(0))
        .bind(agency.unwrap_or(0))
        .bind(pact.election_code.clone().unwrap_or_default())
        .fetch_optional(on)
        .await?;
    row.map(|row| {
        let same = row.get::<NaiveDate>("signed_on")? == pact.signed_on
            && row.get::<Option<String>>("signatory")? == pact.signatory
            && row.get::<Option<String>>("document_sha256")? == sha(&pact.document);
        Ok((row.get("id")?, !same))
    })
    .transpose()
}

fn sha(document: &Option<StoredEvidence>) -> Option<String> {
    document.as_ref().map(|d| d.sha256.clone())
}

async fn evidence(
    tx: &mut Tx,
    document: &Option<StoredEvidence>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    if let Some(document) = document {
        record_evidence(tx, document, now).await?;
    }
    Ok(())
}

/// Records a pact, or updates the one with the same signer and election.
pub async fn record_pact(
    tx: &mut Tx,
    pact: &NewPact,
    label: &str,
    now: DateTime<Utc>,
) -> Result<Recorded, StoreError> {
    let found = find_pact(&mut *tx, pact).await?;
    if let Some((id, false)) = found {
        return Ok(Recorded::Unchanged(id));
    }
    evidence(tx, &pact.document, now).await?;
    let (person, agency) = pact.signer.ids();
    Ok(match found {
        Some((id, _)) => {
            sql("UPDATE integrity_pacts SET signed_on = $1, signatory = $2, document_sha256 = $3, recorded_at = $4, import_batch = $5 WHERE id = $6")
                .bind(pact.signed_on)
                .bind(pact.signatory.clone())
                .bind(sha(&pact.document))
                .bind(now)
                .bind(label.to_owned())
                .bind(id)
                .execute(tx)
                .await?;
            Recorded::Updated(id)
        }
        None => Recorded::Inserted(
            sql("INSERT INTO integrity_pacts (civil_servant_id, agency_id, election_code, signed_on, signatory, document_sha256, recorded_at, import_batch) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
                .bind(person)
                .bind(agency)
                .bind(pact.election_code.clone())
                .bind(pact.signed_on)
                .bind(pact.signatory.clone())
                .bind(sha(&pact.document))
                .bind(now)
                .bind(label.to_owned())
                .fetch_one(tx)
                .await?
                .get("id")?,
        ),
    })
}

/// The stored leave period of the same person starting the same day, if any: its id and
/// whether `leave` differs from it.
pub async fn find_leave<'a>(
    on: impl Into<crate::On<'a>>,
    leave: &NewLeave,
) -> Result<Option<(i64, bool)>, StoreError> {
    let row = sql("SELECT id, ends_on, reason, decree_number, document_sha256 FROM unpaid_leaves WHERE civil_servant_id = $1 AND starts_on = $2")
        .bind(leave.civil_servant_id)
        .bind(leave.starts_on)
        .fetch_optional(on)
        .await?;
    row.map(|row| {
        let same = row.get::<NaiveDate>("ends_on")? == leave.ends_on
            && row.get::<Option<String>>("reason")? == leave.reason
            && row.get::<Option<String>>("decree_number")? == leave.decree_number
            && row.get::<Option<String>>("document_sha256")? == sha(&leave.document);
        Ok((row.get("id")?, !same))
    })
    .transpose()
}

/// Records a CLTN period, or updates the one of the same person starting the same day.
pub async fn record_leave(
    tx: &mut Tx,
    leave: &NewLeave,
    label: &str,
    now: DateTime<Utc>,
) -> Result<Recorded, StoreError> {
    let found = find_leave(&mut *tx, leave).await?;
    if let Some((id, false)) = found {
        return Ok(Recorded::Unchanged(id));
    }
    evidence(tx, &leave.document, now).await?;
    Ok(match found {
        Some((id, _)) => {
            sql("UPDATE unpaid_leaves SET ends_on = $1, reason = $2, decree_number = $3, document_sha256 = $4, recorded_at = $5, import_batch = $6 WHERE id = $7")
                .bind(leave.ends_on)
                .bind(leave.reason.clone())
                .bind(leave.decree_number.clone())
                .bind(sha(&leave.document))
                .bind(now)
                .bind(label.to_owned())
                .bind(id)
                .execute(tx)
                .await?;
            Recorded::Updated(id)
        }
        None => Recorded::Inserted(
            sql("INSERT INTO unpaid_leaves (civil_servant_id, starts_on, ends_on, reason, decree_number, document_sha256, recorded_at, import_batch) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
                .bind(leave.civil_servant_id)
                .bind(leave.starts_on)
                .bind(leave.ends_on)
                .bind(leave.reason.clone())
                .bind(leave.decree_number.clone())
                .bind(sha(&leave.document))
                .bind(now)
                .bind(label.to_owned())
                .fetch_one(tx)
                .await?
                .get("id")?,
        ),
    })
}

/// The stored resignation of the same person on the same day, if any: its id and whether
/// `resignation` differs from it.
pub async fn find_resignation<'a>(
    on: impl Into<crate::On<'a>>,
    resignation: &NewResignation,
) -> Result<Option<(i64, bool)>, StoreError> {
    let row = sql("SELECT id, effective_on, decree_number, document_sha256 FROM resignations WHERE civil_servant_id = $1 AND resigned_on = $2")
        .bind(resignation.civil_servant_id)
        .bind(resignation.resigned_on)
        .fetch_optional(on)
        .await?;
    row.map(|row| {
        let same = row.get::<Option<NaiveDate>>("effective_on")? == resignation.effective_on
            && row.get::<Option<String>>("decree_number")? == resignation.decree_number
            && row.get::<Option<String>>("document_sha256")? == sha(&resignation.document);
        Ok((row.get("id")?, !same))
    })
    .transpose()
}

/// Records a resignation, or updates the one of the same person on the same day.
pub async fn record_resignation(
    tx: &mut Tx,
    resignation: &NewResignation,
    label: &str,
    now: DateTime<Utc>,
) -> Result<Recorded, StoreError> {
    let found = find_resignation(&mut *tx, resignation).await?;
    if let Some((id, false)) = found {
        return Ok(Recorded::Unchanged(id));
    }
    evidence(tx, &resignation.document, now).await?;
    Ok(match found {
        Some((id, _)) => {
            sql("UPDATE resignations SET effective_on = $1, decree_number = $2, document_sha256 = $3, recorded_at = $4, import_batch = $5 WHERE id = $6")
                .bind(resignation.effective_on)
                .bind(resignation.decree_number.clone())
                .bind(sha(&resignation.document))
                .bind(now)
                .bind(label.to_owned())
                .bind(id)
                .execute(tx)
                .await?;
            Recorded::Updated(id)
        }
        None => Recorded::Inserted(
            sql("INSERT INTO resignations (civil_servant_id, resigned_on, effective_on, decree_number, document_sha256, recorded_at, import_batch) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")
                .bind(resignation.civil_servant_id)
                .bind(resignation.resigned_on)
                .bind(resignation.effective_on)
                .bind(resignation.decree_number.clone())
                .bind(sha(&resignation.document))
                .bind(now)
                .bind(label.to_owned())
                .fetch_one(tx)
                .await?
                .get("id")?,
        ),
    })
}

/// A pact as listed: by a person (with their NIP and name) or by their agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pact {
    pub id: i64,
    /// `None` for an agency-wide pact.
    pub nip: Option<String>,
    pub person_name: Option<String>,
    /// The signer's agency, or the person's.
    pub agency_code: String,
    pub election_code: Option<String>,
    pub signed_on: NaiveDate,
    pub signatory: Option<String>,
    pub document_sha256: Option<String>,
}

/// The pact listing's statement, with its own WHERE and ORDER BY.
macro_rules! pacts_where {
    ($tail:literal) => {
        concat!(
            "SELECT k.id, p.nip, p.name AS person_name, a.code AS agency_code, k.election_code, k.signed_on, k.signatory, k.document_sha256 \
             FROM integrity_pacts k LEFT JOIN civil_servants p ON p.id = k.civil_servant_id \
             JOIN agencies a ON a.id = COALESCE(k.agency_id, p.agency_id) ",
            $tail
        )
    };
}

fn pact(row: &crate::Row) -> Result<Pact, StoreError> {
    Ok(Pact {
        id: row.get("id")?,
        nip: row.get("nip")?,
        person_name: row.get("person_name")?,
        agency_code: row.get("agency_code")?,
        election_code: row.get("election_code")?,
        signed_on: row.get("signed_on")?,
        signatory: row.get("signatory")?,
        document_sha256: row.get("document_sha256")?,
    })
}

/// A person's own pacts, by signing date.
pub async fn pacts_of_person(db: &Db, nip: &str) -> Result<Vec<Pact>, StoreError> {
    sql(pacts_where!("WHERE p.nip = $1 ORDER BY k.signed_on, k.id"))
        .bind(nip.to_owned())
        .fetch_all(db)
        .await?
        .iter()
        .map(pact)
        .collect()
}

/// An agency's pacts: its agency-wide ones and its staff's own, by signing date.
pub async fn pacts_of_agency(db: &Db, agency_code: &str) -> Result<Vec<Pact>, StoreError> {
    sql(pacts_where!("WHERE a.code = $1 ORDER BY k.signed_on, k.id"))
        .bind(agency_code.to_owned())
        .fetch_all(db)
        .await?
        .iter()
        .map(pact)
        .collect()
}

/// A CLTN period as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeavePeriod {
    pub id: i64,
    pub nip: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub reason: Option<String>,
    pub decree_number: Option<String>,
    pub document_sha256: Option<String>,
}

macro_rules! leave_where {
    ($tail:literal) => {
        concat!(
            "SELECT l.id, p.nip, l.starts_on, l.ends_on, l.reason, l.decree_number, l.document_sha256 \
             FROM unpaid_leaves l JOIN civil_servants p ON p.id = l.civil_servant_id ",
            $tail
        )
    };
}

fn leave(row: &crate::Row) -> Result<LeavePeriod, StoreError> {
    Ok(LeavePeriod {
        id: row.get("id")?,
        nip: row.get("nip")?,
        starts_on: row.get("starts_on")?,
        ends_on: row.get("ends_on")?,
        reason: row.get("reason")?,
        decree_number: row.get("decree_number")?,
        document_sha256: row.get("document_sha256")?,
    })
}

/// A person's CLTN periods, in date order.
pub async fn leave_of_person(db: &Db, nip: &str) -> Result<Vec<LeavePeriod>, StoreError> {
    sql(leave_where!("WHERE p.nip = $1 ORDER BY l.starts_on"))
        .bind(nip.to_owned())
        .fetch_all(db)
        .await?
        .iter()
        .map(leave)
        .collect()
}

/// The CLTN periods of an agency's staff, in date order.
pub async fn leave_of_agency(db: &Db, agency_code: &str) -> Result<Vec<LeavePeriod>, StoreError> {
    sql(leave_where!(
        "JOIN agencies a ON a.id = p.agency_id WHERE a.code = $1 ORDER BY l.starts_on, p.nip"
    ))
    .bind(agency_code.to_owned())
    .fetch_all(db)
    .await?
    .iter()
    .map(leave)
    .collect()
}

/// The CLTN period covering `date` (first and last day included), if the person has one.
pub async fn leave_on(
    db: &Db,
    nip: &str,
    date: NaiveDate,
) -> Result<Option<LeavePeriod>, StoreError> {
    sql(leave_where!(
        "WHERE p.nip = $1 AND l.starts_on <= $2 AND l.ends_on >= $2 ORDER BY l.starts_on LIMIT 1"
    ))
    .bind(nip.to_owned())
    .bind(date)
    .fetch_optional(db)
    .await?
    .as_ref()
    .map(leave)
    .transpose()
}

/// A resignation as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resignation {
    pub id: i64,
    pub nip: String,
    pub resigned_on: NaiveDate,
    pub effective_on: Option<NaiveDate>,
    pub decree_number: Option<String>,
    pub document_sha256: Option<String>,
}

macro_rules! resignations_where {
    ($tail:literal) => {
        concat!(
            "SELECT r.id, p.nip, r.resigned_on, r.effective_on, r.decree_number, r.document_sha256 \
             FROM resignations r JOIN civil_servants p ON p.id = r.civil_servant_id ",
            $tail
        )
    };
}

fn resignation(row: &crate::Row) -> Result<Resignation, StoreError> {
    Ok(Resignation {
        id: row.get("id")?,
        nip: row.get("nip")?,
        resigned_on: row.get("resigned_on")?,
        effective_on: row.get("effective_on")?,
        decree_number: row.get("decree_number")?,
        document_sha256: row.get("document_sha256")?,
    })
}

pub async fn resignations_of_person(db: &Db, nip: &str) -> Result<Vec<Resignation>, StoreError> {
    sql(resignations_where!(
        "WHERE p.nip = $1 ORDER BY r.resigned_on"
    ))
    .bind(nip.to_owned())
    .fetch_all(db)
    .await?
    .iter()
    .map(resignation)
    .collect()
}

pub async fn resignations_of_agency(
    db: &Db,
    agency_code: &str,
) -> Result<Vec<Resignation>, StoreError> {
    sql(resignations_where!(
        "JOIN agencies a ON a.id = p.agency_id WHERE a.code = $1 ORDER BY r.resigned_on, p.nip"
    ))
    .bind(agency_code.to_owned())
    .fetch_all(db)
    .await?
    .iter()
    .map(resignation)
    .collect()
}

/// The person's earliest resignation made on or before `date`, if any: a civil servant
/// designated a candidate on `date` must have resigned by then. Whether it had taken effect
/// is the caller's to judge from `effective_on`.
pub async fn resigned_by(
    db: &Db,
    nip: &str,
    date: NaiveDate,
) -> Result<Option<Resignation>, StoreError> {
    sql(resignations_where!(
        "WHERE p.nip = $1 AND r.resigned_on <= $2 ORDER BY r.resigned_on LIMIT 1"
    ))
    .bind(nip.to_owned())
    .bind(date)
    .fetch_optional(db)
    .await?
    .as_ref()
    .map(resignation)
    .transpose()
}

/// How far an agency's staff are covered by integrity pacts for one election.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PactCoverage {
    pub agency_code: String,
    pub agency_name: String,
    /// Civil servants on the roster in this agency.
    pub roster: i64,
    /// Of them, how many signed a pact of their own.
    pub individually_covered: i64,
    /// Whether representatives signed for the whole agency.
    pub agency_pact: bool,
}

impl PactCoverage {
    /// The share of the roster with a pact of their own; `None` for an agency without staff
    /// on the roster.
    pub fn individual_share(&self) -> Option<f64> {
        (self.roster > 0).then(|| self.individually_covered as f64 / self.roster as f64)
    }

    /// The share of the roster covered by a pact, theirs or the agency's: all of it once the
    /// agency signed.
    pub fn share_covered(&self) -> Option<f64> {
        if self.agency_pact && self.roster > 0 {
            Some(1.0)
        } else {
            self.individual_share()
        }
    }
}

/// The coverage query: `$extra` columns (ending in a comma) before the counts, `$tail` after
/// `FROM agencies a`; `$1` is the election.
macro_rules! coverage_where {
    ($tail:literal) => {
        coverage_where!("", $tail)
    };
    ($extra:literal, $tail:literal) => {
        concat!(
            "SELECT a.code, a.name, ",
            $extra,
            " \
             (SELECT COUNT(*) FROM civil_servants p WHERE p.agency_id = a.id) AS roster, \
             (SELECT COUNT(DISTINCT p.id) FROM civil_servants p JOIN integrity_pacts k ON k.civil_servant_id = p.id \
              WHERE p.agency_id = a.id AND (k.election_code = $1 OR k.election_code IS NULL)) AS covered, \
             (SELECT COUNT(*) FROM integrity_pacts k WHERE k.agency_id = a.id \
              AND (k.election_code = $1 OR k.election_code IS NULL)) AS agency_pacts \
             FROM agencies a ",
            $tail
        )
    };
}

pub(crate) use coverage_where;

pub(crate) fn coverage(row: &crate::Row) -> Result<PactCoverage, StoreError> {
    Ok(PactCoverage {
        agency_code: row.get("code")?,
        agency_name: row.get("name")?,
        roster: row.get("roster")?,
        individually_covered: row.get("covered")?,
        agency_pact: row.get::<i64>("agency_pacts")? > 0,
    })
}

/// Pact coverage of every agency for `election_code`, by agency code. Pacts naming no election
/// count for every election.
pub async fn pact_coverage(db: &Db, election_code: &str) -> Result<Vec<PactCoverage>, StoreError> {
    sql(coverage_where!("ORDER BY a.code"))
        .bind(election_code.to_owned())
        .fetch_all(db)
        .await?
        .iter()
        .map(coverage)
        .collect()
}

/// Pact coverage of one agency; `None` when no agency has this code.
pub async fn pact_coverage_of(
    db: &Db,
    agency_code: &str,
    election_code: &str,
) -> Result<Option<PactCoverage>, StoreError> {
    sql(coverage_where!("WHERE a.code = $2"))
        .bind(election_code.to_owned())
        .bind(agency_code.to_owned())
        .fetch_optional(db)
        .await?
        .as_ref()
        .map(coverage)
        .transpose()
}
