//! `GET /kantor/statistik`: the dashboard. The funnel, breakdowns by every dimension with
//! their charts, times to each stage and the PPKs with most recommendations left without
//! follow-up; every number links to the cases behind it, the filters live in the URL, and each
//! table downloads as CSV or XLSX (`/kantor/statistik/ekspor`). Always within the reader's
//! scope: a province's staff see their province, an agency's their agency.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use netral_domain::access::{Capability, Scope};
use netral_domain::stats::{Dimension, FactTable, Filter, POSITION_CLASSES};
use serde::Serialize;

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::export;
use crate::page::Page;
use crate::staff::Staff;
use crate::statistics::chart::{LineChart, monthly};
use crate::statistics::names::Names;
use crate::statistics::query::to_query;
use crate::statistics::view::{
    Audience, Builder, Choice, Dashboard, OFFICE_BREAKDOWNS, choices, count_text,
};
use crate::statistics::{export_format, load, scoped_query, tables, today};

#[derive(Serialize)]
struct FilterField {
    name: &'static str,
    label_key: String,
    choices: Vec<Choice>,
}

#[derive(Serialize)]
struct View {
    /// The current filter as URL parameters, for the export and report links.
    query: String,
    fields: Vec<FilterField>,
    from: String,
    until: String,
    dashboard: Dashboard,
    monthly: Option<LineChart>,
}

/// The filter form's fields: the dimensions a reader narrows by, with the values the cases
/// hold (a province's staff get no province field: theirs is fixed).
fn fields(
    facts: &FactTable,
    page: &Page,
    ctx: &Ctx,
    names: &Names,
    scope: &Scope,
    selected: &netral_domain::stats::Filter,
) -> Vec<FilterField> {
    let mut dimensions = vec![
        Dimension::Election,
        Dimension::Violation,
        Dimension::PositionType,
        Dimension::AgencyKind,
        Dimension::Phase,
        Dimension::Channel,
    ];
    if matches!(scope, Scope::National) {
        dimensions.push(Dimension::Province);
    }
    dimensions
        .into_iter()
        .map(|dimension| {
            let values = match dimension {
                Dimension::PositionType => POSITION_CLASSES.map(str::to_owned).to_vec(),
                _ => facts.values(dimension),
            };
            let choices = choices(values, selected.allowed(dimension), |value| {
                names.of(page, &ctx.app.rules, dimension, value)
            });
            FilterField {
                name: dimension.as_str(),
                label_key: format!("stats-by-{}", dimension.as_str().replace('_', "-")),
                choices,
            }
        })
        .collect()
}

/// Everything the dashboard shows for `filter`, every number linked to its cases.
pub(super) fn office_dashboard(
    facts: &FactTable,
    filter: &Filter,
    page: &Page,
    ctx: &Ctx,
    names: &Names,
) -> Dashboard {
    Builder {
        facts,
        filter,
        today: today(),
        page,
        rules: &ctx.app.rules,
        names,
        audience: Audience::Office,
    }
    .dashboard(&OFFICE_BREAKDOWNS)
}

pub(crate) async fn dashboard(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    staff.require(Capability::ViewStatistics)?;
    let query = scoped_query(raw.as_deref(), &staff.user.scope)?;
    let (facts, names) = load(&ctx).await?;
    let dashboard = office_dashboard(&facts, &query.filter, &page, &ctx, &names);
    let monthly = dashboard
        .breakdowns
        .iter()
        .find(|b| b.dimension == Dimension::Month.as_str())
        .and_then(|months| monthly(months, |n| count_text(page.lang, n)));
    let view = View {
        query: to_query(&query.filter),
        fields: fields(
            &facts,
            &page,
            &ctx,
            &names,
            &staff.user.scope,
            &query.filter,
        ),
        from: query
            .filter
            .reported_from
            .map(|d| d.to_string())
            .unwrap_or_default(),
        until: query
            .filter
            .reported_until
            .map(|d| d.to_string())
            .unwrap_or_default(),
        dashboard,
        monthly,
    };
    drop(facts);
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/statistics.html",
        view,
        StatusCode::OK,
    )
}

/// `GET /kantor/statistik/ekspor?by=violation&format=xlsx&…`: one table of the dashboard, with
/// every value and every step; without `by`, the funnel, or the table named by `table`
/// (`durations`, `ppk`).
pub(crate) async fn export_table(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    staff.require(Capability::ViewStatistics)?;
    let query = scoped_query(raw.as_deref(), &staff.user.scope)?;
    let format = export_format(&query)?;
    let (facts, names) = load(&ctx).await?;
    let (table, stem) = match query.by {
        Some(dimension) => {
            let groups = facts.breakdown(&query.filter, dimension, today());
            (
                tables::breakdown(&page, &ctx.app.rules, &names, dimension, &groups)?,
                format!("statistik-{}", dimension.as_str().replace('_', "-")),
            )
        }
        None => match query.table.as_deref() {
            Some("durations") => (
                tables::durations(&page, &facts.durations(&query.filter))?,
                "statistik-lama-penanganan".to_owned(),
            ),
            Some("ppk") => {
                let groups = facts.breakdown(&query.filter, Dimension::Agency, today());
                (
                    tables::ppk(&page, &ctx.app.rules, &names, &groups)?,
                    "statistik-ppk".to_owned(),
                )
            }
            _ => (
                tables::funnel(&page, &facts.funnel(&query.filter, today()))?,
                "statistik-alur".to_owned(),
            ),
        },
    };
    drop(facts);
    export::download(&table, format, &stem)
}
