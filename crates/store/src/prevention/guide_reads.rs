//! How often each answer of the "Boleh atau tidak?" guide is opened: the most read make the
//! campaign's posters. A count per entry code, nothing about who read it.

use crate::db::{Db, sql};
use crate::error::StoreError;

pub async fn count_read(db: &Db, entry_code: &str) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    sql(
        "INSERT INTO guide_reads (entry_code, reads) VALUES ($1, 1) \
         ON CONFLICT (entry_code) DO UPDATE SET reads = guide_reads.reads + 1",
    )
    .bind(entry_code.to_owned())
    .execute(&mut tx)
    .await?;
    tx.commit().await
}

/// Entry codes with their read counts, most read first (ties by code).
pub async fn most_read(db: &Db) -> Result<Vec<(String, i64)>, StoreError> {
    sql("SELECT entry_code, reads FROM guide_reads ORDER BY reads DESC, entry_code")
        .fetch_all(db)
        .await?
        .iter()
        .map(|row| Ok((row.get("entry_code")?, row.get("reads")?)))
        .collect()
}
