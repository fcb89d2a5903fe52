//! `GET /kantor/statistik/perkara`: the cases behind a number of the dashboard (the filter in
//! the URL, plus the step clicked), a page at a time, and `…/ekspor` for all of them as CSV or
//! XLSX. Readers who may open cases see the subject's name and NIP and a link to each case; an
//! analyst, who reads figures and never persons, sees the cases without them.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{NaiveDate, Utc};
use netral_domain::access::{Capability, role_may};
use netral_domain::deadline::jakarta_date;
use netral_domain::stats::Step;
use netral_store::audit;
use netral_store::case_desk::{self, CaseLine};
use serde::Serialize;

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::export;
use crate::labels;
use crate::page::Page;
use crate::staff::Staff;
use crate::statistics::names::Names;
use crate::statistics::query::{StatsQuery, to_query};
use crate::statistics::view::count_text;
use crate::statistics::{export_format, scoped_query, tables, today};

const PAGE_SIZE: usize = 100;
/// More rows than a spreadsheet handles well; a larger list must be narrowed first.
const EXPORT_LIMIT: usize = 200_000;

#[derive(Serialize)]
struct Line {
    #[serde(flatten)]
    case: CaseLine,
    state_key: String,
    /// The day (WIB) the case was opened.
    reported_on: NaiveDate,
}

#[derive(Serialize)]
struct Condition {
    label_key: String,
    values: Vec<String>,
}

#[derive(Serialize)]
struct View {
    step_key: String,
    conditions: Vec<Condition>,
    from: Option<String>,
    until: Option<String>,
    total: String,
    lines: Vec<Line>,
    persons: bool,
    page: usize,
    pages: usize,
    /// The list's URL parameters without the page, for paging and export links.
    query: String,
    dashboard_query: String,
}

/// The case ids the query selects, newest first.
async fn selected(ctx: &Ctx, query: &StatsQuery) -> Result<(Step, Vec<i64>), WebError> {
    let step = query.step.unwrap_or(Step::Reported);
    let facts = ctx.facts.current(&ctx.app.db, &ctx.app.rules).await?;
    Ok((step, facts.cases(&query.filter, step, today())))
}

fn list_query(query: &StatsQuery, step: Step) -> String {
    let filter = to_query(&query.filter);
    if filter.is_empty() {
        format!("step={}", step.as_str())
    } else {
        format!("{filter}&step={}", step.as_str())
    }
}

pub(crate) async fn list(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    staff.require(Capability::ViewStatistics)?;
    let query = scoped_query(raw.as_deref(), &staff.user.scope)?;
    let (step, ids) = selected(&ctx, &query).await?;
    let pages = ids.len().div_ceil(PAGE_SIZE).max(1);
    let current = query.page.min(pages);
    let shown = ids
        .iter()
        .skip((current - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .copied()
        .collect::<Vec<_>>();
    let persons = role_may(staff.user.role, Capability::ViewCases);
    let lines = case_desk::case_lines(&ctx.app.db, &shown, today())
        .await?
        .into_iter()
        .map(|case| Line {
            state_key: labels::state(case.state),
            reported_on: jakarta_date(case.opened_at),
            case,
        })
        .collect();
    // The facts were brought up to date when the cases were picked; only the names are new.
    let names = Names::load(&ctx.app.db).await?;
    let conditions = query
        .filter
        .values
        .iter()
        .map(|(dimension, values)| Condition {
            label_key: format!("stats-by-{}", dimension.as_str().replace('_', "-")),
            values: values
                .iter()
                .map(|v| names.of(&page, &ctx.app.rules, *dimension, v))
                .collect(),
        })
        .collect();
    let view = View {
        step_key: format!("stats-step-{}", step.as_str().replace('_', "-")),
        conditions,
        from: query.filter.reported_from.map(|d| d.to_string()),
        until: query.filter.reported_until.map(|d| d.to_string()),
        total: count_text(page.lang, ids.len() as u64),
        lines,
        persons,
        page: current,
        pages,
        query: list_query(&query, step),
        dashboard_query: to_query(&query.filter),
    };
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/statistics_cases.html",
        view,
        StatusCode::OK,
    )
}

/// `GET /kantor/statistik/perkara/ekspor?…&format=xlsx`: every case of the list. Logged in
/// the audit trail, since the file may name civil servants.
pub(crate) async fn export(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    staff.require(Capability::ViewStatistics)?;
    let query = scoped_query(raw.as_deref(), &staff.user.scope)?;
    let format = export_format(&query)?;
    let (step, ids) = selected(&ctx, &query).await?;
    if ids.len() > EXPORT_LIMIT {
        return Err(WebError::BadRequest(format!(
            "the list holds {} cases, more than the {EXPORT_LIMIT} an export may; narrow the filter",
            ids.len()
        )));
    }
    let persons = role_may(staff.user.role, Capability::ViewCases);
    let lines = case_desk::case_lines(&ctx.app.db, &ids, today()).await?;
    audit::record(
        &ctx.app.db,
        &audit::Entry {
            actor: staff.audit_actor(),
            action: "statistics.export_cases",
            subject: None,
            details: serde_json::json!({
                "query": list_query(&query, step),
                "format": query.format,
                "cases": lines.len(),
                "persons": persons,
            }),
        },
        Utc::now(),
    )
    .await?;
    let table = tables::cases(&page, &lines, persons)?;
    export::download(
        &table,
        format,
        &format!("perkara-{}", step.as_str().replace('_', "-")),
    )
}
