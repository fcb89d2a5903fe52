//! Cases in the back office over HTTP: the queues, a case carried from report to closing by
//! the right role at each stage, refusals that name the field, and scopes that keep other
//! agencies' cases out of reach even by URL.

use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_testkit::fixtures::NIP;

use super::app::{Page, TestApp};
use super::office::{SEMARANG_NIP, Session, add_two_agencies, add_user, file_about, signed_in};

async fn file(app: &TestApp, nip: &str) -> String {
    file_about(
        app,
        nip,
        "Membagikan poster calon bupati di grup WhatsApp dinas",
        2,
    )
    .await
    .case_number
}

/// The value of the first `name="…" value="…"` input in the page.
fn input_value(page: &Page, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("no input {name} in:\n{}", page.body))
        + marker.len();
    page.body[start..].split('"').next().unwrap().to_owned()
}

/// Takes `action` on the case through its page, as the browser would post that form.
async fn decide(
    app: &TestApp,
    session: &Session,
    number: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> Page {
    let page = session.get(app, &format!("/kantor/perkara/{number}")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body
            .contains(&format!("name=\"action\" value=\"{action}\"")),
        "no `{action}` form for this role on:\n{}",
        page.body
    );
    let mut all = vec![
        ("csrf".to_owned(), input_value(&page, "csrf")),
        ("action".to_owned(), action.to_owned()),
        ("revision".to_owned(), input_value(&page, "revision")),
    ];
    all.extend(
        fields
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned())),
    );
    let response = app
        .http()
        .post(format!("{}/kantor/perkara/{number}/tindakan", app.base))
        .header("cookie", &session.cookies)
        .form(&all)
        .send()
        .await
        .unwrap();
    Page::read(response).await
}

#[track_caller]
fn assert_done(answer: &Page) {
    assert_eq!(answer.status, 303, "{}", answer.body);
}

async fn state_of(app: &TestApp, number: &str) -> String {
    netral_store::cases::get_case(&app.db, number)
        .await
        .unwrap()
        .unwrap()
        .state
        .as_str()
        .to_owned()
}

