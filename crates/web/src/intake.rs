//! Filing a report from the web, shared by the portal form and the JSON API: everything is
//! checked before anything is written (facts, rules in force, every file), then files are
//! stored by hash, the identity sealed, the receipt derived, and the report filed in one
//! transaction. A retried submission (same idempotency key) gets the same receipt back.

use bytes::Bytes;
use chrono::{DateTime, Utc};
use netral_domain::deadline::jakarta_date;
use netral_domain::report::{NewReport, ReportDraft, ReportError, Reporter};
use netral_domain::rules::NoRulesInForce;
use netral_store::StoreError;
use netral_store::evidence::{EvidenceError, EvidenceStore, check_size};
use netral_store::intake::{self, Intake, NewAttachment};
use netral_store::vault::ReceiptCode;

use crate::app::AppState;

/// A file as it arrived: the name it had on the sender's device, and its bytes.
pub(crate) struct UploadedFile {
    pub name: String,
    pub bytes: Bytes,
}

pub(crate) struct Submission {
    pub report: NewReport,
    pub reporter: Reporter,
    pub idempotency_key: String,
    pub files: Vec<UploadedFile>,
}

pub(crate) struct Receipt {
    pub report_number: String,
    pub code: ReceiptCode,
    /// The same submission had been received before; nothing new was written.
    pub replayed: bool,
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum IntakeError {
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error(transparent)]
    NoRules(#[from] NoRulesInForce),
    #[error("at most {max} files")]
    TooManyFiles { max: usize },
    #[error("file `{name}`: {error}")]
    File { name: String, error: EvidenceError },
    #[error("the idempotency key must be 16 to 200 letters, digits, `-` or `_`")]
    BadIdempotencyKey,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Counts one submission (report or reply, portal or API) against the client's allowance;
/// false when the allowance for this window is spent. A limit of 0 means no limit.
pub(crate) async fn within_submission_limit(
    app: &AppState,
    ip: std::net::IpAddr,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let limit = app.intake.submissions_per_window;
    if limit <= 0 {
        return Ok(true);
    }
    let hits =
        netral_store::rate_limit::hit(&app.db, &format!("submit:{ip}"), app.intake.window(), now)
            .await?;
    Ok(hits <= limit)
}

/// Idempotency keys are secrets in effect (a replay shows the receipt), so they must be long
/// and random; the portal makes them, API clients must too.
pub(crate) fn valid_idempotency_key(key: &str) -> bool {
    (16..=200).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Checks every file against the limits and by its content; nothing is stored yet.
pub(crate) fn check_files(app: &AppState, files: &[UploadedFile]) -> Result<(), IntakeError> {
    if files.len() > app.intake.max_files {
        return Err(IntakeError::TooManyFiles {
            max: app.intake.max_files,
        });
    }
    for file in files {
        let fail = |error| IntakeError::File {
            name: file.name.clone(),
            error,
        };
        if file.bytes.is_empty() {
            return Err(fail(EvidenceError::Empty));
        }
        check_size(file.bytes.len() as u64, app.intake.max_file_bytes).map_err(fail)?;
        if EvidenceStore::sniff(&file.bytes).is_none() {
            return Err(fail(EvidenceError::UnsupportedType));
        }
    }
    Ok(())
}

/// Stores checked files by their hash; what the store needs to attach them.
pub(crate) async fn store_files(
    app: &AppState,
    files: &[UploadedFile],
) -> Result<Vec<NewAttachment>, IntakeError> {
    let mut stored = Vec::with_capacity(files.len());
    for file in files {
        let kept = app
            .evidence
            .put(&file.bytes)
            .await
            .map_err(|error| IntakeError::File {
                name: file.name.clone(),
                error,
            })?;
        stored.push(NewAttachment {
            sha256: kept.sha256,
            size: kept.size as i64,
            media_type: kept.media_type.mime().to_owned(),
            original_name: file_name_only(&file.name),
        });
    }
    Ok(stored)
}

pub(crate) async fn submit(
    app: &AppState,
    submission: Submission,
    now: DateTime<Utc>,
) -> Result<Receipt, IntakeError> {
    if !valid_idempotency_key(&submission.idempotency_key) {
        return Err(IntakeError::BadIdempotencyKey);
    }
    let draft = ReportDraft::new(submission.report, jakarta_date(now))?;
    app.rules.in_force_on(draft.incident_date())?;
    check_files(app, &submission.files)?;
    let attachments = store_files(app, &submission.files).await?;
    let key = submission.idempotency_key.as_str();
    let sealed_identity = submission.reporter.identity().map(|identity| {
        let json = serde_json::to_vec(identity).expect("an identity serialises");
        app.vault.seal(&json, key)
    });
    let code = app.vault.receipt_code(key);
    let intake = Intake {
        draft: &draft,
        reporter_mode: submission.reporter.mode(),
        sealed_identity,
        idempotency_key: Some(key),
        receipt_hash: Some(code.hash()),
        attachments: &attachments,
    };
    let filed = intake::file_report(&app.db, &app.rules, &intake, now).await?;
    Ok(Receipt {
        report_number: filed.report_number,
        code,
        replayed: filed.replayed,
    })
}

/// Browsers may send a full path ("C:\Users\…\foto.jpg"); only the last part is the name.
fn file_name_only(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    let cleaned: String = last.chars().filter(|c| !c.is_control()).take(200).collect();
    if cleaned.is_empty() {
        "berkas".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_long_plain_keys_are_accepted() {
        assert!(valid_idempotency_key("form-3f9a0c1e2b7d4a55"));
        assert!(!valid_idempotency_key("1"));
        assert!(!valid_idempotency_key("form 3f9a0c1e2b7d4a55"));
        assert!(!valid_idempotency_key(&"a".repeat(201)));
    }

    #[test]
    fn paths_are_cut_to_the_file_name() {
        assert_eq!(file_name_only(r"C:\Users\budi\foto.jpg"), "foto.jpg");
        assert_eq!(file_name_only("../../etc/passwd"), "passwd");
        assert_eq!(file_name_only(" "), "berkas");
    }
}
