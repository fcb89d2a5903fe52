//! Prevention records on both backends: integrity pacts (by a person or an agency, with their
//! documents as evidence), pact coverage per agency, CLTN periods and resignations, imported
//! from lists and queried by date.

use std::path::Path;

use chrono::NaiveDate;
use netral_domain::ids::{Nip, PersonName};
use netral_domain::roster::Field;
use netral_store::evidence::EvidenceStore;
use netral_store::registry::prevention::{
    leave_of_agency, leave_on, pact_coverage, pact_coverage_of, pacts_of_agency, pacts_of_person,
    resignations_of_person, resigned_by,
};
use netral_store::registry::{
    self, NewCivilServant, import_leave, import_pacts, import_resignations,
};
use netral_store::tabular::pipeline::FileImportOptions;
use netral_store::{Db, sql};
use netral_testkit::roster::person;
use netral_testkit::{at, on_both};

use crate::agencies_import::add_agencies;
use crate::candidates::elections;

on_both!(
    pacts_are_imported_with_documents_and_coverage_counted,
    leave_and_resignations_answer_by_date,
);

pub fn nip(i: u32) -> String {
    person(i)[Field::Nip.index()].clone()
}

/// Four civil servants in Karawang (0–3), two in Bandung (4, 5).
pub async fn add_roster(db: &Db, dir: &Path) {
    add_agencies(db, dir).await;
    let ids = registry::agency_ids_by_key(db).await.unwrap();
    let karawang = ids[&netral_domain::roster::agency_key("Pemerintah Kabupaten Karawang")];
    let bandung = ids[&netral_domain::roster::agency_key("Pemerintah Kota Bandung")];
    let mut tx = db.begin().await.unwrap();
    for i in 0..6 {
        registry::insert_civil_servant(
            &mut tx,
            &NewCivilServant {
                nip: nip(i).parse::<Nip>().unwrap(),
                nik: None,
                name: format!("Pegawai {i}").parse::<PersonName>().unwrap(),
                agency_id: if i < 4 { karawang } else { bandung },
                unit: "Dinas".into(),
                position_type: "staff".into(),
                position: "Staf".into(),
            },
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
}

fn options<F>(dir: &Path, name: &str) -> FileImportOptions<F> {
    let mut options = FileImportOptions::new("test-import", at("2026-02-01T08:00:00Z"));
    options.report_path = Some(dir.join(format!("{name}.errors.csv")));
    options
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

async fn pacts_are_imported_with_documents_and_coverage_counted(db: &Db) {
    let dir = tempfile::tempdir().unwrap();
    add_roster(db, dir.path()).await;
    let evidence = EvidenceStore::open(dir.path().join("evidence")).unwrap();
    std::fs::create_dir(dir.path().join("scans")).unwrap();
    std::fs::write(dir.path().join("scans/pakta-0.pdf"), PDF).unwrap();
    std::fs::write(dir.path().join("scans/notes.txt"), "not a document").unwrap();
    let path = dir.path().join("pakta.csv");
    let text = format!(
        "nip,agency_code,election,signed_on,signatory,document\n\
         {},,pilkada-2024,2024-09-01,,scans/pakta-0.pdf\n\
         {},,2024-pilkada,02/09/2024,,\n\
         {},,,2024-01-15,,\n\
         ,3273,pilkada-2024,2024-09-03,Sekretaris Daerah and heads of units,\n\
         199001152015032001,,pilkada-2024,2024-09-01,,\n\
         ,9999,pilkada-2024,2024-09-01,,\n\
         {},,pilkada-2029,2024-09-01,,\n\
         {},3215,pilkada-2024,2024-09-01,,\n\
         {},,pilkada-2024,2024-09-01,,scans/missing.pdf\n\
         {},,,2024-09-01,,scans/notes.txt\n\
         {},,pilkada-2024,2024-09-05,,\n",
        nip(0),
        nip(1),
        nip(2),
        nip(3),
        nip(3),
        nip(3),
        nip(3),
        nip(0),
    );
    std::fs::write(&path, text).unwrap();
    let summary = import_pacts(
        db,
        &path,
        options(dir.path(), "pakta.csv"),
        Some(evidence.clone()),
        &elections(),
    )
    .await
    .unwrap();
    assert_eq!(
        (summary.inserted, summary.rejected),
        (4, 7),
        "{:?}",
        summary.first_problems
    );
    let named: Vec<(u64, &str)> = summary
        .first_problems
        .iter()
        .map(|p| (p.line, p.field.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            (6, "nip"),
            (7, "agency_code"),
            (8, "election"),
            (9, "agency_code"),
            (10, "document"),
            (11, "document"),
            (12, "nip"),
        ]
    );
    let messages: Vec<&str> = summary
        .first_problems
        .iter()
        .map(|p| p.message.as_str())
        .collect();
    assert!(messages[0].contains("not on the roster"), "{messages:?}");
    assert!(
        messages[2].contains("unknown election `pilkada-2029`"),
        "{messages:?}"
    );
    assert!(
        messages[5].contains("not a supported evidence type"),
        "{messages:?}"
    );
    assert!(messages[6].contains("already on line 2"), "{messages:?}");

    // The document is evidence, referenced by its SHA-256.
    let mine = pacts_of_person(db, &nip(0)).await.unwrap();
    assert_eq!(mine.len(), 1);
    let sha = mine[0].document_sha256.clone().unwrap();
    assert_eq!(evidence.get(&sha).await.unwrap(), PDF);
    let media: String = sql("SELECT media_type FROM evidence WHERE sha256 = $1")
        .bind(sha)
        .fetch_one(db)
        .await
        .unwrap()
        .get("media_type")
        .unwrap();
    assert_eq!(media, "application/pdf");
    assert_eq!(mine[0].election_code.as_deref(), Some("pilkada-2024"));
    let bandung = pacts_of_agency(db, "3273").await.unwrap();
    assert_eq!((bandung.len(), bandung[0].nip.clone()), (1, None));
    assert_eq!(pacts_of_agency(db, "3215").await.unwrap().len(), 3);

    // Karawang: 4 on the roster, 3 with a pact for the Pilkada (one of them a standing one);
    // Bandung: nobody individually, but an agency-wide pact.
    let coverage = pact_coverage(db, "pilkada-2024").await.unwrap();
    let karawang = coverage.iter().find(|c| c.agency_code == "3215").unwrap();
    assert_eq!(
        (
            karawang.roster,
            karawang.individually_covered,
            karawang.agency_pact
        ),
        (4, 3, false)
    );
    assert_eq!(karawang.share_covered(), Some(0.75));
    let bandung = coverage.iter().find(|c| c.agency_code == "3273").unwrap();
    assert_eq!(
        (
            bandung.roster,
            bandung.individually_covered,
            bandung.agency_pact
        ),
        (2, 0, true)
    );
    assert_eq!(
        (bandung.individual_share(), bandung.share_covered()),
        (Some(0.0), Some(1.0))
    );
    let central = coverage
        .iter()
        .find(|c| c.agency_code == "KEMENKEU")
        .unwrap();
    assert_eq!((central.roster, central.share_covered()), (0, None));
    let pemilu = pact_coverage_of(db, "3215", "pemilu-2024")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(pemilu.individually_covered, 1, "only the standing pact");
    assert!(
        pact_coverage_of(db, "nope", "pemilu-2024")
            .await
            .unwrap()
            .is_none()
    );

    // Again: nothing new, nothing duplicated; a changed date is an update.
    let again = std::fs::read_to_string(&path)
        .unwrap()
        .replace("2024-01-15", "2024-01-16");
    std::fs::write(&path, again).unwrap();
    let summary = import_pacts(
        db,
        &path,
        options(dir.path(), "pakta.csv"),
        Some(evidence),
        &elections(),
    )
    .await
    .unwrap();
    assert_eq!(
        (summary.inserted, summary.updated, summary.unchanged),
        (0, 1, 3)
    );
    let count: i64 = sql("SELECT COUNT(*) AS n FROM integrity_pacts")
        .fetch_one(db)
        .await
        .unwrap()
        .get("n")
        .unwrap();
    assert_eq!(count, 4);
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

async fn leave_and_resignations_answer_by_date(db: &Db) {
    let dir = tempfile::tempdir().unwrap();
    add_roster(db, dir.path()).await;
    let evidence = EvidenceStore::open(dir.path().join("evidence")).unwrap();
    std::fs::write(dir.path().join("sk.pdf"), PDF).unwrap();
    let path = dir.path().join("cltn.csv");
    std::fs::write(
        &path,
        format!(
            "NIP;Starts On;Ends On;Reason;Decree Number;Document\n\
             {};2024-09-01;2024-12-31;spouse runs for regent;800/123/BKPSDM;sk.pdf\n\
             {};2025-01-10;2025-03-31;;;\n\
             {};2024-10-01;2024-09-01;;;\n\
             {};2024-09-01;;;;\n",
            nip(0),
            nip(0),
            nip(1),
            nip(2)
        ),
    )
    .unwrap();
    let summary = import_leave(
        db,
        &path,
        options(dir.path(), "cltn.csv"),
        Some(evidence.clone()),
    )
    .await
    .unwrap();
    assert_eq!(
        (summary.inserted, summary.rejected),
        (2, 2),
        "{:?}",
        summary.first_problems
    );
    let named: Vec<(u64, &str)> = summary
        .first_problems
        .iter()
        .map(|p| (p.line, p.field.as_str()))
        .collect();
    assert_eq!(named, [(4, "Ends On"), (5, "Ends On")]);

    let on = leave_on(db, &nip(0), d(2024, 10, 15))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (on.starts_on, on.decree_number.as_deref()),
        (d(2024, 9, 1), Some("800/123/BKPSDM"))
    );
    assert!(on.document_sha256.is_some());
    assert!(
        leave_on(db, &nip(0), d(2024, 12, 31))
            .await
            .unwrap()
            .is_some(),
        "the last day counts"
    );
    assert!(
        leave_on(db, &nip(0), d(2025, 1, 5))
            .await
            .unwrap()
            .is_none(),
        "between periods"
    );
    assert!(
        leave_on(db, &nip(1), d(2024, 10, 15))
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(leave_of_agency(db, "3215").await.unwrap().len(), 2);

    let path = dir.path().join("mundur.csv");
    std::fs::write(
        &path,
        format!(
            "nip,resigned_on,effective_on,decree_number,document\n\
             {},2024-08-20,2024-09-30,821/45/BKPSDM,sk.pdf\n\
             {},2024-08-20,2024-08-01,,\n\
             000000000000000000,2024-08-20,,,\n",
            nip(4),
            nip(5)
        ),
    )
    .unwrap();
    let summary = import_resignations(db, &path, options(dir.path(), "mundur.csv"), Some(evidence))
        .await
        .unwrap();
    assert_eq!(
        (summary.inserted, summary.rejected),
        (1, 2),
        "{:?}",
        summary.first_problems
    );
    let named: Vec<(u64, &str)> = summary
        .first_problems
        .iter()
        .map(|p| (p.line, p.field.as_str()))
        .collect();
    assert_eq!(named, [(3, "effective_on"), (4, "nip")]);
    let resigned = resigned_by(db, &nip(4), d(2024, 8, 22))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(resigned.effective_on, Some(d(2024, 9, 30)));
    assert!(
        resigned_by(db, &nip(4), d(2024, 8, 20))
            .await
            .unwrap()
            .is_some(),
        "the same day counts"
    );
    assert!(
        resigned_by(db, &nip(4), d(2024, 8, 19))
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        resigned_by(db, &nip(5), d(2025, 1, 1))
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(resignations_of_person(db, &nip(4)).await.unwrap().len(), 1);
    // Without an evidence folder, a row naming a document is a bad row.
    let summary = import_resignations(db, &path, options(dir.path(), "mundur.csv"), None)
        .await
        .unwrap();
    assert_eq!(summary.first_problems[0].field, "document");
    assert!(
        summary.first_problems[0]
            .message
            .contains("no evidence folder")
    );
}
