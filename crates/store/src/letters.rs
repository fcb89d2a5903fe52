//! The letters sent to PPKs (recommendation, warning: see `netral_domain::letter`), as records.
//! [`crate::cases::apply`] numbers a letter in the transaction of the action that sends it and
//! queues a `letters` job there; the worker renders the PDF outside any transaction, stores
//! it as evidence of the case, and records its hash with [`record_file`], which also releases
//! the PPK liaisons' notice so that the PDF can go with it. Decision 0016 explains why.

use chrono::{DateTime, Datelike, NaiveDate, SubsecRound, Utc};
use netral_domain::case::Action;
use netral_domain::letter::{LetterKind, letter_number};

use crate::audit;
use crate::cases::{self, CaseRecord, EventRecord};
use crate::db::{Db, Row, Tx, sql};
use crate::error::StoreError;
use crate::jobs;

/// The job queue the letter worker takes from.
pub const QUEUE: &str = "letters";
/// Rendering fails only on a defect of the template, which a retry will not mend; a few
/// attempts cover a worker killed half-way.
pub const MAX_ATTEMPTS: i64 = 3;
/// Who records a letter's file in the audit log.
pub const LETTERS_ACTOR: audit::Actor<'static> = audit::Actor {
    name: "system:letters",
    role: "system",
};

/// A letter as recorded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LetterRecord {
    pub id: i64,
    pub case_id: i64,
    pub case_number: String,
    /// The event of the action that sent it.
    pub event_seq: i64,
    pub kind: LetterKind,
    pub number: String,
    pub issued_at: DateTime<Utc>,
    /// Set once the PDF is stored: its SHA-256, which is also its name in the evidence store.
    pub sha256: Option<String>,
    pub size: Option<i64>,
    pub rendered_at: Option<DateTime<Utc>>,
}

/// Takes the next number of `kind` for the year of `issued_on` (WIB), inside the caller's
/// transaction. The counter row stays locked until the transaction ends, so two letters never
/// share a number, and a transaction that rolls back gives its number back: no gaps.
pub(crate) async fn next_number(
    tx: &mut Tx,
    kind: LetterKind,
    prefix: &str,
    issued_on: NaiveDate,
) -> Result<(i64, String), StoreError> {
    let year = issued_on.year();
    let serial: i64 = sql("INSERT INTO counters (name, value) VALUES ($1, 1) \
         ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value")
    .bind(format!("letter:{}:{year}", kind.as_str()))
    .fetch_one(tx)
    .await?
    .get("value")?;
    Ok((serial, letter_number(kind, serial, prefix, issued_on)))
}

/// What [`record_issued`] writes.
pub(crate) struct Issued<'a> {
    pub case: &'a CaseRecord,
    pub event_seq: i64,
    pub kind: LetterKind,
    pub year: i32,
    pub serial: i64,
    pub number: &'a str,
}

