//! Declared social-media accounts on both backends: imported from a list (re-import updates,
//! one account one person), listed per civil servant, and found again by handle written any
//! way the import accepts.

use std::path::Path;

use chrono::NaiveDate;
use netral_domain::registry::Platform;
use netral_store::Db;
use netral_store::registry::{accounts_of, find_account_owner, import_accounts};
use netral_store::tabular::pipeline::FileImportOptions;
use netral_testkit::{at, on_both};

use crate::prevention::{add_roster, nip};

on_both!(accounts_are_imported_once_per_person_and_found_by_handle);

fn options<F>(dir: &Path, label: &str) -> FileImportOptions<F> {
    let mut options = FileImportOptions::new(label, at("2026-02-01T08:00:00Z"));
    options.report_path = Some(dir.join("akun.csv.errors.csv"));
    options
}

async fn accounts_are_imported_once_per_person_and_found_by_handle(db: &Db) {
    let dir = tempfile::tempdir().unwrap();
    add_roster(db, dir.path()).await;
    let path = dir.path().join("akun.csv");
    let text = format!(
        "NIP,Platform,Handle,URL,Declared_On\n\
         {a},instagram,@Budi.Santoso,,2024-08-01\n\
         {a},Twitter,,https://twitter.com/Budi_S?s=20,01/08/2024\n\
         {b},x,@budi_s,,2024-08-02\n\
         {b},tiktok,https://www.tiktok.com/@Siti.R,,\n\
         199001152015032001,facebook,siti,,\n\
         {b},myspace,siti,,\n\
         {b},instagram,https://www.instagram.com/budi.santoso/,,\n\
         {a},instagram,budi.santoso,,\n",
        a = nip(0),
        b = nip(4),
    );
    std::fs::write(&path, text).unwrap();
    let summary = import_accounts(db, &path, options(dir.path(), "first"))
        .await
        .unwrap();
    assert_eq!(
        (summary.inserted, summary.rejected),
        (3, 5),
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
            (4, "Handle"),
            (6, "NIP"),
            (7, "Platform"),
            (8, "Handle"),
            (9, "Handle")
        ]
    );
    let messages: Vec<&str> = summary
        .first_problems
        .iter()
        .map(|p| p.message.as_str())
        .collect();
    assert!(
        messages[0].contains(&format!("declared on line 3 by NIP {}", nip(0))),
        "{messages:?}"
    );
    assert!(messages[1].contains("not on the roster"), "{messages:?}");
    assert!(messages[4].contains("already on line 2"), "{messages:?}");

    let mine = accounts_of(db, &nip(0)).await.unwrap();
    assert_eq!(mine.len(), 2);
    assert_eq!(
        (
            mine[0].platform,
            mine[0].handle.as_str(),
            mine[0].handle_normalised.as_str()
        ),
        (Platform::Instagram, "@Budi.Santoso", "budi.santoso")
    );
    assert_eq!(
        mine[0].url.as_deref(),
        Some("https://www.instagram.com/budi.santoso/")
    );
    assert_eq!(mine[0].declared_on, NaiveDate::from_ymd_opt(2024, 8, 1));
    assert_eq!(
        (mine[1].platform, mine[1].handle_normalised.as_str()),
        (Platform::X, "budi_s")
    );
    assert_eq!(
        mine[1].url.as_deref(),
        Some("https://twitter.com/Budi_S?s=20"),
        "the declared address is kept as given"
    );

    for written in ["@BUDI_S", "https://x.com/budi_s", "budi_s"] {
        let owner = find_account_owner(db, Platform::X, written)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(owner.nip, nip(0));
    }
    let owner = find_account_owner(db, Platform::TikTok, "siti.r")
        .await
        .unwrap()
        .unwrap();
    assert_eq!((owner.nip, owner.name.as_str()), (nip(4), "Pegawai 4"));
    assert_eq!(
        find_account_owner(db, Platform::Instagram, "budi_s")
            .await
            .unwrap(),
        None,
        "the same name on another platform is another account"
    );
    assert_eq!(
        find_account_owner(db, Platform::X, "not a handle")
            .await
            .unwrap(),
        None
    );

    // Again, with one account's address and date changed and one unchanged: updated in place.
    let text = format!(
        "nip;platform;handle;url;declared_on\n\
         {a};instagram;budi.santoso;https://instagram.com/budi.santoso;2024-09-01\n\
         {a};twitter;;https://twitter.com/Budi_S?s=20;2024-08-01\n\
         {b};instagram;@budi.santoso;;\n",
        a = nip(0),
        b = nip(4),
    );
    std::fs::write(&path, text).unwrap();
    let again = import_accounts(db, &path, options(dir.path(), "second"))
        .await
        .unwrap();
    assert_eq!(
        (
            again.inserted,
            again.updated,
            again.unchanged,
            again.rejected
        ),
        (0, 1, 1, 1),
        "{:?}",
        again.first_problems
    );
    assert!(
        again.first_problems[0]
            .message
            .contains(&format!("declared on line 2 by NIP {}", nip(0))),
        "{:?}",
        again.first_problems
    );
    let mine = accounts_of(db, &nip(0)).await.unwrap();
    assert_eq!(mine.len(), 2);
    assert_eq!(mine[0].handle, "budi.santoso");
    assert_eq!(mine[0].declared_on, NaiveDate::from_ymd_opt(2024, 9, 1));
    assert_eq!(accounts_of(db, &nip(4)).await.unwrap().len(), 1);

    // Alone in a file, the other person's row meets the stored owner.
    std::fs::write(
        &path,
        format!("nip,platform,handle\n{},instagram,Budi.Santoso\n", nip(4)),
    )
    .unwrap();
    let third = import_accounts(db, &path, options(dir.path(), "third"))
        .await
        .unwrap();
    assert_eq!(third.rejected, 1);
    assert!(
        third.first_problems[0]
            .message
            .contains(&format!("already declared by NIP {}", nip(0))),
        "{:?}",
        third.first_problems
    );
}
