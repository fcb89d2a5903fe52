//! The pairs a run proposes, kept once per election, candidate, relation and civil servant:
//! a later run adds nothing for a pair already here, whatever became of it. The queue lists the
//! open ones within the reviewer's scope, matches before the review band, strongest first.

use chrono::{DateTime, NaiveDate, Utc};
use netral_domain::access::Scope;
use netral_link::{Contribution, Proposal as Found, Relation};

use crate::db::{Db, Row, Tx, sql};
use crate::error::StoreError;
use crate::registry::lookup::scope_params;

/// Queue lines on one page.
pub const PAGE_SIZE: i64 = 50;

/// Stores `found` for run `run`, skipping pairs already known and pairs whose candidate is not
/// of `election` or whose NIP is no longer on the roster. Gives how many were new.
pub(crate) async fn store_proposals(
    tx: &mut Tx,
    run: i64,
    election: &str,
    found: &[Found],
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let mut added = 0;
    for proposal in found {
        let Ok(candidate) = proposal.query_id.parse::<i64>() else {
            continue;
        };
        let explanation =
            serde_json::to_string(&proposal.contributions).map_err(|e| StoreError::Corrupt {
                column: "explanation",
                message: e.to_string(),
            })?;
        added += sql(
            "INSERT INTO link_proposals (run_id, election_code, candidate_id, relation, civil_servant_id, \
             score, probability, band, explanation, found_at, status) \
             SELECT $1, c.election_code, c.id, $4, p.id, $5, $6, $7, $8, $9, 'open' \
             FROM candidates c JOIN civil_servants p ON p.nip = $3 \
             WHERE c.id = $2 AND c.election_code = $10 \
             ON CONFLICT (election_code, candidate_id, relation, civil_servant_id) DO NOTHING",
        )
        .bind(run)
        .bind(candidate)
        .bind(proposal.record_id.clone())
        .bind(proposal.relation.as_str())
        .bind(proposal.score)
        .bind(proposal.probability)
        .bind(proposal.band.as_str())
        .bind(explanation)
        .bind(now)
        .bind(election.to_owned())
        .execute(&mut *tx)
        .await?;
    }
    Ok(added)
}

/// The pairs of `election` a person rejected, as the engine names them (candidate id,
/// relation, NIP): a later run proposes the candidate's next-best civil servant instead.
pub(crate) async fn rejected_pairs(
    db: &Db,
    election: &str,
) -> Result<Vec<(String, Relation, String)>, StoreError> {
    let rows = sql(
        "SELECT l.candidate_id, l.relation, p.nip FROM link_proposals l \
         JOIN civil_servants p ON p.id = l.civil_servant_id \
         WHERE l.election_code = $1 AND l.status = 'rejected' ORDER BY l.id",
    )
    .bind(election.to_owned())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            let relation: String = row.get("relation")?;
            let relation = Relation::parse(&relation).ok_or_else(|| StoreError::Corrupt {
                column: "relation",
                message: format!("unknown relation {relation:?}"),
            })?;
            Ok((
                row.get::<i64>("candidate_id")?.to_string(),
                relation,
                row.get("nip")?,
            ))
        })
        .collect()
}

/// The record that made a proposal need no report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Covering {
    Resignation {
        id: i64,
        resigned_on: NaiveDate,
        effective_on: Option<NaiveDate>,
        decree_number: Option<String>,
    },
    UnpaidLeave {
        id: i64,
        starts_on: NaiveDate,
        ends_on: NaiveDate,
        decree_number: Option<String>,
    },
}

impl Covering {
    /// As kept in `link_proposals.covered_by`: the table and the row.
    pub(crate) fn key(&self) -> String {
        match self {
            Covering::Resignation { id, .. } => format!("resignation:{id}"),
            Covering::UnpaidLeave { id, .. } => format!("unpaid_leave:{id}"),
        }
    }
}

/// A stored proposal with both sides of the pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub id: i64,
    pub run_id: i64,
    pub election: String,
    /// `self` (the candidate is the civil servant) or `spouse` (the spouse named on the list).
    pub relation: String,
    pub score: f64,
    pub probability: f64,
    /// `match` or `review`.
    pub band: String,
    /// The engine's explanation: the prior first, then one line per field; they add up to
    /// `score`.
    pub explanation: Vec<Contribution>,
    pub found_at: DateTime<Utc>,
    /// `open`, `accepted`, `rejected` or `covered`.
    pub status: String,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub review_note: Option<String>,
    pub report_number: Option<String>,
    /// `resignation:ID` or `unpaid_leave:ID`; [`covering`] reads the record.
    pub covered_by: Option<String>,
    pub candidate_id: i64,
    pub candidate_level: String,
    pub candidate_dapil: String,
    pub candidate_party_number: Option<i64>,
    pub candidate_party_name: Option<String>,
    pub candidate_number: i64,
    /// As written on the list, titles included.
    pub candidate_name: String,
    pub candidate_sex: String,
    pub candidate_birth_date: Option<NaiveDate>,
    pub candidate_residence: Option<String>,
    pub candidate_region_code: Option<String>,
    pub candidate_spouse: Option<String>,
    pub civil_servant_id: i64,
    pub nip: String,
    /// As written, titles included.
    pub name: String,
    pub sex: String,
    pub birth_date: NaiveDate,
    pub nik: Option<String>,
    pub agency_id: i64,
    pub agency_name: String,
    pub agency_region_code: Option<String>,
}

