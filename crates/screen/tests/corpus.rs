//! The synthetic corpus of `netral synth activity` (20,000 records) through the whole engine:
//! precision and recall of the leads against the corpus's truth must both reach 0.9, the
//! issue's bar. Also keeps the corpus's idea of a "unique roster name" in step with the
//! engine's, since name proposals count in the truth.

use std::collections::HashMap;

use chrono::NaiveDate;
use netral_screen::evaluate::{evaluate, read_truth};
use netral_screen::sources::{read_accounts, read_candidates, read_roster};
use netral_screen::{AccountBook, Extras, Period, Scratch, Screener, WatchlistBuilder};
use netral_synth::activity::{self, ActivityOptions, ActivityOutputs};
use netral_synth::{Country, Scope};

#[test]
fn the_synthetic_corpus_is_screened_with_precision_and_recall_of_at_least_0_9() {
    let country = Country::new(7, &Scope::Indonesia);
    let options = ActivityOptions {
        seed: 7,
        records: 20_000,
        candidates: 2_000,
        civil_servants: 3_000,
    };
    let mut files: HashMap<&str, Vec<u8>> = HashMap::new();
    let (mut a, mut c, mut d, mut r, mut w, mut t) = (
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    );
    let counts = activity::write(
        &country,
        &options,
        ActivityOutputs {
            activity: &mut a,
            candidates: &mut c,
            accounts: &mut d,
            roster: &mut r,
            watchlist: &mut w,
            truth: &mut t,
        },
    )
    .unwrap();
    assert_eq!(counts.records, 20_000);
    assert!(counts.expected_leads > 500, "{counts:?}");
    files.insert("truth", t);

    let mut builder = WatchlistBuilder::new("pilkada-2024");
    for candidate in read_candidates("candidates.csv", Box::new(std::io::Cursor::new(c))).unwrap() {
        builder.add_candidate(&candidate);
    }
    let extras = Extras::parse("watchlist.toml", std::str::from_utf8(&w).unwrap()).unwrap();
    builder.add_extras(&extras).unwrap();
    let watchlist = builder.build().unwrap();
    let mut book = AccountBook::default();
    for row in read_accounts("accounts.csv", Box::new(std::io::Cursor::new(d))).unwrap() {
        book.add_declared(&row.platform, &row.handle, &row.nip)
            .unwrap();
    }
    for row in read_roster("roster.csv", Box::new(std::io::Cursor::new(r))).unwrap() {
        book.add_roster(&row.nip, &row.name);
    }
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let period = Period::days(day("2024-08-27"), day("2024-12-16"));
    let screener = Screener::new(watchlist, book, Some(period));

    let text = String::from_utf8(a).unwrap();
    let mut scratch = Scratch::default();
    let mut leads = Vec::new();
    for (i, line) in text.lines().enumerate() {
        screener.screen_line(i as u64 + 1, line, &mut scratch, &mut leads);
    }
    let truth = read_truth(files["truth"].as_slice()).unwrap();
    let e = evaluate(leads.iter().map(|l| (l.line, l.violation.as_str())), &truth);
    eprintln!("{e:?}");
    assert!(
        e.precision() >= 0.9,
        "precision {} {:?}",
        e.precision(),
        e.errors_by_case
    );
    assert!(
        e.recall() >= 0.9,
        "recall {} {:?}",
        e.recall(),
        e.errors_by_case
    );
}
