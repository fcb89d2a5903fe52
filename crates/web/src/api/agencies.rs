//! `GET /api/v1/agencies`: the agencies the caller's scope covers, as `/kantor/instansi` lists
//! them — kind, region, PPK, roster size and integrity-pact coverage for one election —
//! filtered by name and kind, 50 a page.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use netral_domain::access::Capability;
use netral_domain::registry::AgencyKind;
use netral_store::registry::agency_overview::{AgencyFilter, agencies_overview, pact_elections};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::auth::ApiStaff;
use super::error::{ApiError, ApiErrorBody};
use crate::app::Ctx;

const PAGE_SIZE: i64 = 50;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct AgencyParams {
    /// Part of the name, any case.
    q: Option<String>,
    /// `central`, `province`, `regency` or `city`.
    kind: Option<String>,
    /// The election whose integrity pacts are counted; by default the one most recently
    /// signed for.
    election: Option<String>,
    /// From 1 (50 a page).
    #[param(value_type = Option<i64>)]
    page: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AgencyList {
    pub agencies: Vec<AgencyView>,
    /// How many agencies match, on every page.
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    /// The election whose pacts are counted; empty when no pact was ever recorded.
    pub election: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AgencyView {
    pub id: i64,
    #[schema(example = "3215")]
    pub code: String,
    pub name: String,
    /// `central`, `province`, `regency` or `city`.
    pub kind: String,
    pub region_code: Option<String>,
    pub region_name: Option<String>,
    /// The agency's PPK: its employing authority (e.g. Bupati Karawang).
    pub ppk_title: String,
    /// Civil servants on the roster.
    pub roster: i64,
    /// Of them, how many signed an integrity pact of their own for the election.
    pub individually_covered: i64,
    /// Whether representatives signed a pact for the whole agency.
    pub agency_pact: bool,
}

/// List agencies in scope.
#[utoipa::path(
    get,
    path = "/api/v1/agencies",
    params(AgencyParams),
    responses(
        (status = 200, description = "Agencies within your scope, by name", body = AgencyList),
        (status = 400, description = "A parameter cannot be read; `field` names it", body = ApiErrorBody),
        (status = 401, description = "No token, or one that opens nothing", body = ApiErrorBody),
        (status = 403, description = "Your role does not see the registry", body = ApiErrorBody),
    ),
    security(("bearer_token" = [])),
    tag = "registry"
)]
pub(crate) async fn list(
    ApiStaff(staff): ApiStaff,
    State(ctx): State<Ctx>,
    params: Result<Query<AgencyParams>, QueryRejection>,
) -> Result<Json<AgencyList>, ApiError> {
    staff.require(Capability::ViewRoster)?;
    let Query(params) = params.map_err(|e| ApiError::unreadable(None, e.body_text()))?;
    let db = &ctx.app.db;
    let kind = match params.kind.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(AgencyKind::parse(text).ok_or_else(|| {
            ApiError::unreadable(
                Some("kind"),
                format!(
                    "unknown kind `{text}`; kinds are {}",
                    AgencyKind::ALL.map(AgencyKind::as_str).join(", ")
                ),
            )
        })?),
    };
    let number =
        match params.page.as_deref().map(str::trim) {
            None | Some("") => 1,
            Some(n) => n.parse::<i64>().ok().filter(|n| *n >= 1).ok_or_else(|| {
                ApiError::unreadable(Some("page"), "must be a whole number from 1")
            })?,
        };
    let known = pact_elections(db).await?;
    let election = match params.election.as_deref().map(str::trim) {
        None | Some("") => known.first().cloned().unwrap_or_default(),
        Some(code) => known.iter().find(|e| *e == code).cloned().ok_or_else(|| {
            ApiError::unreadable(
                Some("election"),
                format!("no integrity pacts are recorded for `{code}`"),
            )
        })?,
    };
    let filter = AgencyFilter {
        name: params.q.unwrap_or_default(),
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
    Ok(Json(AgencyList {
        agencies: found
            .lines
            .into_iter()
            .map(|l| AgencyView {
                id: l.id,
                code: l.coverage.agency_code,
                name: l.coverage.agency_name,
                kind: l.kind,
                region_code: l.region_code,
                region_name: l.region_name,
                ppk_title: l.ppk_title,
                roster: l.coverage.roster,
                individually_covered: l.coverage.individually_covered,
                agency_pact: l.coverage.agency_pact,
            })
            .collect(),
        total: found.total,
        page: number,
        pages: ((found.total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
        election,
    }))
}
