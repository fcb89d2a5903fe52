//! `GET /api/v1/cases/{number}`: one case as its page shows it — the reports, the evidence
//! with its SHA-256, the thread with internal notes, every event of the timeline, and the
//! actions the caller's role may take now. Never the reporter's identity: that is the
//! custodian's, one look at a time (`POST …/reporter-identity`).

use axum::Json;
use axum::extract::{Path, State};
use chrono::{DateTime, NaiveDate, Utc};
use netral_domain::deadline::jakarta_date;
use netral_store::case_desk::CaseDetail;
use serde::Serialize;
use utoipa::ToSchema;

use super::auth::ApiStaff;
use super::error::{ApiError, ApiErrorBody};
use crate::app::Ctx;
use crate::routes::office::case_forms::available;
use crate::routes::office::case_page::open_case;

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CaseView {
    #[schema(example = "NTR-2024-000042")]
    pub number: String,
    #[schema(example = "verification")]
    pub state: String,
    /// Goes up by one with every decision: send it back with yours
    /// (`POST /api/v1/cases/{number}/actions`), so that a decision taken on a case someone
    /// else has just moved is refused rather than applied twice.
    pub revision: i64,
    /// The rules version in force on the incident date, kept for the case's life.
    pub rules_version: String,
    pub incident_date: NaiveDate,
    pub opened_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The current stage's deadline, when its clock runs.
    pub deadline: Option<DeadlineView>,
    pub overdue: bool,
    /// The stage's clock is paused (waiting on the reporter).
    pub paused: bool,
    /// Who works on the case now (a user name): send it back as `seen_assignee` when you
    /// assign the case (`POST /api/v1/cases/{number}/assignment`).
    pub assignee: Option<String>,
    pub agency: Option<AgencyRef>,
    /// The civil servant the case is about, when linked to the roster.
    pub subject: Option<SubjectView>,
    /// Violation codes found proven by the review.
    pub proven_violations: Vec<String>,
    /// The sanction recommended to, then imposed by, the PPK (the employing authority).
    pub sanction: Option<String>,
    /// The actions your role may take at this stage, in the domain's order.
    pub actions: Vec<String>,
    pub reports: Vec<ReportView>,
    pub evidence: Vec<EvidenceView>,
    /// Messages with the reporter and internal notes, oldest first.
    pub messages: Vec<MessageView>,
    /// Every event of the case, oldest first.
    pub timeline: Vec<EventView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DeadlineView {
    pub due: NaiveDate,
    /// Counted on a holiday calendar not yet confirmed for that year.
    pub provisional: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AgencyRef {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SubjectView {
    pub nip: String,
    pub name: String,
    pub position: String,
    pub unit: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ReportView {
    #[schema(example = "LAP-2024-000123")]
    pub number: String,
    /// `public`, `bawaslu`, `inspectorate`, `superior` or `lead`.
    pub channel: String,
    pub received_at: DateTime<Utc>,
    pub incident_date: NaiveDate,
    pub subject_nip: Option<String>,
    pub subject_nik: Option<String>,
    pub subject_description: Option<String>,
    pub summary: String,
    pub violation_hints: Vec<String>,
    pub place: String,
    pub links: Vec<String>,
    pub election_code: Option<String>,
    pub campaign_phase: Option<String>,
    /// `anonymous`, `confidential` or `identified`. The identity stays sealed.
    pub reporter_mode: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct EvidenceView {
    /// The name the file had on the sender's device.
    pub name: String,
    pub size: i64,
    /// Found from the content, not the name.
    pub media_type: String,
    /// SHA-256 of the file, lower-case hex: evidence is stored by it and never changed.
    pub sha256: String,
    pub added_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct MessageView {
    pub at: DateTime<Utc>,
    /// `reporter` or `handler`.
    pub author_kind: String,
    /// The handler's user name, or `reporter`.
    pub author: String,
    pub body: String,
    /// An internal note: never shown to the reporter.
    pub internal: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct EventView {
    pub seq: i64,
    pub at: DateTime<Utc>,
    /// A user name, or the channel for the opening event.
    pub actor: String,
    pub role: String,
    /// `opened`, or the action taken.
    pub kind: String,
    pub from_state: Option<String>,
    pub to_state: String,
    /// The action as recorded: the same JSON a decision is posted with, less `revision`.
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
}

impl CaseView {
    pub(crate) fn of(detail: &CaseDetail, role: netral_domain::case::Role) -> CaseView {
        let case = &detail.case;
        let today = jakarta_date(Utc::now());
        CaseView {
            number: case.number.clone(),
            state: case.state.as_str().to_owned(),
            revision: case.revision,
            rules_version: case.rules_version.clone(),
            incident_date: case.incident_date,
            opened_at: case.opened_at,
            updated_at: case.updated_at,
            deadline: case.deadline.map(|d| DeadlineView {
                due: d.due,
                provisional: d.provisional,
            }),
            overdue: case.deadline.is_some_and(|d| d.due < today),
            paused: case.file.is_paused(),
            assignee: case.file.assignee.as_ref().map(|a| a.user.clone()),
            agency: case
                .agency_id
                .zip(detail.agency.clone())
                .map(|(id, name)| AgencyRef { id, name }),
            subject: detail.subject.as_ref().map(|s| SubjectView {
                nip: s.nip.clone(),
                name: s.name.clone(),
                position: s.position.clone(),
                unit: s.unit.clone(),
            }),
            proven_violations: case.file.violations.clone(),
            sanction: case.file.sanction.clone(),
            actions: available(role, case.state)
                .into_iter()
                .map(|k| k.as_str().to_owned())
                .collect(),
            reports: detail
                .reports
                .iter()
                .map(|r| ReportView {
                    number: r.number.clone(),
                    channel: r.channel.clone(),
                    received_at: r.received_at,
                    incident_date: r.incident_date,
                    subject_nip: r.subject_nip.clone(),
                    subject_nik: r.subject_nik.clone(),
                    subject_description: r.subject_description.clone(),
                    summary: r.summary.clone(),
                    violation_hints: r.violation_hints.clone(),
                    place: r.place.clone(),
                    links: r.links.clone(),
                    election_code: r.election_code.clone(),
                    campaign_phase: r.campaign_phase.clone(),
                    reporter_mode: r.reporter_mode.clone(),
                })
                .collect(),
            evidence: detail
                .evidence
                .iter()
                .map(|e| EvidenceView {
                    name: e.original_name.clone(),
                    size: e.size,
                    media_type: e.media_type.clone(),
                    sha256: e.sha256.clone(),
                    added_at: e.added_at,
                })
                .collect(),
            messages: detail
                .messages
                .iter()
                .map(|m| MessageView {
                    at: m.at,
                    author_kind: m.author_kind.clone(),
                    author: m.author.clone(),
                    body: m.body.clone(),
                    internal: m.internal,
                })
                .collect(),
            timeline: detail
                .events
                .iter()
                .map(|e| EventView {
                    seq: e.seq,
                    at: e.at,
                    actor: e.actor.clone(),
                    role: e.role.clone(),
                    kind: e.kind.clone(),
                    from_state: e.from_state.map(|s| s.as_str().to_owned()),
                    to_state: e.to_state.as_str().to_owned(),
                    payload: e.payload.clone(),
                })
                .collect(),
        }
    }
}

/// One case.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{number}",
    params(("number" = String, Path, description = "The case number, e.g. NTR-2024-000042")),
    responses(
        (status = 200, description = "The case", body = CaseView),
        (status = 401, description = "No token, or one that opens nothing", body = ApiErrorBody),
        (status = 403, description = "Your role does not handle cases", body = ApiErrorBody),
        (status = 404, description = "No such case within your scope", body = ApiErrorBody),
    ),
    security(("bearer_token" = [])),
    tag = "cases"
)]
pub(crate) async fn show(
    ApiStaff(staff): ApiStaff,
    State(ctx): State<Ctx>,
    Path(number): Path<String>,
) -> Result<Json<CaseView>, ApiError> {
    let detail = open_case(&ctx, &staff, &number).await?;
    Ok(Json(CaseView::of(&detail, staff.user.role)))
}
