//! Prevention in the back office and in public: the integrity-pact campaign counts against the
//! roster, exports as XLSX and CSV, reminds agencies below the target once a day, and shows the
//! public count; survey answers with a wrong NIP, a NIP off the list or a missing answer are
//! refused by name.

use calamine::{Data, Reader, Xlsx};
use chrono::Utc;
use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_store::accounts::{self, NewStaffUser};
use netral_store::audit;

use super::app::{TestApp, on_both_backends};
use netral_store::tabular::pipeline::FileImportOptions;

use super::office::{PASSWORD, SEMARANG_NIP, add_two_agencies, add_user, signed_in};
use super::portal::Form;
use netral_testkit::fixtures::NIP;

async fn add_liaison_with_mail(app: &TestApp, username: &str, agency: &str, email: &str) {
    accounts::create_user(
        &app.db,
        &NewStaffUser {
            username: username.to_owned(),
            display_name: format!("Penghubung {username}"),
            email: Some(email.to_owned()),
            role: Role::PpkLiaison,
            scope: format!("agency:{agency}").parse().unwrap(),
            password: PASSWORD.to_owned(),
            must_change_password: false,
        },
        audit::Actor::SYSTEM,
        Utc::now(),
    )
    .await
    .unwrap();
}

/// The text of the table cell in row `code` and column `column` (0-based) of the page's
/// coverage table.
fn cell(html: &str, code: &str, column: usize) -> String {
    let at = html
        .find(&format!("({code})"))
        .unwrap_or_else(|| panic!("{code} row"));
    let row = &html[at..];
    let row = &row[..row.find("</tr>").unwrap()];
    row.split("<td")
        .nth(column)
        .map(|c| {
            let c = &c[c.find('>').unwrap() + 1..];
            c[..c.find("</td>").unwrap_or(c.len())].trim().to_owned()
        })
        .unwrap()
}

async fn pact_coverage_matches_the_roster_and_exports(app: &TestApp) {
    add_two_agencies(app).await;
    add_user(app, "satgas", Role::Verifier, ScopeSpec::National).await;
    add_liaison_with_mail(app, "ppk.karawang", "3215", "kepegawaian@karawangkab.go.id").await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pakta.csv");
    std::fs::write(
        &path,
        format!("nip,election,signed_on\n{SEMARANG_NIP},pilkada-2024,2024-09-01\n"),
    )
    .unwrap();
    let summary = netral_store::registry::import_pacts(
        &app.db,
        &path,
        FileImportOptions::new("test", Utc::now()),
        None,
        &app.rules
            .elections()
            .iter()
            .map(|e| (e.code.clone(), e.clone()))
            .collect::<Vec<_>>(),
    )
    .await
    .unwrap();
    assert_eq!(summary.inserted, 1, "{:?}", summary.first_problems);
    let roster_of = |code: &'static str| async move {
        let rows =
            netral_store::registry::prevention::pact_coverage_of(&app.db, code, "pilkada-2024")
                .await
                .unwrap()
                .unwrap();
        rows.roster
    };
    let satgas = signed_in(app, "satgas").await;
    let page = satgas.get(app, "/kantor/pakta?pemilu=pilkada-2024").await;
    assert_eq!(page.status, 200, "{}", page.body);
    // Roster, individual pacts, agency pact, coverage — the roster's own counts.
    assert_eq!(
        cell(&page.body, "3215", 1),
        roster_of("3215").await.to_string()
    );
    assert_eq!(cell(&page.body, "3215", 2), "0");
    assert_eq!(cell(&page.body, "3215", 4), "0 %");
    assert_eq!(cell(&page.body, "3374", 2), "1");
    assert_eq!(cell(&page.body, "3374", 4), "100 %");
    page.assert_contains("Target: 100 % ASN per instansi. 1 instansi masih di bawah target.");

    let download = |format: &'static str| {
        let cookies = satgas.cookies.clone();
        async move {
            app.http()
                .get(format!(
                    "{}/kantor/pakta?pemilu=pilkada-2024&format={format}",
                    app.base
                ))
                .header("cookie", cookies)
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap()
                .to_vec()
        }
    };
    let xlsx = download("xlsx").await;
    let mut workbook = Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<Vec<Data>> = sheet.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(rows.len(), 3, "a header and two agencies");
    let semarang = rows
        .iter()
        .find(|r| r[0] == Data::String("3374".into()))
        .unwrap();
    assert_eq!(semarang[2], Data::Float(1.0));
    assert_eq!(semarang[3], Data::Float(1.0));
    assert_eq!(semarang[5], Data::Float(100.0));
    let csv = String::from_utf8(download("csv").await).unwrap();
    assert!(
        csv.starts_with('\u{feff}'),
        "a BOM for spreadsheet programs"
    );
    assert!(
        csv.contains("3215,Pemerintah Kabupaten Karawang,1,0,tidak,0.0,100"),
        "{csv}"
    );

    // A target of 50 %: Karawang is still below it and is reminded, once a day.
    let target = satgas
        .post(app, &page, "/kantor/pakta/target", &[("target", "50")])
        .await;
    assert_eq!(target.status, 303, "{}", target.body);
    let page = satgas.get(app, "/kantor/pakta?pemilu=pilkada-2024").await;
    page.assert_contains("Target: 50 %");
    let bad = satgas
        .post(app, &page, "/kantor/pakta/target", &[("target", "150")])
        .await;
    assert_eq!(bad.status, 422);
    bad.assert_contains("Target harus angka 1 sampai 100.");
    let reminded = satgas.post(app, &page, "/kantor/pakta/ingatkan", &[]).await;
    assert_eq!(reminded.status, 200, "{}", reminded.body);
    reminded.assert_contains(
        "1 instansi diingatkan (1 surel ke penghubung PPK); 0 sudah diingatkan hari ini",
    );
    let again = satgas.post(app, &page, "/kantor/pakta/ingatkan", &[]).await;
    again.assert_contains(
        "0 instansi diingatkan (0 surel ke penghubung PPK); 1 sudah diingatkan hari ini",
    );
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM mail_outbox WHERE kind = 'pact_reminder'")
            .await,
        1
    );
    let message = netral_store::mail::list(&app.db, 10)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(
        message.to_address.as_deref(),
        Some("kepegawaian@karawangkab.go.id")
    );
    assert_eq!(message.details.as_ref().unwrap()["covered"], 0);

    // Who signed Semarang's pacts: its teacher, by NIP.
    let signers = satgas
        .get(app, "/kantor/pakta/3374?pemilu=pilkada-2024")
        .await;
    assert_eq!(signers.status, 200);
    signers.assert_contains("1 dari 1 ASN menandatangani pakta sendiri");
    signers.assert_contains(&format!("href=\"/kantor/pegawai/{SEMARANG_NIP}\""));
    signers.assert_contains("Belum ada pakta yang ditandatangani perwakilan.");

    // The public count: numbers, no person.
    let public = app.get("/pakta-integritas?pemilu=pilkada-2024").await;
    assert_eq!(public.status, 200);
    public.assert_contains("Pemerintah Kota Semarang");
    assert!(!public.body.contains(SEMARANG_NIP) && !public.body.contains(NIP));
    assert!(!public.body.contains("Siti Rahayu"));
}

