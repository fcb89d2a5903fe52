//! A case carried through the back office in a real browser, each step by a user of the right
//! role signing in on the same screen: verification, review, recommendation, the PPK's
//! follow-up with a sanction, and closing.

use fantoccini::Client;
use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_domain::report::{Channel, Subject};
use netral_testkit::fixtures::NIP;
use netral_testkit::reports;

use super::app::TestApp;
use super::browser::{click, snapshot, text, type_date, type_into, wait_for_text, with_browser};
use super::office::{PASSWORD, add_two_agencies, add_user};

async fn sign_in_as(client: &Client, base: &str, username: &str) {
    client.goto(&format!("{base}/masuk")).await.unwrap();
    type_into(client, "#username", username).await;
    type_into(client, "#password", PASSWORD).await;
    click(client, ".narrow-form button[type='submit']").await;
    wait_for_text(client, "h1", "Kantor Netral").await;
}

async fn sign_out(client: &Client) {
    click(client, ".office-nav .link-button").await;
    wait_for_text(client, "h1", "Masuk ke kantor Netral").await;
}

/// Opens the decision `action` on the case page and fills its fields.
async fn open_decision(client: &Client, action: &str) {
    click(
        client,
        &format!("details:has(input[value='{action}']) summary"),
    )
    .await;
}

async fn submit_decision(client: &Client, action: &str) {
    click(
        client,
        &format!("details:has(input[value='{action}']) button[type='submit']"),
    )
    .await;
}

async fn wait_for_stage(client: &Client, expected: &str) {
    wait_for_text(client, ".case-state strong", expected).await;
}

#[tokio::test]
async fn a_case_is_carried_from_report_to_closing_by_four_roles_in_a_browser() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let today = chrono::Utc::now().date_naive();
    let draft = reports::draft(
        Channel::Public,
        today - chrono::Days::new(3),
        "Kepala bidang membagikan poster kampanye calon bupati di grup WhatsApp dinas",
        Subject::Nip(NIP.parse().unwrap()),
        today,
    );
    let number = reports::file(&app.db, &app.rules, &draft, None, chrono::Utc::now())
        .await
        .unwrap()
        .case_number;
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
    let base = app.base.clone();
    with_browser(move |client| async move {
        // The verifier finds the report in the queue of new ones.
        sign_in_as(&client, &base, "satgas").await;
        click(&client, ".office-nav a[href='/kantor/perkara']").await;
        click(&client, ".queue-tabs a[href='/kantor/perkara?antrean=new']").await;
        click(
            &client,
            &format!("#case-list a[href='/kantor/perkara/{number}']"),
        )
        .await;
        wait_for_stage(&client, "Diterima").await;
        snapshot(&client, "case-received").await;
        open_decision(&client, "start_verification").await;
        submit_decision(&client, "start_verification").await;
        wait_for_stage(&client, "Verifikasi").await;
        open_decision(&client, "pass_verification").await;
        type_into(
            &client,
            "#pass_verification-note",
            "NIP cocok dengan data pegawai; tangkapan layar sah",
        )
        .await;
        submit_decision(&client, "pass_verification").await;
        wait_for_stage(&client, "Kajian").await;
        sign_out(&client).await;

        // West Java's reviewer finds the violation.
        sign_in_as(&client, &base, "bawaslu.jabar").await;
        client
            .goto(&format!("{base}/kantor/perkara/{number}"))
            .await
            .unwrap();
        open_decision(&client, "find_violation").await;
        click(
            &client,
            "details:has(input[value='find_violation']) input[value='MEDSOS_KAMPANYE']",
        )
        .await;
        type_into(
            &client,
            "#find_violation-note",
            "Poster dibagikan dari nomor terlapor",
        )
        .await;
        submit_decision(&client, "find_violation").await;
        wait_for_stage(&client, "Penyusunan rekomendasi").await;
        sign_out(&client).await;

        // The decision maker recommends the sanction the rules suggest; the system numbers
        // the letter, which the page lists.
        sign_in_as(&client, &base, "pemutus").await;
        client
            .goto(&format!("{base}/kantor/perkara/{number}"))
            .await
            .unwrap();
        open_decision(&client, "issue_recommendation").await;
        submit_decision(&client, "issue_recommendation").await;
        wait_for_stage(&client, "Menunggu tindak lanjut PPK").await;
        let letters = text(&client, ".letter-list").await;
        assert!(
            letters.contains("Surat rekomendasi") && letters.contains("/REK/"),
            "{letters}"
        );
        sign_out(&client).await;

        // Karawang's PPK liaison records the decree.
        sign_in_as(&client, &base, "ppk.karawang").await;
        click(&client, ".office-nav a[href='/kantor/perkara']").await;
        click(
            &client,
            ".queue-tabs a[href='/kantor/perkara?antrean=awaiting_ppk']",
        )
        .await;
        click(
            &client,
            &format!("#case-list a[href='/kantor/perkara/{number}']"),
        )
        .await;
        open_decision(&client, "record_follow_up").await;
        type_into(
            &client,
            "#record_follow_up-decree_number",
            "800.1.6.4/123/BKPSDM",
        )
        .await;
        let day = today.format("%d").to_string();
        let month = today.format("%m").to_string();
        let year = today.format("%Y").to_string();
        type_date(
            &client,
            "#record_follow_up-decree_date",
            &year,
            &month,
            &day,
        )
        .await;
        snapshot(&client, "case-follow-up-form").await;
        submit_decision(&client, "record_follow_up").await;
        wait_for_stage(&client, "Dijatuhi sanksi").await;
        sign_out(&client).await;

        sign_in_as(&client, &base, "pemutus").await;
        client
            .goto(&format!("{base}/kantor/perkara/{number}"))
            .await
            .unwrap();
        open_decision(&client, "close").await;
        type_into(
            &client,
            "#close-note",
            "Sanksi dijatuhkan dan dicatat di I'DIS",
        )
        .await;
        submit_decision(&client, "close").await;
        wait_for_stage(&client, "Selesai").await;
        let history = text(&client, ".timeline").await;
        for step in [
            "Mulai verifikasi",
            "Terbukti melanggar",
            "Terbitkan rekomendasi",
            "Catat tindak lanjut PPK",
            "Tutup perkara",
        ] {
            assert!(history.contains(step), "{step} in {history}");
        }
        snapshot(&client, "case-closed").await;
    })
    .await;
}

