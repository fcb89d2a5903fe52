//! The review queue: open leads grouped per civil servant and election, the strongest first,
//! within the reviewer's scope.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use netral_domain::access::Scope;

use super::leads::{Lead, lead, leads_where};
use crate::db::{Db, sql};
use crate::error::StoreError;
use crate::registry::lookup::scope_params;

/// Open leads read for one queue page at most; a queue longer than this is worked from the top.
const MAX_OPEN: i64 = 5_000;

/// One civil servant's open leads for one election.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadGroup {
    pub civil_servant_id: i64,
    pub nip: String,
    pub name: String,
    pub agency_name: String,
    pub election: String,
    pub open: usize,
    pub top_score: f64,
    /// The violation codes the leads point to, each once.
    pub violations: Vec<String>,
    pub latest: DateTime<Utc>,
}

/// The open leads `scope` covers, grouped; strongest group first.
pub async fn open_groups(db: &Db, scope: &Scope) -> Result<Vec<LeadGroup>, StoreError> {
    let (kind, province, agency) = scope_params(scope);
    let leads: Vec<Lead> = sql(leads_where!(
        "WHERE l.status = 'open' AND ($1 = 'national' OR ($1 = 'province' AND a.region_code LIKE $2) \
                OR ($1 = 'agency' AND a.id = $3)) \
         ORDER BY l.score DESC, l.id LIMIT $4"
    ))
    .bind(kind)
    .bind(province)
    .bind(agency)
    .bind(MAX_OPEN)
    .fetch_all(db)
    .await?
    .iter()
    .map(lead)
    .collect::<Result<_, _>>()?;
    let mut groups: BTreeMap<(i64, String), LeadGroup> = BTreeMap::new();
    for l in leads {
        let group = groups
            .entry((l.civil_servant_id, l.election.clone()))
            .or_insert_with(|| LeadGroup {
                civil_servant_id: l.civil_servant_id,
                nip: l.nip.clone(),
                name: l.name.clone(),
                agency_name: l.agency_name.clone(),
                election: l.election.clone(),
                open: 0,
                top_score: 0.0,
                violations: Vec::new(),
                latest: l.at,
            });
        group.open += 1;
        group.top_score = group.top_score.max(l.score);
        group.latest = group.latest.max(l.at);
        if !group.violations.contains(&l.violation) {
            group.violations.push(l.violation);
        }
    }
    let mut groups: Vec<LeadGroup> = groups.into_values().collect();
    groups.sort_by(|a, b| {
        b.top_score
            .total_cmp(&a.top_score)
            .then(b.open.cmp(&a.open))
            .then(a.nip.cmp(&b.nip))
    });
    Ok(groups)
}

/// Every lead about one civil servant in one election, newest activity first.
pub async fn leads_of(
    db: &Db,
    civil_servant_id: i64,
    election: &str,
) -> Result<Vec<Lead>, StoreError> {
    sql(leads_where!(
        "WHERE l.civil_servant_id = $1 AND l.election_code = $2 ORDER BY l.at DESC, l.id DESC"
    ))
    .bind(civil_servant_id)
    .bind(election.to_owned())
    .fetch_all(db)
    .await?
    .iter()
    .map(lead)
    .collect()
}
