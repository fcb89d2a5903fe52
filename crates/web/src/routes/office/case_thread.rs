//! The case page's two other forms: a handler's message (to the reporter, or an internal note
//! to colleagues), and the custodian's look at a reporter's identity — given only with a
//! written reason, recorded in the same transaction as the look, and shown on a page no
//! browser keeps.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use netral_domain::access::Capability;
use netral_domain::report::ReporterIdentity;
use netral_store::case_desk::{self, CaseDetail};
use netral_store::thread::{self, Author, NewMessage};
use serde::{Deserialize, Serialize};

use super::case_page::{open_case, render};
use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::verify_csrf;
use crate::page::Page;
use crate::staff::Staff;

/// Longest message a handler may write, as for reporters' replies.
pub(crate) const MAX_MESSAGE_CHARS: usize = 4000;
/// Shortest reason for looking at a reporter's identity.
pub(crate) const MIN_REASON_CHARS: usize = 10;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct MessageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    body: String,
    /// A checkbox: present when the note is for colleagues only.
    #[serde(default)]
    internal: Option<String>,
}

pub(crate) async fn send_message(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(number): Path<String>,
    form: Result<Form<MessageForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let detail = open_case(&ctx, &staff, &number).await?;
    if !add_handler_message(&ctx, &staff, &detail, &form.body, form.internal.is_some()).await? {
        let problem = page.text(
            "office-message-length",
            &[("max", (MAX_MESSAGE_CHARS as i64).into())],
        )?;
        let typed = [("body".to_owned(), form.body.clone())];
        return render(
            &page,
            &ctx,
            &headers,
            &staff,
            &detail,
            Some("message"),
            &typed,
            vec![problem],
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    Ok(Redirect::to(&format!("/kantor/perkara/{}#pesan", detail.case.number)).into_response())
}

/// Adds `staff`'s message (for the reporter) or internal note (for colleagues) to the thread of
/// the case of `detail`, already opened within their scope. False, writing nothing, when the
/// body is empty or longer than [`MAX_MESSAGE_CHARS`]. The page and the JSON API both post
/// through here.
pub(crate) async fn add_handler_message(
    ctx: &Ctx,
    staff: &Staff,
    detail: &CaseDetail,
    body: &str,
    internal: bool,
) -> Result<bool, WebError> {
    let body = body.trim();
    if body.is_empty() || body.chars().count() > MAX_MESSAGE_CHARS {
        return Ok(false);
    }
    let message = NewMessage {
        case_id: detail.case.id,
        author: Author::Handler,
        handler_name: &staff.user.username,
        body,
        internal,
        idempotency_key: None,
        attachments: &[],
    };
    thread::add_message(&ctx.app.db, &message, Utc::now()).await?;
    Ok(true)
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct RevealForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    report_number: String,
    #[serde(default)]
    reason: String,
}

#[derive(Serialize)]
struct RevealView<'a> {
    number: &'a str,
    report_number: &'a str,
    identity: Option<ReporterIdentity>,
}

pub(crate) async fn reveal_identity(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(number): Path<String>,
    form: Result<Form<RevealForm>, FormRejection>,
) -> Result<Response, WebError> {
    staff.require(Capability::RevealReporterIdentity)?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let detail = open_case(&ctx, &staff, &number).await?;
    let identity = match reveal(&ctx, &staff, &detail, &form.report_number, &form.reason).await? {
        Ok(identity) => identity,
        Err(RevealRefusal::UnknownReport) => return Err(WebError::NotFound),
        Err(RevealRefusal::ReasonTooShort) => {
            let problem = page.text(
                "office-reveal-reason-short",
                &[("min", (MIN_REASON_CHARS as i64).into())],
            )?;
            let typed = [("reason".to_owned(), form.reason.clone())];
            return render(
                &page,
                &ctx,
                &headers,
                &staff,
                &detail,
                Some("reveal"),
                &typed,
                vec![problem],
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let view = RevealView {
        number: &detail.case.number,
        report_number: &form.report_number,
        identity,
    };
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/identity.html",
        view,
        StatusCode::OK,
    )
}

/// Why an identity was not opened. Nothing was opened and nothing logged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RevealRefusal {
    /// Shorter than [`MIN_REASON_CHARS`] once trimmed.
    ReasonTooShort,
    /// The case has no report with this number.
    UnknownReport,
}

/// The identity of the reporter of `report_number`, a report of the case of `detail` (already
/// opened within `staff`'s scope), for the custodian alone, with a written reason. The look is
/// logged with the reason in the transaction that reads the sealed identity (see
/// [`thread::reveal_identity`]); `None` for a report filed without an identity. The page and
/// the JSON API both open identities through here.
pub(crate) async fn reveal(
    ctx: &Ctx,
    staff: &Staff,
    detail: &CaseDetail,
    report_number: &str,
    reason: &str,
) -> Result<Result<Option<ReporterIdentity>, RevealRefusal>, WebError> {
    staff.require(Capability::RevealReporterIdentity)?;
    let reason = reason.trim();
    if reason.chars().count() < MIN_REASON_CHARS {
        // The reason is what an auditor reads later: "cek" is not one.
        return Ok(Err(RevealRefusal::ReasonTooShort));
    }
    let Some(context) =
        case_desk::identity_context(&ctx.app.db, &detail.case.number, report_number).await?
    else {
        return Ok(Err(RevealRefusal::UnknownReport));
    };
    let sealed = thread::reveal_identity(
        &ctx.app.db,
        report_number,
        &staff.user.username,
        reason,
        Utc::now(),
    )
    .await?;
    Ok(Ok(match (sealed, context) {
        (Some(sealed), Some(context)) => {
            let json = ctx.app.vault.open(&sealed, &context).map_err(|_| {
                WebError::Store(netral_store::StoreError::Corrupt {
                    column: "reporter_identity",
                    message: "cannot be opened with this server's key".into(),
                })
            })?;
            Some(serde_json::from_slice(&json).map_err(|e| {
                WebError::Store(netral_store::StoreError::Corrupt {
                    column: "reporter_identity",
                    message: e.to_string(),
                })
            })?)
        }
        _ => None,
    }))
}
