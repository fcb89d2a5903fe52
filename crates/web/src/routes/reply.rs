//! `POST /status/balas`: the reporter writes to the handlers, with files if they like. The
//! report is opened again with the number and receipt code the status page carried (with the
//! same guard against guessing), the message and its files are checked, stored, and the status
//! page is shown again with the message in the thread.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Redirect, Response};
use chrono::Utc;
use netral_domain::case::MAX_TEXT;
use netral_store::thread::{self, Author, NewMessage};

use super::receipt_check::{Opened, open_report};
use super::report_submit::limit_submissions;
use super::status::{Typed, render_lookup};
use super::status_view::{self, StatusPage};
use crate::app::Ctx;
use crate::client::ClientIp;
use crate::error::WebError;
use crate::forms::{
    CSRF_FIELD, Problem, WHOLE_FORM, from_intake_error, read_multipart, verify_csrf, word,
};
use crate::intake::{self, valid_idempotency_key};
use crate::page::Page;

pub(crate) async fn send(
    page: Page,
    State(ctx): State<Ctx>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let now = Utc::now();
    let app = &ctx.app;
    let form = read_multipart(multipart, "evidence").await?;
    if !verify_csrf(&app.vault, &headers, form.get(CSRF_FIELD)) {
        return Err(WebError::FormExpired);
    }
    limit_submissions(&ctx, ip, now).await?;
    let (number, typed_code) = (form.get("report_number"), form.get("receipt_code"));
    let (view, code) = match open_report(app, number, typed_code, now).await? {
        Opened::Report { view, code } => (view, code),
        Opened::Refused { problem, status } => {
            let typed = Typed {
                report_number: number,
                receipt_code: "",
            };
            let errors = word(&page, &[problem])?;
            return render_lookup(&page, &ctx, &headers, typed, &errors, status);
        }
    };

    let body = form.get("body").trim();
    let key = form.get("idempotency_key");
    let correct = |problems: Vec<Problem>| {
        let errors = word(&page, &problems)?;
        let state = StatusPage {
            view: &view,
            code: &code,
            reply: form.get("body"),
            errors: &errors,
            files_lost: !form.files.is_empty(),
            sent: false,
        };
        status_view::render(
            &page,
            &ctx,
            &headers,
            state,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let mut problems = Vec::new();
    if body.is_empty() && form.files.is_empty() {
        problems.push(Problem::new("body", "form-reply-missing"));
    }
    if body.chars().count() > MAX_TEXT {
        problems.push(Problem::new("body", "form-too-long").arg("max", MAX_TEXT));
    }
    if let Err(e) = intake::check_files(app, &form.files) {
        problems.push(from_intake_error(e)?);
    }
    if !valid_idempotency_key(key) {
        problems.push(Problem::new(WHOLE_FORM, "form-invalid"));
    }
    if !problems.is_empty() {
        return correct(problems);
    }
    let attachments = match intake::store_files(app, &form.files).await {
        Ok(attachments) => attachments,
        Err(e) => return correct(vec![from_intake_error(e)?]),
    };
    let message = NewMessage {
        case_id: view.case_id,
        author: Author::Reporter,
        handler_name: "",
        body,
        internal: false,
        // A second send of the same page (a double click, a reload) adds nothing.
        idempotency_key: Some(key),
        attachments: &attachments,
    };
    thread::add_message(&app.db, &message, now).await?;
    let view = thread::reporter_view(&app.db, &view.report_number, &code.hash())
        .await?
        .ok_or(WebError::NotFound)?;
    let state = StatusPage {
        view: &view,
        code: &code,
        reply: "",
        errors: &[],
        files_lost: false,
        sent: true,
    };
    status_view::render(&page, &ctx, &headers, state, StatusCode::OK)
}

/// `GET /status/balas`: the page a reply returns to has this address, so its language switch
/// links here. A reply cannot be shown again without the receipt code, so the visitor goes to
/// the look-up form (the language middleware has already remembered the choice).
pub(crate) async fn back_to_status() -> Redirect {
    Redirect::to("/status")
}