#[tokio::test]
async fn a_case_goes_from_report_to_sanction_and_closing_each_step_by_its_role() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let karawang = file(&app, NIP).await;
    let semarang = file(&app, SEMARANG_NIP).await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    add_user(
        &app,
        "bawaslu.jabar",
        Role::Reviewer,
        "province:32".parse().unwrap(),
    )
    .await;
    add_user(&app, "pemutus", Role::DecisionMaker, ScopeSpec::National).await;
    add_user(
        &app,
        "ppk.karawang",
        Role::PpkLiaison,
        ScopeSpec::Agency("3215".into()),
    )
    .await;
    add_user(&app, "analis", Role::Analyst, ScopeSpec::National).await;

    let verifier = signed_in(&app, "satgas").await;
    let queue = verifier.get(&app, "/kantor/perkara?antrean=new").await;
    assert_eq!(queue.status, 200);
    queue.assert_contains(&karawang);
    queue.assert_contains(&semarang);
    queue.assert_contains("Drs. H. Ahmad Suryana, M.Si.");
    let found = verifier
        .get(&app, "/kantor/perkara?antrean=all&q=ahmad+suryana")
        .await;
    found.assert_contains(&karawang);
    assert!(!found.body.contains(&semarang));

    let page = verifier
        .get(&app, &format!("/kantor/perkara/{karawang}"))
        .await;
    page.assert_contains("Membagikan poster calon bupati");
    assert!(
        !page
            .body
            .contains("name=\"action\" value=\"find_violation\""),
        "the reviewer's form is not the verifier's"
    );
    assert_done(&decide(&app, &verifier, &karawang, "start_verification", &[]).await);
    let empty = decide(
        &app,
        &verifier,
        &karawang,
        "pass_verification",
        &[("note", " ")],
    )
    .await;
    assert_eq!(empty.status, 422);
    empty.assert_contains("Alasan atau catatan: wajib diisi.");
    assert_done(
        &decide(
            &app,
            &verifier,
            &karawang,
            "pass_verification",
            &[("note", "NIP cocok, bukti tangkapan layar sah")],
        )
        .await,
    );
    assert_eq!(state_of(&app, &karawang).await, "review");

    let reviewer = signed_in(&app, "bawaslu.jabar").await;
    assert_eq!(
        reviewer
            .get(&app, &format!("/kantor/perkara/{semarang}"))
            .await
            .status,
        404,
        "Central Java is not West Java's"
    );
    let unknown = decide(
        &app,
        &reviewer,
        &karawang,
        "find_violation",
        &[("violations", "BUKAN_KODE"), ("note", "terbukti")],
    )
    .await;
    assert_eq!(unknown.status, 422);
    unknown.assert_contains("BUKAN_KODE");
    assert_done(
        &decide(
            &app,
            &reviewer,
            &karawang,
            "find_violation",
            &[
                ("violations", "MEDSOS_KAMPANYE"),
                ("note", "Unggahan terbukti milik terlapor"),
            ],
        )
        .await,
    );

    let decision_maker = signed_in(&app, "pemutus").await;
    let page = decision_maker
        .get(&app, &format!("/kantor/perkara/{karawang}"))
        .await;
    let (suggested, another) = {
        let form = page
            .body
            .split("value=\"issue_recommendation\"")
            .nth(1)
            .unwrap();
        let select = form
            .split("name=\"sanction\"")
            .nth(1)
            .unwrap()
            .split("</select>")
            .next()
            .unwrap();
        let suggested = select
            .split("\" selected")
            .next()
            .unwrap()
            .rsplit("value=\"")
            .next()
            .unwrap()
            .to_owned();
        let another = select
            .split("<option value=\"")
            .skip(1)
            .map(|o| o.split('"').next().unwrap().to_owned())
            .find(|code| *code != suggested)
            .unwrap();
        (suggested, another)
    };
    let unexplained = decide(
        &app,
        &decision_maker,
        &karawang,
        "issue_recommendation",
        &[("sanction", &another), ("override_reason", "")],
    )
    .await;
    assert_eq!(unexplained.status, 422);
    unexplained.assert_contains(&format!("Aturan menyarankan sanksi {suggested}"));
    let without_reason = decide(
        &app,
        &decision_maker,
        &karawang,
        "issue_recommendation",
        &[
            ("sanction", "NOT_THE_SUGGESTION"),
            ("override_reason", "Pelanggaran pertama"),
        ],
    )
    .await;
    assert_eq!(without_reason.status, 422);
    without_reason.assert_contains("Sanksi: kode NOT_THE_SUGGESTION tidak ada");
    assert_eq!(
        input_value(&without_reason, "override_reason"),
        "Pelanggaran pertama",
        "what was typed comes back with the problem"
    );
    assert_done(
        &decide(
            &app,
            &decision_maker,
            &karawang,
            "issue_recommendation",
            &[("sanction", &suggested), ("override_reason", "")],
        )
        .await,
    );
    assert_eq!(state_of(&app, &karawang).await, "awaiting_follow_up");

    // Karawang's liaison: their own case in the queue, the other agency's not even by URL.
    let liaison = signed_in(&app, "ppk.karawang").await;
    let waiting = liaison
        .get(&app, "/kantor/perkara?antrean=awaiting_ppk")
        .await;
    waiting.assert_contains(&karawang);
    assert!(
        !liaison
            .get(&app, "/kantor/perkara?antrean=all")
            .await
            .body
            .contains(&semarang)
    );
    assert_eq!(
        liaison
            .get(&app, &format!("/kantor/perkara/{semarang}"))
            .await
            .status,
        404
    );
    let today = chrono::Utc::now().date_naive().to_string();
    let bad_date = decide(
        &app,
        &liaison,
        &karawang,
        "record_follow_up",
        &[
            ("decree_number", "800/123/BKPSDM"),
            ("decree_date", "kemarin"),
            ("sanction", &suggested),
        ],
    )
    .await;
    assert_eq!(bad_date.status, 422);
    bad_date.assert_contains("Tanggal keputusan: isian tidak dapat dibaca");
    assert_done(
        &decide(
            &app,
            &liaison,
            &karawang,
            "record_follow_up",
            &[
                ("decree_number", "800/123/BKPSDM"),
                ("decree_date", &today),
                ("sanction", &suggested),
            ],
        )
        .await,
    );
    assert_eq!(state_of(&app, &karawang).await, "sanctioned");

    assert_done(
        &decide(
            &app,
            &decision_maker,
            &karawang,
            "close",
            &[("note", "Sanksi telah dijatuhkan dan dicatat")],
        )
        .await,
    );
    assert_eq!(state_of(&app, &karawang).await, "closed");
    let history = decision_maker
        .get(&app, &format!("/kantor/perkara/{karawang}"))
        .await;
    for step in [
        "Mulai verifikasi",
        "Terbukti melanggar",
        "Catat tindak lanjut PPK",
        "Tutup perkara",
    ] {
        history.assert_contains(step);
    }
    assert!(
        !history.body.contains("name=\"action\""),
        "a closed case offers no decision"
    );

    let analyst = signed_in(&app, "analis").await;
    assert_eq!(analyst.get(&app, "/kantor/perkara").await.status, 403);
    assert_eq!(
        analyst
            .get(&app, &format!("/kantor/perkara/{karawang}"))
            .await
            .status,
        403
    );
}

