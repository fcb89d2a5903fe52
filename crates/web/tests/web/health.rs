//! The health check and shutting down.

use super::app::TestApp;

#[tokio::test]
async fn healthz_reports_the_database() {
    let app = TestApp::start().await;
    let page = app.get("/healthz").await;
    assert_eq!(page.status, 200);
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    let json: serde_json::Value = serde_json::from_str(&page.body).unwrap();
    assert_eq!(
        json,
        serde_json::json!({ "status": "ok", "database": "sqlite" })
    );
}

#[tokio::test]
async fn a_lost_database_is_503_without_details() {
    let app = TestApp::start().await;
    app.db.close().await;
    let page = app.get("/healthz").await;
    assert_eq!(page.status, 503);
    let json: serde_json::Value = serde_json::from_str(&page.body).unwrap();
    assert_eq!(json, serde_json::json!({ "status": "unavailable" }));
    // Pages that need the database say so in words, and leak nothing about why.
    let page = app.get("/").await;
    assert_eq!(page.status, 503);
    assert_eq!(page.h1(), "Layanan sedang tidak tersedia");
    for internal in ["sqlite", "pool", "closed", "sqlx", "netral.db"] {
        assert!(
            !page.body.to_lowercase().contains(internal),
            "the error page mentions `{internal}`"
        );
    }
}

#[tokio::test]
async fn the_server_stops_when_asked() {
    let app = TestApp::start().await;
    assert_eq!(app.get("/healthz").await.status, 200);
    app.stop().await.expect("graceful shutdown ends cleanly");
}
