//! The candidate cross-check in the back office: open to the task force only; the run button
//! queues one run per election however often it is clicked (forged forms refused), the worker
//! runs it; a proposed pair shows both sides and the explanation; accepting files one report
//! however often it is clicked, and a rejection needs a reason.

use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_store::linking::proposals::{self, Proposal};
use netral_store::linking::{LinkOptions, run_cross_check};
use netral_testkit::cross_check::{
    ELECTION, OTHER_SPOUSE_NIP, OWN_NIP, add_candidates, add_roster, karawang_nik, link_model,
};

use super::app::TestApp;
use super::office::{add_user, signed_in};
use super::portal::Form;

/// The planted roster and list, and the proposals a run with the fixed model makes.
pub async fn cross_checked(app: &TestApp) -> Vec<Proposal> {
    let dir = tempfile::tempdir().unwrap();
    add_roster(&app.db).await;
    add_candidates(&app.db, dir.path()).await;
    let options = LinkOptions {
        threads: 1,
        model: Some(link_model()),
        ..LinkOptions::default()
    };
    run_cross_check(&app.db, ELECTION, None, options)
        .await
        .unwrap();
    proposals::of_election(&app.db, ELECTION).await.unwrap()
}

fn pick<'a>(found: &'a [Proposal], nip: &str, relation: &str) -> &'a Proposal {
    found
        .iter()
        .find(|p| p.nip == nip && p.relation == relation)
        .expect("the planted pair is proposed")
}

#[tokio::test]
async fn a_verifier_runs_the_cross_check_once_however_often_clicked() {
    let app = TestApp::start().await;
    let dir = tempfile::tempdir().unwrap();
    add_roster(&app.db).await;
    add_candidates(&app.db, dir.path()).await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    add_user(&app, "bawaslu", Role::Reviewer, ScopeSpec::National).await;
    assert_eq!(
        signed_in(&app, "bawaslu")
            .await
            .get(&app, "/kantor/pencocokan")
            .await
            .status,
        403
    );
    let satgas = signed_in(&app, "satgas").await;
    // Nothing waits anywhere: the page opens on the latest election.
    satgas
        .get(&app, "/kantor/pencocokan")
        .await
        .assert_contains("<option value=\"pilkada-2024\" selected>");
    let page = satgas
        .get(&app, "/kantor/pencocokan?pemilu=pemilu-2024")
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains("Pemilihan ini belum pernah dicocokkan.");
    page.assert_contains("href=\"/kantor/pencocokan\" aria-current=\"page\"");

    let action = "/kantor/pencocokan/jalankan";
    let forged = Form::in_page(&page, action, &satgas.cookies)
        .with_hidden("csrf", "forged")
        .post_urlencoded(&app, action, &[])
        .await;
    assert_eq!(forged.status, 403);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM link_runs").await, 0);

    let first = satgas.post(&app, &page, action, &[]).await;
    assert_eq!(first.status, 303, "{}", first.body);
    assert_eq!(
        first.header("location"),
        Some("/kantor/pencocokan?pemilu=pemilu-2024")
    );
    let second = satgas.post(&app, &page, action, &[]).await;
    assert_eq!(second.status, 303, "a second click changes nothing");
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM link_runs WHERE status = 'queued'")
            .await,
        1
    );
    let waiting = satgas
        .get(&app, "/kantor/pencocokan?pemilu=pemilu-2024")
        .await;
    waiting.assert_contains("Menunggu giliran");
    assert!(!waiting.body.contains("id=\"run-cross-check\""));

    netral_web::worker::run_due(&app.state, "uji")
        .await
        .unwrap();
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM link_runs WHERE status = 'done' AND roster_rows = 50")
            .await,
        1
    );
    let done = satgas
        .get(&app, "/kantor/pencocokan?pemilu=pemilu-2024")
        .await;
    done.assert_contains("Selesai");
    done.assert_contains("50 baris data ASN");
    assert!(done.body.contains("id=\"run-cross-check\""));
    app.finish().await;
}

