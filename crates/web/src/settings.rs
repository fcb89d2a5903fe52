//! Limits of the public intake, set by the operator (`netral serve --help`), never in code
//! paths: sizes, counts and rates that protect the service without refusing honest reporters.

use std::time::Duration;

#[derive(Debug, Clone)]
pub struct IntakeSettings {
    /// Largest evidence file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Most evidence files in one report or one reply.
    pub max_files: usize,
    /// Submissions (reports, replies) one client may make per `rate_window`; 0 turns the limit
    /// off (for load tests on a closed machine, never in service).
    pub submissions_per_window: i64,
    /// Status look-ups and roster checks of a NIP one client may make per `rate_window`; 0
    /// turns the limit off, as for submissions.
    pub lookups_per_window: i64,
    pub rate_window: Duration,
    /// Wrong receipt codes tried against one report number per `rate_window` before further
    /// tries are refused; each wrong try is also answered slowly. 0 turns the lock off (the
    /// slow answer stays).
    pub wrong_receipts_per_window: i64,
    /// A form sent back faster than this was filled by a program, not a person.
    pub min_fill_time: Duration,
}

impl Default for IntakeSettings {
    fn default() -> Self {
        Self {
            max_file_bytes: 20 * 1024 * 1024,
            max_files: 10,
            submissions_per_window: 30,
            lookups_per_window: 120,
            rate_window: Duration::from_secs(600),
            wrong_receipts_per_window: 5,
            min_fill_time: Duration::from_secs(3),
        }
    }
}

impl IntakeSettings {
    /// The rate window as the rate-limit counters take it.
    pub(crate) fn window(&self) -> chrono::Duration {
        chrono::Duration::from_std(self.rate_window).unwrap_or(chrono::Duration::minutes(10))
    }

    /// The largest request body the intake accepts: every file at its limit, plus the form.
    pub fn max_body_bytes(&self) -> usize {
        usize::try_from(self.max_file_bytes)
            .unwrap_or(usize::MAX)
            .saturating_mul(self.max_files)
            .saturating_add(256 * 1024)
    }
}

/// What the public statistics may show.
#[derive(Debug, Clone)]
pub struct StatisticsSettings {
    /// Counts from 1 to this − 1 are withheld on the public page (k-anonymity's k): fewer
    /// cases than this in one cell could point at a person.
    pub min_public_cell: u64,
}

impl Default for StatisticsSettings {
    fn default() -> Self {
        Self {
            min_public_cell: crate::statistics::DEFAULT_MIN_PUBLIC_CELL,
        }
    }
}

/// The screening engine's batch ingest.
#[derive(Debug, Clone)]
pub struct ScreeningSettings {
    /// Where the editable extras of each election's watchlist are (`ELECTION.toml`:
    /// nicknames, slogans, hashtags, campaign accounts); none, for candidates only.
    pub watchlist_dir: Option<std::path::PathBuf>,
    /// Days a lead is kept when nobody accepted it into a report.
    pub lead_retention_days: u32,
}

impl Default for ScreeningSettings {
    fn default() -> Self {
        Self {
            watchlist_dir: None,
            lead_retention_days: 180,
        }
    }
}
