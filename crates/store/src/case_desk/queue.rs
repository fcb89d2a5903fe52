//! The work queues.

use chrono::{DateTime, Days, NaiveDate, Utc};
use netral_domain::access::Scope;
use netral_domain::case::{CaseFile, CaseState};
use serde::Serialize;
use sqlx::types::Json;

// Cases are scoped exactly as the roster is: by the agency and its region.
use crate::db::{Db, Row, sql};
use crate::error::StoreError;
use crate::registry::lookup::{escape_like, scope_params};

/// Days ahead that count as "due soon".
pub const DUE_SOON_DAYS: u64 = 3;

/// A work queue. Each case may stand in several (overdue and waiting on the PPK, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Queue {
    /// Assigned to the reader ("Perkara saya").
    Mine,
    /// Received and not yet taken up for verification.
    New,
    /// The stage's deadline falls within [`DUE_SOON_DAYS`] days.
    DueSoon,
    /// The stage's deadline has passed.
    Overdue,
    /// Recommended to the PPK, or refused by it: waiting on the employing authority.
    AwaitingPpk,
    /// Warned, or the employee's data blocked.
    Escalated,
    /// Every case not yet at an end.
    Open,
    All,
}

impl Queue {
    pub const ALL: [Queue; 8] = [
        Queue::Mine,
        Queue::New,
        Queue::DueSoon,
        Queue::Overdue,
        Queue::AwaitingPpk,
        Queue::Escalated,
        Queue::Open,
        Queue::All,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Queue::Mine => "mine",
            Queue::New => "new",
            Queue::DueSoon => "due_soon",
            Queue::Overdue => "overdue",
            Queue::AwaitingPpk => "awaiting_ppk",
            Queue::Escalated => "escalated",
            Queue::Open => "open",
            Queue::All => "all",
        }
    }

    pub fn parse(text: &str) -> Option<Queue> {
        Queue::ALL.into_iter().find(|q| q.as_str() == text)
    }
}

/// Whose cases a queue shows, by assignee.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum AssigneeFilter {
    #[default]
    Anyone,
    /// Cases no one works on yet.
    Nobody,
    /// Cases assigned to this user name.
    User(String),
}

/// What a queue page asks for.
#[derive(Debug, Clone)]
pub struct CaseQuery {
    pub queue: Queue,
    /// The reader's user name: whose cases [`Queue::Mine`] holds.
    pub viewer: String,
    pub assignee: AssigneeFilter,
    /// A case or report number, a NIP, or part of a name (without titles).
    pub text: String,
    pub state: Option<CaseState>,
    pub agency_id: Option<i64>,
    /// An election code (`pemilu-2024`).
    pub election: Option<String>,
    /// Today in WIB, from which deadlines are judged.
    pub today: NaiveDate,
    pub limit: i64,
}

/// One line of a queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseLine {
    pub number: String,
    pub state: CaseState,
    pub deadline: Option<NaiveDate>,
    pub overdue: bool,
    pub opened_at: DateTime<Utc>,
    pub subject_name: Option<String>,
    pub subject_nip: Option<String>,
    pub agency: Option<String>,
    pub election: Option<String>,
    pub violations: Vec<String>,
    /// Who works on the case now (a user name).
    pub assignee: Option<String>,
}

/// How many cases a queue holds within the scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QueueCount {
    pub queue: Queue,
    pub count: i64,
}

/// The states from which nothing more happens (a sanctioned case still waits for closing or
/// an appeal, so it is open), as an SQL list.
macro_rules! ended_states {
    () => {
        "('closed', 'rejected', 'not_proven', 'cancelled', 'separated', 'merged')"
    };
}
pub(crate) use ended_states;

