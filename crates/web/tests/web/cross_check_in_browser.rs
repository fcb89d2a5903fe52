//! A proposed pair reviewed in a real browser, 360 px wide: the verifier opens the cross-check
//! from the menu, picks the election, opens the strongest pair, reads the candidate and the
//! civil servant side by side with the explanation, accepts it by keyboard and reads the
//! report's number.

use fantoccini::key::Key;
use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;

use super::app::TestApp;
use super::browser::{click, eval, press, text, type_into, wait_for_text, with_browser};
use super::cross_check::cross_checked;
use super::office::{PASSWORD, add_user};

#[tokio::test]
async fn a_verifier_compares_a_pair_side_by_side_and_accepts_it() {
    let app = TestApp::start().await;
    cross_checked(&app).await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    let base = app.base.clone();
    with_browser(move |client| async move {
        client.goto(&format!("{base}/kantor")).await.unwrap();
        wait_for_text(&client, "h1", "Masuk ke kantor Netral").await;
        type_into(&client, "#username", "satgas").await;
        type_into(&client, "#password", PASSWORD).await;
        click(&client, ".narrow-form button[type='submit']").await;
        wait_for_text(&client, "h1", "Kantor Netral").await;
        click(&client, "a[href='/kantor/pencocokan']").await;
        wait_for_text(&client, "h1", "Pencocokan daftar calon dengan data ASN").await;
        client
            .goto(&format!("{base}/kantor/pencocokan?pemilu=pemilu-2024"))
            .await
            .unwrap();
        let queue = text(&client, "#cross-queue").await;
        assert!(queue.contains("Ir. H. Joko Santosa, M.T."), "{queue}");
        // The strongest pair comes first: the candidate with titles and the old spelling.
        click(&client, "#cross-queue a").await;
        wait_for_text(
            &client,
            "h1",
            "Usulan pencocokan: Ir. H. Joko Santosa, M.T.",
        )
        .await;
        let candidate = text(&client, "#pair-candidate").await;
        assert!(candidate.contains("1975-03-12"), "{candidate}");
        let servant = text(&client, "#pair-civil-servant").await;
        assert!(
            servant.contains("Djoko Santoso") && servant.contains("197503122002121001"),
            "{servant}"
        );
        let explanation = text(&client, "#cross-explanation").await;
        assert!(
            explanation.contains("Peluang awal")
                && explanation.contains("Tanggal lahir")
                && explanation.contains("Gelar akademik"),
            "{explanation}"
        );
        let overflow = eval(
            &client,
            "document.documentElement.scrollWidth > window.innerWidth",
        )
        .await;
        assert_eq!(overflow, false, "the pair fits 360 px");

        // By keyboard: focus the accept button and press Enter.
        eval(
            &client,
            "document.getElementById('accept-proposal').focus(); true",
        )
        .await;
        press(&client, Key::Enter).await;
        let decision = text(&client, "#proposal-decision").await;
        assert!(
            decision.starts_with("Diterima oleh Petugas satgas menjadi laporan LAP-"),
            "{decision}"
        );
    })
    .await;
    app.finish().await;
}
