//! The mail outbox: notices to staff and reporters, written in the same transaction as their
//! cause together with a `mail` job (see [`crate::jobs`]), so a notice exists exactly when its
//! cause does and survives a restart. A row names *what* to say (kind, case, stage, deadline);
//! the web crate's worker renders it in words from its translations and sends it over SMTP,
//! logging every attempt in `mail_deliveries`. Decision 0013 explains the choices.

mod deadlines;
mod recipients;

pub use deadlines::{DeadlineSweep, queue_deadline_notices};
pub(crate) use recipients::{agency_liaison_addresses, agency_of, covers, on_stage_change};

use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use netral_domain::case::CaseState;

use crate::db::{Db, Row, Tx, sql};
use crate::error::StoreError;
use crate::jobs;

/// The job queue the mail worker takes from.
pub const QUEUE: &str = "mail";
/// Attempts before a message is given up as failed (the worker's backoff spreads them over
/// about two days, enough to outlast a mail server's weekend outage).
pub const MAX_ATTEMPTS: i64 = 8;
/// Who the system writes as in `identity_reveals` when it opens a reporter's seal to mail them.
pub const MAIL_ACTOR: &str = "system:mail";
pub const STAGE_CHANGE_REASON: &str = "stage-change notice";

/// Why a message is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    /// A case's deadline is near; to the staff who act at its stage.
    Reminder,
    /// An agency's integrity-pact coverage is below the campaign's target; to its PPK liaisons.
    PactReminder,
    /// The oversight body answered a question sent from the guide; to the address the asker left.
    AdvisoryAnswered,
    /// A case's deadline has passed; once, to the same staff.
    Overdue,
    /// A recommendation was issued; to the PPK liaisons of the case's agency.
    RecommendationArrived,
    /// The case moved on; to a reporter who left a way to be reached.
    StageChanged,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reminder => "reminder",
            Self::Overdue => "overdue",
            Self::RecommendationArrived => "recommendation_arrived",
            Self::StageChanged => "stage_changed",
            Self::PactReminder => "pact_reminder",
            Self::AdvisoryAnswered => "advisory_answered",
        }
    }

    fn parse(s: &str) -> Result<Self, StoreError> {
        [
            Self::Reminder,
            Self::Overdue,
            Self::RecommendationArrived,
            Self::StageChanged,
            Self::PactReminder,
            Self::AdvisoryAnswered,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
        .ok_or_else(|| StoreError::Corrupt {
            column: "kind",
            message: format!("unknown mail kind `{s}`"),
        })
    }
}

/// Where a message goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipient {
    /// A staff member's address (not secret: it is on the account).
    Address(String),
    /// The reporter of this report (database id): the address stays sealed until sending.
    ReporterOf(i64),
}

/// A notice to queue.
#[derive(Debug, Clone)]
pub struct NewMail {
    /// Unique per notice: queuing the same key again does nothing.
    pub notice_key: String,
    pub kind: MailKind,
    pub recipient: Recipient,
    pub case_id: Option<i64>,
    pub stage: Option<CaseState>,
    pub due_on: Option<NaiveDate>,
    /// The letter that goes with the message. Such a message gets its `mail` job only once the
    /// letter's PDF is stored (or could not be made): see [`crate::letters::record_file`].
    pub letter_id: Option<i64>,
    /// What a message about no case says (names and figures, a flat JSON object whose keys
    /// become the text's arguments); `None` for case notices, which read their case.
    pub details: Option<serde_json::Value>,
}

