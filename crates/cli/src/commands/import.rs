//! `netral import roster`: the store does the work (`netral_store::roster_import`); this shows
//! progress on the terminal and the summary on stdout.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};
use netral_store::roster_import::{
    ImportOptions, ImportSummary, Mapping, SourceFormat, import_roster,
};

use crate::args::{ImportCommand, RosterImportArgs};

pub async fn run(command: ImportCommand) -> anyhow::Result<()> {
    match command {
        ImportCommand::Roster(args) => roster(args).await,
        ImportCommand::Agencies(args) => super::registry_import::agencies(args).await,
        ImportCommand::Candidates(args) => super::registry_import::candidates(args).await,
        ImportCommand::Pacts(args) => super::registry_import::pacts(args).await,
        ImportCommand::Leave(args) => super::registry_import::leave(args).await,
        ImportCommand::Resignations(args) => super::registry_import::resignations(args).await,
        ImportCommand::Accounts(args) => super::registry_import::accounts(args).await,
    }
}

async fn roster(args: RosterImportArgs) -> anyhow::Result<()> {
    // The file and the mapping are checked before the database is touched: a mistyped path
    // must not leave a new, empty database behind.
    let size = match std::fs::metadata(&args.file) {
        Ok(meta) if meta.is_file() => meta.len(),
        Ok(_) => bail!("roster file {} is not a file", args.file.display()),
        Err(e) => bail!("cannot read roster file {}: {e}", args.file.display()),
    };
    let mapping = args
        .mapping
        .as_deref()
        .map(Mapping::load)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let db = super::open_database(&args.database).await?;

    let now = chrono::Utc::now();
    let name = file_name(&args.file);
    let report = PathBuf::from(format!("{}.errors.csv", args.file.display()));
    let mut options =
        ImportOptions::new(format!("{name}@{}", now.format("%Y-%m-%dT%H:%M:%SZ")), now);
    options.mapping = mapping;
    options.batch_size = args.batch_size as usize;
    options.sort_by_nip = !args.file_order;
    options.report_path = Some(report.clone());

    // An XLSX sheet is compressed: its progress is counted in rows, not bytes.
    let xlsx = args
        .file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let bar = progress_bar(size, xlsx);
    let shown = bar.clone();
    let result = import_roster(&db, &args.file, options, move |rows, bytes| {
        if bytes > 0 {
            shown.set_position(bytes);
        }
        shown.set_message(format!("{rows} rows"));
    })
    .await;
    bar.finish_and_clear();
    db.close().await;
    let summary = result.with_context(|| format!("while importing {}", args.file.display()))?;
    print!(
        "{}",
        summary_text(
            &summary,
            &name,
            &report,
            &netral_store::redact(&args.database.database)
        )
    );
    Ok(())
}

/// On stderr, and only for a person watching: scripts and logs get the summary alone.
fn progress_bar(size: u64, xlsx: bool) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = if xlsx {
        (ProgressBar::new_spinner(), "{spinner} {msg} ({elapsed})")
    } else {
        (
            ProgressBar::new(size),
            "{bar:40} {bytes}/{total_bytes} {msg} ({elapsed}, {eta} left)",
        )
    };
    bar.set_style(
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

pub(super) fn format_text(format: SourceFormat) -> String {
    match format {
        SourceFormat::Csv { delimiter: '\t' } => "CSV, tab-separated".to_owned(),
        SourceFormat::Csv { delimiter } => format!("CSV, separated by '{delimiter}'"),
        SourceFormat::Xlsx => "XLSX".to_owned(),
    }
}

fn summary_text(summary: &ImportSummary, name: &str, report: &Path, database: &str) -> String {
    let format = format_text(summary.format);
    let problems = match summary.problems {
        0 => format!("no problems; report: {}", report.display()),
        1 => format!("1 problem listed in {}", report.display()),
        n => format!("{n} problems listed in {}", report.display()),
    };
    format!(
        "Roster {name} ({format}) imported into {database} in {:.1} s, {:.0} rows/s.\n\
         \x20 rows read: {}\n\
         \x20 imported:  {} new\n\
         \x20 updated:   {}\n\
         \x20 unchanged: {}\n\
         \x20 rejected:  {} ({problems})\n",
        summary.elapsed.as_secs_f64(),
        summary.rows_per_second(),
        summary.rows_read,
        summary.inserted,
        summary.updated,
        summary.unchanged,
        summary.rejected,
    )
}
