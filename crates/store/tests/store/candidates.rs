//! Importing KPU candidate lists on both backends: residences resolved to regions, bad rows
//! named by line and column, header variants and XLSX, re-imports that update without
//! duplicating, unknown elections refused, and the paged listing.

use std::path::Path;

use netral_domain::election::Election;
use netral_domain::ids::Sex;
use netral_domain::registry::{CandidateField, CandidateLevel};
use netral_store::registry::candidates::{
    CandidateFilter, CandidateImportSummary, import_candidates, list_candidates,
};
use netral_store::rules_files::{find_election, load_elections};
use netral_store::tabular::Mapping;
use netral_store::tabular::pipeline::FileImportOptions;
use netral_store::{Db, sql};
use netral_testkit::{at, on_both};

on_both!(
    a_candidate_list_is_imported_with_residences_resolved,
    bad_candidate_rows_are_named_by_line_and_column,
    a_reimport_updates_candidates_without_duplicating,
    candidate_headers_through_a_mapping_or_in_xlsx,
    candidates_are_listed_by_page_and_filter,
);

const HEADER: &str = "tingkat,dapil,nomorPartai,namaPartai,nomorUrut,namaLengkap,jenisKelamin,tempatTinggal,namaPasangan,tanggalLahir";

const GOOD: &str = "\
tingkat,dapil,nomorPartai,namaPartai,nomorUrut,namaLengkap,jenisKelamin,tempatTinggal,namaPasangan,tanggalLahir
dpr,JAWA BARAT VII,1,Partai Satu,1,\"Dr. H. Ahmad Suryana, S.H., M.H.\",L,KAB. KARAWANG,Siti Aminah,1975-03-12
dpr,JAWA BARAT VII,1,Partai Satu,2,Dewi Lestari,P,Kabupaten Karawang,,12-08-1980
dpd,JAWA BARAT,,,7,Budi Santoso,L,KOTA BANDUNG,,
dprd_kabkota,KARAWANG 1,2,Partai Dua,1,Ir. Joko Susilo,L,Atlantis,Rina,01/02/1970
kepala_daerah,KABUPATEN KARAWANG,3,Koalisi Tiga,1,Hj. Ratna Sari,P,KARAWANG,,
";

pub fn elections() -> Vec<(String, Election)> {
    load_elections(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules")).unwrap()
}

fn options(dir: &Path) -> FileImportOptions<CandidateField> {
    let mut options = FileImportOptions::new("test-import", at("2026-02-01T08:00:00Z"));
    options.report_path = Some(dir.join("dct.csv.errors.csv"));
    options
}

async fn import(db: &Db, path: &Path, dir: &Path, code: &str) -> CandidateImportSummary {
    let elections = elections();
    let election = find_election(&elections, code).unwrap();
    import_candidates(db, path, election, options(dir))
        .await
        .unwrap()
}

async fn count(db: &Db) -> i64 {
    sql("SELECT COUNT(*) AS n FROM candidates")
        .fetch_one(db)
        .await
        .unwrap()
        .get("n")
        .unwrap()
}

async fn a_candidate_list_is_imported_with_residences_resolved(db: &Db) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dct.csv");
    std::fs::write(&path, GOOD).unwrap();
    // The election by its file's name as well as its code.
    let summary = import(db, &path, dir.path(), "2024-pemilu").await;
    assert_eq!(
        (
            summary.file.inserted,
            summary.file.rejected,
            summary.residence_unresolved
        ),
        (5, 0, 1),
        "{:?}",
        summary.file.first_problems
    );
    let page = list_candidates(db, "pemilu-2024", &CandidateFilter::default(), 50, 0)
        .await
        .unwrap();
    assert_eq!(page.total, 5);
    let ahmad = page
        .candidates
        .iter()
        .find(|c| c.given_name == "Ahmad Suryana")
        .unwrap();
    assert_eq!(ahmad.name, "Dr. H. Ahmad Suryana, S.H., M.H.");
    assert_eq!(ahmad.front_titles.as_deref(), Some("Dr. H."));
    assert_eq!(ahmad.back_titles.as_deref(), Some("S.H., M.H."));
    assert_eq!(ahmad.residence.as_deref(), Some("KAB. KARAWANG"));
    assert_eq!(ahmad.residence_region_code.as_deref(), Some("32.15"));
    assert_eq!(ahmad.spouse_name.as_deref(), Some("Siti Aminah"));
    assert_eq!(
        ahmad.birth_date,
        chrono::NaiveDate::from_ymd_opt(1975, 3, 12)
    );
    let by_name = |given: &str| {
        page.candidates
            .iter()
            .find(|c| c.given_name == given)
            .unwrap()
            .clone()
    };
    let budi = by_name("Budi Santoso");
    assert_eq!(
        (
            budi.level,
            budi.party_number,
            budi.residence_region_code.as_deref()
        ),
        (CandidateLevel::Dpd, None, Some("32.73"))
    );
    assert_eq!(by_name("Dewi Lestari").sex, Sex::Female);
    let joko = by_name("Joko Susilo");
    assert_eq!(
        (joko.residence.as_deref(), joko.residence_region_code),
        (Some("Atlantis"), None)
    );
    // A bare name that only one regency or city has is resolved.
    assert_eq!(
        by_name("Ratna Sari").residence_region_code.as_deref(),
        Some("32.15")
    );
}

