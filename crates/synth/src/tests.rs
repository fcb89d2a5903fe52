//! The files as a whole: determinism, validity of every row, exact shares, planted truth.

use std::collections::{HashMap, HashSet};

use netral_domain::ids::{Nik, Nip, Sex};
use netral_domain::roster::{EmployeeNumber, Field, RawRow, check_row, parse_date, parse_sex};

use crate::candidates::{self, CandidateOptions};
use crate::cases::{self, Outcome, Phase};
use crate::names::NameBook;
use crate::{Country, Roster, Scope, agencies};

struct Files {
    agencies: Vec<u8>,
    roster: Vec<u8>,
    candidates: Vec<u8>,
    truth: Vec<u8>,
    cases: Vec<u8>,
}

fn generate(seed: u64, people: u64, candidates: u64, cases: u64) -> Files {
    let country = Country::new(seed, &Scope::Indonesia);
    let roster = Roster::new(&country, people).unwrap();
    let mut files = Files {
        agencies: Vec::new(),
        roster: Vec::new(),
        candidates: Vec::new(),
        truth: Vec::new(),
        cases: Vec::new(),
    };
    agencies::write(&country.agencies, &mut files.agencies).unwrap();
    roster.write(&mut files.roster).unwrap();
    let options = CandidateOptions {
        count: candidates,
        self_share: 0.02,
        spouse_share: 0.01,
        plant_among_first: None,
    };
    candidates::write(&roster, &options, &mut files.candidates, &mut files.truth).unwrap();
    cases::write(&cases::generate(&roster, cases), &mut files.cases).unwrap();
    files
}

