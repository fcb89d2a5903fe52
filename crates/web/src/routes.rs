//! The table of contents of the site: one module per page.

mod assets;
mod campaign_poster;
mod check_number;
mod guide;
mod health;
mod holidays;
mod home;
mod not_found;
pub(crate) mod office;
pub(crate) mod pacts;
mod receipt_check;
mod reply;
mod report_form;
mod report_submit;
mod rules;
mod statistics;
mod status;
mod status_view;
mod survey;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::routing::{get, post};

use crate::app::Ctx;

pub(crate) use statistics::public_filter as public_statistics_filter;

/// `max_body_bytes` bounds the forms that carry files (reports, replies), `max_upload_bytes`
/// the back office's import uploads; other routes keep axum's small default.
pub(crate) fn routes(max_body_bytes: usize, max_upload_bytes: usize) -> Router<Ctx> {
    let files_limit = DefaultBodyLimit::max(max_body_bytes);
    Router::new()
        .route("/", get(home::show))
        .route(
            "/lapor",
            get(report_form::show).post(report_submit::submit.layer(files_limit)),
        )
        .route("/lapor/cek-nomor", get(check_number::check))
        .route("/status", get(status::show).post(status::look_up))
        .route(
            "/status/balas",
            get(reply::back_to_status).post(reply::send.layer(files_limit)),
        )
        .route("/statistik", get(statistics::show))
        .route("/survei/{token}", get(survey::show).post(survey::submit))
        .route("/pakta-integritas", get(pacts::show))
        .route("/boleh-atau-tidak", get(guide::search))
        .route("/boleh-atau-tidak/tanya", post(guide::ask))
        .route("/boleh-atau-tidak/{code}", get(guide::entry))
        .route("/pilih-netral", get(campaign_poster::show))
        .route("/aturan", get(rules::in_force))
        .route("/aturan/{version}", get(rules::version))
        .route("/aturan/libur/{year}", get(holidays::show))
        .route("/healthz", get(health::check))
        .route("/static/{*path}", get(assets::serve))
        .merge(office::routes(max_upload_bytes))
        .fallback(not_found::show)
        .method_not_allowed_fallback(not_found::method_not_allowed)
}
