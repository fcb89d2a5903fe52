//! The case desk in a real browser: a verifier takes a new report, finds its subject in the
//! roster by name (the reporter's NIP was mistyped) and links it, and merges a second report
//! with the same mistyped NIP into it.

use netral_domain::access::ScopeSpec;
use netral_domain::case::{CaseState, Role};
use netral_domain::report::{Channel, Subject};
use netral_testkit::reports;

use super::app::TestApp;
use super::browser::{click, snapshot, text, type_into, wait_for_text, with_browser};
use super::office::{PASSWORD, add_two_agencies, add_user};

/// A NIP no one in the roster holds: the reporters' typo.
const MISTYPED_NIP: &str = "198001012005011002";

async fn file(app: &TestApp, days_ago: u64, summary: &str) -> String {
    let today = chrono::Utc::now().date_naive();
    let draft = reports::draft(
        Channel::Public,
        today - chrono::Days::new(days_ago),
        summary,
        Subject::Nip(MISTYPED_NIP.parse().unwrap()),
        today,
    );
    reports::file(&app.db, &app.rules, &draft, None, chrono::Utc::now())
        .await
        .unwrap()
        .case_number
}

#[tokio::test]
async fn a_verifier_takes_a_case_links_its_subject_by_name_and_merges_a_duplicate() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let first = file(&app, 3, "Kepala bidang berorasi di deklarasi calon bupati").await;
    let second = file(&app, 2, "Pidato dukungan di deklarasi pasangan calon").await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    let base = app.base.clone();
    let (kept, duplicate) = (first.clone(), second.clone());
    with_browser(move |client| async move {
        client.goto(&format!("{base}/masuk")).await.unwrap();
        type_into(&client, "#username", "satgas").await;
        type_into(&client, "#password", PASSWORD).await;
        click(&client, ".narrow-form button[type='submit']").await;
        wait_for_text(&client, "h1", "Kantor Netral").await;
        client
            .goto(&format!("{base}/kantor/perkara/{kept}"))
            .await
            .unwrap();
        // The desk arrives with htmx: no one handles the case yet.
        wait_for_text(&client, "#assignee", "Belum ada yang menangani").await;
        click(&client, "#meja-isi form[action$='/ambil'] button").await;
        wait_for_text(&client, "#assignee", "satgas (Verifikator (Satgas)) · Anda").await;

        // The reporter's NIP is nobody's: search the roster by name and link the official.
        wait_for_text(
            &client,
            "#terlapor-heading",
            "Kaitkan terlapor dengan data pegawai",
        )
        .await;
        type_into(&client, "#desk-q", "ahmad suryana").await;
        click(&client, "#terlapor form[role='search'] button").await;
        wait_for_text(
            &client,
            "#terlapor form[action$='/terlapor'] button",
            "Kaitkan dengan Drs. H. Ahmad Suryana, M.Si.",
        )
        .await;
        snapshot(&client, "desk-roster-search").await;
        click(&client, "#terlapor form[action$='/terlapor'] button").await;
        wait_for_text(&client, "#terlapor-heading", "Perbaiki terlapor").await;
        assert!(
            text(&client, ".record")
                .await
                .contains("Pemerintah Kabupaten Karawang"),
            "the case moved to the official's agency"
        );

        // The other report with the same typo shows as a likely duplicate: merge it here.
        let merge = format!("details:has(form[action='/kantor/perkara/{duplicate}/gabung'])");
        click(&client, &format!("{merge} summary")).await;
        type_into(
            &client,
            &format!("#merge-note-{duplicate}"),
            "Deklarasi yang sama, dilaporkan dua kali",
        )
        .await;
        click(&client, &format!("{merge} button[type='submit']")).await;
        wait_for_text(
            &client,
            "#merged-from-heading",
            "Laporan ganda yang digabung ke perkara ini",
        )
        .await;
        assert!(text(&client, "#meja-isi").await.contains(&duplicate));
        assert!(
            text(&client, "main")
                .await
                .contains("Pidato dukungan di deklarasi"),
            "the duplicate's report shows under the case that carries on"
        );
        snapshot(&client, "desk-merged").await;
    })
    .await;
    let merged = netral_store::cases::get_case(&app.db, &second)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(merged.state, CaseState::Merged);
    let kept = netral_store::cases::get_case(&app.db, &first)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(merged.merged_into, Some(kept.id));
    assert_eq!(
        kept.file.assignee.map(|a| a.user).as_deref(),
        Some("satgas")
    );
    assert!(kept.subject_id.is_some());
}
