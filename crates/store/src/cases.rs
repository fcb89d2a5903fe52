//! Cases and their event log (reports open them: see `intake`). Every change to a case is one transaction that appends an event
//! (who, when, what, from which state to which) and updates the case's current-state row to
//! match; the row is a projection of the events, and `replay` proves it.

use chrono::{DateTime, Datelike, NaiveDate, SubsecRound, Utc};
use netral_domain::case::{Action, CaseFile, CaseState, Role, decide};
use netral_domain::deadline::{Deadline, jakarta_date};
use netral_domain::letter::{LetterKind, letter_number_mut};
use netral_domain::rules::{RuleBook, RuleSet};
use serde::Serialize;
use sqlx::types::Json;

use crate::audit;
use crate::case_work::CaseWorkError;
use crate::db::{Db, On, Row, Tx, sql};
use crate::error::StoreError;
use crate::letters;

/// Who takes an action. Accounts come with the back office; until then a name and a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub role: Role,
}

/// The event kind recorded when a report opens a case.
pub const OPENED: &str = "opened";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseRecord {
    pub id: i64,
    pub number: String,
    pub state: CaseState,
    pub rules_version: String,
    pub incident_date: NaiveDate,
    pub subject_id: Option<i64>,
    pub agency_id: Option<i64>,
    /// The case this one was merged into as a duplicate (its id); `None` for a live case.
    pub merged_into: Option<i64>,
    pub deadline: Option<Deadline>,
    pub file: CaseFile,
    pub revision: i64,
    pub opened_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRecord {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub role: String,
    pub kind: String,
    pub from_state: Option<CaseState>,
    pub to_state: CaseState,
    pub payload: serde_json::Value,
}

/// Takes `action` on the case numbered `number`. `seen_revision`, when given, is the revision
/// the handler looked at: if someone changed the case since, nothing is written. Desk work
/// (assigning, linking the subject, merging) is refused here: it goes through
/// [`crate::case_work`], which checks the accounts, the roster and the other case it involves.
///
/// An action that sends a letter (a recommendation, a warning) comes with an empty
/// `letter_number`: the store numbers the letter in the same transaction (see
/// [`crate::letters`]), records the number in the event, and queues the letter's PDF.
pub async fn apply(
    db: &Db,
    rules: &RuleBook,
    number: &str,
    seen_revision: Option<i64>,
    actor: &Actor,
    action: &Action,
    now: DateTime<Utc>,
) -> Result<CaseRecord, StoreError> {
    if action.kind().is_desk_work() {
        return Err(CaseWorkError::NotThroughApply(action.kind()).into());
    }
    let mut tx = db.begin().await?;
    let current = case_by_number(&mut tx, number)
        .await?
        .ok_or_else(|| StoreError::CaseNotFound(number.to_owned()))?;
    if let Some(seen) = seen_revision
        && seen != current.revision
    {
        return Err(StoreError::Conflict {
            number: number.to_owned(),
            expected: seen,
            actual: current.revision,
        });
    }
    let next = record(
        &mut tx,
        rules,
        &current,
        actor,
        action,
        now,
        &AuditNote::transition(),
    )
    .await?;
    tx.commit().await?;
    Ok(next)
}

/// What the audit entry of an action says besides the event's number, kind and states.
pub(crate) struct AuditNote {
    /// `case.transition`, or the desk work's own name (`case.assign`, ...).
    pub action: &'static str,
    /// Identifiers only (user names, NIPs, case numbers), never text a person typed.
    pub details: serde_json::Map<String, serde_json::Value>,
}

impl AuditNote {
    pub(crate) fn transition() -> Self {
        Self {
            action: "case.transition",
            details: serde_json::Map::new(),
        }
    }
}

/// Inside `tx`: runs `action` on `current` through the state machine, updates the case's row
/// (conditional on the revision read, so a concurrent change makes this fail and write
/// nothing), appends the event, the audit entry and the notices it causes.
pub(crate) async fn record(
    tx: &mut Tx,
    rules: &RuleBook,
    current: &CaseRecord,
    actor: &Actor,
    action: &Action,
    now: DateTime<Utc>,
    note: &AuditNote,
) -> Result<CaseRecord, StoreError> {
    let now = now.trunc_subsecs(6);
    let number = current.number.as_str();
    let rule_set = rule_set_of(rules, current)?;
    let mut action = action.clone();
    let letter = match LetterKind::of(&action) {
        Some(kind) => {
            let slot = letter_number_mut(&mut action).expect("an action with a letter");
            if !slot.trim().is_empty() {
                return Err(StoreError::LetterNumberAssigned);
            }
            // The body that exists on the day of issue signs and numbers the letter, whatever
            // rules the case is judged by.
            let today = jakarta_date(now);
            let prefix = &rules.in_force_on(today)?.letters.number_prefix;
            let (serial, number) = letters::next_number(&mut *tx, kind, prefix, today).await?;
            slot.clone_from(&number);
            Some((kind, today.year(), serial, number))
        }
        None => None,
    };
    let action = &action;
    let next = decide(
        &current.file,
        actor.role,
        action,
        jakarta_date(now),
        rule_set,
        rules.calendar(),
    )?;
    let deadline = next.deadline(rule_set, rules.calendar());
    let changed = sql(
        "UPDATE cases SET state = $1, stage_started_on = $2, deadline = $3, deadline_provisional = $4, file = $5, \
         assignee = $6, revision = revision + 1, updated_at = $7 WHERE id = $8 AND revision = $9",
    )
    .bind(next.state.as_str())
    .bind(next.stage_started_on)
    .bind(deadline.map(|d| d.due))
    .bind(deadline.is_some_and(|d| d.provisional))
    .bind(Json(&next))
    .bind(next.assignee.as_ref().map(|a| a.user.clone()))
    .bind(now)
    .bind(current.id)
    .bind(current.revision)
    .execute(&mut *tx)
    .await?;
    if changed != 1 {
        return Err(StoreError::Conflict {
            number: number.to_owned(),
            expected: current.revision,
            actual: current.revision + 1,
        });
    }
    let payload = serde_json::to_value(action).expect("actions serialise to JSON");
    append_event(
        &mut *tx,
        current.id,
        current.revision + 1,
        now,
        &actor.name,
        actor.role.as_str(),
        action.kind().as_str(),
        Some(current.state),
        next.state,
        &payload,
    )
    .await?;
    // The event's payload may hold free text (a reason, a note) and stays in `case_events`,
    // append-only itself; the audit entry says who moved which case where, and points at it.
    let mut details = serde_json::Map::from_iter([
        ("event".to_owned(), (current.revision + 1).into()),
        ("kind".to_owned(), action.kind().as_str().into()),
        ("from".to_owned(), current.state.as_str().into()),
        ("to".to_owned(), next.state.as_str().into()),
    ]);
    details.extend(note.details.clone());
    audit::append(
        &mut *tx,
        &audit::Entry {
            actor: audit::Actor {
                name: &actor.name,
                role: actor.role.as_str(),
            },
            action: note.action,
            subject: Some(number),
            details: serde_json::Value::Object(details),
        },
        now,
    )
    .await?;
    let letter_id = match &letter {
        Some((kind, year, serial, number)) => Some(
            letters::record_issued(
                &mut *tx,
                &letters::Issued {
                    case: current,
                    event_seq: current.revision + 1,
                    kind: *kind,
                    year: *year,
                    serial: *serial,
                    number,
                },
                actor,
                now,
            )
            .await?,
        ),
        None => None,
    };
    crate::case_facts::refresh(&mut *tx, current.id).await?;
    crate::mail::on_stage_change(
        &mut *tx,
        current,
        next.state,
        current.revision + 1,
        letter_id,
        now,
    )
    .await?;
    Ok(CaseRecord {
        state: next.state,
        deadline,
        file: next,
        revision: current.revision + 1,
        updated_at: now,
        ..current.clone()
    })
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn append_event(
    tx: &mut Tx,
    case_id: i64,
    seq: i64,
    at: DateTime<Utc>,
    actor: &str,
    role: &str,
    kind: &str,
    from: Option<CaseState>,
    to: CaseState,
    payload: &serde_json::Value,
) -> Result<(), StoreError> {
    sql("INSERT INTO case_events (case_id, seq, at, actor, role, kind, from_state, to_state, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .bind(case_id)
        .bind(seq)
        .bind(at)
        .bind(actor)
        .bind(role)
        .bind(kind)
        .bind(from.map(CaseState::as_str))
        .bind(to.as_str())
        .bind(Json(payload))
        .execute(tx)
        .await?;
    Ok(())
}

fn rule_set_of<'r>(rules: &'r RuleBook, case: &CaseRecord) -> Result<&'r RuleSet, StoreError> {
    rules
        .version(&case.rules_version)
        .ok_or_else(|| StoreError::RulesVersionMissing {
            number: case.number.clone(),
            version: case.rules_version.clone(),
        })
}

/// A `WITH RECURSIVE` clause naming `gathered(id)`: the case whose id is bound at `$1` and every
/// case merged into it, directly or through another duplicate. Reports, messages and evidence
/// keep the case they were filed in; a merge gathers them through this.
macro_rules! with_gathered {
    () => {
        "WITH RECURSIVE gathered(id) AS (SELECT CAST($1 AS BIGINT) UNION ALL \
         SELECT c.id FROM cases c JOIN gathered g ON c.merged_into = g.id)"
    };
}
pub(crate) use with_gathered;

/// A `SELECT` of every case column, followed by the given clauses.
macro_rules! select_cases {
    ($clauses:literal) => {
        concat!(
            "SELECT id, number, state, rules_version, incident_date, subject_id, agency_id, merged_into, deadline, deadline_provisional, ",
            "file, revision, opened_at, updated_at FROM cases ",
            $clauses
        )
    };
}

pub(crate) async fn case_by_number<'a>(
    on: impl Into<On<'a>>,
    number: &str,
) -> Result<Option<CaseRecord>, StoreError> {
    sql(select_cases!("WHERE number = $1"))
        .bind(number)
        .fetch_optional(on)
        .await?
        .map(|row| case_from_row(&row))
        .transpose()
}

