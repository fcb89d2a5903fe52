//! `GET /`: what Netral is, and the public case funnel.

use axum::extract::State;
use axum::response::Html;
use minijinja::context;

use crate::app::Ctx;
use crate::error::WebError;
use crate::funnel::Funnel;
use crate::page::Page;

pub(crate) async fn show(page: Page, State(ctx): State<Ctx>) -> Result<Html<String>, WebError> {
    let counts = netral_store::cases::count_by_state(&ctx.app.db).await?;
    page.render(
        "home.html",
        context! {
            funnel => Funnel::from_counts(&counts, ctx.app.statistics.min_public_cell),
            min_cell => ctx.app.statistics.min_public_cell,
        },
    )
}
