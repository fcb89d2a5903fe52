//! Sending the report form: what is filed, and every way a submission is refused — each
//! refusal names the field in Indonesian, keeps what was typed, and stores nothing.

use std::time::Duration;

use netral_store::thread;
use netral_store::vault::ReceiptCode;
use netral_web::IntakeSettings;

use super::app::{Page, TestApp};
use super::portal::{EXE, Form, PDF, PNG, changed, good_report, quick, receipt, send_report};

const REPORTS: &str = "SELECT COUNT(*) AS n FROM reports";
const EVIDENCE: &str = "SELECT COUNT(*) AS n FROM evidence";

/// A 422 with the form again: the message in the summary (linked to the field) and beside
/// the field, nothing stored.
async fn assert_refused(app: &TestApp, page: &Page, field: &str, message: &str) {
    assert_eq!(page.status, 422, "{}", page.body);
    assert_eq!(page.header("cache-control"), Some("no-store"));
    page.assert_contains("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus");
    page.assert_contains(&format!("<a href=\"#{field}\">{message}</a>"));
    page.assert_contains(&format!(
        "<p class=\"field-error\" id=\"{field}-error\">{message}</p>"
    ));
    assert_eq!(app.count(REPORTS).await, 0, "nothing is filed");
    assert_eq!(app.count(EVIDENCE).await, 0, "no file is kept");
}

