//! Importing a SIASN roster export on both backends: good rows in, bad rows reported with
//! file, line and field, header variants, CSV dialects and XLSX, re-imports that update
//! without duplicating, and an interrupted import that converges when run again.

use std::path::Path;

use chrono::NaiveDate;
use netral_domain::roster::Field;
use netral_store::registry::{self, NewAgency};
use netral_store::roster_import::{
    ImportError, ImportOptions, ImportSummary, Mapping, SourceFormat, import_roster,
};
use netral_store::{Backend, Db, sql};
use netral_testkit::roster::{header, person};
use netral_testkit::{TestDb, at, on_both};

on_both!(
    a_good_csv_is_imported_whole,
    every_kind_of_bad_row_is_named_and_good_rows_still_go_in,
    headers_are_found_in_any_case_or_through_a_mapping,
    semicolons_and_a_byte_order_mark_are_read,
    an_xlsx_workbook_is_read,
    a_reimport_updates_what_changed_and_duplicates_nothing,
    a_file_that_is_not_a_roster_is_refused_whole,
    text_that_copy_would_misread_arrives_as_written,
    a_dry_run_reports_and_writes_nothing,
    a_first_load_that_meets_rows_already_there_still_converges,
    a_first_load_is_written_in_nip_order_through_run_files,
);

pub fn write_csv(path: &Path, delimiter: u8, header: &[String], rows: &[Vec<String>]) {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_path(path)
        .unwrap();
    writer.write_record(header).unwrap();
    for row in rows {
        writer.write_record(row).unwrap();
    }
    writer.flush().unwrap();
}

/// Karawang and Bandung, as the roster names them in another spelling.
pub async fn add_agencies(db: &Db) {
    let mut tx = db.begin().await.unwrap();
    for (code, name, kind) in [
        ("3215", "Pemerintah Kabupaten Karawang", "regency"),
        ("3273", "Pemerintah Kota Bandung", "city"),
    ] {
        registry::insert_agency(
            &mut tx,
            &NewAgency {
                code: code.into(),
                name: name.into(),
                kind,
                region_code: None,
                ppk_title: "Kepala Daerah".into(),
            },
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
}

fn options(dir: &Path) -> ImportOptions {
    let mut options = ImportOptions::new("test-import", at("2026-02-01T08:00:00Z"));
    options.report_path = Some(dir.join("roster.csv.errors.csv"));
    options
}

async fn import(db: &Db, path: &Path, options: ImportOptions) -> ImportSummary {
    let mut calls = Vec::new();
    let summary = import_roster(db, path, options, |rows, bytes| calls.push((rows, bytes)))
        .await
        .unwrap();
    assert_eq!(
        calls.last().map(|c| c.0),
        Some(summary.rows_read),
        "progress ends at the total"
    );
    assert!(
        calls
            .windows(2)
            .all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1),
        "progress only moves forward: {calls:?}"
    );
    summary
}

fn report(options: &ImportOptions) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(options.report_path.as_ref().unwrap()).unwrap();
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["file", "line", "field", "message"]
    );
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The table as an import leaves it, ids and timestamps aside: one line per person.
pub async fn roster_contents(db: &Db) -> Vec<String> {
    sql("SELECT nip, nip_lama, nik, name, given_name, front_titles, back_titles, sex, birth_date, \
         birth_place, employee_type, status, agency_id, unit, work_location, position_type, position, \
         eselon, rank FROM civil_servants ORDER BY nip")
        .fetch_all(db)
        .await
        .unwrap()
        .iter()
        .map(|row| {
            let mut line = Vec::new();
            for column in [
                "nip", "nip_lama", "nik", "name", "given_name", "front_titles", "back_titles",
                "sex", "birth_place", "employee_type", "status", "unit", "work_location",
                "position_type", "position", "eselon", "rank",
            ] {
                line.push(row.get::<Option<String>>(column).unwrap().unwrap_or("∅".into()));
            }
            line.push(row.get::<NaiveDate>("birth_date").unwrap().to_string());
            line.push(row.get::<i64>("agency_id").unwrap().to_string());
            line.join("|")
        })
        .collect()
}

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

