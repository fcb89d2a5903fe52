//! The back office's agency list on both backends: scoped, filtered, paged, with roster sizes
//! and pact coverage; and one agency's people, paged.

use netral_domain::access::Scope;
use netral_domain::registry::AgencyKind;
use netral_store::Db;
use netral_store::registry::agency_overview::{AgencyFilter, agencies_overview, pact_elections};
use netral_store::registry::import_pacts;
use netral_store::registry::lookup::list_agency_roster;
use netral_store::tabular::pipeline::FileImportOptions;
use netral_testkit::{at, on_both};

use crate::candidates::elections;
use crate::prevention::{add_roster, nip};

on_both!(agencies_are_listed_within_scope_with_roster_and_coverage);

async fn agencies_are_listed_within_scope_with_roster_and_coverage(db: &Db) {
    let dir = tempfile::tempdir().unwrap();
    add_roster(db, dir.path()).await;
    let pacts = dir.path().join("pakta.csv");
    std::fs::write(
        &pacts,
        format!(
            "nip,agency_code,election,signed_on\n\
             {},,pilkada-2024,2024-09-01\n\
             {},,,2024-01-15\n\
             {},,pemilu-2024,2023-12-01\n\
             ,3273,pilkada-2024,2024-09-03\n",
            nip(0),
            nip(1),
            nip(2),
        ),
    )
    .unwrap();
    let mut options = FileImportOptions::new("pacts", at("2026-02-01T08:00:00Z"));
    options.report_path = Some(dir.path().join("pakta.csv.errors.csv"));
    let summary = import_pacts(db, &pacts, options, None, &elections())
        .await
        .unwrap();
    assert_eq!(summary.inserted, 4, "{:?}", summary.first_problems);
    assert_eq!(
        pact_elections(db).await.unwrap(),
        ["pilkada-2024", "pemilu-2024"],
        "the latest signed first"
    );

    let all = AgencyFilter::default();
    let page = agencies_overview(db, &Scope::National, &all, "pilkada-2024", 50, 0)
        .await
        .unwrap();
    assert_eq!(page.total, 4);
    let names: Vec<&str> = page
        .lines
        .iter()
        .map(|l| l.coverage.agency_name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Kementerian Keuangan",
            "Pemerintah Kabupaten Karawang",
            "Pemerintah Kota Bandung",
            "Pemerintah Provinsi Jawa Barat"
        ]
    );
    let karawang = &page.lines[1];
    assert_eq!(karawang.kind, "regency");
    assert_eq!(karawang.ppk_title, "Bupati Karawang");
    assert_eq!(karawang.region_code.as_deref(), Some("32.15"));
    assert!(karawang.region_name.is_some());
    assert_eq!(
        (
            karawang.coverage.roster,
            karawang.coverage.individually_covered
        ),
        (4, 2),
        "the Pilkada pact and the standing one, not the Pemilu one"
    );
    let bandung = &page.lines[2];
    assert_eq!(bandung.coverage.share_covered(), Some(1.0));
    assert_eq!(page.lines[0].region_name, None);

    // An agency's people, a page at a time, and only within the scope.
    let people = list_agency_roster(db, karawang.id, &Scope::National, 0)
        .await
        .unwrap();
    assert_eq!(people.len(), 4);
    assert_eq!(
        list_agency_roster(db, karawang.id, &Scope::National, 3)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        list_agency_roster(db, karawang.id, &Scope::Agency(bandung.id), 0)
            .await
            .unwrap()
            .is_empty()
    );

    let west_java = Scope::Province("32".parse().unwrap());
    let page = agencies_overview(db, &west_java, &all, "pilkada-2024", 50, 0)
        .await
        .unwrap();
    assert_eq!(page.total, 3, "not the central ministry");
    let only = Scope::Agency(karawang.id);
    let page = agencies_overview(db, &only, &all, "pilkada-2024", 50, 0)
        .await
        .unwrap();
    assert_eq!((page.total, page.lines[0].id), (1, karawang.id));

    let named = AgencyFilter {
        name: "KOTA band".into(),
        kind: None,
    };
    let page = agencies_overview(db, &Scope::National, &named, "", 50, 0)
        .await
        .unwrap();
    assert_eq!(page.total, 1);
    let regencies = AgencyFilter {
        name: String::new(),
        kind: Some(AgencyKind::Regency),
    };
    let page = agencies_overview(db, &Scope::National, &regencies, "", 50, 0)
        .await
        .unwrap();
    assert_eq!(page.lines.len(), 1);
    assert_eq!(
        page.lines[0].coverage.individually_covered, 1,
        "without an election only standing pacts count"
    );

    let second = agencies_overview(db, &Scope::National, &all, "pilkada-2024", 3, 3)
        .await
        .unwrap();
    assert_eq!((second.total, second.lines.len()), (4, 1));
    assert_eq!(
        second.lines[0].coverage.agency_name,
        "Pemerintah Provinsi Jawa Barat"
    );
}
