//! The screening engine's leads in the back office: grouped per civil servant, open to the task
//! force only and within its scope; accepting one files a report on the Lead channel carrying
//! the activity (address, text, time, fingerprint), once however often it is clicked; a
//! rejection needs a reason and is remembered when the same activity is screened again.

use chrono::{TimeZone, Utc};
use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_store::screening::{NewLead, record_leads};
use netral_testkit::fixtures::NIP;

use super::app::TestApp;
use super::office::{SEMARANG_NIP, add_two_agencies, add_user, signed_in};

pub fn lead(nip: &str, sha: &str, text: &str) -> NewLead {
    NewLead {
        nip: nip.into(),
        election: "pilkada-2024".into(),
        violation: "MEDSOS_KAMPANYE".into(),
        score: 0.86,
        owner_basis: "declared".into(),
        owner_confidence: 1.0,
        platform: "instagram".into(),
        handle: "ahmad.suryana".into(),
        action: "post".into(),
        text: text.into(),
        target: None,
        url: format!("https://instagram.com/p/{sha}"),
        at: Utc.with_ymd_and_hms(2024, 10, 1, 1, 0, 0).unwrap(),
        reasons: vec![
            "ajakan kampanye \"coblos\" dekat nomor urut \"2\"".into(),
            "aturan: ajakan dekat calon, partai, atau nomor".into(),
        ],
        record_sha256: sha.repeat(64 / sha.len()),
    }
}

#[tokio::test]
async fn a_verifier_accepts_one_lead_into_a_report_and_rejects_another() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let leads = [
        lead(NIP, "a1", "Ayo coblos nomor 2, menangkan paslon kita!"),
        lead(NIP, "b2", "Salam dua jari buat paslon 2"),
        lead(SEMARANG_NIP, "c3", "Dukung terus paslon 1"),
        // Not on the roster: dropped.
        lead("198001012005011002", "d4", "Coblos nomor 3"),
    ];
    assert_eq!(record_leads(&app.db, &leads, Utc::now()).await.unwrap(), 3);
    assert_eq!(
        record_leads(&app.db, &leads, Utc::now()).await.unwrap(),
        0,
        "the same activity is a lead once"
    );
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    add_user(
        &app,
        "satgas.jateng",
        Role::Verifier,
        "province:33".parse().unwrap(),
    )
    .await;
    add_user(&app, "bawaslu", Role::Reviewer, ScopeSpec::National).await;
    assert_eq!(
        signed_in(&app, "bawaslu")
            .await
            .get(&app, "/kantor/temuan")
            .await
            .status,
        403
    );

    let satgas = signed_in(&app, "satgas").await;
    let queue = satgas.get(&app, "/kantor/temuan").await;
    assert_eq!(queue.status, 200);
    queue.assert_contains(NIP);
    queue.assert_contains(SEMARANG_NIP);
    let start = queue.body.find("href=\"/kantor/temuan/").unwrap() + 6;
    let person = queue.body[start..start + queue.body[start..].find('"').unwrap()].to_owned();
    let central_java = signed_in(&app, "satgas.jateng").await;
    let theirs = central_java.get(&app, "/kantor/temuan").await;
    assert!(!theirs.body.contains(NIP) && theirs.body.contains(SEMARANG_NIP));
    assert_eq!(
        central_java.get(&app, &person).await.status,
        404,
        "another province's person"
    );

    let page = satgas.get(&app, &person).await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains("Ayo coblos nomor 2, menangkan paslon kita!");
    page.assert_contains("ajakan kampanye");
    let ids: Vec<String> = page
        .body
        .match_indices("/kantor/temuan/lead/")
        .map(|(i, _)| {
            let rest = &page.body[i + 20..];
            rest[..rest.find('/').unwrap()].to_owned()
        })
        .collect();
    let (first, second) = (ids[0].clone(), ids[2].clone());
    assert_ne!(first, second);

    let accept = format!("/kantor/temuan/lead/{first}/terima");
    let accepted = satgas.post(&app, &page, &accept, &[]).await;
    assert_eq!(accepted.status, 303, "{}", accepted.body);
    let again = satgas.post(&app, &page, &accept, &[]).await;
    assert_eq!(again.status, 303, "a second click changes nothing");
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM reports WHERE channel = 'lead'")
            .await,
        1
    );
    let summary: String = netral_store::sql("SELECT summary FROM reports WHERE channel = 'lead'")
        .fetch_one(&app.db)
        .await
        .unwrap()
        .get("summary")
        .unwrap();
    assert!(
        summary.contains("SHA-256 rekaman:") && summary.contains("2024-10-01 01:00 UTC"),
        "{summary}"
    );

    let reject = format!("/kantor/temuan/lead/{second}/tolak");
    let no_reason = satgas.post(&app, &page, &reject, &[("note", " ")]).await;
    assert_eq!(no_reason.status, 422);
    no_reason.assert_contains("Tulis alasan menolak");
    let rejected = satgas
        .post(
            &app,
            &page,
            &reject,
            &[("note", "Foto lama, sebelum masa kampanye")],
        )
        .await;
    assert_eq!(rejected.status, 303);
    let after = satgas.get(&app, &person).await;
    after.assert_contains("menjadi laporan LAP-");
    after.assert_contains("Ditolak oleh Petugas satgas: Foto lama, sebelum masa kampanye");
    // Screening the same stream again does not bring the rejected activity back.
    assert_eq!(record_leads(&app.db, &leads, Utc::now()).await.unwrap(), 0);
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('screening.accept', 'screening.reject')").await,
        2
    );
}
