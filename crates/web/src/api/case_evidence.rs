//! `GET /api/v1/cases/{number}/evidence/{sha256}`: an evidence file of the case, by the hash the
//! case's `evidence` list gives — served by the case page's own function, so only a file of
//! this case, and only within the caller's scope. The bytes are as received, never changed: a
//! program can check them against the hash.

use axum::extract::{Path, State};
use axum::response::Response;

use super::auth::ApiStaff;
use super::error::{ApiError, ApiErrorBody};
use crate::app::Ctx;
use crate::routes::office::case_page::{evidence_file, open_case};

/// One evidence file.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{number}/evidence/{sha256}",
    params(
        ("number" = String, Path, description = "The case number"),
        ("sha256" = String, Path, description = "The file's SHA-256, lower-case hex, from the case's `evidence`"),
    ),
    responses(
        (status = 200, description = "The file, with the media type found from its content", content_type = "application/octet-stream"),
        (status = 401, description = "No token, or one that opens nothing", body = ApiErrorBody),
        (status = 403, description = "Your role does not handle cases", body = ApiErrorBody),
        (status = 404, description = "No such case within your scope, or no such file in it", body = ApiErrorBody),
    ),
    security(("bearer_token" = [])),
    tag = "cases"
)]
pub(crate) async fn file(
    ApiStaff(staff): ApiStaff,
    State(ctx): State<Ctx>,
    Path((number, sha256)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let detail = open_case(&ctx, &staff, &number).await?;
    Ok(evidence_file(&ctx, &detail, &sha256).await?)
}
