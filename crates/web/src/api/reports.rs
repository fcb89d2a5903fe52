//! `POST /api/v1/reports`: a report from another system. Same checks, same receipt, same
//! idempotency as the portal; the Idempotency-Key header is required, since a system that
//! retries after a timeout must not file twice.

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::{HeaderMap, StatusCode};
use base64::Engine;
use chrono::{NaiveDate, Utc};
use netral_domain::report::{Channel, ElectionKind, NewReport, Reporter, ReporterMode, Subject};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, ApiErrorBody};
use crate::app::Ctx;
use crate::client::ClientIp;
use crate::intake::{self, Submission, UploadedFile};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReportRequest {
    /// `bawaslu`, `inspectorate`, `superior` or `public`.
    #[schema(example = "bawaslu")]
    pub channel: String,
    #[schema(value_type = String, format = Date, example = "2024-09-28")]
    pub incident_date: NaiveDate,
    /// What happened, in the reporter's words.
    pub summary: String,
    pub subject: SubjectRequest,
    /// Violation codes of the rules in force that the sender thinks apply; empty when unsure.
    #[serde(default)]
    pub violation_hints: Vec<String>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub links: Vec<String>,
    /// `pemilu` or `pilkada`.
    pub election: Option<String>,
    #[serde(default)]
    pub reporter: ReporterRequest,
    #[serde(default)]
    pub attachments: Vec<AttachmentRequest>,
}

/// Exactly one of `nip`, `nik`, `description`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SubjectRequest {
    /// NIP: 18 digits.
    pub nip: Option<String>,
    /// NIK: 16 digits.
    pub nik: Option<String>,
    /// Name, position and agency when the number is unknown.
    pub description: Option<String>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReporterRequest {
    /// `anonymous` (default), `confidential` or `identified`.
    pub mode: Option<String>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AttachmentRequest {
    pub name: String,
    /// The file's bytes, base64 (standard alphabet, padded).
    pub content_base64: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ReportReceipt {
    #[schema(example = "LAP-2024-000123")]
    pub report_number: String,
    /// Give it to the reporter: with the report number it opens the status page. Shown only
    /// here; it cannot be recovered later.
    #[schema(example = "7K2M-9QXD-4RTV-BN3H-8WPE")]
    pub receipt_code: String,
    #[schema(example = "/status")]
    pub status_url: String,
}

/// File a report.
#[utoipa::path(
    post,
    path = "/api/v1/reports",
    request_body = ReportRequest,
    params(("Idempotency-Key" = String, Header, description = "16–200 characters [A-Za-z0-9_-], unique per report; a retry with the same key returns the same receipt")),
    responses(
        (status = 201, description = "Filed", body = ReportReceipt),
        (status = 200, description = "Already filed with this Idempotency-Key: the same receipt", body = ReportReceipt),
        (status = 400, description = "Malformed JSON or missing Idempotency-Key", body = ApiErrorBody),
        (status = 413, description = "Body too large"),
        (status = 422, description = "A field is invalid; `field` names it", body = ApiErrorBody),
        (status = 429, description = "Too many submissions from this client", body = ApiErrorBody),
    ),
    tag = "reports"
)]
pub(crate) async fn create(
    State(ctx): State<Ctx>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Result<Json<ReportRequest>, JsonRejection>,
) -> Result<(StatusCode, Json<ReportReceipt>), ApiError> {
    let app = &ctx.app;
    let now = Utc::now();
    if !intake::within_submission_limit(app, ip, now)
        .await
        .map_err(intake::IntakeError::Store)?
    {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            None,
            "too many submissions from this client; wait and retry",
        ));
    }
    let Json(request) = body.map_err(|rejection| {
        ApiError::new(
            rejection.status(),
            "invalid_json",
            None,
            rejection.body_text(),
        )
    })?;
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let submission = submission(request, key)?;
    let receipt = intake::submit(app, submission, now).await?;
    let status = if receipt.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((
        status,
        Json(ReportReceipt {
            report_number: receipt.report_number,
            receipt_code: receipt.code.to_string(),
            status_url: "/status".into(),
        }),
    ))
}

fn submission(request: ReportRequest, idempotency_key: String) -> Result<Submission, ApiError> {
    let channel: Channel =
        request
            .channel
            .parse()
            .map_err(|e: netral_domain::report::ReportError| {
                ApiError::invalid("channel", e.to_string())
            })?;
    if channel == Channel::Lead {
        return Err(ApiError::invalid(
            "channel",
            "leads come from the engines inside Netral, not from the API",
        ));
    }
    let subject = match (
        request.subject.nip,
        request.subject.nik,
        request.subject.description,
    ) {
        (Some(nip), None, None) => {
            Subject::Nip(nip.parse().map_err(|e: netral_domain::ids::IdError| {
                ApiError::invalid("subject.nip", e.to_string())
            })?)
        }
        (None, Some(nik), None) => {
            Subject::Nik(nik.parse().map_err(|e: netral_domain::ids::IdError| {
                ApiError::invalid("subject.nik", e.to_string())
            })?)
        }
        (None, None, Some(description)) => Subject::Described(description),
        _ => {
            return Err(ApiError::invalid(
                "subject",
                "give exactly one of nip, nik, description",
            ));
        }
    };
    let election = request
        .election
        .map(|e| {
            e.parse::<ElectionKind>()
                .map_err(|err| ApiError::invalid("election", err.to_string()))
        })
        .transpose()?;
    let mode: ReporterMode = request
        .reporter
        .mode
        .as_deref()
        .unwrap_or("anonymous")
        .parse()
        .map_err(|e: netral_domain::report::ReportError| {
            ApiError::invalid("reporter.mode", e.to_string())
        })?;
    let reporter = Reporter::new(
        mode,
        &request.reporter.name,
        &request.reporter.phone,
        &request.reporter.email,
    )
    .map_err(|e| ApiError::from(crate::intake::IntakeError::Report(e)))?;
    let files = request
        .attachments
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            base64::engine::general_purpose::STANDARD
                .decode(a.content_base64.as_bytes())
                .map(|bytes| UploadedFile {
                    name: a.name,
                    bytes: bytes.into(),
                })
                .map_err(|e| {
                    ApiError::invalid(
                        &format!("attachments[{i}].content_base64"),
                        format!("not valid base64: {e}"),
                    )
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let report = NewReport {
        channel,
        incident_date: request.incident_date,
        summary: request.summary,
        subject,
        violation_hints: request.violation_hints,
        place: request.place,
        links: request.links,
        election,
    };
    Ok(Submission {
        report,
        reporter,
        idempotency_key,
        files,
    })
}
