//! `POST /api/v1/cases/{number}/reporter-identity`: the custodian opens the identity of a
//! report's reporter, with a written reason — through the case page's own function
//! (`case_thread::reveal`), so the look is logged exactly alike (in `identity_reveals` and the
//! audit log, with the reason, in the transaction that reads it). A POST, not a GET: each look
//! is an act that is recorded, and no cache or history may keep the answer.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use netral_domain::access::Capability;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::auth::ApiStaff;
use super::error::{ApiError, ApiErrorBody};
use super::json_body;
use crate::app::Ctx;
use crate::routes::office::case_page::open_case;
use crate::routes::office::case_thread::{MIN_REASON_CHARS, RevealRefusal, reveal};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RevealRequest {
    /// A report of this case.
    #[schema(example = "LAP-2024-000123")]
    pub report_number: String,
    /// Why you need to know who reported, at least 10 characters: auditors read it.
    #[schema(example = "Pelapor perlu dihubungi untuk klarifikasi bukti asli")]
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RevealedIdentity {
    pub report_number: String,
    /// `None` for a report filed anonymously: there is nothing to open.
    pub identity: Option<ReporterContact>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ReporterContact {
    pub name: String,
    pub phone: String,
    pub email: String,
}

/// Open a reporter's identity (custodian only, logged).
#[utoipa::path(
    post,
    path = "/api/v1/cases/{number}/reporter-identity",
    params(("number" = String, Path, description = "The case number")),
    request_body = RevealRequest,
    responses(
        (status = 200, description = "The identity, and the look recorded with your name and reason", body = RevealedIdentity),
        (status = 400, description = "The body cannot be read; `field` names the value at fault", body = ApiErrorBody),
        (status = 401, description = "No token, or one that opens nothing", body = ApiErrorBody),
        (status = 403, description = "Only the custodian opens identities", body = ApiErrorBody),
        (status = 404, description = "No such case within your scope, or no such report in it", body = ApiErrorBody),
        (status = 415, description = "Not sent as `application/json`", body = ApiErrorBody),
        (status = 422, description = "`reason` too short: nothing opened, nothing recorded", body = ApiErrorBody),
    ),
    security(("bearer_token" = [])),
    tag = "cases"
)]
pub(crate) async fn open(
    ApiStaff(staff): ApiStaff,
    State(ctx): State<Ctx>,
    Path(number): Path<String>,
    body: Result<Json<Value>, JsonRejection>,
) -> Result<Json<RevealedIdentity>, ApiError> {
    staff.require(Capability::RevealReporterIdentity)?;
    let detail = open_case(&ctx, &staff, &number).await?;
    let request: RevealRequest = json_body::read(body)?;
    match reveal(
        &ctx,
        &staff,
        &detail,
        &request.report_number,
        &request.reason,
    )
    .await?
    {
        Ok(identity) => Ok(Json(RevealedIdentity {
            report_number: request.report_number,
            identity: identity.map(|i| ReporterContact {
                name: i.name,
                phone: i.phone,
                email: i.email,
            }),
        })),
        Err(RevealRefusal::ReasonTooShort) => Err(ApiError::invalid(
            "reason",
            format!("at least {MIN_REASON_CHARS} characters: it is what an auditor reads later"),
        )),
        Err(RevealRefusal::UnknownReport) => Err(ApiError::new(
            axum::http::StatusCode::NOT_FOUND,
            "not_found",
            Some("report_number"),
            "the case has no report with this number",
        )),
    }
}
