//! The tokens page in a real browser at phone width: a verifier makes a token, sees it once
//! without the page scrolling sideways, the token opens the API, and revoking it ends it.

use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;

use super::api_staff::call;
use super::app::TestApp;
use super::browser::{click, eval, snapshot, text, type_into, wait_for_text, with_browser};
use super::office::{PASSWORD, add_user};

#[tokio::test]
async fn a_verifier_makes_a_token_sees_it_once_and_revokes_it() {
    let app = TestApp::start().await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    let base = app.base.clone();
    let (sender, receiver) = tokio::sync::oneshot::channel::<String>();
    let (go_on, wait) = tokio::sync::oneshot::channel::<()>();
    let browser = tokio::spawn(with_browser(move |client| async move {
        client.goto(&format!("{base}/kantor")).await.unwrap();
        wait_for_text(&client, "h1", "Masuk ke kantor Netral").await;
        type_into(&client, "#username", "satgas").await;
        type_into(&client, "#password", PASSWORD).await;
        click(&client, ".narrow-form button[type='submit']").await;
        wait_for_text(&client, "h1", "Kantor Netral").await;
        click(&client, "a[href='/kantor/akun/token']").await;
        wait_for_text(&client, "h1", "Token API pribadi").await;

        type_into(&client, "#token_name", "Rekap harian Bawaslu Jawa Barat").await;
        click(&client, ".narrow-form button[type='submit']").await;
        let token = text(&client, "#issued-token").await;
        assert!(token.starts_with("ntr_"), "{token}");
        let overflow = eval(
            &client,
            "document.documentElement.scrollWidth > window.innerWidth",
        )
        .await;
        assert_eq!(overflow, false, "the token wraps at 360 px");
        snapshot(&client, "office-api-token").await;
        sender.send(token).unwrap();
        wait.await.unwrap();

        click(&client, ".actions .link-button").await;
        wait_for_text(&client, "td:nth-child(5)", "Dicabut").await;
        let shown = eval(&client, "document.body.innerText.includes('ntr_')").await;
        assert_eq!(shown, false, "the token is never shown again");
    }));
    let token = receiver.await.unwrap();
    let cases = call(&app, "GET", "/api/v1/cases", Some(&token), None).await;
    assert_eq!(cases.status, 200, "{}", cases.body);
    go_on.send(()).unwrap();
    browser.await.unwrap();
    assert_eq!(
        call(&app, "GET", "/api/v1/cases", Some(&token), None)
            .await
            .status,
        401
    );
}
