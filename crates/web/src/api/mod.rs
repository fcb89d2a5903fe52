//! The JSON API for other systems (Bawaslu's, agencies' inspectorates): the same intake as the
//! portal, with an idempotency key, described in OpenAPI at `/api/openapi.json`.

mod error;
mod openapi;
mod reports;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::app::Ctx;

pub(crate) fn routes(max_body_bytes: usize) -> Router<Ctx> {
    Router::new()
        .route(
            "/v1/reports",
            post(reports::create).layer(DefaultBodyLimit::max(max_body_bytes)),
        )
        .route("/openapi.json", get(openapi::spec))
}
