//! Screening leads on both backends: stored once per record and civil servant, only for people
//! on the roster; accepted into a report on the Lead channel once; rejected and remembered;
//! expired after the retention period unless a report rests on them.

use chrono::{Duration, TimeZone, Utc};
use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_store::accounts::{self, StaffUser};
use netral_store::screening::review::{ReviewError, accept, reject};
use netral_store::screening::{NewLead, purge_before, queue, record_leads};
use netral_store::{Db, sql};
use netral_testkit::fixtures::{NIP, add_karawang_official};
use netral_testkit::{at, on_both, rules};

use super::accounts::new_user;

on_both!(leads_are_kept_once_decided_once_and_expire_unless_reported);

fn lead(nip: &str, sha: char) -> NewLead {
    NewLead {
        nip: nip.into(),
        election: "pilkada-2024".into(),
        violation: "MEDSOS_INTERAKSI".into(),
        score: 0.9,
        owner_basis: "declared".into(),
        owner_confidence: 1.0,
        platform: "instagram".into(),
        handle: "ahmad.suryana".into(),
        action: "like".into(),
        text: String::new(),
        target: Some("@relawan.paslon2".into()),
        url: format!("https://instagram.com/p/{sha}"),
        at: Utc.with_ymd_and_hms(2024, 10, 1, 1, 0, 0).unwrap(),
        reasons: vec!["menyukai postingan akun kampanye @relawan.paslon2".into()],
        record_sha256: sha.to_string().repeat(64),
    }
}

async fn verifier(db: &Db) -> StaffUser {
    let id = accounts::create_user(
        db,
        &new_user("satgas", Role::Verifier, ScopeSpec::National),
        netral_store::audit::Actor::SYSTEM,
        at("2024-10-02T01:00:00Z"),
    )
    .await
    .unwrap();
    accounts::get_user(db, id).await.unwrap().unwrap()
}

async fn leads_are_kept_once_decided_once_and_expire_unless_reported(db: &Db) {
    add_karawang_official(db).await;
    let satgas = verifier(db).await;
    let found = at("2024-10-02T02:00:00Z");
    let batch = [
        lead(NIP, 'a'),
        lead(NIP, 'b'),
        lead(NIP, 'c'),
        lead("198001012005011002", 'd'),
    ];
    assert_eq!(
        record_leads(db, &batch, found).await.unwrap(),
        3,
        "off-roster NIP dropped"
    );
    assert_eq!(record_leads(db, &batch, found).await.unwrap(), 0);
    let groups = queue::open_groups(db, &satgas.scope).await.unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(
        (groups[0].open, groups[0].violations.clone()),
        (3, vec!["MEDSOS_INTERAKSI".to_owned()])
    );
    let leads = queue::leads_of(db, groups[0].civil_servant_id, "pilkada-2024")
        .await
        .unwrap();
    let ids: Vec<i64> = leads.iter().map(|l| l.id).collect();

    let now = at("2024-10-03T02:00:00Z");
    let report = accept(db, &rules(), &satgas, ids[0], now).await.unwrap();
    assert!(report.starts_with("LAP-"), "{report}");
    assert!(matches!(
        accept(db, &rules(), &satgas, ids[0], now).await,
        Err(ReviewError::AlreadyDecided)
    ));
    let channel: String = sql("SELECT channel FROM reports WHERE number = $1")
        .bind(report.clone())
        .fetch_one(db)
        .await
        .unwrap()
        .get("channel")
        .unwrap();
    assert_eq!(channel, "lead");
    assert!(matches!(
        reject(db, &satgas, ids[1], "", now).await,
        Err(ReviewError::BadNote)
    ));
    reject(db, &satgas, ids[1], "Akun bukan milik terlapor", now)
        .await
        .unwrap();
    assert!(matches!(
        reject(db, &satgas, ids[1], "lagi", now).await,
        Err(ReviewError::AlreadyDecided)
    ));
    assert!(matches!(
        reject(db, &satgas, 999_999, "x", now).await,
        Err(ReviewError::NotFound)
    ));
    assert_eq!(
        record_leads(db, &batch, now).await.unwrap(),
        0,
        "the rejection is remembered"
    );

    // Retention: the open and the rejected lead go, the accepted one stays with its report.
    assert_eq!(
        purge_before(db, found + Duration::days(1)).await.unwrap(),
        2
    );
    let left = queue::leads_of(db, groups[0].civil_servant_id, "pilkada-2024")
        .await
        .unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(
        (left[0].status.as_str(), left[0].report_number.as_deref()),
        ("accepted", Some(report.as_str()))
    );
}
