//! `GET /kantor/pakta`: the integrity-pact campaign of one election for the agencies in the
//! user's scope — each agency's roster, pacts signed individually, whether representatives
//! signed for the whole agency, coverage against the target, and the last reminder sent.
//! `POST /kantor/pakta/target` sets the target (national users only: it is one per election);
//! `POST /kantor/pakta/ingatkan` reminds every agency below it (once a day per agency);
//! `?format=csv|xlsx` downloads the table.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use netral_domain::access::{Capability, Scope};
use netral_store::prevention::pact_campaign::{
    CampaignLine, ReminderRound, campaign, send_reminders, set_target, target,
};
use netral_store::registry::agency_overview::pact_elections;
use serde::{Deserialize, Serialize};

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::export::{Format, Table, Value, download};
use crate::forms::verify_csrf;
use crate::page::Page;
use crate::staff::{Staff, encode};

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Params {
    #[serde(default)]
    pemilu: String,
    #[serde(default)]
    format: String,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct CampaignForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    pemilu: String,
    #[serde(default)]
    target: String,
}

#[derive(Serialize)]
struct Line {
    code: String,
    name: String,
    roster: i64,
    signed: i64,
    agency_pact: bool,
    percent: Option<i64>,
    below: bool,
    last_reminded: Option<String>,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    selected: bool,
}

#[derive(Serialize)]
struct View {
    election: String,
    /// The election, encoded for a link's query.
    election_query: String,
    elections: Vec<Choice>,
    target: i64,
    may_set_target: bool,
    lines: Vec<Line>,
    below: usize,
    round: Option<RoundView>,
    target_error: bool,
}

#[derive(Serialize)]
struct RoundView {
    reminded: usize,
    already_today: usize,
    messages: usize,
    without_liaison: usize,
}

/// The elections to choose from: those in the rules and those pacts name; the chosen one if
/// known, else the first.
async fn election_of(ctx: &Ctx, wanted: &str) -> Result<(String, Vec<String>), WebError> {
    let mut known: Vec<String> = ctx
        .app
        .rules
        .elections()
        .iter()
        .rev()
        .map(|e| e.code.clone())
        .collect();
    for code in pact_elections(&ctx.app.db).await? {
        if !known.contains(&code) {
            known.push(code);
        }
    }
    let chosen = known
        .iter()
        .find(|e| *e == wanted.trim())
        .or(known.first())
        .cloned()
        .ok_or_else(|| WebError::BadRequest("pemilu: no election is known".into()))?;
    Ok((chosen, known))
}

pub(crate) async fn show(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Query(params): Query<Params>,
) -> Result<Response, WebError> {
    staff.require(Capability::RunPrevention)?;
    let (election, known) = election_of(&ctx, &params.pemilu).await?;
    if let Some(format) = Format::parse(params.format.trim()) {
        let lines = campaign(&ctx.app.db, &staff.user.scope, &election).await?;
        let goal = target(&ctx.app.db, &election).await?;
        return export(&page, &lines, goal, format, &election);
    }
    if !params.format.trim().is_empty() {
        return Err(WebError::BadRequest("format: use csv or xlsx".into()));
    }
    render(
        &page,
        &ctx,
        &headers,
        &staff,
        election,
        known,
        Notice::Nothing,
        StatusCode::OK,
    )
    .await
}

fn export(
    page: &Page,
    lines: &[CampaignLine],
    goal: i64,
    format: Format,
    election: &str,
) -> Result<Response, WebError> {
    let header = |key: &str| page.text(key, &[]);
    let table = Table {
        headers: vec![
            header("prevention-col-agency-code")?,
            header("field-agency")?,
            header("prevention-col-roster")?,
            header("prevention-col-signed")?,
            header("prevention-col-agency-pact")?,
            header("prevention-col-covered")?,
            header("prevention-col-target")?,
        ],
        rows: lines
            .iter()
            .map(|l| {
                vec![
                    Value::Text(l.coverage.agency_code.clone()),
                    Value::Text(l.coverage.agency_name.clone()),
                    Value::Count(l.coverage.roster.max(0) as u64),
                    Value::Count(l.coverage.individually_covered.max(0) as u64),
                    Value::Text(
                        if l.coverage.agency_pact {
                            "ya"
                        } else {
                            "tidak"
                        }
                        .into(),
                    ),
                    Value::Percent(l.coverage.share_covered().map(|s| s * 100.0)),
                    Value::Count(goal.max(0) as u64),
                ]
            })
            .collect(),
    };
    download(&table, format, &format!("pakta-{election}"))
}

pub(crate) async fn set(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    form: Result<Form<CampaignForm>, FormRejection>,
) -> Result<Response, WebError> {
    staff.require(Capability::RunPrevention)?;
    if staff.user.scope != Scope::National {
        return Err(WebError::Forbidden);
    }
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let (election, known) = election_of(&ctx, &form.pemilu).await?;
    match form.target.trim().parse::<i64>() {
        Ok(percent) if (1..=100).contains(&percent) => {
            set_target(&ctx.app.db, &staff.user, &election, percent, Utc::now()).await?;
            Ok(
                Redirect::to(&format!("/kantor/pakta?pemilu={}", encode(&election)))
                    .into_response(),
            )
        }
        _ => {
            render(
                &page,
                &ctx,
                &headers,
                &staff,
                election,
                known,
                Notice::BadTarget,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub(crate) async fn remind(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    form: Result<Form<CampaignForm>, FormRejection>,
) -> Result<Response, WebError> {
    staff.require(Capability::RunPrevention)?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let (election, known) = election_of(&ctx, &form.pemilu).await?;
    let round = send_reminders(&ctx.app.db, &staff.user, &election, Utc::now()).await?;
    render(
        &page,
        &ctx,
        &headers,
        &staff,
        election,
        known,
        Notice::Reminded(round),
        StatusCode::OK,
    )
    .await
}

/// What the page says above the table after a form.
enum Notice {
    Nothing,
    Reminded(ReminderRound),
    BadTarget,
}

#[allow(clippy::too_many_arguments)]
async fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    staff: &Staff,
    election: String,
    known: Vec<String>,
    notice: Notice,
    status: StatusCode,
) -> Result<Response, WebError> {
    let goal = target(&ctx.app.db, &election).await?;
    let lines: Vec<Line> = campaign(&ctx.app.db, &staff.user.scope, &election)
        .await?
        .into_iter()
        .map(|l| Line {
            percent: l.percent(),
            below: l.below(goal),
            last_reminded: l.last_reminded.map(|d| d.to_string()),
            code: l.coverage.agency_code,
            name: l.coverage.agency_name,
            roster: l.coverage.roster,
            signed: l.coverage.individually_covered,
            agency_pact: l.coverage.agency_pact,
        })
        .collect();
    let view = View {
        elections: known
            .into_iter()
            .map(|e| Choice {
                selected: e == election,
                value: e,
            })
            .collect(),
        election_query: encode(&election),
        election,
        target: goal,
        may_set_target: staff.user.scope == Scope::National,
        below: lines.iter().filter(|l| l.below).count(),
        lines,
        target_error: matches!(notice, Notice::BadTarget),
        round: match notice {
            Notice::Reminded(r) => Some(r),
            _ => None,
        }
        .map(|r| RoundView {
            reminded: r.reminded,
            already_today: r.already_today,
            messages: r.messages,
            without_liaison: r.without_liaison,
        }),
    };
    frame::render(
        page,
        ctx,
        headers,
        &staff.user,
        "office/pact_campaign.html",
        view,
        status,
    )
}
