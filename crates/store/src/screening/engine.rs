//! The screening engine (`netral-screen`) fed from the database: one election's candidates,
//! the extras of its watchlist file, the declared social-media accounts and the roster's names.
//! Shared by `netral screen` and the web's batch ingest, so both screen alike.

use std::path::Path;

use netral_domain::election::Election;
use netral_screen::watchlist::Extras;
use netral_screen::{AccountBook, CandidateEntry, Lead, Period, Screener, WatchlistBuilder};

use super::NewLead;
use crate::db::Db;
use crate::error::StoreError;
use crate::registry::watch_sources;

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("cannot read the watchlist file {0}: {1}")]
    ReadExtras(String, std::io::Error),
    #[error("{0}")]
    Watchlist(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The election's candidates as the watchlist takes them.
pub async fn candidate_entries(db: &Db, election: &str) -> Result<Vec<CandidateEntry>, StoreError> {
    Ok(watch_sources::election_candidates(db, election)
        .await?
        .into_iter()
        .map(|c| CandidateEntry {
            name: c.name,
            number: u32::try_from(c.number).unwrap_or(0),
            party_name: c.party_name,
            party_number: c.party_number.and_then(|n| u32::try_from(n).ok()),
            level: c.level,
            dapil: c.dapil,
        })
        .collect())
}

/// Adds the declared accounts to `book`; gives how many could not be read (left out).
pub async fn fill_declared(db: &Db, book: &mut AccountBook) -> Result<usize, StoreError> {
    let mut refused = 0;
    for account in watch_sources::declared_accounts(db).await? {
        if book
            .add_declared(&account.platform, &account.handle_normalised, &account.nip)
            .is_err()
        {
            refused += 1;
        }
    }
    Ok(refused)
}

/// Adds the roster's names to `book`, for proposing the owner of an undeclared account; gives
/// how many were read.
pub async fn fill_roster(db: &Db, book: &mut AccountBook) -> Result<u64, StoreError> {
    watch_sources::for_each_roster_name(db, |nip, name| book.add_roster(nip, name)).await
}

/// Reads a watchlist file of extras (nicknames, slogans, hashtags, campaign accounts).
pub fn read_extras(path: &Path) -> Result<Extras, EngineError> {
    let shown = path.display().to_string();
    let text =
        std::fs::read_to_string(path).map_err(|e| EngineError::ReadExtras(shown.clone(), e))?;
    Extras::parse(&shown, &text).map_err(|e| EngineError::Watchlist(e.to_string()))
}

/// A screener for `election` from the database, with `extras` when its file exists, screening
/// only the election's period.
pub async fn screener_from_db(
    db: &Db,
    election: &Election,
    extras: Option<&Extras>,
) -> Result<Screener, EngineError> {
    let mut builder = WatchlistBuilder::new(&election.code);
    for candidate in &candidate_entries(db, &election.code).await? {
        builder.add_candidate(candidate);
    }
    if let Some(extras) = extras {
        builder
            .add_extras(extras)
            .map_err(|e| EngineError::Watchlist(e.to_string()))?;
    }
    let watchlist = builder
        .build()
        .map_err(|e| EngineError::Watchlist(e.to_string()))?;
    let mut book = AccountBook::default();
    fill_declared(db, &mut book).await?;
    fill_roster(db, &mut book).await?;
    Ok(Screener::new(
        watchlist,
        book,
        Some(Period::of_election(election)),
    ))
}

impl From<&Lead> for NewLead {
    fn from(lead: &Lead) -> NewLead {
        NewLead {
            nip: lead.nip.clone(),
            election: lead.election.clone(),
            violation: lead.violation.clone(),
            score: lead.score,
            owner_basis: lead.owner_basis.as_str().to_owned(),
            owner_confidence: lead.owner_confidence,
            platform: lead.platform.clone(),
            handle: lead.handle.clone(),
            action: lead.action.to_owned(),
            text: lead.text.clone(),
            target: lead.target.clone(),
            url: lead.url.clone(),
            at: lead.time,
            reasons: lead.reasons.clone(),
            record_sha256: lead.record_sha256.clone(),
        }
    }
}
