//! The integrity-pact campaign of one election: the share of each agency's roster it aims to
//! cover, each agency's coverage against that target, and reminders to the agencies below it
//! (mailed to their PPK liaisons, at most once a day per agency).

use chrono::{DateTime, SubsecRound, Utc};
use netral_domain::access::Scope;
use netral_domain::deadline::jakarta_date;

use crate::accounts::StaffUser;
use crate::audit;
use crate::db::{Db, sql};
use crate::error::StoreError;
use crate::mail::{MailKind, NewMail, Recipient, agency_liaison_addresses, queue_mail};
use crate::registry::lookup::scope_params;
use crate::registry::prevention::{PactCoverage, coverage, coverage_where};

/// The target when none was set: every civil servant covered.
pub const DEFAULT_TARGET_PERCENT: i64 = 100;

/// The campaign's target for `election_code`, in whole percent of each agency's roster.
pub async fn target(db: &Db, election_code: &str) -> Result<i64, StoreError> {
    Ok(
        sql("SELECT target_percent FROM pact_targets WHERE election_code = $1")
            .bind(election_code.to_owned())
            .fetch_optional(db)
            .await?
            .map(|row| row.get("target_percent"))
            .transpose()?
            .unwrap_or(DEFAULT_TARGET_PERCENT),
    )
}

/// Sets the target (1–100 %); the caller checked the value and the user's right.
pub async fn set_target(
    db: &Db,
    user: &StaffUser,
    election_code: &str,
    percent: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let now = now.trunc_subsecs(6);
    let mut tx = db.begin().await?;
    sql("INSERT INTO pact_targets (election_code, target_percent, set_by, set_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (election_code) DO UPDATE SET target_percent = $2, set_by = $3, set_at = $4")
    .bind(election_code.to_owned())
    .bind(percent)
    .bind(user.id)
    .bind(now)
    .execute(&mut tx)
    .await?;
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: user.audit_actor(),
            action: "pact_campaign.target",
            subject: Some(election_code),
            details: serde_json::json!({ "percent": percent }),
        },
        now,
    )
    .await?;
    tx.commit().await
}

/// An agency in the campaign: its coverage and the last reminder it was sent.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignLine {
    pub agency_id: i64,
    pub coverage: PactCoverage,
    pub last_reminded: Option<chrono::NaiveDate>,
}

impl CampaignLine {
    /// Whole percent of the roster covered; `None` for an agency with nobody on the roster.
    pub fn percent(&self) -> Option<i64> {
        self.coverage
            .share_covered()
            .map(|share| (share * 100.0).floor() as i64)
    }

    pub fn below(&self, target: i64) -> bool {
        self.percent().is_some_and(|p| p < target)
    }
}

/// Every agency `scope` covers with its coverage for `election_code`, by code.
pub async fn campaign(
    db: &Db,
    scope: &Scope,
    election_code: &str,
) -> Result<Vec<CampaignLine>, StoreError> {
    let (kind, province, agency) = scope_params(scope);
    sql(coverage_where!(
        "a.id, (SELECT MAX(m.sent_on) FROM pact_reminders m WHERE m.agency_id = a.id AND m.election_code = $1) AS last_reminded,",
        "WHERE ($2 = 'national' OR ($2 = 'province' AND a.region_code LIKE $3) \
                OR ($2 = 'agency' AND a.id = $4)) ORDER BY a.code"
    ))
    .bind(election_code.to_owned())
    .bind(kind)
    .bind(province)
    .bind(agency)
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| {
        Ok(CampaignLine {
            agency_id: row.get("id")?,
            coverage: coverage(row)?,
            last_reminded: row.get("last_reminded")?,
        })
    })
    .collect()
}

/// How a round of reminders went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReminderRound {
    /// Agencies below the target reminded now.
    pub reminded: usize,
    /// Agencies below the target reminded earlier today (a second click sends nothing).
    pub already_today: usize,
    /// Messages queued (one per liaison address).
    pub messages: usize,
    /// Agencies below the target without a PPK liaison to write to.
    pub without_liaison: usize,
}

/// Reminds every agency in `scope` below the target for `election_code`: one reminder per
/// agency and day, mailed to its PPK liaisons.
pub async fn send_reminders(
    db: &Db,
    user: &StaffUser,
    election_code: &str,
    now: DateTime<Utc>,
) -> Result<ReminderRound, StoreError> {
    let target = target(db, election_code).await?;
    let lines = campaign(db, &user.scope, election_code).await?;
    let now = now.trunc_subsecs(6);
    let today = jakarta_date(now);
    let mut round = ReminderRound::default();
    let mut tx = db.begin().await?;
    for line in lines.iter().filter(|l| l.below(target)) {
        let percent = line.percent().unwrap_or(0);
        let addresses = agency_liaison_addresses(&mut tx, line.agency_id).await?;
        let inserted = sql(
            "INSERT INTO pact_reminders (agency_id, election_code, sent_on, covered_percent, \
             target_percent, recipients, sent_by) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (agency_id, election_code, sent_on) DO NOTHING",
        )
        .bind(line.agency_id)
        .bind(election_code.to_owned())
        .bind(today)
        .bind(percent)
        .bind(target)
        .bind(addresses.len() as i64)
        .bind(user.id)
        .execute(&mut tx)
        .await?;
        if inserted == 0 {
            round.already_today += 1;
            continue;
        }
        round.reminded += 1;
        if addresses.is_empty() {
            round.without_liaison += 1;
        }
        for address in addresses {
            let queued = queue_mail(
                &mut tx,
                &NewMail {
                    notice_key: format!(
                        "pact-{}-{election_code}-{today}-{address}",
                        line.coverage.agency_code
                    ),
                    kind: MailKind::PactReminder,
                    recipient: Recipient::Address(address),
                    case_id: None,
                    stage: None,
                    due_on: None,
                    letter_id: None,
                    details: Some(serde_json::json!({
                        "agency": line.coverage.agency_name,
                        "election": election_code,
                        "covered": percent,
                        "target": target,
                        "roster": line.coverage.roster,
                        "signed": line.coverage.individually_covered,
                    })),
                },
                now,
            )
            .await?;
            round.messages += usize::from(queued.is_some());
        }
    }
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: user.audit_actor(),
            action: "pact_campaign.remind",
            subject: Some(election_code),
            details: serde_json::json!({
                "reminded": round.reminded,
                "messages": round.messages,
                "target": target,
            }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(round)
}
