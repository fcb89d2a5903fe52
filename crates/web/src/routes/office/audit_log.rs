//! `GET /kantor/audit`: the administrator's page through the hash-chained audit log, newest
//! first; `POST /kantor/audit/periksa` checks the whole chain and names the first broken link;
//! `GET /kantor/audit/ekspor?format=csv|jsonl` downloads all of it, hashes included, so the
//! chain can be checked (and its last hash kept) outside the system. An export is itself
//! recorded in the log: who took a copy of everything is accountable too.

use axum::body::{Body, Bytes};
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use chrono::Utc;
use netral_domain::access::Capability;
use netral_store::audit::{self, ExportFormat, ExportPages, Problem, Record, VerifyReport};
use serde::{Deserialize, Serialize};

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::verify_csrf;
use crate::page::Page;
use crate::staff::Staff;

/// Entries per page.
const PAGE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Params {
    /// Show entries older than this sequence number.
    #[serde(default)]
    sebelum: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct CheckForm {
    #[serde(default)]
    csrf: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ExportParams {
    #[serde(default)]
    format: String,
}

#[derive(Serialize)]
struct Line {
    seq: i64,
    at: String,
    actor: String,
    actor_role: String,
    action: String,
    subject: Option<String>,
    details: String,
    hash: String,
}

#[derive(Serialize)]
struct Check {
    entries: i64,
    last_hash: Option<String>,
    broken: Option<Broken>,
}

/// The first broken link: where, and which kind of break (a key of `office-audit-broken`).
#[derive(Serialize)]
struct Broken {
    seq: i64,
    kind: &'static str,
    /// For missing entries: the last one missing.
    last: Option<i64>,
}

#[derive(Serialize)]
struct View {
    lines: Vec<Line>,
    older: Option<i64>,
    check: Option<Check>,
}

pub(crate) async fn show(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Query(params): Query<Params>,
) -> Result<Response, WebError> {
    staff.require(Capability::OperateSystem)?;
    render(&page, &ctx, &headers, &staff, params.sebelum, None).await
}

pub(crate) async fn check(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    form: Result<Form<CheckForm>, FormRejection>,
) -> Result<Response, WebError> {
    staff.require(Capability::OperateSystem)?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let report = audit::verify(&ctx.app.db).await?;
    render(
        &page,
        &ctx,
        &headers,
        &staff,
        None,
        Some(check_view(report)),
    )
    .await
}

fn check_view(report: VerifyReport) -> Check {
    Check {
        entries: report.entries,
        last_hash: report.last_hash,
        broken: report.broken.map(|b| {
            let (kind, last) = match b.problem {
                Problem::Missing { last } => ("missing", Some(last)),
                Problem::WrongLink => ("wrong_link", None),
                Problem::WrongHash => ("wrong_hash", None),
                Problem::Unreadable(_) => ("unreadable", None),
            };
            Broken {
                seq: b.seq,
                kind,
                last,
            }
        }),
    }
}

async fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    staff: &Staff,
    before: Option<i64>,
    check: Option<Check>,
) -> Result<Response, WebError> {
    let records = audit::latest(&ctx.app.db, before, PAGE).await?;
    let older = records
        .last()
        .filter(|r| records.len() as i64 == PAGE && r.seq > 1)
        .map(|r| r.seq);
    let lines = records.into_iter().map(line).collect();
    frame::render(
        page,
        ctx,
        headers,
        &staff.user,
        "office/audit.html",
        View {
            lines,
            older,
            check,
        },
        StatusCode::OK,
    )
}

fn line(record: Record) -> Line {
    Line {
        seq: record.seq,
        at: record.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
        actor: record.actor,
        actor_role: record.actor_role,
        action: record.action,
        subject: record.subject,
        details: record.details.to_string(),
        hash: record.hash,
    }
}

pub(crate) async fn export(
    staff: Staff,
    State(ctx): State<Ctx>,
    Query(params): Query<ExportParams>,
) -> Result<Response, WebError> {
    staff.require(Capability::OperateSystem)?;
    let (format, extension, content_type) = match params.format.as_str() {
        "csv" => (ExportFormat::Csv, "csv", "text/csv; charset=utf-8"),
        "jsonl" => (
            ExportFormat::JsonLines,
            "jsonl",
            "application/jsonl; charset=utf-8",
        ),
        other => {
            return Err(WebError::BadRequest(format!(
                "format: `{other}` is neither `csv` nor `jsonl`"
            )));
        }
    };
    let now = Utc::now();
    audit::record(
        &ctx.app.db,
        &audit::Entry {
            actor: staff.audit_actor(),
            action: "audit.export",
            subject: None,
            details: serde_json::json!({ "format": extension }),
        },
        now,
    )
    .await?;
    let mut response = Response::new(stream_export(ctx, format));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let download = format!(
        "attachment; filename=\"netral-audit-{}.{extension}\"",
        now.format("%Y%m%d-%H%M%S")
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&download).expect("ASCII"),
    );
    Ok(response)
}

/// The export as it is read, a page of entries at a time: the log can be far larger than
/// memory should hold, and the next page is read only when the client has taken the last. A
/// failure midway ends the body with an error, so the client sees a broken download rather than
/// a short file that looks whole.
fn stream_export(ctx: Ctx, format: ExportFormat) -> Body {
    let pages = ExportPages::new(format);
    Body::from_stream(futures_util::stream::unfold(
        Some((ctx, pages)),
        |state| async move {
            let (ctx, mut pages) = state?;
            match pages.next(&ctx.app.db).await {
                Ok(Some(chunk)) => Some((Ok(Bytes::from(chunk)), Some((ctx, pages)))),
                Ok(None) => None,
                Err(e) => {
                    tracing::warn!(error = %e, "audit export stopped");
                    Some((Err(std::io::Error::other(e.to_string())), None))
                }
            }
        },
    ))
}
