//! The deadline sweep: reminders before a case's deadline and one overdue notice after it, to
//! the staff whose role acts at the case's stage within their scope. Run as often as liked:
//! each notice has a key of case, stage, deadline and recipient, so none is sent twice, and a
//! new deadline (next stage, or a clock resumed) earns a new reminder.

use chrono::{DateTime, Days, NaiveDate, Utc};
use netral_domain::case::{ActionKind, Role, permitted};

use super::recipients::{agency_of, covers, mailable_staff};
use super::{MailKind, NewMail, Recipient, queue_mail};
use crate::cases;
use crate::db::Db;
use crate::error::StoreError;

/// Most cases one sweep looks at; the most urgent come first, and the next sweep takes the rest.
const SWEEP_LIMIT: i64 = 20_000;

/// What a sweep queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeadlineSweep {
    pub reminders: usize,
    pub overdue: usize,
}

/// Queues reminders for cases due within `days_before` days of `today` (Jakarta date) and
/// overdue notices for cases due before `today`.
pub async fn queue_deadline_notices(
    db: &Db,
    today: NaiveDate,
    days_before: u32,
    now: DateTime<Utc>,
) -> Result<DeadlineSweep, StoreError> {
    let horizon = today
        .checked_add_days(Days::new(u64::from(days_before)))
        .unwrap_or(today);
    let due = cases::due_by(db, horizon, SWEEP_LIMIT).await?;
    let staff = mailable_staff(db, &Role::ALL).await?;
    let mut sweep = DeadlineSweep::default();
    for case in due {
        let Some(deadline) = case.deadline else {
            continue;
        };
        let acting: Vec<Role> = ActionKind::ALL
            .into_iter()
            .filter_map(|action| permitted(action, case.state))
            .flat_map(|(_, roles)| roles.iter().copied())
            .collect();
        if acting.is_empty() {
            continue;
        }
        let kind = if deadline.due < today {
            MailKind::Overdue
        } else {
            MailKind::Reminder
        };
        let agency = agency_of(db, case.agency_id).await?;
        let agency = agency.as_ref().map(|(id, region)| (*id, region.as_ref()));
        let mut tx = db.begin().await?;
        for person in staff
            .iter()
            .filter(|p| acting.contains(&p.role) && covers(&p.scope, agency))
        {
            let mail = NewMail {
                notice_key: format!(
                    "{}:{}:{}:{}:user:{}",
                    kind.as_str(),
                    case.id,
                    case.state.as_str(),
                    deadline.due,
                    person.id
                ),
                kind,
                recipient: Recipient::Address(person.email.clone()),
                case_id: Some(case.id),
                stage: Some(case.state),
                due_on: Some(deadline.due),
                letter_id: None,
                details: None,
            };
            if queue_mail(&mut tx, &mail, now).await?.is_some() {
                match kind {
                    MailKind::Overdue => sweep.overdue += 1,
                    _ => sweep.reminders += 1,
                }
            }
        }
        tx.commit().await?;
    }
    Ok(sweep)
}
