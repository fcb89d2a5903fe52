//! `netral synth`: writes a synthetic country (see `netral_synth` for the files and their
//! columns), one line per file on stdout with its rows and time.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use netral_synth::activity::{self, ActivityOptions, ActivityOutputs};
use netral_synth::candidates::{self, CandidateOptions};
use netral_synth::{Country, Roster, Scope, agencies, cases};

use crate::args::{SynthActivityArgs, SynthArgs, SynthCorpus};

pub fn run(args: SynthArgs) -> anyhow::Result<()> {
    if let Some(SynthCorpus::Activity(activity)) = args.corpus {
        return run_activity(activity);
    }
    let dir = args.out.as_deref().context("--out is required")?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let country = Country::new(args.seed, &Scope::Indonesia);
    let roster = Roster::new(&country, args.roster)?;

    timed(dir, "agencies.csv", |out| {
        agencies::write(&country.agencies, out)
    })?;
    timed(dir, "roster.csv", |out| roster.write(out))?;
    let options = CandidateOptions {
        count: args.candidates,
        self_share: args.plant_self / 100.0,
        spouse_share: args.plant_spouse / 100.0,
        plant_among_first: None,
    };
    let started = Instant::now();
    let truth_path = dir.join("candidates-truth.csv");
    let mut truth = create(&truth_path)?;
    let (rows, planted) = timed(dir, "candidates.csv", |out| {
        candidates::write(&roster, &options, out, &mut truth)
    })?;
    truth
        .flush()
        .with_context(|| format!("cannot write {}", truth_path.display()))?;
    let _ = rows;
    summary("candidates-truth.csv", planted, started);
    timed(dir, "cases.csv", |out| {
        cases::write(&cases::generate(&roster, args.cases), out)
    })?;
    Ok(())
}

/// `netral synth activity`: the screening corpus, one line on stdout per run.
fn run_activity(args: SynthActivityArgs) -> anyhow::Result<()> {
    let dir = &args.out;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let started = Instant::now();
    let country = Country::new(args.seed, &Scope::Indonesia);
    let names = [
        "activity.jsonl",
        "candidates.csv",
        "accounts.csv",
        "roster.csv",
        "watchlist.toml",
        "truth.csv",
    ];
    let mut files = names
        .iter()
        .map(|name| create(&dir.join(name)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let [activity, candidates, accounts, roster, watchlist, truth] = &mut files[..] else {
        unreachable!("six files");
    };
    let options = ActivityOptions {
        seed: args.seed,
        records: args.records,
        candidates: args.candidates,
        civil_servants: args.civil_servants,
    };
    let counts = activity::write(
        &country,
        &options,
        ActivityOutputs {
            activity,
            candidates,
            accounts,
            roster,
            watchlist,
            truth,
        },
    )
    .with_context(|| format!("cannot write the corpus into {}", dir.display()))?;
    for (file, name) in files.iter_mut().zip(names) {
        file.flush()
            .with_context(|| format!("cannot write {}", dir.join(name).display()))?;
    }
    summary("activity.jsonl", counts.records, started);
    println!(
        "candidates.csv: {} rows; accounts.csv: {} declared; truth.csv: {} leads expected",
        counts.candidates, counts.declared, counts.expected_leads
    );
    Ok(())
}

fn create(path: &Path) -> anyhow::Result<BufWriter<File>> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(BufWriter::with_capacity(1 << 20, file))
}

/// Writes one file and prints its line; `write` returns the data rows (or rows and more).
fn timed<T: Rows>(
    dir: &Path,
    name: &str,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<T>,
) -> anyhow::Result<T> {
    let path = dir.join(name);
    let started = Instant::now();
    let mut out = create(&path)?;
    let result = write(&mut out)
        .and_then(|r| out.flush().map(|()| r))
        .with_context(|| format!("cannot write {}", path.display()))?;
    summary(name, result.rows(), started);
    Ok(result)
}

fn summary(name: &str, rows: u64, started: Instant) {
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{name}: {rows} rows in {seconds:.2} s ({:.0} rows/s)",
        rows as f64 / seconds.max(1e-9)
    );
}

trait Rows {
    fn rows(&self) -> u64;
}

impl Rows for u64 {
    fn rows(&self) -> u64 {
        *self
    }
}

impl Rows for (u64, u64) {
    fn rows(&self) -> u64 {
        self.0
    }
}
