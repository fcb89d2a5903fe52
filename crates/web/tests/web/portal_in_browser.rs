//! The portal in a real browser, used as a person would: the report form filled in by typing
//! and clicking, two files attached, the receipt read off the screen, the status page opened
//! with it, a reply written, and an officer's answer seen on the next visit; once on a desktop
//! screen and once on a phone 360 px wide, where no page may scroll sideways.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use netral_store::Db;
use netral_store::thread::{self, Author, NewMessage};
use netral_testkit::fixtures::add_karawang_official;

use super::app::TestApp;
use super::browser::{click, eval, press, snapshot, text, type_date, type_into, with_browser};
use super::portal::quick;

/// A real 1×1 PNG and a minimal PDF: what a phone's gallery and a letter scan look like to the
/// content check.
const PNG_1X1: [u8; 69] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];
const PDF_MINIMAL: &str = "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 72 72]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";

const SUMMARY: &str =
    "Kepala bidang membagikan stiker pasangan calon nomor 2 di grup WhatsApp dinas.";
const REPLY: &str = "Tangkapan layar grupnya sudah saya lampirkan di laporan.";
const ANSWER: &str = "Terima kasih. Laporan Anda sedang kami periksa.";

#[tokio::test]
async fn a_person_reports_and_follows_up_on_a_desktop_screen() {
    file_and_follow(false).await;
}

#[tokio::test]
async fn a_person_reports_and_follows_up_on_a_phone_360_px_wide() {
    file_and_follow(true).await;
}

async fn file_and_follow(phone: bool) {
    let app = TestApp::start_with(quick()).await;
    add_karawang_official(&app.db).await;
    let files = tempfile::tempdir().unwrap();
    let png = write(files.path(), "foto-grup.png", &PNG_1X1);
    let pdf = write(files.path(), "surat-edaran.pdf", PDF_MINIMAL.as_bytes());
    let (base, db) = (app.base.clone(), app.db.clone());
    with_browser(move |client| async move {
        if !phone {
            client.set_window_size(1280, 900).await.unwrap();
        }
        client.goto(&format!("{base}/")).await.unwrap();
        click(&client, "a.button-large").await;
        assert_eq!(client.current_url().await.unwrap().path(), "/lapor");
        assert_no_sideways_scroll(&client, phone, "the form").await;
        shot(&client, phone, "form").await;

        // Sent empty by mistake: the problems are listed on top, and the keyboard starts there.
        click(&client, ".report-form button[type='submit']").await;
        text(&client, ".error-summary").await;
        assert_eq!(
            eval(&client, "document.activeElement.className").await,
            "error-summary",
            "the summary of problems has the focus"
        );
        let problems = text(&client, ".error-summary").await;
        assert!(
            problems.contains("Ceritakan kejadiannya: wajib diisi."),
            "{problems}"
        );
        assert_no_sideways_scroll(&client, phone, "the form with errors").await;
        shot(&client, phone, "form-errors").await;

        // What happened: one tick, and the story in the reporter's words.
        click(&client, "label[for='v-MEDSOS_INTERAKSI']").await;
        type_into(&client, "#summary", SUMMARY).await;
        // Who: the NIP, checked while typing; the name comes back masked.
        type_into(&client, "#subject_number", "19850312 201001 1 003").await;
        let check = client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css("#subject_number-status .check-good"))
            .await
            .expect("the number check answers under the field");
        let said = check.text().await.unwrap();
        assert!(said.contains("A**** S******"), "{said}");
        assert!(!said.contains("Suryana"), "{said}");
        // When and where.
        type_date(&client, "#incident_date", "2024", "09", "28").await;
        type_into(&client, "#place", "Kantor Dinas Pendidikan, Karawang").await;
        click(&client, "label[for='election-pilkada']").await;
        // Evidence: two files chosen at once, as from a file picker.
        let picker = client.find(Locator::Id("evidence")).await.unwrap();
        picker
            .send_keys(&format!("{}\n{}", png.display(), pdf.display()))
            .await
            .unwrap();
        assert_eq!(
            eval(&client, "document.getElementById('evidence').files.length").await,
            2
        );
        // Anonymous is chosen already; send.
        assert_eq!(
            eval(&client, "document.getElementById('mode-anonymous').checked").await,
            true
        );
        shot(&client, phone, "form-filled").await;
        click(&client, ".report-form button[type='submit']").await;

        let number = text(&client, "#report-number").await;
        let code = text(&client, "#receipt-code").await;
        assert!(number.starts_with("LAP-"), "{number}");
        assert_eq!(code.len(), 24, "{code}");
        assert!(
            !client.current_url().await.unwrap().as_str().contains(&code),
            "the receipt code never goes into a URL"
        );
        assert_no_sideways_scroll(&client, phone, "the receipt").await;
        shot(&client, phone, "receipt").await;

        // The status page, reached from the receipt, opened by typing both and pressing Enter.
        click(&client, "a[href='/status'].button").await;
        open_status(&client, phone, &number, &code).await;
        let stage = text(&client, "#stage").await;
        assert_eq!(stage, "Laporan diterima, menunggu diperiksa");
        let files_shown = text(&client, ".file-list").await;
        assert!(
            files_shown.contains("foto-grup.png") && files_shown.contains("surat-edaran.pdf"),
            "{files_shown}"
        );
        assert_no_sideways_scroll(&client, phone, "the status page").await;
        shot(&client, phone, "status").await;

        // A reply.
        type_into(&client, "#body", REPLY).await;
        click(&client, ".reply-form button[type='submit']").await;
        let sent = text(&client, ".notice-ok").await;
        assert_eq!(sent, "Pesan Anda sudah terkirim.");
        assert!(text(&client, ".thread").await.contains(REPLY));
        assert_no_sideways_scroll(&client, phone, "the status page after a reply").await;

        // An officer answers in the back office; the reporter looks again later.
        officer_answers(&db, &number, ANSWER).await;
        click(&client, ".site-nav a[href='/status']").await;
        open_status(&client, phone, &number, &code).await;
        let thread = text(&client, ".thread").await;
        assert!(
            thread.contains(REPLY) && thread.contains(ANSWER),
            "{thread}"
        );
        assert!(thread.contains("Petugas"), "{thread}");
        assert_no_sideways_scroll(&client, phone, "the status page with an answer").await;
        shot(&client, phone, "answer").await;
    })
    .await;
    drop(files);
}