async fn a_good_csv_is_imported_whole(db: &Db) {
    add_agencies(db).await;
    let dir = dir();
    let path = dir.path().join("roster.csv");
    let rows: Vec<Vec<String>> = (0..12).map(person).collect();
    write_csv(&path, b',', &header(), &rows);
    let options = options(dir.path());
    let summary = import(db, &path, options.clone()).await;
    assert_eq!(summary.format, SourceFormat::Csv { delimiter: ',' });
    assert_eq!(
        (
            summary.rows_read,
            summary.inserted,
            summary.updated,
            summary.unchanged,
            summary.rejected
        ),
        (12, 12, 0, 0, 0)
    );
    assert_eq!(summary.problems, 0);
    assert_eq!(
        report(&options),
        Vec::<Vec<String>>::new(),
        "an empty report is written"
    );
    assert_eq!(registry::count_civil_servants(db).await.unwrap(), 12);

    // Row 6: "H." + "Muhammad Yusuf" + "S.Pd.", a man in Karawang.
    let nip = &rows[6][Field::Nip.index()];
    let row = sql(
        "SELECT p.name, p.given_name, p.front_titles, p.back_titles, p.sex, p.employee_type, \
                   p.status, p.rank, p.nip_lama, p.position, p.import_batch, p.updated_at, a.code \
                   FROM civil_servants p JOIN agencies a ON a.id = p.agency_id WHERE p.nip = $1",
    )
    .bind(nip.clone())
    .fetch_one(db)
    .await
    .unwrap();
    let text = |c| row.get::<Option<String>>(c).unwrap();
    assert_eq!(text("name").as_deref(), Some("H. Muhammad Yusuf, S.Pd."));
    assert_eq!(text("given_name").as_deref(), Some("Muhammad Yusuf"));
    assert_eq!(text("front_titles").as_deref(), Some("H."));
    assert_eq!(text("back_titles").as_deref(), Some("S.Pd."));
    assert_eq!(text("sex").as_deref(), Some("male"));
    assert_eq!(text("employee_type").as_deref(), Some("pns"));
    assert_eq!(text("status").as_deref(), Some("Aktif"));
    assert_eq!(text("rank").as_deref(), Some("III/a"));
    assert_eq!(text("nip_lama").as_deref(), Some("130123456"));
    assert_eq!(text("import_batch").as_deref(), Some("test-import"));
    assert_eq!(
        text("code").as_deref(),
        Some("3215"),
        "found by a differently written name"
    );
    assert_eq!(
        row.get::<chrono::DateTime<chrono::Utc>>("updated_at")
            .unwrap(),
        at("2026-02-01T08:00:00Z")
    );
    // Empty columns are NULL, not empty text: row 0 has no titles, row 1 no old NIP, neither
    // an eselon.
    for (i, columns) in [
        (0, ["front_titles", "back_titles", "eselon"]),
        (1, ["nip_lama", "eselon", "eselon"]),
    ] {
        let row = sql(
            "SELECT front_titles, back_titles, nip_lama, eselon FROM civil_servants WHERE nip = $1",
        )
        .bind(rows[i][Field::Nip.index()].clone())
        .fetch_one(db)
        .await
        .unwrap();
        for column in columns {
            assert_eq!(row.get::<Option<String>>(column).unwrap(), None, "{column}");
        }
    }
    // The one-by-one lookup the public form uses finds imported people.
    let found = registry::find_by_nip(db, &nip.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.agency, "Pemerintah Kabupaten Karawang");
}