/// A case whose recommendation went to the PPK two months ago, and no answer since.
async fn silent_ppk_case(app: &TestApp) -> String {
    use netral_domain::case::Action;
    use netral_store::cases::{self, Actor};
    let long_ago = chrono::Utc::now() - chrono::Duration::days(60);
    let day = long_ago.date_naive();
    let draft = reports::draft(
        Channel::Bawaslu,
        day - chrono::Days::new(2),
        "Camat mengerahkan kepala desa untuk hadir di deklarasi pasangan calon",
        Subject::Nip(NIP.parse().unwrap()),
        day,
    );
    let number = reports::file(&app.db, &app.rules, &draft, None, long_ago)
        .await
        .unwrap()
        .case_number;
    let steps: [(Role, Action); 4] = [
        (Role::Verifier, Action::StartVerification),
        (
            Role::Verifier,
            Action::PassVerification {
                note: "NIP dan bukti sesuai".into(),
            },
        ),
        (
            Role::Reviewer,
            Action::FindViolation {
                violations: vec!["KEPUTUSAN_MENGUNTUNGKAN".into()],
                note: "Terbukti".into(),
            },
        ),
        (
            Role::DecisionMaker,
            Action::IssueRecommendation {
                letter_number: String::new(),
                sanction: app
                    .rules
                    .in_force_on(day)
                    .unwrap()
                    .suggested_sanction(["KEPUTUSAN_MENGUNTUNGKAN"])
                    .unwrap()
                    .code
                    .clone(),
                override_reason: None,
            },
        ),
    ];
    for (i, (role, action)) in steps.iter().enumerate() {
        let actor = Actor {
            name: format!("uji {role}"),
            role: *role,
        };
        let at = long_ago + chrono::Duration::hours(i as i64 + 1);
        cases::apply(&app.db, &app.rules, &number, None, &actor, action, at)
            .await
            .unwrap();
    }
    number
}

#[tokio::test]
async fn a_silent_ppk_is_warned_blocked_and_unblocked_once_it_acts_in_a_browser() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let number = silent_ppk_case(&app).await;
    add_user(&app, "pemutus", Role::DecisionMaker, ScopeSpec::National).await;
    let base = app.base.clone();
    with_browser(move |client| async move {
        sign_in_as(&client, &base, "pemutus").await;
        click(&client, ".office-nav a[href='/kantor/perkara']").await;
        click(
            &client,
            ".queue-tabs a[href='/kantor/perkara?antrean=overdue']",
        )
        .await;
        let overdue = text(&client, "#case-list").await;
        assert!(
            overdue.contains(&number) && overdue.contains("terlambat"),
            "{overdue}"
        );
        click(
            &client,
            &format!("#case-list a[href='/kantor/perkara/{number}']"),
        )
        .await;
        wait_for_stage(&client, "Menunggu tindak lanjut PPK").await;

        open_decision(&client, "warn").await;
        submit_decision(&client, "warn").await;
        wait_for_stage(&client, "PPK diberi peringatan").await;
        let letters = text(&client, ".letter-list").await;
        assert!(
            letters.contains("Surat peringatan") && letters.contains("0001/PRG/"),
            "{letters}"
        );

        open_decision(&client, "block_data").await;
        type_into(&client, "#block_data-request_number", "B-3/BKN/2026").await;
        submit_decision(&client, "block_data").await;
        wait_for_stage(&client, "Data kepegawaian diblokir").await;
        click(&client, ".office-nav a[href='/kantor/perkara']").await;
        click(
            &client,
            ".queue-tabs a[href='/kantor/perkara?antrean=escalated']",
        )
        .await;
        assert!(text(&client, "#case-list").await.contains(&number));
        client
            .goto(&format!("{base}/kantor/perkara/{number}"))
            .await
            .unwrap();

        // The PPK finally issues its decree: recorded, and the block lifted.
        open_decision(&client, "unblock").await;
        type_into(&client, "#unblock-decree_number", "800/45/BKPSDM/2026").await;
        let today = chrono::Utc::now().date_naive();
        let (year, month, day) = (
            today.format("%Y").to_string(),
            today.format("%m").to_string(),
            today.format("%d").to_string(),
        );
        type_date(&client, "#unblock-decree_date", &year, &month, &day).await;
        submit_decision(&client, "unblock").await;
        wait_for_stage(&client, "Dijatuhi sanksi").await;
        let history = text(&client, ".timeline").await;
        for step in [
            "Kirim peringatan kepada PPK",
            "Minta blokir data kepegawaian",
            "PPK bertindak: buka blokir",
        ] {
            assert!(history.contains(step), "{step} in {history}");
        }
        snapshot(&client, "case-unblocked").await;
    })
    .await;
}
