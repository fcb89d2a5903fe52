//! `netral import agencies|candidates|pacts|leave|resignations|accounts` as an operator runs them: a
//! summary on stdout, bad rows in FILE.errors.csv, success unless the file cannot be read at
//! all, and an unknown election refused naming the known ones.

use netral_domain::registry::Platform;
use netral_store::registry::candidates::{CandidateFilter, list_candidates};
use netral_store::registry::prevention::{leave_on, pact_coverage_of, resigned_by};
use netral_store::registry::{
    self, NewCivilServant, accounts_of, find_account_owner, list_agencies,
};
use netral_testkit::TestDb;

use crate::{netral, rules_dir, text};

const AGENCIES: &str = "\
code;name;kind;region_code;ppk_title
3215;Pemerintah Kabupaten Karawang;regency;32.15;Bupati Karawang
3273;Pemerintah Kota Bandung;kota;32.73;Wali Kota Bandung
9999;Pemerintah Kabupaten Entah;regency;99.99;Bupati
";

const CANDIDATES: &str = "\
tingkat,dapil,nomorPartai,namaPartai,nomorUrut,namaLengkap,jenisKelamin,tempatTinggal,namaPasangan,tanggalLahir
dpr,JAWA BARAT VII,1,Partai Satu,1,\"Dr. H. Ahmad Suryana, S.H.\",L,KAB. KARAWANG,,1975-03-12
dpd,JAWA BARAT,,,7,Budi Santoso,L,KOTA BANDUNG,,
dpr,JAWA BARAT VII,,,2,Dewi Lestari,P,,,
";

const NIP: &str = "198503122010011003";

#[tokio::test]
async fn agencies_then_candidates_are_imported_with_errors_files() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("instansi.csv");
    std::fs::write(&file, AGENCIES).unwrap();
    let output = netral()
        .args(["import", "agencies", "--database", &db.url])
        .arg(&file)
        .output()
        .unwrap();
    let shown = text(&output);
    assert!(output.status.success(), "{shown}");
    for expected in [
        "Agencies instansi.csv (CSV, separated by ';') imported into sqlite:",
        "rows read: 3",
        "imported:  2 new",
        "rejected:  1 (1 problem listed in ",
    ] {
        assert!(
            shown.contains(expected),
            "missing {expected:?} in:\n{shown}"
        );
    }
    let report = std::fs::read_to_string(dir.path().join("instansi.csv.errors.csv")).unwrap();
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines[0], "file,line,field,message");
    assert!(
        lines[1].starts_with("instansi.csv,4,region_code,"),
        "{report}"
    );
    assert_eq!(list_agencies(&db.db).await.unwrap().len(), 2);

    let file = dir.path().join("dct.csv");
    std::fs::write(&file, CANDIDATES).unwrap();
    let output = netral()
        .args([
            "import",
            "candidates",
            "--election",
            "2024-pemilu",
            "--database",
            &db.url,
        ])
        .arg("--rules")
        .arg(rules_dir())
        .arg(&file)
        .output()
        .unwrap();
    let shown = text(&output);
    assert!(output.status.success(), "{shown}");
    for expected in [
        "Candidate list for pemilu-2024 dct.csv (CSV, separated by ',')",
        "imported:  2 new",
        "rejected:  1 (2 problems listed in ",
        "residence not matched to a regency or city: 0",
    ] {
        assert!(
            shown.contains(expected),
            "missing {expected:?} in:\n{shown}"
        );
    }
    let report = std::fs::read_to_string(dir.path().join("dct.csv.errors.csv")).unwrap();
    assert!(report.contains("dct.csv,4,nomorPartai,"), "{report}");
    assert!(report.contains("dct.csv,4,namaPartai,"), "{report}");
    let page = list_candidates(&db.db, "pemilu-2024", &CandidateFilter::default(), 10, 0)
        .await
        .unwrap();
    assert_eq!(page.total, 2);

    // An unknown election is refused before anything is read, naming the known ones.
    let output = netral()
        .args([
            "import",
            "candidates",
            "--election",
            "pemilu-2029",
            "--database",
            &db.url,
        ])
        .arg("--rules")
        .arg(rules_dir())
        .arg(&file)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let shown = text(&output);
    assert!(shown.contains("unknown election `pemilu-2029`"), "{shown}");
    assert!(
        shown.contains("pemilu-2024 (2024-pemilu), pilkada-2024 (2024-pilkada)"),
        "{shown}"
    );
    db.finish().await;
}

