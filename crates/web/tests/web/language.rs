//! Language per request: `?lang=` (remembered in a cookie), the cookie, Accept-Language, else
//! Indonesian; and a switch link on every page that stays on the same page.

use super::app::TestApp;

const ENGLISH_HEADING: &str = "Keeping civil servants neutral in Pemilu and Pilkada";

#[tokio::test]
async fn the_query_switches_to_english_and_sets_the_cookie() {
    let app = TestApp::start().await;
    let page = app.get("/?lang=en").await;
    assert_eq!(page.status, 200);
    page.assert_contains("<html lang=\"en\">");
    assert_eq!(page.h1(), ENGLISH_HEADING);
    let cookie = page.header("set-cookie").expect("a lang cookie");
    assert!(cookie.starts_with("lang=en;"), "{cookie}");
    assert!(
        cookie.contains("SameSite=Lax") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(
        page.header("vary").unwrap().contains("Cookie"),
        "caches must tell languages apart"
    );
}

#[tokio::test]
async fn the_cookie_is_honoured_on_the_next_visit() {
    let app = TestApp::start().await;
    let page = app.get_with("/aturan", &[("cookie", "lang=en")]).await;
    page.assert_contains("<html lang=\"en\">");
    assert_eq!(page.h1(), "Civil-service neutrality rules");
    assert!(
        page.header("set-cookie").is_none(),
        "only an explicit choice sets the cookie"
    );
    // The query wins over the cookie.
    let page = app.get_with("/?lang=id", &[("cookie", "lang=en")]).await;
    page.assert_contains("<html lang=\"id\">");
}

#[tokio::test]
async fn accept_language_is_used_when_nothing_was_chosen() {
    let app = TestApp::start().await;
    let page = app
        .get_with("/", &[("accept-language", "en-GB,en;q=0.9,id;q=0.5")])
        .await;
    assert_eq!(page.h1(), ENGLISH_HEADING);
    let page = app
        .get_with("/", &[("accept-language", "fr-FR,de;q=0.8")])
        .await;
    assert_eq!(
        page.h1(),
        "Menjaga netralitas ASN dalam Pemilu dan Pilkada",
        "unsupported languages fall back to Indonesian"
    );
    let page = app
        .get_with("/", &[("accept-language", "en"), ("cookie", "lang=id")])
        .await;
    page.assert_contains("<html lang=\"id\">");
}

#[tokio::test]
async fn every_page_links_to_itself_in_the_other_language() {
    let app = TestApp::start().await;
    for path in [
        "/",
        "/aturan",
        "/aturan/2022-09-22-skb",
        "/aturan/libur/2024",
        "/no/such/page",
    ] {
        let page = app.get(path).await;
        page.assert_contains(&format!(
            "class=\"lang-switch\" href=\"{path}?lang=en\" hreflang=\"en\" lang=\"en\">English</a>"
        ));
        let page = app.get(&format!("{path}?lang=en")).await;
        page.assert_contains(&format!("class=\"lang-switch\" href=\"{path}?lang=id\" hreflang=\"id\" lang=\"id\">Bahasa Indonesia</a>"));
    }
}
