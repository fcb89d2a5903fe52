//! Figures' filters as they travel in URLs, so that a view can be bookmarked and shared:
//! `?violation=MEDSOS_KAMPANYE&province=32&from=2024-01-01&step=proven`. A dimension may be
//! repeated to allow several values; `from` and `until` bound the day of reporting.

use chrono::NaiveDate;
use netral_domain::access::Scope;
use netral_domain::stats::{Dimension, Filter, Step};

/// What a statistics URL asks for.
#[derive(Debug, Clone, Default)]
pub(crate) struct StatsQuery {
    pub filter: Filter,
    /// The funnel step of a list of cases (the number clicked).
    pub step: Option<Step>,
    /// The breakdown asked for, where one is.
    pub by: Option<Dimension>,
    /// `csv` or `xlsx` for a download.
    pub format: Option<String>,
    /// The dashboard table to download when it is not a breakdown: `funnel` (the default),
    /// `durations` or `ppk`.
    pub table: Option<String>,
    /// 1-based page of a case list.
    pub page: usize,
}

/// A parameter that cannot be read, named so the reader can fix the URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("parameter `{field}`: {message}")]
pub(crate) struct QueryError {
    pub field: String,
    pub message: String,
}

fn error(field: &str, message: impl Into<String>) -> QueryError {
    QueryError {
        field: field.to_owned(),
        message: message.into(),
    }
}

fn date(field: &str, value: &str) -> Result<Option<NaiveDate>, QueryError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value
        .parse()
        .map(Some)
        .map_err(|_| error(field, format!("`{value}` is not a date (YYYY-MM-DD)")))
}

impl StatsQuery {
    /// Reads a query string. Empty values are ignored (an unselected form field); unknown
    /// parameters are refused, so a typo does not silently widen the figures.
    pub(crate) fn parse(raw: Option<&str>) -> Result<Self, QueryError> {
        let mut query = StatsQuery {
            page: 1,
            ..StatsQuery::default()
        };
        for (name, value) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match name.as_ref() {
                "from" => query.filter.reported_from = date("from", value)?,
                "until" => query.filter.reported_until = date("until", value)?,
                "step" => {
                    query.step = Some(
                        Step::parse(value)
                            .ok_or_else(|| error("step", format!("unknown step `{value}`")))?,
                    );
                }
                "by" => {
                    query.by = Some(value.parse().map_err(|e| error("by", format!("{e}")))?);
                }
                "table" => match value {
                    "funnel" | "durations" | "ppk" => query.table = Some(value.to_owned()),
                    _ => return Err(error("table", "tables are funnel, durations and ppk")),
                },
                "format" => match value {
                    "csv" | "xlsx" => query.format = Some(value.to_owned()),
                    _ => return Err(error("format", "formats are csv and xlsx")),
                },
                "page" => {
                    query.page = value
                        .parse()
                        .ok()
                        .filter(|p| *p >= 1)
                        .ok_or_else(|| error("page", "a page is a number from 1"))?;
                }
                other => {
                    let dimension: Dimension =
                        other.parse().map_err(|e| error(other, format!("{e}")))?;
                    query.filter.allow(dimension, value);
                }
            }
        }
        if let (Some(from), Some(until)) = (query.filter.reported_from, query.filter.reported_until)
            && until < from
        {
            return Err(error("until", format!("{until} is before `from` ({from})")));
        }
        Ok(query)
    }
}

/// Narrows `filter` to what `scope` may see: a province's staff count their province's cases
/// only, an agency's staff their agency's, whatever the URL asks.
pub(crate) fn within_scope(filter: &mut Filter, scope: &Scope) {
    match scope {
        Scope::National => {}
        Scope::Province(code) => {
            filter.restrict(Dimension::Province, code.as_str());
        }
        Scope::Agency(id) => {
            filter.restrict(Dimension::Agency, id.to_string());
        }
    }
}

/// `filter` as URL parameters (without `?`), in a stable order.
pub(crate) fn to_query(filter: &Filter) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (dimension, values) in &filter.values {
        for value in values {
            out.append_pair(dimension.as_str(), value);
        }
    }
    if let Some(from) = filter.reported_from {
        out.append_pair("from", &from.to_string());
    }
    if let Some(until) = filter.reported_until {
        out.append_pair("until", &until.to_string());
    }
    out.finish()
}

/// The URL parameters of the cases behind one number: `filter` narrowed to `value` of
/// `dimension` (when the number is in a breakdown), in `step`.
pub(crate) fn cell_query(filter: &Filter, cell: Option<(Dimension, &str)>, step: Step) -> String {
    let mut filter = filter.clone();
    if let Some((dimension, value)) = cell {
        filter.restrict(dimension, value);
    }
    let mut query = to_query(&filter);
    if !query.is_empty() {
        query.push('&');
    }
    query.push_str("step=");
    query.push_str(step.as_str());
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_round_trips_through_its_url() {
        let query = StatsQuery::parse(Some(
            "violation=MEDSOS_KAMPANYE&violation=DEKLARASI&province=32&from=2024-01-01&step=proven&by=month&agency_kind=",
        ))
        .unwrap();
        assert_eq!(query.step, Some(Step::Proven));
        assert_eq!(query.by, Some(Dimension::Month));
        assert_eq!(
            to_query(&query.filter),
            "violation=MEDSOS_KAMPANYE&violation=DEKLARASI&province=32&from=2024-01-01"
        );
        let again = StatsQuery::parse(Some(&to_query(&query.filter))).unwrap();
        assert_eq!(again.filter, query.filter);
    }

    #[test]
    fn bad_parameters_are_named() {
        for (raw, field) in [
            ("from=2024-13-01", "from"),
            ("step=won", "step"),
            ("provinsi=32", "provinsi"),
            ("format=pdf", "format"),
            ("from=2024-02-01&until=2024-01-01", "until"),
        ] {
            assert_eq!(
                StatsQuery::parse(Some(raw)).unwrap_err().field,
                field,
                "{raw}"
            );
        }
    }

    #[test]
    fn a_scoped_reader_cannot_ask_past_the_scope() {
        let mut query = StatsQuery::parse(Some("province=31")).unwrap();
        within_scope(&mut query.filter, &Scope::Province("32".parse().unwrap()));
        assert_eq!(query.filter.allowed(Dimension::Province), Some(&[][..]));
        let mut query = StatsQuery::parse(Some("")).unwrap();
        within_scope(&mut query.filter, &Scope::Agency(9));
        assert_eq!(
            query.filter.allowed(Dimension::Agency),
            Some(&["9".to_owned()][..])
        );
    }
}
