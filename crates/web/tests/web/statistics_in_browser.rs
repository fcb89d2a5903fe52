//! The dashboard in a real browser on a phone-sized screen: read a chart, follow one of its bars
//! to the cases behind it, and download that list as a spreadsheet that holds the same cases.

use base64::Engine;
use calamine::{Data, Reader, Xlsx};
use fantoccini::{Client, Locator};
use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;

use super::app::TestApp;
use super::browser::{click, snapshot, type_into, wait_for_text, with_browser};
use super::case_history::{make_all, two_provinces};
use super::office::{PASSWORD, add_two_agencies, add_user};

async fn sign_in(client: &Client, base: &str) {
    client.goto(&format!("{base}/masuk")).await.unwrap();
    type_into(client, "#username", "satgas").await;
    type_into(client, "#password", PASSWORD).await;
    click(client, ".narrow-form button[type='submit']").await;
    wait_for_text(client, "h1", "Kantor Netral").await;
}

/// The text of the SVG `<title>` inside the first element matching `css`: what a chart shows
/// on hover and reads out to a screen reader.
async fn chart_title(client: &Client, css: &str) -> String {
    client
        .execute(
            "return document.querySelector(arguments[0] + ' title').textContent;",
            vec![css.into()],
        )
        .await
        .unwrap_or_else(|e| panic!("no chart title in `{css}`: {e}"))
        .as_str()
        .unwrap()
        .to_owned()
}

/// Downloads what the link `css` points at, with the browser's own cookies, as bytes.
async fn download(client: &Client, css: &str) -> Vec<u8> {
    let script = "const done = arguments[arguments.length - 1];
        fetch(document.querySelector(arguments[0]).href, { credentials: 'same-origin' })
          .then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
          .then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); })
          .catch(e => done('error: ' + e));";
    let answer = client
        .execute_async(script, vec![css.into()])
        .await
        .unwrap_or_else(|e| panic!("download `{css}`: {e}"));
    let text = answer.as_str().unwrap();
    assert!(!text.starts_with("error"), "{text}");
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .unwrap()
}

#[tokio::test]
async fn a_bar_of_the_dashboard_leads_to_its_cases_and_they_export_to_xlsx() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    make_all(&app.db, &app.rules, two_provinces()).await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    let base = app.base.clone();
    with_browser(move |client| async move {
        sign_in(&client, &base).await;
        client
            .goto(&format!("{base}/kantor/statistik"))
            .await
            .unwrap();
        wait_for_text(&client, "h1", "Statistik perkara").await;
        // The funnel chart: ten reported, five proven.
        assert_eq!(
            chart_title(&client, "#chart-funnel a.bar[data-step='reported']").await,
            "Dilaporkan: 10"
        );
        assert_eq!(
            chart_title(&client, "#chart-funnel a.bar[data-step='proven']").await,
            "Terbukti: 5"
        );
        // The violations chart: social-media campaigning was reported four times.
        let bar = "#by-violation a.bar[data-value='MEDSOS_KAMPANYE']";
        let title = chart_title(&client, bar).await;
        assert!(title.ends_with(": 4"), "{title}");
        snapshot(&client, "statistics-dashboard").await;
        client
            .find(Locator::Css(&format!("{bar} rect")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for_text(&client, "h1", "Perkara: Dilaporkan").await;
        wait_for_text(&client, "#case-total", "4 perkara.").await;
        let mut shown = Vec::new();
        for cell in client
            .find_all(Locator::Css("#case-list tbody td.mono a"))
            .await
            .unwrap()
        {
            shown.push(cell.text().await.unwrap());
        }
        assert_eq!(shown.len(), 4, "{shown:?}");
        snapshot(&client, "statistics-cases").await;

        let bytes = download(&client, "#export-xlsx").await;
        let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
        let mut exported: Vec<String> = sheet
            .rows()
            .skip(1)
            .map(|row| match &row[0] {
                Data::String(number) => number.clone(),
                other => panic!("case number cell {other:?}"),
            })
            .collect();
        let header: Vec<String> = sheet
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(header[0], "Nomor perkara");
        exported.sort();
        shown.sort();
        assert_eq!(exported, shown, "the file holds the list's cases");
    })
    .await;
}