/// The columns of a [`CaseLine`], as every list of cases selects them (`c` the case).
macro_rules! case_line_columns {
    () => {
        "c.number, c.state, c.deadline, c.opened_at, c.file, c.assignee, p.name AS subject_name, \
         p.nip AS subject_nip, a.name AS agency, \
         (SELECT r.election_code FROM reports r WHERE r.case_id = c.id ORDER BY r.id LIMIT 1) AS election, \
         (SELECT r.subject_nip FROM reports r WHERE r.case_id = c.id ORDER BY r.id LIMIT 1) AS reported_nip "
    };
}
pub(super) use case_line_columns;

/// `$1` queue, `$2` today, `$3` due-soon limit; scope `$4`–`$6`.
macro_rules! queue_and_scope {
    () => {
        concat!(
            "(($1 = 'mine' AND c.assignee = $14) \
             OR ($1 = 'new' AND c.state = 'received') \
             OR ($1 = 'due_soon' AND c.deadline >= $2 AND c.deadline <= $3) \
             OR ($1 = 'overdue' AND c.deadline < $2) \
             OR ($1 = 'awaiting_ppk' AND c.state IN ('awaiting_follow_up', 'follow_up_refused')) \
             OR ($1 = 'escalated' AND c.state IN ('warned', 'data_blocked')) \
             OR ($1 = 'open' AND c.state NOT IN ",
            ended_states!(),
            ") OR $1 = 'all') \
             AND ($4 = 'national' OR ($4 = 'province' AND a.region_code LIKE $5) \
                  OR ($4 = 'agency' AND c.agency_id = $6))"
        )
    };
}

pub async fn list_cases(
    db: &Db,
    query: &CaseQuery,
    scope: &Scope,
) -> Result<Vec<CaseLine>, StoreError> {
    let (kind, province, agency) = scope_params(scope);
    let text = query.text.trim().to_owned();
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let number = (!text.is_empty()).then(|| text.to_uppercase());
    let nip = (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits);
    let name = (!text.is_empty() && nip.is_none()).then(|| {
        let words: Vec<String> = text
            .split_whitespace()
            .map(|w| escape_like(&w.to_lowercase()))
            .collect();
        format!("%{}%", words.join("%"))
    });
    let (assignee_kind, assignee) = match &query.assignee {
        AssigneeFilter::Anyone => ("anyone", None),
        AssigneeFilter::Nobody => ("nobody", None),
        AssigneeFilter::User(user) => ("user", Some(user.clone())),
    };
    let rows = sql(concat!(
        "SELECT ",
        case_line_columns!(),
        "FROM cases c LEFT JOIN civil_servants p ON p.id = c.subject_id \
         LEFT JOIN agencies a ON a.id = c.agency_id WHERE ",
        queue_and_scope!(),
        " AND ($7 IS NULL OR c.state = $7) AND ($8 IS NULL OR c.agency_id = $8) \
         AND ($9 IS NULL OR EXISTS (SELECT 1 FROM reports r WHERE r.case_id = c.id AND r.election_code = $9)) \
         AND (($10 IS NULL AND $11 IS NULL AND $12 IS NULL) \
              OR c.number = $10 \
              OR EXISTS (SELECT 1 FROM reports r WHERE r.case_id = c.id AND (r.number = $10 OR r.subject_nip = $11 OR r.subject_nik = $11)) \
              OR p.nip = $11 \
              OR lower(p.given_name) LIKE $12 ESCAPE '\\') \
         AND ($15 = 'anyone' OR ($15 = 'nobody' AND c.assignee IS NULL) \
              OR ($15 = 'user' AND c.assignee = $16)) \
         ORDER BY c.deadline IS NULL, c.deadline, c.opened_at, c.id LIMIT $13"
    ))
    .bind(query.queue.as_str())
    .bind(query.today)
    .bind(query.today + Days::new(DUE_SOON_DAYS))
    .bind(kind)
    .bind(province)
    .bind(agency)
    .bind(query.state.map(|s| s.as_str().to_owned()))
    .bind(query.agency_id)
    .bind(query.election.clone())
    .bind(number)
    .bind(nip)
    .bind(name)
    .bind(query.limit)
    .bind(query.viewer.clone())
    .bind(assignee_kind)
    .bind(assignee)
    .fetch_all(db)
    .await?;
    rows.iter().map(|row| case_line(row, query.today)).collect()
}