fn case_from_row(row: &Row) -> Result<CaseRecord, StoreError> {
    let due: Option<NaiveDate> = row.get("deadline")?;
    let provisional: bool = row.get("deadline_provisional")?;
    let Json(file): Json<CaseFile> = row.get("file")?;
    Ok(CaseRecord {
        id: row.get("id")?,
        number: row.get("number")?,
        state: row.parse("state")?,
        rules_version: row.get("rules_version")?,
        incident_date: row.get("incident_date")?,
        subject_id: row.get("subject_id")?,
        agency_id: row.get("agency_id")?,
        merged_into: row.get("merged_into")?,
        deadline: due.map(|due| Deadline { due, provisional }),
        file,
        revision: row.get("revision")?,
        opened_at: row.get("opened_at")?,
        updated_at: row.get("updated_at")?,
    })
}

pub async fn get_case(db: &Db, number: &str) -> Result<Option<CaseRecord>, StoreError> {
    case_by_number(db, number).await
}

/// The case with database id `id`; rows that refer to a case by id always find it (cases are
/// never deleted).
pub(crate) async fn get_case_by_id(db: &Db, id: i64) -> Result<CaseRecord, StoreError> {
    let row = sql(select_cases!("WHERE id = $1"))
        .bind(id)
        .fetch_one(db)
        .await?;
    case_from_row(&row)
}

