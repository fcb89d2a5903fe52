//! `GET /kantor/statistik/laporan.pdf`: the dashboard as a printable PDF, typeset by the
//! letters crate with its embedded fonts.

use axum::extract::{RawQuery, State};
use axum::response::Response;
use netral_domain::access::Capability;

use super::statistics::office_dashboard;
use crate::app::Ctx;
use crate::error::WebError;
use crate::page::Page;
use crate::staff::Staff;
use crate::statistics::view::{Dashboard, count_text};
use crate::statistics::{load, scoped_query, today};

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
    let dashboard = office_dashboard(&facts, &query.filter, &page, &ctx, &names);
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
