//! The figures: West Java's published funnel and shares reproduced exactly from a case history
//! made through the real state machine, on the dashboard, the API and the public page; figures
//! that stay within the reader's scope and lead to the very cases they count; exports that open
//! as spreadsheets; and small cells withheld in every public breakdown.

use calamine::{Data, Reader, Xlsx};
use netral_domain::case::Role;
use netral_domain::report::Channel;
use netral_testkit::fixtures::NIP;
use serde_json::Value;

use super::api_staff::{call, token_for};
use super::app::{TestApp, on_both_backends};
use super::case_history::{Outcome, Planned, make_all, two_provinces, west_java};
use super::office::{SEMARANG_NIP, add_two_agencies, signed_in};

/// The HTML of the first table row carrying `attribute` (`data-step="proven"`).
fn row<'a>(html: &'a str, attribute: &str) -> &'a str {
    let start = html
        .find(&format!("<tr {attribute}"))
        .unwrap_or_else(|| panic!("no row with {attribute}"));
    let end = html[start..].find("</tr>").unwrap() + start;
    &html[start..end]
}

/// The first link of `html` (`href` value, entities decoded).
fn first_link(html: &str) -> String {
    let start = html.find("href=\"").expect("a link") + 6;
    let end = html[start..].find('"').unwrap() + start;
    html[start..end].replace("&amp;", "&")
}

/// `section` of the office dashboard: a breakdown's HTML.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = html[start..].find("</section>").unwrap() + start;
    &html[start..end]
}

fn group<'a>(answer: &'a Value, value: &str) -> &'a Value {
    answer["breakdown"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["value"] == value)
        .unwrap_or_else(|| panic!("no group {value} in {answer}"))
}

on_both_backends!(west_java_figures_are_reported_exactly);

