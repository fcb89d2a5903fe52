//! `GET /api/v1/cases`: the work queues of `/kantor/perkara` — the same queues, search and
//! filters, within the caller's scope — with each queue's count.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use chrono::{DateTime, NaiveDate, Utc};
use netral_domain::access::Capability;
use netral_domain::case::CaseState;
use netral_domain::deadline::jakarta_date;
use netral_store::case_desk::{self, AssigneeFilter, CaseLine, CaseQuery, Queue};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::auth::ApiStaff;
use super::error::{ApiError, ApiErrorBody};
use crate::app::Ctx;

/// The most cases one answer lists, as on the page.
const MAX_LIMIT: i64 = 100;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct CaseListParams {
    /// `new`, `mine` (assigned to you), `due_soon`, `overdue`, `awaiting_ppk`, `escalated`,
    /// `open` (the default) or `all`.
    queue: Option<String>,
    /// Who works on the case: `me`, `nobody`, or a user name; anyone when left out.
    assignee: Option<String>,
    /// A case or report number, a NIP, or part of a name (titles or not).
    q: Option<String>,
    /// Only cases at this stage (e.g. `verification`, `awaiting_follow_up`).
    state: Option<String>,
    /// Only cases of this election (e.g. `pilkada-2024`).
    election: Option<String>,
    /// Only this agency's cases: an id from `GET /api/v1/agencies`.
    #[param(value_type = Option<i64>)]
    agency_id: Option<String>,
    /// At most this many cases, 1 to 100 (the default).
    #[param(value_type = Option<i64>)]
    limit: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CaseList {
    /// The queue listed.
    #[schema(example = "open")]
    pub queue: String,
    pub cases: Vec<CaseListLine>,
    /// More cases match than were listed: narrow the search or raise `limit`.
    pub more: bool,
    /// How many cases each queue holds within your scope (whatever the search).
    pub counts: Vec<QueueCount>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CaseListLine {
    #[schema(example = "NTR-2024-000042")]
    pub number: String,
    #[schema(example = "verification")]
    pub state: String,
    /// The stage's deadline, if its clock runs.
    pub deadline: Option<NaiveDate>,
    pub overdue: bool,
    pub opened_at: DateTime<Utc>,
    pub subject_name: Option<String>,
    /// NIP (18 digits) of the civil servant the case is about, when known.
    pub subject_nip: Option<String>,
    pub agency: Option<String>,
    pub election: Option<String>,
    /// Violation codes: found proven, or else hinted by the report.
    pub violations: Vec<String>,
    /// The user name of who works on the case now.
    pub assignee: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct QueueCount {
    #[schema(example = "overdue")]
    pub queue: String,
    pub count: i64,
}

impl From<CaseLine> for CaseListLine {
    fn from(line: CaseLine) -> Self {
        CaseListLine {
            number: line.number,
            state: line.state.as_str().to_owned(),
            deadline: line.deadline,
            overdue: line.overdue,
            opened_at: line.opened_at,
            subject_name: line.subject_name,
            subject_nip: line.subject_nip,
            agency: line.agency,
            election: line.election,
            violations: line.violations,
            assignee: line.assignee,
        }
    }
}

/// List cases.
#[utoipa::path(
    get,
    path = "/api/v1/cases",
    params(CaseListParams),
    responses(
        (status = 200, description = "The cases of the queue within your scope, and every queue's count", body = CaseList),
        (status = 400, description = "A parameter cannot be read; `field` names it", body = ApiErrorBody),
        (status = 401, description = "No token, or one that opens nothing", body = ApiErrorBody),
        (status = 403, description = "Your role does not handle cases", body = ApiErrorBody),
    ),
    security(("bearer_token" = [])),
    tag = "cases"
)]
pub(crate) async fn list(
    ApiStaff(staff): ApiStaff,
    State(ctx): State<Ctx>,
    params: Result<Query<CaseListParams>, QueryRejection>,
) -> Result<Json<CaseList>, ApiError> {
    staff.require(Capability::ViewCases)?;
    let Query(params) = params.map_err(|e| ApiError::unreadable(None, e.body_text()))?;
    let text = |value: &Option<String>| value.as_deref().map(str::trim).unwrap_or("").to_owned();
    let queue = match text(&params.queue).as_str() {
        "" => Queue::Open,
        name => Queue::parse(name).ok_or_else(|| {
            ApiError::unreadable(
                Some("queue"),
                format!(
                    "unknown queue `{name}`; queues are {}",
                    Queue::ALL.map(Queue::as_str).join(", ")
                ),
            )
        })?,
    };
    let state = match text(&params.state).as_str() {
        "" => None,
        name => Some(
            name.parse::<CaseState>()
                .map_err(|e| ApiError::unreadable(Some("state"), e.to_string()))?,
        ),
    };
    let agency_id = match text(&params.agency_id).as_str() {
        "" => None,
        id => Some(id.parse::<i64>().map_err(|_| {
            ApiError::unreadable(Some("agency_id"), "must be an agency's id (a whole number)")
        })?),
    };
    let limit = match text(&params.limit).as_str() {
        "" => MAX_LIMIT,
        n => n
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or_else(|| {
                ApiError::unreadable(Some("limit"), format!("must be 1 to {MAX_LIMIT}"))
            })?,
    };
    let assignee = match text(&params.assignee).as_str() {
        "" => AssigneeFilter::Anyone,
        "me" => AssigneeFilter::User(staff.user.username.clone()),
        "nobody" => AssigneeFilter::Nobody,
        name => AssigneeFilter::User(name.to_lowercase()),
    };
    let today = jakarta_date(Utc::now());
    let query = CaseQuery {
        queue,
        viewer: staff.user.username.clone(),
        assignee,
        text: text(&params.q),
        state,
        agency_id,
        election: Some(text(&params.election)).filter(|e| !e.is_empty()),
        today,
        limit: limit + 1,
    };
    let scope = &staff.user.scope;
    let mut cases = case_desk::list_cases(&ctx.app.db, &query, scope).await?;
    let shown = usize::try_from(limit).unwrap_or(usize::MAX);
    let more = cases.len() > shown;
    cases.truncate(shown);
    let counts = case_desk::queue_counts(&ctx.app.db, scope, today, &staff.user.username)
        .await?
        .into_iter()
        .map(|c| QueueCount {
            queue: c.queue.as_str().to_owned(),
            count: c.count,
        })
        .collect();
    Ok(Json(CaseList {
        queue: queue.as_str().to_owned(),
        cases: cases.into_iter().map(CaseListLine::from).collect(),
        more,
        counts,
    }))
}
