//! `GET /kantor`: the back office's front page: who you are and what you may open.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::page::Page;
use crate::staff::Staff;

pub(crate) async fn show(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/home.html",
        (),
        StatusCode::OK,
    )
}
