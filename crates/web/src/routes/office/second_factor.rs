//! `GET /masuk/kode` and `POST /masuk/kode`: the second step of signing in, for accounts with
//! an authenticator app. Wrong codes are throttled like wrong passwords.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Duration, Utc};
use netral_store::accounts::{self, sessions};
use netral_store::rate_limit;
use serde::{Deserialize, Serialize};

use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::{FieldError, Problem, by_field, issue_csrf, private_page, verify_csrf, word};
use crate::page::Page;
use crate::staff::{SignedIn, pending_step};

/// Wrong codes per account in a quarter of an hour before the step refuses to check more.
const WRONG_CODES_ALLOWED: i64 = 5;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct CodeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
}

#[derive(Serialize)]
struct View<'a> {
    errors: &'a [FieldError],
    field_errors: std::collections::BTreeMap<&'static str, &'a str>,
    csrf: String,
}

pub(crate) async fn show(
    signed: SignedIn,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    if pending_step(&signed.session) != Some("/masuk/kode") {
        return Ok(Redirect::to("/kantor").into_response());
    }
    render(&page, &ctx, &headers, &[], StatusCode::OK)
}

pub(crate) async fn submit(
    signed: SignedIn,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    form: Result<Form<CodeForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    if pending_step(&signed.session) != Some("/masuk/kode") {
        return Ok(Redirect::to("/kantor").into_response());
    }
    let now = Utc::now();
    let user = &signed.session.user;
    let bucket = format!("totp:{}", user.id);
    let window = Duration::minutes(15);
    if rate_limit::hits(&ctx.app.db, &bucket, window, now).await? >= WRONG_CODES_ALLOWED {
        let errors = word(&page, &[Problem::new("code", "office-code-throttled")])?;
        return render(
            &page,
            &ctx,
            &headers,
            &errors,
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    if !accounts::check_second_factor(&ctx.app.db, &ctx.app.vault, user.id, &form.code, now).await?
    {
        rate_limit::hit(&ctx.app.db, &bucket, window, now).await?;
        let errors = word(&page, &[Problem::new("code", "office-code-wrong")])?;
        return render(&page, &ctx, &headers, &errors, StatusCode::UNAUTHORIZED);
    }
    sessions::complete_second_factor(&ctx.app.db, &signed.token).await?;
    let next = if user.must_change_password {
        "/kantor/akun/sandi"
    } else {
        "/kantor"
    };
    Ok(Redirect::to(next).into_response())
}

fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    errors: &[FieldError],
    status: StatusCode,
) -> Result<Response, WebError> {
    let csrf = issue_csrf(&ctx.app.vault, headers);
    let view = View {
        errors,
        field_errors: by_field(errors),
        csrf: csrf.token,
    };
    let html = page.render("office/second_factor.html", view)?;
    Ok(private_page(status, html, csrf.set_cookie))
}
