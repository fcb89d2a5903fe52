//! `GET /api/v1/civil-servants/{nip}`: one civil servant's record as `/kantor/pegawai/{nip}`
//! shows it — the registry's data, the social-media accounts they declared and the cases about
//! them — opened through the page's own function, so outside the scope it is 404, exactly as
//! for a NIP nobody holds.

use axum::Json;
use axum::extract::{Path, State};
use chrono::{DateTime, NaiveDate, Utc};
use netral_store::registry::accounts_of;
use serde::Serialize;
use utoipa::ToSchema;

use super::auth::ApiStaff;
use super::error::{ApiError, ApiErrorBody};
use crate::app::Ctx;
use crate::routes::office::roster::open_record;

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CivilServantView {
    #[schema(example = "198503122010011003")]
    pub nip: String,
    /// The old-style NIP of earlier records, when known.
    pub nip_lama: Option<String>,
    /// NIK: the 16-digit national identity number.
    pub nik: Option<String>,
    /// As written, titles included.
    pub name: String,
    pub given_name: String,
    pub front_titles: Option<String>,
    pub back_titles: Option<String>,
    pub birth_place: Option<String>,
    pub birth_date: NaiveDate,
    /// `male` or `female`.
    pub sex: String,
    /// `pns` (career) or `pppk` (contract).
    pub employee_type: String,
    pub status: Option<String>,
    pub agency_id: i64,
    pub agency: String,
    /// `central`, `province`, `regency` or `city`.
    pub agency_kind: String,
    pub agency_region: Option<String>,
    pub region_name: Option<String>,
    pub unit: String,
    pub work_location: Option<String>,
    pub position_type: String,
    pub position: String,
    pub eselon: Option<String>,
    pub rank: Option<String>,
    pub updated_at: Option<DateTime<Utc>>,
    pub declared_accounts: Vec<DeclaredAccountView>,
    /// Cases about this person: named by NIP in a report, or linked to them.
    pub cases: Vec<CaseRef>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DeclaredAccountView {
    /// `facebook`, `instagram`, `x`, `tiktok`, `youtube`, `threads`, `linkedin`,
    /// `whatsapp_channel` or `other`.
    pub platform: String,
    pub handle: String,
    pub url: Option<String>,
    pub declared_on: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CaseRef {
    pub number: String,
    pub state: String,
    pub opened_at: DateTime<Utc>,
}

/// One civil servant.
#[utoipa::path(
    get,
    path = "/api/v1/civil-servants/{nip}",
    params(("nip" = String, Path, description = "The NIP (or PPPK number), 18 digits")),
    responses(
        (status = 200, description = "The record", body = CivilServantView),
        (status = 401, description = "No token, or one that opens nothing", body = ApiErrorBody),
        (status = 403, description = "Your role does not see the roster", body = ApiErrorBody),
        (status = 404, description = "No such civil servant within your scope", body = ApiErrorBody),
    ),
    security(("bearer_token" = [])),
    tag = "registry"
)]
pub(crate) async fn show(
    ApiStaff(staff): ApiStaff,
    State(ctx): State<Ctx>,
    Path(nip): Path<String>,
) -> Result<Json<CivilServantView>, ApiError> {
    let r = open_record(&ctx, &staff, &nip).await?;
    let declared_accounts = accounts_of(&ctx.app.db, &r.nip)
        .await?
        .into_iter()
        .map(|a| DeclaredAccountView {
            platform: a.platform.as_str().to_owned(),
            handle: a.handle,
            url: a.url,
            declared_on: a.declared_on,
        })
        .collect();
    Ok(Json(CivilServantView {
        nip: r.nip,
        nip_lama: r.nip_lama,
        nik: r.nik,
        name: r.name,
        given_name: r.given_name,
        front_titles: r.front_titles,
        back_titles: r.back_titles,
        birth_place: r.birth_place,
        birth_date: r.birth_date,
        sex: r.sex,
        employee_type: r.employee_type,
        status: r.status,
        agency_id: r.agency_id,
        agency: r.agency,
        agency_kind: r.agency_kind,
        agency_region: r.agency_region,
        region_name: r.region_name,
        unit: r.unit,
        work_location: r.work_location,
        position_type: r.position_type,
        position: r.position,
        eselon: r.eselon,
        rank: r.rank,
        updated_at: r.updated_at,
        declared_accounts,
        cases: r
            .cases
            .into_iter()
            .map(|c| CaseRef {
                number: c.number,
                state: c.state,
                opened_at: c.opened_at,
            })
            .collect(),
    }))
}