async fn every_kind_of_bad_row_is_named_and_good_rows_still_go_in(db: &Db) {
    add_agencies(db).await;
    let dir = dir();
    let path = dir.path().join("roster.csv");
    let mut rows: Vec<Vec<String>> = (0..10).map(person).collect();
    let set = |rows: &mut Vec<Vec<String>>, i: usize, field: Field, value: &str| {
        rows[i][field.index()] = value.to_owned();
    };
    // Line = index + 2 (the header is line 1).
    set(&mut rows, 1, Field::Nip, "19600102201402200"); // line 3: 17 digits
    set(&mut rows, 2, Field::BirthDate, "1960-01-04"); // line 4: NIP says 1960-01-03
    set(&mut rows, 3, Field::Sex, "Laki-laki"); // line 5: NIP says female
    set(&mut rows, 4, Field::Nik, "3215014501600"); // line 6: 13 digits
    let first = rows[0][Field::Nip.index()].clone();
    rows[5] = rows[0].clone(); // line 7: duplicate of line 2, in another position
    set(&mut rows, 5, Field::Position, "Pengawas Sekolah");
    set(&mut rows, 6, Field::Agency, "Pemerintah Kab. Entah"); // line 8: unknown agency
    set(&mut rows, 6, Field::ParentUnit, "");
    set(&mut rows, 7, Field::Name, ""); // line 9: no name
    set(&mut rows, 8, Field::BirthDate, "31/02/1960"); // line 10: not a date
    write_csv(&path, b',', &header(), &rows);
    let options = options(dir.path());
    let summary = import(db, &path, options.clone()).await;
    assert_eq!(
        (summary.rows_read, summary.inserted, summary.rejected),
        (10, 2, 8)
    );
    let found: Vec<(String, String, String)> = report(&options)
        .into_iter()
        .map(|r| {
            assert_eq!(r[0], "roster.csv");
            (r[1].clone(), r[2].clone(), r[3].clone())
        })
        .collect();
    let expect = [
        ("3", "nipBaru", "NIP must be 18 digits, got 17"),
        (
            "4",
            "tglLahir",
            "birth date 1960-01-04 disagrees with the NIP, which says 1960-01-03",
        ),
        (
            "5",
            "jenisKelamin",
            "sex \"Laki-laki\" disagrees with the NIP, which says female",
        ),
        ("6", "nik", "NIK must be 16 digits, got 13"),
        ("7", "nipBaru", "appears again: it was already on line 2"),
        (
            "8",
            "instansiIndukNama",
            "agency \"Pemerintah Kab. Entah\" is not in the registry",
        ),
        ("9", "nama", "name is missing"),
        ("10", "tglLahir", "birth date \"31/02/1960\" is not a date"),
    ];
    assert_eq!(found.len(), expect.len(), "{found:#?}");
    for ((line, field, message), (want_line, want_field, want_message)) in found.iter().zip(expect)
    {
        assert_eq!(
            (line.as_str(), field.as_str()),
            (want_line, want_field),
            "{found:#?}"
        );
        assert!(message.contains(want_message), "line {line}: {message}");
    }
    assert_eq!(summary.first_problems.len(), 8);
    assert_eq!(summary.first_problems[0].line, 3);
    // The good rows went in; the first of the duplicates is one of them.
    let contents = roster_contents(db).await;
    assert_eq!(contents.len(), 2);
    assert!(contents.iter().any(|line| line.starts_with(&first)));
}

