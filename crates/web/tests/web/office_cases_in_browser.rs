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

        // The decision maker recommends the sanction the rules suggest.
        sign_in_as(&client, &base, "pemutus").await;
        client
            .goto(&format!("{base}/kantor/perkara/{number}"))
            .await
            .unwrap();
        open_decision(&client, "issue_recommendation").await;
        type_into(
            &client,
            "#issue_recommendation-letter_number",
            "R-204/BKN/XI/2026",
        )
        .await;
        submit_decision(&client, "issue_recommendation").await;
        wait_for_stage(&client, "Menunggu tindak lanjut PPK").await;
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
