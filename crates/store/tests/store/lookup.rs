//! Searching the roster within a scope, on both backends: by name with or without titles, by
//! NIP and NIK, and never beyond the searcher's province or agency.

use netral_domain::access::Scope;
use netral_store::Db;
use netral_store::registry::lookup::{
    RosterQuery, agencies_in_scope, civil_servant_record, search_roster,
};
use netral_testkit::fixtures::{NIP, SEMARANG_NIP, add_karawang_official, add_semarang_teacher};
use netral_testkit::on_both;

on_both!(
    a_name_is_found_with_or_without_titles_and_within_scope_only,
    a_record_holds_the_person_and_their_agency,
);

async fn add_semarang_official(db: &Db) -> i64 {
    add_semarang_teacher(db, "Hj. Siti Ahmad Suryani, S.Pd.")
        .await
        .1
}

fn query(text: &str) -> RosterQuery {
    RosterQuery {
        text: text.into(),
        agency_id: None,
    }
}

async fn nips(db: &Db, text: &str, scope: &Scope) -> Vec<String> {
    search_roster(db, &query(text), scope)
        .await
        .unwrap()
        .into_iter()
        .map(|line| line.nip)
        .collect()
}

async fn a_name_is_found_with_or_without_titles_and_within_scope_only(db: &Db) {
    let (_, karawang) = add_karawang_official(db).await;
    let semarang = add_semarang_official(db).await;
    let national = Scope::National;
    for typed in [
        "ahmad suryana",
        "AHMAD SURYANA",
        "Drs. H. Ahmad Suryana, M.Si.",
        " ahmad   suryana ",
    ] {
        assert_eq!(nips(db, typed, &national).await, [NIP], "{typed}");
    }
    // "ahmad" is in both names; the Semarang official's title "Hj." is not part of her name.
    assert_eq!(nips(db, "ahmad", &national).await.len(), 2);
    assert!(nips(db, "hj", &national).await.is_empty());
    assert_eq!(nips(db, NIP, &national).await, [NIP]);
    assert_eq!(nips(db, "1985 0312 2010 011 003", &national).await, [NIP]);
    assert!(
        nips(db, "%", &national).await.is_empty(),
        "a LIKE wildcard is a plain character"
    );
    assert!(nips(db, "   ", &national).await.is_empty());

    let west_java = Scope::Province("32".parse().unwrap());
    assert_eq!(nips(db, "ahmad", &west_java).await, [NIP]);
    assert!(nips(db, SEMARANG_NIP, &west_java).await.is_empty());
    assert_eq!(
        nips(db, "ahmad", &Scope::Agency(semarang)).await,
        [SEMARANG_NIP]
    );
    let narrowed = RosterQuery {
        text: "ahmad".into(),
        agency_id: Some(karawang),
    };
    let found = search_roster(db, &narrowed, &national).await.unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].agency, "Pemerintah Kabupaten Karawang");
    // Narrowing to an agency outside the scope finds nothing, it does not widen the scope.
    let outside = RosterQuery {
        text: "ahmad".into(),
        agency_id: Some(semarang),
    };
    assert!(
        search_roster(db, &outside, &west_java)
            .await
            .unwrap()
            .is_empty()
    );

    let choices: Vec<String> = agencies_in_scope(db, &west_java)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(choices, ["Pemerintah Kabupaten Karawang"]);
    assert_eq!(agencies_in_scope(db, &national).await.unwrap().len(), 2);
}

async fn a_record_holds_the_person_and_their_agency(db: &Db) {
    let (_, karawang) = add_karawang_official(db).await;
    let record = civil_servant_record(db, NIP).await.unwrap().unwrap();
    assert_eq!(record.given_name, "Ahmad Suryana");
    assert_eq!(record.front_titles.as_deref(), Some("Drs. H."));
    assert_eq!(record.back_titles.as_deref(), Some("M.Si."));
    assert_eq!(record.birth_date.to_string(), "1985-03-12");
    assert_eq!(record.sex, "male");
    assert_eq!(record.agency_id, karawang);
    assert_eq!(record.agency_region.as_deref(), Some("32.15"));
    assert_eq!(
        record.region_name.as_deref().map(str::to_uppercase),
        Some("KABUPATEN KARAWANG".into())
    );
    assert!(record.cases.is_empty());
    assert!(
        civil_servant_record(db, SEMARANG_NIP)
            .await
            .unwrap()
            .is_none()
    );
}
