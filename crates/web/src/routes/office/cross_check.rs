//! The candidate cross-check in the back office (task force only, within its scope):
//!
//! - `GET /kantor/pencocokan?pemilu=CODE&halaman=N`: the election's last run, the button that
//!   queues a new one (the worker runs it; while one is queued or running no second is made),
//!   and the queue of open proposals, matches first, strongest first; without `pemilu`, the
//!   latest election with proposals waiting for this reviewer, else the latest of all;
//! - `POST /kantor/pencocokan/jalankan` queues a run;
//! - `GET /kantor/pencocokan/usulan/{id}`: one proposal, the candidate and the civil servant
//!   side by side and the engine's explanation, with the decision forms;
//! - `POST …/usulan/{id}/terima` accepts (files a report, or closes the pair as covered by a
//!   resignation or CLTN record — the page then names either); `POST …/tolak` rejects with a
//!   reason. A proposal already decided answers with the page as it now is, not an error.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, Utc};
use netral_domain::access::Capability;
use netral_domain::election::Election;
use netral_store::linking::proposals::{self, Proposal, covering};
use netral_store::linking::review::violation_of;
use netral_store::linking::{
    Covering, LinkRun, QueueOutcome, ReviewError, accept as accept_proposal, latest_run,
    open_queue, queue_run, reject as reject_proposal,
};
use serde::{Deserialize, Serialize};

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::verify_csrf;
use crate::page::Page;
use crate::staff::{Staff, encode};

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Params {
    #[serde(default)]
    pemilu: Option<String>,
    #[serde(default)]
    halaman: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct RunForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    pemilu: String,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct DecisionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    note: String,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    name: String,
    selected: bool,
}

#[derive(Serialize)]
struct RunView {
    status: String,
    started_by: Option<String>,
    created_at: String,
    finished_at: Option<String>,
    progress: i64,
    roster_rows: Option<i64>,
    queries: Option<i64>,
    pairs_compared: Option<i64>,
    matches: Option<i64>,
    reviews: Option<i64>,
    added: Option<i64>,
    error: Option<String>,
    active: bool,
}

#[derive(Serialize)]
struct QueueLineView {
    href: String,
    relation_key: &'static str,
    band_key: &'static str,
    score: String,
    probability: String,
    candidate: String,
    list: String,
    nip: String,
    name: String,
    agency: String,
}

fn minute(at: chrono::DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn run_view(run: LinkRun) -> RunView {
    RunView {
        active: matches!(run.status.as_str(), "queued" | "running"),
        status: run.status,
        started_by: run.started_by,
        created_at: minute(run.created_at),
        finished_at: run.finished_at.map(minute),
        progress: run.progress,
        roster_rows: run.roster_rows,
        queries: run.queries,
        pairs_compared: run.pairs_compared,
        matches: run.matches,
        reviews: run.reviews,
        added: run.added,
        error: run.error,
    }
}

fn relation_key(relation: &str) -> &'static str {
    if relation == "spouse" {
        "cross-relation-spouse"
    } else {
        "cross-relation-self"
    }
}

fn band_key(band: &str) -> &'static str {
    if band == "match" {
        "cross-band-match"
    } else {
        "cross-band-review"
    }
}

/// The election asked for by its code.
fn chosen<'a>(ctx: &'a Ctx, asked: &str) -> Result<&'a Election, WebError> {
    ctx.app
        .rules
        .elections()
        .iter()
        .find(|e| e.code == asked)
        .ok_or(WebError::NotFound)
}

/// The election the page opens on when none is asked for: the latest whose proposals wait for
/// this reviewer, else the latest of all (the next cross-check to run).
async fn opening<'a>(ctx: &'a Ctx, staff: &Staff) -> Result<&'a Election, WebError> {
    let waiting = proposals::elections_with_open(&ctx.app.db, &staff.user.scope).await?;
    let elections = ctx.app.rules.elections();
    elections
        .iter()
        .filter(|e| waiting.contains(&e.code))
        .max_by_key(|e| e.campaign_from)
        .or_else(|| elections.iter().max_by_key(|e| e.campaign_from))
        .ok_or(WebError::NotFound)
}

/// The list a candidate stands on ("DPRD kabupaten/kota"), in the visitor's language; KPU's
/// code as imported when the level is one Netral has no name for.
fn level_text(page: &Page, level: &str) -> Result<String, WebError> {
    let key = format!("cross-list-{}", level.replace('_', "-"));
    Ok(if page.has_text(&key) {
        page.text(&key, &[])?
    } else {
        level.to_owned()
    })
}

fn queue_href(election: &str) -> String {
    format!("/kantor/pencocokan?pemilu={}", encode(election))
}

