//! `netral screen`: screens JSON Lines of public social-media activity for one election and
//! writes leads (JSON Lines) for review, with a summary on stderr. The watchlist and the
//! account book come from the database, or from files (`--candidates`, `--accounts`,
//! `--roster`) for benchmarks and one-off runs without one.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use chrono::Utc;
use netral_screen::sources::{read_accounts, read_candidates, read_roster};
use netral_screen::{
    AccountBook, Lead, Outcome, Period, Scratch, Screener, Summary, WatchlistBuilder,
    parse_json_only,
};
use netral_store::Db;
use netral_store::rules_files::{find_election, load_elections};
use netral_store::screening::{NewLead, engine, record_leads};

use crate::args::ScreenArgs;

pub async fn run(args: ScreenArgs) -> anyhow::Result<()> {
    if args.parse_only {
        return parse_only(&args.files);
    }
    let setup = Instant::now();
    let elections = load_elections(&args.rules.rules)?;
    let election = find_election(&elections, &args.election)?.clone();
    let needs_db =
        args.store || args.candidates.is_none() || args.accounts.is_none() || args.roster.is_none();
    let db = if needs_db {
        Some(super::open_database(&args.database).await?)
    } else {
        None
    };

    let mut builder = WatchlistBuilder::new(&election.code);
    let candidates = match (&args.candidates, &db) {
        (Some(path), _) => read_candidates(&path.display().to_string(), open(path)?)?,
        (None, Some(db)) => engine::candidate_entries(db, &election.code).await?,
        (None, None) => unreachable!("the database is opened when a source needs it"),
    };
    for candidate in &candidates {
        builder.add_candidate(candidate);
    }
    if let Some(path) = watchlist_file(&args, &election.code) {
        builder.add_extras(&engine::read_extras(&path)?)?;
    }
    let watchlist = builder.build()?;
    if let Some(path) = &args.export_patterns {
        let mut out = BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        );
        watchlist.export(&mut out)?;
        out.flush()?;
    }

    let book = account_book(&args, db.as_ref()).await?;
    let period = Period::of_election(&election);
    eprintln!(
        "screening for {} from {} to {} (registration to counting, WIB): {} watched phrases from {} candidates, {} campaign accounts, {} declared accounts, {} roster names; set up in {:.1} s",
        election.code,
        period.from.format("%Y-%m-%d %H:%M UTC"),
        period.until.format("%Y-%m-%d %H:%M UTC"),
        watchlist.len(),
        candidates.len(),
        watchlist.accounts.len(),
        book.declared_count(),
        book.roster_names(),
        setup.elapsed().as_secs_f64()
    );
    let screener = Screener::new(watchlist, book, Some(period));

    let mut out: Box<dyn Write> = match &args.leads {
        Some(path) => Box::new(BufWriter::with_capacity(
            1 << 20,
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut kept = Vec::new();
    let mut leads = Vec::new();
    let mut scratch = Scratch::default();
    for path in &args.files {
        each_line(path, |number, line| {
            leads.clear();
            let outcome = match line {
                Ok(text) => screener.screen_line(number, text, &mut scratch, &mut leads),
                Err(e) => Outcome::Malformed(netral_screen::LineError {
                    line: number,
                    field: "json".into(),
                    message: e,
                }),
            };
            summary.count(&outcome, &leads);
            for lead in &leads {
                serde_json::to_writer(&mut out, lead)?;
                out.write_all(b"\n")?;
            }
            if args.store {
                kept.append(&mut leads);
            }
            Ok(())
        })?;
    }
    out.flush()?;
    let seconds = started.elapsed().as_secs_f64();
    print_summary(&summary, seconds);
    if args.store {
        let db = db.as_ref().expect("opened for --store");
        let stored = store_leads(db, &kept).await?;
        let cutoff = Utc::now() - chrono::Duration::days(i64::from(args.retain_days));
        let purged = netral_store::screening::purge_before(db, cutoff).await?;
        eprintln!(
            "stored {stored} leads in the review queue; deleted {purged} unaccepted leads older than {} days",
            args.retain_days
        );
    }
    Ok(())
}

/// Converts the engine's leads to the store's and records them, a thousand at a time.
async fn store_leads(db: &Db, leads: &[Lead]) -> anyhow::Result<usize> {
    let now = Utc::now();
    let mut stored = 0;
    for chunk in leads.chunks(1000) {
        let rows: Vec<NewLead> = chunk.iter().map(NewLead::from).collect();
        stored += record_leads(db, &rows, now).await?;
    }
    Ok(stored)
}

/// The extras file: `--watchlist`, else `RULES/watchlists/CODE.toml` when it exists.
fn watchlist_file(args: &ScreenArgs, code: &str) -> Option<PathBuf> {
    if let Some(path) = &args.watchlist {
        return Some(path.clone());
    }
    let default = args
        .rules
        .rules
        .join("watchlists")
        .join(format!("{code}.toml"));
    default.is_file().then_some(default)
}

async fn account_book(args: &ScreenArgs, db: Option<&Db>) -> anyhow::Result<AccountBook> {
    let mut book = AccountBook::default();
    let mut refused = 0;
    match (&args.accounts, db) {
        (Some(path), _) => {
            for row in read_accounts(&path.display().to_string(), open(path)?)? {
                if book
                    .add_declared(&row.platform, &row.handle, &row.nip)
                    .is_err()
                {
                    refused += 1;
                }
            }
        }
        (None, Some(db)) => refused += engine::fill_declared(db, &mut book).await?,
        (None, None) => {}
    }
    if refused > 0 {
        eprintln!("warning: {refused} declared accounts could not be read and are ignored");
    }
    match (&args.roster, db) {
        (Some(path), _) => {
            for row in read_roster(&path.display().to_string(), open(path)?)? {
                book.add_roster(&row.nip, &row.name);
            }
        }
        (None, Some(db)) => {
            engine::fill_roster(db, &mut book).await?;
        }
        (None, None) => {}
    }
    Ok(book)
}

fn open(path: &Path) -> anyhow::Result<Box<dyn Read>> {
    if path == Path::new("-") {
        return Ok(Box::new(io::stdin().lock()));
    }
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    Ok(Box::new(BufReader::with_capacity(1 << 20, file)))
}

/// Calls `each(line_number, line)` for every line (end of line removed); a line that is not
/// UTF-8 comes as an error message.
fn each_line(
    path: &Path,
    mut each: impl FnMut(u64, Result<&str, String>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut reader = BufReader::with_capacity(1 << 20, open(path)?);
    let mut buffer = Vec::with_capacity(4096);
    let mut number = 0;
    loop {
        buffer.clear();
        let read = reader
            .read_until(b'\n', &mut buffer)
            .with_context(|| format!("cannot read {}", path.display()))?;
        if read == 0 {
            return Ok(());
        }
        number += 1;
        while buffer.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buffer.pop();
        }
        if buffer.is_empty() {
            continue;
        }
        let line = std::str::from_utf8(&buffer).map_err(|e| format!("not UTF-8: {e}"));
        each(number, line)?;
    }
}

/// `--parse-only`: JSON parsing of every line and nothing else.
fn parse_only(files: &[PathBuf]) -> anyhow::Result<()> {
    let started = Instant::now();
    let (mut records, mut good) = (0_u64, 0_u64);
    for path in files {
        each_line(path, |_, line| {
            records += 1;
            if line.is_ok_and(parse_json_only) {
                good += 1;
            }
            Ok(())
        })?;
    }
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "parse only: {records} records ({good} parsed) in {seconds:.2} s: {:.0} records/s",
        records as f64 / seconds.max(1e-9)
    );
    Ok(())
}

fn print_summary(s: &Summary, seconds: f64) {
    eprintln!("records read: {}", s.records);
    eprintln!("malformed: {}", s.malformed);
    for e in &s.first_errors {
        eprintln!("  {e}");
    }
    eprintln!("outside the screening period: {}", s.outside_period);
    eprintln!(
        "matched: {} ({} of them by accounts of nobody on the roster: dropped)",
        s.matched, s.unowned
    );
    eprintln!("leads: {}", s.leads);
    for (violation, n) in &s.per_violation {
        eprintln!("  violation {violation}: {n}");
    }
    for (rule, n) in &s.per_rule {
        eprintln!("  rule {rule}: {n}");
    }
    eprintln!(
        "screened in {seconds:.2} s: {:.0} records/s (one core)",
        s.records as f64 / seconds.max(1e-9)
    );
}
