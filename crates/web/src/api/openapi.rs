//! The OpenAPI description, generated from the handlers so that it cannot drift from them.

use axum::Json;
use utoipa::OpenApi;

use super::error::{ApiErrorBody, ApiErrorDetail};
use super::reports::{
    self, AttachmentRequest, ReportReceipt, ReportRequest, ReporterRequest, SubjectRequest,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Netral API",
        description = "Reports of civil servants' breaches of political neutrality."
    ),
    paths(reports::create),
    components(schemas(
        ReportRequest,
        SubjectRequest,
        ReporterRequest,
        AttachmentRequest,
        ReportReceipt,
        ApiErrorBody,
        ApiErrorDetail
    ))
)]
pub(crate) struct ApiDoc;

pub(crate) async fn spec() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