#[tokio::test]
async fn a_decision_on_a_case_someone_else_just_moved_is_refused_not_applied_twice() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let number = file(&app, NIP).await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    add_user(&app, "satgas2", Role::Verifier, ScopeSpec::National).await;
    let first = signed_in(&app, "satgas").await;
    let second = signed_in(&app, "satgas2").await;
    // Both open the case; the first starts verification; the second's stale form arrives.
    let stale = second.get(&app, &format!("/kantor/perkara/{number}")).await;
    assert_done(&decide(&app, &first, &number, "start_verification", &[]).await);
    let response = app
        .http()
        .post(format!("{}/kantor/perkara/{number}/tindakan", app.base))
        .header("cookie", &second.cookies)
        .form(&[
            ("csrf", input_value(&stale, "csrf")),
            ("action", "start_verification".to_owned()),
            ("revision", input_value(&stale, "revision")),
        ])
        .send()
        .await
        .unwrap();
    let answer = Page::read(response).await;
    assert_eq!(answer.status, 409);
    answer.assert_contains("tidak dapat dilakukan oleh peran Anda pada tahap perkara sekarang");
    let events = netral_store::cases::events(
        &app.db,
        netral_store::cases::get_case(&app.db, &number)
            .await
            .unwrap()
            .unwrap()
            .id,
    )
    .await
    .unwrap();
    assert_eq!(events.len(), 2, "opened and one start, not two");
}

/// Files a confidential report with a photo through the public API; gives (report, case).
pub async fn file_confidential(app: &TestApp) -> (String, String) {
    use base64::Engine as _;
    let photo = base64::engine::general_purpose::STANDARD.encode(super::portal::PNG);
    let body = serde_json::json!({
        "channel": "public",
        "incident_date": (chrono::Utc::now().date_naive() - chrono::Days::new(1)).to_string(),
        "summary": "Kepala bidang mengunggah foto bersama calon dengan gestur dua jari",
        "subject": { "nip": NIP },
        "reporter": { "mode": "confidential", "name": "Rahmat Hidayat", "phone": "081234567890", "email": "rahmat@example.id" },
        "attachments": [{ "name": "foto.png", "content_base64": photo }]
    });
    let response = app
        .http()
        .post(format!("{}/api/v1/reports", app.base))
        .header("Idempotency-Key", "office-cases-confidential-0001")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let answer: serde_json::Value = response.json().await.unwrap();
    let report = answer["report_number"].as_str().unwrap().to_owned();
    let case = netral_store::sql(
        "SELECT c.number FROM cases c JOIN reports r ON r.case_id = c.id WHERE r.number = $1",
    )
    .bind(report.clone())
    .fetch_one(&app.db)
    .await
    .unwrap()
    .get("number")
    .unwrap();
    (report, case)
}