async fn west_java_figures_are_reported_exactly(app: &TestApp) {
    add_two_agencies(app).await;
    make_all(&app.db, &app.rules, west_java(NIP)).await;
    let analyst = token_for(app, "analis", Role::Analyst, "national").await;

    let answer = call(
        app,
        "GET",
        "/api/v1/statistics?by=violation",
        Some(&analyst),
        None,
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let funnel = &answer.body["funnel"];
    for (step, expected) in [
        ("reported", 1_000),
        ("verified", 600),
        ("proven", 278),
        ("recommended", 278),
        ("sanctioned", 194),
        ("not_followed_up", 84),
        ("not_proven", 322),
        ("rejected", 400),
        ("escalated", 0),
    ] {
        assert_eq!(funnel[step], expected, "{step}");
    }
    assert_eq!(
        answer.body["rates"]["sanctioned"], 69.8,
        "194 of 278 recommended"
    );
    assert_eq!(answer.body["rates"]["verified"], 60.0);
    for (code, share) in [
        ("MEDSOS_KAMPANYE", 30.2),
        ("KEGIATAN_KEBERPIHAKAN", 15.1),
        ("DEKLARASI", 13.5),
        ("FOTO_KEBERPIHAKAN", 13.1),
        ("PENDEKATAN_PARPOL", 10.1),
    ] {
        assert_eq!(group(&answer.body, code)["share"], share, "{code}");
    }
    let province = call(
        app,
        "GET",
        "/api/v1/statistics?by=province",
        Some(&analyst),
        None,
    )
    .await;
    assert_eq!(group(&province.body, "32")["counts"]["proven"], 278);

    // The dashboard shows the same, in Indonesian.
    let session = signed_in(app, "analis").await;
    let page = session.get(app, "/kantor/statistik").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(row(&page.body, "data-step=\"proven\"").contains(">278<"));
    assert!(row(&page.body, "data-step=\"sanctioned\"").contains(">194<"));
    assert!(row(&page.body, "data-step=\"sanctioned\"").contains("69,8 %"));
    let violations = section(&page.body, "by-violation");
    for (code, share) in [
        ("MEDSOS_KAMPANYE", "30,2 %"),
        ("KEGIATAN_KEBERPIHAKAN", "15,1 %"),
        ("DEKLARASI", "13,5 %"),
        ("FOTO_KEBERPIHAKAN", "13,1 %"),
        ("PENDEKATAN_PARPOL", "10,1 %"),
    ] {
        assert!(
            row(violations, &format!("data-value=\"{code}\"")).contains(share),
            "{code}: {share}"
        );
    }

    // And the public page, whose cells here are all large enough to show.
    let public = app.get("/statistik").await;
    assert_eq!(public.status, 200);
    assert!(row(&public.body, "data-step=\"proven\"").contains(">278<"));
    assert!(row(&public.body, "data-step=\"sanctioned\"").contains(">194<"));
    let public_api = call(
        app,
        "GET",
        "/api/v1/public/statistics?by=violation",
        None,
        None,
    )
    .await;
    assert_eq!(public_api.body["funnel"]["sanctioned"], 194);
    assert_eq!(group(&public_api.body, "MEDSOS_KAMPANYE")["share"], 30.2);
}

on_both_backends!(figures_stay_within_scope_and_lead_to_their_cases);

async fn figures_stay_within_scope_and_lead_to_their_cases(app: &TestApp) {
    add_two_agencies(app).await;
    make_all(&app.db, &app.rules, two_provinces()).await;
    let reported = |answer: &super::api_staff::Answer| answer.body["funnel"]["reported"].clone();

    let national = token_for(app, "analis", Role::Analyst, "national").await;
    let all = call(
        app,
        "GET",
        "/api/v1/statistics?by=province",
        Some(&national),
        None,
    )
    .await;
    assert_eq!(reported(&all), 10);
    assert_eq!(group(&all.body, "32")["counts"]["reported"], 6);
    assert_eq!(group(&all.body, "33")["counts"]["not_followed_up"], 2);
    let jabar = token_for(app, "bawaslu.jabar", Role::Reviewer, "province:32").await;
    let own = call(app, "GET", "/api/v1/statistics", Some(&jabar), None).await;
    assert_eq!(reported(&own), 6);
    assert_eq!(own.body["funnel"]["sanctioned"], 3);
    let other = call(
        app,
        "GET",
        "/api/v1/statistics?province=33",
        Some(&jabar),
        None,
    )
    .await;
    assert_eq!(
        reported(&other),
        0,
        "another province's cases are not counted"
    );
    let semarang = token_for(app, "ppk.semarang", Role::PpkLiaison, "agency:3374").await;
    let agency = call(app, "GET", "/api/v1/statistics", Some(&semarang), None).await;
    assert_eq!(reported(&agency), 4);
    let bad = call(
        app,
        "GET",
        "/api/v1/statistics?from=2024-13-01",
        Some(&national),
        None,
    )
    .await;
    assert_eq!((bad.status, bad.field()), (400, Some("from")));
    let custodian = token_for(app, "kustodian", Role::Custodian, "national").await;
    let refused = call(app, "GET", "/api/v1/statistics", Some(&custodian), None).await;
    assert_eq!(refused.status, 403);

    // A verifier clicks "proven" on the dashboard and gets the five cases behind it, with
    // their subjects.
    token_for(app, "satgas", Role::Verifier, "national").await;
    let verifier = signed_in(app, "satgas").await;
    let dashboard = verifier.get(app, "/kantor/statistik").await;
    let link = first_link(row(&dashboard.body, "data-step=\"proven\""));
    assert!(link.starts_with("/kantor/statistik/perkara?"), "{link}");
    let list = verifier.get(app, &link).await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert!(list.body.contains("5 perkara."), "{}", list.body);
    assert_eq!(list.body.matches("href=\"/kantor/perkara/NTR-").count(), 5);
    assert!(list.body.contains(SEMARANG_NIP) || list.body.contains("Siti Rahayu"));
    let bad_page = verifier.get(app, "/kantor/statistik?step=won").await;
    assert_eq!(bad_page.status, 400);
    assert!(
        bad_page.body.contains("step"),
        "the page names the parameter"
    );

    // The PPK table, downloaded: Semarang refused both its recommendations.
    let ppk = verifier
        .get(app, "/kantor/statistik/ekspor?table=ppk&format=csv")
        .await;
    let semarang = ppk
        .body
        .lines()
        .find(|l| l.starts_with("Pemerintah Kota Semarang"))
        .unwrap_or_else(|| panic!("{}", ppk.body));
    assert_eq!(semarang, "Pemerintah Kota Semarang,2,0,2,100.0");
    assert!(
        ppk.body
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("Pemerintah Kota Semarang"),
        "most left without follow-up first"
    );

    // The analyst sees the same cases, without anyone's name or NIP.
    let analyst = signed_in(app, "analis").await;
    let list = analyst.get(app, &link).await;
    assert!(list.body.contains("5 perkara."));
    assert!(!list.body.contains(NIP) && !list.body.contains(SEMARANG_NIP));
    assert!(!list.body.contains("Ahmad Suryana") && !list.body.contains("Siti Rahayu"));

    // The Semarang liaison exports their reported cases: four rows, theirs only.
    let liaison = signed_in(app, "ppk.semarang").await;
    let page = liaison
        .get(app, "/kantor/statistik/perkara?step=reported")
        .await;
    assert!(page.body.contains("4 perkara."), "{}", page.body);
    let numbers: Vec<&str> = page
        .body
        .match_indices("href=\"/kantor/perkara/NTR-")
        .map(|(i, _)| &page.body[i + 22..i + 37])
        .collect();
    assert_eq!(numbers.len(), 4, "{numbers:?}");
    let download = app
        .http()
        .get(format!(
            "{}/kantor/statistik/perkara/ekspor?step=reported&format=xlsx&province=32",
            app.base
        ))
        .header("cookie", &liaison.cookies)
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), 200);
    let bytes = download.bytes().await.unwrap();
    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(
        sheet.rows().count(),
        1,
        "asking for West Java within an agency in Central Java gives no case"
    );
    let download = app
        .http()
        .get(format!(
            "{}/kantor/statistik/perkara/ekspor?step=reported&format=xlsx",
            app.base
        ))
        .header("cookie", &liaison.cookies)
        .send()
        .await
        .unwrap();
    let bytes = download.bytes().await.unwrap();
    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
    let exported: Vec<String> = sheet
        .rows()
        .skip(1)
        .map(|r| match &r[0] {
            Data::String(s) => s.clone(),
            other => panic!("case number cell {other:?}"),
        })
        .collect();
    let mut shown: Vec<String> = numbers.iter().map(|n| (*n).to_owned()).collect();
    shown.sort();
    let mut exported_sorted = exported.clone();
    exported_sorted.sort();
    assert_eq!(exported_sorted, shown, "the export holds the list's cases");
    let csv = liaison
        .get(
            app,
            "/kantor/statistik/perkara/ekspor?step=reported&format=csv",
        )
        .await;
    assert_eq!(csv.body.lines().count(), 5, "{}", csv.body);
    assert!(
        csv.body.contains(SEMARANG_NIP),
        "a liaison may see the subject"
    );
    let logged = netral_store::audit::latest(&app.db, None, 50)
        .await
        .unwrap();
    assert!(
        logged
            .iter()
            .any(|e| e.action == "statistics.export_cases" && e.actor == "ppk.semarang")
    );
}

