//! `GET /kantor/akun/token` and its forms: a staff member's personal tokens for the JSON API
//! (`/api/v1`, described at `/api/docs`). A new token is shown once, on the answer to the form
//! that made it, and never again; revoking one ends it at once. Only a session that has given
//! everything sign-in asks — the second factor included where the role needs one — reaches
//! these pages ([`Staff`] sees to that), so a token is never a way around sign-in.

use std::collections::BTreeMap;

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use netral_store::accounts::api_tokens::{self, MAX_LIVE_TOKENS, MAX_NAME_CHARS, TokenError};
use serde::{Deserialize, Serialize};

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::{FieldError, Problem, by_field, verify_csrf, word};
use crate::page::Page;
use crate::staff::Staff;

/// The lifetimes offered, in days; the first is the default.
const LIFETIMES: [i64; 4] = [90, 30, 180, 365];

#[derive(Debug, Default, Deserialize, Serialize)]
pub(crate) struct NewTokenForm {
    #[serde(default, skip_serializing)]
    csrf: String,
    #[serde(default)]
    token_name: String,
    #[serde(default)]
    lifetime: String,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct RevokeForm {
    #[serde(default)]
    csrf: String,
}

#[derive(Serialize)]
struct Line {
    id: i64,
    name: String,
    created_at: String,
    expires_at: String,
    last_used_at: Option<String>,
    live: bool,
    /// `office-tokens-status-live`, `-expired` or `-revoked`.
    status_key: &'static str,
}

/// The token just made, with its secret: in this answer only.
#[derive(Serialize)]
struct Issued {
    name: String,
    secret: String,
    expires_at: String,
}

#[derive(Serialize)]
struct View<'a> {
    tokens: Vec<Line>,
    lifetimes: [i64; 4],
    typed: &'a NewTokenForm,
    issued: Option<Issued>,
    max_name: usize,
    errors: &'a [FieldError],
    field_errors: BTreeMap<&'static str, &'a str>,
}

fn when(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

pub(crate) async fn list(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    render(
        &page,
        &ctx,
        &headers,
        &staff,
        &NewTokenForm::default(),
        None,
        &[],
        StatusCode::OK,
    )
    .await
}

pub(crate) async fn create(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    form: Result<Form<NewTokenForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let days = form
        .lifetime
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|d| LIFETIMES.contains(d));
    let problem = match days {
        None => Problem::new("lifetime", "office-field-required"),
        Some(days) => {
            match api_tokens::create(&ctx.app.db, &staff.user, &form.token_name, days, Utc::now())
                .await
            {
                Ok(issued) => {
                    let issued = Issued {
                        name: form.token_name.trim().to_owned(),
                        secret: issued.secret,
                        expires_at: when(issued.expires_at),
                    };
                    return render(
                        &page,
                        &ctx,
                        &headers,
                        &staff,
                        &NewTokenForm::default(),
                        Some(issued),
                        &[],
                        StatusCode::CREATED,
                    )
                    .await;
                }
                Err(TokenError::EmptyName) => Problem::new("token_name", "office-field-required"),
                Err(TokenError::NameTooLong) => {
                    Problem::new("token_name", "office-tokens-name-too-long")
                        .arg("max", MAX_NAME_CHARS)
                }
                Err(TokenError::TooMany) => Problem::new("token_name", "office-tokens-too-many")
                    .arg(
                        "max",
                        usize::try_from(MAX_LIVE_TOKENS).unwrap_or(usize::MAX),
                    ),
                Err(TokenError::BadLifetime(_)) => {
                    Problem::new("lifetime", "office-field-required")
                }
                Err(TokenError::Store(e)) => return Err(e.into()),
            }
        }
    };
    let errors = word(&page, &[problem])?;
    render(
        &page,
        &ctx,
        &headers,
        &staff,
        &form,
        None,
        &errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// Revokes one of the user's own tokens; someone else's id answers 404, as if it did not exist.
pub(crate) async fn revoke(
    staff: Staff,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    form: Result<Form<RevokeForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let now = Utc::now();
    let own = api_tokens::list(&ctx.app.db, staff.user.id)
        .await?
        .into_iter()
        .any(|t| t.id == id);
    if !own {
        return Err(WebError::NotFound);
    }
    // Revoking a token already revoked changes nothing and is no error: the page may be stale.
    api_tokens::revoke(&ctx.app.db, &staff.user, id, now).await?;
    Ok(Redirect::to("/kantor/akun/token").into_response())
}

#[allow(clippy::too_many_arguments)]
async fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    staff: &Staff,
    typed: &NewTokenForm,
    issued: Option<Issued>,
    errors: &[FieldError],
    status: StatusCode,
) -> Result<Response, WebError> {
    let now = Utc::now();
    let tokens = api_tokens::list(&ctx.app.db, staff.user.id)
        .await?
        .into_iter()
        .map(|t| Line {
            live: t.is_live(now),
            status_key: if t.revoked_at.is_some() {
                "office-tokens-status-revoked"
            } else if t.is_live(now) {
                "office-tokens-status-live"
            } else {
                "office-tokens-status-expired"
            },
            id: t.id,
            name: t.name,
            created_at: when(t.created_at),
            expires_at: when(t.expires_at),
            last_used_at: t.last_used_at.map(when),
        })
        .collect();
    let view = View {
        tokens,
        lifetimes: LIFETIMES,
        typed,
        issued,
        max_name: MAX_NAME_CHARS,
        errors,
        field_errors: by_field(errors),
    };
    frame::render(
        page,
        ctx,
        headers,
        &staff.user,
        "office/api_tokens.html",
        view,
        status,
    )
}