pub(crate) async fn show(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Query(params): Query<Params>,
) -> Result<Response, WebError> {
    staff.require(Capability::ReviewLeads)?;
    let election = match params.pemilu.as_deref().filter(|code| !code.is_empty()) {
        Some(code) => chosen(&ctx, code)?,
        None => opening(&ctx, &staff).await?,
    };
    let db = &ctx.app.db;
    let run = latest_run(db, &election.code).await?.map(run_view);
    let number = params.halaman.unwrap_or(1).max(1);
    let open = open_queue(db, &election.code, &staff.user.scope, number - 1).await?;
    let pages = (open.total + proposals::PAGE_SIZE - 1) / proposals::PAGE_SIZE;
    let lines = open
        .lines
        .into_iter()
        .map(|l| {
            let level = level_text(&page, &l.candidate_level)?;
            Ok(QueueLineView {
                href: format!("/kantor/pencocokan/usulan/{}", l.id),
                relation_key: relation_key(&l.relation),
                band_key: band_key(&l.band),
                score: format!("{:.1}", l.score),
                probability: format!("{:.3}", l.probability),
                candidate: l.candidate_name,
                list: match l.candidate_party_name {
                    Some(party) => format!("{level} · {} · {party}", l.candidate_dapil),
                    None => format!("{level} · {}", l.candidate_dapil),
                },
                nip: l.nip,
                name: l.name,
                agency: l.agency_name,
            })
        })
        .collect::<Result<Vec<QueueLineView>, WebError>>()?;
    #[derive(Serialize)]
    struct View {
        elections: Vec<Choice>,
        election: String,
        election_query: String,
        run: Option<RunView>,
        lines: Vec<QueueLineView>,
        total: i64,
        page: i64,
        pages: i64,
        previous: Option<i64>,
        next: Option<i64>,
    }
    let view = View {
        elections: ctx
            .app
            .rules
            .elections()
            .iter()
            .map(|e| Choice {
                value: e.code.clone(),
                name: e.name.clone(),
                selected: e.code == election.code,
            })
            .collect(),
        election: election.code.clone(),
        election_query: encode(&election.code),
        run,
        lines,
        total: open.total,
        page: number,
        pages,
        previous: (number > 1).then(|| number - 1),
        next: (number < pages).then(|| number + 1),
    };
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/cross_check.html",
        view,
        StatusCode::OK,
    )
}

/// Queues a run; a second click while one is queued or running changes nothing.
pub(crate) async fn run(
    staff: Staff,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    form: Result<Form<RunForm>, FormRejection>,
) -> Result<Response, WebError> {
    staff.require(Capability::ReviewLeads)?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let election = chosen(&ctx, &form.pemilu)?;
    match queue_run(&ctx.app.db, &election.code, &staff.user, Utc::now()).await? {
        QueueOutcome::Queued(_) | QueueOutcome::AlreadyActive(_) => {
            Ok(Redirect::to(&queue_href(&election.code)).into_response())
        }
    }
}

fn covers(staff: &Staff, proposal: &Proposal) -> bool {
    let region = proposal
        .agency_region_code
        .as_deref()
        .and_then(|r| r.parse().ok());
    staff
        .user
        .scope
        .covers_agency(proposal.agency_id, region.as_ref())
}

