//! The JSON API, described in OpenAPI at `/api/openapi.json` and browsable at `/api/docs/`:
//! the intake for other systems (Bawaslu's, agencies' inspectorates), with an idempotency key;
//! and every back-office action for staff programs, each acting as the owner of a personal
//! token, through the same functions and the same role and scope checks as the pages.
//! One file per resource and action.

mod agencies;
mod auth;
mod case_action;
mod case_desk;
mod case_detail;
mod case_evidence;
mod case_identity;
mod case_list;
mod case_message;
mod decision_body;
mod docs;
mod error;
mod json_body;
mod openapi;
mod reports;
mod roster_record;
mod roster_search;
pub(crate) mod screening;
mod statistics;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::routing::{get, post};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::app::Ctx;

pub(crate) use docs::routes as docs;

/// The routes under `/api`. Every `/v1` route must be one of the handlers listed in
/// [`openapi::ApiDoc`]; tests/web/api_spec.rs checks the router against the description.
pub(crate) fn routes(max_body_bytes: usize) -> Router<Ctx> {
    Router::new()
        .route(
            "/v1/reports",
            post(reports::create).layer(DefaultBodyLimit::max(max_body_bytes)),
        )
        .route("/v1/public/statistics", get(statistics::public_figures))
        .route(
            "/v1/screening/activity",
            post(screening::ingest).layer(DefaultBodyLimit::max(max_body_bytes)),
        )
        .merge(staff_routes())
        .route("/openapi.json", get(openapi::spec))
}

/// What staff programs reach with a token. Answers hold personal data: nothing may keep them.
fn staff_routes() -> Router<Ctx> {
    Router::new()
        .route("/v1/cases", get(case_list::list))
        .route("/v1/cases/{number}", get(case_detail::show))
        .route(
            "/v1/cases/{number}/evidence/{sha256}",
            get(case_evidence::file),
        )
        .route("/v1/cases/{number}/actions", post(case_action::take))
        .route("/v1/cases/{number}/messages", post(case_message::post))
        .route("/v1/cases/{number}/assignment", post(case_desk::assign))
        .route("/v1/cases/{number}/subject", post(case_desk::link_subject))
        .route("/v1/cases/{number}/merge", post(case_desk::merge))
        .route(
            "/v1/cases/{number}/reporter-identity",
            post(case_identity::open),
        )
        .route("/v1/civil-servants", get(roster_search::search))
        .route("/v1/civil-servants/{nip}", get(roster_record::show))
        .route("/v1/agencies", get(agencies::list))
        .route("/v1/statistics", get(statistics::staff_figures))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}
