//! `GET /status` and `POST /status`: a reporter opens their report with its number and receipt
//! code. A form post rather than a link with the code in it: URLs end up in histories, logs
//! and other people's screens.

use std::collections::BTreeMap;

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Utc};
use netral_store::rate_limit;
use serde::{Deserialize, Serialize};

use super::receipt_check::{Opened, open_report};
use super::status_view::{self, StatusPage};
use crate::app::Ctx;
use crate::client::ClientIp;
use crate::error::WebError;
use crate::forms::{FieldError, by_field, issue_csrf, private_page, verify_csrf, word};
use crate::page::Page;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct LookupForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    report_number: String,
    #[serde(default)]
    receipt_code: String,
}

pub(crate) async fn show(
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    render_lookup(&page, &ctx, &headers, Typed::default(), &[], StatusCode::OK)
}

pub(crate) async fn look_up(
    page: Page,
    State(ctx): State<Ctx>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    form: Result<Form<LookupForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let now = Utc::now();
    limit_lookups(&ctx, ip, now).await?;
    match open_report(&ctx.app, &form.report_number, &form.receipt_code, now).await? {
        Opened::Report { view, code } => {
            let state = StatusPage {
                view: &view,
                code: &code,
                reply: "",
                errors: &[],
                files_lost: false,
                sent: false,
            };
            status_view::render(&page, &ctx, &headers, state, StatusCode::OK)
        }
        Opened::Refused { problem, status } => {
            let typed = Typed {
                report_number: &form.report_number,
                receipt_code: &form.receipt_code,
            };
            render_lookup(
                &page,
                &ctx,
                &headers,
                typed,
                &word(&page, &[problem])?,
                status,
            )
        }
    }
}

/// Look-ups (of report status and of NIPs) one client may make per window.
async fn limit_lookups(
    ctx: &Ctx,
    ip: std::net::IpAddr,
    now: DateTime<Utc>,
) -> Result<(), WebError> {
    let settings = &ctx.app.intake;
    if settings.lookups_per_window <= 0 {
        return Ok(());
    }
    let hits =
        rate_limit::hit(&ctx.app.db, &format!("lookup:{ip}"), settings.window(), now).await?;
    if hits > settings.lookups_per_window {
        return Err(WebError::TooManyRequests);
    }
    Ok(())
}

/// What was typed into the look-up form, shown again with the reason it did not open.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub(super) struct Typed<'a> {
    pub report_number: &'a str,
    pub receipt_code: &'a str,
}

#[derive(Serialize)]
struct LookupView<'a> {
    typed: Typed<'a>,
    errors: &'a [FieldError],
    field_errors: BTreeMap<&'static str, &'a str>,
    csrf: String,
}

pub(super) fn render_lookup(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    typed: Typed<'_>,
    errors: &[FieldError],
    status: StatusCode,
) -> Result<Response, WebError> {
    let csrf = issue_csrf(&ctx.app.vault, headers);
    let view = LookupView {
        typed,
        errors,
        field_errors: by_field(errors),
        csrf: csrf.token,
    };
    let html = page.render("status_form.html", view)?;
    Ok(private_page(status, html, csrf.set_cookie))
}
