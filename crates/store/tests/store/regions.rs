//! The official regions are loaded when the database is migrated, on both backends, and stay
//! loaded once: migrating again changes nothing, and a damaged row is put right.

use netral_store::registry::regions::{self, RegionKind};
use netral_store::registry::{self, NewAgency};
use netral_store::{Db, sql};
use netral_testkit::on_both;

on_both!(
    every_province_regency_and_city_is_loaded,
    known_codes_have_their_names_and_parents,
    loading_is_idempotent_and_repairs,
    agencies_get_a_name_key,
);

fn code(text: &str) -> netral_domain::ids::RegionCode {
    text.parse().unwrap()
}

async fn every_province_regency_and_city_is_loaded(db: &Db) {
    assert_eq!(
        regions::count_by_kind(db).await.unwrap(),
        [
            (RegionKind::Province, 38),
            (RegionKind::Regency, 416),
            (RegionKind::City, 98)
        ]
    );
    let orphans: i64 = sql(
        "SELECT COUNT(*) AS n FROM regions r LEFT JOIN regions p ON p.code = r.parent_code \
         WHERE r.level <> 'province' AND (p.code IS NULL OR p.level <> 'province')",
    )
    .fetch_one(db)
    .await
    .unwrap()
    .get("n")
    .unwrap();
    assert_eq!(orphans, 0, "every regency and city has its province");
    let rootless: i64 = sql(
        "SELECT COUNT(*) AS n FROM regions WHERE level = 'province' AND parent_code IS NOT NULL",
    )
    .fetch_one(db)
    .await
    .unwrap()
    .get("n")
    .unwrap();
    assert_eq!(rootless, 0);
}

async fn known_codes_have_their_names_and_parents(db: &Db) {
    let karawang = regions::find(db, &code("32.15")).await.unwrap().unwrap();
    assert_eq!(karawang.name, "Kabupaten Karawang");
    assert_eq!(karawang.kind, RegionKind::Regency);
    assert_eq!(karawang.parent, Some(code("32")));
    let bandung = regions::find(db, &code("3273")).await.unwrap().unwrap();
    assert_eq!(bandung.name, "Kota Bandung");
    assert_eq!(bandung.kind, RegionKind::City);
    let west_java = regions::find(db, &code("32")).await.unwrap().unwrap();
    assert_eq!(west_java.name, "Jawa Barat");
    assert_eq!(west_java.parent, None);
    let children = regions::children(db, &code("32")).await.unwrap();
    let count = |kind| children.iter().filter(|r| r.kind == kind).count();
    assert_eq!(
        (count(RegionKind::Regency), count(RegionKind::City)),
        (18, 9)
    );
    assert!(
        regions::find(db, &code("32.73.01"))
            .await
            .unwrap()
            .is_none()
    );
}

async fn loading_is_idempotent_and_repairs(db: &Db) {
    let before = regions::count_by_kind(db).await.unwrap();
    let mut tx = db.begin().await.unwrap();
    sql("UPDATE regions SET name = 'KAB. KARAWANG' WHERE code = '32.15'")
        .execute(&mut tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    db.migrate().await.unwrap();
    regions::ensure_loaded(db).await.unwrap();
    assert_eq!(regions::count_by_kind(db).await.unwrap(), before);
    let karawang = regions::find(db, &code("32.15")).await.unwrap().unwrap();
    assert_eq!(
        karawang.name, "Kabupaten Karawang",
        "the shipped name is put back"
    );
}

async fn agencies_get_a_name_key(db: &Db) {
    let mut tx = db.begin().await.unwrap();
    registry::insert_agency(
        &mut tx,
        &NewAgency {
            code: "3273".into(),
            name: "Pemerintah Kota  Bandung".into(),
            kind: "city",
            region_code: Some("32.73".into()),
            ppk_title: "Wali Kota Bandung".into(),
        },
    )
    .await
    .unwrap();
    // As migration 0003 leaves rows that were there before it: a placeholder key.
    sql("INSERT INTO agencies (code, name, name_key, kind, ppk_title) VALUES ('32', 'Pemerintah Provinsi Jawa Barat', '#x', 'province', 'Gubernur Jawa Barat')")
        .execute(&mut tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    db.migrate().await.unwrap();
    let keys = registry::agency_ids_by_key(db).await.unwrap();
    assert!(keys.contains_key("pemerintah kota bandung"), "{keys:?}");
    assert!(
        keys.contains_key("pemerintah provinsi jawa barat"),
        "{keys:?}"
    );
    // The same name with other case and punctuation is the same agency.
    let mut tx = db.begin().await.unwrap();
    let duplicate = registry::insert_agency(
        &mut tx,
        &NewAgency {
            code: "3273-b".into(),
            name: "PEMERINTAH KOTA BANDUNG.".into(),
            kind: "city",
            region_code: None,
            ppk_title: "Wali Kota".into(),
        },
    )
    .await;
    assert!(duplicate.is_err());
}