macro_rules! proposals_where {
    ($tail:literal) => {
        concat!(
            "SELECT l.id, l.run_id, l.election_code, l.relation, l.score, l.probability, l.band, \
             l.explanation, l.found_at, l.status, u.display_name AS reviewed_by, l.reviewed_at, \
             l.review_note, r.number AS report_number, l.covered_by, \
             c.id AS candidate_id, c.level AS candidate_level, c.dapil AS candidate_dapil, \
             c.party_number AS candidate_party_number, c.party_name AS candidate_party_name, \
             c.number AS candidate_number, c.name AS candidate_name, c.sex AS candidate_sex, \
             c.birth_date AS candidate_birth_date, c.residence AS candidate_residence, \
             c.residence_region_code AS candidate_region_code, c.spouse_name AS candidate_spouse, \
             p.id AS civil_servant_id, p.nip, p.name, p.sex, p.birth_date, p.nik, \
             a.id AS agency_id, a.name AS agency_name, a.region_code AS agency_region_code \
             FROM link_proposals l JOIN candidates c ON c.id = l.candidate_id \
             JOIN civil_servants p ON p.id = l.civil_servant_id JOIN agencies a ON a.id = p.agency_id \
             LEFT JOIN staff_users u ON u.id = l.reviewed_by LEFT JOIN reports r ON r.id = l.report_id ",
            $tail
        )
    };
}

