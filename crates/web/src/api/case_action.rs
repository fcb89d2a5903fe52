//! `POST /api/v1/cases/{number}/actions`: takes one decision on a case, as the case page's
//! forms do and through the same function (`case_decision::decide`): the same role, scope and
//! stage checks, the same event, audit entry and notices.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::NaiveDate;
use netral_domain::case::TransitionError;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::auth::ApiStaff;
use super::decision_body::{self, DecisionRequest};
use super::error::{ApiError, ApiErrorBody};
use crate::app::Ctx;
use crate::routes::office::case_decision::{Refusal, decide};
use crate::routes::office::case_page::open_case;

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DecisionTaken {
    #[schema(example = "NTR-2024-000042")]
    pub number: String,
    /// The stage the case is at now.
    #[schema(example = "review")]
    pub state: String,
    /// The case's new revision, for the next decision.
    pub revision: i64,
    /// The new stage's deadline, when its clock runs.
    pub deadline: Option<NaiveDate>,
}

/// Take a decision.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{number}/actions",
    params(("number" = String, Path, description = "The case number")),
    request_body = DecisionRequest,
    responses(
        (status = 200, description = "Taken: the case's stage and revision now", body = DecisionTaken),
        (status = 400, description = "The body cannot be read; `field` names the value at fault", body = ApiErrorBody),
        (status = 401, description = "No token, or one that opens nothing", body = ApiErrorBody),
        (status = 403, description = "Your role does not handle cases, or never takes this action", body = ApiErrorBody),
        (status = 404, description = "No such case within your scope", body = ApiErrorBody),
        (status = 409, description = "`stale_revision`: the case changed since the revision you sent; `not_now`: the action is not possible at the case's stage", body = ApiErrorBody),
        (status = 415, description = "Not sent as `application/json`", body = ApiErrorBody),
        (status = 422, description = "The rules refuse a fact (an empty note, an unknown violation or sanction code, a sanction other than the suggested one without `override_reason`); `field` names it", body = ApiErrorBody),
    ),
    security(("bearer_token" = [])),
    tag = "cases"
)]
pub(crate) async fn take(
    ApiStaff(staff): ApiStaff,
    State(ctx): State<Ctx>,
    Path(number): Path<String>,
    body: Result<Json<Value>, JsonRejection>,
) -> Result<Json<DecisionTaken>, ApiError> {
    let detail = open_case(&ctx, &staff, &number).await?;
    let Json(body) = body.map_err(|e| ApiError::json_rejected(&e))?;
    let (revision, action) = decision_body::read(body)
        .map_err(|e| ApiError::unreadable(e.field.as_deref(), e.message))?;
    match decide(&ctx, &staff, &detail, Some(revision), &action).await? {
        Ok(case) => Ok(Json(DecisionTaken {
            number: case.number,
            state: case.state.as_str().to_owned(),
            revision: case.revision,
            deadline: case.deadline.map(|d| d.due),
        })),
        Err(refusal) => Err(refused(refusal, detail.case.state.as_str())),
    }
}

fn refused(refusal: Refusal, state: &str) -> ApiError {
    let not_now = || {
        ApiError::new(
            StatusCode::CONFLICT,
            "not_now",
            Some("action"),
            format!("not possible for your role while the case is `{state}`"),
        )
    };
    match refusal {
        Refusal::NotForRole => ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            Some("action"),
            "your role never takes this action",
        ),
        Refusal::NotNow => not_now(),
        Refusal::Stale => ApiError::new(
            StatusCode::CONFLICT,
            "stale_revision",
            Some("revision"),
            "the case changed since this revision; read it again and decide on what it is now",
        ),
        Refusal::Transition(error) => {
            let message = error.to_string();
            match error {
                TransitionError::MissingField { field }
                | TransitionError::FieldTooLong { field, .. }
                | TransitionError::UnknownViolation { field, .. }
                | TransitionError::DuplicateViolation { field, .. }
                | TransitionError::UnknownSanction { field, .. }
                | TransitionError::DateInFuture { field, .. } => ApiError::invalid(field, message),
                TransitionError::OverrideReasonRequired { .. } => {
                    ApiError::invalid("override_reason", message)
                }
                TransitionError::AssigneeCannotHandle { .. } => {
                    ApiError::invalid("assignee", message)
                }
                TransitionError::DeadlineNotPassed { .. }
                | TransitionError::AlreadyPaused
                | TransitionError::NotPaused
                | TransitionError::AssignmentChanged { .. }
                | TransitionError::AlreadyAssigned { .. }
                | TransitionError::AlreadyLinked { .. } => {
                    ApiError::new(StatusCode::CONFLICT, "not_now", None, message)
                }
                TransitionError::NotAllowedFrom { .. }
                | TransitionError::RoleNotPermitted { .. } => not_now(),
            }
        }
    }
}