#[tokio::test]
async fn a_verifier_accepts_a_pair_into_one_report_and_rejects_another_with_a_reason() {
    let app = TestApp::start().await;
    let found = cross_checked(&app).await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    add_user(
        &app,
        "satgas.jateng",
        Role::Verifier,
        "province:33".parse().unwrap(),
    )
    .await;
    let own = pick(&found, OWN_NIP, "self");
    let other_spouse = pick(&found, OTHER_SPOUSE_NIP, "spouse");

    let satgas = signed_in(&app, "satgas").await;
    let queue = satgas
        .get(&app, "/kantor/pencocokan?pemilu=pemilu-2024")
        .await;
    assert_eq!(queue.status, 200);
    queue.assert_contains("Ir. H. Joko Santosa, M.T.");
    queue.assert_contains(&format!("/kantor/pencocokan/usulan/{}", own.id));
    // The list named in words, not by KPU's code.
    queue.assert_contains("DPRD kabupaten/kota · KARAWANG 1 · Partai Satu");
    // Proposals wait for Pemilu 2024, so the page opens on it rather than on the latest election.
    satgas
        .get(&app, "/kantor/pencocokan")
        .await
        .assert_contains("<option value=\"pemilu-2024\" selected>");
    let elsewhere = signed_in(&app, "satgas.jateng").await;
    let theirs = elsewhere
        .get(&app, "/kantor/pencocokan?pemilu=pemilu-2024")
        .await;
    assert!(!theirs.body.contains(OWN_NIP), "another province's people");
    let path = format!("/kantor/pencocokan/usulan/{}", own.id);
    assert_eq!(elsewhere.get(&app, &path).await.status, 404);

    let page = satgas.get(&app, &path).await;
    assert_eq!(page.status, 200, "{}", page.body);
    for shown in [
        "Ir. H. Joko Santosa, M.T.",
        "Djoko Santoso",
        OWN_NIP,
        "1975-03-12",
        "32.15",
        "Partai Satu",
        "KARAWANG 1",
        "DPRD kabupaten/kota",
        "Penjelasan skor",
        "Peluang awal",
        "CALON_TIDAK_MUNDUR",
    ] {
        page.assert_contains(shown);
    }
    assert!(
        !page.body.contains(&karawang_nik(OWN_NIP)),
        "the whole NIK stays hidden"
    );

    let accept = format!("{path}/terima");
    let forged = Form::in_page(&page, &accept, &satgas.cookies)
        .with_hidden("csrf", "forged")
        .post_urlencoded(&app, &accept, &[])
        .await;
    assert_eq!(forged.status, 403);
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM reports WHERE channel = 'lead'")
            .await,
        0
    );
    let accepted = satgas.post(&app, &page, &accept, &[]).await;
    assert_eq!(accepted.status, 303, "{}", accepted.body);
    assert_eq!(accepted.header("location"), Some(path.as_str()));
    let again = satgas.post(&app, &page, &accept, &[]).await;
    assert_eq!(again.status, 303, "a second click changes nothing");
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM reports WHERE channel = 'lead'")
            .await,
        1
    );
    let after = satgas.get(&app, &path).await;
    after.assert_contains("Diterima oleh Petugas satgas menjadi laporan LAP-");
    assert!(!after.body.contains("id=\"accept-proposal\""));

    let other = format!("/kantor/pencocokan/usulan/{}", other_spouse.id);
    let page = satgas.get(&app, &other).await;
    let reject = format!("{other}/tolak");
    let no_reason = satgas.post(&app, &page, &reject, &[("note", " ")]).await;
    assert_eq!(no_reason.status, 422);
    no_reason.assert_contains("Tulis alasan menolak");
    let rejected = satgas
        .post(&app, &page, &reject, &[("note", "Istri calon orang lain")])
        .await;
    assert_eq!(rejected.status, 303);
    satgas
        .get(&app, &other)
        .await
        .assert_contains("Ditolak oleh Petugas satgas: Istri calon orang lain");
    assert_eq!(
        app.count(
            "SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('link.accept', 'link.reject')"
        )
        .await,
        2
    );
    app.finish().await;
}
