//! `GET /pakta-integritas`: the public count of integrity pacts per agency for one election —
//! roster size, pacts signed by individuals, whether representatives signed for the whole
//! agency, and the share covered. Counts only: no signer is named.

use axum::extract::{Query, State};
use axum::response::Html;
use netral_domain::access::Scope;
use netral_store::prevention::pact_campaign::campaign;
use serde::{Deserialize, Serialize};

use crate::app::Ctx;
use crate::error::WebError;
use crate::page::Page;

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
    let lines = campaign(&ctx.app.db, &Scope::National, &election)
        .await?
        .into_iter()
        .filter(|l| l.coverage.roster > 0)
        .map(|l| Line {
            percent: l.percent(),
            name: l.coverage.agency_name,
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
