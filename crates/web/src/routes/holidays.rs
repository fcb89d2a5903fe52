//! `GET /aturan/libur/{year}`: the days off that stop working-day deadlines in one year.

use axum::extract::{Path, State};
use axum::response::Html;
use minijinja::context;
use serde::Serialize;

use crate::app::Ctx;
use crate::error::WebError;
use crate::labels;
use crate::page::Page;

#[derive(Serialize)]
struct Day<'a> {
    date: String,
    kind_key: &'static str,
    name: &'a str,
}

pub(crate) async fn show(
    page: Page,
    State(ctx): State<Ctx>,
    Path(year): Path<String>,
) -> Result<Html<String>, WebError> {
    // Parsed here rather than by the extractor, whose rejection would be an untranslated 400.
    let year: i32 = year.parse().map_err(|_| WebError::NotFound)?;
    let calendar = ctx.app.rules.calendar();
    if !calendar.knows_year(year) {
        return Err(WebError::NotFound);
    }
    let days: Vec<Day> = calendar
        .holidays_in(year)
        .map(|h| Day {
            date: h.date.to_string(),
            kind_key: labels::holiday_kind(h.kind),
            name: &h.name,
        })
        .collect();
    page.render(
        "holidays.html",
        context! { year, days, years => calendar.years().collect::<Vec<_>>() },
    )
}