async fn headers_are_found_in_any_case_or_through_a_mapping(db: &Db) {
    add_agencies(db).await;
    let dir = dir();
    // Lowercase with spaces, as a spreadsheet user retypes them.
    let spaced: Vec<String> = [
        "nip baru",
        "nip lama",
        "nama",
        "gelar depan",
        "gelar belakang",
        "tempat lahir",
        "tgl lahir",
        "jenis kelamin",
        "nik",
        "jenis pegawai nama",
        "kedudukan pns nama",
        "instansi induk nama",
        "satuan kerja induk nama",
        "unor nama",
        "lokasi kerja",
        "jenis jabatan",
        "jabatan nama",
        "eselon",
        "gol ruang akhir",
    ]
    .map(str::to_owned)
    .to_vec();
    let path = dir.path().join("spaced.csv");
    write_csv(
        &path,
        b',',
        &spaced,
        &(0..4).map(person).collect::<Vec<_>>(),
    );
    let summary = import(db, &path, options(dir.path())).await;
    assert_eq!((summary.inserted, summary.rejected), (4, 0));
    let rank: Option<String> = sql("SELECT rank FROM civil_servants LIMIT 1")
        .fetch_one(db)
        .await
        .unwrap()
        .get("rank")
        .unwrap();
    assert_eq!(
        rank.as_deref(),
        Some("III/a"),
        "optional columns were found too"
    );

    // Other headers, through a mapping file; columns not mapped and unknown are ignored.
    let mut own = header();
    own[Field::Nip.index()] = "NOMOR INDUK PEGAWAI".into();
    own[Field::Name.index()] = "Nama Lengkap".into();
    own[Field::Agency.index()] = "Instansi".into();
    own[Field::Position.index()] = "Jabatan".into();
    let path = dir.path().join("own.csv");
    let rows: Vec<Vec<String>> = (10..14).map(person).collect();
    write_csv(&path, b',', &own, &rows);
    let mapping_path = dir.path().join("mapping.toml");
    std::fs::write(
        &mapping_path,
        "nip = \"Nomor Induk Pegawai\"\nnama = \"NAMA LENGKAP\"\ninstansiIndukNama = \"Instansi\"\nposition = \"Jabatan\"\n",
    )
    .unwrap();
    let mut with_mapping = options(dir.path());
    with_mapping.mapping = Some(Mapping::load(&mapping_path).unwrap());
    let summary = import(db, &path, with_mapping.clone()).await;
    assert_eq!(
        (summary.inserted, summary.rejected),
        (4, 0),
        "{:?}",
        summary.first_problems
    );
    // Without the mapping the file is refused, naming what is missing.
    let err = import_roster(db, &path, options(dir.path()), |_, _| {})
        .await
        .unwrap_err();
    assert!(matches!(err, ImportError::Header { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("no column for nipBaru, nama, instansiIndukNama"),
        "{err}"
    );
    // A bad report names the mapped header.
    let mut bad = rows.clone();
    bad[0][Field::Nip.index()] = "x".into();
    write_csv(&path, b',', &own, &bad);
    let summary = import(db, &path, with_mapping.clone()).await;
    assert_eq!(summary.first_problems[0].field, "NOMOR INDUK PEGAWAI");
}

async fn semicolons_and_a_byte_order_mark_are_read(db: &Db) {
    add_agencies(db).await;
    let dir = dir();
    let path = dir.path().join("excel.csv");
    let mut rows: Vec<Vec<String>> = (0..5).map(person).collect();
    // A field with the delimiter in it, quoted, and a name with a non-ASCII letter.
    rows[0][Field::Unit.index()] = "Bidang A; Seksi B".into();
    rows[1][Field::Name.index()] = "Siti Ma’rifah".into();
    write_csv(&path, b';', &header(), &rows);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&path).unwrap());
    // Windows line ends, as Excel writes them.
    let text = String::from_utf8(bytes).unwrap().replace('\n', "\r\n");
    std::fs::write(&path, text).unwrap();
    let summary = import(db, &path, options(dir.path())).await;
    assert_eq!(summary.format, SourceFormat::Csv { delimiter: ';' });
    assert_eq!(
        (summary.inserted, summary.rejected),
        (5, 0),
        "{:?}",
        summary.first_problems
    );
    let unit: String = sql("SELECT unit FROM civil_servants WHERE nip = $1")
        .bind(rows[0][Field::Nip.index()].clone())
        .fetch_one(db)
        .await
        .unwrap()
        .get("unit")
        .unwrap();
    assert_eq!(unit, "Bidang A; Seksi B");
    let name: String = sql("SELECT given_name FROM civil_servants WHERE nip = $1")
        .bind(rows[1][Field::Nip.index()].clone())
        .fetch_one(db)
        .await
        .unwrap()
        .get("given_name")
        .unwrap();
    assert_eq!(name, "Siti Ma’rifah");
    // A row with a field too many is named by its line, not guessed at.
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(&format!("{};extra\r\n", person(7).join(";")));
    std::fs::write(&path, text).unwrap();
    let summary = import(db, &path, options(dir.path())).await;
    assert_eq!(summary.rejected, 1);
    assert_eq!(summary.first_problems[0].line, 7);
    assert!(
        summary.first_problems[0]
            .message
            .contains("20 fields, the header has 19")
    );
}

