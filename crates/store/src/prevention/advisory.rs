//! The advisory line of the "Boleh atau tidak?" guide, in the spirit of the US Hatch Act's
//! advisory opinions: a civil servant asks what the guide does not answer, the oversight body
//! answers in the back office, the asker is mailed the answer if they left an address, and a
//! general answer is published back into the guide for everyone.

use chrono::{DateTime, SubsecRound, Utc};

use crate::accounts::StaffUser;
use crate::audit;
use crate::db::{Db, Row, sql};
use crate::error::StoreError;
use crate::mail::{MailKind, NewMail, Recipient, queue_mail};

pub const MIN_QUESTION_CHARS: usize = 10;
pub const MAX_QUESTION_CHARS: usize = 2_000;
pub const MAX_ANSWER_CHARS: usize = 5_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdvisoryQuestion {
    pub id: i64,
    pub question: String,
    /// Personal data: shown to the staff who answer, used for the answer's mail only.
    pub asker_email: Option<String>,
    pub asked_at: DateTime<Utc>,
    /// `allowed`, `conditional` or `forbidden`, once answered.
    pub verdict: Option<String>,
    pub answer: Option<String>,
    pub answered_by: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    pub published: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum AdvisoryError {
    #[error("the question is shorter than {MIN_QUESTION_CHARS} characters")]
    QuestionTooShort,
    #[error("the question is longer than {MAX_QUESTION_CHARS} characters")]
    QuestionTooLong,
    #[error("the e-mail address is not an address")]
    BadEmail,
    #[error("the answer is empty or longer than {MAX_ANSWER_CHARS} characters")]
    BadAnswer,
    #[error("unknown verdict `{0}`")]
    BadVerdict(String),
    #[error("this question was answered already")]
    AlreadyAnswered,
    #[error("no such question")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Records a question; `email` may be empty. Gives its number.
pub async fn ask(
    db: &Db,
    question: &str,
    email: &str,
    now: DateTime<Utc>,
) -> Result<i64, AdvisoryError> {
    let question = question.trim();
    let length = question.chars().count();
    if length < MIN_QUESTION_CHARS {
        return Err(AdvisoryError::QuestionTooShort);
    }
    if length > MAX_QUESTION_CHARS {
        return Err(AdvisoryError::QuestionTooLong);
    }
    let email = email.trim();
    let email = if email.is_empty() {
        None
    } else if plausible_email(email) {
        Some(email.to_owned())
    } else {
        return Err(AdvisoryError::BadEmail);
    };
    let mut tx = db.begin().await?;
    let id: i64 = sql(
        "INSERT INTO advisory_questions (question, asker_email, asked_at, published) \
         VALUES ($1, $2, $3, false) RETURNING id",
    )
    .bind(question.to_owned())
    .bind(email)
    .bind(now.trunc_subsecs(6))
    .fetch_one(&mut tx)
    .await?
    .get("id")?;
    tx.commit().await?;
    Ok(id)
}

/// One `@` with something on both sides and a dot in the domain: enough to catch a slip, the
/// mail server judges the rest.
fn plausible_email(text: &str) -> bool {
    text.len() <= 254
        && !text.chars().any(char::is_whitespace)
        && text.split_once('@').is_some_and(|(user, domain)| {
            !user.is_empty() && domain.contains('.') && !domain.contains('@')
        })
}

/// The listing's statement, with its own WHERE and ORDER BY.
macro_rules! questions_where {
    ($tail:literal) => {
        concat!(
            "SELECT q.id, q.question, q.asker_email, q.asked_at, q.verdict, q.answer, \
             u.display_name AS answered_by, q.answered_at, q.published \
             FROM advisory_questions q LEFT JOIN staff_users u ON u.id = q.answered_by ",
            $tail
        )
    };
}

fn from_row(row: &Row) -> Result<AdvisoryQuestion, StoreError> {
    Ok(AdvisoryQuestion {
        id: row.get("id")?,
        question: row.get("question")?,
        asker_email: row.get("asker_email")?,
        asked_at: row.get("asked_at")?,
        verdict: row.get("verdict")?,
        answer: row.get("answer")?,
        answered_by: row.get("answered_by")?,
        answered_at: row.get("answered_at")?,
        published: row.get("published")?,
    })
}

/// Questions for the back office: unanswered first (oldest first), then the answered ones,
/// newest first; at most `limit`.
pub async fn list(db: &Db, limit: i64) -> Result<Vec<AdvisoryQuestion>, StoreError> {
    sql(questions_where!(
        "ORDER BY CASE WHEN q.answered_at IS NULL THEN 0 ELSE 1 END, \
         CASE WHEN q.answered_at IS NULL THEN q.asked_at END, q.answered_at DESC, q.id LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(db)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

pub async fn get(db: &Db, id: i64) -> Result<Option<AdvisoryQuestion>, StoreError> {
    sql(questions_where!("WHERE q.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// The answers published into the guide, newest first.
pub async fn published(db: &Db) -> Result<Vec<AdvisoryQuestion>, StoreError> {
    sql(questions_where!(
        "WHERE q.published ORDER BY q.answered_at DESC, q.id DESC"
    ))
    .fetch_all(db)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

/// Answers question `id` once (a second click finds it answered and changes nothing), queues
/// the answer's mail to the asker, and records it in the audit log.
pub async fn answer(
    db: &Db,
    user: &StaffUser,
    id: i64,
    verdict: &str,
    text: &str,
    publish: bool,
    now: DateTime<Utc>,
) -> Result<(), AdvisoryError> {
    if !matches!(verdict, "allowed" | "conditional" | "forbidden") {
        return Err(AdvisoryError::BadVerdict(verdict.to_owned()));
    }
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_ANSWER_CHARS {
        return Err(AdvisoryError::BadAnswer);
    }
    let now = now.trunc_subsecs(6);
    let mut tx = db.begin().await?;
    let row =
        sql("SELECT question, asker_email, answered_at FROM advisory_questions WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut tx)
            .await?
            .ok_or(AdvisoryError::NotFound)?;
    if row.get::<Option<DateTime<Utc>>>("answered_at")?.is_some() {
        return Err(AdvisoryError::AlreadyAnswered);
    }
    let question: String = row.get("question")?;
    sql(
        "UPDATE advisory_questions SET verdict = $1, answer = $2, answered_by = $3, \
         answered_at = $4, published = $5 WHERE id = $6 AND answered_at IS NULL",
    )
    .bind(verdict.to_owned())
    .bind(text.to_owned())
    .bind(user.id)
    .bind(now)
    .bind(publish)
    .bind(id)
    .execute(&mut tx)
    .await?;
    if let Some(address) = row.get::<Option<String>>("asker_email")? {
        queue_mail(
            &mut tx,
            &NewMail {
                notice_key: format!("advisory-{id}"),
                kind: MailKind::AdvisoryAnswered,
                recipient: Recipient::Address(address),
                case_id: None,
                stage: None,
                due_on: None,
                letter_id: None,
                details: Some(serde_json::json!({
                    "question": question,
                    "verdict": verdict,
                    "answer": text,
                })),
            },
            now,
        )
        .await?;
    }
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: user.audit_actor(),
            action: "advisory.answer",
            subject: Some(&id.to_string()),
            details: serde_json::json!({ "question": id, "verdict": verdict, "published": publish }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
