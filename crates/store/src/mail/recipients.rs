//! Who is told what when a case changes stage, and the staff who may be mailed at all.

use chrono::{DateTime, Utc};
use netral_domain::access::Scope;
use netral_domain::case::{CaseState, Role};
use netral_domain::ids::RegionCode;

use super::{MailKind, NewMail, Recipient, queue_mail};
use crate::cases::{CaseRecord, with_gathered};
use crate::db::{On, Row, Tx, sql};
use crate::error::StoreError;

/// A staff account that can be mailed: active, with an address.
pub(super) struct Mailable {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub scope: Scope,
}

/// Active staff with an e-mail address in one of `roles`. The table is small (hundreds of
/// accounts), so scopes are checked in Rust with the same rule as the pages use.
pub(super) async fn mailable_staff<'a>(
    on: impl Into<On<'a>>,
    roles: &[Role],
) -> Result<Vec<Mailable>, StoreError> {
    let rows = sql(
        "SELECT id, email, role, scope_kind, scope_province, scope_agency_id FROM staff_users \
         WHERE email IS NOT NULL AND email <> '' AND disabled_at IS NULL ORDER BY id",
    )
    .fetch_all(on)
    .await?;
    let mut staff = Vec::new();
    for row in &rows {
        let role: Role = row.parse("role")?;
        if roles.contains(&role) {
            staff.push(Mailable {
                id: row.get("id")?,
                email: row.get("email")?,
                role,
                scope: scope_of(row)?,
            });
        }
    }
    Ok(staff)
}

fn scope_of(row: &Row) -> Result<Scope, StoreError> {
    let kind: String = row.get("scope_kind")?;
    Ok(match kind.as_str() {
        "national" => Scope::National,
        "province" => Scope::Province(row.parse("scope_province")?),
        "agency" => Scope::Agency(row.get("scope_agency_id")?),
        other => {
            return Err(StoreError::Corrupt {
                column: "scope_kind",
                message: format!("unknown scope kind `{other}`"),
            });
        }
    })
}

/// Whether `scope` reaches a case of this agency. A case with no agency yet is national
/// business only.
pub(crate) fn covers(scope: &Scope, agency: Option<(i64, Option<&RegionCode>)>) -> bool {
    match agency {
        Some((id, region)) => scope.covers_agency(id, region),
        None => *scope == Scope::National,
    }
}

/// The case's agency id and region, for [`covers`].
pub(crate) async fn agency_of<'a>(
    on: impl Into<On<'a>>,
    agency_id: Option<i64>,
) -> Result<Option<(i64, Option<RegionCode>)>, StoreError> {
    let Some(id) = agency_id else {
        return Ok(None);
    };
    let row = sql("SELECT region_code FROM agencies WHERE id = $1")
        .bind(id)
        .fetch_optional(on)
        .await?;
    let region: Option<String> = match row {
        Some(row) => row.get("region_code")?,
        None => None,
    };
    Ok(Some((id, region.and_then(|r| r.parse().ok()))))
}

/// Queues the notices a stage change causes, inside the transaction that records it: the PPK
/// liaisons of the case's agency when a recommendation is issued, and every reporter of the
/// case who left an identity (anonymous reporters cannot be reached). `seq` is the change's
/// event number, which makes each notice unique. `letter` is the letter the change sends, if
/// any: the liaisons' notice waits for its PDF (see [`crate::letters::record_file`]).
pub(crate) async fn on_stage_change(
    tx: &mut Tx,
    before: &CaseRecord,
    to: CaseState,
    seq: i64,
    letter: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    if before.state == to {
        return Ok(());
    }
    let case_id = before.id;
    if to == CaseState::AwaitingFollowUp {
        let agency = agency_of(&mut *tx, before.agency_id).await?;
        let agency = agency.as_ref().map(|(id, region)| (*id, region.as_ref()));
        for liaison in mailable_staff(&mut *tx, &[Role::PpkLiaison]).await? {
            if !covers(&liaison.scope, agency) {
                continue;
            }
            let mail = NewMail {
                notice_key: format!("recommendation_arrived:{case_id}:{seq}:user:{}", liaison.id),
                kind: MailKind::RecommendationArrived,
                recipient: Recipient::Address(liaison.email),
                case_id: Some(case_id),
                stage: Some(to),
                due_on: None,
                letter_id: letter,
                details: None,
            };
            queue_mail(tx, &mail, now).await?;
        }
    }
    // The reporters of duplicates merged into the case follow it too.
    let reports = sql(concat!(
        with_gathered!(),
        " SELECT id FROM reports WHERE case_id IN (SELECT id FROM gathered) \
         AND reporter_mode <> 'anonymous' AND reporter_identity IS NOT NULL ORDER BY id"
    ))
    .bind(case_id)
    .fetch_all(&mut *tx)
    .await?;
    for row in &reports {
        let report: i64 = row.get("id")?;
        let mail = NewMail {
            notice_key: format!("stage_changed:{case_id}:{seq}:report:{report}"),
            kind: MailKind::StageChanged,
            recipient: Recipient::ReporterOf(report),
            case_id: Some(case_id),
            stage: Some(to),
            due_on: None,
            letter_id: None,
            details: None,
        };
        queue_mail(tx, &mail, now).await?;
    }
    Ok(())
}

/// The addresses of the PPK liaisons whose scope is exactly this agency: the agency's own
/// people, who are told of its integrity-pact reminders.
pub(crate) async fn agency_liaison_addresses(
    tx: &mut Tx,
    agency_id: i64,
) -> Result<Vec<String>, StoreError> {
    Ok(mailable_staff(&mut *tx, &[Role::PpkLiaison])
        .await?
        .into_iter()
        .filter(|staff| staff.scope == Scope::Agency(agency_id))
        .map(|staff| staff.email)
        .collect())
}
