//! `GET /statistik`: the public transparency page, no sign-in. The funnel, times to each
//! stage and the breakdowns, nationally or for one province and one election; counts below
//! the configured minimum are withheld (and a second one where the first could be worked out
//! from the total). No names, NIPs, case numbers or free text: only counts of categories.

use axum::extract::{RawQuery, State};
use axum::response::Html;
use netral_domain::stats::{Dimension, Filter};
use serde::Serialize;

use crate::app::Ctx;
use crate::error::WebError;
use crate::page::Page;
use crate::statistics::chart::{LineChart, monthly};
use crate::statistics::view::{
    Audience, Builder, Choice, Dashboard, PUBLIC_BREAKDOWNS, choices, count_text,
};
use crate::statistics::{load, today};

#[derive(Serialize)]
struct View {
    provinces: Vec<Choice>,
    elections: Vec<Choice>,
    dashboard: Dashboard,
    monthly: Option<LineChart>,
    min_cell: u64,
}

/// The public may narrow by province and election only: finer slices would let small counts
/// be worked out by comparing two views.
pub(crate) fn public_filter(raw: Option<&str>) -> Result<Filter, WebError> {
    let mut filter = Filter::default();
    for (name, value) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let dimension = match name.as_ref() {
            "province" => Dimension::Province,
            "election" => Dimension::Election,
            other => {
                return Err(WebError::BadRequest(format!(
                    "parameter `{other}`: the public figures narrow by province and election only"
                )));
            }
        };
        if filter.allowed(dimension).is_some() {
            return Err(WebError::BadRequest(format!(
                "parameter `{name}`: one value only"
            )));
        }
        filter.allow(dimension, value);
    }
    Ok(filter)
}

pub(crate) async fn show(
    page: Page,
    State(ctx): State<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Html<String>, WebError> {
    let filter = public_filter(raw.as_deref())?;
    let min_cell = ctx.app.statistics.min_public_cell;
    let (facts, names) = load(&ctx).await?;
    let builder = Builder {
        facts: &facts,
        filter: &filter,
        today: today(),
        page: &page,
        rules: &ctx.app.rules,
        names: &names,
        audience: Audience::Public { min_cell },
    };
    let dashboard = builder.dashboard(&PUBLIC_BREAKDOWNS);
    let monthly = dashboard
        .breakdowns
        .iter()
        .find(|b| b.dimension == Dimension::Month.as_str())
        .and_then(|months| monthly(months, |n| count_text(page.lang, n)));
    let offered = |dimension: Dimension| {
        choices(
            facts.values(dimension),
            filter.allowed(dimension),
            |value| names.of(&page, &ctx.app.rules, dimension, value),
        )
    };
    let view = View {
        provinces: offered(Dimension::Province),
        elections: offered(Dimension::Election),
        dashboard,
        monthly,
        min_cell,
    };
    drop(facts);
    page.render("statistics.html", view)
}
