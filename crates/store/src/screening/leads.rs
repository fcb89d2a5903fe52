//! Writing, reading and expiring leads.

use chrono::{DateTime, SubsecRound, Utc};

use crate::db::{Db, Row, sql};
use crate::error::StoreError;

/// A lead as the engine hands it over.
#[derive(Debug, Clone, PartialEq)]
pub struct NewLead {
    pub nip: String,
    /// An election code from rules/elections.
    pub election: String,
    /// A violation code of the rules in force.
    pub violation: String,
    /// How strongly the activity points at the violation, 0 to 1.
    pub score: f64,
    /// How the account was tied to the civil servant: `declared` (the registry's declared
    /// accounts, certain) or `name` (display name and bio, a proposal).
    pub owner_basis: String,
    pub owner_confidence: f64,
    pub platform: String,
    pub handle: String,
    /// post, comment, share, like, follow or join.
    pub action: String,
    pub text: String,
    /// The account or post acted on, for an interaction.
    pub target: Option<String>,
    pub url: String,
    pub at: DateTime<Utc>,
    /// What made it a lead: the words, rules and interaction, a line each.
    pub reasons: Vec<String>,
    /// SHA-256 of the activity record as received: the evidence's fingerprint.
    pub record_sha256: String,
}

/// A stored lead with the civil servant it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Lead {
    pub id: i64,
    pub civil_servant_id: i64,
    pub nip: String,
    pub name: String,
    pub agency_id: i64,
    pub agency_name: String,
    pub region_code: Option<String>,
    pub election: String,
    pub violation: String,
    pub score: f64,
    pub owner_basis: String,
    pub owner_confidence: f64,
    pub platform: String,
    pub handle: String,
    pub action: String,
    pub text: String,
    pub target: Option<String>,
    pub url: String,
    pub at: DateTime<Utc>,
    pub reasons: Vec<String>,
    pub record_sha256: String,
    pub found_at: DateTime<Utc>,
    /// `open`, `accepted` or `rejected`.
    pub status: String,
    pub reviewed_by: Option<String>,
    pub review_note: Option<String>,
    /// The report an accepted lead filed.
    pub report_number: Option<String>,
}

/// Stores `leads`, each once per record and civil servant; leads about a NIP not on the
/// roster are dropped (the engine maps only to the roster, but it may have changed since).
/// Gives how many were new.
pub async fn record_leads(
    db: &Db,
    leads: &[NewLead],
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let now = now.trunc_subsecs(6);
    let mut added = 0;
    let mut tx = db.begin().await?;
    for lead in leads {
        let reasons = serde_json::to_string(&lead.reasons).map_err(|e| StoreError::Corrupt {
            column: "reasons",
            message: e.to_string(),
        })?;
        added += sql(
            "INSERT INTO screening_leads (civil_servant_id, election_code, violation, score, owner_basis, \
             owner_confidence, platform, handle, action, body, target, url, at, reasons, record_sha256, \
             found_at, status) \
             SELECT p.id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'open' \
             FROM civil_servants p WHERE p.nip = $1 \
             ON CONFLICT (record_sha256, civil_servant_id) DO NOTHING",
        )
        .bind(lead.nip.clone())
        .bind(lead.election.clone())
        .bind(lead.violation.clone())
        .bind(lead.score)
        .bind(lead.owner_basis.clone())
        .bind(lead.owner_confidence)
        .bind(lead.platform.clone())
        .bind(lead.handle.clone())
        .bind(lead.action.clone())
        .bind(lead.text.clone())
        .bind(lead.target.clone())
        .bind(lead.url.clone())
        .bind(lead.at.trunc_subsecs(6))
        .bind(reasons)
        .bind(lead.record_sha256.clone())
        .bind(now)
        .execute(&mut tx)
        .await? as usize;
    }
    tx.commit().await?;
    Ok(added)
}

/// The lead query, with its own WHERE and ORDER BY.
macro_rules! leads_where {
    ($tail:literal) => {
        concat!(
            "SELECT l.id, l.civil_servant_id, p.nip, p.name, a.id AS agency_id, a.name AS agency_name, \
             a.region_code, l.election_code, l.violation, l.score, l.owner_basis, l.owner_confidence, \
             l.platform, l.handle, l.action, l.body, l.target, l.url, l.at, l.reasons, l.record_sha256, \
             l.found_at, l.status, u.display_name AS reviewed_by, l.review_note, r.number AS report_number \
             FROM screening_leads l JOIN civil_servants p ON p.id = l.civil_servant_id \
             JOIN agencies a ON a.id = p.agency_id \
             LEFT JOIN staff_users u ON u.id = l.reviewed_by LEFT JOIN reports r ON r.id = l.report_id ",
            $tail
        )
    };
}
pub(crate) use leads_where;

pub(crate) fn lead(row: &Row) -> Result<Lead, StoreError> {
    let reasons: String = row.get("reasons")?;
    Ok(Lead {
        id: row.get("id")?,
        civil_servant_id: row.get("civil_servant_id")?,
        nip: row.get("nip")?,
        name: row.get("name")?,
        agency_id: row.get("agency_id")?,
        agency_name: row.get("agency_name")?,
        region_code: row.get("region_code")?,
        election: row.get("election_code")?,
        violation: row.get("violation")?,
        score: row.get("score")?,
        owner_basis: row.get("owner_basis")?,
        owner_confidence: row.get("owner_confidence")?,
        platform: row.get("platform")?,
        handle: row.get("handle")?,
        action: row.get("action")?,
        text: row.get("body")?,
        target: row.get("target")?,
        url: row.get("url")?,
        at: row.get("at")?,
        reasons: serde_json::from_str(&reasons).map_err(|e| StoreError::Corrupt {
            column: "reasons",
            message: e.to_string(),
        })?,
        record_sha256: row.get("record_sha256")?,
        found_at: row.get("found_at")?,
        status: row.get("status")?,
        reviewed_by: row.get("reviewed_by")?,
        review_note: row.get("review_note")?,
        report_number: row.get("report_number")?,
    })
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Lead>, StoreError> {
    sql(leads_where!("WHERE l.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await?
        .as_ref()
        .map(lead)
        .transpose()
}

/// Deletes the leads found before `cutoff` that no report rests on (open and rejected ones):
/// the retention period. A record screened again after that may come back as a new lead.
pub async fn purge_before(db: &Db, cutoff: DateTime<Utc>) -> Result<u64, StoreError> {
    let mut tx = db.begin().await?;
    let deleted = sql("DELETE FROM screening_leads WHERE found_at < $1 AND status <> 'accepted'")
        .bind(cutoff.trunc_subsecs(6))
        .execute(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(deleted)
}