/// Every count in `rows` is withheld (`None`), zero, or at least `k`; and no column has
/// exactly one withheld cell that its published total would give away.
fn assert_suppressed(rows: &[Vec<Option<u64>>], k: u64, what: &str) -> usize {
    let mut withheld = 0;
    for row in rows {
        for cell in row.iter().flatten() {
            assert!(*cell == 0 || *cell >= k, "{what}: {cell} shown");
        }
    }
    let width = rows.first().map_or(0, Vec::len);
    for column in 0..width {
        let hidden = rows.iter().filter(|r| r[column].is_none()).count();
        // A lone withheld cell is safe only when every other cell is zero: then the total is
        // below `k` as well, and withheld with it.
        let others: u64 = rows.iter().filter_map(|r| r[column]).sum();
        assert!(
            hidden != 1 || others == 0,
            "{what}: column {column} has one withheld cell beside {others} shown"
        );
        withheld += hidden;
    }
    withheld
}

/// The numeric cells of each row of an HTML table body: `None` where withheld (`<5`).
fn html_cells(table: &str) -> Vec<Vec<Option<u64>>> {
    table
        .split("<tr data-value=")
        .skip(1)
        .map(|row| {
            let row = &row[..row.find("</tr>").unwrap()];
            row.split("<td class=\"num\">")
                .skip(1)
                .map(|cell| {
                    let cell = &cell[..cell.find("</td>").unwrap()];
                    if cell.contains("withheld") {
                        return None;
                    }
                    let text: String = cell.chars().filter(char::is_ascii_digit).collect();
                    // The share column ("30,2 %") is not a count.
                    (!cell.contains('%') && !cell.contains('—')).then(|| text.parse().unwrap())
                })
                .collect::<Vec<_>>()
        })
        .map(|cells: Vec<Option<u64>>| {
            // Drop the share column, the last.
            cells[..cells.len() - 1].to_vec()
        })
        .collect()
}

