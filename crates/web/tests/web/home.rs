//! The home page: Indonesian by default, the funnel in aggregate, nothing personal.

use super::app::TestApp;
use super::demo;

#[tokio::test]
async fn home_is_indonesian_by_default() {
    let app = TestApp::start().await;
    let page = app.get("/").await;
    assert_eq!(page.status, 200);
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    page.assert_contains("<html lang=\"id\">");
    assert_eq!(page.h1(), "Menjaga netralitas ASN dalam Pemilu dan Pilkada");
    page.assert_contains("Belum ada perkara yang tercatat.");
    page.assert_contains("href=\"/aturan\"");
}

#[tokio::test]
async fn the_funnel_counts_cases_by_official_status_and_by_stage() {
    let app = TestApp::start().await;
    demo::seed(&app).await;
    let page = app.get("/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("Seluruhnya 3 perkara tercatat");
    // Two and one are fewer than the public minimum of five: withheld, as on /statistik.
    page.assert_contains("<span class=\"status-count\">&lt;5</span> <span class=\"status-label\">Menunggu verifikasi</span>");
    page.assert_contains(
        "<span class=\"status-count\">&lt;5</span> <span class=\"status-label\">Ditolak</span>",
    );
    page.assert_contains(
        "<span class=\"status-count\">0</span> <span class=\"status-label\">Dijatuhi sanksi</span>",
    );
    // The per-stage table lists every stage, empty ones included.
    for stage in [
        "Diterima",
        "Verifikasi",
        "Kajian",
        "Keberatan/banding",
        "Pensiun/berhenti",
    ] {
        page.assert_contains(&format!("<th scope=\"row\">{stage}</th>"));
    }
}

#[tokio::test]
async fn no_personal_data_reaches_the_public_page() {
    let app = TestApp::start().await;
    demo::seed(&app).await;
    for path in ["/", "/?lang=en"] {
        let page = app.get(path).await;
        for word in demo::PRIVATE_WORDS {
            assert!(!page.body.contains(word), "{path} shows `{word}`");
        }
        // NIPs have 18 digits, NIKs 16: no run of digits that long belongs on a public page.
        assert!(
            longest_digit_run(&page.body) < 16,
            "{path} shows a 16+ digit number (a NIP or NIK?)"
        );
    }
}

fn longest_digit_run(text: &str) -> usize {
    text.split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0)
}
