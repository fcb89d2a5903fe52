//! `GET /kantor/pakta/{code}?pemilu=…`: who signed an agency's integrity pacts for one
//! election — its representatives' agency-wide pacts and its civil servants' own, with the
//! dates — beside its coverage of the roster. Pacts naming no election count for every one.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use netral_domain::access::Capability;
use netral_store::prevention::pact_campaign::campaign;
use netral_store::registry::prevention::pacts_of_agency;
use serde::{Deserialize, Serialize};

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::page::Page;
use crate::staff::{Staff, encode};

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Params {
    #[serde(default)]
    pemilu: String,
}

#[derive(Serialize)]
struct Signer {
    nip: Option<String>,
    name: Option<String>,
    signatory: Option<String>,
    signed_on: String,
    election: Option<String>,
}

#[derive(Serialize)]
struct View {
    code: String,
    name: String,
    election: String,
    election_query: String,
    roster: i64,
    signed: i64,
    percent: Option<i64>,
    representatives: Vec<Signer>,
    individuals: Vec<Signer>,
}

pub(crate) async fn show(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(code): Path<String>,
    Query(params): Query<Params>,
) -> Result<Response, WebError> {
    staff.require(Capability::RunPrevention)?;
    let election = params.pemilu.trim().to_owned();
    // The campaign lists only agencies in the user's scope: one outside it is not found.
    let line = campaign(&ctx.app.db, &staff.user.scope, &election)
        .await?
        .into_iter()
        .find(|l| l.coverage.agency_code == code)
        .ok_or(WebError::NotFound)?;
    let mut representatives = Vec::new();
    let mut individuals = Vec::new();
    for pact in pacts_of_agency(&ctx.app.db, &code).await? {
        if pact.election_code.as_deref().is_some_and(|e| e != election) {
            continue;
        }
        let signer = Signer {
            signed_on: page.long_date(pact.signed_on)?,
            election: pact.election_code,
            signatory: pact.signatory,
            name: pact.person_name,
            nip: pact.nip.clone(),
        };
        if pact.nip.is_some() {
            individuals.push(signer);
        } else {
            representatives.push(signer);
        }
    }
    let view = View {
        percent: line.percent(),
        code,
        name: line.coverage.agency_name,
        election_query: encode(&election),
        election,
        roster: line.coverage.roster,
        signed: line.coverage.individually_covered,
        representatives,
        individuals,
    };
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/pact_signers.html",
        view,
        StatusCode::OK,
    )
}
