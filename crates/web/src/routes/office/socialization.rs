//! `GET`/`POST /kantor/sosialisasi`: the socialization meetings of the agencies in the user's
//! scope, latest first, and the form that records a new one (the agency, date, place,
//! audience, materials, and the evaluation survey's template). A new meeting opens on its own
//! page, where its survey link and QR code are.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, Utc};
use netral_domain::access::{Capability, Scope};
use netral_store::prevention::socialization::{
    EventError, NewEvent, create_event, events_in_scope,
};
use netral_store::registry::agency_overview::{AgencyFilter, agencies_overview};
use serde::{Deserialize, Serialize};

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::{FieldError, Problem, by_field, verify_csrf, word};
use crate::page::Page;
use crate::staff::Staff;

/// The list shows this many meetings; older ones are in the exports of the results page.
const LIST_LIMIT: i64 = 200;
/// Agencies offered in the form's list: every agency of the country fits.
const AGENCY_CHOICES: i64 = 2_000;

#[derive(Debug, Default, Deserialize, Serialize)]
pub(crate) struct EventForm {
    #[serde(default, skip_serializing)]
    csrf: String,
    #[serde(default)]
    agency: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    materials: String,
    #[serde(default)]
    survey: String,
}

#[derive(Serialize)]
struct Line {
    id: i64,
    title: String,
    agency: String,
    held_on: String,
    place: String,
    attendees: i64,
    responses: i64,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

#[derive(Serialize)]
struct View<'a> {
    events: Vec<Line>,
    agencies: Vec<Choice>,
    surveys: Vec<Choice>,
    typed: &'a EventForm,
    errors: &'a [FieldError],
    field_errors: std::collections::BTreeMap<&'static str, &'a str>,
}

pub(crate) async fn list(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    staff.require(Capability::RunPrevention)?;
    render(
        &page,
        &ctx,
        &headers,
        &staff,
        &EventForm::default(),
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
    form: Result<Form<EventForm>, FormRejection>,
) -> Result<Response, WebError> {
    staff.require(Capability::RunPrevention)?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let mut problems = Vec::new();
    let agency = agency_in_scope(&ctx, &staff.user.scope, &form.agency).await?;
    if agency.is_none() {
        problems.push(Problem::new("agency", "office-field-required"));
    }
    let held_on = NaiveDate::parse_from_str(form.held_on.trim(), "%Y-%m-%d").ok();
    if held_on.is_none() {
        problems.push(Problem::new("held_on", "prevention-error-date"));
    }
    if ctx.app.rules.survey(form.survey.trim()).is_none() {
        problems.push(Problem::new("survey", "office-field-required"));
    }
    if let (Some(agency_id), Some(held_on), true) = (agency, held_on, problems.is_empty()) {
        let new = NewEvent {
            agency_id,
            title: form.title.clone(),
            held_on,
            place: form.place.clone(),
            audience: form.audience.clone(),
            materials: form.materials.clone(),
            survey_code: form.survey.trim().to_owned(),
        };
        match create_event(&ctx.app.db, &staff.user, &new, Utc::now()).await {
            Ok(id) => return Ok(Redirect::to(&format!("/kantor/sosialisasi/{id}")).into_response()),
            Err(EventError::Missing(field)) => {
                problems.push(Problem::new(field_name(field), "office-field-required"))
            }
            Err(EventError::TooLong(field)) => {
                problems.push(Problem::new(field_name(field), "prevention-error-too-long"))
            }
            Err(EventError::Store(e)) => return Err(e.into()),
        }
    }
    let errors = word(&page, &problems)?;
    render(
        &page,
        &ctx,
        &headers,
        &staff,
        &form,
        &errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// The form's field a store error names (the same words, as static names the forms know).
fn field_name(field: &str) -> &'static str {
    ["title", "place", "audience", "materials"]
        .into_iter()
        .find(|f| *f == field)
        .unwrap_or(crate::forms::WHOLE_FORM)
}

/// The id of the agency with this code, if the scope covers it.
async fn agency_in_scope(ctx: &Ctx, scope: &Scope, code: &str) -> Result<Option<i64>, WebError> {
    let code = code.trim();
    if code.is_empty() {
        return Ok(None);
    }
    Ok(agencies_in_scope(ctx, scope)
        .await?
        .into_iter()
        .find(|(c, _, _)| c == code)
        .map(|(_, _, id)| id))
}

/// (code, name, id) of every agency the scope covers, by name.
async fn agencies_in_scope(
    ctx: &Ctx,
    scope: &Scope,
) -> Result<Vec<(String, String, i64)>, WebError> {
    let page = agencies_overview(
        &ctx.app.db,
        scope,
        &AgencyFilter::default(),
        "",
        AGENCY_CHOICES,
        0,
    )
    .await?;
    Ok(page
        .lines
        .into_iter()
        .map(|l| (l.coverage.agency_code, l.coverage.agency_name, l.id))
        .collect())
}

async fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    staff: &Staff,
    typed: &EventForm,
    errors: &[FieldError],
    status: StatusCode,
) -> Result<Response, WebError> {
    let events = events_in_scope(&ctx.app.db, &staff.user.scope, LIST_LIMIT)
        .await?
        .into_iter()
        .map(|e| {
            Ok(Line {
                id: e.id,
                title: e.title,
                agency: e.agency_name,
                held_on: page.long_date(e.held_on)?,
                place: e.place,
                attendees: e.attendees,
                responses: e.responses,
            })
        })
        .collect::<Result<_, WebError>>()?;
    let agencies = agencies_in_scope(ctx, &staff.user.scope)
        .await?
        .into_iter()
        .map(|(code, name, _)| Choice {
            label: format!("{name} ({code})"),
            value: code,
        })
        .collect();
    let surveys = ctx
        .app
        .rules
        .surveys()
        .iter()
        .map(|s| Choice {
            value: s.code.clone(),
            label: page.lang.pick(&s.title).to_owned(),
        })
        .collect();
    let view = View {
        events,
        agencies,
        surveys,
        typed,
        errors,
        field_errors: by_field(errors),
    };
    frame::render(
        page,
        ctx,
        headers,
        &staff.user,
        "office/socialization.html",
        view,
        status,
    )
}
