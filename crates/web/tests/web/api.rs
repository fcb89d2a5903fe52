//! The JSON intake: same checks and receipts as the portal, errors as JSON naming the field.

use base64::Engine;
use netral_store::sql;
use netral_store::thread;
use netral_store::vault::ReceiptCode;
use serde_json::{Value, json};

use super::app::TestApp;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR tiny png for tests";
const PDF: &[u8] = b"%PDF-1.4\n% tiny pdf for tests\n%%EOF\n";
const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0 a windows program";

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn report() -> Value {
    json!({
        "channel": "bawaslu",
        "incident_date": "2024-09-28",
        "summary": "Mengunggah foto bersama calon dengan gestur dua jari",
        "subject": { "nip": "198503122010011003" },
        "violation_hints": ["FOTO_KEBERPIHAKAN"],
        "links": ["https://facebook.com/post/1"],
        "election": "pilkada",
        "reporter": { "mode": "confidential", "name": "Petugas Panwascam", "email": "panwascam@example.id" },
        "attachments": [
            { "name": "foto.png", "content_base64": b64(PNG) },
            { "name": "berita-acara.pdf", "content_base64": b64(PDF) }
        ]
    })
}

async fn post(app: &TestApp, key: Option<&str>, body: &Value) -> (u16, Value) {
    let mut request = reqwest::Client::new()
        .post(format!("{}/api/v1/reports", app.base))
        .json(body);
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn reports(app: &TestApp) -> i64 {
    sql("SELECT COUNT(*) AS n FROM reports")
        .fetch_one(&app.db)
        .await
        .unwrap()
        .get("n")
        .unwrap()
}

#[tokio::test]
async fn a_report_is_filed_once_per_key_with_its_files_and_a_receipt() {
    let app = TestApp::start().await;
    let (status, body) = post(&app, Some("bawaslu-jabar-000000123"), &report()).await;
    assert_eq!(status, 201, "{body}");
    let number = body["report_number"].as_str().unwrap().to_owned();
    let code = body["receipt_code"].as_str().unwrap().to_owned();
    assert!(number.starts_with("LAP-"), "{body}");
    assert_eq!(code.len(), 24, "20 characters in groups of four: {code}");
    let view = thread::reporter_view(&app.db, &number, &ReceiptCode::parse(&code).unwrap().hash())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        view.attachments
            .iter()
            .map(|a| a.media_type.as_str())
            .collect::<Vec<_>>(),
        ["image/png", "application/pdf"]
    );
    let (status, again) = post(&app, Some("bawaslu-jabar-000000123"), &report()).await;
    assert_eq!(
        (status, &again),
        (200, &body),
        "a retry returns the same receipt"
    );
    assert_eq!(reports(&app).await, 1);
    app.stop().await.unwrap();
}

#[tokio::test]
async fn bad_requests_name_what_is_wrong_and_store_nothing() {
    let app = TestApp::start().await;
    let key = Some("bawaslu-jabar-000000124");
    let (status, body) = post(&app, None, &report()).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("missing_idempotency_key")),
        "{body}"
    );
    let mut wrong_nip = report();
    wrong_nip["subject"]["nip"] = json!("19850312201001100");
    let (status, body) = post(&app, key, &wrong_nip).await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (422, Some("subject.nip")),
        "{body}"
    );
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("18 digits"),
        "{body}"
    );
    let mut disguised = report();
    disguised["attachments"] = json!([{ "name": "foto.jpg", "content_base64": b64(EXE) }]);
    let (status, body) = post(&app, key, &disguised).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("invalid_file")),
        "{body}"
    );
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("foto.jpg"),
        "{body}"
    );
    let mut empty = report();
    empty["summary"] = json!("   ");
    let (status, body) = post(&app, key, &empty).await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (422, Some("summary")),
        "{body}"
    );
    let mut future = report();
    future["incident_date"] = json!("2999-01-01");
    let (status, body) = post(&app, key, &future).await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (422, Some("incident_date")),
        "{body}"
    );
    let mut no_contact = report();
    no_contact["reporter"] = json!({ "mode": "identified", "name": "Budi" });
    let (status, body) = post(&app, key, &no_contact).await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (422, Some("reporter_contact")),
        "{body}"
    );
    let response = reqwest::Client::new()
        .post(format!("{}/api/v1/reports", app.base))
        .header("Idempotency-Key", "bawaslu-jabar-000000124")
        .header("content-type", "application/json")
        .body("{\"channel\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "invalid_json");
    assert_eq!(reports(&app).await, 0, "nothing was stored");
    app.stop().await.unwrap();
}

#[tokio::test]
async fn the_openapi_description_covers_the_intake() {
    let app = TestApp::start().await;
    let spec: Value = reqwest::get(format!("{}/api/openapi.json", app.base))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let create = &spec["paths"]["/api/v1/reports"]["post"];
    assert!(
        create["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "Idempotency-Key" && p["in"] == "header"),
        "{create}"
    );
    for status in ["200", "201", "400", "422", "429"] {
        assert!(
            create["responses"][status].is_object(),
            "response {status} documented"
        );
    }
    for schema in ["ReportRequest", "ReportReceipt", "ApiErrorBody"] {
        assert!(
            spec["components"]["schemas"][schema].is_object(),
            "schema {schema}"
        );
    }
    app.stop().await.unwrap();
}
