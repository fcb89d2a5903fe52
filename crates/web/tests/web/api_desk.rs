//! Desk work through the API: taking and assigning a case, linking its subject to the roster,
//! merging a duplicate, each refused in the API's terms (409 for the stage or a change made
//! meanwhile, 422 naming the field, 404 outside the scope).

use chrono::Utc;
use netral_domain::case::Role;
use netral_domain::report::{Channel, Subject};
use netral_testkit::fixtures::NIP;
use serde_json::json;

use super::api_staff::{call, token_for};
use super::app::TestApp;
use super::office::{add_two_agencies, file_about};

#[tokio::test]
async fn cases_are_taken_linked_and_merged_through_the_api() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let first = file_about(&app, NIP, "Berorasi di deklarasi paslon", 2).await;
    let second = file_about(&app, NIP, "Berorasi di deklarasi paslon (laporan kedua)", 2).await;
    let lead = token_for(&app, "satgas", Role::Verifier, "national").await;
    let colleague = token_for(&app, "satgas.dua", Role::Verifier, "national").await;
    let semarang = token_for(&app, "ppk.semarang", Role::PpkLiaison, "agency:3374").await;
    let path = |number: &str, what: &str| format!("/api/v1/cases/{number}/{what}");

    let taken = call(
        &app,
        "POST",
        &path(&first.case_number, "assignment"),
        Some(&lead),
        Some(json!({})),
    )
    .await;
    assert_eq!(taken.status, 200, "{}", taken.body);
    let detail = call(
        &app,
        "GET",
        &format!("/api/v1/cases/{}", first.case_number),
        Some(&colleague),
        None,
    )
    .await;
    assert_eq!(detail.body["assignee"], "satgas");
    let listed = call(&app, "GET", "/api/v1/cases?queue=mine", Some(&lead), None).await;
    assert_eq!(
        listed.body["cases"][0]["number"],
        first.case_number.as_str()
    );

    // A colleague who read the case before it was taken: refused, nothing changes.
    let stale = call(
        &app,
        "POST",
        &path(&first.case_number, "assignment"),
        Some(&colleague),
        Some(json!({})),
    )
    .await;
    assert_eq!(stale.status, 409, "{}", stale.body);
    let unknown = call(
        &app,
        "POST",
        &path(&first.case_number, "assignment"),
        Some(&lead),
        Some(json!({"assignee": "tidak.ada", "seen_assignee": "satgas"})),
    )
    .await;
    assert_eq!(
        (unknown.status, unknown.field()),
        (422, Some("assignee")),
        "{}",
        unknown.body
    );
    let unreadable = call(
        &app,
        "POST",
        &path(&first.case_number, "assignment"),
        Some(&lead),
        Some(json!({"assignee": 7})),
    )
    .await;
    assert_eq!(unreadable.status, 400, "{}", unreadable.body);

    // A report that named no NIP is linked to the roster by its subject's NIP.
    let today = Utc::now().date_naive();
    let draft = netral_testkit::reports::draft(
        Channel::Bawaslu,
        today - chrono::Days::new(3),
        "Kepala bidang membagikan stiker paslon",
        Subject::Described("Kepala Bidang, Dinas Pendidikan Karawang".into()),
        today,
    );
    let described = netral_testkit::reports::file(&app.db, &app.rules, &draft, None, Utc::now())
        .await
        .unwrap();
    let wrong_nip = call(
        &app,
        "POST",
        &path(&described.case_number, "subject"),
        Some(&lead),
        Some(json!({"nip": "199001012020121001"})),
    )
    .await;
    assert_eq!(
        (wrong_nip.status, wrong_nip.field()),
        (422, Some("nip")),
        "{}",
        wrong_nip.body
    );
    let linked = call(
        &app,
        "POST",
        &path(&described.case_number, "subject"),
        Some(&lead),
        Some(json!({"nip": NIP})),
    )
    .await;
    assert_eq!(linked.status, 200, "{}", linked.body);
    let detail = call(
        &app,
        "GET",
        &format!("/api/v1/cases/{}", described.case_number),
        Some(&lead),
        None,
    )
    .await;
    assert_eq!(detail.body["subject"]["nip"], NIP);

    // The second report duplicates the first: merged, it is final.
    let outside = call(
        &app,
        "POST",
        &path(&second.case_number, "merge"),
        Some(&semarang),
        Some(json!({"into": first.case_number, "note": "Laporan ganda"})),
    )
    .await;
    assert_eq!(outside.status, 404, "{}", outside.body);
    let itself = call(
        &app,
        "POST",
        &path(&second.case_number, "merge"),
        Some(&lead),
        Some(json!({"into": second.case_number, "note": "Laporan ganda"})),
    )
    .await;
    assert_eq!((itself.status, itself.field()), (422, Some("into")));
    let merged = call(
        &app,
        "POST",
        &path(&second.case_number, "merge"),
        Some(&lead),
        Some(json!({"into": first.case_number, "note": "Laporan ganda atas acara yang sama"})),
    )
    .await;
    assert_eq!(merged.status, 200, "{}", merged.body);
    assert_eq!(merged.body["state"], "merged");
    let again = call(
        &app,
        "POST",
        &path(&second.case_number, "merge"),
        Some(&lead),
        Some(json!({"into": first.case_number, "note": "Sekali lagi"})),
    )
    .await;
    assert_eq!(again.status, 409, "{}", again.body);
}
