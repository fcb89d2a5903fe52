//! `GET /kantor/statistik`: the dashboard. The funnel, breakdowns by every dimension with
//! their charts, times to each stage and the PPKs with most recommendations left without
//! follow-up; every number links to the cases behind it, the filters live in the URL, and each
//! table downloads as CSV or XLSX (`/kantor/statistik/ekspor`). Always within the reader's
//! scope: a province's staff see their province, an agency's their agency.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use netral_domain::access::{Capability, Scope};
use netral_domain::stats::{Dimension, FactTable, POSITION_CLASSES};
use serde::Serialize;

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::export::{self, Format};
use crate::page::Page;
use crate::staff::Staff;
use crate::statistics::chart::{LineChart, monthly};
use crate::statistics::names::Names;
use crate::statistics::query::to_query;
use crate::statistics::view::{Audience, Builder, Dashboard, OFFICE_BREAKDOWNS, count_text};
use crate::statistics::{load, scoped_query, tables, today};

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

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
            let chosen = selected.allowed(dimension).unwrap_or_default();
            let mut choices: Vec<Choice> = values
                .into_iter()
                .map(|value| Choice {
                    label: names.of(page, &ctx.app.rules, dimension, &value),
                    selected: chosen.contains(&value),
                    value,
                })
                .collect();
            choices.sort_by(|a, b| a.label.cmp(&b.label));
            FilterField {
                name: dimension.as_str(),
                label_key: format!("stats-by-{}", dimension.as_str().replace('_', "-")),
                choices,
            }
        })
        .collect()
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
    let builder = Builder {
        facts: &facts,
        filter: &query.filter,
        today: today(),
        page: &page,
        rules: &ctx.app.rules,
        names: &names,
        audience: Audience::Office,
    };
    let dashboard = builder.dashboard(&OFFICE_BREAKDOWNS);
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
    let format = query
        .format
        .as_deref()
        .and_then(Format::parse)
        .ok_or_else(|| WebError::BadRequest("format: choose csv or xlsx".into()))?;
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

/// `GET /kantor/statistik/laporan.pdf?…`: the dashboard as a printable report, with the same
/// filter and scope: the funnel as bars, then every table of the page.
pub(crate) async fn report(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    staff.require(Capability::ViewStatistics)?;
    let query = scoped_query(raw.as_deref(), &staff.user.scope)?;
    let today = today();
    let (facts, names) = load(&ctx).await?;
    let builder = Builder {
        facts: &facts,
        filter: &query.filter,
        today,
        page: &page,
        rules: &ctx.app.rules,
        names: &names,
        audience: Audience::Office,
    };
    let dashboard = builder.dashboard(&OFFICE_BREAKDOWNS);
    drop(facts);
    let mut conditions = Vec::new();
    for (dimension, values) in &query.filter.values {
        let label = page.text(
            &format!("stats-by-{}", dimension.as_str().replace('_', "-")),
            &[],
        )?;
        let shown: Vec<String> = values
            .iter()
            .map(|v| names.of(&page, &ctx.app.rules, *dimension, v))
            .collect();
        conditions.push(format!("{label}: {}", shown.join(", ")));
    }
    if let Some(from) = query.filter.reported_from {
        conditions.push(format!(
            "{}: {}",
            page.text("stats-from", &[])?,
            page.long_date(from)?
        ));
    }
    if let Some(until) = query.filter.reported_until {
        conditions.push(format!(
            "{}: {}",
            page.text("stats-until", &[])?,
            page.long_date(until)?
        ));
    }
    let issuer = ctx.app.rules.in_force_on(today)?.letters.issuer.clone();
    let report = report_document(&page, &dashboard, issuer, conditions, today)?;
    let pdf = tokio::task::spawn_blocking(move || netral_letters::report::render(&report))
        .await
        .map_err(|e| WebError::Io(format!("the report could not be made: {e}")))?
        .map_err(|e| WebError::Io(e.to_string()))?;
    let mut response = Response::new(axum::body::Body::from(pdf));
    let headers = response.headers_mut();
    headers.insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("application/pdf"),
    );
    headers.insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    let disposition = format!("inline; filename=\"netral-statistik-{today}.pdf\"");
    headers.insert(
        axum::http::header::CONTENT_DISPOSITION,
        axum::http::HeaderValue::from_str(&disposition).expect("an ASCII file name"),
    );
    Ok(response)
}

