//! Answers to events' evaluation surveys. A participant answers through the event's link
//! without an account, giving their NIP; only the SHA-256 of the event's token and the NIP is
//! kept (`respondent_key`), so a second answer from the same person is recognised while the
//! answers name no one. See docs/decisions/0019-prevention.md.

use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use netral_domain::access::Scope;
use netral_domain::survey::SurveyResponse;
use sha2::{Digest, Sha256};

use crate::db::{Db, Row, sql};
use crate::error::StoreError;
use crate::registry::lookup::scope_params;

#[derive(Debug, thiserror::Error)]
pub enum RespondError {
    /// This NIP answered this event's survey before.
    #[error("this participant has answered already")]
    AlreadyAnswered,
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn respondent_key(token: &str, nip: &str) -> String {
    hex::encode(Sha256::digest(format!("{token}\n{nip}").as_bytes()))
}

/// Stores one participant's answers, once.
pub async fn respond(
    db: &Db,
    event_id: i64,
    token: &str,
    nip: &str,
    response: &SurveyResponse,
    now: DateTime<Utc>,
) -> Result<(), RespondError> {
    let answers = serde_json::to_string(response).map_err(|e| StoreError::Corrupt {
        column: "answers",
        message: e.to_string(),
    })?;
    let mut tx = db.begin().await?;
    let inserted = sql(
        "INSERT INTO survey_responses (event_id, respondent_key, submitted_at, answers) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (event_id, respondent_key) DO NOTHING",
    )
    .bind(event_id)
    .bind(respondent_key(token, nip))
    .bind(now.trunc_subsecs(6))
    .bind(answers)
    .execute(&mut tx)
    .await?;
    if inserted == 0 {
        return Err(RespondError::AlreadyAnswered);
    }
    tx.commit().await?;
    Ok(())
}

/// Whether this NIP has answered the event's survey.
pub async fn has_answered(
    db: &Db,
    event_id: i64,
    token: &str,
    nip: &str,
) -> Result<bool, StoreError> {
    Ok(
        sql("SELECT 1 AS yes FROM survey_responses WHERE event_id = $1 AND respondent_key = $2")
            .bind(event_id)
            .bind(respondent_key(token, nip))
            .fetch_optional(db)
            .await?
            .is_some(),
    )
}

fn answers(row: &Row) -> Result<SurveyResponse, StoreError> {
    let text: String = row.get("answers")?;
    serde_json::from_str(&text).map_err(|e| StoreError::Corrupt {
        column: "answers",
        message: e.to_string(),
    })
}

/// The event's responses, in the order they came.
pub async fn responses_of(db: &Db, event_id: i64) -> Result<Vec<SurveyResponse>, StoreError> {
    sql("SELECT answers FROM survey_responses WHERE event_id = $1 ORDER BY id")
        .bind(event_id)
        .fetch_all(db)
        .await?
        .iter()
        .map(answers)
        .collect()
}

/// A response with where and when its event was: what the per-agency and over-time tables
/// are counted from.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedResponse {
    pub event_id: i64,
    pub agency_code: String,
    pub agency_name: String,
    pub held_on: NaiveDate,
    pub survey_code: String,
    pub response: SurveyResponse,
}

/// Every response to events of agencies `scope` covers, held from `from` on.
pub async fn responses_in_scope(
    db: &Db,
    scope: &Scope,
    from: NaiveDate,
) -> Result<Vec<PlacedResponse>, StoreError> {
    let (kind, province, agency) = scope_params(scope);
    sql("SELECT r.event_id, a.code AS agency_code, a.name AS agency_name, e.held_on, e.survey_code, r.answers \
         FROM survey_responses r JOIN socialization_events e ON e.id = r.event_id \
         JOIN agencies a ON a.id = e.agency_id \
         WHERE ($1 = 'national' OR ($1 = 'province' AND a.region_code LIKE $2) \
                OR ($1 = 'agency' AND a.id = $3)) AND e.held_on >= $4 \
         ORDER BY e.held_on, r.id")
    .bind(kind)
    .bind(province)
    .bind(agency)
    .bind(from)
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| {
        Ok(PlacedResponse {
            event_id: row.get("event_id")?,
            agency_code: row.get("agency_code")?,
            agency_name: row.get("agency_name")?,
            held_on: row.get("held_on")?,
            survey_code: row.get("survey_code")?,
            response: answers(row)?,
        })
    })
    .collect()
}
