//! The tokens page (`/kantor/akun/token`): a token is made by a fully signed-in user, shown
//! once, works in the API as its owner, and ends when revoked; half-open sessions (a password
//! without the second factor the role needs) make none; making and revoking are logged.

use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_store::audit;

use super::api_staff::call;
use super::app::{Page, TestApp};
use super::office::{PASSWORD, add_second_factor, add_user, sign_in, signed_in};
use super::portal::Form;

/// The token shown on the page that made it.
fn issued_token(page: &Page) -> String {
    let marker = "id=\"issued-token\">";
    let start = page
        .body
        .find(marker)
        .unwrap_or_else(|| panic!("no token shown in:\n{}", page.body))
        + marker.len();
    page.body[start..].split('<').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_token_is_shown_once_acts_as_its_owner_and_ends_when_revoked() {
    let app = TestApp::start().await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    add_user(&app, "satgas2", Role::Verifier, ScopeSpec::National).await;
    let session = signed_in(&app, "satgas").await;
    let office = session.get(&app, "/kantor").await;
    office.assert_contains("href=\"/kantor/akun/token\"");
    let page = session.get(&app, "/kantor/akun/token").await;
    assert_eq!(page.status, 200);
    page.assert_contains("Anda belum punya token.");
    assert_eq!(page.header("cache-control"), Some("no-store"));

    let empty = session
        .post(
            &app,
            &page,
            "/kantor/akun/token",
            &[("token_name", " "), ("lifetime", "90")],
        )
        .await;
    assert_eq!(empty.status, 422);
    empty.assert_contains("Nama token: wajib diisi.");
    let odd = session
        .post(
            &app,
            &page,
            "/kantor/akun/token",
            &[("token_name", "rekap"), ("lifetime", "7")],
        )
        .await;
    assert_eq!(odd.status, 422);
    odd.assert_contains("Masa berlaku: wajib diisi.");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM api_tokens").await, 0);

    let made = session
        .post(
            &app,
            &page,
            "/kantor/akun/token",
            &[("token_name", "Rekap harian Bawaslu"), ("lifetime", "30")],
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let token = issued_token(&made);
    assert!(token.starts_with("ntr_"), "{token}");
    made.assert_contains("hanya ditampilkan sekali");
    let later = session.get(&app, "/kantor/akun/token").await;
    later.assert_contains("Rekap harian Bawaslu");
    assert!(!later.body.contains(&token), "shown once, never again");

    let cases = call(&app, "GET", "/api/v1/cases", Some(&token), None).await;
    assert_eq!(cases.status, 200, "{}", cases.body);
    let used = session.get(&app, "/kantor/akun/token").await;
    assert!(
        !used.body.contains("belum pernah"),
        "the list shows when it was last used"
    );

    // Someone else cannot revoke it, not even knowing its id.
    let id = netral_store::sql("SELECT id FROM api_tokens")
        .fetch_one(&app.db)
        .await
        .unwrap()
        .get::<i64>("id")
        .unwrap();
    let other = signed_in(&app, "satgas2").await;
    let other_page = other.get(&app, "/kantor/akun/token").await;
    // Their page has no form for it; the CSRF token of their own form does for the post.
    let refused = Form::in_page(&other_page, "/kantor/akun/token", &other.cookies)
        .post_urlencoded(&app, &format!("/kantor/akun/token/{id}/cabut"), &[])
        .await;
    assert_eq!(refused.status, 404);
    assert_eq!(
        call(&app, "GET", "/api/v1/cases", Some(&token), None)
            .await
            .status,
        200
    );

    let revoked = session
        .post(&app, &used, &format!("/kantor/akun/token/{id}/cabut"), &[])
        .await;
    assert_eq!(revoked.status, 303, "{}", revoked.body);
    assert_eq!(revoked.header("location"), Some("/kantor/akun/token"));
    assert_eq!(
        call(&app, "GET", "/api/v1/cases", Some(&token), None)
            .await
            .status,
        401
    );
    session
        .get(&app, "/kantor/akun/token")
        .await
        .assert_contains("Dicabut");

    let logged: Vec<String> = audit::about(&app.db, "satgas")
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.action)
        .filter(|a| a.starts_with("api_token."))
        .collect();
    assert_eq!(logged, ["api_token.create", "api_token.revoke"]);
}

#[tokio::test]
async fn a_session_still_owing_its_second_factor_makes_no_token() {
    let app = TestApp::start().await;
    let id = add_user(&app, "kustodian", Role::Custodian, ScopeSpec::National).await;
    add_second_factor(&app, id).await;
    let (answer, half_open) = sign_in(&app, "kustodian", PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/masuk/kode"));
    let page = half_open.get(&app, "/kantor/akun/token").await;
    assert_eq!(page.status, 303);
    assert_eq!(page.header("location"), Some("/masuk/kode"));
    // Posting the form straight away is turned back the same way.
    let code_page = half_open.get(&app, "/masuk/kode").await;
    let posted = Form::in_page(&code_page, "/masuk/kode", &half_open.cookies)
        .post_urlencoded(
            &app,
            "/kantor/akun/token",
            &[("token_name", "curian"), ("lifetime", "365")],
        )
        .await;
    assert_eq!(posted.status, 303, "{}", posted.body);
    assert_eq!(posted.header("location"), Some("/masuk/kode"));
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM api_tokens").await, 0);
}