fn records(bytes: &[u8]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    (header, reader.records().map(Result::unwrap).collect())
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_other_bytes() {
    let a = generate(42, 3_000, 1_000, 300);
    let b = generate(42, 3_000, 1_000, 300);
    let c = generate(43, 3_000, 1_000, 300);
    for (name, x, y, z) in [
        ("roster", &a.roster, &b.roster, &c.roster),
        ("candidates", &a.candidates, &b.candidates, &c.candidates),
        ("truth", &a.truth, &b.truth, &c.truth),
        ("cases", &a.cases, &b.cases, &c.cases),
    ] {
        assert_eq!(x, y, "{name}: same seed");
        assert_ne!(x, z, "{name}: other seed");
    }
    assert_eq!(
        a.agencies, c.agencies,
        "agencies are the country, not a draw"
    );
}

#[test]
fn every_roster_row_passes_the_import_checks_and_its_nik_agrees() {
    let files = generate(7, 5_000, 10, 10);
    let agency_names: HashSet<String> = records(&files.agencies)
        .1
        .iter()
        .map(|r| r[1].to_owned())
        .collect();
    let (header, rows) = records(&files.roster);
    let expected: Vec<&str> = Field::ALL.iter().map(|f| f.siasn_name()).collect();
    assert_eq!(header, expected);
    assert_eq!(rows.len(), 5_000);
    let mut numbers = HashSet::new();
    let mut pppk = 0;
    let mut classes: HashMap<String, usize> = HashMap::new();
    for record in &rows {
        let mut raw = RawRow::new();
        for (field, value) in Field::ALL.iter().zip(record.iter()) {
            raw.set(*field, value);
        }
        let checked = check_row(&raw).unwrap_or_else(|e| panic!("{record:?}: {e:?}"));
        assert!(
            numbers.insert(checked.number.as_str().to_owned()),
            "unique numbers"
        );
        let nik: Nik = record[8].parse().unwrap();
        assert_eq!(nik.birth_date(), checked.birth_date(), "{record:?}");
        assert_eq!(nik.sex(), checked.sex(), "{record:?}");
        match checked.number {
            EmployeeNumber::Pns(nip) => {
                assert!(record[9].starts_with("PNS"));
                let reparsed: Nip = nip.as_str().parse().unwrap();
                assert!(
                    reparsed.appointment().0
                        >= reparsed
                            .birth_date()
                            .format("%Y")
                            .to_string()
                            .parse::<i32>()
                            .unwrap()
                            + 18
                );
            }
            EmployeeNumber::Pppk(_) => {
                pppk += 1;
                assert_eq!(&record[9], "PPPK");
            }
        }
        assert!(agency_names.contains(&record[11]), "{}", &record[11]);
        *classes.entry(record[15].to_owned()).or_default() += 1;
    }
    assert_eq!(pppk, 1_667, "a third are PPPK");
    // Teachers and other functional posts are the majority; structural posts are few.
    assert!(classes["Fungsional"] > 2_500, "{classes:?}");
    assert!(classes["Struktural"] < 750, "{classes:?}");
}

#[test]
fn case_shares_are_exactly_the_published_ones() {
    let country = Country::new(42, &Scope::Indonesia);
    let roster = Roster::new(&country, 20_000).unwrap();
    let history = cases::generate(&roster, 2_034);
    assert_eq!(history.len(), 2_034);
    let count = |f: &dyn Fn(&cases::Case) -> bool| history.iter().filter(|c| f(c)).count();
    let proven = count(&|c| c.outcome.proven());
    assert_eq!(proven, 1_597, "78.5 % of 2,034");
    assert_eq!(
        count(&|c| c.outcome == Outcome::Sanctioned),
        1_450,
        "90.8 % of 1,597"
    );
    assert_eq!(count(&|c| c.phase == Phase::Before), 958, "47.1 %");
    assert_eq!(count(&|c| c.phase == Phase::During), 1_076, "52.9 %");
    for (code, share) in cases::VIOLATIONS {
        let n = count(&|c| c.violation == code) as f64;
        assert!((n - 2_034.0 * share / 100.0).abs() < 1.0, "{code}: {n}");
    }
    assert_eq!(count(&|c| c.violation == "MEDSOS_KAMPANYE"), 614, "30.2 %");
    for (position, share) in cases::POSITIONS {
        let n = count(&|c| c.position == position) as f64;
        assert!(
            (n - 2_034.0 * share / 100.0).abs() < 1.0,
            "{position:?}: {n}"
        );
    }
    assert_eq!(
        count(&|c| c.position == crate::PositionClass::Jpt),
        732,
        "36 %"
    );
    // In a roster of 20,000 every drawn post is found: subjects hold the post they are
    // reported in.
    for case in &history {
        let person = roster.person(case.subject);
        assert_eq!(person.class, case.position, "{case:?}");
        assert_eq!(person.number.text(), case.nip);
        let election = cases::ELECTIONS
            .iter()
            .find(|e| e.code == case.election)
            .unwrap();
        let from = chrono::NaiveDate::from_ymd_opt(
            election.campaign_from.0,
            election.campaign_from.1,
            election.campaign_from.2,
        )
        .unwrap();
        assert_eq!(
            case.phase == Phase::Before,
            case.reported_on < from,
            "{case:?}"
        );
        if case.outcome == Outcome::InProgress {
            assert_eq!(case.election, "pilkada-2024");
        }
    }
}

#[test]
fn codes_are_those_of_the_rules_files() {
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/../../rules");
    let versions: String = std::fs::read_dir(format!("{rules}/versions"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    for (code, _) in cases::VIOLATIONS {
        assert!(versions.contains(&format!("code = \"{code}\"")), "{code}");
    }
    for election in cases::ELECTIONS
        .iter()
        .filter(|e| e.campaign_from.0 >= 2023)
    {
        let path = format!(
            "{rules}/elections/{}.toml",
            election.code.split('-').rev().collect::<Vec<_>>().join("-")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains(&format!("code = \"{}\"", election.code)),
            "{path}"
        );
        let (y, m, d) = election.campaign_from;
        assert!(
            text.contains(&format!("campaign = {{ from = {y}-{m:02}-{d:02}")),
            "{path}"
        );
    }
}

#[test]
fn ground_truth_lines_are_the_planted_people() {
    let files = generate(11, 4_000, 3_000, 10);
    let (_, roster) = records(&files.roster);
    let by_number: HashMap<&str, &csv::StringRecord> =
        roster.iter().map(|r| (r.get(0).unwrap(), r)).collect();
    let (header, candidates) = records(&files.candidates);
    assert_eq!(header, candidates::HEADER);
    let (truth_header, truth) = records(&files.truth);
    assert_eq!(truth_header, candidates::TRUTH_HEADER);
    assert_eq!(truth.len(), 90, "3 % of 3,000");
    let country = Country::new(11, &Scope::Indonesia);
    let book = NameBook::get();
    let mut relations = HashMap::new();
    for line in &truth {
        let number: usize = line[0].parse().unwrap();
        let candidate = &candidates[number - 2];
        let person = by_number[&line[1]];
        *relations.entry(line[2].to_owned()).or_insert(0) += 1;
        let written = format!("{} {}, {}", &person[3], &person[2], &person[4]);
        let sex = parse_sex(&person[7]).unwrap();
        let candidate_sex = parse_sex(&candidate[6]).unwrap();
        let nik: Nik = person[8].parse().unwrap();
        let home = country
            .geo
            .regencies
            .iter()
            .find(|r| r.code == nik.region().parent().unwrap().as_str())
            .unwrap();
        assert_eq!(
            candidate[7],
            home.kpu_name(),
            "lives where the NIK was issued"
        );
        match &line[2] {
            "self" => {
                assert_eq!(candidate_sex, sex);
                assert_eq!(
                    book.name_key(&candidate[5]),
                    book.name_key(&written),
                    "{} / {written}",
                    &candidate[5]
                );
                if !candidate[9].is_empty() {
                    assert_eq!(parse_date(&candidate[9]), parse_date(&person[6]));
                }
            }
            "spouse" => {
                assert_ne!(candidate_sex, sex);
                assert_eq!(
                    book.name_key(&candidate[8]),
                    book.name_key(&written),
                    "{} / {written}",
                    &candidate[8]
                );
            }
            other => panic!("relation {other}"),
        }
    }
    assert_eq!(relations["self"], 60);
    assert_eq!(relations["spouse"], 30);
    // Planted names are written differently from the roster often enough to be a test.
    let differing = truth
        .iter()
        .filter(|l| &l[2] == "self")
        .filter(|l| candidates[l[0].parse::<usize>().unwrap() - 2][5] != by_number[&l[1]][2])
        .count();
    assert!(differing > 40, "{differing}");
    let _ = Sex::Male;
}
