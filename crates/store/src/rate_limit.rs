//! Rate-limit counters in the database, so that every node of a cluster counts the same hits
//! (web nodes keep no state of their own).
//!
//! Hits are counted in fixed windows, and read as a sliding window: the hits of the current
//! window plus those of the previous one weighted by how much of it the last `window` still
//! covers (rounded to the nearest hit). Fixed windows alone forget everything at each boundary:
//! a locked number opened again the moment the clock passed a multiple of the window, and a
//! bot could spend two windows' allowance in a few seconds across one.

use chrono::{DateTime, Duration, DurationRound, Utc};

use crate::db::{Db, On, sql};
use crate::error::StoreError;

/// Counts one hit on `bucket`; returns the hits in the last `window`, this one included. The
/// caller decides what is too many.
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
        // A new window: only the previous one is still of use.
        sql("DELETE FROM rate_limits WHERE window_start < $1")
            .bind(start - window)
            .execute(&mut tx)
            .await?;
    }
    let previous = window_hits(&mut tx, bucket, start - window).await?;
    tx.commit().await?;
    Ok(sliding(hits, previous, window, now - start))
}

/// Hits on `bucket` in the last `window`, without counting one.
pub async fn hits(
    db: &Db,
    bucket: &str,
    window: Duration,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let start = now.duration_trunc(window).unwrap_or(now);
    let current = window_hits(db, bucket, start).await?;
    let previous = window_hits(db, bucket, start - window).await?;
    Ok(sliding(current, previous, window, now - start))
}

/// The hits counted in the fixed window that began at `start`.
async fn window_hits<'a>(
    on: impl Into<On<'a>>,
    bucket: &str,
    start: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let row = sql("SELECT hits FROM rate_limits WHERE bucket = $1 AND window_start = $2")
        .bind(bucket)
        .bind(start)
        .fetch_optional(on)
        .await?;
    row.map_or(Ok(0), |row| row.get("hits"))
}

/// The hits of the last `window`: all of the current window's, and the previous window's in
/// the share of it that the last `window` still covers, `elapsed` being how far into the
/// current window we are.
fn sliding(current: i64, previous: i64, window: Duration, elapsed: Duration) -> i64 {
    let window_ms = window.num_milliseconds().max(1) as f64;
    let covered = 1.0 - (elapsed.num_milliseconds() as f64 / window_ms).clamp(0.0, 1.0);
    current + (previous as f64 * covered).round() as i64
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::sliding;

    #[test]
    fn the_previous_window_fades_out_as_the_current_one_goes_on() {
        let window = Duration::minutes(10);
        // Just past the boundary the previous window counts whole: no reset.
        assert_eq!(sliding(0, 2, window, Duration::milliseconds(1)), 2);
        assert_eq!(sliding(1, 10, window, Duration::minutes(3)), 8);
        assert_eq!(sliding(1, 10, window, Duration::minutes(5)), 6);
        assert_eq!(sliding(4, 10, window, Duration::minutes(10)), 4);
        assert_eq!(sliding(3, 0, window, Duration::minutes(1)), 3);
    }
}
