//! `GET /kantor/akun/sandi` and `POST …`: a staff member replaces their password — required
//! after an administrator set one for them.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use netral_store::accounts::{self, AccountError, MIN_PASSWORD_CHARS, PasswordProblem};
use serde::{Deserialize, Serialize};

use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::{FieldError, Problem, by_field, issue_csrf, private_page, verify_csrf, word};
use crate::page::Page;
use crate::staff::{SignedIn, pending_step};

#[derive(Debug, Default, Deserialize)]
pub(crate) struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    repeat_password: String,
}

#[derive(Serialize)]
struct View<'a> {
    must_change: bool,
    min_chars: usize,
    errors: &'a [FieldError],
    field_errors: std::collections::BTreeMap<&'static str, &'a str>,
    csrf: String,
}

/// Only after the second factor: a stolen password alone must not be enough to change it.
fn second_factor_first(signed: &SignedIn) -> Option<Response> {
    match pending_step(&signed.session) {
        Some(step) if step != "/kantor/akun/sandi" => Some(Redirect::to(step).into_response()),
        _ => None,
    }
}

pub(crate) async fn show(
    signed: SignedIn,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    if let Some(redirect) = second_factor_first(&signed) {
        return Ok(redirect);
    }
    render(&page, &ctx, &headers, &signed, &[], StatusCode::OK)
}

pub(crate) async fn submit(
    signed: SignedIn,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    form: Result<Form<PasswordForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    if let Some(redirect) = second_factor_first(&signed) {
        return Ok(redirect);
    }
    let problem = if form.new_password != form.repeat_password {
        Some(Problem::new("repeat_password", "office-password-mismatch"))
    } else {
        match accounts::change_password(
            &ctx.app.db,
            signed.session.user.id,
            &form.current_password,
            &form.new_password,
            &signed.token,
            Utc::now(),
        )
        .await
        {
            Ok(()) => None,
            Err(AccountError::WrongCurrentPassword) => Some(Problem::new(
                "current_password",
                "office-password-wrong-current",
            )),
            Err(AccountError::Password(problem)) => Some(password_problem(problem)),
            Err(AccountError::Store(e)) => return Err(e.into()),
            Err(other) => return Err(WebError::BadRequest(other.to_string())),
        }
    };
    match problem {
        None => Ok(Redirect::to("/kantor").into_response()),
        Some(problem) => {
            let errors = word(&page, &[problem])?;
            render(
                &page,
                &ctx,
                &headers,
                &signed,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

pub(super) fn password_problem(problem: PasswordProblem) -> Problem {
    match problem {
        PasswordProblem::TooShort => {
            Problem::new("new_password", "office-password-too-short").arg("min", MIN_PASSWORD_CHARS)
        }
        PasswordProblem::TooLong => Problem::new("new_password", "office-password-too-long"),
        PasswordProblem::ContainsUsername => {
            Problem::new("new_password", "office-password-has-username")
        }
    }
}

fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    signed: &SignedIn,
    errors: &[FieldError],
    status: StatusCode,
) -> Result<Response, WebError> {
    let csrf = issue_csrf(&ctx.app.vault, headers);
    let view = View {
        must_change: signed.session.user.must_change_password,
        min_chars: MIN_PASSWORD_CHARS,
        errors,
        field_errors: by_field(errors),
        csrf: csrf.token,
    };
    let html = page.render("office/password.html", view)?;
    Ok(private_page(status, html, csrf.set_cookie))
}
