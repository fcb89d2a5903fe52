//! `netral synth` as a benchmark or a test writer runs it: five files, the same bytes for the
//! same seed, and a roster that the import takes without a single complaint.

use std::path::Path;

use netral_store::registry::{self, NewAgency};
use netral_store::roster_import::{ImportOptions, import_roster};
use netral_testkit::{TestDb, at};

use crate::{netral, text};

const FILES: [&str; 5] = [
    "agencies.csv",
    "roster.csv",
    "candidates.csv",
    "candidates-truth.csv",
    "cases.csv",
];

fn synth(out: &Path, seed: &str) {
    let output = netral()
        .args([
            "synth",
            "--seed",
            seed,
            "--roster",
            "3000",
            "--candidates",
            "800",
        ])
        .args(["--cases", "120", "--out"])
        .arg(out)
        .output()
        .unwrap();
    let shown = text(&output);
    assert!(output.status.success(), "{shown}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    for (file, rows) in FILES.iter().zip(["632", "3000", "800", "12", "120"]) {
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with(&format!("{file}: {rows} rows in "))),
            "{file}: {stdout}"
        );
    }
}

#[test]
fn the_same_seed_writes_the_same_files_into_a_new_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        dir.path().join("a/nested"),
        dir.path().join("b"),
        dir.path().join("c"),
    );
    synth(&a, "5");
    synth(&b, "5");
    synth(&c, "6");
    for file in FILES {
        let first = std::fs::read(a.join(file)).unwrap();
        assert_eq!(first, std::fs::read(b.join(file)).unwrap(), "{file}");
        if file != "agencies.csv" {
            assert_ne!(first, std::fs::read(c.join(file)).unwrap(), "{file}");
        }
    }
}

#[test]
fn without_an_output_folder_it_says_what_is_missing() {
    let output = netral().args(["synth", "--roster", "10"]).output().unwrap();
    assert!(!output.status.success());
    assert!(text(&output).contains("--out"), "{}", text(&output));
}

/// The agencies of `agencies.csv` inserted through the registry, then `roster.csv` imported
/// through the store: every row goes in.
async fn synthetic_roster_imports_without_a_problem(db: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    synth(dir.path(), "9");
    let mut reader = csv::Reader::from_path(dir.path().join("agencies.csv")).unwrap();
    assert_eq!(
        reader.headers().unwrap(),
        vec!["code", "name", "kind", "region_code", "ppk_title"]
    );
    let mut tx = db.db.begin().await.unwrap();
    for record in reader.records() {
        let record = record.unwrap();
        let kind = match &record[2] {
            "central" => "central",
            "province" => "province",
            "regency" => "regency",
            "city" => "city",
            other => panic!("agency kind {other}"),
        };
        registry::insert_agency(
            &mut tx,
            &NewAgency {
                code: record[0].into(),
                name: record[1].into(),
                kind,
                region_code: Some(record[3].to_owned()).filter(|c| !c.is_empty()),
                ppk_title: record[4].into(),
            },
        )
        .await
        .unwrap_or_else(|e| panic!("{record:?}: {e}"));
    }
    tx.commit().await.unwrap();

    let options = ImportOptions::new("synth", at("2025-06-01T00:00:00Z"));
    let summary = import_roster(&db.db, &dir.path().join("roster.csv"), options, |_, _| {})
        .await
        .unwrap();
    assert_eq!(summary.first_problems, vec![], "no problems");
    assert_eq!(
        (summary.rows_read, summary.inserted, summary.rejected),
        (3000, 3000, 0)
    );
    assert_eq!(registry::count_civil_servants(&db.db).await.unwrap(), 3000);
    db.finish().await;
}

#[tokio::test]
async fn a_synthetic_roster_imports_cleanly_on_sqlite() {
    synthetic_roster_imports_without_a_problem(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn a_synthetic_roster_imports_cleanly_on_postgres() {
    synthetic_roster_imports_without_a_problem(TestDb::postgres().await).await;
}