#[tokio::test]
async fn only_the_custodian_opens_a_reporters_identity_with_a_reason_and_it_is_logged() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let (report, case) = file_confidential(&app).await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    let custodian_id = add_user(&app, "kustodian", Role::Custodian, ScopeSpec::National).await;
    let secret = super::office::add_second_factor(&app, custodian_id).await;

    let verifier = signed_in(&app, "satgas").await;
    let page = verifier.get(&app, &format!("/kantor/perkara/{case}")).await;
    page.assert_contains("Rahasia (identitas tersegel)");
    assert!(
        !page.body.contains("Rahmat"),
        "the verifier never sees who reported"
    );
    assert!(!page.body.contains("/identitas"), "nor a way to open it");
    // The evidence shows inline, with its hash.
    let sha = page
        .body
        .split("/bukti/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    page.assert_contains(&format!("SHA-256 {sha}"));
    let photo = verifier
        .get(&app, &format!("/kantor/perkara/{case}/bukti/{sha}"))
        .await;
    assert_eq!(photo.status, 200);
    assert_eq!(photo.header("content-type"), Some("image/png"));
    let forbidden = app
        .http()
        .post(format!("{}/kantor/perkara/{case}/identitas", app.base))
        .header("cookie", &verifier.cookies)
        .form(&[
            ("csrf", input_value(&page, "csrf")),
            ("report_number", report.clone()),
            ("reason", "ingin tahu saja siapa".into()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(forbidden.status().as_u16(), 403);

    // A handler's message reaches the thread; an internal note is marked as such.
    let sent = app
        .http()
        .post(format!("{}/kantor/perkara/{case}/pesan", app.base))
        .header("cookie", &verifier.cookies)
        .form(&[
            ("csrf", input_value(&page, "csrf")),
            ("body", "Mohon kirim tautan unggahan aslinya.".into()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status().as_u16(), 303);
    verifier
        .get(&app, &format!("/kantor/perkara/{case}"))
        .await
        .assert_contains("Mohon kirim tautan unggahan aslinya.");

    let (answer, custodian) =
        super::office::sign_in(&app, "kustodian", super::office::PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/masuk/kode"));
    let code_page = custodian.get(&app, "/masuk/kode").await;
    let code = netral_store::accounts::second_factor::code_at(
        &secret,
        chrono::Utc::now().timestamp() as u64 + 30,
    )
    .unwrap();
    custodian
        .post(&app, &code_page, "/masuk/kode", &[("code", &code)])
        .await;
    let page = custodian
        .get(&app, &format!("/kantor/perkara/{case}"))
        .await;
    assert_eq!(page.status, 200);
    let post_reveal = |reason: &str| {
        app.http()
            .post(format!("{}/kantor/perkara/{case}/identitas", app.base))
            .header("cookie", &custodian.cookies)
            .form(&[
                ("csrf", input_value(&page, "csrf")),
                ("report_number", report.clone()),
                ("reason", reason.to_owned()),
            ])
            .send()
    };
    let short = Page::read(post_reveal("cek").await.unwrap()).await;
    assert_eq!(short.status, 422);
    short.assert_contains("Alasan membuka identitas terlalu singkat");
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM identity_reveals")
            .await,
        0,
        "nothing opened, nothing logged"
    );
    let opened = Page::read(
        post_reveal("Pelapor perlu dihubungi untuk klarifikasi bukti asli")
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(opened.status, 200, "{}", opened.body);
    opened.assert_contains("Rahmat Hidayat");
    opened.assert_contains("081234567890");
    assert_eq!(opened.header("cache-control"), Some("no-store"));
    let logged = netral_store::sql("SELECT actor, reason FROM identity_reveals")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(logged.get::<String>("actor").unwrap(), "kustodian");
    assert!(
        logged
            .get::<String>("reason")
            .unwrap()
            .contains("klarifikasi")
    );
}