#[tokio::test]
async fn prevention_records_are_imported_with_their_documents() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    add_karawang_person(&db, dir.path()).await;

    let data = dir.path().join("data");
    std::fs::write(dir.path().join("pakta.pdf"), b"%PDF-1.4\n%%EOF\n").unwrap();
    let pacts = dir.path().join("pakta.csv");
    std::fs::write(
        &pacts,
        format!("nip,agency_code,election,signed_on,signatory,document\n{NIP},,2024-pilkada,2024-09-01,,pakta.pdf\n199001152015032001,,,2024-09-01,,\n"),
    )
    .unwrap();
    let output = netral()
        .args(["import", "pacts", "--database", &db.url])
        .arg("--rules")
        .arg(rules_dir())
        .arg("--data-dir")
        .arg(&data)
        .arg(&pacts)
        .output()
        .unwrap();
    let shown = text(&output);
    assert!(output.status.success(), "{shown}");
    assert!(
        shown.contains("Integrity pacts pakta.csv") && shown.contains("imported:  1 new"),
        "{shown}"
    );
    let report = std::fs::read_to_string(dir.path().join("pakta.csv.errors.csv")).unwrap();
    assert!(
        report.contains("pakta.csv,3,nip,NIP 199001152015032001 is not on the roster"),
        "{report}"
    );
    let coverage = pact_coverage_of(&db.db, "3215", "pilkada-2024")
        .await
        .unwrap()
        .unwrap();
    assert_eq!((coverage.roster, coverage.individually_covered), (1, 1));
    let stored = std::fs::read_dir(data.join("evidence")).unwrap().count();
    assert_eq!(stored, 1, "the document went to the evidence folder");

    let leave = dir.path().join("cltn.csv");
    std::fs::write(
        &leave,
        format!("nip,starts_on,ends_on,reason\n{NIP},2024-09-01,2024-12-31,spouse runs\n"),
    )
    .unwrap();
    let output = netral()
        .args(["import", "leave", "--database", &db.url, "--data-dir"])
        .arg(&data)
        .arg(&leave)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
    let day = chrono::NaiveDate::from_ymd_opt(2024, 10, 1).unwrap();
    assert!(leave_on(&db.db, NIP, day).await.unwrap().is_some());

    let resignations = dir.path().join("mundur.csv");
    std::fs::write(
        &resignations,
        format!("nip,resigned_on,effective_on\n{NIP},2024-08-20,2024-09-30\n"),
    )
    .unwrap();
    let output = netral()
        .args([
            "import",
            "resignations",
            "--database",
            &db.url,
            "--data-dir",
        ])
        .arg(&data)
        .arg(&resignations)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
    assert!(resigned_by(&db.db, NIP, day).await.unwrap().is_some());

    // A file that is not there is named, and fails.
    let output = netral()
        .args(["import", "resignations", "--database", &db.url])
        .arg(dir.path().join("nope.csv"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        text(&output).contains("cannot read resignation file"),
        "{}",
        text(&output)
    );
    db.finish().await;
}

/// Imports the agencies through the command, and puts one Karawang civil servant ([`NIP`]) on
/// the roster.
async fn add_karawang_person(db: &TestDb, dir: &std::path::Path) {
    let agencies = dir.join("instansi.csv");
    std::fs::write(&agencies, AGENCIES).unwrap();
    assert!(
        netral()
            .args(["import", "agencies", "--database", &db.url])
            .arg(&agencies)
            .output()
            .unwrap()
            .status
            .success()
    );
    let agency_id = list_agencies(&db.db)
        .await
        .unwrap()
        .iter()
        .find(|a| a.code == "3215")
        .unwrap()
        .id;
    let mut tx = db.db.begin().await.unwrap();
    registry::insert_civil_servant(
        &mut tx,
        &NewCivilServant {
            nip: NIP.parse().unwrap(),
            nik: None,
            name: "Ahmad Suryana".parse().unwrap(),
            agency_id,
            unit: "Dinas".into(),
            position_type: "staff".into(),
            position: "Staf".into(),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn declared_accounts_are_imported_with_a_mapping() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    add_karawang_person(&db, dir.path()).await;
    let file = dir.path().join("akun.csv");
    std::fs::write(
        &file,
        format!(
            "NIP BARU,MEDIA,AKUN,TAUTAN,TANGGAL\n\
             {NIP},Instagram,@Ahmad.Suryana,,2024-08-01\n\
             {NIP},Twitter,,https://twitter.com/AhmadS,\n\
             {NIP},friendster,ahmad,,\n"
        ),
    )
    .unwrap();
    let mapping = dir.path().join("akun.toml");
    std::fs::write(
        &mapping,
        "nip = \"NIP BARU\"\nplatform = \"MEDIA\"\nhandle = \"AKUN\"\nurl = \"TAUTAN\"\ndeclared_on = \"TANGGAL\"\n",
    )
    .unwrap();
    let output = netral()
        .args(["import", "accounts", "--database", &db.url, "--mapping"])
        .arg(&mapping)
        .arg(&file)
        .output()
        .unwrap();
    let shown = text(&output);
    assert!(output.status.success(), "{shown}");
    for expected in [
        "Declared accounts akun.csv (CSV, separated by ',')",
        "imported:  2 new",
        "rejected:  1 (1 problem listed in ",
    ] {
        assert!(
            shown.contains(expected),
            "missing {expected:?} in:\n{shown}"
        );
    }
    let report = std::fs::read_to_string(dir.path().join("akun.csv.errors.csv")).unwrap();
    assert!(
        report.contains("akun.csv,4,MEDIA,\"unknown platform \"\"friendster\"\""),
        "{report}"
    );
    let owner = find_account_owner(&db.db, Platform::X, "https://x.com/ahmads")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(owner.nip, NIP);
    assert_eq!(accounts_of(&db.db, NIP).await.unwrap().len(), 2);

    // The same file again changes nothing.
    let output = netral()
        .args(["import", "accounts", "--database", &db.url, "--mapping"])
        .arg(&mapping)
        .arg(&file)
        .output()
        .unwrap();
    let shown = text(&output);
    assert!(shown.contains("unchanged: 2"), "{shown}");
    db.finish().await;
}
