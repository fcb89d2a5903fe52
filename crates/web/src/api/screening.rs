//! `POST /api/v1/screening/activity?election=CODE`: the batch ingest for collectors of public
//! social-media activity. The body is JSON Lines (see `netral_screen::record`); every line is
//! screened for the election, a malformed one is reported by its line number and field and
//! skipped, and the leads about civil servants go to the review queue (`/kantor/temuan`).
//! Activity of accounts that map to no civil servant is dropped: nothing of it is kept, not
//! even in the answer. Leads nobody accepted are deleted after the retention period
//! (`netral serve --lead-retention-days`). A collector runs as a task-force account's token.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use chrono::Utc;
use netral_domain::access::Capability;
use netral_screen::{Lead, Scratch, Screener, Summary};
use netral_store::screening::engine::{read_extras, screener_from_db};
use netral_store::screening::{NewLead, purge_before, record_leads};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;
use utoipa::{IntoParams, ToSchema};

use super::auth::ApiStaff;
use super::error::{ApiError, ApiErrorBody};
use crate::app::Ctx;

/// How long a built screener serves before it is built again from the database, so new
/// candidates and declared accounts count within minutes without rebuilding on every batch.
const REBUILD_AFTER: Duration = Duration::from_secs(300);
/// Malformed lines named in the answer; the rest are counted.
const ERRORS_LISTED: usize = 100;

/// Screeners by election, each with when it was built.
#[derive(Default)]
pub(crate) struct ScreenerCache(Mutex<HashMap<String, (Instant, Arc<Screener>)>>);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct IngestParams {
    /// The election to screen for, a code from `rules/elections` (e.g. `pilkada-2024`).
    election: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct IngestOutcome {
    /// Non-empty lines read.
    pub records: u64,
    pub malformed: u64,
    /// The first malformed lines, by number, with the field at fault.
    pub errors: Vec<LineProblem>,
    /// Records dated outside the election's screening period (registration to counting).
    pub outside_period: u64,
    /// Leads about civil servants found in this batch.
    pub leads: u64,
    /// Of them, new in the review queue (a record screened before is not added twice).
    pub stored: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct LineProblem {
    pub line: u64,
    #[schema(example = "action")]
    pub field: String,
    pub message: String,
}

async fn screener(ctx: &Ctx, code: &str) -> Result<Arc<Screener>, ApiError> {
    let mut cache = ctx.screeners.0.lock().await;
    if let Some((built, screener)) = cache.get(code)
        && built.elapsed() < REBUILD_AFTER
    {
        return Ok(screener.clone());
    }
    let election = ctx
        .app
        .rules
        .elections()
        .iter()
        .find(|e| e.code == code)
        .ok_or_else(|| ApiError::invalid("election", format!("unknown election `{code}`")))?;
    let extras = match &ctx.app.screening.watchlist_dir {
        Some(dir) if dir.join(format!("{code}.toml")).is_file() => Some(
            read_extras(&dir.join(format!("{code}.toml")))
                .map_err(|e| ApiError::from(crate::error::WebError::Io(e.to_string())))?,
        ),
        _ => None,
    };
    let built = screener_from_db(&ctx.app.db, election, extras.as_ref())
        .await
        .map_err(|e| ApiError::from(crate::error::WebError::Io(e.to_string())))?;
    let built = Arc::new(built);
    cache.insert(code.to_owned(), (Instant::now(), built.clone()));
    Ok(built)
}

/// Screen a batch of activity records.
#[utoipa::path(
    post,
    path = "/api/v1/screening/activity",
    params(IngestParams),
    request_body(content = String, content_type = "application/x-ndjson", description = "One activity record a line: platform, account_id, handle, display_name, bio, action (post, comment, share, like, follow, join), text, target_account, target_post, time (RFC 3339), url"),
    responses(
        (status = 200, description = "The batch was screened; malformed lines are listed and skipped", body = IngestOutcome),
        (status = 400, description = "A body that is not UTF-8, or no `election`", body = ApiErrorBody),
        (status = 422, description = "An election `rules/elections` does not know; `field` names it", body = ApiErrorBody),
        (status = 401, description = "No token, or one that opens nothing", body = ApiErrorBody),
        (status = 403, description = "Your role does not review leads", body = ApiErrorBody),
        (status = 413, description = "The batch is over the size limit: send it in parts", body = ApiErrorBody),
    ),
    security(("bearer_token" = [])),
    tag = "screening"
)]
pub(crate) async fn ingest(
    ApiStaff(staff): ApiStaff,
    State(ctx): State<Ctx>,
    params: Result<Query<IngestParams>, QueryRejection>,
    body: String,
) -> Result<Json<IngestOutcome>, ApiError> {
    staff.require(Capability::ReviewLeads)?;
    let Query(params) =
        params.map_err(|e| ApiError::unreadable(Some("election"), e.body_text()))?;
    let screener = screener(&ctx, params.election.trim()).await?;
    let mut summary = Summary::default();
    let mut scratch = Scratch::default();
    let mut leads: Vec<Lead> = Vec::new();
    let mut found: Vec<Lead> = Vec::new();
    let mut errors = Vec::new();
    for (index, raw) in body.lines().enumerate() {
        let raw = raw.trim_end_matches('\r');
        if raw.trim().is_empty() {
            continue;
        }
        leads.clear();
        let outcome = screener.screen_line(index as u64 + 1, raw, &mut scratch, &mut leads);
        if let netral_screen::Outcome::Malformed(e) = &outcome
            && errors.len() < ERRORS_LISTED
        {
            errors.push(LineProblem {
                line: e.line,
                field: e.field.clone(),
                message: e.message.clone(),
            });
        }
        summary.count(&outcome, &leads);
        found.append(&mut leads);
    }
    let rows: Vec<NewLead> = found.iter().map(NewLead::from).collect();
    let now = Utc::now();
    let stored = record_leads(&ctx.app.db, &rows, now).await?;
    let retention = chrono::Duration::days(i64::from(ctx.app.screening.lead_retention_days));
    purge_before(&ctx.app.db, now - retention).await?;
    Ok(Json(IngestOutcome {
        records: summary.records,
        malformed: summary.malformed,
        errors,
        outside_period: summary.outside_period,
        leads: summary.leads,
        stored: stored as u64,
    }))
}