#[tokio::test]
async fn the_public_figures_withhold_small_cells_in_every_breakdown() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let mut plans = two_provinces();
    // West Java gets enough cases for some cells to show.
    for i in 0..12 {
        plans.push(Planned {
            nip: NIP,
            channel: if i % 4 == 0 {
                Channel::Bawaslu
            } else {
                Channel::Public
            },
            violation: ["MEDSOS_KAMPANYE", "DEKLARASI", "ATRIBUT"][i % 3],
            outcome: [Outcome::Sanctioned, Outcome::Rejected, Outcome::NotProven][i % 3],
        });
    }
    make_all(&app.db, &app.rules, plans).await;
    let k = 5;

    let page = app.get("/statistik").await;
    assert_eq!(page.status, 200);
    let mut withheld = 0;
    for part in page
        .body
        .split("<section class=\"breakdown\" id=\"by-")
        .skip(1)
    {
        let name = &part[..part.find('"').unwrap()];
        let table = &part[..part.find("</section>").unwrap()];
        withheld += assert_suppressed(&html_cells(table), k, name);
    }
    assert!(withheld > 0, "this history has small cells to withhold");
    for personal in [
        NIP,
        SEMARANG_NIP,
        "Ahmad Suryana",
        "Siti Rahayu",
        "NTR-",
        "Dugaan",
    ] {
        assert!(
            !page.body.contains(personal),
            "{personal} on the public page"
        );
    }

    for by in [
        "violation",
        "track",
        "position_type",
        "agency_kind",
        "province",
        "election",
        "phase",
        "channel",
        "month",
    ] {
        let answer = call(
            &app,
            "GET",
            &format!("/api/v1/public/statistics?by={by}"),
            None,
            None,
        )
        .await;
        assert_eq!(answer.status, 200, "{by}: {}", answer.body);
        let rows: Vec<Vec<Option<u64>>> = answer.body["breakdown"]["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                g["counts"]
                    .as_object()
                    .unwrap()
                    .values()
                    .map(Value::as_u64)
                    .collect()
            })
            .collect();
        assert_suppressed(&rows, k, by);
    }
    let central_java = call(
        &app,
        "GET",
        "/api/v1/public/statistics?province=33",
        None,
        None,
    )
    .await;
    assert_eq!(
        central_java.body["funnel"]["reported"],
        Value::Null,
        "4 cases are withheld"
    );
    let finer = call(
        &app,
        "GET",
        "/api/v1/public/statistics?violation=ATRIBUT",
        None,
        None,
    )
    .await;
    assert_eq!(finer.status, 400);
    let agency = call(
        &app,
        "GET",
        "/api/v1/public/statistics?by=agency",
        None,
        None,
    )
    .await;
    assert_eq!((agency.status, agency.field()), (400, Some("by")));
}
