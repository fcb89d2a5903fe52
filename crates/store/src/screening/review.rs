//! A reviewer's decision on a lead: accepting it files a report on the Lead channel about the
//! civil servant, with the activity as its evidence (the post's address as the report's link,
//! its text, time and record fingerprint in the summary); rejecting it is remembered, so the
//! same activity never comes back as a lead. Each lead is decided once: a second click finds
//! it decided and changes nothing.

use chrono::{DateTime, SubsecRound, Utc};
use netral_domain::deadline::jakarta_date;
use netral_domain::report::{Channel, NewReport, ReportDraft, ReporterMode, Subject};
use netral_domain::rules::RuleBook;

use super::leads::{Lead, get};
use crate::accounts::StaffUser;
use crate::audit;
use crate::db::{Db, sql};
use crate::error::StoreError;
use crate::intake::{self, Intake};
use crate::review_queue::{self, Queue, Refusal};

pub use crate::review_queue::MAX_NOTE_CHARS;

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("no such lead")]
    NotFound,
    #[error("this lead was decided already")]
    AlreadyDecided,
    #[error("a rejection needs a reason of at most {MAX_NOTE_CHARS} characters")]
    BadNote,
    #[error("the lead cannot become a report: {0}")]
    BadReport(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The report's summary: what the activity was and how to find it again.
fn summary(lead: &Lead) -> String {
    let mut text = format!(
        "Temuan penapisan media sosial ({violation}), diterima peninjau.\n\
         Akun: {platform} @{handle} ({basis}). Tindakan: {action}.\n\
         Waktu: {at}. Alamat: {url}\n",
        violation = lead.violation,
        platform = lead.platform,
        handle = lead.handle,
        basis = if lead.owner_basis == "declared" {
            "akun yang dilaporkan ASN sendiri"
        } else {
            "dikaitkan dari nama, perlu dipastikan"
        },
        action = lead.action,
        at = lead.at.format("%Y-%m-%d %H:%M UTC"),
        url = lead.url,
    );
    if let Some(target) = &lead.target {
        text.push_str(&format!("Sasaran: {target}\n"));
    }
    if !lead.text.is_empty() {
        text.push_str(&format!("Isi: \"{}\"\n", lead.text));
    }
    text.push_str(&format!("Alasan: {}\n", lead.reasons.join("; ")));
    text.push_str(&format!("SHA-256 rekaman: {}", lead.record_sha256));
    text
}

/// Accepts lead `id`: files its report and marks it accepted. Gives the report's number.
pub async fn accept(
    db: &Db,
    rules: &RuleBook,
    user: &StaffUser,
    id: i64,
    now: DateTime<Utc>,
) -> Result<String, ReviewError> {
    let lead = get(db, id).await?.ok_or(ReviewError::NotFound)?;
    if lead.status != "open" {
        return Err(ReviewError::AlreadyDecided);
    }
    let today = jakarta_date(now);
    let draft =
        ReportDraft::new(
            NewReport {
                channel: Channel::Lead,
                incident_date: jakarta_date(lead.at).min(today),
                summary: summary(&lead),
                subject: Subject::Nip(lead.nip.parse().map_err(
                    |e: netral_domain::ids::IdError| ReviewError::BadReport(e.to_string()),
                )?),
                violation_hints: vec![lead.violation.clone()],
                place: String::new(),
                links: vec![lead.url.clone()],
                election: None,
            },
            today,
        )
        .map_err(|e| ReviewError::BadReport(e.to_string()))?;
    // The same key for the same lead: two clicks racing file one report.
    let key = format!("screening-lead-{id}");
    let filed = intake::file_report(
        db,
        rules,
        &Intake {
            draft: &draft,
            reporter_mode: ReporterMode::Anonymous,
            sealed_identity: None,
            idempotency_key: Some(&key),
            receipt_hash: None,
            attachments: &[],
        },
        now,
    )
    .await?;
    let now = now.trunc_subsecs(6);
    let mut tx = db.begin().await?;
    let changed = sql(
        "UPDATE screening_leads SET status = 'accepted', reviewed_by = $1, reviewed_at = $2, \
         report_id = (SELECT id FROM reports WHERE number = $3) WHERE id = $4 AND status = 'open'",
    )
    .bind(user.id)
    .bind(now)
    .bind(filed.report_number.clone())
    .bind(id)
    .execute(&mut tx)
    .await?;
    if changed == 0 {
        return Err(ReviewError::AlreadyDecided);
    }
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: user.audit_actor(),
            action: "screening.accept",
            subject: Some(&filed.case_number),
            details: serde_json::json!({ "lead": id, "report": filed.report_number }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(filed.report_number)
}

/// Rejects lead `id` with a reason; remembered, so the same activity is not proposed again.
pub async fn reject(
    db: &Db,
    user: &StaffUser,
    id: i64,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), ReviewError> {
    const QUEUE: Queue = Queue {
        reject: "UPDATE screening_leads SET status = 'rejected', reviewed_by = $1, reviewed_at = $2, \
                 review_note = $3 WHERE id = $4 AND status = 'open'",
        exists: "SELECT 1 AS yes FROM screening_leads WHERE id = $1",
        audit_action: "screening.reject",
        audit_key: "lead",
    };
    review_queue::reject(db, &QUEUE, user, id, note, now)
        .await?
        .map_err(|refusal| match refusal {
            Refusal::NotFound => ReviewError::NotFound,
            Refusal::AlreadyDecided => ReviewError::AlreadyDecided,
            Refusal::BadNote => ReviewError::BadNote,
        })
}
