//! `GET /kantor/pegawai` (search, or with `instansi` and no `q` one agency's people page by
//! page) and `GET /kantor/pegawai/{nip}` (one record, with the social-media accounts the
//! person declared): the roster as the signed-in role and scope may see it. A record outside the scope answers "not found",
//! exactly as a NIP nobody holds: guessing NIPs in the address bar reveals nothing.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use netral_domain::access::Capability;
use netral_domain::case::CaseState;
use netral_domain::ids::RegionCode;
use netral_store::registry::accounts_of;
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
    /// The page of an agency's list, from 1.
    #[serde(default)]
    halaman: String,
}

/// Where an agency's list is: its page and the addresses of the pages around it.
#[derive(Serialize)]
struct Listing {
    agency: String,
    page: i64,
    previous: Option<String>,
    next: Option<String>,
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
    listing: Option<Listing>,
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
    let agencies: Vec<AgencyOption> = lookup::agencies_in_scope(&ctx.app.db, scope)
        .await?
        .into_iter()
        .map(|a| AgencyOption {
            selected: Some(a.id) == agency_id,
            id: a.id,
            name: a.name,
        })
        .collect();
    let searched = !params.q.trim().is_empty();
    let limit = usize::try_from(SEARCH_LIMIT).unwrap_or(usize::MAX);
    if !searched && let Some(id) = agency_id {
        // An agency picked without a name: its people, a page at a time.
        let number: i64 = params.halaman.trim().parse().unwrap_or(1).max(1);
        let offset = (number - 1).saturating_mul(SEARCH_LIMIT);
        let mut results = lookup::list_agency_roster(&ctx.app.db, id, scope, offset).await?;
        let more = results.len() > limit;
        results.truncate(limit);
        let agency = agencies.iter().find(|a| a.id == id).map(|a| a.name.clone());
        let listing = agency.map(|agency| {
            let href = |p: i64| format!("/kantor/pegawai?instansi={id}&q=&halaman={p}");
            Listing {
                agency,
                page: number,
                previous: (number > 1).then(|| href(number - 1)),
                next: more.then(|| href(number + 1)),
            }
        });
        let view = SearchView {
            q: params.q,
            agencies,
            searched: listing.is_some(),
            results,
            more: false,
            limit: SEARCH_LIMIT,
            listing,
        };
        return frame::render(
            &page,
            &ctx,
            &headers,
            &staff.user,
            "office/roster_search.html",
            view,
            StatusCode::OK,
        );
    }
    let mut results = if searched {
        let query = RosterQuery {
            text: params.q.clone(),
            agency_id,
        };
        lookup::search_roster(&ctx.app.db, &query, scope).await?
    } else {
        Vec::new()
    };
    let more = results.len() > limit;
    results.truncate(limit);
    let view = SearchView {
        q: params.q,
        agencies,
        searched,
        results,
        more,
        limit: SEARCH_LIMIT,
        listing: None,
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

/// A declared account as the record shows it.
#[derive(Serialize)]
struct AccountView {
    platform_key: &'static str,
    handle: String,
    /// Only a web address becomes a link.
    url: Option<String>,
    declared_on: Option<chrono::NaiveDate>,
}

#[derive(Serialize)]
struct RecordView<'a> {
    person: &'a CivilServantRecord,
    accounts: Vec<AccountView>,
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
    let record = open_record(&ctx, &staff, &nip).await?;
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
    let accounts = accounts_of(&ctx.app.db, &record.nip)
        .await?
        .into_iter()
        .map(|a| AccountView {
            platform_key: crate::labels::platform(a.platform),
            handle: a.handle,
            url: a.url.filter(|u| {
                let lower = u.to_ascii_lowercase();
                lower.starts_with("https://") || lower.starts_with("http://")
            }),
            declared_on: a.declared_on,
        })
        .collect();
    let view = RecordView {
        accounts,
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

/// The record of the civil servant with this NIP, if the role may see the roster and its
/// scope covers the person's agency; 404 otherwise, as for a NIP nobody holds. The JSON API
/// opens records through this too.
pub(crate) async fn open_record(
    ctx: &Ctx,
    staff: &Staff,
    nip: &str,
) -> Result<CivilServantRecord, WebError> {
    staff.require(Capability::ViewRoster)?;
    lookup::civil_servant_record(&ctx.app.db, nip.trim())
        .await?
        .filter(|r| in_scope(staff, r))
        .ok_or(WebError::NotFound)
}

fn in_scope(staff: &Staff, record: &CivilServantRecord) -> bool {
    let region: Option<RegionCode> = record.agency_region.as_deref().and_then(|r| r.parse().ok());
    staff
        .user
        .scope
        .covers_agency(record.agency_id, region.as_ref())
}
