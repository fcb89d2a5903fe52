//! The agencies a back-office user's scope covers, a page at a time: with their roster size
//! and integrity-pact coverage for one election (see [`PactCoverage`]), filtered by name and
//! kind. There are some 630 agencies nationally, so the list is paged.

use netral_domain::access::Scope;
use netral_domain::registry::AgencyKind;

use super::lookup::{escape_like, scope_params};
use super::prevention::{PactCoverage, coverage, coverage_where};
use crate::db::{Db, sql};
use crate::error::StoreError;

/// What the list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct AgencyFilter {
    /// Part of the name, any case.
    pub name: String,
    pub kind: Option<AgencyKind>,
}

/// One agency as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct AgencyLine {
    pub id: i64,
    pub kind: String,
    pub region_code: Option<String>,
    pub region_name: Option<String>,
    pub ppk_title: String,
    /// Name, code and roster size are in here.
    pub coverage: PactCoverage,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgencyPage {
    pub lines: Vec<AgencyLine>,
    /// How many agencies match, on every page.
    pub total: i64,
}

fn name_pattern(filter: &AgencyFilter) -> Option<String> {
    let words: Vec<String> = filter
        .name
        .split_whitespace()
        .map(|w| escape_like(&w.to_lowercase()))
        .collect();
    (!words.is_empty()).then(|| format!("%{}%", words.join("%")))
}

/// The agencies `scope` covers matching `filter`, by name: `limit` of them from `offset`, with
/// pact coverage for `election_code` (pacts naming no election count for every election).
pub async fn agencies_overview(
    db: &Db,
    scope: &Scope,
    filter: &AgencyFilter,
    election_code: &str,
    limit: i64,
    offset: i64,
) -> Result<AgencyPage, StoreError> {
    let (scope_kind, province, agency) = scope_params(scope);
    let pattern = name_pattern(filter);
    let kind = filter.kind.map(AgencyKind::as_str);
    let total: i64 = sql("SELECT COUNT(*) AS n FROM agencies a \
         WHERE ($1 = 'national' OR ($1 = 'province' AND a.region_code LIKE $2) \
                OR ($1 = 'agency' AND a.id = $3)) \
           AND ($4 IS NULL OR lower(a.name) LIKE $4 ESCAPE '\\') \
           AND ($5 IS NULL OR a.kind = $5)")
    .bind(scope_kind)
    .bind(province.clone())
    .bind(agency)
    .bind(pattern.clone())
    .bind(kind)
    .fetch_one(db)
    .await?
    .get("n")?;
    let lines = sql(coverage_where!(
        "a.id, a.kind, a.region_code, a.ppk_title, \
         (SELECT r.name FROM regions r WHERE r.code = a.region_code) AS region_name,",
        "WHERE ($2 = 'national' OR ($2 = 'province' AND a.region_code LIKE $3) \
                OR ($2 = 'agency' AND a.id = $4)) \
           AND ($5 IS NULL OR lower(a.name) LIKE $5 ESCAPE '\\') \
           AND ($6 IS NULL OR a.kind = $6) \
         ORDER BY a.name, a.id LIMIT $7 OFFSET $8"
    ))
    .bind(election_code.to_owned())
    .bind(scope_kind)
    .bind(province)
    .bind(agency)
    .bind(pattern)
    .bind(kind)
    .bind(limit)
    .bind(offset.max(0))
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| {
        Ok(AgencyLine {
            id: row.get("id")?,
            kind: row.get("kind")?,
            region_code: row.get("region_code")?,
            region_name: row.get("region_name")?,
            ppk_title: row.get("ppk_title")?,
            coverage: coverage(row)?,
        })
    })
    .collect::<Result<_, StoreError>>()?;
    Ok(AgencyPage { lines, total })
}

/// The elections integrity pacts name, the one with the latest signing first: what the
/// agencies page offers to count coverage for.
pub async fn pact_elections(db: &Db) -> Result<Vec<String>, StoreError> {
    sql(
        "SELECT election_code, MAX(signed_on) AS latest FROM integrity_pacts \
         WHERE election_code IS NOT NULL GROUP BY election_code \
         ORDER BY latest DESC, election_code",
    )
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| row.get("election_code"))
    .collect()
}
