//! Desk work over the API, as on the case page's desk (`routes/office/case_work.rs`):
//! `POST /api/v1/cases/{number}/assignment` (take the case, or give it to a handler of its
//! stage), `POST …/subject` (link the case to a civil servant of the roster) and `POST …/merge`
//! (merge this duplicate into another case). The store's `case_work` functions check the role,
//! the scope, the accounts and cases involved, and what the caller saw; this only reads the
//! body and says what was refused in the API's terms.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use netral_domain::case::TransitionError;
use netral_store::StoreError;
use netral_store::case_work::{self, CaseWorkError, Handler, SubjectLink};
use netral_store::cases::CaseRecord;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::auth::ApiStaff;
use super::error::{ApiError, ApiErrorBody};
use super::json_body;
use crate::app::Ctx;
use crate::routes::office::case_page::open_case;
use crate::staff::Staff;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AssignmentRequest {
    /// The user name to give the case to; left out, the caller takes it.
    #[schema(example = "satgas.dua")]
    pub assignee: Option<String>,
    /// The assignee as you read it (`assignee` of `GET /api/v1/cases/{number}`), left out when
    /// there was none: if it changed meanwhile, nothing is done (409).
    pub seen_assignee: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SubjectRequest {
    /// The civil servant's NIP as in the roster.
    #[schema(example = "198507142010011003")]
    pub nip: String,
    /// The subject's NIP as you read it, left out when the case had none (409 if it changed).
    pub seen_nip: Option<String>,
    /// Why the subject is replaced: required when the case had one.
    pub reason: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct MergeRequest {
    /// The case this one duplicates, which carries on.
    #[schema(example = "NTR-2024-000042")]
    pub into: String,
    /// Why they are one incident.
    pub note: String,
}

/// The case after the desk work.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DeskOutcome {
    pub number: String,
    #[schema(example = "verification")]
    pub state: String,
    /// Give this as the `revision` of the next decision.
    pub revision: i64,
}

impl From<CaseRecord> for DeskOutcome {
    fn from(case: CaseRecord) -> Self {
        DeskOutcome {
            number: case.number,
            state: case.state.as_str().to_owned(),
            revision: case.revision,
        }
    }
}

fn handler(staff: &Staff) -> Handler<'_> {
    Handler {
        name: &staff.user.username,
        role: staff.user.role,
        scope: &staff.user.scope,
    }
}

/// Take the case, or assign it.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{number}/assignment",
    params(("number" = String, Path, description = "The case number")),
    request_body = AssignmentRequest,
    responses(
        (status = 200, description = "Assigned", body = DeskOutcome),
        (status = 400, description = "The body cannot be read; `field` names the value at fault", body = ApiErrorBody),
        (status = 401, description = "No token, or one that opens nothing", body = ApiErrorBody),
        (status = 403, description = "Your role does not handle cases", body = ApiErrorBody),
        (status = 404, description = "No such case within your scope", body = ApiErrorBody),
        (status = 409, description = "Not yours to assign at this stage, finished, or assigned meanwhile", body = ApiErrorBody),
        (status = 422, description = "The assignee is unknown, out of the case's reach, or does not handle its stage", body = ApiErrorBody),
    ),
    security(("bearer_token" = [])),
    tag = "cases"
)]
pub(crate) async fn assign(
    ApiStaff(staff): ApiStaff,
    State(ctx): State<Ctx>,
    Path(number): Path<String>,
    body: Result<Json<Value>, JsonRejection>,
) -> Result<Json<DeskOutcome>, ApiError> {
    let detail = open_case(&ctx, &staff, &number).await?;
    let request: AssignmentRequest = json_body::read(body)?;
    let to = request
        .assignee
        .as_deref()
        .unwrap_or(&staff.user.username)
        .to_owned();
    case_work::assign(
        &ctx.app.db,
        &ctx.app.rules,
        &detail.case.number,
        &handler(&staff),
        &to,
        request.seen_assignee.as_deref(),
        Utc::now(),
    )
    .await
    .map(|case| Json(case.into()))
    .map_err(refused)
}

