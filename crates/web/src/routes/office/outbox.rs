//! `GET /kantor/surel`: the mail outbox, newest first, with what went out, what waits for a
//! retry and what was given up; `GET /kantor/surel/{id}`: one message with its delivery log
//! (every SMTP attempt and the server's answer). A notice to a reporter shows neither address
//! nor content: the address stays sealed, and what was said would tie the reporter to a case.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use netral_domain::access::Capability;
use netral_store::mail::{self, OutboxMail};
use serde::Serialize;

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::labels;
use crate::page::Page;
use crate::staff::Staff;

/// Messages listed; older ones stay in the database and the delivery log.
const LIMIT: i64 = 200;

#[derive(Serialize)]
struct Line {
    id: i64,
    kind: &'static str,
    /// `None` for a reporter.
    to: Option<String>,
    case_number: Option<String>,
    stage_key: Option<String>,
    created_at: String,
    status: String,
    attempts: i64,
    last_error: Option<String>,
    sent_at: Option<String>,
}

#[derive(Serialize)]
struct Attempt {
    at: String,
    outcome: String,
    response: String,
}

#[derive(Serialize)]
struct ListView {
    lines: Vec<Line>,
    limit: i64,
}

#[derive(Serialize)]
struct MailView {
    mail: Line,
    subject: Option<String>,
    body_text: Option<String>,
    attempts: Vec<Attempt>,
}

fn when(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn line(mail: &OutboxMail) -> Line {
    Line {
        id: mail.id,
        kind: mail.kind.as_str(),
        to: mail.to_address.clone(),
        case_number: mail.case_number.clone(),
        stage_key: mail.stage.map(labels::state),
        created_at: when(mail.created_at),
        status: mail.status.clone(),
        attempts: mail.attempts,
        last_error: mail.last_error.clone(),
        sent_at: mail.sent_at.map(when),
    }
}

pub(crate) async fn list(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    staff.require(Capability::OperateSystem)?;
    let lines = mail::list(&ctx.app.db, LIMIT)
        .await?
        .iter()
        .map(line)
        .collect();
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/outbox.html",
        ListView {
            lines,
            limit: LIMIT,
        },
        StatusCode::OK,
    )
}

pub(crate) async fn show(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    staff.require(Capability::OperateSystem)?;
    let found = mail::get(&ctx.app.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let to_reporter = found.to_address.is_none();
    let attempts = mail::deliveries(&ctx.app.db, id)
        .await?
        .into_iter()
        .map(|d| Attempt {
            at: when(d.at),
            outcome: d.outcome,
            response: d.response,
        })
        .collect();
    let view = MailView {
        mail: line(&found),
        subject: found.subject.filter(|_| !to_reporter),
        body_text: found.body_text.filter(|_| !to_reporter),
        attempts,
    };
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/outbox_mail.html",
        view,
        StatusCode::OK,
    )
}