fn proposal(row: &Row) -> Result<Proposal, StoreError> {
    let explanation: String = row.get("explanation")?;
    Ok(Proposal {
        id: row.get("id")?,
        run_id: row.get("run_id")?,
        election: row.get("election_code")?,
        relation: row.get("relation")?,
        score: row.get("score")?,
        probability: row.get("probability")?,
        band: row.get("band")?,
        explanation: serde_json::from_str(&explanation).map_err(|e| StoreError::Corrupt {
            column: "explanation",
            message: e.to_string(),
        })?,
        found_at: row.get("found_at")?,
        status: row.get("status")?,
        reviewed_by: row.get("reviewed_by")?,
        reviewed_at: row.get("reviewed_at")?,
        review_note: row.get("review_note")?,
        report_number: row.get("report_number")?,
        covered_by: row.get("covered_by")?,
        candidate_id: row.get("candidate_id")?,
        candidate_level: row.get("candidate_level")?,
        candidate_dapil: row.get("candidate_dapil")?,
        candidate_party_number: row.get("candidate_party_number")?,
        candidate_party_name: row.get("candidate_party_name")?,
        candidate_number: row.get("candidate_number")?,
        candidate_name: row.get("candidate_name")?,
        candidate_sex: row.get("candidate_sex")?,
        candidate_birth_date: row.get("candidate_birth_date")?,
        candidate_residence: row.get("candidate_residence")?,
        candidate_region_code: row.get("candidate_region_code")?,
        candidate_spouse: row.get("candidate_spouse")?,
        civil_servant_id: row.get("civil_servant_id")?,
        nip: row.get("nip")?,
        name: row.get("name")?,
        sex: row.get("sex")?,
        birth_date: row.get("birth_date")?,
        nik: row.get("nik")?,
        agency_id: row.get("agency_id")?,
        agency_name: row.get("agency_name")?,
        agency_region_code: row.get("agency_region_code")?,
    })
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Proposal>, StoreError> {
    sql(proposals_where!("WHERE l.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await?
        .as_ref()
        .map(proposal)
        .transpose()
}

/// Every proposal of `election`, in id order (for tests and exports).
pub async fn of_election(db: &Db, election: &str) -> Result<Vec<Proposal>, StoreError> {
    sql(proposals_where!("WHERE l.election_code = $1 ORDER BY l.id"))
        .bind(election.to_owned())
        .fetch_all(db)
        .await?
        .iter()
        .map(proposal)
        .collect()
}

/// The record a covered proposal names, read again from its table.
pub async fn covering(db: &Db, covered_by: &str) -> Result<Option<Covering>, StoreError> {
    let Some((kind, id)) = covered_by.split_once(':') else {
        return Ok(None);
    };
    let Ok(id) = id.parse::<i64>() else {
        return Ok(None);
    };
    Ok(match kind {
        "resignation" => sql(
            "SELECT id, resigned_on, effective_on, decree_number FROM resignations WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(db)
        .await?
        .map(|row| -> Result<Covering, StoreError> {
            Ok(Covering::Resignation {
                id: row.get("id")?,
                resigned_on: row.get("resigned_on")?,
                effective_on: row.get("effective_on")?,
                decree_number: row.get("decree_number")?,
            })
        })
        .transpose()?,
        "unpaid_leave" => {
            sql("SELECT id, starts_on, ends_on, decree_number FROM unpaid_leaves WHERE id = $1")
                .bind(id)
                .fetch_optional(db)
                .await?
                .map(|row| -> Result<Covering, StoreError> {
                    Ok(Covering::UnpaidLeave {
                        id: row.get("id")?,
                        starts_on: row.get("starts_on")?,
                        ends_on: row.get("ends_on")?,
                        decree_number: row.get("decree_number")?,
                    })
                })
                .transpose()?
        }
        _ => None,
    })
}

/// One line of the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueLine {
    pub id: i64,
    pub relation: String,
    pub band: String,
    pub score: f64,
    pub probability: f64,
    pub candidate_name: String,
    pub candidate_level: String,
    pub candidate_dapil: String,
    pub candidate_party_name: Option<String>,
    pub nip: String,
    pub name: String,
    pub agency_name: String,
}

/// One page of the queue and how many open proposals there are in all.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenPage {
    pub lines: Vec<QueueLine>,
    pub total: i64,
}

/// The elections with open proposals that `scope` covers: where a reviewer has work waiting.
pub async fn elections_with_open(db: &Db, scope: &Scope) -> Result<Vec<String>, StoreError> {
    let (kind, province, agency) = scope_params(scope);
    sql("SELECT DISTINCT l.election_code FROM link_proposals l \
         JOIN civil_servants p ON p.id = l.civil_servant_id JOIN agencies a ON a.id = p.agency_id \
         WHERE l.status = 'open' AND ($1 = 'national' \
         OR ($1 = 'province' AND a.region_code LIKE $2) OR ($1 = 'agency' AND a.id = $3)) \
         ORDER BY l.election_code")
    .bind(kind)
    .bind(province)
    .bind(agency)
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| row.get("election_code"))
    .collect()
}

/// The open proposals of `election` that `scope` covers (by the civil servant's agency):
/// matches before the review band, then by score, strongest first; `page` counts from 0.
pub async fn open_queue(
    db: &Db,
    election: &str,
    scope: &Scope,
    page: i64,
) -> Result<OpenPage, StoreError> {
    let (kind, province, agency) = scope_params(scope);
    let total: i64 = sql(
        "SELECT COUNT(*) AS n FROM link_proposals l JOIN civil_servants p ON p.id = l.civil_servant_id \
         JOIN agencies a ON a.id = p.agency_id \
         WHERE l.election_code = $1 AND l.status = 'open' AND ($2 = 'national' \
         OR ($2 = 'province' AND a.region_code LIKE $3) OR ($2 = 'agency' AND a.id = $4))",
    )
    .bind(election.to_owned())
    .bind(kind)
    .bind(province.clone())
    .bind(agency)
    .fetch_one(db)
    .await?
    .get("n")?;
    let rows = sql(
        "SELECT l.id, l.relation, l.band, l.score, l.probability, c.name AS candidate_name, \
         c.level AS candidate_level, c.dapil AS candidate_dapil, c.party_name AS candidate_party_name, \
         p.nip, p.name, a.name AS agency_name \
         FROM link_proposals l JOIN candidates c ON c.id = l.candidate_id \
         JOIN civil_servants p ON p.id = l.civil_servant_id JOIN agencies a ON a.id = p.agency_id \
         WHERE l.election_code = $1 AND l.status = 'open' AND ($2 = 'national' \
         OR ($2 = 'province' AND a.region_code LIKE $3) OR ($2 = 'agency' AND a.id = $4)) \
         ORDER BY CASE WHEN l.band = 'match' THEN 0 ELSE 1 END, l.score DESC, l.id \
         LIMIT $5 OFFSET $6",
    )
    .bind(election.to_owned())
    .bind(kind)
    .bind(province)
    .bind(agency)
    .bind(PAGE_SIZE)
    .bind(page.max(0) * PAGE_SIZE)
    .fetch_all(db)
    .await?;
    let lines = rows
        .iter()
        .map(|row| {
            Ok(QueueLine {
                id: row.get("id")?,
                relation: row.get("relation")?,
                band: row.get("band")?,
                score: row.get("score")?,
                probability: row.get("probability")?,
                candidate_name: row.get("candidate_name")?,
                candidate_level: row.get("candidate_level")?,
                candidate_dapil: row.get("candidate_dapil")?,
                candidate_party_name: row.get("candidate_party_name")?,
                nip: row.get("nip")?,
                name: row.get("name")?,
                agency_name: row.get("agency_name")?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(OpenPage { lines, total })
}
