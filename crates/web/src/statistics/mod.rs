//! Statistics and transparency (decision 0018): the funnel, breakdowns and times to each stage,
//! for the back office's dashboard (every number leads to its cases), the public page (small
//! cells withheld), exports, the PDF report and the JSON API. All read the same in-memory
//! facts ([`cache::FactCache`]) through the same [`view::Builder`], so they cannot disagree.

pub(crate) mod cache;
pub(crate) mod chart;
pub(crate) mod names;
pub(crate) mod query;
pub(crate) mod tables;
pub(crate) mod view;

/// The smallest count the public page shows, unless configured otherwise: fewer cases than
/// this in one cell could single out a person.
pub const DEFAULT_MIN_PUBLIC_CELL: u64 = 5;

use chrono::{NaiveDate, Utc};
use netral_domain::access::Scope;
use netral_domain::deadline::jakarta_date;

use crate::app::Ctx;
use crate::error::WebError;
use crate::export::Format;
use query::{QueryError, StatsQuery, within_scope};

/// A statistics URL read and narrowed to the reader's scope. A parameter that cannot be read
/// is a 400 that names it.
pub(crate) fn scoped_query(raw: Option<&str>, scope: &Scope) -> Result<StatsQuery, WebError> {
    let mut query =
        StatsQuery::parse(raw).map_err(|e: QueryError| WebError::BadRequest(e.to_string()))?;
    within_scope(&mut query.filter, scope);
    Ok(query)
}

/// The download format a statistics URL asks for (`format=csv` or `format=xlsx`).
pub(crate) fn export_format(query: &StatsQuery) -> Result<Format, WebError> {
    query
        .format
        .as_deref()
        .and_then(Format::parse)
        .ok_or_else(|| WebError::BadRequest("parameter `format`: choose csv or xlsx".into()))
}

/// Today in WIB: the day against which deadlines count as passed.
pub(crate) fn today() -> NaiveDate {
    jakarta_date(Utc::now())
}

/// The facts, up to date, and the registry's names, for one request.
pub(crate) async fn load(ctx: &Ctx) -> Result<(cache::Facts<'_>, names::Names), WebError> {
    let facts = ctx.facts.current(&ctx.app.db, &ctx.app.rules).await?;
    let names = names::Names::load(&ctx.app.db).await?;
    Ok((facts, names))
}
