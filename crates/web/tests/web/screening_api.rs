//! The batch ingest of social-media activity: a collector's JSON Lines are screened for the
//! election; malformed lines are named by number and field and skipped; activity outside the
//! election's period and of accounts that are nobody's is not kept; a civil servant's
//! interaction with a watched campaign account becomes a lead in the review queue, once.

use chrono::Utc;
use netral_domain::case::Role;
use netral_store::registry;
use netral_store::tabular::pipeline::FileImportOptions;
use netral_testkit::fixtures::NIP;
use serde_json::Value;

use super::api_staff::token_for;
use super::app::TestApp;
use super::office::add_two_agencies;

async fn post(app: &TestApp, path: &str, token: &str, body: String) -> (u16, Value) {
    let response = app
        .http()
        .post(format!("{}{path}", app.base))
        .bearer_auth(token)
        .header("content-type", "application/x-ndjson")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn record(handle: &str, action: &str, text: &str, target: Option<&str>, time: &str) -> String {
    serde_json::json!({
        "platform": "instagram",
        "account_id": format!("id-{handle}"),
        "handle": handle,
        "display_name": "Pengguna",
        "bio": "",
        "action": action,
        "text": text,
        "target_account": target,
        "target_post": null,
        "time": time,
        "url": format!("https://instagram.com/p/{handle}-{action}"),
    })
    .to_string()
}

#[tokio::test]
async fn a_batch_is_screened_line_by_line_and_its_leads_queued_once() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let accounts = dir.path().join("akun.csv");
    std::fs::write(
        &accounts,
        format!(
            "nip,platform,handle,url,declared_on\n{NIP},instagram,@ahmad.suryana,,2024-08-01\n"
        ),
    )
    .unwrap();
    let summary = registry::import_accounts(
        &app.db,
        &accounts,
        FileImportOptions::new("test", Utc::now()),
    )
    .await
    .unwrap();
    assert_eq!(summary.rejected, 0);
    let token = token_for(&app, "pengumpul", Role::Verifier, "national").await;
    let body = [
        record(
            "ahmad.suryana",
            "like",
            "",
            Some("@relawan.paslon2.krw"),
            "2024-10-01T08:00:00+07:00",
        ),
        "{\"platform\": \"instagram\"".to_owned(),
        record(
            "ahmad.suryana",
            "repost",
            "",
            None,
            "2024-10-01T08:00:00+07:00",
        ),
        record(
            "akun.lain",
            "post",
            "Ayo coblos nomor 2, gaskeun nomor 2!",
            None,
            "2024-10-02T08:00:00+07:00",
        ),
        record(
            "ahmad.suryana",
            "like",
            "",
            Some("@relawan.paslon2.krw"),
            "2020-01-01T08:00:00+07:00",
        ),
    ]
    .join("\n");
    let path = "/api/v1/screening/activity?election=pilkada-2024";
    let (status, answer) = post(&app, path, &token, body.clone()).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["records"], 5);
    assert_eq!(answer["malformed"], 2);
    let errors: Vec<(u64, &str)> = answer["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_u64().unwrap(), e["field"].as_str().unwrap()))
        .collect();
    assert_eq!(errors[0].0, 2);
    assert_eq!(errors[1], (3, "action"));
    assert_eq!(answer["outside_period"], 1);
    assert_eq!(
        (answer["leads"].as_u64(), answer["stored"].as_u64()),
        (Some(1), Some(1)),
        "{answer}"
    );
    let again = post(&app, path, &token, body).await.1;
    assert_eq!(again["stored"], 0, "the same records are not queued twice");
    assert!(
        !answer.to_string().contains("akun.lain"),
        "nobody's account is not echoed"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM screening_leads WHERE handle = 'akun.lain'")
            .await,
        0
    );

    let unknown = post(
        &app,
        "/api/v1/screening/activity?election=pemilu-1999",
        &token,
        String::new(),
    )
    .await;
    assert_eq!(
        (unknown.0, unknown.1["error"]["field"].as_str()),
        (422, Some("election")),
        "{}",
        unknown.1
    );
    let analyst = token_for(&app, "analis", Role::Analyst, "national").await;
    assert_eq!(post(&app, path, &analyst, String::new()).await.0, 403);
}
