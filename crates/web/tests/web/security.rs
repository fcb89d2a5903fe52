//! Security headers on every response, assets served from the binary, and pages the CSP allows.

use super::app::TestApp;

const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::start().await;
    let css = app
        .get("/")
        .await
        .body
        .split("href=\"/static/netral.css")
        .nth(1)
        .map(|rest| format!("/static/netral.css{}", rest.split('"').next().unwrap()))
        .unwrap();
    for path in [
        "/",
        "/aturan",
        "/aturan/libur/2025",
        "/nope",
        "/healthz",
        css.as_str(),
        "/static/missing.js",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.header("content-security-policy"), Some(CSP), "{path}");
        assert_eq!(
            page.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            page.header("referrer-policy"),
            Some("no-referrer"),
            "{path}"
        );
        assert_eq!(page.header("x-frame-options"), Some("DENY"), "{path}");
    }
}

#[tokio::test]
async fn assets_are_embedded_and_cached_for_long() {
    let app = TestApp::start().await;
    let css = app.get("/static/netral.css").await;
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
    assert!(
        css.header("cache-control")
            .unwrap()
            .contains("max-age=31536000")
    );
    assert!(css.body.contains(".skip-link"));
    let htmx = app.get("/static/vendor/htmx/htmx.min.js").await;
    assert_eq!(htmx.status, 200);
    assert!(
        htmx.header("content-type")
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(htmx.body.contains("htmx"), "the vendored htmx is served");
    let missing = app.get("/static/nope.css").await;
    assert_eq!(missing.status, 404);
}

#[tokio::test]
async fn pages_use_nothing_the_policy_forbids() {
    let app = TestApp::start().await;
    for path in [
        "/",
        "/aturan",
        "/aturan/2022-09-22-skb",
        "/aturan/libur/2024",
        "/nope",
        "/?lang=en",
    ] {
        let page = app.get(path).await;
        let body = page.body.to_lowercase();
        assert!(
            !body.contains(" style=") && !body.contains("<style"),
            "{path} has inline styles"
        );
        for script in body.split("<script").skip(1) {
            let tag = script.split('>').next().unwrap();
            assert!(
                tag.contains("src=\"/static/"),
                "{path} has an inline or foreign script: <script{tag}>"
            );
        }
        assert!(
            !body.contains("http://") && !body.contains("https://"),
            "{path} refers to another site"
        );
        page.assert_contains("<script src=\"/static/vendor/htmx/htmx.min.js");
        page.assert_contains("<a class=\"skip-link\" href=\"#main\">");
        page.assert_contains("<main id=\"main\"");
    }
}

#[tokio::test]
async fn other_methods_get_a_page_not_a_blank() {
    let app = TestApp::start().await;
    let response = reqwest::Client::new()
        .post(format!("{}/aturan", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 405);
    assert!(response.headers().get("content-security-policy").is_some());
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Permintaan tidak didukung")
    );
}
