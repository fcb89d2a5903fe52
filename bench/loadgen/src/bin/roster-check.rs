//! The import benchmark's limit: how fast a roster file is read and checked when nothing is
//! written (`import_roster` with `dry_run`), so that the import's rate can be read against it.
//! `roster-check --database URL FILE` prints `rows=… rejected=… seconds=… rate=…`; the
//! database supplies the agencies and is not written to.

use clap::Parser;
use netral_store::Db;
use netral_store::roster_import::{ImportOptions, import_roster};

#[derive(Parser)]
struct Args {
    #[arg(long)]
    database: String,
    file: std::path::PathBuf,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let db = Db::connect(&args.database).await?;
    let mut options = ImportOptions::new("roster-check", chrono::Utc::now());
    options.dry_run = true;
    let summary = import_roster(&db, &args.file, options, |_, _| {}).await?;
    db.close().await;
    println!(
        "rows={} rejected={} seconds={:.2} rate={:.0}",
        summary.rows_read,
        summary.rejected,
        summary.elapsed.as_secs_f64(),
        summary.rows_per_second()
    );
    Ok(())
}
