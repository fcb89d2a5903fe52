//! The figures and case lists as export tables, with headers in the reader's language. Counts
//! carry every step of [`Step::ALL`], more than the page's tables show.

use chrono::NaiveDate;
use netral_domain::deadline::jakarta_date;
use netral_domain::rules::RuleBook;
use netral_domain::stats::{Dimension, Duration, Funnel, Group, Step};
use netral_store::case_desk::CaseLine;

use super::names::Names;
use super::view::ranked_ppks;
use crate::error::WebError;
use crate::export::{Table, Value};
use crate::page::Page;

fn step_label(page: &Page, step: Step) -> Result<String, WebError> {
    Ok(page.text(
        &format!("stats-step-{}", step.as_str().replace('_', "-")),
        &[],
    )?)
}

fn percent(part: u64, whole: u64) -> Value {
    Value::Percent((whole > 0).then(|| part as f64 * 100.0 / whole as f64))
}

/// The funnel: one row per step, with its share of the step it is measured against.
pub(crate) fn funnel(page: &Page, funnel: &Funnel) -> Result<Table, WebError> {
    let mut rows = Vec::with_capacity(Step::ALL.len());
    for step in Step::ALL {
        let base = step.base();
        rows.push(vec![
            Value::Text(step_label(page, step)?),
            Value::Count(funnel.get(step)),
            base.map_or(Value::Percent(None), |b| {
                percent(funnel.get(step), funnel.get(b))
            }),
            Value::Text(match base {
                Some(b) => step_label(page, b)?,
                None => String::new(),
            }),
        ]);
    }
    Ok(Table {
        headers: vec![
            page.text("stats-col-step", &[])?,
            page.text("stats-col-cases", &[])?,
            page.text("stats-col-rate", &[])?,
            page.text("stats-col-base", &[])?,
        ],
        rows,
    })
}

/// Days from the report to each step: cases, median and 90th percentile.
pub(crate) fn durations(page: &Page, durations: &[Duration]) -> Result<Table, WebError> {
    let mut rows = Vec::with_capacity(durations.len());
    for d in durations {
        rows.push(vec![
            Value::Text(step_label(page, d.step)?),
            Value::Count(d.cases),
            d.median_days
                .map_or(Value::Text(String::new()), |n| Value::Count(u64::from(n))),
            d.p90_days
                .map_or(Value::Text(String::new()), |n| Value::Count(u64::from(n))),
        ]);
    }
    Ok(Table {
        headers: vec![
            page.text("stats-col-step", &[])?,
            page.text("stats-col-cases", &[])?,
            page.text("stats-col-median", &[])?,
            page.text("stats-col-p90", &[])?,
        ],
        rows,
    })
}

/// Every agency with recommendations, most left without follow-up first.
pub(crate) fn ppk(
    page: &Page,
    rules: &RuleBook,
    names: &Names,
    groups: &[Group],
) -> Result<Table, WebError> {
    let rows = ranked_ppks(groups)
        .into_iter()
        .map(|g| {
            let (recommended, late) = (
                g.funnel.get(Step::Recommended),
                g.funnel.get(Step::NotFollowedUp),
            );
            vec![
                Value::Text(names.of(page, rules, Dimension::Agency, &g.value)),
                Value::Count(recommended),
                Value::Count(g.funnel.get(Step::Sanctioned)),
                Value::Count(late),
                percent(late, recommended),
            ]
        })
        .collect();
    Ok(Table {
        headers: vec![
            page.text("stats-col-agency", &[])?,
            step_label(page, Step::Recommended)?,
            step_label(page, Step::Sanctioned)?,
            step_label(page, Step::NotFollowedUp)?,
            page.text("stats-col-rate", &[])?,
        ],
        rows,
    })
}

/// A breakdown, every value (not only the page's first rows) and every step.
pub(crate) fn breakdown(
    page: &Page,
    rules: &RuleBook,
    names: &Names,
    dimension: Dimension,
    groups: &[Group],
) -> Result<Table, WebError> {
    let total: u64 = groups.iter().map(|g| g.funnel.get(Step::Reported)).sum();
    let mut headers = vec![
        page.text(
            &format!("stats-by-{}", dimension.as_str().replace('_', "-")),
            &[],
        )?,
        page.text("stats-col-code", &[])?,
    ];
    for step in Step::ALL {
        headers.push(step_label(page, step)?);
    }
    headers.push(page.text("stats-col-share", &[])?);
    let rows = groups
        .iter()
        .map(|g| {
            let mut row = vec![
                Value::Text(names.of(page, rules, dimension, &g.value)),
                Value::Text(g.value.clone()),
            ];
            row.extend(Step::ALL.into_iter().map(|s| Value::Count(g.funnel.get(s))));
            row.push(percent(g.funnel.get(Step::Reported), total));
            row
        })
        .collect();
    Ok(Table { headers, rows })
}

/// A list of cases. `persons` adds the subject's name and NIP, for readers who may open cases;
/// an analyst's list has none.
pub(crate) fn cases(page: &Page, lines: &[CaseLine], persons: bool) -> Result<Table, WebError> {
    let mut headers = vec![
        page.text("stats-col-number", &[])?,
        page.text("stats-col-state", &[])?,
        page.text("stats-col-reported-on", &[])?,
        page.text("stats-col-deadline", &[])?,
        page.text("stats-col-agency", &[])?,
        page.text("stats-col-election", &[])?,
        page.text("stats-col-violations", &[])?,
    ];
    if persons {
        headers.push(page.text("stats-col-subject", &[])?);
        headers.push(page.text("stats-col-nip", &[])?);
    }
    let mut rows = Vec::with_capacity(lines.len());
    for line in lines {
        let reported: NaiveDate = jakarta_date(line.opened_at);
        let mut row = vec![
            Value::Text(line.number.clone()),
            Value::Text(page.text(&crate::labels::state(line.state), &[])?),
            Value::Date(Some(reported)),
            Value::Date(line.deadline),
            Value::Text(line.agency.clone().unwrap_or_default()),
            Value::Text(line.election.clone().unwrap_or_default()),
            Value::Text(line.violations.join(", ")),
        ];
        if persons {
            row.push(Value::Text(line.subject_name.clone().unwrap_or_default()));
            row.push(Value::Text(line.subject_nip.clone().unwrap_or_default()));
        }
        rows.push(row);
    }
    Ok(Table { headers, rows })
}
