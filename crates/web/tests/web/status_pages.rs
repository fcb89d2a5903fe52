//! Following a report: the status page opened with number and receipt code, what it shows and
//! hides, the guard against guessing codes, and replies.

use chrono::Utc;
use netral_store::thread::{self, Author, NewMessage};
use netral_web::IntakeSettings;

use super::app::TestApp;
use super::portal::{
    EXE, Filed, Form, PDF, PNG, good_report, look_up, quick, receipt, send_report,
};

async fn file_one(app: &TestApp) -> Filed {
    receipt(
        &send_report(
            app,
            &good_report(),
            &[("foto-grup.png", PNG), ("surat.pdf", PDF)],
        )
        .await,
    )
}

async fn case_id(app: &TestApp, number: &str) -> i64 {
    netral_store::sql("SELECT case_id FROM reports WHERE number = $1")
        .bind(number.to_owned())
        .fetch_one(&app.db)
        .await
        .unwrap()
        .get("case_id")
        .unwrap()
}

async fn handler_writes(app: &TestApp, number: &str, body: &str, internal: bool) {
    let message = NewMessage {
        case_id: case_id(app, number).await,
        author: Author::Handler,
        handler_name: "Rina Wulandari (Satgas)",
        body,
        internal,
        idempotency_key: None,
        attachments: &[],
    };
    assert!(
        thread::add_message(&app.db, &message, Utc::now())
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn the_status_page_shows_the_stage_files_and_public_messages_only() {
    let app = TestApp::start_with(quick()).await;
    let filed = file_one(&app).await;
    handler_writes(
        &app,
        &filed.number,
        "Mohon kirim tangkapan layar grupnya.",
        false,
    )
    .await;
    handler_writes(
        &app,
        &filed.number,
        "Catatan internal: pelapor mungkin rekan kerja.",
        true,
    )
    .await;

    // Codes are read leniently: lower case, no dashes.
    let typed_code = filed.code.replace('-', "").to_lowercase();
    let (page, _) = look_up(&app, &filed.number.to_lowercase(), &typed_code).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(page.header("cache-control"), Some("no-store"));
    assert_eq!(page.h1(), format!("Laporan {}", filed.number));
    page.assert_contains(
        "<p class=\"stage\" id=\"stage\">Laporan diterima, menunggu diperiksa</p>",
    );
    // The received stage has 3 working days: its deadline falls on a working day.
    let deadline = page
        .body
        .split("Batas waktu tahap ini: <time datetime=\"")
        .nth(1)
        .expect("a deadline as a <time>");
    let shown = deadline.split("\">").nth(1).unwrap();
    assert!(
        ["Senin, ", "Selasa, ", "Rabu, ", "Kamis, ", "Jumat, "]
            .iter()
            .any(|day| shown.starts_with(day)),
        "the deadline reads as a long Indonesian date: {shown}"
    );
    page.assert_contains(
        "<span class=\"file-name\">foto-grup.png</span> <span class=\"file-size\">(",
    );
    page.assert_contains("<span class=\"file-name\">surat.pdf</span>");
    page.assert_contains("<strong class=\"message-author\">Petugas</strong>");
    page.assert_contains("Mohon kirim tangkapan layar grupnya.");
    assert!(
        !page.body.contains("Catatan internal"),
        "internal notes stay internal"
    );
    assert!(!page.body.contains("Rina"), "handlers are never named");
    page.assert_contains("action=\"/status/balas\"");
}

#[tokio::test]
async fn every_state_reads_as_a_sentence_for_the_reporter() {
    // The Indonesian sentences the brief names, for the stages a reporter most often sees.
    let app = TestApp::start_with(quick()).await;
    let filed = file_one(&app).await;
    for (state, words) in [
        ("verification", "Sedang diverifikasi oleh Satgas"),
        ("review", "Sedang dikaji oleh Bawaslu"),
        (
            "awaiting_follow_up",
            "Rekomendasi sudah dikirim ke pejabat pembina kepegawaian (PPK), menunggu tindak lanjut",
        ),
        ("sanctioned", "Terbukti; sanksi telah dijatuhkan"),
        ("not_proven", "Tidak terbukti melanggar"),
    ] {
        // Test data only: cases change state through the domain's state machine in the app.
        let mut tx = app.db.begin().await.unwrap();
        netral_store::sql("UPDATE cases SET state = $1, deadline = NULL")
            .bind(state.to_owned())
            .execute(&mut tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let (page, _) = look_up(&app, &filed.number, &filed.code).await;
        page.assert_contains(&format!("id=\"stage\">{words}</p>"));
        assert!(!page.body.contains("Batas waktu tahap ini"));
    }
}

#[tokio::test]
async fn wrong_codes_get_one_answer_and_then_the_number_is_locked() {
    let app = TestApp::start_with(IntakeSettings {
        wrong_receipts_per_window: 2,
        ..quick()
    })
    .await;
    let filed = file_one(&app).await;
    let wrong_code = "0000-0000-0000-0000-0000";
    let generic = "Nomor laporan atau kode tanda terima tidak cocok.";
    let (unknown, _) = look_up(&app, "LAP-2099-999999", &filed.code).await;
    let (wrong, _) = look_up(&app, &filed.number, wrong_code).await;
    for page in [&unknown, &wrong] {
        assert_eq!(page.status, 422);
        page.assert_contains(generic);
        assert!(!page.body.contains("Tahap sekarang"));
    }
    let (wrong, _) = look_up(&app, &filed.number, wrong_code).await;
    wrong.assert_contains(generic);
    // Two wrong codes: the number is closed for the window, even to the right code.
    let (locked, _) = look_up(&app, &filed.number, &filed.code).await;
    assert_eq!(locked.status, 429);
    locked.assert_contains("Terlalu banyak percobaan kode yang salah untuk nomor laporan ini.");
    assert!(!locked.body.contains("Tahap sekarang"));
    // Other reports are not affected.
    let other = file_one(&app).await;
    let (page, _) = look_up(&app, &other.number, &other.code).await;
    assert_eq!(page.status, 200);
}

#[tokio::test]
async fn a_mistyped_code_is_explained_and_not_counted() {
    let app = TestApp::start_with(quick()).await;
    let filed = file_one(&app).await;
    let (page, _) = look_up(&app, &filed.number, "7K3M-Q9TX").await;
    assert_eq!(page.status, 422);
    page.assert_contains(
        "Kode tanda terima: kode tanda terima terdiri dari 20 huruf dan angka; yang Anda ketik 8.",
    );
    page.assert_contains(&format!("value=\"{}\"", filed.number));
    let counted = app
        .count("SELECT COUNT(*) AS n FROM rate_limits WHERE bucket LIKE 'receipt-fail:%'")
        .await;
    assert_eq!(counted, 0);
}

#[tokio::test]
async fn looking_up_needs_the_form_token() {
    let app = TestApp::start_with(quick()).await;
    let filed = file_one(&app).await;
    let (_, form) = Form::open(&app, "/status", "/status").await;
    let page = form
        .with_hidden("csrf", "forged")
        .post_urlencoded(
            &app,
            "/status",
            &[
                ("report_number", &filed.number),
                ("receipt_code", &filed.code),
            ],
        )
        .await;
    assert_eq!(page.status, 403);
    assert!(!page.body.contains("Tahap sekarang"));
}

#[tokio::test]
async fn a_reply_joins_the_thread_once() {
    let app = TestApp::start_with(quick()).await;
    let filed = file_one(&app).await;
    let (_, reply) = look_up(&app, &filed.number, &filed.code).await;
    assert_eq!(reply.hidden("report_number"), filed.number);

    let empty = reply
        .post_multipart(&app, "/status/balas", &[("body", " ")], &[])
        .await;
    assert_eq!(empty.status, 422);
    empty.assert_contains("<a href=\"#body\">Pesan: tulis pesan atau lampirkan berkas.</a>");
    let disguised = reply
        .post_multipart(
            &app,
            "/status/balas",
            &[("body", "Ini videonya")],
            &[("video.mp4", EXE)],
        )
        .await;
    assert_eq!(disguised.status, 422);
    disguised.assert_contains("Bukti: berkas video.mp4 bukan gambar, PDF, atau video.");
    disguised.assert_contains("Ini videonya</textarea>");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM messages").await, 0);

    let body = "Tangkapan layar grup terlampir.";
    let sent = reply
        .post_multipart(
            &app,
            "/status/balas",
            &[("body", body)],
            &[("grup.png", PNG)],
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert_eq!(sent.header("cache-control"), Some("no-store"));
    sent.assert_contains("Pesan Anda sudah terkirim.");
    sent.assert_contains("<strong class=\"message-author\">Anda</strong>");
    sent.assert_contains(body);
    sent.assert_contains("<span class=\"file-name\">grup.png</span>");
    // The same page sent twice (a double click, a reload) adds the message once.
    reply
        .post_multipart(
            &app,
            "/status/balas",
            &[("body", body)],
            &[("grup.png", PNG)],
        )
        .await;
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM messages").await, 1);

    // A reply with a wrong code is refused like a wrong look-up.
    let forged = reply
        .clone()
        .with_hidden("receipt_code", "0000-0000-0000-0000-0000")
        .with_hidden("idempotency_key", "another-key-0123456789")
        .post_multipart(&app, "/status/balas", &[("body", "palsu")], &[])
        .await;
    assert_eq!(forged.status, 422);
    forged.assert_contains("Nomor laporan atau kode tanda terima tidak cocok.");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM messages").await, 1);
}

#[tokio::test]
async fn the_language_switch_of_a_reply_page_leads_back_to_the_look_up() {
    let app = TestApp::start().await;
    let page = app.get("/status/balas?lang=en").await;
    assert_eq!(page.status, 303);
    assert_eq!(page.header("location"), Some("/status"));
    assert!(page.header("set-cookie").unwrap().starts_with("lang=en;"));
}
