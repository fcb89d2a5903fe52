//! What a reporter sees with their report number and receipt, and the message thread between
//! reporter and handlers. Handlers' internal notes live in the same table, flagged, and no
//! query made for a reporter ever returns them.

use chrono::{DateTime, SubsecRound, Utc};
use netral_domain::case::CaseState;
use netral_domain::deadline::Deadline;
use serde::Serialize;

use crate::audit;
use crate::db::{Db, sql};
use crate::error::StoreError;
use crate::intake::{NewAttachment, attach};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    Reporter,
    Handler,
}

impl Author {
    fn as_str(self) -> &'static str {
        match self {
            Self::Reporter => "reporter",
            Self::Handler => "handler",
        }
    }
}

pub struct NewMessage<'a> {
    pub case_id: i64,
    pub author: Author,
    /// The handler's name; ignored for reporters, who stay "the reporter".
    pub handler_name: &'a str,
    pub body: &'a str,
    /// A handler's note to colleagues: never shown to the reporter.
    pub internal: bool,
    pub idempotency_key: Option<&'a str>,
    pub attachments: &'a [NewAttachment],
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MessageView {
    pub at: DateTime<Utc>,
    pub author: Author,
    pub body: String,
    pub attachments: Vec<AttachmentView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachmentView {
    pub original_name: String,
    pub size: i64,
    pub media_type: String,
    pub sha256: String,
}

/// The case a merged report is now handled under, as its reporter may see it: the number and
/// where it stands, nothing of its other reports or its thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContinuesUnder {
    pub case_number: String,
    pub state: CaseState,
    pub deadline: Option<Deadline>,
}

/// A report as its reporter may see it: no internal notes, no handler names, no other reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReporterView {
    pub report_number: String,
    pub case_id: i64,
    pub received_at: DateTime<Utc>,
    pub state: CaseState,
    pub deadline: Option<Deadline>,
    pub attachments: Vec<AttachmentView>,
    pub messages: Vec<MessageView>,
    /// Set when the report's case was merged, as a duplicate, into another case.
    pub continues_under: Option<ContinuesUnder>,
}

