//! `netral import roster` as an operator runs it: a summary on stdout, the bad rows in
//! FILE.errors.csv, and a clear message when the file is not there.

use netral_store::registry::{self, NewAgency};
use netral_testkit::TestDb;

use crate::{netral, text};

const ROSTER: &str = "\
nipBaru;nama;gelarDepan;tglLahir;jenisKelamin;instansiIndukNama;jabatanNama
198503122010011003;Ahmad Suryana;Drs.;12/03/1985;L;PEMERINTAH KAB. KARAWANG;Kepala Bidang
199001152015032001;Siti Aminah;;15-01-1990;P;Pemerintah Kabupaten Karawang;Analis
19900115201503200;Budi;;;;Pemerintah Kabupaten Karawang;Staf
199202022019031002;Dewi;;;;Pemerintah Kota Entah;Staf
";

async fn karawang(db: &TestDb) {
    let mut tx = db.db.begin().await.unwrap();
    registry::insert_agency(
        &mut tx,
        &NewAgency {
            code: "3215".into(),
            name: "Pemerintah Kabupaten Karawang".into(),
            kind: "regency",
            region_code: Some("32.15".into()),
            ppk_title: "Bupati Karawang".into(),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn a_roster_is_imported_with_a_summary_and_an_errors_file() {
    let db = TestDb::sqlite().await;
    karawang(&db).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("siasn.csv");
    std::fs::write(&file, format!("\u{feff}{ROSTER}")).unwrap();

    let output = netral()
        .args([
            "import",
            "roster",
            "--batch-size",
            "1",
            "--database",
            &db.url,
        ])
        .arg(&file)
        .output()
        .unwrap();
    let shown = text(&output);
    assert!(output.status.success(), "{shown}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    for expected in [
        "Roster siasn.csv (CSV, separated by ';') imported into sqlite:",
        "rows read: 4",
        "imported:  2 new",
        "updated:   0",
        "rejected:  2 (2 problems listed in ",
        "siasn.csv.errors.csv",
        "rows/s",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
    let report = std::fs::read_to_string(dir.path().join("siasn.csv.errors.csv")).unwrap();
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines[0], "file,line,field,message");
    assert!(
        lines[1].starts_with("siasn.csv,4,nipBaru,\"NIP must be 18 digits"),
        "{report}"
    );
    assert!(
        lines[2]
            .starts_with("siasn.csv,5,instansiIndukNama,\"agency \"\"Pemerintah Kota Entah\"\""),
        "{report}"
    );
    assert_eq!(registry::count_civil_servants(&db.db).await.unwrap(), 2);

    // Again, with one position changed: an update, no duplicate.
    std::fs::write(&file, ROSTER.replace("Analis", "Analis Kebijakan")).unwrap();
    let output = netral()
        .args(["import", "roster", "--database", &db.url])
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("imported:  0 new"), "{stdout}");
    assert!(stdout.contains("updated:   1"), "{stdout}");
    assert!(stdout.contains("unchanged: 1"), "{stdout}");
    assert_eq!(registry::count_civil_servants(&db.db).await.unwrap(), 2);
    db.finish().await;
}

#[test]
fn a_missing_file_or_mapping_is_named_and_no_database_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", dir.path().join("netral.db").display());
    let missing = dir.path().join("pegawai.csv");
    let output = netral()
        .args(["import", "roster", "--database", &database])
        .arg(&missing)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = text(&output);
    assert!(
        message.contains(&format!("cannot read roster file {}", missing.display())),
        "{message}"
    );
    std::fs::write(&missing, ROSTER).unwrap();
    let mapping = dir.path().join("kolom.toml");
    std::fs::write(&mapping, "nomor = \"NIP\"\n").unwrap();
    let output = netral()
        .args(["import", "roster", "--database", &database, "--mapping"])
        .arg(&mapping)
        .arg(&missing)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = text(&output);
    assert!(
        message.contains("kolom.toml") && message.contains("unknown field `nomor`"),
        "{message}"
    );
    assert!(!dir.path().join("netral.db").exists());
}

#[test]
fn import_help_documents_its_options() {
    let help = text(
        &netral()
            .args(["import", "roster", "--help"])
            .output()
            .unwrap(),
    );
    for expected in [
        "--mapping",
        "--batch-size",
        "20000",
        "--database",
        "errors.csv",
        "XLSX",
    ] {
        assert!(help.contains(expected), "missing {expected} in:\n{help}");
    }
}

/// A roster of `rows` valid people, all in Karawang.
fn large_roster(rows: u32) -> String {
    let mut text =
        String::from("nipBaru,nama,tglLahir,jenisKelamin,instansiIndukNama,jabatanNama\n");
    for i in 0..rows {
        let birth = chrono::NaiveDate::from_ymd_opt(1960, 1, 1).unwrap()
            + chrono::Days::new(u64::from(i % 14_000));
        let k = i / 14_000;
        text.push_str(&format!(
            "{}{}{:02}1{:03},Pegawai {i},{},L,Pemerintah Kabupaten Karawang,Staf\n",
            birth.format("%Y%m%d"),
            2014 + k / 12,
            1 + k % 12,
            1 + i % 999,
            birth.format("%d/%m/%Y"),
        ));
    }
    text
}

async fn roster_rows(db: &netral_store::Db) -> Vec<(String, String, String)> {
    netral_store::sql("SELECT nip, name, position FROM civil_servants ORDER BY nip")
        .fetch_all(db)
        .await
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.get("nip").unwrap(),
                r.get("name").unwrap(),
                r.get("position").unwrap(),
            )
        })
        .collect()
}

/// The import is killed (SIGKILL, no chance to clean up) once some batches are in; what is
/// left is whole batches, and running it again ends where an uninterrupted import ends.
async fn killed_midway_then_rerun(killed: TestDb, clean: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roster.csv");
    std::fs::write(&file, large_roster(30_000)).unwrap();
    let run = |url: &str| {
        netral()
            .args([
                "import",
                "roster",
                "--batch-size",
                "1000",
                "--database",
                url,
            ])
            .arg(&file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };

    karawang(&killed).await;
    let mut child = run(&killed.url);
    let started = std::time::Instant::now();
    loop {
        let n = registry::count_civil_servants(&killed.db).await.unwrap();
        if n >= 3_000 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import ended before it was killed"
        );
        assert!(
            started.elapsed().as_secs() < 120,
            "the import never got going"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let left = registry::count_civil_servants(&killed.db).await.unwrap();
    assert!(left < 30_000, "killed before the end ({left} rows)");
    assert_eq!(left % 1_000, 0, "whole batches only: {left} rows");
    assert!(run(&killed.url).wait().unwrap().success());

    karawang(&clean).await;
    assert!(run(&clean.url).wait().unwrap().success());
    let (after_rerun, uninterrupted) =
        (roster_rows(&killed.db).await, roster_rows(&clean.db).await);
    assert_eq!(after_rerun.len(), 30_000);
    assert!(after_rerun == uninterrupted, "the two tables differ");
    killed.finish().await;
    clean.finish().await;
}

#[tokio::test]
async fn an_import_killed_midway_and_run_again_ends_as_a_clean_one_on_sqlite() {
    killed_midway_then_rerun(TestDb::sqlite().await, TestDb::sqlite().await).await;
}

#[tokio::test]
async fn an_import_killed_midway_and_run_again_ends_as_a_clean_one_on_postgres() {
    killed_midway_then_rerun(TestDb::postgres().await, TestDb::postgres().await).await;
}