/// Puts a message in the outbox with its `mail` job, inside the caller's transaction (a
/// message waiting for a letter gets its job later). `None` when a message with the same
/// notice key exists already (nothing is written).
pub async fn queue_mail(
    tx: &mut Tx,
    mail: &NewMail,
    now: DateTime<Utc>,
) -> Result<Option<i64>, StoreError> {
    let now = now.trunc_subsecs(6);
    let (address, report) = match &mail.recipient {
        Recipient::Address(address) => (Some(address.clone()), None),
        Recipient::ReporterOf(report) => (None, Some(*report)),
    };
    let row = sql(
        "INSERT INTO mail_outbox (notice_key, kind, to_address, report_id, case_id, stage, due_on, letter_id, details, created_at, status, attempts) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'queued', 0) ON CONFLICT (notice_key) DO NOTHING RETURNING id",
    )
    .bind(mail.notice_key.clone())
    .bind(mail.kind.as_str())
    .bind(address)
    .bind(report)
    .bind(mail.case_id)
    .bind(mail.stage.map(CaseState::as_str))
    .bind(mail.due_on)
    .bind(mail.letter_id)
    .bind(mail.details.as_ref().map(|d| d.to_string()))
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let id: i64 = row.get("id")?;
    if mail.letter_id.is_some() {
        return Ok(Some(id));
    }
    jobs::enqueue(
        tx,
        QUEUE,
        &serde_json::json!({ "mail": id }),
        now,
        MAX_ATTEMPTS,
        now,
    )
    .await?;
    Ok(Some(id))
}

/// A message in the outbox, with the numbers its text needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMail {
    pub id: i64,
    pub notice_key: String,
    pub kind: MailKind,
    /// `None` for a notice to a reporter (see [`Recipient::ReporterOf`]).
    pub to_address: Option<String>,
    pub report_id: Option<i64>,
    pub report_number: Option<String>,
    pub case_id: Option<i64>,
    pub case_number: Option<String>,
    pub stage: Option<CaseState>,
    pub due_on: Option<NaiveDate>,
    /// The letter that goes with it, attached when its PDF exists.
    pub letter_id: Option<i64>,
    /// See [`NewMail::details`].
    pub details: Option<serde_json::Value>,
    pub subject: Option<String>,
    pub body_text: Option<String>,
    pub created_at: DateTime<Utc>,
    /// `queued`, `sent`, `failed` (gave up) or `skipped` (nowhere to send it).
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
}

macro_rules! select_outbox {
    ($clauses:literal) => {
        concat!(
            "SELECT m.id, m.notice_key, m.kind, m.to_address, m.report_id, r.number AS report_number, m.case_id, ",
            "c.number AS case_number, m.stage, m.due_on, m.letter_id, m.details, m.subject, m.body_text, m.created_at, m.status, m.attempts, ",
            "m.last_error, m.sent_at FROM mail_outbox m LEFT JOIN reports r ON r.id = m.report_id ",
            "LEFT JOIN cases c ON c.id = m.case_id ",
            $clauses
        )
    };
}

fn outbox_from_row(row: &Row) -> Result<OutboxMail, StoreError> {
    let kind: String = row.get("kind")?;
    let stage: Option<String> = row.get("stage")?;
    Ok(OutboxMail {
        id: row.get("id")?,
        notice_key: row.get("notice_key")?,
        kind: MailKind::parse(&kind)?,
        to_address: row.get("to_address")?,
        report_id: row.get("report_id")?,
        report_number: row.get("report_number")?,
        case_id: row.get("case_id")?,
        case_number: row.get("case_number")?,
        stage: stage.map(|s| s.parse()).transpose().map_err(
            |e: netral_domain::case::UnknownState| StoreError::Corrupt {
                column: "stage",
                message: e.to_string(),
            },
        )?,
        due_on: row.get("due_on")?,
        letter_id: row.get("letter_id")?,
        details: row
            .get::<Option<String>>("details")?
            .map(|text| serde_json::from_str(&text))
            .transpose()
            .map_err(|e| StoreError::Corrupt {
                column: "details",
                message: e.to_string(),
            })?,
        subject: row.get("subject")?,
        body_text: row.get("body_text")?,
        created_at: row.get("created_at")?,
        status: row.get("status")?,
        attempts: row.get("attempts")?,
        last_error: row.get("last_error")?,
        sent_at: row.get("sent_at")?,
    })
}