async fn an_xlsx_workbook_is_read(db: &Db) {
    use chrono::Datelike;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    add_agencies(db).await;
    let dir = dir();
    let path = dir.path().join("roster.xlsx");
    let rows: Vec<Vec<String>> = (0..6).map(person).collect();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Data PNS").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (column, name) in header().iter().enumerate() {
        sheet.write_string(0, column as u16, name).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (column, value) in row.iter().enumerate() {
            let column = column as u16;
            if column as usize == Field::BirthDate.index() {
                // A real date cell, as Excel keeps dates.
                let d = NaiveDate::parse_from_str(value, "%d-%m-%Y").unwrap();
                let cell = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                    .unwrap();
                sheet
                    .write_datetime_with_format(r, column, &cell, &date)
                    .unwrap();
            } else if !value.is_empty() {
                sheet.write_string(r, column, value).unwrap();
            }
        }
    }
    // An 18-digit NIP typed into a number cell has lost digits: refused, not guessed.
    let mut last = person(6);
    last[Field::BirthDate.index()].clear();
    for (column, value) in last.iter().enumerate() {
        if column == Field::Nip.index() {
            sheet
                .write_number(7, column as u16, value.parse::<f64>().unwrap())
                .unwrap();
        } else if !value.is_empty() {
            sheet.write_string(7, column as u16, value).unwrap();
        }
    }
    workbook.save(&path).unwrap();

    let options = options(dir.path());
    let summary = import(db, &path, options.clone()).await;
    assert_eq!(summary.format, SourceFormat::Xlsx);
    assert_eq!(
        (summary.rows_read, summary.inserted, summary.rejected),
        (7, 6, 1),
        "{:?}",
        summary.first_problems
    );
    let problem = &summary.first_problems[0];
    assert_eq!((problem.line, problem.field.as_str()), (8, "nipBaru"));
    assert!(
        problem.message.contains("lost its last digits"),
        "{problem:?}"
    );
    assert_eq!(report(&options).len(), 1);
}

async fn a_reimport_updates_what_changed_and_duplicates_nothing(db: &Db) {
    add_agencies(db).await;
    let dir = dir();
    let path = dir.path().join("roster.csv");
    let mut rows: Vec<Vec<String>> = (0..30).map(person).collect();
    write_csv(&path, b',', &header(), &rows);
    let mut options = options(dir.path());
    options.batch_size = 7;
    let first = import(db, &path, options.clone()).await;
    assert_eq!((first.inserted, first.batches), (30, 5));

    rows[4][Field::Position.index()] = "Kepala Sekolah".into();
    rows[9][Field::Agency.index()] = "Pemerintah Kota Bandung".into();
    rows.push(person(30));
    write_csv(&path, b',', &header(), &rows);
    options.label = "second".into();
    options.now = at("2026-03-01T08:00:00Z");
    let second = import(db, &path, options.clone()).await;
    assert_eq!(
        (second.inserted, second.updated, second.unchanged),
        (1, 1, 29),
        "row 9 already was in Bandung: the name's spelling is no change"
    );
    assert_eq!(registry::count_civil_servants(db).await.unwrap(), 31);
    let row = sql("SELECT position, import_batch FROM civil_servants WHERE nip = $1")
        .bind(rows[4][Field::Nip.index()].clone())
        .fetch_one(db)
        .await
        .unwrap();
    assert_eq!(row.get::<String>("position").unwrap(), "Kepala Sekolah");
    assert_eq!(row.get::<String>("import_batch").unwrap(), "second");
    let untouched: String = sql("SELECT import_batch FROM civil_servants WHERE nip = $1")
        .bind(rows[5][Field::Nip.index()].clone())
        .fetch_one(db)
        .await
        .unwrap()
        .get("import_batch")
        .unwrap();
    assert_eq!(
        untouched, "test-import",
        "an unchanged row keeps the import that wrote it"
    );
}

async fn a_file_that_is_not_a_roster_is_refused_whole(db: &Db) {
    add_agencies(db).await;
    let dir = dir();
    let missing = dir.path().join("nowhere.csv");
    let err = import_roster(db, &missing, options(dir.path()), |_, _| {})
        .await
        .unwrap_err();
    assert!(matches!(err, ImportError::Open { .. }), "{err}");
    assert!(err.to_string().contains("nowhere.csv"), "{err}");
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let err = import_roster(db, &empty, options(dir.path()), |_, _| {})
        .await
        .unwrap_err();
    assert!(err.to_string().contains("empty"), "{err}");
    assert_eq!(registry::count_civil_servants(db).await.unwrap(), 0);
}

