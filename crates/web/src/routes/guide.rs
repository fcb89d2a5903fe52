//! The public "Boleh atau tidak?" guide (no sign-in), answered from the `[[guide]]` entries of
//! the rule set in force today (see `netral_domain::guide`):
//!
//! - `GET /boleh-atau-tidak?q=…` searches in everyday words (typos and slang tolerated), or
//!   lists every situation when nothing is asked, with the oversight body's published answers;
//! - `GET /boleh-atau-tidak/{code}` gives one answer whole: the verdict, why, the conditions,
//!   what to do instead, the legal basis and the sanction it can bring (each read is counted,
//!   anonymously, so the most read make the campaign posters);
//! - `POST /boleh-atau-tidak/tanya` sends a question the guide did not answer to the advisory
//!   line (`netral_store::prevention::advisory`).

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::Utc;
use netral_domain::deadline::jakarta_date;
use netral_domain::guide::{Answer, GuideIndex, answers_query};
use netral_domain::rules::RuleSet;
use netral_store::prevention::advisory::{self, AdvisoryError, MAX_QUESTION_CHARS};
use netral_store::prevention::guide_reads::count_read;
use serde::{Deserialize, Serialize};

use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::{FieldError, Problem, by_field, issue_csrf, private_page, verify_csrf, word};
use crate::i18n::Lang;
use crate::labels;
use crate::page::Page;

/// Answers shown for one question: the best and a few near it.
const HITS: usize = 5;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SearchParams {
    #[serde(default)]
    q: String,
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub(crate) struct AskForm {
    #[serde(default, skip_serializing)]
    csrf: String,
    #[serde(default)]
    question: String,
    #[serde(default)]
    email: String,
}

/// One answer as pages show it, in the visitor's language.
#[derive(Serialize)]
pub(crate) struct AnswerView {
    pub code: String,
    pub question: String,
    /// `allowed`, `conditional` or `forbidden`; `verdict_key` is its label.
    pub verdict: &'static str,
    pub verdict_key: String,
    pub answer: String,
    pub conditions: Option<String>,
    pub instead: Option<String>,
    pub legal_basis: String,
    pub violation: Option<String>,
    pub sanction: Option<String>,
    pub severity_key: Option<&'static str>,
}

pub(crate) fn answer_view(lang: Lang, answer: &Answer<'_>) -> AnswerView {
    AnswerView {
        code: answer.entry.code.clone(),
        question: lang.pick(&answer.entry.question).to_owned(),
        verdict: answer.verdict.as_str(),
        verdict_key: format!("guide-verdict-{}", answer.verdict.as_str()),
        answer: lang.pick(&answer.entry.answer).to_owned(),
        conditions: answer
            .entry
            .conditions
            .as_ref()
            .map(|c| lang.pick(c).to_owned()),
        instead: answer
            .entry
            .instead
            .as_ref()
            .map(|c| lang.pick(c).to_owned()),
        legal_basis: answer.legal_basis.clone(),
        violation: answer.violation.map(|v| lang.pick(&v.title).to_owned()),
        sanction: answer.sanction.map(|s| lang.pick(&s.title).to_owned()),
        severity_key: answer.sanction.map(|s| labels::severity(s.severity)),
    }
}

/// The rule set the guide answers from: the one in force today.
pub(crate) fn rules_today(ctx: &Ctx) -> Result<&RuleSet, WebError> {
    Ok(ctx.app.rules.in_force_on(jakarta_date(Utc::now()))?)
}

#[derive(Serialize)]
struct Published {
    question: String,
    verdict_key: String,
    answer: String,
    answered_on: String,
}

#[derive(Serialize)]
struct SearchView<'a> {
    q: String,
    searched: bool,
    hits: Vec<AnswerView>,
    all: Vec<AnswerView>,
    published: Vec<Published>,
    oversight_body: String,
    typed: &'a AskForm,
    errors: &'a [FieldError],
    field_errors: std::collections::BTreeMap<&'static str, &'a str>,
    asked: Option<i64>,
    max_question: usize,
    csrf: String,
}

