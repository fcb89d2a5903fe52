//! The table of contents of the site: one module per page.

mod assets;
mod health;
mod holidays;
mod home;
mod not_found;
mod rules;

use axum::Router;
use axum::routing::get;

use crate::app::Ctx;

pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .route("/", get(home::show))
        .route("/aturan", get(rules::in_force))
        .route("/aturan/{version}", get(rules::version))
        .route("/aturan/libur/{year}", get(holidays::show))
        .route("/healthz", get(health::check))
        .route("/static/{*path}", get(assets::serve))
        .fallback(not_found::show)
        .method_not_allowed_fallback(not_found::method_not_allowed)
}
