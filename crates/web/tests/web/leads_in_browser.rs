//! A lead reviewed in a real browser: the verifier opens the queue, reads the activity and why
//! it was flagged, accepts it, and finds the report it filed — on the Lead channel, with the
//! post's address, text, time and fingerprint as its evidence — in the case's page.

use chrono::Utc;
use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_store::screening::record_leads;
use netral_testkit::fixtures::NIP;

use super::app::TestApp;
use super::browser::{click, text, type_into, wait_for_text, with_browser};
use super::leads::lead;
use super::office::{PASSWORD, add_two_agencies, add_user};

#[tokio::test]
async fn a_verifier_reviews_a_lead_and_accepts_it_into_a_report_with_its_evidence() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    let activity = lead(NIP, "e5", "Ayo coblos nomor 2, menangkan paslon kita!");
    record_leads(&app.db, std::slice::from_ref(&activity), Utc::now())
        .await
        .unwrap();
    let base = app.base.clone();
    with_browser(move |client| async move {
        client.goto(&format!("{base}/kantor")).await.unwrap();
        wait_for_text(&client, "h1", "Masuk ke kantor Netral").await;
        type_into(&client, "#username", "satgas").await;
        type_into(&client, "#password", PASSWORD).await;
        click(&client, ".narrow-form button[type='submit']").await;
        wait_for_text(&client, "h1", "Kantor Netral").await;
        click(&client, "a[href='/kantor/temuan']").await;
        wait_for_text(&client, "h1", "Temuan penapisan media sosial").await;
        click(&client, "#lead-groups a").await;
        wait_for_text(&client, "h1", "Temuan tentang Drs. H. Ahmad Suryana, M.Si.").await;
        let reasons = text(&client, ".lead-reasons").await;
        assert!(reasons.contains("ajakan kampanye"), "{reasons}");
        click(&client, "button[id^='accept-']").await;
        let decision = text(&client, ".lead-decision").await;
        assert!(
            decision.starts_with("Diterima oleh Petugas satgas menjadi laporan LAP-"),
            "{decision}"
        );

        // The case the report opened carries the activity.
        client
            .goto(&format!("{base}/kantor/perkara"))
            .await
            .unwrap();
        click(&client, "a[href^='/kantor/perkara/NTR-']").await;
        let case = text(&client, "main").await;
        for evidence in [
            activity.url.as_str(),
            "Ayo coblos nomor 2, menangkan paslon kita!",
            "2024-10-01 01:00 UTC",
            activity.record_sha256.as_str(),
        ] {
            assert!(case.contains(evidence), "{evidence} in {case}");
        }
    })
    .await;
    app.finish().await;
}
