//! Read-only queries behind social-media screening (`netral screen`): one election's candidates
//! for its watchlist, every declared account, and roster names for name proposals. Read in
//! pages by id so that a roster of millions never sits in one result set.

use crate::db::{Db, sql};
use crate::error::StoreError;

/// Rows fetched per query.
const PAGE: i64 = 10_000;

/// A candidate as the watchlist needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchCandidate {
    /// As written, titles included.
    pub name: String,
    pub number: i64,
    pub party_name: Option<String>,
    pub party_number: Option<i64>,
    pub level: String,
    pub dapil: String,
}

/// A declared account: platform as stored, normalised handle, owner's NIP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchAccount {
    pub platform: String,
    pub handle_normalised: String,
    pub nip: String,
}

/// The candidates of `election_code`, in id order.
pub async fn election_candidates(
    db: &Db,
    election_code: &str,
) -> Result<Vec<WatchCandidate>, StoreError> {
    let mut out = Vec::new();
    let mut after = 0_i64;
    loop {
        let rows = sql(
            "SELECT id, name, number, party_name, party_number, level, dapil FROM candidates \
             WHERE election_code = $1 AND id > $2 ORDER BY id LIMIT $3",
        )
        .bind(election_code.to_owned())
        .bind(after)
        .bind(PAGE)
        .fetch_all(db)
        .await?;
        for row in &rows {
            after = row.get("id")?;
            out.push(WatchCandidate {
                name: row.get("name")?,
                number: row.get("number")?,
                party_name: row.get("party_name")?,
                party_number: row.get("party_number")?,
                level: row.get("level")?,
                dapil: row.get("dapil")?,
            });
        }
        if (rows.len() as i64) < PAGE {
            return Ok(out);
        }
    }
}

/// Every declared account with its owner.
pub async fn declared_accounts(db: &Db) -> Result<Vec<WatchAccount>, StoreError> {
    let mut out = Vec::new();
    let mut after = 0_i64;
    loop {
        let rows = sql(
            "SELECT d.id, d.platform, d.handle_normalised, p.nip FROM declared_accounts d \
             JOIN civil_servants p ON p.id = d.civil_servant_id \
             WHERE d.id > $1 ORDER BY d.id LIMIT $2",
        )
        .bind(after)
        .bind(PAGE)
        .fetch_all(db)
        .await?;
        for row in &rows {
            after = row.get("id")?;
            out.push(WatchAccount {
                platform: row.get("platform")?,
                handle_normalised: row.get("handle_normalised")?,
                nip: row.get("nip")?,
            });
        }
        if (rows.len() as i64) < PAGE {
            return Ok(out);
        }
    }
}

/// Calls `each(nip, name)` for every civil servant, the name as written (titles included),
/// a page at a time.
pub async fn for_each_roster_name(
    db: &Db,
    mut each: impl FnMut(&str, &str),
) -> Result<u64, StoreError> {
    let mut after = 0_i64;
    let mut seen = 0;
    loop {
        let rows =
            sql("SELECT id, nip, name FROM civil_servants WHERE id > $1 ORDER BY id LIMIT $2")
                .bind(after)
                .bind(PAGE)
                .fetch_all(db)
                .await?;
        for row in &rows {
            after = row.get("id")?;
            let nip: String = row.get("nip")?;
            let name: String = row.get("name")?;
            each(&nip, &name);
            seen += 1;
        }
        if (rows.len() as i64) < PAGE {
            return Ok(seen);
        }
    }
}
