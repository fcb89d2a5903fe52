//! `GET /api/v1/statistics` (staff, within the token's scope) and
//! `GET /api/v1/public/statistics` (anyone, small counts withheld): the dashboard's figures as
//! JSON, from the same facts and filters as the pages.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{RawQuery, State};
use netral_domain::access::Capability;
use netral_domain::stats::{
    Cell, Dimension, FactTable, Filter, Funnel, Step, suppress, suppress_column,
};
use serde::Serialize;
use utoipa::ToSchema;

use super::auth::ApiStaff;
use super::error::{ApiError, ApiErrorBody};
use crate::app::Ctx;
use crate::page::Page;
use crate::routes::public_statistics_filter;
use crate::statistics::names::Names;
use crate::statistics::query::{StatsQuery, within_scope};
use crate::statistics::view::PUBLIC_BREAKDOWNS;
use crate::statistics::{load, today};

/// The figures for one filter.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Figures {
    /// Cases in each step of the funnel and beside it, by step name (`reported`, `verified`,
    /// `proven`, `recommended`, `sanctioned`, `not_proven`, `rejected`, `not_followed_up`,
    /// `escalated`, `blocked`, `unblocked`); `null` when withheld.
    #[schema(value_type = Object)]
    pub funnel: BTreeMap<&'static str, Option<u64>>,
    /// Each step as a percentage (one decimal) of the step it is measured against: verified
    /// and rejected of reported, proven and not proven of verified, recommended of proven, the
    /// rest of recommended. `null` when the base is empty or a count withheld.
    #[schema(value_type = Object)]
    pub rates: BTreeMap<&'static str, Option<f64>>,
    /// Calendar days from the report to each step: median and 90th percentile.
    pub durations: Vec<DurationFigure>,
    /// Present when `by` names a dimension.
    pub breakdown: Option<BreakdownFigures>,
    /// On the public figures: counts from 1 to this − 1 are withheld (`null`).
    pub min_cell: Option<u64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DurationFigure {
    #[schema(example = "proven")]
    pub step: &'static str,
    pub cases: Option<u64>,
    pub median_days: Option<u32>,
    pub p90_days: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct BreakdownFigures {
    #[schema(example = "violation")]
    pub dimension: &'static str,
    pub groups: Vec<GroupFigures>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct GroupFigures {
    /// The value as filters name it (`MEDSOS_KAMPANYE`, `32`, `2024-02`); empty for unknown.
    pub value: String,
    /// Its name in the language asked for (Accept-Language or the `lang` cookie).
    pub label: String,
    /// As `funnel` above.
    #[schema(value_type = Object)]
    pub counts: BTreeMap<&'static str, Option<u64>>,
    /// Share of all reported cases in the view, percent with one decimal.
    pub share: Option<f64>,
}

fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn counts(cells: &[Cell]) -> BTreeMap<&'static str, Option<u64>> {
    Step::ALL
        .into_iter()
        .zip(cells)
        .map(|(step, cell)| (step.as_str(), cell.shown()))
        .collect()
}

/// The funnel's counts, each withheld on its own under `min_cell` (a lone count has no
/// published total that could give it away).
fn cells(funnel: &Funnel, min_cell: Option<u64>) -> Vec<Cell> {
    Step::ALL
        .map(|s| match min_cell {
            Some(k) => suppress_column(&[funnel.get(s)], k)[0],
            None => Cell::Shown(funnel.get(s)),
        })
        .to_vec()
}

struct Request<'a> {
    facts: &'a FactTable,
    filter: &'a Filter,
    by: Option<Dimension>,
    min_cell: Option<u64>,
    page: &'a Page,
    ctx: &'a Ctx,
    names: &'a Names,
}

fn figures(r: &Request<'_>) -> Figures {
    let dimensions: Vec<Dimension> = r.by.into_iter().collect();
    let (funnel, mut breakdowns) = r.facts.summary(r.filter, &dimensions, today());
    let shown = cells(&funnel, r.min_cell);
    let rates = Step::ALL
        .into_iter()
        .map(|step| {
            let rate = step.base().and_then(|base| {
                let (part, whole) = (shown[step as usize].shown()?, shown[base as usize].shown()?);
                (whole > 0).then(|| one_decimal(part as f64 * 100.0 / whole as f64))
            });
            (step.as_str(), rate)
        })
        .collect();
    let durations = r
        .facts
        .durations(r.filter)
        .into_iter()
        .map(|d| {
            let withheld = r.min_cell.is_some_and(|k| d.cases > 0 && d.cases < k);
            DurationFigure {
                step: d.step.as_str(),
                cases: (!withheld).then_some(d.cases),
                median_days: if withheld { None } else { d.median_days },
                p90_days: if withheld { None } else { d.p90_days },
            }
        })
        .collect();
    let breakdown = r.by.map(|dimension| {
        let groups = breakdowns.pop().unwrap_or_default();
        let total: u64 = groups.iter().map(|g| g.funnel.get(Step::Reported)).sum();
        let rows = match r.min_cell {
            Some(k) => suppress(&groups, &Step::ALL, k),
            None => groups
                .iter()
                .map(|g| Step::ALL.map(|s| Cell::Shown(g.funnel.get(s))).to_vec())
                .collect(),
        };
        BreakdownFigures {
            dimension: dimension.as_str(),
            groups: groups
                .iter()
                .zip(rows)
                .map(|(group, row)| GroupFigures {
                    label: r
                        .names
                        .of(r.page, &r.ctx.app.rules, dimension, &group.value),
                    value: group.value.clone(),
                    share: row[0]
                        .shown()
                        .filter(|_| total > 0)
                        .map(|n| one_decimal(n as f64 * 100.0 / total as f64)),
                    counts: counts(&row),
                })
                .collect(),
        }
    });
    Figures {
        funnel: counts(&shown),
        rates,
        durations,
        breakdown,
        min_cell: r.min_cell,
    }
}

