//! What the two review queues (screening leads, cross-check proposals) share: the reason a
//! rejection needs, and rejecting an open row once, audited, so a second click changes nothing.

use chrono::{DateTime, SubsecRound, Utc};

use crate::accounts::StaffUser;
use crate::audit;
use crate::db::{Db, sql};
use crate::error::StoreError;

/// The longest reason a rejection may carry.
pub const MAX_NOTE_CHARS: usize = 1_000;

/// A queue's table, as the statements and the audit entry name it (`sql` takes only
/// `&'static str`, so each queue spells its statements out).
pub(crate) struct Queue {
    /// Sets status 'rejected', reviewer ($1), time ($2) and note ($3) of row $4 if still open.
    pub reject: &'static str,
    /// Selects row $1, to tell "decided already" from "no such row".
    pub exists: &'static str,
    pub audit_action: &'static str,
    /// The row's name in the audit entry's details (`lead`, `proposal`).
    pub audit_key: &'static str,
}

/// Why a rejection was not recorded.
pub(crate) enum Refusal {
    NotFound,
    AlreadyDecided,
    BadNote,
}

/// Rejects open row `id` with a reason.
pub(crate) async fn reject(
    db: &Db,
    queue: &Queue,
    user: &StaffUser,
    id: i64,
    note: &str,
    now: DateTime<Utc>,
) -> Result<Result<(), Refusal>, StoreError> {
    let note = note.trim();
    if note.is_empty() || note.chars().count() > MAX_NOTE_CHARS {
        return Ok(Err(Refusal::BadNote));
    }
    let now = now.trunc_subsecs(6);
    let mut tx = db.begin().await?;
    let changed = sql(queue.reject)
        .bind(user.id)
        .bind(now)
        .bind(note.to_owned())
        .bind(id)
        .execute(&mut tx)
        .await?;
    if changed == 0 {
        let exists = sql(queue.exists)
            .bind(id)
            .fetch_optional(&mut tx)
            .await?
            .is_some();
        return Ok(Err(if exists {
            Refusal::AlreadyDecided
        } else {
            Refusal::NotFound
        }));
    }
    let mut details = serde_json::Map::new();
    details.insert(queue.audit_key.to_owned(), id.into());
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: user.audit_actor(),
            action: queue.audit_action,
            subject: Some(&id.to_string()),
            details: serde_json::Value::Object(details),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(()))
}
