//! The rules pages: the version in force, any version by name, and the holiday calendar.

use chrono::Utc;
use netral_domain::deadline::jakarta_date;
use netral_domain::rules::Track;

use super::app::{TestApp, escaped};

#[tokio::test]
async fn the_rules_in_force_list_every_violation_in_indonesian() {
    let app = TestApp::start().await;
    let set = app.rules.in_force_on(jakarta_date(Utc::now())).unwrap();
    let page = app.get("/aturan").await;
    assert_eq!(page.status, 200);
    page.assert_contains("<html lang=\"id\">");
    page.assert_contains(&format!("<code>{}</code>", set.version));
    page.assert_contains(&set.oversight_body);
    for violation in &set.violations {
        page.assert_contains(&escaped(&violation.title.id));
        page.assert_contains(&violation.code);
    }
    page.assert_contains("Pelanggaran disiplin");
    page.assert_contains("Pelanggaran kode etik");
    // Discipline comes first, as in the decree.
    let discipline = page.body.find("id=\"disiplin\"").unwrap();
    let ethics = page.body.find("id=\"etika\"").unwrap();
    assert!(discipline < ethics);
    let first_ethics = set
        .violations
        .iter()
        .find(|v| v.track == Track::Ethics)
        .unwrap();
    assert!(page.body.find(&escaped(&first_ethics.title.id)).unwrap() > ethics);
    page.assert_contains("7 hari kalender");
    page.assert_contains("3 hari kerja");
    page.assert_contains("Belum pasti");
    page.assert_contains("Diperdebatkan");
    page.assert_contains("href=\"/aturan/2022-09-22-skb\"");
    page.assert_contains("<a href=\"/aturan\" aria-current=\"page\">Aturan</a>");
    page.assert_contains("href=\"/aturan/libur/2024\"");
}

#[tokio::test]
async fn the_rules_speak_english_on_request() {
    let app = TestApp::start().await;
    let set = app.rules.version("2024-08-24-bkn").unwrap();
    let page = app.get("/aturan/2024-08-24-bkn?lang=en").await;
    for violation in &set.violations {
        page.assert_contains(&escaped(&violation.title.en));
    }
    page.assert_contains("7 calendar days");
    page.assert_contains("3 working days");
    page.assert_contains("Saturday, 24 August 2024");
}

#[tokio::test]
async fn an_older_version_shows_its_own_oversight_body() {
    let app = TestApp::start().await;
    let page = app.get("/aturan/2022-09-22-skb").await;
    assert_eq!(page.status, 200);
    page.assert_contains("<dd>KASN</dd>");
    page.assert_contains("Kamis, 22 September 2022");
    page.assert_contains("Versi ini tidak berlaku hari ini");
}

#[tokio::test]
async fn an_unknown_version_is_a_translated_404() {
    let app = TestApp::start().await;
    let page = app.get("/aturan/nope").await;
    assert_eq!(page.status, 404);
    page.assert_contains("<html lang=\"id\">");
    assert_eq!(page.h1(), "Halaman tidak ditemukan");
    assert!(
        !page.body.contains("aria-current"),
        "an error page is no section of the site"
    );
    let page = app.get("/aturan/nope?lang=en").await;
    assert_eq!((page.status, page.h1().as_str()), (404, "Page not found"));
}

#[tokio::test]
async fn a_holiday_year_lists_its_days_in_indonesian_dates() {
    let app = TestApp::start().await;
    let page = app.get("/aturan/libur/2024").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.h1(), "Hari libur 2024");
    page.assert_contains("Pemungutan suara Pemilu 2024");
    page.assert_contains("<time datetime=\"2024-02-14\">Rabu, 14 Februari 2024</time>");
    page.assert_contains("Hari pemungutan suara");
    page.assert_contains("Cuti bersama");
}

#[tokio::test]
async fn unknown_or_malformed_years_are_404_pages() {
    let app = TestApp::start().await;
    for path in [
        "/aturan/libur/1999",
        "/aturan/libur/dua-ribu",
        "/aturan/libur/99999999999",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 404, "{path}");
        assert_eq!(page.h1(), "Halaman tidak ditemukan", "{path}");
    }
}

#[tokio::test]
async fn unknown_paths_are_a_translated_404() {
    let app = TestApp::start().await;
    let page = app.get("/tidak/ada").await;
    assert_eq!(page.status, 404);
    assert_eq!(page.h1(), "Halaman tidak ditemukan");
    page.assert_contains("Kode status 404");
    let page = app
        .get_with("/tidak/ada", &[("accept-language", "en")])
        .await;
    assert_eq!(page.h1(), "Page not found");
}
