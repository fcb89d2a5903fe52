//! `GET /kantor/akun/dua-faktor` and `POST …`: linking an authenticator app to the account.
//! Required before first use for roles that need a second factor. The secret travels in the
//! form signed (not stored) until the user proves, with a code, that the app holds it; only
//! then is it sealed into the database.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use netral_store::accounts::{self, second_factor, sessions};
use serde::{Deserialize, Serialize};

use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::{FieldError, Problem, by_field, issue_csrf, private_page, verify_csrf, word};
use crate::page::Page;
use crate::qr::qr_svg;
use crate::staff::SignedIn;

const PURPOSE: &str = "totp-enroll";
const ISSUER: &str = "Netral";

#[derive(Debug, Default, Deserialize)]
pub(crate) struct EnrollForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    enrollment: String,
    #[serde(default)]
    code: String,
}

#[derive(Serialize)]
struct View<'a> {
    qr: String,
    /// The secret in groups of four, for typing into an app without a camera.
    secret_grouped: String,
    enrollment: &'a str,
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
    if signed.session.user.has_second_factor {
        return Ok(Redirect::to("/kantor").into_response());
    }
    let secret = second_factor::new_secret();
    let enrollment = ctx
        .app
        .vault
        .sign(PURPOSE, &format!("{}:{secret}", signed.session.user.id));
    render(
        &page,
        &ctx,
        &headers,
        &signed,
        &secret,
        &enrollment,
        &[],
        StatusCode::OK,
    )
}

pub(crate) async fn submit(
    signed: SignedIn,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    form: Result<Form<EnrollForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let user = &signed.session.user;
    if user.has_second_factor {
        return Ok(Redirect::to("/kantor").into_response());
    }
    // The secret must be one this server offered to this very account.
    let secret = ctx
        .app
        .vault
        .verify(PURPOSE, &form.enrollment)
        .and_then(|payload| {
            let (id, secret) = payload.split_once(':')?;
            (id == user.id.to_string()).then(|| secret.to_owned())
        })
        .ok_or(WebError::FormExpired)?;
    let enabled = accounts::enable_second_factor(
        &ctx.app.db,
        &ctx.app.vault,
        user.id,
        &secret,
        &form.code,
        Utc::now(),
    )
    .await?;
    if !enabled {
        let errors = word(&page, &[Problem::new("code", "office-code-wrong")])?;
        return render(
            &page,
            &ctx,
            &headers,
            &signed,
            &secret,
            &form.enrollment,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    sessions::complete_second_factor(&ctx.app.db, &signed.token).await?;
    let next = if user.must_change_password {
        "/kantor/akun/sandi"
    } else {
        "/kantor"
    };
    Ok(Redirect::to(next).into_response())
}

#[allow(clippy::too_many_arguments)]
fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    signed: &SignedIn,
    secret: &str,
    enrollment: &str,
    errors: &[FieldError],
    status: StatusCode,
) -> Result<Response, WebError> {
    let url = second_factor::enrollment_url(secret, ISSUER, &signed.session.user.username);
    let label = page.text("office-enroll-qr-label", &[])?;
    let csrf = issue_csrf(&ctx.app.vault, headers);
    let view = View {
        qr: qr_svg(&url, &label).unwrap_or_default(),
        secret_grouped: secret
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" "),
        enrollment,
        errors,
        field_errors: by_field(errors),
        csrf: csrf.token,
    };
    let html = page.render("office/enroll.html", view)?;
    Ok(private_page(status, html, csrf.set_cookie))
}
