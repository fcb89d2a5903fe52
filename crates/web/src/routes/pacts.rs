//! `GET /pakta-integritas`: the public count of integrity pacts per agency for one election —
//! roster size, pacts signed by individuals, whether representatives signed for the whole
//! agency, and the share covered. Counts only: no signer is named. Counting covers the whole
//! roster (millions of rows nationally), so the counts are kept for a few minutes per election
//! ([`PublicPactCounts`]) rather than counted again for every visitor.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Query, State};
use axum::response::Html;
use netral_domain::access::Scope;
use netral_store::prevention::pact_campaign::{CampaignLine, campaign};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;

use crate::app::Ctx;
use crate::error::WebError;
use crate::page::Page;

/// How long the public counts of one election are served before being counted again.
const FRESH_FOR: Duration = Duration::from_secs(300);

/// One election's counts and when they were made.
type Counted = (Instant, Arc<Vec<CampaignLine>>);

/// The public counts per election.
#[derive(Default)]
pub(crate) struct PublicPactCounts(Mutex<HashMap<String, Counted>>);

impl PublicPactCounts {
    async fn of(&self, ctx: &Ctx, election: &str) -> Result<Arc<Vec<CampaignLine>>, WebError> {
        let mut counts = self.0.lock().await;
        if let Some((at, lines)) = counts.get(election)
            && at.elapsed() < FRESH_FOR
        {
            return Ok(lines.clone());
        }
        let lines = Arc::new(campaign(&ctx.app.db, &Scope::National, election).await?);
        counts.insert(election.to_owned(), (Instant::now(), lines.clone()));
        Ok(lines)
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Params {
    #[serde(default)]
    pemilu: String,
}

#[derive(Serialize)]
struct Line {
    name: String,
    roster: i64,
    signed: i64,
    agency_pact: bool,
    percent: Option<i64>,
}

#[derive(Serialize)]
struct View {
    election: String,
    elections: Vec<(String, bool)>,
    lines: Vec<Line>,
}

pub(crate) async fn show(
    page: Page,
    State(ctx): State<Ctx>,
    Query(params): Query<Params>,
) -> Result<Html<String>, WebError> {
    let known: Vec<String> = ctx
        .app
        .rules
        .elections()
        .iter()
        .rev()
        .map(|e| e.code.clone())
        .collect();
    let election = known
        .iter()
        .find(|e| **e == params.pemilu.trim())
        .or(known.first())
        .cloned()
        .unwrap_or_default();
    let lines = ctx
        .pact_counts
        .of(&ctx, &election)
        .await?
        .iter()
        .filter(|l| l.coverage.roster > 0)
        .map(|l| Line {
            percent: l.percent(),
            name: l.coverage.agency_name.clone(),
            roster: l.coverage.roster,
            signed: l.coverage.individually_covered,
            agency_pact: l.coverage.agency_pact,
        })
        .collect();
    let view = View {
        elections: known.iter().map(|e| (e.clone(), *e == election)).collect(),
        election,
        lines,
    };
    page.render("prevention/pacts.html", view)
}
