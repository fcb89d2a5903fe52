//! `GET /masuk` and `POST /masuk`: a staff member signs in with user name and password. One
//! answer for an unknown name, a wrong password and a disabled account, so the page tells an
//! attacker nothing; throttled after repeated failures.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use netral_domain::access::requires_second_factor;
use netral_store::accounts::{self, SignInOutcome, sessions};
use serde::{Deserialize, Serialize};

use crate::app::Ctx;
use crate::client::ClientIp;
use crate::error::WebError;
use crate::forms::{
    FieldError, Problem, WHOLE_FORM, by_field, issue_csrf, private_page, verify_csrf, word,
};
use crate::page::Page;
use crate::staff::{local_target, session_cookie};

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Next {
    #[serde(default)]
    lanjut: String,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SignInForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    lanjut: String,
}

#[derive(Serialize)]
struct View<'a> {
    username: &'a str,
    lanjut: &'a str,
    errors: &'a [FieldError],
    field_errors: std::collections::BTreeMap<&'static str, &'a str>,
    csrf: String,
}

pub(crate) async fn show(
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Query(next): Query<Next>,
) -> Result<Response, WebError> {
    render(&page, &ctx, &headers, "", &next.lanjut, &[], StatusCode::OK)
}

pub(crate) async fn submit(
    page: Page,
    State(ctx): State<Ctx>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    form: Result<Form<SignInForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let now = Utc::now();
    let ip = ip.to_string();
    let outcome = accounts::sign_in(&ctx.app.db, &form.username, &form.password, &ip, now).await?;
    let (problem, status) = match outcome {
        SignInOutcome::SignedIn(user) => {
            let second_factor_done = !(user.has_second_factor || requires_second_factor(user.role));
            let token = sessions::open(&ctx.app.db, user.id, second_factor_done, &ip, now).await?;
            let session = sessions::Session {
                user,
                second_factor_done,
            };
            let target = crate::staff::pending_step(&session)
                .or_else(|| local_target(&form.lanjut))
                .unwrap_or("/kantor");
            let mut response = Redirect::to(target).into_response();
            response
                .headers_mut()
                .append(header::SET_COOKIE, session_cookie(&token));
            return Ok(response);
        }
        SignInOutcome::Refused => (
            Problem::new(WHOLE_FORM, "office-sign-in-refused"),
            StatusCode::UNAUTHORIZED,
        ),
        SignInOutcome::Throttled => (
            Problem::new(WHOLE_FORM, "office-sign-in-throttled"),
            StatusCode::TOO_MANY_REQUESTS,
        ),
    };
    let errors = word(&page, &[problem])?;
    render(
        &page,
        &ctx,
        &headers,
        &form.username,
        &form.lanjut,
        &errors,
        status,
    )
}

fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    username: &str,
    lanjut: &str,
    errors: &[FieldError],
    status: StatusCode,
) -> Result<Response, WebError> {
    let csrf = issue_csrf(&ctx.app.vault, headers);
    let view = View {
        username,
        lanjut: local_target(lanjut).unwrap_or(""),
        errors,
        field_errors: by_field(errors),
        csrf: csrf.token,
    };
    let html = page.render("office/sign_in.html", view)?;
    Ok(private_page(status, html, csrf.set_cookie))
}