/// The proposal, if the user may see and decide it.
async fn visible(ctx: &Ctx, staff: &Staff, id: i64) -> Result<Proposal, WebError> {
    staff.require(Capability::ReviewLeads)?;
    let proposal = proposals::get(&ctx.app.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    if !covers(staff, &proposal) {
        return Err(WebError::NotFound);
    }
    Ok(proposal)
}

#[derive(Serialize)]
struct ExplanationLine {
    field: String,
    level: String,
    weight: String,
}

#[derive(Serialize)]
struct CoveringView {
    /// `resignation` or `unpaid_leave`.
    kind: &'static str,
    from: String,
    until: Option<String>,
    decree: String,
}

fn date(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

fn sex_key(sex: &str) -> Option<&'static str> {
    match sex {
        "male" => Some("sex-male"),
        "female" => Some("sex-female"),
        _ => None,
    }
}

/// A label's translation when the catalogue has one (`prefix` + name), else the name as the
/// engine wrote it: a level or field added to the engine later still shows.
fn label(page: &Page, prefix: &str, name: &str) -> Result<String, WebError> {
    let key = format!("{prefix}{}", name.replace('_', "-"));
    Ok(if page.has_text(&key) {
        page.text(&key, &[])?
    } else {
        name.to_owned()
    })
}

/// Only the region part of a NIK (province and regency, `32.15`): enough to compare with the
/// candidate's residence, without showing the whole number.
fn nik_region(nik: Option<&str>) -> Option<String> {
    let digits = nik?.get(..4)?;
    digits
        .chars()
        .all(|c| c.is_ascii_digit())
        .then(|| format!("{}.{}", &digits[..2], &digits[2..]))
}

async fn render_proposal(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    staff: &Staff,
    id: i64,
    error_key: Option<&'static str>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let p = visible(ctx, staff, id).await?;
    let covered = match &p.covered_by {
        Some(key) => covering(&ctx.app.db, key).await?.map(|c| match c {
            Covering::Resignation {
                resigned_on,
                effective_on,
                decree_number,
                ..
            } => CoveringView {
                kind: "resignation",
                from: resigned_on.to_string(),
                until: date(effective_on),
                decree: decree_number.unwrap_or_else(|| "-".into()),
            },
            Covering::UnpaidLeave {
                starts_on,
                ends_on,
                decree_number,
                ..
            } => CoveringView {
                kind: "unpaid_leave",
                from: starts_on.to_string(),
                until: Some(ends_on.to_string()),
                decree: decree_number.unwrap_or_else(|| "-".into()),
            },
        }),
        None => None,
    };
    let explanation = p
        .explanation
        .iter()
        .map(|c| {
            Ok(ExplanationLine {
                field: label(page, "cross-field-", &c.field)?,
                level: label(page, "cross-level-", &c.level)?,
                weight: format!("{:+.1}", c.weight),
            })
        })
        .collect::<Result<Vec<_>, WebError>>()?;
    #[derive(Serialize)]
    struct View {
        id: i64,
        election: String,
        election_query: String,
        relation: String,
        relation_key: &'static str,
        band_key: &'static str,
        violation: &'static str,
        score: String,
        probability: String,
        explanation: Vec<ExplanationLine>,
        found_at: String,
        status: String,
        reviewed_by: Option<String>,
        review_note: Option<String>,
        report_number: Option<String>,
        covered: Option<CoveringView>,
        error_key: Option<&'static str>,
        candidate_name: String,
        candidate_level: String,
        candidate_dapil: String,
        candidate_party: Option<String>,
        candidate_number: i64,
        candidate_sex_key: Option<&'static str>,
        candidate_birth: Option<String>,
        candidate_residence: Option<String>,
        candidate_region: Option<String>,
        candidate_spouse: Option<String>,
        nip: String,
        name: String,
        agency: String,
        birth: String,
        sex_key: Option<&'static str>,
        nik_region: Option<String>,
    }
    let candidate_level = level_text(page, &p.candidate_level)?;
    let view = View {
        id: p.id,
        election_query: encode(&p.election),
        election: p.election,
        relation_key: relation_key(&p.relation),
        band_key: band_key(&p.band),
        violation: violation_of(&p.relation),
        relation: p.relation,
        score: format!("{:+.1}", p.score),
        probability: format!("{:.3}", p.probability),
        explanation,
        found_at: minute(p.found_at),
        status: p.status,
        reviewed_by: p.reviewed_by,
        review_note: p.review_note,
        report_number: p.report_number,
        covered,
        error_key,
        candidate_name: p.candidate_name,
        candidate_level,
        candidate_dapil: p.candidate_dapil,
        candidate_party: match (p.candidate_party_number, p.candidate_party_name) {
            (Some(n), Some(name)) => Some(format!("{n}. {name}")),
            (None, Some(name)) => Some(name),
            (Some(n), None) => Some(n.to_string()),
            (None, None) => None,
        },
        candidate_number: p.candidate_number,
        candidate_sex_key: sex_key(&p.candidate_sex),
        candidate_birth: date(p.candidate_birth_date),
        candidate_residence: p.candidate_residence,
        candidate_region: p.candidate_region_code,
        candidate_spouse: p.candidate_spouse,
        nip: p.nip,
        name: p.name,
        agency: p.agency_name,
        birth: p.birth_date.format("%Y-%m-%d").to_string(),
        sex_key: sex_key(&p.sex),
        nik_region: nik_region(p.nik.as_deref()),
    };
    frame::render(
        page,
        ctx,
        headers,
        &staff.user,
        "office/cross_check_proposal.html",
        view,
        status,
    )
}

pub(crate) async fn proposal(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    render_proposal(&page, &ctx, &headers, &staff, id, None, StatusCode::OK).await
}

fn proposal_href(id: i64) -> String {
    format!("/kantor/pencocokan/usulan/{id}")
}

pub(crate) async fn accept(
    staff: Staff,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    form: Result<Form<DecisionForm>, FormRejection>,
) -> Result<Response, WebError> {
    visible(&ctx, &staff, id).await?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    match accept_proposal(&ctx.app.db, &ctx.app.rules, &staff.user, id, Utc::now()).await {
        Ok(_) | Err(ReviewError::AlreadyDecided) => {
            Ok(Redirect::to(&proposal_href(id)).into_response())
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
    visible(&ctx, &staff, id).await?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    match reject_proposal(&ctx.app.db, &staff.user, id, &form.note, Utc::now()).await {
        Ok(()) | Err(ReviewError::AlreadyDecided) => {
            Ok(Redirect::to(&proposal_href(id)).into_response())
        }
        Err(ReviewError::BadNote) => {
            render_proposal(
                &page,
                &ctx,
                &headers,
                &staff,
                id,
                Some("cross-error-note"),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(ReviewError::NotFound) => Err(WebError::NotFound),
        Err(ReviewError::Store(e)) => Err(e.into()),
        Err(other) => Err(WebError::BadRequest(other.to_string())),
    }
}