/// Link the case to a civil servant.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{number}/subject",
    params(("number" = String, Path, description = "The case number")),
    request_body = SubjectRequest,
    responses(
        (status = 200, description = "Linked: the case now belongs to the person's agency", body = DeskOutcome),
        (status = 400, description = "The body cannot be read; `field` names the value at fault", body = ApiErrorBody),
        (status = 401, description = "No token, or one that opens nothing", body = ApiErrorBody),
        (status = 403, description = "Your role does not handle cases", body = ApiErrorBody),
        (status = 404, description = "No such case within your scope", body = ApiErrorBody),
        (status = 409, description = "Not at this stage, finished, or the subject changed meanwhile", body = ApiErrorBody),
        (status = 422, description = "No such NIP in your area's roster, or a reason is missing", body = ApiErrorBody),
    ),
    security(("bearer_token" = [])),
    tag = "cases"
)]
pub(crate) async fn link_subject(
    ApiStaff(staff): ApiStaff,
    State(ctx): State<Ctx>,
    Path(number): Path<String>,
    body: Result<Json<Value>, JsonRejection>,
) -> Result<Json<DeskOutcome>, ApiError> {
    let detail = open_case(&ctx, &staff, &number).await?;
    let request: SubjectRequest = json_body::read(body)?;
    let link = SubjectLink {
        nip: &request.nip,
        seen: request.seen_nip.as_deref(),
        reason: request.reason.as_deref(),
    };
    case_work::link_subject(
        &ctx.app.db,
        &ctx.app.rules,
        &detail.case.number,
        &handler(&staff),
        &link,
        Utc::now(),
    )
    .await
    .map(|case| Json(case.into()))
    .map_err(refused)
}

/// Merge this case into the one it duplicates.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{number}/merge",
    params(("number" = String, Path, description = "The duplicate's case number")),
    request_body = MergeRequest,
    responses(
        (status = 200, description = "Merged: this case is final, its reports carry on under `into`", body = DeskOutcome),
        (status = 400, description = "The body cannot be read; `field` names the value at fault", body = ApiErrorBody),
        (status = 401, description = "No token, or one that opens nothing", body = ApiErrorBody),
        (status = 403, description = "Your role does not handle cases", body = ApiErrorBody),
        (status = 404, description = "No such case within your scope", body = ApiErrorBody),
        (status = 409, description = "Not at this stage, or either case is finished", body = ApiErrorBody),
        (status = 422, description = "`into` is this case, unknown in your area, about someone else or in another agency; or `note` is missing", body = ApiErrorBody),
    ),
    security(("bearer_token" = [])),
    tag = "cases"
)]
pub(crate) async fn merge(
    ApiStaff(staff): ApiStaff,
    State(ctx): State<Ctx>,
    Path(number): Path<String>,
    body: Result<Json<Value>, JsonRejection>,
) -> Result<Json<DeskOutcome>, ApiError> {
    let detail = open_case(&ctx, &staff, &number).await?;
    let request: MergeRequest = json_body::read(body)?;
    case_work::merge(
        &ctx.app.db,
        &ctx.app.rules,
        &detail.case.number,
        &request.into,
        &handler(&staff),
        &request.note,
        Utc::now(),
    )
    .await
    .map(|case| Json(case.into()))
    .map_err(refused)
}

/// The store's refusal in the API's terms: 409 for what the case's stage or a change made
/// meanwhile forbids, 422 naming the field for a value the rules refuse.
fn refused(error: StoreError) -> ApiError {
    use CaseWorkError as W;
    let message = error.to_string();
    let conflict = |message: String| ApiError::new(StatusCode::CONFLICT, "not_now", None, message);
    match error {
        StoreError::Conflict { .. } => ApiError::new(
            StatusCode::CONFLICT,
            "stale_revision",
            None,
            "the case changed meanwhile; read it again",
        ),
        StoreError::CaseWork(work) => match work {
            W::CaseFinished(_) | W::Assignment(_) | W::SubjectChanged { .. } => conflict(message),
            W::UnknownAssignee(_) | W::AssigneeOutOfScope(_) | W::AssigneeWouldLoseCase(_) => {
                ApiError::invalid("assignee", message)
            }
            W::SubjectNotFound(_) => ApiError::invalid("nip", message),
            W::MergeIntoItself
            | W::MergeTargetNotFound(_)
            | W::SubjectsDiffer { .. }
            | W::AcrossScopes { .. } => ApiError::invalid("into", message),
            W::NotThroughApply(_) => StoreError::CaseWork(work).into(),
        },
        StoreError::Transition(refusal) => match refusal {
            TransitionError::MissingField { field }
            | TransitionError::FieldTooLong { field, .. } => ApiError::invalid(field, message),
            TransitionError::AssigneeCannotHandle { .. } => ApiError::invalid("assignee", message),
            _ => conflict(message),
        },
        other => other.into(),
    }
}
