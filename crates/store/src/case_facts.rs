//! The statistics' view of each case (see migration 0014): rewritten in the transaction of
//! every change to the case, read back in order of change by whoever keeps the figures.

use chrono::{DateTime, NaiveDate, Utc};
use netral_domain::case::{ActionKind, CaseFile, CaseState};
use netral_domain::deadline::jakarta_date;
use netral_domain::election::CampaignPhase;
use netral_domain::rules::RuleBook;
use netral_domain::stats::{CaseFact, Milestone, Milestones, position_class};
use sqlx::types::Json;

use crate::db::{Db, Row, Tx, sql};
use crate::error::StoreError;

/// The milestone columns, in [`Milestone::ALL`] order.
const MILESTONE_COLUMNS: [&str; 12] = [
    "verified_on",
    "proven_on",
    "not_proven_on",
    "rejected_on",
    "recommended_on",
    "sanctioned_on",
    "refused_on",
    "warned_on",
    "blocked_on",
    "unblocked_on",
    "appealed_on",
    "closed_on",
];

/// Rewrites the facts of case `case_id` from its row, first report and events. Called inside
/// the transaction that changed the case, after the change and after its audit entry: every
/// transaction takes the audit log's lock before the facts' counter, or two of them could
/// each hold the lock the other waits for.
pub(crate) async fn refresh(tx: &mut Tx, case_id: i64) -> Result<(), StoreError> {
    let case = sql(
        "SELECT c.state, c.deadline, c.rules_version, c.file, c.agency_id, a.kind AS agency_kind, \
         a.region_code, p.position_type, p.eselon, p.position, r.channel, r.election_code, \
         r.campaign_phase, r.violation_hints, r.received_at \
         FROM cases c LEFT JOIN agencies a ON a.id = c.agency_id \
         LEFT JOIN civil_servants p ON p.id = c.subject_id \
         JOIN reports r ON r.id = (SELECT min(id) FROM reports WHERE case_id = c.id) \
         WHERE c.id = $1",
    )
    .bind(case_id)
    .fetch_one(&mut *tx)
    .await?;
    let events = sql("SELECT kind, at FROM case_events WHERE case_id = $1 ORDER BY seq")
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
    let mut actions = Vec::with_capacity(events.len());
    for event in &events {
        let kind: String = event.get("kind")?;
        // The opening event is no action; every other kind is one of the state machine's.
        if let Some(action) = ActionKind::ALL.into_iter().find(|k| k.as_str() == kind) {
            let at: DateTime<Utc> = event.get("at")?;
            actions.push((action, jakarta_date(at)));
        }
    }
    let milestones = Milestones::from_events(actions);
    let Json(file): Json<CaseFile> = case.get("file")?;
    let Json(hints): Json<Vec<String>> = case.get("violation_hints")?;
    let violation = file.violations.first().or(hints.first()).cloned();
    let region: Option<String> = case.get("region_code")?;
    let position = position_class(
        case.get::<Option<String>>("position_type")?.as_deref(),
        case.get::<Option<String>>("eselon")?.as_deref(),
        case.get::<Option<String>>("position")?.as_deref(),
    );
    let received_at: DateTime<Utc> = case.get("received_at")?;
    let seq: i64 = sql(
        "INSERT INTO counters (name, value) VALUES ('case_facts', 1) \
         ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value",
    )
    .fetch_one(&mut *tx)
    .await?
    .get("value")?;
    let mut statement = sql(
        "INSERT INTO case_facts (case_id, change_seq, state, rules_version, election, phase, channel, \
         violation, position_type, agency_id, agency_kind, province, reported_on, deadline, \
         verified_on, proven_on, not_proven_on, rejected_on, recommended_on, sanctioned_on, \
         refused_on, warned_on, blocked_on, unblocked_on, appealed_on, closed_on) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
         $19, $20, $21, $22, $23, $24, $25, $26) \
         ON CONFLICT (case_id) DO UPDATE SET change_seq = excluded.change_seq, \
         state = excluded.state, rules_version = excluded.rules_version, \
         election = excluded.election, phase = excluded.phase, channel = excluded.channel, \
         violation = excluded.violation, position_type = excluded.position_type, \
         agency_id = excluded.agency_id, agency_kind = excluded.agency_kind, \
         province = excluded.province, reported_on = excluded.reported_on, \
         deadline = excluded.deadline, verified_on = excluded.verified_on, \
         proven_on = excluded.proven_on, not_proven_on = excluded.not_proven_on, \
         rejected_on = excluded.rejected_on, recommended_on = excluded.recommended_on, \
         sanctioned_on = excluded.sanctioned_on, refused_on = excluded.refused_on, \
         warned_on = excluded.warned_on, blocked_on = excluded.blocked_on, \
         unblocked_on = excluded.unblocked_on, appealed_on = excluded.appealed_on, \
         closed_on = excluded.closed_on",
    )
    .bind(case_id)
    .bind(seq)
    .bind(case.get::<String>("state")?)
    .bind(case.get::<String>("rules_version")?)
    .bind(case.get::<Option<String>>("election_code")?)
    .bind(case.get::<Option<String>>("campaign_phase")?)
    .bind(case.get::<String>("channel")?)
    .bind(violation)
    .bind(position.map(str::to_owned))
    .bind(case.get::<Option<i64>>("agency_id")?)
    .bind(case.get::<Option<String>>("agency_kind")?)
    .bind(region.map(|r| r.chars().take(2).collect::<String>()))
    .bind(jakarta_date(received_at))
    .bind(case.get::<Option<NaiveDate>>("deadline")?);
    for milestone in Milestone::ALL {
        statement = statement.bind(milestones.get(milestone));
    }
    statement.execute(&mut *tx).await?;
    Ok(())
}

