//! One case as its handlers see it: the case, its reports, the subject and agency, the message
//! thread with internal notes, the evidence, and every event. The reports, messages and
//! evidence of duplicates merged into the case are gathered with its own, each naming the case
//! it was filed in.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sqlx::types::Json;

use crate::cases::{self, CaseRecord, EventRecord, with_gathered};
use crate::db::{Db, sql};
use crate::error::StoreError;
use crate::letters::{self, LetterRecord};

/// A report of the case (a case may gather several, merged as duplicates).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportDetail {
    pub number: String,
    /// The case the report was filed in: this one, or a duplicate merged into it.
    pub case_number: String,
    pub channel: String,
    pub received_at: DateTime<Utc>,
    pub incident_date: NaiveDate,
    pub subject_nip: Option<String>,
    pub subject_nik: Option<String>,
    pub subject_description: Option<String>,
    pub summary: String,
    pub violation_hints: Vec<String>,
    pub place: String,
    pub links: Vec<String>,
    pub election_code: Option<String>,
    pub campaign_phase: Option<String>,
    /// `anonymous`, `confidential` or `identified`. The identity itself is sealed and only the
    /// custodian may open it, logged.
    pub reporter_mode: String,
}

/// A message of the thread, internal notes included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffMessage {
    pub at: DateTime<Utc>,
    /// The case whose thread it is in: this one, or a duplicate merged into it.
    pub case_number: String,
    /// `reporter` or `handler`.
    pub author_kind: String,
    pub author: String,
    pub body: String,
    pub internal: bool,
}

/// An evidence file attached to the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceLine {
    pub original_name: String,
    /// The case it was sent to: this one, or a duplicate merged into it.
    pub case_number: String,
    pub size: i64,
    pub media_type: String,
    pub sha256: String,
    pub added_at: DateTime<Utc>,
}

/// The civil servant a case is about, when linked to the roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubjectLine {
    pub nip: String,
    pub name: String,
    pub position: String,
    pub unit: String,
}

/// A duplicate merged into the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergedCase {
    pub number: String,
    pub at: DateTime<Utc>,
    pub actor: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseDetail {
    pub case: CaseRecord,
    pub agency: Option<String>,
    /// For the scope check: the case's agency's region (none for central agencies).
    pub agency_region: Option<String>,
    pub subject: Option<SubjectLine>,
    pub reports: Vec<ReportDetail>,
    pub messages: Vec<StaffMessage>,
    pub evidence: Vec<EvidenceLine>,
    /// The letters sent to the PPK; each one's PDF is also among `evidence` once made.
    pub letters: Vec<LetterRecord>,
    pub events: Vec<EventRecord>,
    /// The number of the case this one was merged into, when it is a merged duplicate.
    pub merged_into: Option<String>,
    /// The duplicates merged into this case (through another duplicate too), oldest merge first.
    pub merged_from: Vec<MergedCase>,
}

