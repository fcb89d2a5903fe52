//! Giving a case to a handler of its stage, or taking it.

use chrono::{DateTime, Utc};
use netral_domain::access::may_assign;
use netral_domain::case::{Action, Role, stage_handlers};
use netral_domain::rules::RuleBook;
use serde::Serialize;

use super::{CaseWorkError, Handler, case_in_scope, reaches};
use crate::accounts::{StaffUser, user_columns, user_from_row, user_tables};
use crate::cases::{self, AuditNote, CaseRecord};
use crate::db::{Db, On, sql};
use crate::error::StoreError;
use crate::mail::{agency_of, covers};

/// Assigns the case numbered `number` to the staff member `to` (the handler themselves to take
/// it). `seen` is the assignee the handler saw: if it changed meanwhile, nothing is written.
pub async fn assign(
    db: &Db,
    rules: &RuleBook,
    number: &str,
    handler: &Handler<'_>,
    to: &str,
    seen: Option<&str>,
    now: DateTime<Utc>,
) -> Result<CaseRecord, StoreError> {
    let mut tx = db.begin().await?;
    let case = case_in_scope(&mut tx, number, handler.scope)
        .await?
        .ok_or_else(|| StoreError::CaseNotFound(number.trim().to_owned()))?;
    if case.state.is_final() {
        return Err(CaseWorkError::CaseFinished(case.number).into());
    }
    let to = to.trim().to_lowercase();
    let assignee = active_user(&mut tx, &to)
        .await?
        .ok_or_else(|| CaseWorkError::UnknownAssignee(to.clone()))?;
    if !reaches(&mut tx, &assignee.scope, &case).await? {
        return Err(CaseWorkError::AssigneeOutOfScope(to).into());
    }
    let current = case.file.assignee.as_ref().map(|a| a.user.clone());
    may_assign(
        handler.name,
        handler.role,
        case.state,
        current.as_deref(),
        &to,
    )
    .map_err(CaseWorkError::from)?;
    let action = Action::Assign {
        to: to.clone(),
        to_role: assignee.role,
        from: seen
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
    };
    let note = AuditNote {
        action: "case.assign",
        details: serde_json::Map::from_iter([
            ("assignee_from".to_owned(), current.into()),
            ("assignee_to".to_owned(), to.into()),
        ]),
    };
    let next = cases::record(&mut tx, rules, &case, &handler.actor(), &action, now, &note).await?;
    tx.commit().await?;
    Ok(next)
}

/// A staff member a case can be given to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffChoice {
    pub username: String,
    pub display_name: String,
    pub role: Role,
}

/// The active staff whose role handles the case's stage and whose scope reaches the case, by
/// user name: whom the case can be assigned to.
pub async fn assignable_staff(db: &Db, case: &CaseRecord) -> Result<Vec<StaffChoice>, StoreError> {
    let handlers = stage_handlers(case.state);
    if handlers.is_empty() {
        return Ok(Vec::new());
    }
    let agency = agency_of(db, case.agency_id).await?;
    let agency = agency.as_ref().map(|(id, region)| (*id, region.as_ref()));
    // Staff accounts number in the hundreds: scopes are checked here with the pages' rule.
    let rows = sql(concat!(
        "SELECT ",
        user_columns!(),
        " FROM ",
        user_tables!(),
        " WHERE u.disabled_at IS NULL ORDER BY u.username"
    ))
    .fetch_all(db)
    .await?;
    let mut choices = Vec::new();
    for row in &rows {
        let user = user_from_row(row)?;
        if handlers.contains(&user.role) && covers(&user.scope, agency) {
            choices.push(StaffChoice {
                username: user.username,
                display_name: user.display_name,
                role: user.role,
            });
        }
    }
    Ok(choices)
}

pub(super) async fn active_user<'a>(
    on: impl Into<On<'a>>,
    username: &str,
) -> Result<Option<StaffUser>, StoreError> {
    sql(concat!(
        "SELECT ",
        user_columns!(),
        " FROM ",
        user_tables!(),
        " WHERE u.username = $1 AND u.disabled_at IS NULL"
    ))
    .bind(username.to_owned())
    .fetch_optional(on)
    .await?
    .map(|row| user_from_row(&row))
    .transpose()
}
