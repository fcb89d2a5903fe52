//! `POST /kantor/perkara/{number}/gabung`: merge case `number`, a duplicate, into the case
//! named in the form (`into`), which carries on with its reports, evidence and messages. The
//! form is posted from either case's desk (`from_page` says which, so a refusal comes back
//! there); the store refuses a merge into itself, across agencies or scopes, about another
//! person, or when either case is finished, all in one transaction.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::Utc;
use netral_store::case_work;
use serde::Deserialize;

use super::case_page::open_case;
use super::case_work::{done, handler, refuse};
use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::verify_csrf;
use crate::page::Page;
use crate::staff::Staff;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct MergeForm {
    #[serde(default)]
    csrf: String,
    /// The number of the case that carries on.
    #[serde(default)]
    into: String,
    #[serde(default)]
    note: String,
    /// The case whose desk the form was on: this one, or `into`.
    #[serde(default)]
    from_page: String,
}

pub(crate) async fn merge(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(number): Path<String>,
    form: Result<Form<MergeForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let duplicate = open_case(&ctx, &staff, &number).await?;
    let into = form.into.trim().to_uppercase();
    let result = case_work::merge(
        &ctx.app.db,
        &ctx.app.rules,
        &duplicate.case.number,
        &into,
        &handler(&staff),
        &form.note,
        Utc::now(),
    )
    .await;
    match result {
        Ok(_) => Ok(done(&into)),
        Err(error) => {
            // Back to the desk the form came from, when that is the other case and it can be
            // opened; else this one's.
            let back = if form.from_page.trim().eq_ignore_ascii_case(&into)
                && !into.is_empty()
                && open_case(&ctx, &staff, &into).await.is_ok()
            {
                into.clone()
            } else {
                duplicate.case.number.clone()
            };
            let typed = [
                ("into".to_owned(), form.into.clone()),
                ("note".to_owned(), form.note.clone()),
            ];
            let form_name = if back == duplicate.case.number {
                "merge-away".to_owned()
            } else {
                format!("merge-{}", duplicate.case.number)
            };
            refuse(
                &page, &ctx, &headers, &staff, &back, error, &form_name, &typed,
            )
            .await
        }
    }
}
