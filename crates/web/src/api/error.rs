//! API errors as JSON: a stable code for programs, the field at fault, and an English message for
//! the person reading the logs. Internals never leave the server.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use netral_domain::report::ReportError;
use netral_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::WebError;
use crate::intake::IntakeError;

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ApiErrorBody {
    pub error: ApiErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ApiErrorDetail {
    /// Stable, for programs: `invalid_field`, `missing_field`, `invalid_json`, `too_many_files`,
    /// `invalid_file`, `missing_idempotency_key`, `rate_limited`, `unauthorized`, `forbidden`,
    /// `not_found`, `stale_revision`, `not_now`, `unavailable`, `internal`.
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

    /// A value that cannot be read at all (wrong type, malformed date, unknown name): 400,
    /// naming the field. 422 is kept for values read but refused by the rules.
    pub fn unreadable(field: Option<&str>, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_field", field, message)
    }

    /// A body that is not JSON, or not the JSON this endpoint takes (axum names the path of the
    /// value it could not read), or sent without `Content-Type: application/json`.
    pub fn json_rejected(rejection: &JsonRejection) -> Self {
        Self::new(
            rejection.status(),
            "invalid_json",
            None,
            rejection.body_text(),
        )
    }

    /// No token, or one that opens nothing. Says no more than that: which of the reasons it
    /// was is for the token's owner to find on their tokens page.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", None, message)
    }
}

/// The back office's answers in the API's terms: the same statuses the pages give (403 for
/// the role, 404 outside the scope as for a record that does not exist), as JSON.
impl From<WebError> for ApiError {
    fn from(error: WebError) -> Self {
        match error {
            WebError::NotFound => Self::new(
                StatusCode::NOT_FOUND,
                "not_found",
                None,
                "no such record within your scope",
            ),
            WebError::Forbidden => Self::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                None,
                "your role may not do this",
            ),
            WebError::BadRequest(message) => Self::unreadable(None, message),
            WebError::Store(StoreError::Connect { .. } | StoreError::Db(_)) => {
                tracing::error!(error = %error, "API request failed");
                Self::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    None,
                    "the database is not answering; try again later",
                )
            }
            other => {
                tracing::error!(error = %other, "API request failed");
                Self::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    None,
                    "the server failed; the details are in its log",
                )
            }
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        WebError::Store(error).into()
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
        let unauthorized = self.status == StatusCode::UNAUTHORIZED;
        let mut response = (self.status, Json(ApiErrorBody { error: self.detail })).into_response();
        if unauthorized {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"netral\""),
            );
        }
        response
    }
}
