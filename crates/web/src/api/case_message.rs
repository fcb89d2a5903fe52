//! `POST /api/v1/cases/{number}/messages`: a handler's message to the reporter (shown on their
//! status page) or, with `internal`, a note for colleagues only — posted as the case page
//! posts it (`case_thread::add_handler_message`).

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::auth::ApiStaff;
use super::error::{ApiError, ApiErrorBody};
use super::json_body;
use crate::app::Ctx;
use crate::routes::office::case_page::open_case;
use crate::routes::office::case_thread::{MAX_MESSAGE_CHARS, add_handler_message};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct MessageRequest {
    /// 1 to 4000 characters once trimmed.
    #[schema(example = "Mohon kirim tautan unggahan aslinya.")]
    pub body: String,
    /// True for a note to colleagues, which the reporter never sees.
    #[serde(default)]
    pub internal: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct MessagePosted {
    pub number: String,
    pub internal: bool,
}

/// Write to the reporter, or a note to colleagues.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{number}/messages",
    params(("number" = String, Path, description = "The case number")),
    request_body = MessageRequest,
    responses(
        (status = 201, description = "Added to the case's thread", body = MessagePosted),
        (status = 400, description = "The body cannot be read; `field` names the value at fault", body = ApiErrorBody),
        (status = 401, description = "No token, or one that opens nothing", body = ApiErrorBody),
        (status = 403, description = "Your role does not handle cases", body = ApiErrorBody),
        (status = 404, description = "No such case within your scope", body = ApiErrorBody),
        (status = 415, description = "Not sent as `application/json`", body = ApiErrorBody),
        (status = 422, description = "`body` is empty or too long", body = ApiErrorBody),
    ),
    security(("bearer_token" = [])),
    tag = "cases"
)]
pub(crate) async fn post(
    ApiStaff(staff): ApiStaff,
    State(ctx): State<Ctx>,
    Path(number): Path<String>,
    body: Result<Json<Value>, JsonRejection>,
) -> Result<(StatusCode, Json<MessagePosted>), ApiError> {
    let detail = open_case(&ctx, &staff, &number).await?;
    let request: MessageRequest = json_body::read(body)?;
    if !add_handler_message(&ctx, &staff, &detail, &request.body, request.internal).await? {
        return Err(ApiError::invalid(
            "body",
            format!("must hold 1 to {MAX_MESSAGE_CHARS} characters"),
        ));
    }
    Ok((
        StatusCode::CREATED,
        Json(MessagePosted {
            number: detail.case.number,
            internal: request.internal,
        }),
    ))
}
