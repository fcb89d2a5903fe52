//! `GET /kantor/instansi`: the agencies the signed-in user's scope covers, with their kind,
//! region, PPK, roster size and integrity-pact coverage for one election, filtered by name and
//! kind, 50 a page. Each leads to the agency's people on the roster page.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use netral_domain::access::Capability;
use netral_domain::registry::AgencyKind;
use netral_store::registry::agency_overview::{AgencyFilter, agencies_overview, pact_elections};
use serde::{Deserialize, Serialize};

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::page::Page;
use crate::staff::{Staff, encode};

const PAGE_SIZE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ListParams {
    /// Part of the name.
    #[serde(default)]
    q: String,
    /// An agency kind as stored (`central`, `province`, `regency`, `city`); empty for all.
    #[serde(default)]
    jenis: String,
    /// The election whose pacts are counted; by default the one most recently signed for.
    #[serde(default)]
    pemilu: String,
    #[serde(default)]
    halaman: String,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label_key: Option<&'static str>,
    selected: bool,
}

#[derive(Serialize)]
struct Line {
    id: i64,
    code: String,
    name: String,
    kind_key: Option<&'static str>,
    region: Option<String>,
    ppk_title: String,
    roster: i64,
    /// Whole percent of the roster covered by a pact, theirs or the agency's.
    percent: Option<i64>,
    agency_pact: bool,
}

#[derive(Serialize)]
struct ListView {
    q: String,
    kinds: Vec<Choice>,
    elections: Vec<Choice>,
    lines: Vec<Line>,
    total: i64,
    page: i64,
    pages: i64,
    previous: Option<String>,
    next: Option<String>,
}

pub(crate) async fn list(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Query(params): Query<ListParams>,
) -> Result<Response, WebError> {
    staff.require(Capability::ViewRoster)?;
    let db = &ctx.app.db;
    let kind = AgencyKind::parse(&params.jenis);
    let known = pact_elections(db).await?;
    let election = known
        .iter()
        .find(|e| **e == params.pemilu.trim())
        .or(known.first())
        .cloned()
        .unwrap_or_default();
    let number: i64 = params.halaman.trim().parse().unwrap_or(1).max(1);
    let filter = AgencyFilter {
        name: params.q.clone(),
        kind,
    };
    let found = agencies_overview(
        db,
        &staff.user.scope,
        &filter,
        &election,
        PAGE_SIZE,
        (number - 1).saturating_mul(PAGE_SIZE),
    )
    .await?;
    let pages = ((found.total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let href = |p: i64| {
        format!(
            "/kantor/instansi?q={}&jenis={}&pemilu={}&halaman={p}",
            encode(params.q.trim()),
            kind.map_or("", AgencyKind::as_str),
            encode(&election),
        )
    };
    let lines = found
        .lines
        .into_iter()
        .map(|l| Line {
            id: l.id,
            kind_key: AgencyKind::parse(&l.kind).map(crate::labels::agency_kind),
            region: l.region_name.or(l.region_code),
            ppk_title: l.ppk_title,
            roster: l.coverage.roster,
            percent: l
                .coverage
                .share_covered()
                .map(|share| (share * 100.0).round() as i64),
            agency_pact: l.coverage.agency_pact,
            code: l.coverage.agency_code,
            name: l.coverage.agency_name,
        })
        .collect();
    let view = ListView {
        kinds: AgencyKind::ALL
            .into_iter()
            .map(|k| Choice {
                value: k.as_str().to_owned(),
                label_key: Some(crate::labels::agency_kind(k)),
                selected: Some(k) == kind,
            })
            .collect(),
        elections: known
            .iter()
            .map(|e| Choice {
                value: e.clone(),
                label_key: None,
                selected: *e == election,
            })
            .collect(),
        q: params.q.clone(),
        lines,
        total: found.total,
        page: number,
        pages,
        previous: (number > 1).then(|| href(number - 1)),
        next: (number < pages).then(|| href(number + 1)),
    };
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/agencies.html",
        view,
        StatusCode::OK,
    )
}
