//! Socialization meetings (*sosialisasi*, *rakor*) an agency holds on neutrality: when, where,
//! for whom, with which materials, who attended (matched to the roster), and the evaluation
//! survey its participants answer through the event's link.

use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use netral_domain::access::Scope;
use netral_domain::roster::EmployeeNumber;

use crate::accounts::StaffUser;
use crate::audit;
use crate::db::{Db, Row, sql};
use crate::error::StoreError;
use crate::registry::lookup::scope_params;
use crate::vault::random_token;

pub const MAX_TEXT_CHARS: usize = 500;
pub const MAX_MATERIALS_CHARS: usize = 5_000;
/// Lines an attendance list may have: a big hall, not a province's roster.
pub const MAX_ATTENDEES: usize = 5_000;

#[derive(Debug, Clone)]
pub struct NewEvent {
    pub agency_id: i64,
    pub title: String,
    pub held_on: NaiveDate,
    pub place: String,
    pub audience: String,
    pub materials: String,
    pub survey_code: String,
}

/// An event as listed and shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: i64,
    pub agency_id: i64,
    pub agency_code: String,
    pub agency_name: String,
    pub region_code: Option<String>,
    pub title: String,
    pub held_on: NaiveDate,
    pub place: String,
    pub audience: String,
    pub materials: String,
    pub survey_code: String,
    /// The secret of the survey link; shown only to staff who may see the event.
    pub survey_token: String,
    pub attendees: i64,
    pub responses: i64,
}

