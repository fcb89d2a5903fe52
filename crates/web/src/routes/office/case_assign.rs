//! `POST /kantor/perkara/{number}/ambil` (take the case: "Ambil") and
//! `POST …/penugasan` (give it to a colleague who handles its stage). Who may do which is the
//! domain's access rule (`netral_domain::access::may_assign`); the store checks it, the
//! assignee's account and scope, and that the assignee the form showed is still the one.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::Utc;
use serde::Deserialize;

use super::case_page::open_case;
use super::case_work::{done, handler, refuse};
use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::verify_csrf;
use crate::page::Page;
use crate::staff::Staff;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct AssignForm {
    #[serde(default)]
    csrf: String,
    /// The user name to give the case to; ignored when taking it.
    #[serde(default)]
    assignee: String,
    /// The assignee the page showed, empty for none.
    #[serde(default)]
    seen: String,
}

pub(crate) async fn take(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(number): Path<String>,
    form: Result<Form<AssignForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    let me = staff.user.username.clone();
    run(&staff, &page, &ctx, &headers, &number, &form, &me, "take").await
}

pub(crate) async fn assign(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(number): Path<String>,
    form: Result<Form<AssignForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    let to = form.assignee.clone();
    run(&staff, &page, &ctx, &headers, &number, &form, &to, "assign").await
}

#[allow(clippy::too_many_arguments)]
async fn run(
    staff: &Staff,
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    number: &str,
    form: &AssignForm,
    to: &str,
    which: &str,
) -> Result<Response, WebError> {
    if !verify_csrf(&ctx.app.vault, headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let detail = open_case(ctx, staff, number).await?;
    let seen = Some(form.seen.as_str()).filter(|s| !s.trim().is_empty());
    let result = netral_store::case_work::assign(
        &ctx.app.db,
        &ctx.app.rules,
        &detail.case.number,
        &handler(staff),
        to,
        seen,
        Utc::now(),
    )
    .await;
    match result {
        Ok(_) => Ok(done(&detail.case.number)),
        Err(error) => {
            let typed = [("assignee".to_owned(), form.assignee.clone())];
            refuse(
                page,
                ctx,
                headers,
                staff,
                &detail.case.number,
                error,
                which,
                &typed,
            )
            .await
        }
    }
}