/// An import that dies in the middle of a batch keeps the batches before it, nothing of the
/// one it died in, and run again ends exactly where a clean import ends.
async fn interrupted_then_rerun(interrupted: TestDb, clean: TestDb) {
    let dir = dir();
    let path = dir.path().join("roster.csv");
    write_csv(
        &path,
        b',',
        &header(),
        &(0..95).map(person).collect::<Vec<_>>(),
    );
    let mut options = options(dir.path());
    options.batch_size = 20;

    add_agencies(&interrupted.db).await;
    let mut crashing = options.clone();
    crashing.fail_before_commit_of_batch = Some(3);
    let err = import_roster(&interrupted.db, &path, crashing, |_, _| {})
        .await
        .unwrap_err();
    assert!(matches!(err, ImportError::Interrupted), "{err}");
    // SQLite writes one batch at a time: batches 1 and 2 are kept. PostgreSQL writes two side
    // by side and lets the ones in flight finish, so later batches (4, 5) may be kept too.
    // Whole batches either way, and nothing of batch 3.
    let mut kept_batches = Vec::new();
    for (batch, rows) in [
        (1, 0..20),
        (2, 20..40),
        (3, 40..60),
        (4, 60..80),
        (5, 80..95),
    ] {
        let size = rows.len() as i64;
        let mut present = 0;
        for i in rows {
            let found: i64 = sql("SELECT COUNT(*) AS n FROM civil_servants WHERE nip = $1")
                .bind(person(i)[Field::Nip.index()].clone())
                .fetch_one(&interrupted.db)
                .await
                .unwrap()
                .get("n")
                .unwrap();
            present += found;
        }
        assert!(
            present == 0 || present == size,
            "batch {batch}: {present} of {size} rows"
        );
        if present > 0 {
            kept_batches.push(batch);
        }
    }
    match interrupted.db.backend() {
        Backend::Sqlite => assert_eq!(kept_batches, [1, 2]),
        Backend::Postgres => {
            assert!(
                kept_batches.starts_with(&[1, 2]) && !kept_batches.contains(&3),
                "{kept_batches:?}"
            )
        }
    }
    let kept = registry::count_civil_servants(&interrupted.db)
        .await
        .unwrap() as u64;
    let rerun = import(&interrupted.db, &path, options.clone()).await;
    assert_eq!((rerun.inserted, rerun.unchanged), (95 - kept, kept));

    add_agencies(&clean.db).await;
    let once = import(&clean.db, &path, options).await;
    assert_eq!(once.inserted, 95);
    assert_eq!(
        roster_contents(&interrupted.db).await,
        roster_contents(&clean.db).await
    );
    interrupted.finish().await;
    clean.finish().await;
}

mod an_interrupted_import_run_again_ends_as_a_clean_one {
    use netral_testkit::TestDb;

    #[tokio::test]
    async fn sqlite() {
        super::interrupted_then_rerun(TestDb::sqlite().await, TestDb::sqlite().await).await;
    }

    #[tokio::test]
    async fn postgres() {
        super::interrupted_then_rerun(TestDb::postgres().await, TestDb::postgres().await).await;
    }
}