pub(crate) async fn search(
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Query(params): Query<SearchParams>,
) -> Result<Response, WebError> {
    render(
        &page,
        &ctx,
        &headers,
        &params.q,
        &AskForm::default(),
        &[],
        None,
        StatusCode::OK,
    )
    .await
}

pub(crate) async fn ask(
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    form: Result<Form<AskForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let problem = match advisory::ask(&ctx.app.db, &form.question, &form.email, Utc::now()).await {
        Ok(id) => {
            return render(
                &page,
                &ctx,
                &headers,
                "",
                &AskForm::default(),
                &[],
                Some(id),
                StatusCode::OK,
            )
            .await;
        }
        Err(AdvisoryError::QuestionTooShort) => Problem::new("question", "guide-error-short"),
        Err(AdvisoryError::QuestionTooLong) => {
            Problem::new("question", "guide-error-long").arg("max", MAX_QUESTION_CHARS)
        }
        Err(AdvisoryError::BadEmail) => Problem::new("email", "guide-error-email"),
        Err(AdvisoryError::Store(e)) => return Err(e.into()),
        Err(other) => return Err(WebError::BadRequest(other.to_string())),
    };
    let errors = word(&page, &[problem])?;
    render(
        &page,
        &ctx,
        &headers,
        &form.question,
        &form,
        &errors,
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    query: &str,
    typed: &AskForm,
    errors: &[FieldError],
    asked: Option<i64>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let set = rules_today(ctx)?;
    let lang = page.lang;
    let q = query
        .trim()
        .chars()
        .take(MAX_QUESTION_CHARS)
        .collect::<String>();
    let searched = !q.is_empty();
    let hits = if searched {
        GuideIndex::new(set)
            .search(&q, HITS)
            .iter()
            .map(|hit| answer_view(lang, &hit.answer))
            .collect()
    } else {
        Vec::new()
    };
    let all = if searched {
        Vec::new()
    } else {
        set.guide
            .iter()
            .filter_map(|entry| set.guide_answer(&entry.code))
            .map(|answer| answer_view(lang, &answer))
            .collect()
    };
    let published = advisory::published(&ctx.app.db)
        .await?
        .into_iter()
        // A search shows the published answers to that question; the full list shows all.
        .filter(|p| !searched || answers_query(&q, &p.question))
        .filter_map(|p| {
            Some(Published {
                question: p.question,
                verdict_key: format!("guide-verdict-{}", p.verdict?),
                answer: p.answer?,
                answered_on: page.long_date(jakarta_date(p.answered_at?)).ok()?,
            })
        })
        .collect();
    let csrf = issue_csrf(&ctx.app.vault, headers);
    // A question the guide could not answer is offered to the advisory line as typed.
    let typed_question = if typed.question.is_empty() && searched {
        AskForm {
            question: q.clone(),
            ..AskForm::default()
        }
    } else {
        AskForm {
            question: typed.question.clone(),
            email: typed.email.clone(),
            ..AskForm::default()
        }
    };
    let view = SearchView {
        q,
        searched,
        hits,
        all,
        published,
        oversight_body: set.oversight_body.clone(),
        typed: &typed_question,
        errors,
        field_errors: by_field(errors),
        asked,
        max_question: MAX_QUESTION_CHARS,
        csrf: csrf.token,
    };
    let html = page.render("prevention/guide.html", view)?;
    Ok(private_page(status, html, csrf.set_cookie))
}

pub(crate) async fn entry(
    page: Page,
    State(ctx): State<Ctx>,
    Path(code): Path<String>,
) -> Result<axum::response::Html<String>, WebError> {
    let set = rules_today(&ctx)?;
    let answer = set.guide_answer(&code).ok_or(WebError::NotFound)?;
    count_read(&ctx.app.db, &answer.entry.code).await?;
    #[derive(Serialize)]
    struct View {
        a: AnswerView,
        version: String,
        oversight_body: String,
    }
    page.render(
        "prevention/guide_entry.html",
        View {
            a: answer_view(page.lang, &answer),
            version: set.version.clone(),
            oversight_body: set.oversight_body.clone(),
        },
    )
}
