//! `GET /kantor/sosialisasi/rekap`: the evaluation surveys over time — per agency and per
//! month, how many meetings answered, how many responses, and their mean score (0–100, see
//! [`mean_score`]) — for the agencies in the user's scope, over the last two years;
//! `?format=csv|xlsx` downloads the same table.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{Datelike, Duration, Utc};
use netral_domain::access::Capability;
use netral_domain::deadline::jakarta_date;
use netral_domain::survey::mean_score;
use netral_store::prevention::survey_responses::responses_in_scope;
use serde::{Deserialize, Serialize};

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::export::{Format, Table, Value, download};
use crate::page::Page;
use crate::staff::Staff;

/// How far back the table looks.
const WINDOW_DAYS: i64 = 730;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Params {
    #[serde(default)]
    format: String,
}

#[derive(Serialize, Clone)]
struct Line {
    agency: String,
    month: String,
    events: usize,
    responses: usize,
    /// Mean score, one decimal; empty when no response answered a scale.
    score: Option<f64>,
}

#[derive(Default)]
struct Tally {
    events: BTreeSet<i64>,
    responses: usize,
    scores: Vec<f64>,
}

pub(crate) async fn show(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Query(params): Query<Params>,
) -> Result<Response, WebError> {
    staff.require(Capability::RunPrevention)?;
    let from = jakarta_date(Utc::now()) - Duration::days(WINDOW_DAYS);
    let placed = responses_in_scope(&ctx.app.db, &staff.user.scope, from).await?;
    let mut tallies: BTreeMap<(String, String), Tally> = BTreeMap::new();
    for r in &placed {
        let month = format!("{}-{:02}", r.held_on.year(), r.held_on.month());
        let tally = tallies.entry((r.agency_name.clone(), month)).or_default();
        tally.events.insert(r.event_id);
        tally.responses += 1;
        if let Some(score) = ctx
            .app
            .rules
            .survey(&r.survey_code)
            .and_then(|t| mean_score(t, &r.response))
        {
            tally.scores.push(score);
        }
    }
    let lines: Vec<Line> = tallies
        .into_iter()
        .map(|((agency, month), t)| Line {
            agency,
            month,
            events: t.events.len(),
            responses: t.responses,
            score: (!t.scores.is_empty())
                .then(|| t.scores.iter().sum::<f64>() / t.scores.len() as f64),
        })
        .collect();
    if let Some(format) = Format::parse(params.format.trim()) {
        let header = |key: &str| page.text(key, &[]);
        let table = Table {
            headers: vec![
                header("field-agency")?,
                header("prevention-col-month")?,
                header("prevention-col-events")?,
                header("prevention-col-responses")?,
                header("prevention-col-score")?,
            ],
            rows: lines
                .iter()
                .map(|l| {
                    vec![
                        Value::Text(l.agency.clone()),
                        Value::Text(l.month.clone()),
                        Value::Count(l.events as u64),
                        Value::Count(l.responses as u64),
                        Value::Percent(l.score),
                    ]
                })
                .collect(),
        };
        return download(&table, format, "sosialisasi-rekap");
    }
    if !params.format.trim().is_empty() {
        return Err(WebError::BadRequest("format: use csv or xlsx".into()));
    }
    #[derive(Serialize)]
    struct View {
        lines: Vec<LineView>,
    }
    #[derive(Serialize)]
    struct LineView {
        agency: String,
        month: String,
        events: usize,
        responses: usize,
        score: String,
    }
    let view = View {
        lines: lines
            .into_iter()
            .map(|l| LineView {
                score: l
                    .score
                    .map(|s| format!("{s:.1}"))
                    .unwrap_or_else(|| "–".into()),
                agency: l.agency,
                month: l.month,
                events: l.events,
                responses: l.responses,
            })
            .collect(),
    };
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/socialization_summary.html",
        view,
        StatusCode::OK,
    )
}
