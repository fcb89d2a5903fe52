//! API errors as JSON: a stable code for programs, the field at fault, and an English message for
//! the person reading the logs. Internals never leave the server.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use netral_domain::report::ReportError;
use serde::Serialize;
use utoipa::ToSchema;

use crate::intake::IntakeError;

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ApiErrorBody {
    pub error: ApiErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ApiErrorDetail {
    /// Stable, for programs: `invalid_field`, `missing_field`, `invalid_json`, `too_many_files`,
    /// `invalid_file`, `missing_idempotency_key`, `rate_limited`, `unavailable`, `internal`.
    pub code: &'static str,
    /// The request field at fault, when there is one (dotted path, e.g. `subject.nip`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub message: String,
}

pub(crate) struct ApiError {
    status: StatusCode,
    detail: ApiErrorDetail,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        code: &'static str,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            status,
            detail: ApiErrorDetail {
                code,
                field: field.map(str::to_owned),
                message: message.into(),
            },
        }
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            Some(field),
            message,
        )
    }
}

impl From<IntakeError> for ApiError {
    fn from(error: IntakeError) -> Self {
        let message = error.to_string();
        match &error {
            IntakeError::Report(ReportError::MissingField { field }) => Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "missing_field",
                Some(field),
                message,
            ),
            IntakeError::Report(report) => Self::invalid(report_field(report), message),
            IntakeError::NoRules(_) => Self::invalid("incident_date", message),
            IntakeError::TooManyFiles { .. } => Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "too_many_files",
                Some("attachments"),
                message,
            ),
            IntakeError::File { .. } => Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_file",
                Some("attachments"),
                message,
            ),
            IntakeError::BadIdempotencyKey => Self::new(
                StatusCode::BAD_REQUEST,
                "missing_idempotency_key",
                Some("Idempotency-Key"),
                message,
            ),
            IntakeError::Store(store) => {
                tracing::error!(error = %store, "API intake failed");
                Self::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    None,
                    "the report could not be stored; try again with the same Idempotency-Key",
                )
            }
        }
    }
}

fn report_field(error: &ReportError) -> &'static str {
    match error {
        ReportError::MissingField { field }
        | ReportError::FieldTooLong { field, .. }
        | ReportError::InvalidField { field } => field,
        ReportError::IncidentInFuture(_) => "incident_date",
        ReportError::TooManyLinks | ReportError::InvalidLink(_) => "links",
        ReportError::UnknownChannel(_) => "channel",
        ReportError::UnknownElection(_) => "election",
        ReportError::UnknownReporterMode(_) => "reporter.mode",
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(ApiErrorBody { error: self.detail })).into_response()
    }
}
