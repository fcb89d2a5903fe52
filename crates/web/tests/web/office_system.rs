//! The administrator's view of the system's own records: the audit log (paged, checked for a
//! broken chain after a row is edited behind the system's back, exported whole, the export
//! itself logged) and the mail outbox with its delivery log, which never shows what was sent to
//! a reporter.

use chrono::Utc;
use netral_store::mail::{self, Attempt, MailKind, NewMail, Outcome, Recipient};
use netral_store::{audit, sql};
use netral_testkit::fixtures::NIP;

use super::app::TestApp;
use super::office::{add_two_agencies, admin_session, file_about};

#[tokio::test]
async fn the_audit_log_is_read_checked_and_exported_by_the_administrator() {
    let app = TestApp::start().await;
    let admin = admin_session(&app).await;

    let page = admin.get(&app, "/kantor/audit").await;
    assert_eq!(page.status, 200);
    page.assert_contains("account.create");
    page.assert_contains("href=\"/kantor/audit\" aria-current=\"page\"");

    let intact = admin.post(&app, &page, "/kantor/audit/periksa", &[]).await;
    assert_eq!(intact.status, 200);
    let entries = audit::verify(&app.db).await.unwrap().entries;
    intact.assert_contains(&format!(
        "Rantai utuh: {entries} entri diperiksa, tidak ada yang putus."
    ));

    let export = app
        .http()
        .get(format!("{}/kantor/audit/ekspor?format=csv", app.base))
        .header("cookie", &admin.cookies)
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), 200);
    assert!(
        export
            .headers()
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("attachment; filename=\"netral-audit-")),
        "{:?}",
        export.headers()
    );
    let csv = export.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "seq",
            "at",
            "actor",
            "actor_role",
            "action",
            "subject",
            "details",
            "prev_hash",
            "hash"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let exported = entries + 1;
    assert_eq!(
        rows.len() as i64,
        exported,
        "every entry, and the export's own"
    );
    let last = rows.last().unwrap();
    assert_eq!((&last[2], &last[4]), ("admin", "audit.export"));
    let wrong_format = admin.get(&app, "/kantor/audit/ekspor?format=pdf").await;
    assert_eq!(wrong_format.status, 400);

    // Someone with database access rewrites an entry: the check names it.
    sql("DROP TRIGGER audit_log_no_update")
        .execute_alone(&app.db)
        .await
        .unwrap();
    sql("UPDATE audit_log SET actor = 'orang.lain' WHERE seq = 2")
        .execute_alone(&app.db)
        .await
        .unwrap();
    let page = admin.get(&app, "/kantor/audit").await;
    let broken = admin.post(&app, &page, "/kantor/audit/periksa", &[]).await;
    broken.assert_contains(
        "Rantai putus di entri 2: isinya tidak cocok dengan hash-nya (diubah setelah ditulis?).",
    );
}

#[tokio::test]
async fn the_outbox_shows_deliveries_but_nothing_sent_to_a_reporter() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let filed = file_about(&app, NIP, "Berfoto dengan simbol jari paslon", 2).await;
    let report_id: i64 = sql("SELECT id FROM reports WHERE number = $1")
        .bind(filed.report_number.clone())
        .fetch_one(&app.db)
        .await
        .unwrap()
        .get("id")
        .unwrap();
    let now = Utc::now();
    let mut tx = app.db.begin().await.unwrap();
    let to_ppk = mail::queue_mail(
        &mut tx,
        &NewMail {
            notice_key: "uji-ppk".into(),
            kind: MailKind::RecommendationArrived,
            recipient: Recipient::Address("ppk@karawangkab.go.id".into()),
            case_id: Some(filed.case_id),
            stage: None,
            due_on: None,
            letter_id: None,
            details: None,
        },
        now,
    )
    .await
    .unwrap()
    .unwrap();
    let to_reporter = mail::queue_mail(
        &mut tx,
        &NewMail {
            notice_key: "uji-pelapor".into(),
            kind: MailKind::StageChanged,
            recipient: Recipient::ReporterOf(report_id),
            case_id: Some(filed.case_id),
            stage: None,
            due_on: None,
            letter_id: None,
            details: None,
        },
        now,
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    mail::record_attempt(
        &app.db,
        to_ppk,
        &Attempt {
            at: now,
            subject: None,
            body_text: None,
            outcome: Outcome::Failed {
                error: "connection refused".into(),
                gave_up: false,
            },
        },
    )
    .await
    .unwrap();
    mail::mark_sent(
        &app.db,
        to_ppk,
        "Rekomendasi KASN untuk perkara",
        "Yth. Pejabat Pembina Kepegawaian",
        "250 OK queued as 42",
        now,
    )
    .await
    .unwrap();
    mail::mark_sent(
        &app.db,
        to_reporter,
        "Laporan Anda berpindah tahap",
        "Isi rahasia untuk pelapor",
        "250 OK queued as 43",
        now,
    )
    .await
    .unwrap();

    let admin = admin_session(&app).await;
    let list = admin.get(&app, "/kantor/surel").await;
    assert_eq!(list.status, 200);
    list.assert_contains("ppk@karawangkab.go.id");
    list.assert_contains("Rekomendasi untuk PPK");
    list.assert_contains("pelapor (alamat tersegel)");

    let staff_mail = admin.get(&app, &format!("/kantor/surel/{to_ppk}")).await;
    staff_mail.assert_contains("Rekomendasi KASN untuk perkara");
    staff_mail.assert_contains("connection refused");
    staff_mail.assert_contains("250 OK queued as 42");

    let reporter_mail = admin
        .get(&app, &format!("/kantor/surel/{to_reporter}"))
        .await;
    assert_eq!(reporter_mail.status, 200);
    reporter_mail.assert_contains("250 OK queued as 43");
    assert!(
        !reporter_mail.body.contains("Isi rahasia untuk pelapor")
            && !reporter_mail.body.contains("Laporan Anda berpindah tahap"),
        "what was said to a reporter stays out of the page"
    );
}
