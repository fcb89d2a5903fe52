//! `GET`/`POST /survei/{token}`: the evaluation survey of one socialization meeting, opened
//! from its link or QR code on a participant's phone, without an account. The participant
//! gives their NIP (checked against the attendance list when the event has one) and answers
//! once; a second answer from the same NIP is declined with thanks, not an error page.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::Utc;
use netral_domain::roster::EmployeeNumber;
use netral_domain::survey::{QuestionKind, SurveyTemplate, read_response};
use netral_store::prevention::socialization::{Event, attended, event_by_token};
use netral_store::prevention::survey_responses::{RespondError, has_answered, respond};
use serde::Serialize;

use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::{issue_csrf, private_page, verify_csrf};
use crate::page::Page;

/// A question as the form shows it, in the visitor's language.
#[derive(Serialize)]
struct QuestionView {
    code: String,
    field: String,
    prompt: String,
    kind: &'static str,
    required: bool,
    options: Vec<OptionView>,
    low: String,
    high: String,
    /// What was typed into a text question, to show again.
    typed: String,
    /// The message beside it after a wrong submission.
    error_key: Option<&'static str>,
}

#[derive(Serialize)]
struct OptionView {
    value: String,
    label: String,
    checked: bool,
}

#[derive(Serialize)]
struct SurveyView {
    title: String,
    event_title: String,
    agency: String,
    held_on: String,
    place: String,
    nip: String,
    nip_error_key: Option<&'static str>,
    questions: Vec<QuestionView>,
    /// `thanks` after an answer, `already` for a second one, else the form.
    outcome: Option<&'static str>,
    has_errors: bool,
    csrf: String,
    token: String,
}

async fn open(ctx: &Ctx, token: &str) -> Result<(Event, SurveyTemplate), WebError> {
    let event = event_by_token(&ctx.app.db, token)
        .await?
        .ok_or(WebError::NotFound)?;
    let template = ctx
        .app
        .rules
        .survey(&event.survey_code)
        .cloned()
        .ok_or(WebError::NotFound)?;
    Ok((event, template))
}

pub(crate) async fn show(
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let (event, template) = open(&ctx, &token).await?;
    render(
        &page,
        &ctx,
        &headers,
        &event,
        &template,
        &Filled::default(),
        StatusCode::OK,
    )
}

/// What the visitor sent, to show again with the problems.
#[derive(Default)]
struct Filled<'a> {
    fields: &'a [(String, String)],
    nip: String,
    nip_error: Option<&'static str>,
    errors: Vec<(String, &'static str)>,
    outcome: Option<&'static str>,
}

pub(crate) async fn submit(
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(token): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(fields) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    let value = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    if !verify_csrf(&ctx.app.vault, &headers, &value("csrf")) {
        return Err(WebError::FormExpired);
    }
    let (event, template) = open(&ctx, &token).await?;
    let typed_nip: String = value("nip")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut filled = Filled {
        fields: &fields,
        nip: typed_nip.clone(),
        ..Filled::default()
    };
    let nip = match EmployeeNumber::parse(&typed_nip, None) {
        Ok(nip) => Some(nip.as_str().to_owned()),
        Err(_) => {
            filled.nip_error = Some(if typed_nip.is_empty() {
                "survey-error-required"
            } else {
                "survey-error-nip"
            });
            None
        }
    };
    let db = &ctx.app.db;
    if let Some(nip) = &nip {
        if has_answered(db, event.id, &event.survey_token, nip).await? {
            filled.outcome = Some("already");
            return render(
                &page,
                &ctx,
                &headers,
                &event,
                &template,
                &filled,
                StatusCode::CONFLICT,
            );
        }
        if event.attendees > 0 && !attended(db, event.id, nip).await? {
            filled.nip_error = Some("survey-error-not-listed");
        }
    }
    let response = match read_response(&template, &fields) {
        Ok(response) => Some(response),
        Err(problems) => {
            filled.errors = problems
                .into_iter()
                .map(|p| (p.question, p.problem))
                .collect();
            None
        }
    };
    let (Some(nip), Some(response), None) = (nip, response, filled.nip_error) else {
        return render(
            &page,
            &ctx,
            &headers,
            &event,
            &template,
            &filled,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    match respond(
        db,
        event.id,
        &event.survey_token,
        &nip,
        &response,
        Utc::now(),
    )
    .await
    {
        Ok(()) => filled.outcome = Some("thanks"),
        // Two sends racing each other: the second finds the first.
        Err(RespondError::AlreadyAnswered) => {
            filled.outcome = Some("already");
            return render(
                &page,
                &ctx,
                &headers,
                &event,
                &template,
                &filled,
                StatusCode::CONFLICT,
            );
        }
        Err(RespondError::Store(e)) => return Err(e.into()),
    }
    render(
        &page,
        &ctx,
        &headers,
        &event,
        &template,
        &filled,
        StatusCode::OK,
    )
}

fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    event: &Event,
    template: &SurveyTemplate,
    filled: &Filled<'_>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let sent = |field: &str, value: &str| {
        filled
            .fields
            .iter()
            .any(|(k, v)| k == field && v.trim() == value)
    };
    let questions = template
        .questions
        .iter()
        .map(|q| {
            let field = netral_domain::survey::field_name(&q.code);
            let options = match &q.kind {
                QuestionKind::Single { options } | QuestionKind::Multiple { options } => options
                    .iter()
                    .map(|o| OptionView {
                        checked: sent(&field, &o.code),
                        value: o.code.clone(),
                        label: lang.pick(&o.label).to_owned(),
                    })
                    .collect(),
                QuestionKind::Scale { min, max, .. } => (*min..=*max)
                    .map(|n| OptionView {
                        checked: sent(&field, &n.to_string()),
                        value: n.to_string(),
                        label: n.to_string(),
                    })
                    .collect(),
                QuestionKind::Text => Vec::new(),
            };
            let (low, high) = match &q.kind {
                QuestionKind::Scale { low, high, .. } => {
                    (lang.pick(low).to_owned(), lang.pick(high).to_owned())
                }
                _ => Default::default(),
            };
            let typed = filled
                .fields
                .iter()
                .find(|(k, _)| *k == field)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            QuestionView {
                typed,
                prompt: lang.pick(&q.prompt).to_owned(),
                kind: q.kind.as_str(),
                required: q.required,
                options,
                low,
                high,
                error_key: filled
                    .errors
                    .iter()
                    .find(|(code, _)| *code == q.code)
                    .map(|(_, key)| *key),
                code: q.code.clone(),
                field,
            }
        })
        .collect();
    let csrf = issue_csrf(&ctx.app.vault, headers);
    let view = SurveyView {
        title: lang.pick(&template.title).to_owned(),
        event_title: event.title.clone(),
        agency: event.agency_name.clone(),
        held_on: page.long_date(event.held_on)?,
        place: event.place.clone(),
        nip: filled.nip.clone(),
        nip_error_key: filled.nip_error,
        questions,
        outcome: filled.outcome,
        has_errors: filled.nip_error.is_some() || !filled.errors.is_empty(),
        csrf: csrf.token,
        token: event.survey_token.clone(),
    };
    let html = page.render("prevention/survey.html", view)?;
    Ok(private_page(status, html, csrf.set_cookie))
}
