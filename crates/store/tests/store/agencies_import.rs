//! Importing agencies on both backends: good rows in, bad rows named by line and column,
//! header variants and XLSX, re-imports that update by code without duplicating.

use std::path::Path;

use netral_domain::registry::AgencyField;
use netral_store::registry::{self, import_agencies, list_agencies};
use netral_store::tabular::Mapping;
use netral_store::tabular::pipeline::{FileImportError, FileImportOptions, FileImportSummary};
use netral_store::{Db, sql};
use netral_testkit::{at, on_both};

on_both!(
    agencies_are_imported_and_bad_rows_named,
    a_reimport_updates_by_code_without_duplicating,
    agency_headers_in_any_case_through_a_mapping_or_in_xlsx,
);

const GOOD: &str = "\
code,name,kind,region_code,ppk_title
KEMENKEU,Kementerian Keuangan,central,,Menteri Keuangan
32,Pemerintah Provinsi Jawa Barat,province,32,Gubernur Jawa Barat
3215,Pemerintah Kabupaten Karawang,regency,32.15,Bupati Karawang
3273,Pemerintah Kota Bandung,city,3273,Wali Kota Bandung
";

pub fn options(dir: &Path, name: &str) -> FileImportOptions<AgencyField> {
    let mut options = FileImportOptions::new("test-import", at("2026-02-01T08:00:00Z"));
    options.report_path = Some(dir.join(format!("{name}.errors.csv")));
    options
}

pub async fn import(
    db: &Db,
    path: &Path,
    options: FileImportOptions<AgencyField>,
) -> FileImportSummary {
    import_agencies(db, path, options).await.unwrap()
}

/// Karawang, Bandung, West Java and the finance ministry, from a file.
pub async fn add_agencies(db: &Db, dir: &Path) {
    let path = dir.join("agencies.csv");
    std::fs::write(&path, GOOD).unwrap();
    let summary = import(db, &path, options(dir, "agencies.csv")).await;
    assert_eq!(
        (summary.inserted, summary.rejected),
        (4, 0),
        "{:?}",
        summary.first_problems
    );
}

async fn agencies_are_imported_and_bad_rows_named(db: &Db) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("instansi.csv");
    let bad = format!(
        "{GOOD}\
X1,Pemerintah Desa,desa,32.15,Kepala Desa
X2,Pemerintah Kabupaten Entah,regency,32.60,Bupati
X3,Pemerintah Kabupaten Tanpa Wilayah,regency,,Bupati
3215,Pemerintah Kabupaten Karawang Lagi,regency,32.15,Bupati
X4,PEMERINTAH KAB. KARAWANG,regency,32.15,Bupati
X5,Pemerintah Kota Cimahi,city,32.77,
"
    );
    std::fs::write(&path, bad).unwrap();
    let summary = import(db, &path, options(dir.path(), "instansi.csv")).await;
    assert_eq!(
        (summary.rows_read, summary.inserted, summary.rejected),
        (10, 4, 6)
    );
    let named: Vec<(u64, &str)> = summary
        .first_problems
        .iter()
        .map(|p| (p.line, p.field.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            (6, "kind"),
            (7, "region_code"),
            (8, "region_code"),
            (9, "code"),
            (10, "name"),
            (11, "ppk_title"),
        ]
    );
    let messages: Vec<&str> = summary
        .first_problems
        .iter()
        .map(|p| p.message.as_str())
        .collect();
    assert!(
        messages[1].contains("32.60 is not in the official list"),
        "{messages:?}"
    );
    assert!(messages[3].contains("already on line 4"), "{messages:?}");
    assert!(
        messages[4].contains("agency 3215 already has this name"),
        "{messages:?}"
    );
    let report = std::fs::read_to_string(dir.path().join("instansi.csv.errors.csv")).unwrap();
    assert!(
        report.starts_with("file,line,field,message\ninstansi.csv,6,kind,"),
        "{report}"
    );
    assert_eq!(report.lines().count(), 7);

    let agencies = list_agencies(db).await.unwrap();
    let karawang = agencies.iter().find(|a| a.code == "3215").unwrap();
    assert_eq!(karawang.region_code.as_deref(), Some("32.15"));
    assert_eq!(karawang.kind, "regency");
    let central = agencies.iter().find(|a| a.code == "KEMENKEU").unwrap();
    assert_eq!(central.region_code, None);
    // The roster finds them by name, in another spelling.
    let keys = registry::agency_ids_by_key(db).await.unwrap();
    assert!(keys.contains_key(&netral_domain::roster::agency_key(
        "PEMERINTAH KAB. KARAWANG"
    )));
}

