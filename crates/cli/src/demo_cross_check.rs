//! A candidate list for the demonstration, so that the candidate cross-check has something to
//! show: Pemilu 2024's legislative lists for the demonstration country, drawn by `netral synth`
//! with civil servants of the demonstration roster and their spouses planted in them, imported
//! as an operator imports KPU's file, and cross-checked once, so the review queue holds real
//! proposals with their explanations.

use anyhow::Context;
use chrono::{DateTime, Utc};
use netral_domain::rules::RuleBook;
use netral_link::LinkOptions;
use netral_store::Db;
use netral_store::linking::run_cross_check;
use netral_store::registry::candidates::import_candidates;
use netral_store::tabular::pipeline::FileImportOptions;
use netral_synth::Roster;
use netral_synth::candidates::{self, CandidateOptions};

pub(crate) const ELECTION: &str = "pemilu-2024";
/// Rows of the list. A real list plants about 1.5 %; this one three times as many, so that the
/// queue shows a page of proposals from a roster of a few hundred.
const CANDIDATES: u64 = 600;

/// Imports the list and runs the cross-check; `on_roster`: the roster's first people, the ones
/// the demonstration stores (planted people are drawn from them).
pub async fn add(
    db: &Db,
    rules: &RuleBook,
    roster: &Roster<'_>,
    on_roster: u64,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let election = rules
        .elections()
        .iter()
        .find(|e| e.code == ELECTION)
        .with_context(|| format!("the rules hold no election {ELECTION}"))?;
    let options = CandidateOptions {
        count: CANDIDATES,
        self_share: 0.03,
        spouse_share: 0.015,
        plant_among_first: Some(on_roster),
    };
    let folder = std::env::temp_dir().join(format!("netral-demo-{}", std::process::id()));
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("while creating {}", folder.display()))?;
    let path = folder.join("dct-pemilu-2024.csv");
    let imported = async {
        let mut list = std::fs::File::create(&path)?;
        candidates::write(roster, &options, &mut list, &mut std::io::sink())?;
        drop(list);
        import_candidates(db, &path, election, FileImportOptions::new("demo", now))
            .await
            .context("while importing the demonstration candidate list")
    }
    .await;
    std::fs::remove_dir_all(&folder).ok();
    imported?;
    run_cross_check(db, ELECTION, None, LinkOptions::default())
        .await
        .context("while cross-checking the demonstration candidate list")?;
    Ok(())
}