pub async fn case_detail(db: &Db, number: &str) -> Result<Option<CaseDetail>, StoreError> {
    let Some(case) = cases::get_case(db, number).await? else {
        return Ok(None);
    };
    let (agency, agency_region) = match case.agency_id {
        Some(id) => {
            let row = sql("SELECT name, region_code FROM agencies WHERE id = $1")
                .bind(id)
                .fetch_one(db)
                .await?;
            (Some(row.get("name")?), row.get("region_code")?)
        }
        None => (None, None),
    };
    let subject = match case.subject_id {
        Some(id) => {
            let row = sql("SELECT nip, name, position, unit FROM civil_servants WHERE id = $1")
                .bind(id)
                .fetch_one(db)
                .await?;
            Some(SubjectLine {
                nip: row.get("nip")?,
                name: row.get("name")?,
                position: row.get("position")?,
                unit: row.get("unit")?,
            })
        }
        None => None,
    };
    let reports = sql(concat!(
        with_gathered!(),
        " SELECT r.number, c.number AS case_number, r.channel, r.received_at, r.incident_date, \
         r.subject_nip, r.subject_nik, r.subject_description, r.summary, r.violation_hints, \
         r.place, r.links, r.election_code, r.campaign_phase, r.reporter_mode \
         FROM reports r JOIN cases c ON c.id = r.case_id \
         WHERE r.case_id IN (SELECT id FROM gathered) ORDER BY r.id"
    ))
    .bind(case.id)
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| {
        let Json(violation_hints): Json<Vec<String>> = row.get("violation_hints")?;
        let Json(links): Json<Vec<String>> = row.get("links")?;
        Ok(ReportDetail {
            number: row.get("number")?,
            case_number: row.get("case_number")?,
            channel: row.get("channel")?,
            received_at: row.get("received_at")?,
            incident_date: row.get("incident_date")?,
            subject_nip: row.get("subject_nip")?,
            subject_nik: row.get("subject_nik")?,
            subject_description: row.get("subject_description")?,
            summary: row.get("summary")?,
            violation_hints,
            place: row.get("place")?,
            links,
            election_code: row.get("election_code")?,
            campaign_phase: row.get("campaign_phase")?,
            reporter_mode: row.get("reporter_mode")?,
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    let messages = sql(concat!(
        with_gathered!(),
        " SELECT m.at, c.number AS case_number, m.author_kind, m.author, m.body, m.internal \
         FROM messages m JOIN cases c ON c.id = m.case_id \
         WHERE m.case_id IN (SELECT id FROM gathered) ORDER BY m.at, m.id"
    ))
    .bind(case.id)
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| {
        Ok(StaffMessage {
            at: row.get("at")?,
            case_number: row.get("case_number")?,
            author_kind: row.get("author_kind")?,
            author: row.get("author")?,
            body: row.get("body")?,
            internal: row.get("internal")?,
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    let evidence = sql(concat!(
        with_gathered!(),
        " SELECT a.original_name, c.number AS case_number, a.added_at, e.size, e.media_type, \
         e.sha256 FROM attachments a JOIN evidence e ON e.id = a.evidence_id \
         JOIN cases c ON c.id = a.case_id \
         WHERE a.case_id IN (SELECT id FROM gathered) ORDER BY a.id"
    ))
    .bind(case.id)
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| {
        Ok(EvidenceLine {
            original_name: row.get("original_name")?,
            case_number: row.get("case_number")?,
            size: row.get("size")?,
            media_type: row.get("media_type")?,
            sha256: row.get("sha256")?,
            added_at: row.get("added_at")?,
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    let events = cases::events(db, case.id).await?;
    let merged_into = match case.merged_into {
        Some(id) => Some(
            sql("SELECT number FROM cases WHERE id = $1")
                .bind(id)
                .fetch_one(db)
                .await?
                .get("number")?,
        ),
        None => None,
    };
    let merged_from = sql(concat!(
        with_gathered!(),
        " SELECT c.number, e.at, e.actor FROM cases c \
         JOIN case_events e ON e.case_id = c.id AND e.kind = 'merge_into' \
         WHERE c.id IN (SELECT id FROM gathered) AND c.id <> $1 ORDER BY e.id"
    ))
    .bind(case.id)
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| {
        Ok(MergedCase {
            number: row.get("number")?,
            at: row.get("at")?,
            actor: row.get("actor")?,
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    let letters = letters::of_case(db, case.id).await?;
    Ok(Some(CaseDetail {
        case,
        agency,
        agency_region,
        subject,
        reports,
        messages,
        evidence,
        letters,
        events,
        merged_into,
        merged_from,
    }))
}

/// The report's idempotency key, which its reporter's sealed identity is bound to (see the
/// vault): the custodian's page needs it to open what [`crate::thread::reveal_identity`] gives.
/// `None` when the case has no such report; `Some(None)` for a report filed without a key
/// (never one with an identity).
pub async fn identity_context(
    db: &Db,
    number: &str,
    report_number: &str,
) -> Result<Option<Option<String>>, StoreError> {
    let row = sql(
        "SELECT r.idempotency_key FROM reports r JOIN cases c ON c.id = r.case_id \
         WHERE c.number = $1 AND r.number = $2",
    )
    .bind(number.to_owned())
    .bind(report_number.to_owned())
    .fetch_optional(db)
    .await?;
    row.map(|row| row.get("idempotency_key")).transpose()
}