/// The reporter's view, if `receipt_hash` is the hash of this report's receipt; `None` for an
/// unknown number and for a wrong receipt alike, so the answer tells nothing about which.
pub async fn reporter_view(
    db: &Db,
    report_number: &str,
    receipt_hash: &str,
) -> Result<Option<ReporterView>, StoreError> {
    let Some(row) = sql(
        "SELECT r.received_at, c.id AS case_id, c.state, c.deadline, c.deadline_provisional, c.merged_into \
         FROM reports r JOIN cases c ON c.id = r.case_id WHERE r.number = $1 AND r.receipt_hash = $2",
    )
    .bind(report_number)
    .bind(receipt_hash)
    .fetch_optional(db)
    .await?
    else {
        return Ok(None);
    };
    let case_id: i64 = row.get("case_id")?;
    let due: Option<chrono::NaiveDate> = row.get("deadline")?;
    let provisional: bool = row.get("deadline_provisional")?;
    let mut attachments = attachments_of(db, case_id).await?;
    let messages = sql("SELECT id, at, author_kind, body FROM messages WHERE case_id = $1 AND internal = FALSE ORDER BY at, id")
        .bind(case_id)
        .fetch_all(db)
        .await?
        .iter()
        .map(|m| {
            let id: i64 = m.get("id")?;
            let author = if m.get::<String>("author_kind")? == "reporter" { Author::Reporter } else { Author::Handler };
            let files = attachments.iter().filter(|(_, message)| *message == Some(id)).map(|(a, _)| a.clone()).collect();
            Ok(MessageView { at: m.get("at")?, author, body: m.get("body")?, attachments: files })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    attachments.retain(|(_, message)| message.is_none());
    let continues_under = match row.get::<Option<i64>>("merged_into")? {
        Some(id) => Some(live_case(db, id).await?),
        None => None,
    };
    Ok(Some(ReporterView {
        report_number: report_number.to_owned(),
        case_id,
        received_at: row.get("received_at")?,
        state: row.parse("state")?,
        deadline: due.map(|due| Deadline { due, provisional }),
        attachments: attachments.into_iter().map(|(a, _)| a).collect(),
        messages,
        continues_under,
    }))
}

/// The case that carries on for a merged one: `id`'s, or further on when that case was itself
/// merged later.
async fn live_case(db: &Db, mut id: i64) -> Result<ContinuesUnder, StoreError> {
    // Merges only go into live cases, so the chain is short and has no loop; the bound is a
    // guard against a corrupt database, not a limit anyone meets.
    for _ in 0..64 {
        let row = sql(
            "SELECT number, state, deadline, deadline_provisional, merged_into FROM cases WHERE id = $1",
        )
        .bind(id)
        .fetch_one(db)
        .await?;
        match row.get::<Option<i64>>("merged_into")? {
            Some(next) => id = next,
            None => {
                let due: Option<chrono::NaiveDate> = row.get("deadline")?;
                let provisional: bool = row.get("deadline_provisional")?;
                return Ok(ContinuesUnder {
                    case_number: row.get("number")?,
                    state: row.parse("state")?,
                    deadline: due.map(|due| Deadline { due, provisional }),
                });
            }
        }
    }
    Err(StoreError::Corrupt {
        column: "merged_into",
        message: format!("case {id} sits in a chain of merges that does not end"),
    })
}

/// Attachments of a case with the message each belongs to (`None`: the report itself).
async fn attachments_of(
    db: &Db,
    case_id: i64,
) -> Result<Vec<(AttachmentView, Option<i64>)>, StoreError> {
    sql(
        "SELECT a.original_name, a.message_id, e.size, e.media_type, e.sha256 FROM attachments a \
         JOIN evidence e ON e.id = a.evidence_id WHERE a.case_id = $1 ORDER BY a.id",
    )
    .bind(case_id)
    .fetch_all(db)
    .await?
    .iter()
    .map(|a| {
        let view = AttachmentView {
            original_name: a.get("original_name")?,
            size: a.get("size")?,
            media_type: a.get("media_type")?,
            sha256: a.get("sha256")?,
        };
        Ok((view, a.get("message_id")?))
    })
    .collect()
}

/// Adds a message (and its files) to a case's thread. Returns false when the idempotency key
/// was seen before: the message is already there.
pub async fn add_message(
    db: &Db,
    message: &NewMessage<'_>,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let now = now.trunc_subsecs(6);
    let mut tx = db.begin().await?;
    if let Some(key) = message.idempotency_key
        && sql("SELECT id FROM messages WHERE idempotency_key = $1")
            .bind(key)
            .fetch_optional(&mut tx)
            .await?
            .is_some()
    {
        return Ok(false);
    }
    let author = match message.author {
        Author::Reporter => "reporter",
        Author::Handler => message.handler_name,
    };
    let id: i64 = sql("INSERT INTO messages (case_id, at, author_kind, author, body, internal, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")
        .bind(message.case_id)
        .bind(now)
        .bind(message.author.as_str())
        .bind(author)
        .bind(message.body)
        .bind(message.internal && message.author == Author::Handler)
        .bind(message.idempotency_key.map(str::to_owned))
        .fetch_one(&mut tx)
        .await?
        .get("id")?;
    attach(
        &mut tx,
        message.case_id,
        None,
        Some(id),
        message.attachments,
        now,
    )
    .await?;
    let case_number: String = sql("SELECT number FROM cases WHERE id = $1")
        .bind(message.case_id)
        .fetch_one(&mut tx)
        .await?
        .get("number")?;
    // The body stays in `messages`; the log records that a message was sent, by whom.
    let actor = match message.author {
        Author::Reporter => audit::Actor::REPORTER,
        Author::Handler => audit::Actor {
            name: message.handler_name,
            role: "handler",
        },
    };
    audit::append(
        &mut tx,
        &audit::Entry {
            actor,
            action: if message.internal && message.author == Author::Handler {
                "case.note"
            } else {
                "case.message"
            },
            subject: Some(&case_number),
            details: serde_json::json!({
                "message": id,
                "attachments": message.attachments.len(),
            }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// The reporter's sealed identity, for the custodian; the look is logged in the same
/// transaction, so there is no reveal without its record.
pub async fn reveal_identity(
    db: &Db,
    report_number: &str,
    custodian: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Option<Vec<u8>>, StoreError> {
    let mut tx = db.begin().await?;
    let Some(row) = sql("SELECT id, reporter_identity FROM reports WHERE number = $1")
        .bind(report_number)
        .fetch_optional(&mut tx)
        .await?
    else {
        return Ok(None);
    };
    let sealed: Option<Vec<u8>> = row.get("reporter_identity")?;
    if sealed.is_some() {
        let reveal: i64 = sql("INSERT INTO identity_reveals (report_id, at, actor, reason) VALUES ($1, $2, $3, $4) RETURNING id")
            .bind(row.get::<i64>("id")?)
            .bind(now.trunc_subsecs(6))
            .bind(custodian)
            .bind(reason)
            .fetch_one(&mut tx)
            .await?
            .get("id")?;
        // The reason is kept here too: it is the custodian's own justification, the one thing
        // an inquiry into a reveal needs, and it must not be editable where it is first kept.
        audit::append(
            &mut tx,
            &audit::Entry {
                actor: audit::Actor {
                    name: custodian,
                    role: "custodian",
                },
                action: "identity.reveal",
                subject: Some(report_number),
                details: serde_json::json!({ "reveal": reveal, "reason": reason }),
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(sealed)
}