fn report_document(
    page: &Page,
    dashboard: &Dashboard,
    issuer: String,
    conditions: Vec<String>,
    today: chrono::NaiveDate,
) -> Result<netral_letters::report::Report, WebError> {
    use netral_letters::report::{Bar, Report, ReportTable};
    let t = |key: &str| page.text(key, &[]);
    let shown = |n: &crate::statistics::view::Number| {
        if n.text.is_empty() {
            "—".to_owned()
        } else {
            n.text.clone()
        }
    };
    let reported = dashboard.reported.max(1) as f64;
    let bars = dashboard
        .funnel
        .iter()
        .filter(|l| l.main)
        .map(|l| {
            Ok(Bar {
                label: t(&l.step.label_key)?,
                value: shown(&l.number),
                fraction: l.number.count.shown().map_or(0.0, |n| n as f64 / reported),
            })
        })
        .collect::<Result<Vec<_>, WebError>>()?;
    let mut tables = Vec::new();
    let mut funnel_rows = Vec::new();
    for l in &dashboard.funnel {
        let rate = match (&l.rate, &l.base_key) {
            (Some(rate), Some(base)) => page.text(
                "stats-rate-of",
                &[("rate", rate.clone().into()), ("base", t(base)?.into())],
            )?,
            _ => "—".to_owned(),
        };
        funnel_rows.push(vec![t(&l.step.label_key)?, shown(&l.number), rate]);
    }
    tables.push(ReportTable {
        heading: t("stats-funnel-heading")?,
        columns: vec![
            t("stats-col-step")?,
            t("stats-col-cases")?,
            t("stats-col-rate")?,
        ],
        rows: funnel_rows,
    });
    let days = |d: Option<u32>| -> Result<String, WebError> {
        Ok(match d {
            Some(n) => page.text("stats-days", &[("n", n.into())])?,
            None => "—".to_owned(),
        })
    };
    let mut duration_rows = Vec::new();
    for d in &dashboard.durations {
        duration_rows.push(vec![
            t(&d.step.label_key)?,
            d.cases
                .shown()
                .map_or_else(|| "—".to_owned(), |n| count_text(page.lang, n)),
            days(d.median_days)?,
            days(d.p90_days)?,
        ]);
    }
    tables.push(ReportTable {
        heading: t("stats-durations-heading")?,
        columns: vec![
            t("stats-col-step")?,
            t("stats-col-cases")?,
            t("stats-col-median")?,
            t("stats-col-p90")?,
        ],
        rows: duration_rows,
    });
    if !dashboard.ppk.is_empty() {
        tables.push(ReportTable {
            heading: t("stats-ppk-heading")?,
            columns: vec![
                t("stats-col-agency")?,
                t("stats-step-recommended")?,
                t("stats-step-sanctioned")?,
                t("stats-step-not-followed-up")?,
                t("stats-col-rate")?,
            ],
            rows: dashboard
                .ppk
                .iter()
                .map(|p| {
                    vec![
                        p.label.clone(),
                        shown(&p.recommended),
                        shown(&p.sanctioned),
                        shown(&p.not_followed_up),
                        p.rate
                            .as_ref()
                            .map_or_else(|| "—".to_owned(), |r| format!("{r} %")),
                    ]
                })
                .collect(),
        });
    }
    for b in &dashboard.breakdowns {
        if b.lines.is_empty() {
            continue;
        }
        let mut columns = vec![t(&b.title_key)?];
        for c in &b.columns {
            columns.push(t(&c.label_key)?);
        }
        columns.push(t("stats-col-share")?);
        tables.push(ReportTable {
            heading: t(&b.title_key)?,
            columns,
            rows: b
                .lines
                .iter()
                .map(|l| {
                    let mut row = vec![l.label.clone()];
                    row.extend(l.numbers.iter().map(shown));
                    row.push(
                        l.share
                            .as_ref()
                            .map_or_else(|| "—".to_owned(), |s| format!("{s} %")),
                    );
                    row
                })
                .collect(),
        });
    }
    Ok(Report {
        issuer,
        title: t("stats-report-title")?,
        as_of: page.text(
            "stats-report-as-of",
            &[("date", page.long_date(today)?.into())],
        )?,
        date: today,
        conditions,
        bars,
        tables,
        note: t("stats-report-note")?,
        page_word: t("stats-report-page")?,
    })
}