async fn bad_candidate_rows_are_named_by_line_and_column(db: &Db) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dct.csv");
    let bad = format!(
        "{GOOD}\
presiden,INDONESIA,1,Partai Satu,1,Budi,L,,,
dpr,JAWA BARAT VII,,,3,Agus Salim,L,,,
dpr,JAWA BARAT VII,1,Partai Satu,4,Agus Salim,X,,,1980-02-30
dpr,JAWA BARAT VII,1,Partai Satu,2,Dewi Lestari,P,,,
dpr,JAWA BARAT VII,1,Partai Satu,5,Dr.,L,,,
dpr,JAWA BARAT VII,1,Partai Satu,6,Agus
"
    );
    std::fs::write(&path, bad).unwrap();
    let summary = import(db, &path, dir.path(), "pemilu-2024").await;
    assert_eq!((summary.file.inserted, summary.file.rejected), (5, 6));
    let named: Vec<(u64, &str)> = summary
        .file
        .first_problems
        .iter()
        .map(|p| (p.line, p.field.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            (7, "tingkat"),
            (8, "nomorPartai"),
            (8, "namaPartai"),
            (9, "jenisKelamin"),
            (9, "tanggalLahir"),
            (10, "nomorUrut"),
            (11, "namaLengkap"),
            (12, ""),
        ]
    );
    let first = &summary.file.first_problems;
    assert!(
        first[0].message.contains("not one of dpr, dpd"),
        "{first:?}"
    );
    assert!(first[5].message.contains("already on line 3"), "{first:?}");
    assert!(
        first[7]
            .message
            .contains("the row has 6 fields, the header has 10"),
        "{first:?}"
    );
    let report = std::fs::read_to_string(dir.path().join("dct.csv.errors.csv")).unwrap();
    assert!(report.contains("dct.csv,8,nomorPartai,"), "{report}");
    assert_eq!(count(db).await, 5);
}

async fn a_reimport_updates_candidates_without_duplicating(db: &Db) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dct.csv");
    std::fs::write(&path, GOOD).unwrap();
    import(db, &path, dir.path(), "pemilu-2024").await;
    std::fs::write(
        &path,
        GOOD.replace("Dewi Lestari", "\"Dewi Lestari, S.Pd.\""),
    )
    .unwrap();
    let summary = import(db, &path, dir.path(), "pemilu-2024").await;
    assert_eq!(
        (
            summary.file.inserted,
            summary.file.updated,
            summary.file.unchanged
        ),
        (0, 1, 4)
    );
    assert_eq!(count(db).await, 5);
    let page = list_candidates(
        db,
        "pemilu-2024",
        &CandidateFilter {
            name: Some("dewi".into()),
            ..Default::default()
        },
        10,
        0,
    )
    .await
    .unwrap();
    assert_eq!(page.candidates[0].back_titles.as_deref(), Some("S.Pd."));
    // The same list for another election is another list.
    let summary = import(db, &path, dir.path(), "pilkada-2024").await;
    assert_eq!(summary.file.inserted, 5);
    assert_eq!(count(db).await, 10);
    // An unknown election is refused, naming the known ones.
    let err = find_election(&elections(), "2029-pemilu").unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("unknown election `2029-pemilu`"),
        "{message}"
    );
    assert!(
        message.contains("pemilu-2024 (2024-pemilu)")
            && message.contains("pilkada-2024 (2024-pilkada)"),
        "{message}"
    );
}