pub async fn get(db: &Db, id: i64) -> Result<Option<OutboxMail>, StoreError> {
    sql(select_outbox!("WHERE m.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await?
        .map(|row| outbox_from_row(&row))
        .transpose()
}

/// The newest messages first: the administrator's view of what went out and what is stuck.
pub async fn list(db: &Db, limit: i64) -> Result<Vec<OutboxMail>, StoreError> {
    let rows = sql(select_outbox!(
        "ORDER BY m.created_at DESC, m.id DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(outbox_from_row).collect()
}

/// How one SMTP attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The server accepted the message; its answer.
    Sent(String),
    /// It did not (or could not be reached); `gave_up` when no attempt is left.
    Failed { error: String, gave_up: bool },
}

/// One attempt at sending, as the worker saw it.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub at: DateTime<Utc>,
    /// What was rendered, kept so the outbox shows what was said.
    pub subject: Option<String>,
    pub body_text: Option<String>,
    pub outcome: Outcome,
}

/// Logs an attempt in `mail_deliveries` and brings the message's status up to date, in one
/// transaction.
pub async fn record_attempt(db: &Db, id: i64, attempt: &Attempt) -> Result<(), StoreError> {
    let at = attempt.at.trunc_subsecs(6);
    let (outcome, response, status, error, sent_at) = match &attempt.outcome {
        Outcome::Sent(response) => ("sent", response.clone(), "sent", None, Some(at)),
        Outcome::Failed { error, gave_up } => (
            "failed",
            error.clone(),
            if *gave_up { "failed" } else { "queued" },
            Some(error.clone()),
            None,
        ),
    };
    let mut tx = db.begin().await?;
    sql("INSERT INTO mail_deliveries (outbox_id, at, outcome, response) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(at)
        .bind(outcome)
        .bind(response)
        .execute(&mut tx)
        .await?;
    sql("UPDATE mail_outbox SET attempts = attempts + 1, status = $1, last_error = $2, sent_at = $3, \
         subject = COALESCE($4, subject), body_text = COALESCE($5, body_text) WHERE id = $6")
        .bind(status)
        .bind(error)
        .bind(sent_at)
        .bind(attempt.subject.clone())
        .bind(attempt.body_text.clone())
        .bind(id)
        .execute(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A successful attempt: shorthand for [`record_attempt`] with [`Outcome::Sent`].
pub async fn mark_sent(
    db: &Db,
    id: i64,
    subject: &str,
    body_text: &str,
    response: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let attempt = Attempt {
        at,
        subject: Some(subject.to_owned()),
        body_text: Some(body_text.to_owned()),
        outcome: Outcome::Sent(response.to_owned()),
    };
    record_attempt(db, id, &attempt).await
}

/// A message with nowhere to go (a reporter who left a phone number only): set aside without
/// an SMTP attempt.
pub async fn mark_skipped(db: &Db, id: i64, why: &str) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    sql("UPDATE mail_outbox SET status = 'skipped', last_error = $1 WHERE id = $2")
        .bind(why)
        .bind(id)
        .execute(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// One row of the delivery log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub at: DateTime<Utc>,
    pub outcome: String,
    pub response: String,
}

/// A message's attempts, oldest first.
pub async fn deliveries(db: &Db, id: i64) -> Result<Vec<Delivery>, StoreError> {
    let rows = sql(
        "SELECT at, outcome, response FROM mail_deliveries WHERE outbox_id = $1 ORDER BY at, id",
    )
    .bind(id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Delivery {
                at: row.get("at")?,
                outcome: row.get("outcome")?,
                response: row.get("response")?,
            })
        })
        .collect()
}

/// The sealed identity of a report's reporter and the context it was sealed with (the
/// report's idempotency key), for the worker to open and mail a stage-change notice. The
/// opening is logged in `identity_reveals` as the system's, with its reason, before anything
/// is returned: no person sees the identity, but that it was opened is on the record.
pub async fn open_reporter_seal(
    db: &Db,
    report_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<(Vec<u8>, String)>, StoreError> {
    let mut tx = db.begin().await?;
    let Some(row) = sql("SELECT reporter_identity, idempotency_key FROM reports WHERE id = $1")
        .bind(report_id)
        .fetch_optional(&mut tx)
        .await?
    else {
        return Ok(None);
    };
    let sealed: Option<Vec<u8>> = row.get("reporter_identity")?;
    let context: Option<String> = row.get("idempotency_key")?;
    let (Some(sealed), Some(context)) = (sealed, context) else {
        return Ok(None);
    };
    sql("INSERT INTO identity_reveals (report_id, at, actor, reason) VALUES ($1, $2, $3, $4)")
        .bind(report_id)
        .bind(now.trunc_subsecs(6))
        .bind(MAIL_ACTOR)
        .bind(STAGE_CHANGE_REASON)
        .execute(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(Some((sealed, context)))
}