on_both_backends!(pact_coverage_matches_the_roster_and_exports);

#[tokio::test]
async fn a_survey_answer_is_refused_by_field_and_kept_once() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    add_user(
        &app,
        "ppk.karawang",
        Role::PpkLiaison,
        "agency:3215".parse().unwrap(),
    )
    .await;
    let liaison = signed_in(&app, "ppk.karawang").await;
    let form = liaison.get(&app, "/kantor/sosialisasi").await;
    let missing = liaison
        .post(
            &app,
            &form,
            "/kantor/sosialisasi",
            &[
                ("agency", "3215"),
                ("title", ""),
                ("held_on", "kemarin"),
                ("survey", "evaluasi-sosialisasi"),
            ],
        )
        .await;
    assert_eq!(missing.status, 422);
    missing.assert_contains("href=\"#held_on\"");
    let created = liaison
        .post(
            &app,
            &form,
            "/kantor/sosialisasi",
            &[
                ("agency", "3215"),
                ("title", "Sosialisasi netralitas ASN Pilkada 2024"),
                ("held_on", "2024-09-10"),
                ("place", "Aula Setda Karawang"),
                ("audience", "Kepala perangkat daerah"),
                ("materials", ""),
                ("survey", "evaluasi-sosialisasi"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let event_path = created.header("location").unwrap().to_owned();
    // Another agency's liaison does not reach it.
    add_user(
        &app,
        "ppk.semarang",
        Role::PpkLiaison,
        "agency:3374".parse().unwrap(),
    )
    .await;
    let other = signed_in(&app, "ppk.semarang").await;
    assert_eq!(other.get(&app, &event_path).await.status, 404);

    let event = liaison.get(&app, &event_path).await;
    let listed = liaison
        .post(
            &app,
            &event,
            &format!("{event_path}/hadir"),
            &[(
                "attendance",
                &format!("{NIP}, Ahmad Suryana\n12345, Salah Ketik\n"),
            )],
        )
        .await;
    assert_eq!(listed.status, 422);
    listed.assert_contains("1 peserta ditambahkan, 1 cocok dengan data kepegawaian.");
    listed.assert_contains("Baris 2");
    let start = event.body.find("id=\"survey-link\">").unwrap() + 17;
    let link = &event.body[start..start + event.body[start..].find('<').unwrap()];
    let path = &link[link.find("/survei/").unwrap()..];

    let (survey, form) = Form::open(&app, path, path).await;
    assert_eq!(survey.status, 200);
    let answers = [
        ("q_manfaat", "4"),
        ("q_pemahaman", "5"),
        ("q_like_boleh", "tidak_boleh"),
    ];
    let mut wrong = vec![("nip", "1985")];
    wrong.extend(&answers[..2]);
    let refused = form.post_urlencoded(&app, path, &wrong).await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("Ini bukan NIP atau nomor PPPK yang sah");
    refused.assert_contains("Pertanyaan ini wajib dijawab.");
    let mut off_list = vec![("nip", SEMARANG_NIP)];
    off_list.extend(&answers);
    let refused = form.post_urlencoded(&app, path, &off_list).await;
    refused.assert_contains("tidak ada dalam daftar hadir");
    let mut good = vec![("nip", NIP)];
    good.extend(&answers);
    let thanks = form.post_urlencoded(&app, path, &good).await;
    assert_eq!(thanks.status, 200, "{}", thanks.body);
    thanks.assert_contains("jawaban Anda sudah kami terima");
    let twice = form.post_urlencoded(&app, path, &good).await;
    assert_eq!(twice.status, 409);
    twice.assert_contains("Anda sudah mengisi survei ini sebelumnya");
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM survey_responses")
            .await,
        1
    );
    let stored = netral_store::sql("SELECT respondent_key, answers FROM survey_responses")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let key: String = stored.get("respondent_key").unwrap();
    let answers: String = stored.get("answers").unwrap();
    assert!(
        !key.contains(NIP) && !answers.contains(NIP),
        "answers name no one"
    );
    assert!(answers.contains("tidak_boleh"), "{answers}");
}