/// Writes the facts of cases that have none: those opened before the statistics existed.
/// Runs after migrating; a case at a time, so a large backlog does not hold one long lock.
pub(crate) async fn backfill(db: &Db) -> Result<u64, StoreError> {
    let missing = sql("SELECT c.id FROM cases c \
         WHERE NOT EXISTS (SELECT 1 FROM case_facts f WHERE f.case_id = c.id) ORDER BY c.id")
    .fetch_all(db)
    .await?;
    for row in &missing {
        let mut tx = db.begin().await?;
        refresh(&mut tx, row.get("id")?).await?;
        tx.commit().await?;
    }
    Ok(missing.len() as u64)
}

/// Facts changed after some change, oldest change first.
pub struct Changes {
    pub facts: Vec<CaseFact>,
    /// The last change read; `after` when there was none.
    pub last: i64,
}

/// The facts rewritten since change `after`. The violation's track is looked up in the rule
/// version the case is judged by, so a fact never goes stale when rules are added.
pub async fn changed_since(
    db: &Db,
    rules: &RuleBook,
    after: i64,
    limit: i64,
) -> Result<Changes, StoreError> {
    let rows = sql("SELECT * FROM case_facts WHERE change_seq > $1 ORDER BY change_seq LIMIT $2")
        .bind(after)
        .bind(limit)
        .fetch_all(db)
        .await?;
    let mut facts = Vec::with_capacity(rows.len());
    let mut last = after;
    for row in &rows {
        last = row.get("change_seq")?;
        facts.push(fact_from_row(row, rules)?);
    }
    Ok(Changes { facts, last })
}

/// The newest change, or 0 when no case has facts yet.
pub async fn latest_change(db: &Db) -> Result<i64, StoreError> {
    sql("SELECT coalesce(max(change_seq), 0) AS last FROM case_facts")
        .fetch_one(db)
        .await?
        .get("last")
}

fn fact_from_row(row: &Row, rules: &RuleBook) -> Result<CaseFact, StoreError> {
    let rules_version: String = row.get("rules_version")?;
    let violation: Option<String> = row.get("violation")?;
    let track = violation.as_ref().and_then(|code| {
        let rule_set = rules.version(&rules_version)?;
        Some(rule_set.violations.iter().find(|v| &v.code == code)?.track)
    });
    let phase = match row.get::<Option<String>>("phase")?.as_deref() {
        Some("before") => Some(CampaignPhase::Before),
        Some("during") => Some(CampaignPhase::During),
        Some("after") => Some(CampaignPhase::After),
        _ => None,
    };
    let mut milestones = Milestones::default();
    for (milestone, column) in Milestone::ALL.into_iter().zip(MILESTONE_COLUMNS) {
        milestones.set(milestone, row.get(column)?);
    }
    Ok(CaseFact {
        case_id: row.get("case_id")?,
        state: row.parse::<CaseState>("state")?,
        election: row.get("election")?,
        phase,
        channel: row.get("channel")?,
        violation,
        track,
        position_type: row.get("position_type")?,
        agency_id: row.get("agency_id")?,
        agency_kind: row.get("agency_kind")?,
        province: row.get("province")?,
        reported_on: row.get("reported_on")?,
        deadline: row.get("deadline")?,
        milestones,
    })
}