/// Records a numbered letter with its rendering job and audit entry, inside the transaction of
/// the action that sends it. Gives the letter's id.
pub(crate) async fn record_issued(
    tx: &mut Tx,
    issued: &Issued<'_>,
    actor: &cases::Actor,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let now = now.trunc_subsecs(6);
    let id: i64 = sql(
        "INSERT INTO letters (case_id, event_seq, kind, year, serial, number, issued_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(issued.case.id)
    .bind(issued.event_seq)
    .bind(issued.kind.as_str())
    .bind(i64::from(issued.year))
    .bind(issued.serial)
    .bind(issued.number)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?
    .get("id")?;
    jobs::enqueue(
        tx,
        QUEUE,
        &serde_json::json!({ "letter": id }),
        now,
        MAX_ATTEMPTS,
        now,
    )
    .await?;
    audit::append(
        tx,
        &audit::Entry {
            actor: audit::Actor {
                name: &actor.name,
                role: actor.role.as_str(),
            },
            action: "letter.issued",
            subject: Some(&issued.case.number),
            details: serde_json::json!({
                "letter": issued.number,
                "kind": issued.kind.as_str(),
                "event": issued.event_seq,
            }),
        },
        now,
    )
    .await?;
    Ok(id)
}

macro_rules! select_letters {
    ($clauses:literal) => {
        concat!(
            "SELECT l.id, l.case_id, c.number AS case_number, l.event_seq, l.kind, l.number, ",
            "l.issued_at, l.sha256, l.size, l.rendered_at FROM letters l JOIN cases c ON c.id = l.case_id ",
            $clauses
        )
    };
}

fn letter_from_row(row: &Row) -> Result<LetterRecord, StoreError> {
    Ok(LetterRecord {
        id: row.get("id")?,
        case_id: row.get("case_id")?,
        case_number: row.get("case_number")?,
        event_seq: row.get("event_seq")?,
        kind: row.parse("kind")?,
        number: row.get("number")?,
        issued_at: row.get("issued_at")?,
        sha256: row.get("sha256")?,
        size: row.get("size")?,
        rendered_at: row.get("rendered_at")?,
    })
}

pub async fn get(db: &Db, id: i64) -> Result<Option<LetterRecord>, StoreError> {
    sql(select_letters!("WHERE l.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await?
        .map(|row| letter_from_row(&row))
        .transpose()
}

/// A case's letters, oldest first.
pub async fn of_case(db: &Db, case_id: i64) -> Result<Vec<LetterRecord>, StoreError> {
    let rows = sql(select_letters!("WHERE l.case_id = $1 ORDER BY l.event_seq"))
        .bind(case_id)
        .fetch_all(db)
        .await?;
    rows.iter().map(letter_from_row).collect()
}

/// The civil servant a letter is about, as the roster has them (or as the report described
/// them, when the case is not linked to the roster).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectFacts {
    pub name: String,
    pub nip: String,
    pub position: String,
    pub unit: String,
    pub agency: String,
}

/// The PPK a letter is addressed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddresseeFacts {
    /// `agencies.ppk_title`, e.g. "Bupati Karawang".
    pub ppk_title: String,
    pub agency: String,
}

/// Everything recorded that a letter says, for the worker to put in words.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterFacts {
    pub letter: LetterRecord,
    pub case: CaseRecord,
    /// The event of the action that sent it; its payload holds the sanction and any reason.
    pub event: EventRecord,
    pub action: Action,
    /// The issuing account's display name (its user name if the account is gone).
    pub signer_name: String,
    pub subject: Option<SubjectFacts>,
    pub addressee: Option<AddresseeFacts>,
    /// For a warning: the latest recommendation before it, number and time.
    pub recommendation: Option<(String, DateTime<Utc>)>,
}

/// The facts of letter `id`, or `None` when there is no such letter.
pub async fn facts(db: &Db, id: i64) -> Result<Option<LetterFacts>, StoreError> {
    let Some(letter) = get(db, id).await? else {
        return Ok(None);
    };
    let case = cases::get_case_by_id(db, letter.case_id).await?;
    let events = cases::events(db, case.id).await?;
    let event = events
        .iter()
        .find(|e| e.seq == letter.event_seq)
        .cloned()
        .ok_or_else(|| StoreError::Corrupt {
            column: "letters.event_seq",
            message: format!(
                "letter {} points at event {} of case {}, which does not exist",
                letter.number, letter.event_seq, case.number
            ),
        })?;
    let action: Action =
        serde_json::from_value(event.payload.clone()).map_err(|e| StoreError::Corrupt {
            column: "payload",
            message: e.to_string(),
        })?;
    let recommendation = events
        .iter()
        .filter(|e| e.seq < letter.event_seq)
        .filter_map(
            |e| match serde_json::from_value::<Action>(e.payload.clone()) {
                Ok(Action::IssueRecommendation { letter_number, .. }) => {
                    Some((letter_number, e.at))
                }
                _ => None,
            },
        )
        .next_back();
    let signer_name = sql("SELECT display_name FROM staff_users WHERE username = $1")
        .bind(event.actor.clone())
        .fetch_optional(db)
        .await?
        .map(|row| row.get::<String>("display_name"))
        .transpose()?
        .unwrap_or_else(|| event.actor.clone());
    let subject = subject_of(db, &case).await?;
    let addressee = match case.agency_id {
        Some(agency) => {
            let row = sql("SELECT name, ppk_title FROM agencies WHERE id = $1")
                .bind(agency)
                .fetch_one(db)
                .await?;
            Some(AddresseeFacts {
                ppk_title: row.get("ppk_title")?,
                agency: row.get("name")?,
            })
        }
        None => None,
    };
    Ok(Some(LetterFacts {
        letter,
        case,
        event,
        action,
        signer_name,
        subject,
        addressee,
        recommendation,
    }))
}

