//! `GET /kantor/pertanyaan`: the questions sent from the public guide, unanswered first, each
//! with a form to answer it (`POST /kantor/pertanyaan/{id}`): a verdict, the answer, and
//! whether it is general enough to publish back into the guide. The asker, if they left an
//! address, is mailed the answer; a second click finds the question answered and changes
//! nothing.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use netral_domain::access::Capability;
use netral_store::prevention::advisory::{self, AdvisoryError};
use serde::{Deserialize, Serialize};

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::verify_csrf;
use crate::page::Page;
use crate::staff::Staff;

const LIST_LIMIT: i64 = 200;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct AnswerForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    verdict: String,
    #[serde(default)]
    answer: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    publish: Option<String>,
}

#[derive(Serialize)]
struct Line {
    id: i64,
    question: String,
    asked_at: String,
    has_email: bool,
    verdict_key: Option<String>,
    answer: Option<String>,
    answered_by: Option<String>,
    published: bool,
    /// The message beside this question's form after a refused answer.
    error_key: Option<&'static str>,
}

pub(crate) async fn list(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    staff.require(Capability::AnswerQuestions)?;
    render(&page, &ctx, &headers, &staff, None, StatusCode::OK).await
}

pub(crate) async fn answer(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    form: Result<Form<AnswerForm>, FormRejection>,
) -> Result<Response, WebError> {
    staff.require(Capability::AnswerQuestions)?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let result = advisory::answer(
        &ctx.app.db,
        &staff.user,
        id,
        form.verdict.trim(),
        &form.answer,
        form.publish.is_some(),
        Utc::now(),
    )
    .await;
    let error_key = match result {
        // Answered now, or by an earlier click: either way the list shows the answer.
        Ok(()) | Err(AdvisoryError::AlreadyAnswered) => {
            return Ok(Redirect::to("/kantor/pertanyaan").into_response());
        }
        Err(AdvisoryError::NotFound) => return Err(WebError::NotFound),
        Err(AdvisoryError::BadVerdict(_)) => "advisory-error-verdict",
        Err(AdvisoryError::BadAnswer) => "advisory-error-answer",
        Err(AdvisoryError::Store(e)) => return Err(e.into()),
        Err(other) => return Err(WebError::BadRequest(other.to_string())),
    };
    render(
        &page,
        &ctx,
        &headers,
        &staff,
        Some((id, error_key)),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

async fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    staff: &Staff,
    refused: Option<(i64, &'static str)>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let lines: Vec<Line> = advisory::list(&ctx.app.db, LIST_LIMIT)
        .await?
        .into_iter()
        .map(|q| Line {
            error_key: refused.filter(|(id, _)| *id == q.id).map(|(_, key)| key),
            id: q.id,
            question: q.question,
            asked_at: q.asked_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            has_email: q.asker_email.is_some(),
            verdict_key: q.verdict.map(|v| format!("guide-verdict-{v}")),
            answer: q.answer,
            answered_by: q.answered_by,
            published: q.published,
        })
        .collect();
    #[derive(Serialize)]
    struct View {
        lines: Vec<Line>,
    }
    frame::render(
        page,
        ctx,
        headers,
        &staff.user,
        "office/advisory.html",
        View { lines },
        status,
    )
}