/// Figures within your scope.
#[utoipa::path(
    get,
    path = "/api/v1/statistics",
    params(
        ("election" = Option<Vec<String>>, Query, description = "Election code, e.g. `pemilu-2024`; repeat for several"),
        ("violation" = Option<Vec<String>>, Query, description = "Violation code of the rules, e.g. `MEDSOS_KAMPANYE`"),
        ("track" = Option<Vec<String>>, Query, description = "`ethics` or `discipline`"),
        ("position_type" = Option<Vec<String>>, Query, description = "`jpt`, `administrator`, `supervisor`, `camat`, `lurah`, `functional`, `staff`"),
        ("agency_kind" = Option<Vec<String>>, Query, description = "`central`, `province`, `regency`, `city`"),
        ("province" = Option<Vec<String>>, Query, description = "Two-digit province code, e.g. `32`"),
        ("agency" = Option<Vec<String>>, Query, description = "Agency id (as in `/api/v1/agencies`)"),
        ("phase" = Option<Vec<String>>, Query, description = "`before`, `during` or `after` the campaign"),
        ("channel" = Option<Vec<String>>, Query, description = "`public`, `bawaslu`, `inspectorate`, `superior`, `lead`"),
        ("month" = Option<Vec<String>>, Query, description = "Month reported, `YYYY-MM`"),
        ("state" = Option<Vec<String>>, Query, description = "Current case state, e.g. `awaiting_follow_up`"),
        ("from" = Option<String>, Query, description = "First day of reporting counted, `YYYY-MM-DD`"),
        ("until" = Option<String>, Query, description = "Last day of reporting counted, `YYYY-MM-DD`"),
        ("by" = Option<String>, Query, description = "A dimension to break the figures down by (any of the names above)"),
    ),
    responses(
        (status = 200, description = "The funnel, rates, durations and the breakdown asked for", body = Figures),
        (status = 400, description = "A parameter cannot be read; `field` names it", body = ApiErrorBody),
        (status = 401, description = "No token, or one that opens nothing", body = ApiErrorBody),
        (status = 403, description = "Your role does not read figures", body = ApiErrorBody),
    ),
    security(("bearer_token" = [])),
    tag = "statistics"
)]
pub(crate) async fn staff_figures(
    ApiStaff(staff): ApiStaff,
    page: Page,
    State(ctx): State<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Figures>, ApiError> {
    staff.require(Capability::ViewStatistics)?;
    let mut query = StatsQuery::parse(raw.as_deref())
        .map_err(|e| ApiError::unreadable(Some(&e.field), e.message))?;
    for (name, unused) in [
        ("step", query.step.is_some()),
        ("format", query.format.is_some()),
    ] {
        if unused {
            return Err(ApiError::unreadable(
                Some(name),
                "not a parameter of the figures",
            ));
        }
    }
    within_scope(&mut query.filter, &staff.user.scope);
    let (facts, names) = load(&ctx).await?;
    Ok(Json(figures(&Request {
        facts: &facts,
        filter: &query.filter,
        by: query.by,
        min_cell: None,
        page: &page,
        ctx: &ctx,
        names: &names,
    })))
}

/// Reads `by`, and the rest as the public page's filter.
fn public_query(raw: Option<&str>) -> Result<(Filter, Option<Dimension>), ApiError> {
    let mut by = None;
    let mut rest = form_urlencoded::Serializer::new(String::new());
    for (name, value) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        if name == "by" {
            let dimension: Dimension = value
                .parse()
                .map_err(|e| ApiError::unreadable(Some("by"), format!("{e}")))?;
            if !PUBLIC_BREAKDOWNS.contains(&dimension) {
                return Err(ApiError::unreadable(
                    Some("by"),
                    format!(
                        "the public figures do not break down by {}",
                        dimension.as_str()
                    ),
                ));
            }
            by = Some(dimension);
        } else {
            rest.append_pair(&name, &value);
        }
    }
    Ok((public_statistics_filter(Some(&rest.finish()))?, by))
}

/// The public figures.
#[utoipa::path(
    get,
    path = "/api/v1/public/statistics",
    params(
        ("province" = Option<String>, Query, description = "Two-digit province code, e.g. `32`; national without it"),
        ("election" = Option<String>, Query, description = "Election code, e.g. `pemilu-2024`"),
        ("by" = Option<String>, Query, description = "`violation`, `track`, `position_type`, `agency_kind`, `province`, `election`, `phase`, `channel` or `month`"),
    ),
    responses(
        (status = 200, description = "The funnel, rates, durations and the breakdown asked for; counts below `min_cell` are `null`", body = Figures),
        (status = 400, description = "A parameter cannot be read; `field` names it", body = ApiErrorBody),
    ),
    tag = "statistics"
)]
pub(crate) async fn public_figures(
    page: Page,
    State(ctx): State<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Figures>, ApiError> {
    let (filter, by) = public_query(raw.as_deref())?;
    let (facts, names) = load(&ctx).await?;
    Ok(Json(figures(&Request {
        facts: &facts,
        filter: &filter,
        by,
        min_cell: Some(ctx.app.statistics.min_public_cell),
        page: &page,
        ctx: &ctx,
        names: &names,
    })))
}
