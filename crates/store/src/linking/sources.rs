//! What the engine reads: the roster, in id ranges so that six million rows never sit in
//! memory at once, and one election's candidates.

use netral_domain::ids::Sex;
use netral_link::kpu::{CandidateRow, RosterRow};

use crate::db::{Db, Row, sql};
use crate::error::StoreError;

/// Roster rows per batch handed to the engine.
pub const ROSTER_BATCH: i64 = 50_000;
/// Candidates read per query.
const CANDIDATE_PAGE: i64 = 10_000;

fn sex(row: &Row, column: &'static str) -> Result<Option<Sex>, StoreError> {
    Ok(match row.get::<Option<String>>(column)?.as_deref() {
        Some("male") => Some(Sex::Male),
        Some("female") => Some(Sex::Female),
        _ => None,
    })
}

fn roster_row(row: &Row) -> Result<RosterRow, StoreError> {
    Ok(RosterRow {
        nip: row.get("nip")?,
        // Titles travel apart: the bare name is what the roster holds as given_name.
        name: row.get("given_name")?,
        front_titles: row
            .get::<Option<String>>("front_titles")?
            .unwrap_or_default(),
        back_titles: row
            .get::<Option<String>>("back_titles")?
            .unwrap_or_default(),
        birth: row.get("birth_date")?,
        sex: sex(row, "sex")?,
        nik: row.get("nik")?,
    })
}

/// Calls `each` with the roster, [`ROSTER_BATCH`] rows at a time in id order, and awaits it
/// before reading the next batch (so a bounded channel behind `each` bounds the memory). Stops
/// early, without error, when `each` gives false. Gives the rows read.
pub async fn for_each_roster_batch<F, Fut>(db: &Db, mut each: F) -> Result<u64, StoreError>
where
    F: FnMut(Vec<RosterRow>) -> Fut,
    Fut: Future<Output = bool>,
{
    let mut after = 0_i64;
    let mut read = 0_u64;
    loop {
        let rows = sql(
            "SELECT id, nip, given_name, front_titles, back_titles, birth_date, sex, nik \
             FROM civil_servants WHERE id > $1 ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(ROSTER_BATCH)
        .fetch_all(db)
        .await?;
        let Some(last) = rows.last() else {
            return Ok(read);
        };
        after = last.get("id")?;
        let full = rows.len() as i64 == ROSTER_BATCH;
        let batch = rows.iter().map(roster_row).collect::<Result<Vec<_>, _>>()?;
        drop(rows);
        read += batch.len() as u64;
        if !each(batch).await || !full {
            return Ok(read);
        }
    }
}

/// The candidates of `election_code` as the engine takes them: the id as text, the name as
/// written (titles inline) and the spouse named on the list.
pub async fn election_candidates(
    db: &Db,
    election_code: &str,
) -> Result<Vec<CandidateRow>, StoreError> {
    let mut out = Vec::new();
    let mut after = 0_i64;
    loop {
        let rows = sql(
            "SELECT id, name, sex, birth_date, residence_region_code, spouse_name FROM candidates \
             WHERE election_code = $1 AND id > $2 ORDER BY id LIMIT $3",
        )
        .bind(election_code.to_owned())
        .bind(after)
        .bind(CANDIDATE_PAGE)
        .fetch_all(db)
        .await?;
        for row in &rows {
            after = row.get("id")?;
            out.push(CandidateRow {
                id: after.to_string(),
                name: row.get("name")?,
                sex: sex(row, "sex")?,
                birth: row.get("birth_date")?,
                region_code: row.get("residence_region_code")?,
                spouse: row
                    .get::<Option<String>>("spouse_name")?
                    .filter(|s| !s.trim().is_empty()),
            });
        }
        if (rows.len() as i64) < CANDIDATE_PAGE {
            return Ok(out);
        }
    }
}
