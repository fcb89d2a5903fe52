//! The screening engine's leads in the back office (task force only, within its scope):
//!
//! - `GET /kantor/temuan`: open leads grouped per civil servant and election, strongest first;
//! - `GET /kantor/temuan/{person}/{election}`: one civil servant's leads with the activity,
//!   the explanation and how the account was tied to them, each with its decision forms;
//! - `POST /kantor/temuan/lead/{id}/terima` accepts a lead into a report (the page then names it);
//!   `POST …/tolak` rejects it with a reason. A lead already decided answers with the page as
//!   it now is, not an error.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use netral_domain::access::Capability;
use netral_store::screening::leads::{Lead, get};
use netral_store::screening::queue::{leads_of, open_groups};
use netral_store::screening::review::{ReviewError, accept as accept_lead, reject as reject_lead};
use serde::{Deserialize, Serialize};

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::verify_csrf;
use crate::page::Page;
use crate::staff::{Staff, encode};

#[derive(Debug, Default, Deserialize)]
pub(crate) struct DecisionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    note: String,
}

#[derive(Serialize)]
struct GroupLine {
    href: String,
    nip: String,
    name: String,
    agency: String,
    election: String,
    open: usize,
    score: String,
    violations: String,
    latest: String,
}

#[derive(Serialize)]
struct LeadLine {
    id: i64,
    violation: String,
    score: String,
    owner_declared: bool,
    owner_confidence: String,
    platform: String,
    handle: String,
    action: String,
    text: String,
    target: Option<String>,
    url: String,
    at: String,
    reasons: Vec<String>,
    record_sha256: String,
    status: String,
    reviewed_by: Option<String>,
    review_note: Option<String>,
    report_number: Option<String>,
    error_key: Option<&'static str>,
}

fn covers(staff: &Staff, lead_agency: i64, region: Option<&str>) -> bool {
    let region = region.and_then(|r| r.parse().ok());
    staff.user.scope.covers_agency(lead_agency, region.as_ref())
}

pub(crate) async fn queue(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    staff.require(Capability::ReviewLeads)?;
    let groups: Vec<GroupLine> = open_groups(&ctx.app.db, &staff.user.scope)
        .await?
        .into_iter()
        .map(|g| GroupLine {
            href: format!(
                "/kantor/temuan/{}/{}",
                g.civil_servant_id,
                encode(&g.election)
            ),
            nip: g.nip,
            name: g.name,
            agency: g.agency_name,
            election: g.election,
            open: g.open,
            score: format!("{:.2}", g.top_score),
            violations: g.violations.join(", "),
            latest: g.latest.format("%Y-%m-%d").to_string(),
        })
        .collect();
    #[derive(Serialize)]
    struct View {
        groups: Vec<GroupLine>,
    }
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/leads.html",
        View { groups },
        StatusCode::OK,
    )
}

fn line(lead: Lead, error: Option<(i64, &'static str)>) -> LeadLine {
    LeadLine {
        error_key: error.filter(|(id, _)| *id == lead.id).map(|(_, key)| key),
        id: lead.id,
        violation: lead.violation,
        score: format!("{:.2}", lead.score),
        owner_declared: lead.owner_basis == "declared",
        owner_confidence: format!("{:.0} %", lead.owner_confidence * 100.0),
        platform: lead.platform,
        handle: lead.handle,
        action: lead.action,
        text: lead.text,
        target: lead.target,
        url: lead.url,
        at: lead.at.format("%Y-%m-%d %H:%M UTC").to_string(),
        reasons: lead.reasons,
        record_sha256: lead.record_sha256,
        status: lead.status,
        reviewed_by: lead.reviewed_by,
        review_note: lead.review_note,
        report_number: lead.report_number,
    }
}

pub(crate) async fn person(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path((person, election)): Path<(i64, String)>,
) -> Result<Response, WebError> {
    render_person(
        &page,
        &ctx,
        &headers,
        &staff,
        person,
        &election,
        None,
        StatusCode::OK,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn render_person(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    staff: &Staff,
    person: i64,
    election: &str,
    error: Option<(i64, &'static str)>,
    status: StatusCode,
) -> Result<Response, WebError> {
    staff.require(Capability::ReviewLeads)?;
    let leads = leads_of(&ctx.app.db, person, election).await?;
    let Some(first) = leads.first() else {
        return Err(WebError::NotFound);
    };
    if !covers(staff, first.agency_id, first.region_code.as_deref()) {
        return Err(WebError::NotFound);
    }
    #[derive(Serialize)]
    struct View {
        nip: String,
        name: String,
        agency: String,
        election: String,
        leads: Vec<LeadLine>,
    }
    let view = View {
        nip: first.nip.clone(),
        name: first.name.clone(),
        agency: first.agency_name.clone(),
        election: election.to_owned(),
        leads: leads.into_iter().map(|l| line(l, error)).collect(),
    };
    frame::render(
        page,
        ctx,
        headers,
        &staff.user,
        "office/lead_person.html",
        view,
        status,
    )
}

/// The lead, if the user may decide it.
async fn decidable(ctx: &Ctx, staff: &Staff, id: i64) -> Result<Lead, WebError> {
    staff.require(Capability::ReviewLeads)?;
    let lead = get(&ctx.app.db, id).await?.ok_or(WebError::NotFound)?;
    if !covers(staff, lead.agency_id, lead.region_code.as_deref()) {
        return Err(WebError::NotFound);
    }
    Ok(lead)
}

fn person_href(lead: &Lead) -> String {
    format!(
        "/kantor/temuan/{}/{}",
        lead.civil_servant_id,
        encode(&lead.election)
    )
}

pub(crate) async fn accept(
    staff: Staff,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    form: Result<Form<DecisionForm>, FormRejection>,
) -> Result<Response, WebError> {
    let lead = decidable(&ctx, &staff, id).await?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    match accept_lead(&ctx.app.db, &ctx.app.rules, &staff.user, id, Utc::now()).await {
        Ok(_) | Err(ReviewError::AlreadyDecided) => {
            Ok(Redirect::to(&person_href(&lead)).into_response())
        }
        Err(ReviewError::NotFound) => Err(WebError::NotFound),
        Err(ReviewError::Store(e)) => Err(e.into()),
        Err(other) => Err(WebError::BadRequest(other.to_string())),
    }
}

pub(crate) async fn reject(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    form: Result<Form<DecisionForm>, FormRejection>,
) -> Result<Response, WebError> {
    let lead = decidable(&ctx, &staff, id).await?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    match reject_lead(&ctx.app.db, &staff.user, id, &form.note, Utc::now()).await {
        Ok(()) | Err(ReviewError::AlreadyDecided) => {
            Ok(Redirect::to(&person_href(&lead)).into_response())
        }
        Err(ReviewError::BadNote) => {
            render_person(
                &page,
                &ctx,
                &headers,
                &staff,
                lead.civil_servant_id,
                &lead.election,
                Some((id, "leads-error-note")),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(ReviewError::NotFound) => Err(WebError::NotFound),
        Err(ReviewError::Store(e)) => Err(e.into()),
        Err(other) => Err(WebError::BadRequest(other.to_string())),
    }
}