/// Screenshots (see `browser::snapshot`) of the phone run only: taking one resizes the window
/// to phone width.
async fn shot(client: &Client, phone: bool, name: &str) {
    if phone {
        snapshot(client, &format!("portal-{name}")).await;
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

async fn open_status(client: &Client, phone: bool, number: &str, code: &str) {
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Id("report_number"))
        .await
        .unwrap();
    assert_eq!(client.current_url().await.unwrap().path(), "/status");
    assert_no_sideways_scroll(client, phone, "the look-up form").await;
    type_into(client, "#report_number", number).await;
    type_into(client, "#receipt_code", code).await;
    press(client, Key::Enter).await;
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Id("stage"))
        .await
        .expect("the status page opens");
}

async fn officer_answers(db: &Db, number: &str, body: &str) {
    let case_id: i64 = netral_store::sql("SELECT case_id FROM reports WHERE number = $1")
        .bind(number.to_owned())
        .fetch_one(db)
        .await
        .unwrap()
        .get("case_id")
        .unwrap();
    let message = NewMessage {
        case_id,
        author: Author::Handler,
        handler_name: "Rina Wulandari",
        body,
        internal: false,
        idempotency_key: None,
        attachments: &[],
    };
    thread::add_message(db, &message, Utc::now()).await.unwrap();
}

async fn assert_no_sideways_scroll(client: &Client, phone: bool, what: &str) {
    if !phone {
        return;
    }
    let overflow = eval(
        client,
        "document.documentElement.scrollWidth - window.innerWidth",
    )
    .await;
    assert!(
        overflow.as_i64().unwrap() <= 0,
        "{what} scrolls sideways at 360 px by {overflow} px"
    );
}
