//! The API's browsable docs in a real browser: Swagger UI, served by this server under the
//! site's Content-Security-Policy, draws every operation of the description, and fetches
//! nothing from anywhere else.

use std::time::{Duration, Instant};

use super::app::TestApp;
use super::browser::{eval, snapshot, text, with_browser};

#[tokio::test]
async fn swagger_ui_draws_every_operation_from_this_server_only() {
    let app = TestApp::start().await;
    let spec: serde_json::Value =
        serde_json::from_str(&app.get("/api/openapi.json").await.body).unwrap();
    let operations: usize = spec["paths"]
        .as_object()
        .unwrap()
        .values()
        .map(|item| item.as_object().unwrap().len())
        .sum();
    assert!(operations >= 10, "{operations}");
    let operations = serde_json::Value::from(operations);
    let base = app.base.clone();
    with_browser(move |client| async move {
        client.goto(&format!("{base}/api/docs/")).await.unwrap();
        let start = Instant::now();
        let mut drawn = serde_json::Value::Null;
        while start.elapsed() < Duration::from_secs(15) {
            drawn = eval(&client, "document.querySelectorAll('.opblock').length").await;
            if drawn == operations {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(
            drawn, operations,
            "one block per operation of the description"
        );
        let title = text(&client, ".info .title").await;
        assert!(title.starts_with("Netral API"), "{title}");
        let paths = text(&client, "#swagger-ui").await;
        assert!(paths.contains("/api/v1/cases/{number}/actions"), "{paths}");
        let foreign = eval(
            &client,
            "performance.getEntriesByType('resource').map(e => e.name)\
             .filter(n => !n.startsWith(location.origin))",
        )
        .await;
        assert_eq!(foreign, serde_json::json!([]), "nothing from other sites");
        snapshot(&client, "api-docs").await;
    })
    .await;
}