async fn subject_of(db: &Db, case: &CaseRecord) -> Result<Option<SubjectFacts>, StoreError> {
    if let Some(id) = case.subject_id {
        let row = sql(
            "SELECT s.name, s.nip, s.position, s.unit, a.name AS agency FROM civil_servants s \
             JOIN agencies a ON a.id = s.agency_id WHERE s.id = $1",
        )
        .bind(id)
        .fetch_one(db)
        .await?;
        return Ok(Some(SubjectFacts {
            name: row.get("name")?,
            nip: row.get("nip")?,
            position: row.get("position")?,
            unit: row.get("unit")?,
            agency: row.get("agency")?,
        }));
    }
    let row = sql(
        "SELECT subject_nip, subject_description FROM reports WHERE case_id = $1 ORDER BY id LIMIT 1",
    )
    .bind(case.id)
    .fetch_optional(db)
    .await?;
    Ok(match row {
        Some(row) => {
            let nip: Option<String> = row.get("subject_nip")?;
            let description: Option<String> = row.get("subject_description")?;
            Some(SubjectFacts {
                name: description.unwrap_or_default(),
                nip: nip.unwrap_or_default(),
                position: String::new(),
                unit: String::new(),
                agency: String::new(),
            })
        }
        None => None,
    })
}

/// The stored PDF of a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterFile<'a> {
    pub sha256: &'a str,
    pub size: i64,
    /// The name it is attached to the case under, e.g. `Surat-0042-REK-BKN-XI-2026.pdf`.
    pub file_name: &'a str,
}

/// Records that letter `id`'s PDF is in the evidence store: the file becomes evidence of the
/// case (so the case page lists it and serves it), its hash and size are written on the letter
/// once, the notices waiting for it are queued for sending, and the audit log says so; all in
/// one transaction. False (and nothing written) when the letter's file was recorded already.
pub async fn record_file(
    db: &Db,
    id: i64,
    file: &LetterFile<'_>,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let now = now.trunc_subsecs(6);
    let mut tx = db.begin().await?;
    let Some(row) = sql(
        "SELECT l.case_id, l.number, l.sha256, c.number AS case_number FROM letters l \
         JOIN cases c ON c.id = l.case_id WHERE l.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut tx)
    .await?
    else {
        return Ok(false);
    };
    let done: Option<String> = row.get("sha256")?;
    if done.is_some() {
        return Ok(false);
    }
    let case_id: i64 = row.get("case_id")?;
    let number: String = row.get("number")?;
    let case_number: String = row.get("case_number")?;
    sql("INSERT INTO evidence (sha256, size, media_type, first_stored_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING")
        .bind(file.sha256)
        .bind(file.size)
        .bind("application/pdf")
        .bind(now)
        .execute(&mut tx)
        .await?;
    let evidence_id: i64 = sql("SELECT id FROM evidence WHERE sha256 = $1")
        .bind(file.sha256)
        .fetch_one(&mut tx)
        .await?
        .get("id")?;
    sql("INSERT INTO attachments (case_id, report_id, message_id, evidence_id, original_name, added_at) VALUES ($1, NULL, NULL, $2, $3, $4)")
        .bind(case_id)
        .bind(evidence_id)
        .bind(file.file_name)
        .bind(now)
        .execute(&mut tx)
        .await?;
    sql("UPDATE letters SET sha256 = $1, size = $2, rendered_at = $3 WHERE id = $4")
        .bind(file.sha256)
        .bind(file.size)
        .bind(now)
        .bind(id)
        .execute(&mut tx)
        .await?;
    let released = release_waiting_mail(&mut tx, id, now).await?;
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: LETTERS_ACTOR,
            action: "letter.stored",
            subject: Some(&case_number),
            details: serde_json::json!({
                "letter": number,
                "sha256": file.sha256,
                "size": file.size,
                "notices": released,
            }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Queues the notices that wait for a letter whose PDF could not be made, so that they go
/// without it rather than never. Gives how many.
pub async fn release_without_file(
    db: &Db,
    id: i64,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let mut tx = db.begin().await?;
    let released = release_waiting_mail(&mut tx, id, now.trunc_subsecs(6)).await?;
    tx.commit().await?;
    Ok(released)
}

/// Queues a `mail` job for each queued notice that names letter `id` and has no job yet.
async fn release_waiting_mail(
    tx: &mut Tx,
    id: i64,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let rows =
        sql("SELECT id FROM mail_outbox WHERE letter_id = $1 AND status = 'queued' ORDER BY id")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
    for row in &rows {
        let mail: i64 = row.get("id")?;
        jobs::enqueue(
            tx,
            crate::mail::QUEUE,
            &serde_json::json!({ "mail": mail }),
            now,
            crate::mail::MAX_ATTEMPTS,
            now,
        )
        .await?;
    }
    Ok(rows.len())
}

/// Whether a payload is a letter job's, and for which letter.
pub fn letter_of_job(payload: &serde_json::Value) -> Option<i64> {
    payload.get("letter").and_then(serde_json::Value::as_i64)
}
