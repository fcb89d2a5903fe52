//! `POST /keluar`: ends the session on the server, not only the cookie in this browser.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use netral_store::accounts::sessions;
use serde::Deserialize;

use crate::app::Ctx;
use crate::cookies::cookie;
use crate::error::WebError;
use crate::forms::verify_csrf;
use crate::staff::{SESSION_COOKIE, clear_session_cookie};

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SignOutForm {
    #[serde(default)]
    csrf: String,
}

pub(crate) async fn submit(
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    form: Result<Form<SignOutForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        sessions::close(&ctx.app.db, token).await?;
    }
    let mut response = Redirect::to("/masuk").into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, clear_session_cookie());
    Ok(response)
}
