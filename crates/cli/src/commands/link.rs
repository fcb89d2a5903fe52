//! `netral link`: cross-checks candidate lists against the roster, from files (CSV or XLSX)
//! or from the database, and writes the proposed pairs with their explanations to CSV or XLSX,
//! or into the review queue.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use netral_link::{
    LinkOptions, LinkOutcome, Linker, Model, Proposal, Thresholds, febrl, input, kpu,
};

use crate::args::{LinkArgs, LinkProfile};

pub async fn run(args: LinkArgs) -> anyhow::Result<()> {
    for (name, value) in [
        ("--match-threshold", args.match_threshold),
        ("--review-threshold", args.review_threshold),
    ] {
        anyhow::ensure!(
            value > 0.0 && value < 1.0,
            "{name} is a probability between 0 and 1 (exclusive), not {value}"
        );
    }
    anyhow::ensure!(
        args.review_threshold <= args.match_threshold,
        "--review-threshold ({}) must not be above --match-threshold ({})",
        args.review_threshold,
        args.match_threshold
    );
    let model = match &args.model {
        Some(path) => Some(Model::load(path)?),
        None => None,
    };
    let bar = progress_bar(args.no_progress);
    let options = LinkOptions {
        threads: args.threads.unwrap_or(LinkOptions::default().threads),
        thresholds: Thresholds {
            match_probability: args.match_threshold,
            review_probability: args.review_threshold,
        },
        model,
        training_rows: args.training_rows,
        progress: Some(Arc::new({
            let bar = bar.clone();
            move |rows| bar.set_position(rows)
        })),
        ..LinkOptions::default()
    };
    let (Some(roster), Some(candidates)) = (&args.roster, &args.candidates) else {
        let Some(election) = &args.election else {
            anyhow::bail!(
                "give --roster and --candidates files, or --election to use the database"
            );
        };
        return database_mode(&args, election, options, bar).await;
    };
    let started = Instant::now();
    let (outcome, unresolved) = match args.profile {
        LinkProfile::Kpu => kpu::link_files(roster, candidates, &options)?,
        LinkProfile::Febrl => {
            let queries = febrl::read_queries(candidates)?;
            let file = roster.display().to_string();
            let (header, batches) = input::open(roster)?;
            let columns = febrl::Columns::find(&header, &file)?;
            let linker = Linker::new(febrl::schema(), queries, options.clone());
            (
                linker.run(batches, |row, names| columns.record(row, names))?,
                0,
            )
        }
    };
    bar.finish_and_clear();
    let elapsed = started.elapsed();
    if let Some(path) = &args.save_model {
        outcome.model.save(path)?;
    }
    match &args.out {
        Some(path) if is_xlsx(path) => write_xlsx(path, &outcome.proposals)?,
        Some(path) => write_csv(
            BufWriter::new(
                File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
            ),
            &outcome.proposals,
        )?,
        None => write_csv(std::io::stdout().lock(), &outcome.proposals)?,
    }
    summary(&outcome, unresolved, elapsed);
    Ok(())
}

async fn database_mode(
    args: &LinkArgs,
    election: &str,
    options: LinkOptions,
    bar: ProgressBar,
) -> anyhow::Result<()> {
    let db = super::open_database(&args.database).await?;
    let elections = netral_store::rules_files::load_elections(&args.rules.rules)?;
    let election = netral_store::rules_files::find_election(&elections, election)?.clone();
    let started = Instant::now();
    let run = netral_store::linking::run_cross_check(&db, &election.code, None, options).await?;
    bar.finish_and_clear();
    if let Some(path) = &args.save_model {
        run.model.save(path)?;
    }
    eprintln!(
        "cross-check {} of {}: {} roster rows, {} queries, {} matches and {} for review, {} of them new in the review queue (/kantor/pencocokan); {:.1} s",
        run.run_id,
        election.code,
        run.stats.roster_rows,
        run.stats.queries,
        run.stats.matches,
        run.stats.reviews,
        run.added,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn progress_bar(hidden: bool) -> ProgressBar {
    if hidden || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {human_pos} roster rows ({per_sec}, {elapsed})")
            .expect("a valid template"),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

const HEADER: [&str; 9] = [
    "candidate_id",
    "relation",
    "roster_id",
    "band",
    "score",
    "probability",
    "candidate_name",
    "roster_name",
    "explanation",
];

fn cells(p: &Proposal) -> [String; 9] {
    [
        p.query_id.clone(),
        p.relation.as_str().to_owned(),
        p.record_id.clone(),
        p.band.as_str().to_owned(),
        format!("{:.2}", p.score),
        format!("{:.6}", p.probability),
        p.query_name.clone(),
        p.record_name.clone(),
        p.explanation(),
    ]
}

fn write_csv(out: impl Write, proposals: &[Proposal]) -> anyhow::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for proposal in proposals {
        writer.write_record(cells(proposal))?;
    }
    writer.flush()?;
    Ok(())
}

fn write_xlsx(path: &Path, proposals: &[Proposal]) -> anyhow::Result<()> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, title) in HEADER.iter().enumerate() {
        sheet.write_string(0, column as u16, *title)?;
    }
    for (row, proposal) in proposals.iter().enumerate() {
        let row = row as u32 + 1;
        for (column, text) in cells(proposal).iter().enumerate() {
            match column {
                4 | 5 => sheet.write_number(row, column as u16, text.parse::<f64>()?)?,
                _ => sheet.write_string(row, column as u16, text)?,
            };
        }
    }
    workbook
        .save(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn summary(outcome: &LinkOutcome, unresolved: u64, elapsed: Duration) {
    let s = &outcome.stats;
    eprintln!(
        "{} roster rows ({} unreadable), {} queries; model from {} rows: {} random pairs for u, {} blocked pairs, {} EM iterations, prior {:.2e}",
        s.roster_rows,
        s.rejected_rows,
        s.queries,
        s.training_rows,
        s.random_pairs,
        s.training_pairs,
        outcome.model.em_iterations,
        outcome.model.prior
    );
    eprintln!(
        "{} pairs compared; {} matches, {} for review ({} of them because a second record scored nearly as well); {:.1} s",
        s.pairs_compared,
        s.matches,
        s.reviews,
        s.ambiguous,
        elapsed.as_secs_f64()
    );
    let by_rule: Vec<String> = s
        .pairs_by_rule
        .iter()
        .map(|(rule, pairs)| format!("{rule} {pairs}"))
        .collect();
    eprintln!("pairs by blocking rule: {}", by_rule.join("; "));
    for example in &s.rejected_examples {
        eprintln!("unreadable roster row: {example}");
    }
    if unresolved > 0 {
        eprintln!(
            "{unresolved} candidates' residence names no known regency: compared without regency"
        );
    }
}