/// The case's events, oldest first.
pub async fn events(db: &Db, case_id: i64) -> Result<Vec<EventRecord>, StoreError> {
    let rows = sql("SELECT seq, at, actor, role, kind, from_state, to_state, payload FROM case_events WHERE case_id = $1 ORDER BY seq")
        .bind(case_id)
        .fetch_all(db)
        .await?;
    rows.iter()
        .map(|row| {
            let from: Option<String> = row.get("from_state")?;
            let Json(payload): Json<serde_json::Value> = row.get("payload")?;
            Ok(EventRecord {
                seq: row.get("seq")?,
                at: row.get("at")?,
                actor: row.get("actor")?,
                role: row.get("role")?,
                kind: row.get("kind")?,
                from_state: from.map(|s| s.parse()).transpose().map_err(
                    |e: netral_domain::case::UnknownState| StoreError::Corrupt {
                        column: "from_state",
                        message: e.to_string(),
                    },
                )?,
                to_state: row.parse("to_state")?,
                payload,
            })
        })
        .collect()
}

/// Rebuilds a case file from its event log alone, by running every recorded action through the
/// state machine again. An audit compares it with the stored row: they must agree.
pub async fn replay(db: &Db, rules: &RuleBook, number: &str) -> Result<CaseFile, StoreError> {
    let case = get_case(db, number)
        .await?
        .ok_or_else(|| StoreError::CaseNotFound(number.to_owned()))?;
    let rule_set = rule_set_of(rules, &case)?;
    let mut history = events(db, case.id).await?.into_iter();
    let opened = history.next().ok_or_else(|| StoreError::Corrupt {
        column: "case_events",
        message: format!("case {number} has no opening event"),
    })?;
    let mut file = CaseFile::new(&case.rules_version, jakarta_date(opened.at));
    for event in history {
        let action: Action =
            serde_json::from_value(event.payload).map_err(|e| StoreError::Corrupt {
                column: "payload",
                message: e.to_string(),
            })?;
        let role = event
            .role
            .parse()
            .map_err(|e: netral_domain::case::UnknownRole| StoreError::Corrupt {
                column: "role",
                message: e.to_string(),
            })?;
        file = decide(
            &file,
            role,
            &action,
            jakarta_date(event.at),
            rule_set,
            rules.calendar(),
        )?;
    }
    Ok(file)
}

/// How many cases stand in each state (states without cases are left out).
pub async fn count_by_state(db: &Db) -> Result<Vec<(CaseState, i64)>, StoreError> {
    let rows = sql("SELECT state, COUNT(*) AS n FROM cases GROUP BY state ORDER BY state")
        .fetch_all(db)
        .await?;
    let mut counts = rows
        .iter()
        .map(|row| Ok((row.parse("state")?, row.get("n")?)))
        .collect::<Result<Vec<(CaseState, i64)>, StoreError>>()?;
    counts.sort_by_key(|(state, _)| *state);
    Ok(counts)
}

/// Open cases whose deadline falls on or before `day`, most urgent first: the "overdue" and
/// "due soon" queues, and the reminder job.
pub async fn due_by(db: &Db, day: NaiveDate, limit: i64) -> Result<Vec<CaseRecord>, StoreError> {
    let rows = sql(select_cases!(
        "WHERE deadline IS NOT NULL AND deadline <= $1 ORDER BY deadline, id LIMIT $2"
    ))
    .bind(day)
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(case_from_row).collect()
}