/// PostgreSQL receives batches through `COPY`'s text format, where tab, newline, backslash and
/// `\N` mean something: values holding them must arrive as the file wrote them.
async fn text_that_copy_would_misread_arrives_as_written(db: &Db) {
    add_agencies(db).await;
    let dir = dir();
    let path = dir.path().join("roster.csv");
    let mut rows: Vec<Vec<String>> = (0..6).map(person).collect();
    rows[0][Field::BirthPlace.index()] = "Tab\there".into();
    rows[1][Field::Unit.index()] = "Back\\slash and \\N and \\t".into();
    rows[2][Field::WorkLocation.index()] = "two\nlines\r\nand a return".into();
    rows[3][Field::Position.index()] = "\"Quoted\", it's; comma, too".into();
    rows[4][Field::Name.index()] = "Ni'mah O'Neil".into();
    rows[5][Field::Status.index()] = "\\N".into();
    write_csv(&path, b',', &header(), &rows);
    let mut options = options(dir.path());
    options.batch_size = 4;
    let first = import(db, &path, options.clone()).await;
    assert_eq!(
        (first.inserted, first.rejected),
        (6, 0),
        "{:?}",
        first.first_problems
    );

    let stored = |column: &'static str, i: usize| {
        sql(match column {
            "birth_place" => "SELECT birth_place AS v FROM civil_servants WHERE nip = $1",
            "unit" => "SELECT unit AS v FROM civil_servants WHERE nip = $1",
            "work_location" => "SELECT work_location AS v FROM civil_servants WHERE nip = $1",
            "position" => "SELECT position AS v FROM civil_servants WHERE nip = $1",
            "given_name" => "SELECT given_name AS v FROM civil_servants WHERE nip = $1",
            _ => "SELECT status AS v FROM civil_servants WHERE nip = $1",
        })
        .bind(rows[i][Field::Nip.index()].clone())
    };
    for (column, i, expected) in [
        ("birth_place", 0, "Tab\there"),
        ("unit", 1, "Back\\slash and \\N and \\t"),
        ("work_location", 2, "two\nlines\r\nand a return"),
        ("position", 3, "\"Quoted\", it's; comma, too"),
        ("given_name", 4, "Ni'mah O'Neil"),
        ("status", 5, "\\N"),
    ] {
        let value: Option<String> = stored(column, i)
            .fetch_one(db)
            .await
            .unwrap()
            .get("v")
            .unwrap();
        assert_eq!(value.as_deref(), Some(expected), "{column} of row {i}");
    }
    let nip_lama: Option<String> = sql("SELECT nip_lama FROM civil_servants WHERE nip = $1")
        .bind(rows[1][Field::Nip.index()].clone())
        .fetch_one(db)
        .await
        .unwrap()
        .get("nip_lama")
        .unwrap();
    assert_eq!(nip_lama, None, "an empty cell is NULL, not the text \\N");

    let before = roster_contents(db).await;
    let again = import(db, &path, options).await;
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 6));
    assert_eq!(roster_contents(db).await, before);
}

async fn a_dry_run_reports_and_writes_nothing(db: &Db) {
    add_agencies(db).await;
    let dir = dir();
    let path = dir.path().join("roster.csv");
    let mut rows: Vec<Vec<String>> = (0..10).map(person).collect();
    rows[3] = rows[1].clone();
    rows[6][Field::Agency.index()] = "Pemerintah Kota Atlantis".into();
    rows[6][Field::ParentUnit.index()] = String::new();
    write_csv(&path, b',', &header(), &rows);
    let mut options = options(dir.path());
    options.dry_run = true;
    let summary = import(db, &path, options.clone()).await;
    assert_eq!(
        (summary.rows_read, summary.rejected, summary.inserted),
        (10, 2, 0)
    );
    assert_eq!(registry::count_civil_servants(db).await.unwrap(), 0);
    let lines: Vec<(String, String)> = report(&options)
        .into_iter()
        .map(|r| (r[1].clone(), r[2].clone()))
        .collect();
    assert_eq!(
        lines,
        [
            ("5".to_owned(), "nipBaru".to_owned()),
            ("8".to_owned(), "instansiIndukNama".to_owned())
        ]
    );
}

