//! The statistics' facts on both backends: written with the case in the same transaction,
//! read back in order of change, matching the case's events; and written after migrating for
//! cases opened before they existed.

use chrono::NaiveDate;
use netral_domain::case::{Action, CaseState, Role};
use netral_domain::report::{Channel, Subject};
use netral_domain::stats::Milestone;
use netral_store::case_facts;
use netral_store::cases::{self, Actor};
use netral_store::{Db, sql};
use netral_testkit::fixtures::{NIP, add_karawang_official};
use netral_testkit::{at, on_both, reports, rules};

on_both!(
    facts_follow_each_change_of_a_case_in_order,
    facts_are_written_after_migrating_for_cases_without_them,
);

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

async fn file(db: &Db) -> String {
    let draft = reports::draft(
        Channel::Bawaslu,
        d("2024-10-01"),
        "Mengunggah foto dengan gestur dua jari",
        Subject::Nip(NIP.parse().unwrap()),
        d("2024-10-05"),
    );
    reports::file(db, &rules(), &draft, None, at("2024-10-05T03:00:00Z"))
        .await
        .unwrap()
        .case_number
}

async fn act(db: &Db, number: &str, role: Role, action: Action, when: &str) {
    let actor = Actor {
        name: format!("{role}-1"),
        role,
    };
    cases::apply(db, &rules(), number, None, &actor, &action, at(when))
        .await
        .unwrap();
}

async fn facts_follow_each_change_of_a_case_in_order(db: &Db) {
    add_karawang_official(db).await;
    let number = file(db).await;
    let opened = case_facts::changed_since(db, &rules(), 0, 100)
        .await
        .unwrap();
    assert_eq!(opened.facts.len(), 1);
    let fact = &opened.facts[0];
    assert_eq!(fact.state, CaseState::Received);
    assert_eq!(fact.channel, "bawaslu");
    assert_eq!(fact.reported_on, d("2024-10-05"));
    assert_eq!(
        fact.province.as_deref(),
        Some("32"),
        "Karawang is in West Java"
    );
    assert_eq!(fact.agency_kind.as_deref(), Some("regency"));
    assert_eq!(fact.position_type.as_deref(), Some("administrator"));
    assert_eq!(fact.milestones.get(Milestone::Verified), None);

    act(
        db,
        &number,
        Role::Verifier,
        Action::StartVerification,
        "2024-10-06T02:00:00Z",
    )
    .await;
    act(
        db,
        &number,
        Role::Verifier,
        Action::PassVerification {
            note: "ASN aktif".into(),
        },
        "2024-10-07T02:00:00Z",
    )
    .await;
    act(
        db,
        &number,
        Role::Reviewer,
        Action::FindViolation {
            violations: vec!["FOTO_KEBERPIHAKAN".into()],
            note: "Terbukti".into(),
        },
        // 18:00 UTC is already the next day in Jakarta.
        "2024-10-09T18:00:00Z",
    )
    .await;
    let changed = case_facts::changed_since(db, &rules(), opened.last, 100)
        .await
        .unwrap();
    assert_eq!(changed.facts.len(), 1, "one row per case, rewritten");
    assert!(changed.last > opened.last);
    let fact = &changed.facts[0];
    assert_eq!(fact.state, CaseState::Recommendation);
    assert_eq!(
        fact.milestones.get(Milestone::Verified),
        Some(d("2024-10-07"))
    );
    assert_eq!(
        fact.milestones.get(Milestone::Proven),
        Some(d("2024-10-10"))
    );
    assert_eq!(fact.violation.as_deref(), Some("FOTO_KEBERPIHAKAN"));
    assert_eq!(
        fact.track,
        Some(netral_domain::rules::Track::Discipline),
        "the track comes from the case's rule version"
    );
    assert_eq!(case_facts::latest_change(db).await.unwrap(), changed.last);
    let nothing = case_facts::changed_since(db, &rules(), changed.last, 100)
        .await
        .unwrap();
    assert!(nothing.facts.is_empty());
    assert_eq!(nothing.last, changed.last);
}

async fn facts_are_written_after_migrating_for_cases_without_them(db: &Db) {
    add_karawang_official(db).await;
    file(db).await;
    file(db).await;
    // As a database from before the statistics would be.
    let mut tx = db.begin().await.unwrap();
    sql("DELETE FROM case_facts")
        .execute(&mut tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(case_facts::latest_change(db).await.unwrap(), 0);
    db.migrate().await.unwrap();
    let all = case_facts::changed_since(db, &rules(), 0, 100)
        .await
        .unwrap();
    assert_eq!(all.facts.len(), 2);
    assert!(all.facts.iter().all(|f| f.state == CaseState::Received));
}
