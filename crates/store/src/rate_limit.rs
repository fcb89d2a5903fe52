//! Rate-limit counters in the database, so that every node of a cluster counts the same hits
//! (web nodes keep no state of their own). Fixed windows: simple, and good enough to slow a bot.

use chrono::{DateTime, Duration, DurationRound, Utc};

use crate::db::{Db, sql};
use crate::error::StoreError;

/// Counts one hit on `bucket` in the current window of length `window`; returns the hits so far
/// in this window, this one included. The caller decides what is too many.
pub async fn hit(
    db: &Db,
    bucket: &str,
    window: Duration,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let start = now.duration_trunc(window).unwrap_or(now);
    let mut tx = db.begin().await?;
    let hits: i64 = sql(
        "INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING hits",
    )
    .bind(bucket)
    .bind(start)
    .fetch_one(&mut tx)
    .await?
    .get("hits")?;
    if hits == 1 {
        // A new window: old ones are of no use any more.
        sql("DELETE FROM rate_limits WHERE window_start < $1")
            .bind(start - window)
            .execute(&mut tx)
            .await?;
    }
    tx.commit().await?;
    Ok(hits)
}

/// Hits on `bucket` in the current window, without counting one.
pub async fn hits(
    db: &Db,
    bucket: &str,
    window: Duration,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let start = now.duration_trunc(window).unwrap_or(now);
    let row = sql("SELECT hits FROM rate_limits WHERE bucket = $1 AND window_start = $2")
        .bind(bucket)
        .bind(start)
        .fetch_optional(db)
        .await?;
    row.map_or(Ok(0), |row| row.get("hits"))
}