/// What a form field is missing or gets wrong, by field name.
#[derive(Debug, thiserror::Error)]
pub enum EventError {
    #[error("field `{0}` is required")]
    Missing(&'static str),
    #[error("field `{0}` is too long")]
    TooLong(&'static str),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Records a new event for an agency the caller checked `user` may act for.
pub async fn create_event(
    db: &Db,
    user: &StaffUser,
    new: &NewEvent,
    now: DateTime<Utc>,
) -> Result<i64, EventError> {
    for (field, value, max) in [
        ("title", &new.title, MAX_TEXT_CHARS),
        ("place", &new.place, MAX_TEXT_CHARS),
        ("audience", &new.audience, MAX_TEXT_CHARS),
        ("materials", &new.materials, MAX_MATERIALS_CHARS),
    ] {
        if value.trim().is_empty() && field != "materials" {
            return Err(EventError::Missing(field));
        }
        if value.chars().count() > max {
            return Err(EventError::TooLong(field));
        }
    }
    let now = now.trunc_subsecs(6);
    let mut tx = db.begin().await?;
    let id: i64 = sql(
        "INSERT INTO socialization_events (agency_id, title, held_on, place, audience, materials, \
         survey_code, survey_token, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(new.agency_id)
    .bind(new.title.trim().to_owned())
    .bind(new.held_on)
    .bind(new.place.trim().to_owned())
    .bind(new.audience.trim().to_owned())
    .bind(new.materials.trim().to_owned())
    .bind(new.survey_code.clone())
    .bind(random_token(18))
    .bind(user.id)
    .bind(now)
    .fetch_one(&mut tx)
    .await?
    .get("id")?;
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: user.audit_actor(),
            action: "socialization.create",
            subject: Some(&id.to_string()),
            details: serde_json::json!({ "event": id, "agency": new.agency_id }),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

macro_rules! events_where {
    ($tail:literal) => {
        concat!(
            "SELECT e.id, e.agency_id, a.code AS agency_code, a.name AS agency_name, a.region_code, \
             e.title, e.held_on, e.place, e.audience, e.materials, e.survey_code, e.survey_token, \
             (SELECT COUNT(*) FROM socialization_attendance t WHERE t.event_id = e.id) AS attendees, \
             (SELECT COUNT(*) FROM survey_responses r WHERE r.event_id = e.id) AS responses \
             FROM socialization_events e JOIN agencies a ON a.id = e.agency_id ",
            $tail
        )
    };
}

fn event(row: &Row) -> Result<Event, StoreError> {
    Ok(Event {
        id: row.get("id")?,
        agency_id: row.get("agency_id")?,
        agency_code: row.get("agency_code")?,
        agency_name: row.get("agency_name")?,
        region_code: row.get("region_code")?,
        title: row.get("title")?,
        held_on: row.get("held_on")?,
        place: row.get("place")?,
        audience: row.get("audience")?,
        materials: row.get("materials")?,
        survey_code: row.get("survey_code")?,
        survey_token: row.get("survey_token")?,
        attendees: row.get("attendees")?,
        responses: row.get("responses")?,
    })
}

/// The events of the agencies `scope` covers, latest first; at most `limit`.
pub async fn events_in_scope(db: &Db, scope: &Scope, limit: i64) -> Result<Vec<Event>, StoreError> {
    let (kind, province, agency) = scope_params(scope);
    sql(events_where!(
        "WHERE ($1 = 'national' OR ($1 = 'province' AND a.region_code LIKE $2) \
                OR ($1 = 'agency' AND a.id = $3)) \
         ORDER BY e.held_on DESC, e.id DESC LIMIT $4"
    ))
    .bind(kind)
    .bind(province)
    .bind(agency)
    .bind(limit)
    .fetch_all(db)
    .await?
    .iter()
    .map(event)
    .collect()
}

pub async fn event_by_id(db: &Db, id: i64) -> Result<Option<Event>, StoreError> {
    sql(events_where!("WHERE e.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await?
        .as_ref()
        .map(event)
        .transpose()
}

pub async fn event_by_token(db: &Db, token: &str) -> Result<Option<Event>, StoreError> {
    sql(events_where!("WHERE e.survey_token = $1"))
        .bind(token.to_owned())
        .fetch_optional(db)
        .await?
        .as_ref()
        .map(event)
        .transpose()
}

/// One line of an attendance list as given: a NIP and the name written beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedAttendee {
    pub nip: String,
    pub name: String,
}

/// A line that could not be taken, by its line number (1-based) in what was pasted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceProblem {
    pub line: usize,
    pub text: String,
    pub message: String,
}

/// Reads an attendance list, a participant a line: the NIP, then (after a comma, semicolon or
/// tab) the name. Blank lines are skipped; a wrong NIP is reported by its line, the rest kept.
pub fn read_attendance(text: &str) -> (Vec<ListedAttendee>, Vec<AttendanceProblem>) {
    let mut listed = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (number, name) = match line.find([',', ';', '\t']) {
            Some(at) => (&line[..at], line[at + 1..].trim()),
            None => (line, ""),
        };
        let number: String = number.chars().filter(|c| !c.is_whitespace()).collect();
        match EmployeeNumber::parse(&number, None) {
            Ok(nip) => listed.push(ListedAttendee {
                nip: nip.as_str().to_owned(),
                name: name.to_owned(),
            }),
            Err(e) => problems.push(AttendanceProblem {
                line: i + 1,
                text: line.to_owned(),
                message: e.to_string(),
            }),
        }
    }
    (listed, problems)
}

/// How an attendance upload went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttendanceOutcome {
    /// Lines newly on the list (a NIP listed twice counts once).
    pub added: usize,
    /// Of them, how many are on the roster.
    pub on_roster: usize,
}

/// Adds `listed` to the event's attendance, matching each NIP to the roster; NIPs already on
/// the list are kept as they were.
pub async fn add_attendance(
    db: &Db,
    user: &StaffUser,
    event_id: i64,
    listed: &[ListedAttendee],
    now: DateTime<Utc>,
) -> Result<AttendanceOutcome, StoreError> {
    let mut outcome = AttendanceOutcome::default();
    let mut tx = db.begin().await?;
    for person in listed {
        let roster_id: Option<i64> = sql("SELECT id FROM civil_servants WHERE nip = $1")
            .bind(person.nip.clone())
            .fetch_optional(&mut tx)
            .await?
            .map(|row| row.get("id"))
            .transpose()?;
        let inserted = sql(
            "INSERT INTO socialization_attendance (event_id, nip, listed_name, civil_servant_id) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (event_id, nip) DO NOTHING",
        )
        .bind(event_id)
        .bind(person.nip.clone())
        .bind(person.name.clone())
        .bind(roster_id)
        .execute(&mut tx)
        .await?;
        if inserted > 0 {
            outcome.added += 1;
            outcome.on_roster += usize::from(roster_id.is_some());
        }
    }
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: user.audit_actor(),
            action: "socialization.attendance",
            subject: Some(&event_id.to_string()),
            details: serde_json::json!({ "event": event_id, "added": outcome.added }),
        },
        now.trunc_subsecs(6),
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}

/// A participant as the attendance page lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub nip: String,
    pub listed_name: String,
    /// The roster's name and agency; `None` for a NIP not on the roster.
    pub roster_name: Option<String>,
    pub roster_agency: Option<String>,
}

pub async fn attendance(db: &Db, event_id: i64) -> Result<Vec<Attendee>, StoreError> {
    sql(
        "SELECT t.nip, t.listed_name, p.name AS roster_name, a.name AS roster_agency \
         FROM socialization_attendance t LEFT JOIN civil_servants p ON p.id = t.civil_servant_id \
         LEFT JOIN agencies a ON a.id = p.agency_id WHERE t.event_id = $1 ORDER BY t.nip",
    )
    .bind(event_id)
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| {
        Ok(Attendee {
            nip: row.get("nip")?,
            listed_name: row.get("listed_name")?,
            roster_name: row.get("roster_name")?,
            roster_agency: row.get("roster_agency")?,
        })
    })
    .collect()
}

/// Whether `nip` is on the event's list.
pub async fn attended(db: &Db, event_id: i64, nip: &str) -> Result<bool, StoreError> {
    Ok(
        sql("SELECT 1 AS yes FROM socialization_attendance WHERE event_id = $1 AND nip = $2")
            .bind(event_id)
            .bind(nip.to_owned())
            .fetch_optional(db)
            .await?
            .is_some(),
    )
}
