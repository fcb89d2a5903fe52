//! Linking a case to its subject in the roster, which places it in the subject's agency: the
//! scope of every page and the public figures follow the agency.

use chrono::{DateTime, Utc};
use netral_domain::case::Action;
use netral_domain::ids::RegionCode;
use netral_domain::rules::RuleBook;

use super::assign::active_user;
use super::{CaseWorkError, Handler, case_in_scope};
use crate::cases::{self, AuditNote, CaseRecord};
use crate::db::{Db, sql};
use crate::error::StoreError;
use crate::mail::covers;

/// What the handler asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubjectLink<'a> {
    /// The civil servant's NIP (or PPPK number), as in the roster.
    pub nip: &'a str,
    /// The subject's NIP the handler saw on the case, `None` when it had none: if it changed
    /// meanwhile, nothing is written.
    pub seen: Option<&'a str>,
    /// Why the subject is replaced; required when the case had one.
    pub reason: Option<&'a str>,
}

/// Links the case numbered `number` to the civil servant `link.nip`, moving it to that
/// person's agency. The handler's scope must reach both the case and the person, so no one
/// can move a case out of their own sight (a province's staff cannot send a case to another
/// province) or pull one in from outside it.
pub async fn link_subject(
    db: &Db,
    rules: &RuleBook,
    number: &str,
    handler: &Handler<'_>,
    link: &SubjectLink<'_>,
    now: DateTime<Utc>,
) -> Result<CaseRecord, StoreError> {
    let mut tx = db.begin().await?;
    let case = case_in_scope(&mut tx, number, handler.scope)
        .await?
        .ok_or_else(|| StoreError::CaseNotFound(number.trim().to_owned()))?;
    if case.state.is_final() {
        return Err(CaseWorkError::CaseFinished(case.number).into());
    }
    let nip: String = link.nip.chars().filter(|c| !c.is_whitespace()).collect();
    let person = sql(
        "SELECT p.id, p.agency_id, a.code AS agency_code, a.region_code FROM civil_servants p \
         JOIN agencies a ON a.id = p.agency_id WHERE p.nip = $1",
    )
    .bind(nip.clone())
    .fetch_optional(&mut tx)
    .await?;
    let Some(person) = person else {
        return Err(CaseWorkError::SubjectNotFound(nip).into());
    };
    let person_id: i64 = person.get("id")?;
    let agency_id: i64 = person.get("agency_id")?;
    let region: Option<RegionCode> = person
        .get::<Option<String>>("region_code")?
        .and_then(|r| r.parse().ok());
    if !handler.scope.covers_agency(agency_id, region.as_ref()) {
        return Err(CaseWorkError::SubjectNotFound(nip).into());
    }
    let before = sql("SELECT p.nip, a.code AS agency_code FROM cases c \
         LEFT JOIN civil_servants p ON p.id = c.subject_id \
         LEFT JOIN agencies a ON a.id = c.agency_id WHERE c.id = $1")
    .bind(case.id)
    .fetch_one(&mut tx)
    .await?;
    let current: Option<String> = before.get("nip")?;
    let seen = link.seen.map(str::trim).filter(|s| !s.is_empty());
    if seen != current.as_deref() {
        return Err(CaseWorkError::SubjectChanged { current }.into());
    }
    if case.agency_id != Some(agency_id)
        && let Some(assignee) = &case.file.assignee
        && let Some(account) = active_user(&mut tx, &assignee.user).await?
        && !covers(&account.scope, Some((agency_id, region.as_ref())))
    {
        return Err(CaseWorkError::AssigneeWouldLoseCase(assignee.user.clone()).into());
    }
    sql("UPDATE cases SET subject_id = $1, agency_id = $2 WHERE id = $3")
        .bind(person_id)
        .bind(agency_id)
        .bind(case.id)
        .execute(&mut tx)
        .await?;
    let action = Action::LinkSubject {
        nip: nip.clone(),
        replaces: current.clone(),
        reason: link
            .reason
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned),
    };
    let note = AuditNote {
        action: "case.link_subject",
        details: serde_json::Map::from_iter([
            ("subject_from".to_owned(), current.into()),
            ("subject_to".to_owned(), nip.into()),
            (
                "agency_from".to_owned(),
                before.get::<Option<String>>("agency_code")?.into(),
            ),
            (
                "agency_to".to_owned(),
                person.get::<String>("agency_code")?.into(),
            ),
        ]),
    };
    let next = cases::record(&mut tx, rules, &case, &handler.actor(), &action, now, &note).await?;
    tx.commit().await?;
    Ok(CaseRecord {
        subject_id: Some(person_id),
        agency_id: Some(agency_id),
        ..next
    })
}
