//! Duplicates: the live cases that look like another report of the same incident, and merging
//! one into the case that carries on.

use chrono::{DateTime, Days, NaiveDate, Utc};
use netral_domain::access::Scope;
use netral_domain::case::{Action, CaseState};
use netral_domain::rules::RuleBook;
use serde::Serialize;

use super::{CaseWorkError, Handler, case_in_scope};
use crate::case_desk::ended_states;
use crate::cases::{self, AuditNote, CaseRecord, with_gathered};
use crate::db::{Db, sql};
use crate::error::StoreError;
use crate::registry::lookup::scope_params;

/// Incident dates at most this many days apart make two reports likely duplicates: reports of
/// one incident come in over days, and a subject's separate acts weeks apart are separate cases.
pub const DUPLICATE_WINDOW_DAYS: u64 = 14;

/// Most likely duplicates shown on a case page.
const DUPLICATE_LIMIT: i64 = 20;

/// Merges the case numbered `duplicate` into the case numbered `into`, in one transaction:
/// the duplicate ends as `merged` with an event that names `into`, and its reports, evidence
/// and messages show under `into` from then on. Refused into itself, when either case is
/// finished, when the duplicate is about someone else or placed in another agency, and when
/// the handler's scope does not reach both.
pub async fn merge(
    db: &Db,
    rules: &RuleBook,
    duplicate: &str,
    into: &str,
    handler: &Handler<'_>,
    note: &str,
    now: DateTime<Utc>,
) -> Result<CaseRecord, StoreError> {
    let mut tx = db.begin().await?;
    let dup = case_in_scope(&mut tx, duplicate, handler.scope)
        .await?
        .ok_or_else(|| StoreError::CaseNotFound(duplicate.trim().to_owned()))?;
    let into = into.trim().to_uppercase();
    if into == dup.number {
        return Err(CaseWorkError::MergeIntoItself.into());
    }
    let target = case_in_scope(&mut tx, &into, handler.scope)
        .await?
        .ok_or_else(|| CaseWorkError::MergeTargetNotFound(into.clone()))?;
    for case in [&dup, &target] {
        if case.state.is_final() {
            return Err(CaseWorkError::CaseFinished(case.number.clone()).into());
        }
    }
    if let (Some(a), Some(b)) = (dup.subject_id, target.subject_id)
        && a != b
    {
        return Err(CaseWorkError::SubjectsDiffer {
            duplicate: dup.number,
            into: target.number,
        }
        .into());
    }
    if dup.agency_id.is_some() && dup.agency_id != target.agency_id {
        return Err(CaseWorkError::AcrossScopes {
            duplicate: dup.number,
            into: target.number,
        }
        .into());
    }
    sql("UPDATE cases SET merged_into = $1 WHERE id = $2")
        .bind(target.id)
        .bind(dup.id)
        .execute(&mut tx)
        .await?;
    let action = Action::MergeInto {
        into: target.number.clone(),
        note: note.trim().to_owned(),
    };
    let audit = AuditNote {
        action: "case.merge",
        details: serde_json::Map::from_iter([("into".to_owned(), target.number.clone().into())]),
    };
    let next = cases::record(&mut tx, rules, &dup, &handler.actor(), &action, now, &audit).await?;
    tx.commit().await?;
    Ok(CaseRecord {
        merged_into: Some(target.id),
        ..next
    })
}

/// A live case that may report the same incident as the one on the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicateLine {
    pub number: String,
    pub state: CaseState,
    pub incident_date: NaiveDate,
    pub opened_at: DateTime<Utc>,
    pub subject_name: Option<String>,
    pub subject_nip: Option<String>,
    /// The NIP the first reporter typed, when the case has no subject.
    pub reported_nip: Option<String>,
    pub assignee: Option<String>,
}

/// Live cases within `scope` about the same civil servant as `case` — linked to them, or naming
/// their NIP as a reporter typed it (including the NIPs typed in reports of `case` that did not
/// resolve) — whose incident lies within [`DUPLICATE_WINDOW_DAYS`] of it. Oldest first.
pub async fn likely_duplicates(
    db: &Db,
    case: &CaseRecord,
    scope: &Scope,
) -> Result<Vec<DuplicateLine>, StoreError> {
    let window = Days::new(DUPLICATE_WINDOW_DAYS);
    let (kind, province, agency) = scope_params(scope);
    sql(concat!(
        with_gathered!(),
        ", nips(nip) AS (\
           SELECT r.subject_nip FROM reports r WHERE r.case_id IN (SELECT id FROM gathered) \
             AND r.subject_nip IS NOT NULL \
           UNION SELECT p.nip FROM civil_servants p JOIN cases x ON x.subject_id = p.id WHERE x.id = $1) \
         SELECT c.number, c.state, c.incident_date, c.opened_at, c.assignee, p.name AS subject_name, \
         p.nip AS subject_nip, \
         (SELECT r.subject_nip FROM reports r WHERE r.case_id = c.id ORDER BY r.id LIMIT 1) AS reported_nip \
         FROM cases c LEFT JOIN civil_servants p ON p.id = c.subject_id \
         LEFT JOIN agencies a ON a.id = c.agency_id \
         WHERE c.id NOT IN (SELECT id FROM gathered) AND c.merged_into IS NULL \
           AND c.state NOT IN ",
        ended_states!(),
        " AND c.incident_date >= $2 AND c.incident_date <= $3 \
           AND (p.nip IN (SELECT nip FROM nips) \
                OR EXISTS (SELECT 1 FROM reports r WHERE r.case_id = c.id \
                           AND r.subject_nip IN (SELECT nip FROM nips))) \
           AND ($4 = 'national' OR ($4 = 'province' AND a.region_code LIKE $5) \
                OR ($4 = 'agency' AND c.agency_id = $6)) \
         ORDER BY c.opened_at, c.id LIMIT $7"
    ))
    .bind(case.id)
    .bind(case.incident_date - window)
    .bind(case.incident_date + window)
    .bind(kind)
    .bind(province)
    .bind(agency)
    .bind(DUPLICATE_LIMIT)
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| {
        Ok(DuplicateLine {
            number: row.get("number")?,
            state: row.parse("state")?,
            incident_date: row.get("incident_date")?,
            opened_at: row.get("opened_at")?,
            subject_name: row.get("subject_name")?,
            subject_nip: row.get("subject_nip")?,
            reported_nip: row.get("reported_nip")?,
            assignee: row.get("assignee")?,
        })
    })
    .collect()
}
