//! `netral import agencies|candidates|pacts|leave|resignations|accounts`: the store does the work
//! (`netral_store::registry`); this checks the arguments before touching the database and
//! prints the summary. Bad rows go to FILE.errors.csv; the command still succeeds, as the
//! roster import does, so that a list with a few bad rows is not refused whole.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use netral_domain::table::FileField;
use netral_store::evidence::EvidenceStore;
use netral_store::registry::candidates::import_candidates;
use netral_store::registry::{
    import_accounts, import_agencies, import_leave, import_pacts, import_resignations,
};
use netral_store::rules_files::{find_election, load_elections};
use netral_store::tabular::Mapping;
use netral_store::tabular::pipeline::{FileImportOptions, FileImportSummary};

use super::import::{file_name, format_text};
use crate::args::{
    AccountImportArgs, AgencyImportArgs, CandidateImportArgs, PactImportArgs, PreventionImportArgs,
    RegistryFileArgs,
};

/// The file and the mapping are checked before the database is touched: a mistyped path must
/// not leave a new, empty database behind.
fn prepare<F: FileField>(
    args: &RegistryFileArgs,
    what: &str,
) -> anyhow::Result<(FileImportOptions<F>, PathBuf)> {
    match std::fs::metadata(&args.file) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => bail!("{what} file {} is not a file", args.file.display()),
        Err(e) => bail!("cannot read {what} file {}: {e}", args.file.display()),
    }
    let mapping = args
        .mapping
        .as_deref()
        .map(Mapping::<F>::load)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let now = chrono::Utc::now();
    let report = PathBuf::from(format!("{}.errors.csv", args.file.display()));
    let mut options = FileImportOptions::new(
        format!(
            "{}@{}",
            file_name(&args.file),
            now.format("%Y-%m-%dT%H:%M:%SZ")
        ),
        now,
    );
    options.mapping = mapping;
    options.report_path = Some(report.clone());
    Ok((options, report))
}

fn evidence(data_dir: &Path) -> anyhow::Result<EvidenceStore> {
    Ok(EvidenceStore::open(data_dir.join("evidence"))?)
}

pub async fn agencies(args: AgencyImportArgs) -> anyhow::Result<()> {
    let args = args.file;
    let (options, report) = prepare(&args, "agency")?;
    let db = super::open_database(&args.database).await?;
    let result = import_agencies(&db, &args.file, options).await;
    db.close().await;
    let summary = result.with_context(|| format!("while importing {}", args.file.display()))?;
    print!(
        "{}",
        summary_text("Agencies", &summary, &args, &report, &[])
    );
    Ok(())
}

pub async fn candidates(args: CandidateImportArgs) -> anyhow::Result<()> {
    let elections = load_elections(&args.rules.rules)?;
    let election = find_election(&elections, &args.election)?;
    let file = &args.file;
    let (options, report) = prepare(file, "candidate list")?;
    let db = super::open_database(&file.database).await?;
    let result = import_candidates(&db, &file.file, election, options).await;
    db.close().await;
    let summary = result.with_context(|| format!("while importing {}", file.file.display()))?;
    let unresolved = format!(
        "residence not matched to a regency or city: {} (kept as written)",
        summary.residence_unresolved
    );
    print!(
        "{}",
        summary_text(
            &format!("Candidate list for {}", election.code),
            &summary.file,
            file,
            &report,
            &[unresolved],
        )
    );
    Ok(())
}

pub async fn pacts(args: PactImportArgs) -> anyhow::Result<()> {
    let elections = load_elections(&args.rules.rules)?;
    let (options, report) = prepare(&args.file, "integrity pact")?;
    let store = evidence(&args.evidence.data_dir)?;
    let db = super::open_database(&args.file.database).await?;
    let result = import_pacts(&db, &args.file.file, options, Some(store), &elections).await;
    db.close().await;
    let summary =
        result.with_context(|| format!("while importing {}", args.file.file.display()))?;
    print!(
        "{}",
        summary_text("Integrity pacts", &summary, &args.file, &report, &[])
    );
    Ok(())
}

pub async fn leave(args: PreventionImportArgs) -> anyhow::Result<()> {
    let (options, report) = prepare(&args.file, "unpaid leave")?;
    let store = evidence(&args.evidence.data_dir)?;
    let db = super::open_database(&args.file.database).await?;
    let result = import_leave(&db, &args.file.file, options, Some(store)).await;
    db.close().await;
    let summary =
        result.with_context(|| format!("while importing {}", args.file.file.display()))?;
    print!(
        "{}",
        summary_text("Unpaid leave (CLTN)", &summary, &args.file, &report, &[])
    );
    Ok(())
}

pub async fn resignations(args: PreventionImportArgs) -> anyhow::Result<()> {
    let (options, report) = prepare(&args.file, "resignation")?;
    let store = evidence(&args.evidence.data_dir)?;
    let db = super::open_database(&args.file.database).await?;
    let result = import_resignations(&db, &args.file.file, options, Some(store)).await;
    db.close().await;
    let summary =
        result.with_context(|| format!("while importing {}", args.file.file.display()))?;
    print!(
        "{}",
        summary_text("Resignations", &summary, &args.file, &report, &[])
    );
    Ok(())
}

pub async fn accounts(args: AccountImportArgs) -> anyhow::Result<()> {
    let args = args.file;
    let (options, report) = prepare(&args, "declared accounts")?;
    let db = super::open_database(&args.database).await?;
    let result = import_accounts(&db, &args.file, options).await;
    db.close().await;
    let summary = result.with_context(|| format!("while importing {}", args.file.display()))?;
    print!(
        "{}",
        summary_text("Declared accounts", &summary, &args, &report, &[])
    );
    Ok(())
}

fn summary_text(
    what: &str,
    summary: &FileImportSummary,
    args: &RegistryFileArgs,
    report: &Path,
    notes: &[String],
) -> String {
    let problems = match summary.problems {
        0 => format!("no problems; report: {}", report.display()),
        1 => format!("1 problem listed in {}", report.display()),
        n => format!("{n} problems listed in {}", report.display()),
    };
    let mut text = format!(
        "{what} {} ({}) imported into {} in {:.1} s.\n\
         \x20 rows read: {}\n\
         \x20 imported:  {} new\n\
         \x20 updated:   {}\n\
         \x20 unchanged: {}\n\
         \x20 rejected:  {} ({problems})\n",
        file_name(&args.file),
        format_text(summary.format),
        netral_store::redact(&args.database.database),
        summary.elapsed.as_secs_f64(),
        summary.rows_read,
        summary.inserted,
        summary.updated,
        summary.unchanged,
        summary.rejected,
    );
    for note in notes {
        text.push_str(&format!("  {note}\n"));
    }
    text
}
