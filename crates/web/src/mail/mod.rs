//! Outgoing mail: the worker takes messages from the store's outbox, renders them from the
//! translations (Indonesian first, English below, in one message), and sends them over SMTP.
//! A failed attempt is logged and retried later with a growing pause; see decision 0013.

mod render;
mod send;
mod settings;

pub use settings::{MailSettings, SmtpSettings};

use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Duration, Utc};
use netral_domain::deadline::jakarta_date;
use netral_domain::report::ReporterIdentity;
use netral_store::StoreError;
use netral_store::jobs::{self, ClaimedJob};
use netral_store::letters::{self, LetterRecord};
use netral_store::mail::{self, Attempt, DeadlineSweep, OutboxMail, Outcome};

use crate::app::AppState;

/// How long a worker may hold a message: a connection and a send take seconds (the SMTP
/// timeout is well below this).
const MAIL_LEASE: Duration = Duration::minutes(5);

/// The pause before attempt `n + 1` after `n` failed attempts: quick at first for a server
/// that was restarting, then hours for one that is down, about two days in all.
pub fn backoff(failed_attempts: i64) -> Duration {
    const STEPS_MINUTES: [i64; 7] = [1, 5, 30, 120, 360, 720, 1440];
    let index = usize::try_from(failed_attempts.max(1) - 1).unwrap_or(0);
    Duration::minutes(STEPS_MINUTES[index.min(STEPS_MINUTES.len() - 1)])
}

/// Sends every message due at `now`; gives how many were tried. Without an SMTP server set,
/// messages stay queued (and a warning is logged once per process).
pub async fn send_due(
    state: &AppState,
    worker: &str,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    static WARNED: AtomicBool = AtomicBool::new(false);
    let Some(smtp) = &state.mail.smtp else {
        if jobs::pending(&state.db, mail::QUEUE).await? > 0 && !WARNED.swap(true, Ordering::Relaxed)
        {
            tracing::warn!(
                "mail is waiting in the outbox but no SMTP server is set (netral serve --smtp-host): it stays queued"
            );
        }
        return Ok(0);
    };
    let mut tried = 0;
    while let Some(job) = jobs::claim(&state.db, mail::QUEUE, worker, MAIL_LEASE, now).await? {
        deliver(state, smtp, &job, worker, now).await?;
        tried += 1;
    }
    Ok(tried)
}

/// Queues the deadline reminders and overdue notices due today (Jakarta time).
pub async fn sweep_deadlines(
    state: &AppState,
    now: DateTime<Utc>,
) -> Result<DeadlineSweep, StoreError> {
    mail::queue_deadline_notices(&state.db, jakarta_date(now), state.mail.reminder_days, now).await
}

async fn deliver(
    state: &AppState,
    smtp: &SmtpSettings,
    job: &ClaimedJob,
    worker: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let db = &state.db;
    let message = match job.payload.get("mail").and_then(serde_json::Value::as_i64) {
        Some(id) => mail::get(db, id).await?,
        None => None,
    };
    let Some(message) = message.filter(|m| m.status == "queued") else {
        // Gone or already dealt with (a job retried after its message was sent): nothing to do.
        jobs::complete(db, job, worker, now).await?;
        return Ok(());
    };
    let to = match address(state, &message, now).await? {
        Ok(to) => to,
        Err(why) => {
            mail::mark_skipped(db, message.id, &why).await?;
            jobs::complete(db, job, worker, now).await?;
            return Ok(());
        }
    };
    let letter = match message.letter_id {
        Some(id) => letters::get(db, id).await?,
        None => None,
    };
    let attachment = match attachment(state, letter.as_ref()).await {
        Ok(attachment) => attachment,
        Err(e) => {
            // The evidence store is unreadable for now (a mount gone): try again later.
            return failed(state, job, worker, &message, None, e, false, now).await;
        }
    };
    let (subject, body) = match render::render(&message, letter.as_ref()) {
        Ok(text) => (Some(text.subject), Some(text.body)),
        Err(e) => {
            // A missing translation is a build defect; retrying later cannot mend it.
            return failed(state, job, worker, &message, None, e.to_string(), true, now).await;
        }
    };
    let (subject_text, body_text) = (subject.clone().unwrap(), body.clone().unwrap());
    let attached = attachment
        .as_ref()
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()));
    match send::send(smtp, &to, &subject_text, &body_text, attached).await {
        Ok(response) => {
            mail::mark_sent(db, message.id, &subject_text, &body_text, &response, now).await?;
            jobs::complete(db, job, worker, now).await?;
        }
        Err(e) => {
            let rendered = Some((subject_text, body_text));
            failed(
                state,
                job,
                worker,
                &message,
                rendered,
                e.message,
                e.permanent,
                now,
            )
            .await?;
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn failed(
    state: &AppState,
    job: &ClaimedJob,
    worker: &str,
    message: &OutboxMail,
    rendered: Option<(String, String)>,
    error: String,
    permanent: bool,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let gave_up = permanent || job.attempts >= job.max_attempts;
    tracing::warn!(mail = message.id, attempt = job.attempts, gave_up, error = %error, "mail not sent");
    let (subject, body_text) = rendered.unzip();
    let attempt = Attempt {
        at: now,
        subject,
        body_text,
        outcome: Outcome::Failed {
            error: error.clone(),
            gave_up,
        },
    };
    mail::record_attempt(&state.db, message.id, &attempt).await?;
    if permanent {
        // The server refused for good (an unknown mailbox, a malformed address): no retry.
        jobs::complete(&state.db, job, worker, now).await?;
        Ok(())
    } else {
        let retry_at = now + backoff(job.attempts);
        jobs::fail(&state.db, job, worker, &error, retry_at, now).await
    }
}

/// The letter's PDF with its file name, when the message goes with a letter whose PDF exists.
async fn attachment(
    state: &AppState,
    letter: Option<&LetterRecord>,
) -> Result<Option<(String, Vec<u8>)>, String> {
    let Some((letter, sha256)) = letter.and_then(|l| l.sha256.as_deref().map(|s| (l, s))) else {
        return Ok(None);
    };
    let bytes = state
        .evidence
        .get(sha256)
        .await
        .map_err(|e| e.to_string())?;
    Ok(Some((netral_letters::file_name(&letter.number), bytes)))
}

/// The address to write to; `Err` with the reason when there is none. A reporter's address is
/// opened from its seal here, by the system, and the opening is recorded (see the store).
async fn address(
    state: &AppState,
    message: &OutboxMail,
    now: DateTime<Utc>,
) -> Result<Result<String, String>, StoreError> {
    if let Some(to) = &message.to_address {
        return Ok(Ok(to.clone()));
    }
    let Some(report) = message.report_id else {
        return Ok(Err("no recipient".to_owned()));
    };
    let Some((sealed, context)) = mail::open_reporter_seal(&state.db, report, now).await? else {
        return Ok(Err("the reporter left no identity".to_owned()));
    };
    let identity = state
        .vault
        .open(&sealed, &context)
        .ok()
        .and_then(|plain| serde_json::from_slice::<ReporterIdentity>(&plain).ok());
    Ok(match identity {
        Some(identity) if !identity.email.trim().is_empty() => Ok(identity.email),
        Some(_) => Err("the reporter left no e-mail address".to_owned()),
        None => Err("the reporter's identity cannot be opened with this key".to_owned()),
    })
}
