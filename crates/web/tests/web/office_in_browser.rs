//! The back office in a real browser at phone width: a verifier signs in, finds a civil servant
//! by a name typed without titles, and opens the record.

use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_testkit::fixtures::NIP;

use super::app::TestApp;
use super::browser::{click, eval, snapshot, text, type_into, wait_for_text, with_browser};
use super::office::{PASSWORD, add_two_agencies, add_user};

#[tokio::test]
async fn a_verifier_finds_a_civil_servant_by_a_name_without_titles() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    add_user(
        &app,
        "satgas.jabar",
        Role::Verifier,
        "province:32".parse::<ScopeSpec>().unwrap(),
    )
    .await;
    let base = app.base.clone();
    with_browser(move |client| async move {
        // A bookmark to the search leads through the sign-in page and back.
        client
            .goto(&format!("{base}/kantor/pegawai"))
            .await
            .unwrap();
        wait_for_text(&client, "h1", "Masuk ke kantor Netral").await;
        type_into(&client, "#username", "satgas.jabar").await;
        type_into(&client, "#password", PASSWORD).await;
        click(&client, ".narrow-form button[type='submit']").await;
        wait_for_text(&client, "h1", "Data aparatur sipil negara").await;

        type_into(&client, "#q", "ahmad suryana").await;
        click(&client, ".search-form button[type='submit']").await;
        wait_for_text(&client, "#results-heading", "1 hasil").await;
        snapshot(&client, "office-roster-search").await;
        let overflow = eval(
            &client,
            "document.documentElement.scrollWidth > window.innerWidth",
        )
        .await;
        assert_eq!(
            overflow, false,
            "no sideways scrolling of the page at 360 px"
        );

        click(&client, &format!("a[href='/kantor/pegawai/{NIP}']")).await;
        wait_for_text(&client, "h1", "Drs. H. Ahmad Suryana, M.Si.").await;
        let record = text(&client, ".record").await;
        assert!(record.contains(NIP), "{record}");
        assert!(record.contains("Pemerintah Kabupaten Karawang"), "{record}");
        assert!(record.contains("12 Maret 1985"), "{record}");
        snapshot(&client, "office-roster-record").await;

        click(&client, ".office-nav .link-button").await;
        wait_for_text(&client, "h1", "Masuk ke kantor Netral").await;
    })
    .await;
}
