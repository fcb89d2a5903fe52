//! `GET /api/v1/civil-servants`: the roster of `/kantor/pegawai` within the caller's scope —
//! a search by NIP, NIK or name (titles or not), or, with `agency_id` and no `q`, one agency's
//! people a page at a time.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use netral_domain::access::Capability;
use netral_store::registry::lookup::{self, RosterLine, RosterQuery, SEARCH_LIMIT};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::auth::ApiStaff;
use super::error::{ApiError, ApiErrorBody};
use crate::app::Ctx;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct RosterParams {
    /// An 18-digit NIP (or PPPK number), a 16-digit NIK, or a name with or without titles.
    q: Option<String>,
    /// Only this agency's people: an id from `GET /api/v1/agencies`. Without `q`, lists them.
    #[param(value_type = Option<i64>)]
    agency_id: Option<String>,
    /// The page of an agency's list, from 1 (50 a page).
    #[param(value_type = Option<i64>)]
    page: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RosterResults {
    pub results: Vec<RosterEntry>,
    /// More match than the 50 listed: narrow the search, or ask for the next page.
    pub more: bool,
    /// The page of an agency's list; none for a search.
    pub page: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RosterEntry {
    /// NIP: 18 digits (birth date, appointment, sex, serial).
    #[schema(example = "198503122010011003")]
    pub nip: String,
    /// As written, titles included.
    pub name: String,
    pub position: String,
    pub unit: String,
    pub agency: String,
}

impl From<RosterLine> for RosterEntry {
    fn from(line: RosterLine) -> Self {
        RosterEntry {
            nip: line.nip,
            name: line.name,
            position: line.position,
            unit: line.unit,
            agency: line.agency,
        }
    }
}

/// Search the roster.
#[utoipa::path(
    get,
    path = "/api/v1/civil-servants",
    params(RosterParams),
    responses(
        (status = 200, description = "Civil servants within your scope, by name", body = RosterResults),
        (status = 400, description = "Neither `q` nor `agency_id`, or a parameter that cannot be read; `field` names it", body = ApiErrorBody),
        (status = 401, description = "No token, or one that opens nothing", body = ApiErrorBody),
        (status = 403, description = "Your role does not see the roster", body = ApiErrorBody),
    ),
    security(("bearer_token" = [])),
    tag = "registry"
)]
pub(crate) async fn search(
    ApiStaff(staff): ApiStaff,
    State(ctx): State<Ctx>,
    params: Result<Query<RosterParams>, QueryRejection>,
) -> Result<Json<RosterResults>, ApiError> {
    staff.require(Capability::ViewRoster)?;
    let Query(params) = params.map_err(|e| ApiError::unreadable(None, e.body_text()))?;
    let q = params.q.as_deref().unwrap_or("").trim().to_owned();
    let agency_id = match params.agency_id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(id) => Some(id.parse::<i64>().map_err(|_| {
            ApiError::unreadable(Some("agency_id"), "must be an agency's id (a whole number)")
        })?),
    };
    let limit = usize::try_from(SEARCH_LIMIT).unwrap_or(usize::MAX);
    let scope = &staff.user.scope;
    let (mut results, page) = match (q.is_empty(), agency_id) {
        (false, _) => {
            let query = RosterQuery { text: q, agency_id };
            (
                lookup::search_roster(&ctx.app.db, &query, scope).await?,
                None,
            )
        }
        (true, Some(id)) => {
            let page = match params.page.as_deref().map(str::trim) {
                None | Some("") => 1,
                Some(n) => n.parse::<i64>().ok().filter(|n| *n >= 1).ok_or_else(|| {
                    ApiError::unreadable(Some("page"), "must be a whole number from 1")
                })?,
            };
            let offset = (page - 1).saturating_mul(SEARCH_LIMIT);
            let found = lookup::list_agency_roster(&ctx.app.db, id, scope, offset).await?;
            (found, Some(page))
        }
        (true, None) => {
            return Err(ApiError::unreadable(
                Some("q"),
                "give `q` (a NIP, NIK or name), or `agency_id` to list an agency's people",
            ));
        }
    };
    let more = results.len() > limit;
    results.truncate(limit);
    Ok(Json(RosterResults {
        results: results.into_iter().map(RosterEntry::from).collect(),
        more,
        page,
    }))
}