async fn candidate_headers_through_a_mapping_or_in_xlsx(db: &Db) {
    let dir = tempfile::tempdir().unwrap();
    // KPU's headers in other cases and spacing are found without help.
    let path = dir.path().join("upper.csv");
    std::fs::write(
        &path,
        GOOD.replacen(HEADER, "TINGKAT;DAPIL;NOMOR PARTAI;NAMA PARTAI;NOMOR URUT;NAMA LENGKAP;JENIS KELAMIN;TEMPAT TINGGAL;NAMA PASANGAN;TANGGAL LAHIR", 1)
            .replace("\"Dr. H. Ahmad Suryana, S.H., M.H.\"", "Dr. H. Ahmad Suryana")
            .replace(',', ";"),
    )
    .unwrap();
    let summary = import(db, &path, dir.path(), "pemilu-2024").await;
    assert_eq!(
        (summary.file.inserted, summary.file.rejected),
        (5, 0),
        "{:?}",
        summary.file.first_problems
    );

    let path = dir.path().join("lain.csv");
    std::fs::write(
        &path,
        "Jenis,Daerah Pemilihan,No Partai,Partai,No,Nama,JK\nDPR,JAWA BARAT I,4,Partai Empat,1,Sri Wahyuni,P\n",
    )
    .unwrap();
    let mut with_mapping = options(dir.path());
    with_mapping.mapping = Some(
        Mapping::parse(
            "tingkat = \"Jenis\"\ndapil = \"Daerah Pemilihan\"\nparty_number = \"No Partai\"\nnamaPartai = \"Partai\"\nnumber = \"No\"\nname = \"Nama\"\nsex = \"JK\"",
        )
        .unwrap(),
    );
    let elections = elections();
    let election = find_election(&elections, "pemilu-2024").unwrap();
    let summary = import_candidates(db, &path, election, with_mapping)
        .await
        .unwrap();
    assert_eq!(
        (summary.file.inserted, summary.file.rejected),
        (1, 0),
        "{:?}",
        summary.file.first_problems
    );

    let path = dir.path().join("dct.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, cell) in HEADER.split(',').enumerate() {
        sheet.write_string(0, c as u16, cell).unwrap();
    }
    let row = [
        "dpd",
        "JAWA TENGAH",
        "",
        "",
        "",
        "Agus Salim",
        "L",
        "KOTA SEMARANG",
        "",
        "",
    ];
    for (c, cell) in row.iter().enumerate() {
        sheet.write_string(1, c as u16, *cell).unwrap();
    }
    // Numbers as numbers, a date as a date.
    sheet.write_number(1, 4, 21.0).unwrap();
    sheet
        .write_datetime_with_format(
            1,
            9,
            rust_xlsxwriter::ExcelDateTime::from_ymd(1971, 5, 6).unwrap(),
            &rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy"),
        )
        .unwrap();
    workbook.save(&path).unwrap();
    let summary = import(db, &path, dir.path(), "pemilu-2024").await;
    assert_eq!(
        (summary.file.inserted, summary.file.rejected),
        (1, 0),
        "{:?}",
        summary.file.first_problems
    );
    let page = list_candidates(
        db,
        "pemilu-2024",
        &CandidateFilter {
            dapil: Some("JAWA TENGAH".into()),
            ..Default::default()
        },
        10,
        0,
    )
    .await
    .unwrap();
    let agus = &page.candidates[0];
    assert_eq!(
        (agus.number, agus.birth_date),
        (21, chrono::NaiveDate::from_ymd_opt(1971, 5, 6))
    );
    assert_eq!(agus.residence_region_code.as_deref(), Some("33.74"));
}

async fn candidates_are_listed_by_page_and_filter(db: &Db) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dct.csv");
    let mut text = GOOD.to_owned();
    for n in 3..=12 {
        text.push_str(&format!(
            "dpr,JAWA BARAT VII,1,Partai Satu,{n},Calon Nomor {n},L,,,\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    import(db, &path, dir.path(), "pemilu-2024").await;
    let dpr = CandidateFilter {
        level: Some(CandidateLevel::Dpr),
        ..Default::default()
    };
    let first = list_candidates(db, "pemilu-2024", &dpr, 5, 0)
        .await
        .unwrap();
    assert_eq!(first.total, 12);
    let numbers: Vec<i64> = first.candidates.iter().map(|c| c.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5], "list order");
    let last = list_candidates(db, "pemilu-2024", &dpr, 5, 10)
        .await
        .unwrap();
    assert_eq!(
        last.candidates.iter().map(|c| c.number).collect::<Vec<_>>(),
        [11, 12]
    );
    let named = list_candidates(
        db,
        "pemilu-2024",
        &CandidateFilter {
            name: Some("NOMOR 1".into()),
            ..Default::default()
        },
        50,
        0,
    )
    .await
    .unwrap();
    assert_eq!(named.total, 3, "10, 11, 12");
    let dapil = list_candidates(
        db,
        "pemilu-2024",
        &CandidateFilter {
            dapil: Some("KARAWANG 1".into()),
            ..Default::default()
        },
        50,
        0,
    )
    .await
    .unwrap();
    assert_eq!(dapil.total, 1);
    let other = list_candidates(db, "pilkada-2024", &CandidateFilter::default(), 50, 0)
        .await
        .unwrap();
    assert_eq!(other.total, 0);
}
