//! `POST /kantor/perkara/{number}/terlapor`: link the case to a civil servant found in the
//! roster search of the case's desk, or correct the link with a reason. The case moves to that
//! person's agency; the store refuses a person outside the handler's scope (so no one moves a
//! case out of their own sight) and a subject changed since the page was shown.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::Utc;
use netral_domain::access::Capability;
use netral_store::case_work::{self, SubjectLink};
use serde::Deserialize;

use super::case_page::open_case;
use super::case_work::{done, handler, refuse};
use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::verify_csrf;
use crate::page::Page;
use crate::staff::Staff;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct LinkForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    nip: String,
    /// The subject's NIP the page showed, empty for none.
    #[serde(default)]
    seen: String,
    /// Why the subject is replaced; required when there was one.
    #[serde(default)]
    reason: String,
}

pub(crate) async fn link(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(number): Path<String>,
    form: Result<Form<LinkForm>, FormRejection>,
) -> Result<Response, WebError> {
    staff.require(Capability::ViewRoster)?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let detail = open_case(&ctx, &staff, &number).await?;
    let link = SubjectLink {
        nip: &form.nip,
        seen: Some(form.seen.as_str()).filter(|s| !s.trim().is_empty()),
        reason: Some(form.reason.as_str()).filter(|r| !r.trim().is_empty()),
    };
    let result = case_work::link_subject(
        &ctx.app.db,
        &ctx.app.rules,
        &detail.case.number,
        &handler(&staff),
        &link,
        Utc::now(),
    )
    .await;
    match result {
        Ok(_) => Ok(done(&detail.case.number)),
        Err(error) => {
            let typed = [
                ("nip".to_owned(), form.nip.clone()),
                ("reason".to_owned(), form.reason.clone()),
            ];
            let form_name = format!("link-{}", form.nip.trim());
            refuse(
                &page,
                &ctx,
                &headers,
                &staff,
                &detail.case.number,
                error,
                &form_name,
                &typed,
            )
            .await
        }
    }
}