async fn a_reimport_updates_by_code_without_duplicating(db: &Db) {
    let dir = tempfile::tempdir().unwrap();
    add_agencies(db, dir.path()).await;
    let path = dir.path().join("agencies.csv");
    // A new title for Karawang, a renamed Bandung, and a new agency that takes a name freed
    // by the rename on an earlier line.
    let changed = GOOD
        .replace("Bupati Karawang", "Bupati Karawang (Pj.)")
        .replace("Pemerintah Kota Bandung", "Pemkot Bandung Baru")
        + "3277,Pemerintah Kota Bandung,city,32.77,Wali Kota\n";
    std::fs::write(&path, changed).unwrap();
    let summary = import(db, &path, options(dir.path(), "agencies.csv")).await;
    assert_eq!(
        (
            summary.inserted,
            summary.updated,
            summary.unchanged,
            summary.rejected
        ),
        (1, 2, 2, 0),
        "{:?}",
        summary.first_problems
    );
    let count: i64 = sql("SELECT COUNT(*) AS n FROM agencies")
        .fetch_one(db)
        .await
        .unwrap()
        .get("n")
        .unwrap();
    assert_eq!(count, 5);
    let title: String = sql("SELECT ppk_title FROM agencies WHERE code = '3215'")
        .fetch_one(db)
        .await
        .unwrap()
        .get("ppk_title")
        .unwrap();
    assert_eq!(title, "Bupati Karawang (Pj.)");
    // The same file again changes nothing.
    let summary = import(db, &path, options(dir.path(), "agencies.csv")).await;
    assert_eq!(
        (summary.inserted, summary.updated, summary.unchanged),
        (0, 0, 5)
    );
}

async fn agency_headers_in_any_case_through_a_mapping_or_in_xlsx(db: &Db) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("upper.csv");
    std::fs::write(
        &path,
        GOOD.replacen(
            "code,name,kind,region_code,ppk_title",
            "CODE;Name;KIND;Region Code;PPK TITLE",
            1,
        )
        .replace(',', ";"),
    )
    .unwrap();
    let summary = import(db, &path, options(dir.path(), "upper.csv")).await;
    assert_eq!(
        (summary.inserted, summary.rejected),
        (4, 0),
        "{:?}",
        summary.first_problems
    );

    // Other headers through a mapping; without it the file is refused, naming what is missing.
    let path = dir.path().join("kode.csv");
    std::fs::write(
        &path,
        "Kode,Nama Instansi,Jenis,Kode Wilayah,Jabatan PPK\n3216,Pemerintah Kabupaten Bekasi,kabupaten,32.16,Bupati Bekasi\n",
    )
    .unwrap();
    let err = import_agencies(db, &path, options(dir.path(), "kode.csv"))
        .await
        .unwrap_err();
    assert!(matches!(err, FileImportError::Header { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("no column for code, name, kind, region_code, ppk_title"),
        "{err}"
    );
    let mut with_mapping = options(dir.path(), "kode.csv");
    with_mapping.mapping = Some(
        Mapping::parse(
            "code = \"Kode\"\nname = \"Nama Instansi\"\nkind = \"Jenis\"\nregion_code = \"Kode Wilayah\"\nppk_title = \"Jabatan PPK\"",
        )
        .unwrap(),
    );
    let summary = import(db, &path, with_mapping).await;
    assert_eq!(
        (summary.inserted, summary.rejected),
        (1, 0),
        "{:?}",
        summary.first_problems
    );

    let path = dir.path().join("agencies.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, line) in GOOD
        .replace("KEMENKEU", "KEMENDAGRI")
        .replace("Kementerian Keuangan", "Kementerian Dalam Negeri")
        .lines()
        .enumerate()
    {
        for (c, cell) in line.split(',').enumerate() {
            sheet.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    // A region code typed as a number, as spreadsheets make it.
    sheet.write_number(4, 3, 3273.0).unwrap();
    workbook.save(&path).unwrap();
    let summary = import(db, &path, options(dir.path(), "agencies.xlsx")).await;
    assert_eq!(
        (summary.inserted, summary.unchanged, summary.rejected),
        (1, 3, 0),
        "{:?}",
        summary.first_problems
    );
}