#[tokio::test]
async fn a_good_report_is_filed_and_its_receipt_shown_in_the_response() {
    let app = TestApp::start_with(quick()).await;
    let page = send_report(
        &app,
        &good_report(),
        &[("foto.png", PNG), ("berita-acara.pdf", PDF)],
    )
    .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(page.header("cache-control"), Some("no-store"));
    page.assert_contains("Terima kasih, laporan Anda sudah diterima");
    page.assert_contains("hanya ditampilkan sekali dan tidak dapat dipulihkan");
    page.assert_contains("Catat atau potret layar kode ini sekarang.");
    page.assert_contains("paling lama 7 hari kalender");
    page.assert_contains("href=\"/status\"");
    assert!(
        !page.body.contains("lang-switch"),
        "switching language would lose the receipt"
    );
    let filed = receipt(&page);
    assert!(filed.number.starts_with("LAP-"), "{}", filed.number);
    assert_eq!(
        filed.code.len(),
        24,
        "grouped in fives of four: {}",
        filed.code
    );
    assert_eq!(filed.code.matches('-').count(), 4);
    assert_eq!(app.count(REPORTS).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM attachments").await, 2);
    // The code shown opens the report; only its hash was stored.
    let code = ReceiptCode::parse(&filed.code).unwrap();
    let view = thread::reporter_view(&app.db, &filed.number, &code.hash())
        .await
        .unwrap()
        .expect("the receipt opens the report");
    assert_eq!(view.attachments.len(), 2);
    let stored: String = netral_store::sql("SELECT summary AS s FROM reports")
        .fetch_one(&app.db)
        .await
        .unwrap()
        .get("s")
        .unwrap();
    assert!(stored.contains("stiker pasangan calon"));
    let hints: String = netral_store::sql("SELECT subject_nip AS s FROM reports")
        .fetch_one(&app.db)
        .await
        .unwrap()
        .get("s")
        .unwrap();
    assert_eq!(hints, "198503122010011003", "spaces in the NIP are dropped");
}

#[tokio::test]
async fn a_wrong_nip_is_named_in_indonesian_and_everything_typed_is_kept() {
    let app = TestApp::start_with(quick()).await;
    let page = send_report(
        &app,
        &changed("subject_number", "19850312201001100"),
        &[("foto.png", PNG)],
    )
    .await;
    assert_refused(
        &app,
        &page,
        "subject_number",
        "NIP atau NIK: NIP harus 18 angka, baru 17.",
    )
    .await;
    page.assert_contains("aria-invalid=\"true\"");
    // Everything typed comes back: text, ticks, choices; the files cannot, and it says so.
    page.assert_contains("value=\"19850312201001100\"");
    page.assert_contains(
        "Kepala bidang membagikan stiker pasangan calon di grup WhatsApp dinas.</textarea>",
    );
    page.assert_contains("value=\"Kantor Dinas Pendidikan, Karawang\"");
    page.assert_contains("https://facebook.com/post/1\nhttps://instagram.com/p/2</textarea>");
    page.assert_contains("value=\"MEDSOS_INTERAKSI\" checked");
    page.assert_contains("value=\"FOTO_KEBERPIHAKAN\" checked");
    assert!(!page.body.contains("value=\"DEKLARASI\" checked"));
    page.assert_contains("value=\"pilkada\" checked");
    page.assert_contains("value=\"2024-09-28\"");
    page.assert_contains("lampirkan kembali berkas Anda");
}

#[tokio::test]
async fn missing_required_fields_are_all_named_at_once() {
    let app = TestApp::start_with(quick()).await;
    let fields = [
        ("summary", "  "),
        ("subject_number", ""),
        ("incident_date", ""),
        ("place", "Alun-alun Karawang"),
    ];
    let page = send_report(&app, &fields, &[]).await;
    assert_refused(
        &app,
        &page,
        "summary",
        "Ceritakan kejadiannya: wajib diisi.",
    )
    .await;
    page.assert_contains("<a href=\"#incident_date\">Tanggal kejadian: wajib diisi.</a>");
    page.assert_contains("<a href=\"#subject_number\">NIP atau NIK: isi NIP atau NIK, atau (jika tidak tahu) nama orang yang dilaporkan.</a>");
    page.assert_contains("value=\"Alun-alun Karawang\"");
    assert!(
        !page.body.contains("lampirkan kembali berkas Anda"),
        "no files were sent, so none are asked for again"
    );
}

#[tokio::test]
async fn a_described_subject_needs_a_name_and_is_filed_with_one() {
    let app = TestApp::start_with(quick()).await;
    let mut fields = changed("subject_number", "");
    fields.push(("subject_agency", "Dinas Pendidikan Kab. Karawang"));
    let page = send_report(&app, &fields, &[]).await;
    assert_refused(
        &app,
        &page,
        "subject_name",
        "Nama terlapor: tuliskan nama orang yang dilaporkan.",
    )
    .await;
    page.assert_contains("<details class=\"unknown-subject\" open>");
    fields.push(("subject_name", "Budi Santoso"));
    fields.push(("subject_position", "Kepala Bidang"));
    let page = send_report(&app, &fields, &[]).await;
    receipt(&page);
    let described: String = netral_store::sql("SELECT subject_description AS d FROM reports")
        .fetch_one(&app.db)
        .await
        .unwrap()
        .get("d")
        .unwrap();
    assert_eq!(
        described,
        "Budi Santoso — Kepala Bidang, Dinas Pendidikan Kab. Karawang"
    );
}

#[tokio::test]
async fn a_future_date_and_a_bad_link_are_refused() {
    let app = TestApp::start_with(quick()).await;
    let page = send_report(&app, &changed("incident_date", "2099-01-01"), &[]).await;
    assert_refused(
        &app,
        &page,
        "incident_date",
        "Tanggal kejadian: Kamis, 1 Januari 2099 belum terjadi; tanggal kejadian tidak boleh di masa depan.",
    )
    .await;
    let page = send_report(&app, &changed("links", "facebook.com/post/1"), &[]).await;
    assert_refused(
        &app,
        &page,
        "links",
        "Tautan ke unggahan: &quot;facebook.com/post/1&quot; bukan alamat web; tautan diawali https:// atau http://.",
    )
    .await;
}

#[tokio::test]
async fn a_program_renamed_to_a_photo_is_refused_by_its_content() {
    let app = TestApp::start_with(quick()).await;
    let page = send_report(
        &app,
        &good_report(),
        &[("bukti.pdf", PDF), ("foto.jpg", EXE)],
    )
    .await;
    assert_refused(
        &app,
        &page,
        "evidence",
        "Bukti: berkas foto.jpg bukan gambar, PDF, atau video.",
    )
    .await;
    page.assert_contains("lampirkan kembali berkas Anda");
}

#[tokio::test]
async fn files_over_the_limits_are_named_with_the_limit() {
    let app = TestApp::start_with(IntakeSettings {
        max_file_bytes: 1024,
        max_files: 2,
        ..quick()
    })
    .await;
    let mut big = PNG.to_vec();
    big.resize(2000, 0);
    let page = send_report(&app, &good_report(), &[("besar.png", &big)]).await;
    assert_refused(
        &app,
        &page,
        "evidence",
        "Bukti: berkas besar.png lebih dari 1 KB.",
    )
    .await;
    page.assert_contains("masing-masing paling besar 1 KB");
    let page = send_report(
        &app,
        &good_report(),
        &[("a.png", PNG), ("b.pdf", PDF), ("c.png", PNG)],
    )
    .await;
    assert_refused(&app, &page, "evidence", "Bukti: paling banyak 2 berkas.").await;
}

#[tokio::test]
async fn a_body_over_the_limit_gets_a_translated_413() {
    let settings = IntakeSettings {
        max_file_bytes: 1024,
        max_files: 2,
        ..quick()
    };
    let limit = settings.max_body_bytes();
    let app = TestApp::start_with(settings).await;
    let mut huge = PNG.to_vec();
    huge.resize(limit + 64 * 1024, 0);
    let page = send_report(&app, &good_report(), &[("video.png", &huge)]).await;
    assert_eq!(page.status, 413, "{}", page.body);
    assert_eq!(page.h1(), "Kiriman terlalu besar");
    assert_eq!(app.count(REPORTS).await, 0);
}

#[tokio::test]
async fn a_confidential_reporter_must_leave_a_contact() {
    let app = TestApp::start_with(quick()).await;
    let mut fields = changed("reporter_mode", "confidential");
    fields.push(("reporter_name", "Siti Aminah"));
    let page = send_report(&app, &fields, &[]).await;
    assert_refused(
        &app,
        &page,
        "reporter_phone",
        "Nomor telepon: isi nomor telepon atau email agar petugas dapat menghubungi Anda, atau pilih &quot;Tanpa nama&quot;.",
    )
    .await;
    page.assert_contains("value=\"confidential\" checked");
    page.assert_contains("value=\"Siti Aminah\"");
    fields.push(("reporter_email", "siti@example.id"));
    receipt(&send_report(&app, &fields, &[]).await);
    let mode: String = netral_store::sql("SELECT reporter_mode AS m FROM reports")
        .fetch_one(&app.db)
        .await
        .unwrap()
        .get("m")
        .unwrap();
    assert_eq!(mode, "confidential");
}

#[tokio::test]
async fn forged_or_missing_csrf_tokens_are_refused() {
    let app = TestApp::start_with(quick()).await;
    let (_, mine) = Form::open(&app, "/lapor", "/lapor").await;
    let (_, theirs) = Form::open(&app, "/lapor", "/lapor").await;
    let forged = [
        // No cookie at all: a request another site made the browser send.
        Form {
            cookie: String::new(),
            ..mine.clone()
        },
        // A token made for someone else's cookie.
        Form {
            cookie: theirs.cookie.clone(),
            ..mine.clone()
        },
        // No token.
        mine.clone().with_hidden("csrf", ""),
        // A token altered by hand.
        mine.clone()
            .with_hidden("csrf", &format!("{}x", mine.hidden("csrf"))),
    ];
    for form in forged {
        let page = form
            .post_multipart(&app, "/lapor", &good_report(), &[])
            .await;
        assert_eq!(page.status, 403, "{}", page.body);
        assert_eq!(page.h1(), "Formulir tidak dapat diterima");
        page.assert_contains("Formulir kedaluwarsa atau tidak sah, muat ulang halaman");
    }
    assert_eq!(app.count(REPORTS).await, 0);
    // The right pair goes through.
    receipt(
        &mine
            .post_multipart(&app, "/lapor", &good_report(), &[])
            .await,
    );
}

#[tokio::test]
async fn a_filled_honeypot_is_refused_calmly() {
    let app = TestApp::start_with(quick()).await;
    let page = send_report(&app, &changed("situs_web", "https://promo.example"), &[]).await;
    assert_eq!(page.status, 400);
    assert_eq!(page.h1(), "Kiriman tidak dapat diterima");
    page.assert_contains("program otomatis");
    assert_eq!(app.count(REPORTS).await, 0);
}

#[tokio::test]
async fn a_form_sent_back_too_fast_or_unsigned_is_not_filed() {
    let app = TestApp::start_with(IntakeSettings {
        min_fill_time: Duration::from_secs(3600),
        ..IntakeSettings::default()
    })
    .await;
    let page = send_report(&app, &good_report(), &[]).await;
    assert_eq!(page.status, 422);
    page.assert_contains("Formulir terkirim hanya beberapa detik setelah dibuka.");
    page.assert_contains("value=\"Kantor Dinas Pendidikan, Karawang\"");
    assert_eq!(app.count(REPORTS).await, 0);

    let app = TestApp::start_with(quick()).await;
    let (_, form) = Form::open(&app, "/lapor", "/lapor").await;
    let page = form
        .with_hidden("issued", "1700000000")
        .post_multipart(&app, "/lapor", &good_report(), &[])
        .await;
    assert_eq!(page.status, 422);
    page.assert_contains("Formulir ini tidak lengkap atau sudah diubah.");
    assert_eq!(app.count(REPORTS).await, 0);
}

#[tokio::test]
async fn a_replayed_submission_gets_the_same_receipt_and_files_once() {
    let app = TestApp::start_with(quick()).await;
    let (_, form) = Form::open(&app, "/lapor", "/lapor").await;
    let first = form
        .post_multipart(&app, "/lapor", &good_report(), &[("foto.png", PNG)])
        .await;
    let again = form
        .post_multipart(&app, "/lapor", &good_report(), &[("foto.png", PNG)])
        .await;
    let (first, again_page) = (receipt(&first), again);
    let again = receipt(&again_page);
    assert_eq!(first.number, again.number);
    assert_eq!(first.code, again.code);
    again_page.assert_contains("sudah diterima sebelumnya");
    assert_eq!(app.count(REPORTS).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM attachments").await, 1);
}

#[tokio::test]
async fn submissions_are_limited_per_client() {
    let app = TestApp::start_with(IntakeSettings {
        submissions_per_window: 2,
        ..quick()
    })
    .await;
    receipt(&send_report(&app, &good_report(), &[]).await);
    receipt(&send_report(&app, &good_report(), &[]).await);
    let page = send_report(&app, &good_report(), &[]).await;
    assert_eq!(page.status, 429);
    assert_eq!(page.h1(), "Terlalu banyak permintaan");
    assert_eq!(app.count(REPORTS).await, 2);
}
