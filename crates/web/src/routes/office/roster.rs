//! `GET /kantor/pegawai` (search) and `GET /kantor/pegawai/{nip}` (one record): the roster as
//! the signed-in role and scope may see it. A record outside the scope answers "not found",
//! exactly as a NIP nobody holds: guessing NIPs in the address bar reveals nothing.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use netral_domain::access::Capability;
use netral_domain::case::CaseState;
use netral_domain::ids::RegionCode;
use netral_store::registry::lookup::{
    self, CivilServantRecord, RosterLine, RosterQuery, SEARCH_LIMIT,
};
use serde::{Deserialize, Serialize};

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::page::Page;
use crate::staff::Staff;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SearchParams {
    #[serde(default)]
    q: String,
    /// The agency filter's id; empty for every agency in scope.
    #[serde(default)]
    instansi: String,
}

#[derive(Serialize)]
struct AgencyOption {
    id: i64,
    name: String,
    selected: bool,
}

#[derive(Serialize)]
struct SearchView {
    q: String,
    agencies: Vec<AgencyOption>,
    searched: bool,
    results: Vec<RosterLine>,
    more: bool,
    limit: i64,
}

pub(crate) async fn search(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Query(params): Query<SearchParams>,
) -> Result<Response, WebError> {
    staff.require(Capability::ViewRoster)?;
    let scope = &staff.user.scope;
    let agency_id: Option<i64> = params.instansi.trim().parse().ok();
    let agencies = lookup::agencies_in_scope(&ctx.app.db, scope)
        .await?
        .into_iter()
        .map(|a| AgencyOption {
            selected: Some(a.id) == agency_id,
            id: a.id,
            name: a.name,
        })
        .collect();
    let searched = !params.q.trim().is_empty();
    let mut results = if searched {
        let query = RosterQuery {
            text: params.q.clone(),
            agency_id,
        };
        lookup::search_roster(&ctx.app.db, &query, scope).await?
    } else {
        Vec::new()
    };
    let more = results.len() > usize::try_from(SEARCH_LIMIT).unwrap_or(usize::MAX);
    results.truncate(usize::try_from(SEARCH_LIMIT).unwrap_or(usize::MAX));
    let view = SearchView {
        q: params.q,
        agencies,
        searched,
        results,
        more,
        limit: SEARCH_LIMIT,
    };
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/roster_search.html",
        view,
        StatusCode::OK,
    )
}

#[derive(Serialize)]
struct RecordView<'a> {
    person: &'a CivilServantRecord,
    sex_key: Option<&'static str>,
    /// The Fluent key of each case's stage, in the order of `person.cases`.
    state_keys: Vec<String>,
}

pub(crate) async fn record(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(nip): Path<String>,
) -> Result<Response, WebError> {
    staff.require(Capability::ViewRoster)?;
    let record = lookup::civil_servant_record(&ctx.app.db, nip.trim())
        .await?
        .filter(|r| in_scope(&staff, r))
        .ok_or(WebError::NotFound)?;
    let state_keys = record
        .cases
        .iter()
        .map(|c| {
            c.state
                .parse::<CaseState>()
                .map(crate::labels::state)
                .map_err(|e| {
                    WebError::Store(netral_store::StoreError::Corrupt {
                        column: "state",
                        message: e.to_string(),
                    })
                })
        })
        .collect::<Result<Vec<String>, WebError>>()?;
    let view = RecordView {
        sex_key: crate::labels::sex(&record.sex),
        person: &record,
        state_keys,
    };
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/roster_record.html",
        view,
        StatusCode::OK,
    )
}

fn in_scope(staff: &Staff, record: &CivilServantRecord) -> bool {
    let region: Option<RegionCode> = record.agency_region.as_deref().and_then(|r| r.parse().ok());
    staff
        .user
        .scope
        .covers_agency(record.agency_id, region.as_ref())
}