pub(super) fn case_line(row: &Row, today: NaiveDate) -> Result<CaseLine, StoreError> {
    let deadline: Option<NaiveDate> = row.get("deadline")?;
    let Json(file): Json<CaseFile> = row.get("file")?;
    let subject_nip: Option<String> = row.get("subject_nip")?;
    Ok(CaseLine {
        number: row.get("number")?,
        state: row.parse("state")?,
        overdue: deadline.is_some_and(|d| d < today),
        deadline,
        opened_at: row.get("opened_at")?,
        subject_name: row.get("subject_name")?,
        subject_nip: subject_nip.or(row.get("reported_nip")?),
        agency: row.get("agency")?,
        election: row.get("election")?,
        violations: file.violations,
        assignee: row.get("assignee")?,
    })
}

/// Every queue's count within the scope, in [`Queue::ALL`] order; [`Queue::Mine`] counts the
/// cases assigned to `viewer`.
pub async fn queue_counts(
    db: &Db,
    scope: &Scope,
    today: NaiveDate,
    viewer: &str,
) -> Result<Vec<QueueCount>, StoreError> {
    let (kind, province, agency) = scope_params(scope);
    let row = sql(concat!(
        "SELECT \
         SUM(CASE WHEN c.assignee = $6 THEN 1 ELSE 0 END) AS mine, \
         SUM(CASE WHEN c.state = 'received' THEN 1 ELSE 0 END) AS new, \
         SUM(CASE WHEN c.deadline >= $1 AND c.deadline <= $2 THEN 1 ELSE 0 END) AS due_soon, \
         SUM(CASE WHEN c.deadline < $1 THEN 1 ELSE 0 END) AS overdue, \
         SUM(CASE WHEN c.state IN ('awaiting_follow_up', 'follow_up_refused') THEN 1 ELSE 0 END) AS awaiting_ppk, \
         SUM(CASE WHEN c.state IN ('warned', 'data_blocked') THEN 1 ELSE 0 END) AS escalated, \
         SUM(CASE WHEN c.state NOT IN ",
        ended_states!(),
        " THEN 1 ELSE 0 END) AS open, \
         COUNT(*) AS total \
         FROM cases c LEFT JOIN agencies a ON a.id = c.agency_id \
         WHERE ($3 = 'national' OR ($3 = 'province' AND a.region_code LIKE $4) \
                OR ($3 = 'agency' AND c.agency_id = $5))"
    ))
    .bind(today)
    .bind(today + Days::new(DUE_SOON_DAYS))
    .bind(kind)
    .bind(province)
    .bind(agency)
    .bind(viewer.to_owned())
    .fetch_one(db)
    .await?;
    let count = |column: &'static str| -> Result<i64, StoreError> {
        Ok(row.get::<Option<i64>>(column)?.unwrap_or(0))
    };
    Ok(vec![
        QueueCount {
            queue: Queue::Mine,
            count: count("mine")?,
        },
        QueueCount {
            queue: Queue::New,
            count: count("new")?,
        },
        QueueCount {
            queue: Queue::DueSoon,
            count: count("due_soon")?,
        },
        QueueCount {
            queue: Queue::Overdue,
            count: count("overdue")?,
        },
        QueueCount {
            queue: Queue::AwaitingPpk,
            count: count("awaiting_ppk")?,
        },
        QueueCount {
            queue: Queue::Escalated,
            count: count("escalated")?,
        },
        QueueCount {
            queue: Queue::Open,
            count: count("open")?,
        },
        QueueCount {
            queue: Queue::All,
            count: count("total")?,
        },
    ])
}