/// A first load (empty table) is copied straight in on PostgreSQL; a batch that meets rows
/// already there (another writer's) falls back to the upsert and ends the same. The test hook
/// makes the import take the table for empty when it is not.
async fn a_first_load_that_meets_rows_already_there_still_converges(db: &Db) {
    add_agencies(db).await;
    let dir = dir();
    let path = dir.path().join("roster.csv");
    let mut rows: Vec<Vec<String>> = (0..20).map(person).collect();
    write_csv(&path, b',', &header(), &rows[..9]);
    let mut options = options(dir.path());
    options.batch_size = 5;
    let before = import(db, &path, options.clone()).await;
    assert_eq!(before.inserted, 9);

    rows[3][Field::Position.index()] = "Kepala Sekolah".into();
    rows[15][Field::BirthPlace.index()] = "Đặng — Ñoño 日本語".into();
    write_csv(&path, b',', &header(), &rows);
    options.batch_size = 6;
    options.label = "national\tload \\ ü".into();
    options.now = at("2026-03-01T08:00:00Z");
    options.assume_empty_table = Some(true);
    let load = import(db, &path, options.clone()).await;
    assert_eq!(
        (load.inserted, load.updated, load.unchanged, load.rejected),
        (11, 1, 8, 0),
        "batches 1-2 meet rows already there, 3-4 are new"
    );
    assert_eq!(registry::count_civil_servants(db).await.unwrap(), 20);
    for (i, column, expected) in [
        (3, "position", "Kepala Sekolah"),
        (15, "birth_place", "Đặng — Ñoño 日本語"),
        (15, "import_batch", "national\tload \\ ü"),
        (3, "import_batch", "national\tload \\ ü"),
        (4, "import_batch", "test-import"),
    ] {
        let row = sql(
            "SELECT position, birth_place, import_batch, updated_at FROM civil_servants \
                       WHERE nip = $1",
        )
        .bind(rows[i][Field::Nip.index()].clone())
        .fetch_one(db)
        .await
        .unwrap();
        assert_eq!(row.get::<String>(column).unwrap(), expected, "row {i}");
        if i != 4 {
            assert_eq!(
                row.get::<chrono::DateTime<chrono::Utc>>("updated_at")
                    .unwrap(),
                at("2026-03-01T08:00:00Z")
            );
        }
    }
    let loaded = roster_contents(db).await;

    // The same file again, the table looked at this time: nothing to write.
    options.assume_empty_table = None;
    let again = import(db, &path, options.clone()).await;
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 20));
    assert_eq!(roster_contents(db).await, loaded);
}

/// Into an empty table the rows go in NIP order whatever the file's order, sorted in runs
/// spilled to disk (a tiny run size here, so that a small file makes several) and merged; the
/// rows arrive exactly as the usual upsert would have written them.
async fn a_first_load_is_written_in_nip_order_through_run_files(db: &Db) {
    add_agencies(db).await;
    let dir = dir();
    let path = dir.path().join("roster.csv");
    // A shuffled file: `person`'s NIPs grow with its index.
    let rows: Vec<Vec<String>> = (0..61).map(|i| person((i * 37) % 61)).collect();
    write_csv(&path, b',', &header(), &rows);
    let size = std::fs::metadata(&path).unwrap().len();
    let mut options = options(dir.path());
    options.batch_size = 8;
    options.sort_run_bytes = 2_000;

    let mut calls = Vec::new();
    let load = import_roster(db, &path, options.clone(), |rows, bytes| {
        calls.push((rows, bytes))
    })
    .await
    .unwrap();
    assert_eq!((load.inserted, load.rejected), (61, 0));
    let in_written_order: Vec<String> = sql("SELECT nip FROM civil_servants ORDER BY id")
        .fetch_all(db)
        .await
        .unwrap()
        .iter()
        .map(|row| row.get("nip").unwrap())
        .collect();
    let mut sorted = in_written_order.clone();
    sorted.sort();
    assert_eq!(in_written_order.len(), 61);
    // Ids tell the order rows went in only where one batch is written at a time: PostgreSQL
    // writes two side by side, drawing ids from the same sequence.
    if db.backend() == Backend::Sqlite {
        assert_eq!(in_written_order, sorted, "written in NIP order");
    }

    // Reading counts for the first half of the file's bytes, writing for the second.
    assert!(calls.windows(2).all(|w| w[0] <= w[1]), "{calls:?}");
    assert!(
        calls
            .iter()
            .any(|&(_, bytes)| bytes > 0 && bytes <= size / 2),
        "{calls:?}"
    );
    assert_eq!(calls.last(), Some(&(61, size)));

    // The upsert finds nothing to change: every value arrived as it would have without sorting.
    options.assume_empty_table = Some(false);
    let again = import(db, &path, options).await;
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 61));
}
