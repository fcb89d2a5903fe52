//! The case desk over HTTP: taking and assigning cases and the "my cases" queue, linking a
//! case's subject from a roster search and correcting it, merging duplicates; each refusal
//! answers with its own message, and a merged report's reporter learns which case carries on.

use chrono::{NaiveDate, Utc};
use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_testkit::fixtures::NIP;

use super::app::{Page, TestApp};
use super::office::{SEMARANG_NIP, Session, add_two_agencies, add_user, signed_in};
use super::portal::{Form, good_report, look_up, quick, receipt, send_report};

/// A NIP that is in no roster of these tests.
const UNKNOWN_NIP: &str = "198001012005011002";

/// Files a Bawaslu report about `nip` for an incident on `incident`; gives the case number.
async fn file_on(app: &TestApp, nip: &str, incident: NaiveDate) -> String {
    let draft = netral_testkit::reports::draft(
        netral_domain::report::Channel::Bawaslu,
        incident,
        "Berorasi dalam deklarasi pasangan calon bupati",
        netral_domain::report::Subject::Nip(nip.parse().unwrap()),
        Utc::now().date_naive(),
    );
    netral_testkit::reports::file(&app.db, &app.rules, &draft, None, Utc::now())
        .await
        .unwrap()
        .case_number
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

async fn desk(app: &TestApp, session: &Session, number: &str) -> Page {
    let page = session
        .get(app, &format!("/kantor/perkara/{number}/meja"))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    page
}

/// Posts the desk's form that posts to `action`, its hidden fields replaced by `hidden`.
async fn post_desk(
    app: &TestApp,
    session: &Session,
    page: &Page,
    action: &str,
    hidden: &[(&str, &str)],
    fields: &[(&str, &str)],
) -> Page {
    let mut form = Form::in_page(page, action, &session.cookies);
    for (name, value) in hidden {
        form = form.with_hidden(name, value);
    }
    form.post_urlencoded(app, action, fields).await
}

/// Posts `fields` to `action` with the CSRF token of `page`, which `session` fetched: a form the
/// user's own page does not offer, as a crafted request would.
async fn post_raw(
    app: &TestApp,
    session: &Session,
    page: &Page,
    action: &str,
    fields: &[(&str, &str)],
) -> Page {
    let marker = "name=\"csrf\" value=\"";
    let start = page.body.find(marker).expect("a page with a form") + marker.len();
    let csrf = page.body[start..].split('"').next().unwrap().to_owned();
    let mut all = vec![("csrf".to_owned(), csrf)];
    all.extend(
        fields
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned())),
    );
    let response = app
        .http()
        .post(format!("{}{action}", app.base))
        .header("cookie", &session.cookies)
        .form(&all)
        .send()
        .await
        .unwrap();
    Page::read(response).await
}

async fn search(app: &TestApp, session: &Session, number: &str, q: &str) -> Page {
    let page = session
        .get(app, &format!("/kantor/perkara/{number}/meja?q={q}"))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    page
}

fn away(into: &str) -> [(&'static str, &str); 2] {
    [("into", into), ("note", "laporan yang sama")]
}

#[track_caller]
fn assert_refused(answer: &Page, status: u16, message: &str) {
    assert_eq!(answer.status, status, "{}", answer.body);
    answer.assert_contains("role=\"alert\"");
    answer.assert_contains(message);
}

#[track_caller]
fn assert_done(answer: &Page, number: &str) {
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(
        answer.header("location"),
        Some(format!("/kantor/perkara/{number}#meja").as_str())
    );
}

async fn assignee(app: &TestApp, number: &str) -> Option<String> {
    netral_store::cases::get_case(&app.db, number)
        .await
        .unwrap()
        .unwrap()
        .file
        .assignee
        .map(|a| a.user)
}

#[tokio::test]
async fn a_verifier_takes_a_case_a_colleague_reassigns_it_and_my_cases_follow() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let case = file_on(&app, NIP, Utc::now().date_naive()).await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    add_user(&app, "satgas2", Role::Verifier, ScopeSpec::National).await;
    add_user(
        &app,
        "bawaslu.jabar",
        Role::Reviewer,
        "province:32".parse().unwrap(),
    )
    .await;
    let verifier = signed_in(&app, "satgas").await;

    // The case page loads its desk; the desk alone answers htmx with a fragment.
    let page = verifier.get(&app, &format!("/kantor/perkara/{case}")).await;
    page.assert_contains(&format!("hx-get=\"/kantor/perkara/{case}/meja\""));
    let fragment = app
        .get_with(
            &format!("/kantor/perkara/{case}/meja"),
            &[("cookie", &verifier.cookies), ("hx-request", "true")],
        )
        .await;
    assert_eq!(fragment.status, 200);
    fragment.assert_contains("Belum ada yang menangani");
    assert!(!fragment.body.contains("<nav"), "{}", fragment.body);
    let colleague = signed_in(&app, "satgas2").await;
    let stale = desk(&app, &colleague, &case).await;
    let mine_before = verifier.get(&app, "/kantor/perkara?antrean=mine").await;
    mine_before.assert_contains("Perkara saya");
    assert!(!mine_before.body.contains(&case));

    let board = desk(&app, &verifier, &case).await;
    let take = format!("/kantor/perkara/{case}/ambil");
    assert_done(
        &post_desk(&app, &verifier, &board, &take, &[], &[]).await,
        &case,
    );
    assert_eq!(assignee(&app, &case).await.as_deref(), Some("satgas"));
    let mine = verifier.get(&app, "/kantor/perkara?antrean=mine").await;
    mine.assert_contains(&case);
    mine.assert_contains("Perkara saya <span class=\"count\">1</span>");
    let unassigned = verifier
        .get(&app, "/kantor/perkara?antrean=all&penangan=belum")
        .await;
    assert!(!unassigned.body.contains(&case));
    verifier
        .get(&app, "/kantor/perkara?antrean=all&penangan=satgas")
        .await
        .assert_contains(&case);

    // A colleague's refusals: a stale page, a reviewer for a new report, nobody by that name.
    assert_refused(
        &post_desk(&app, &colleague, &stale, &take, &[], &[]).await,
        409,
        "Penangan perkara ini baru saja diubah oleh petugas lain",
    );
    let board = desk(&app, &colleague, &case).await;
    board.assert_contains("satgas (Verifikator (Satgas))");
    let assign = format!("/kantor/perkara/{case}/penugasan");
    assert_refused(
        &post_desk(
            &app,
            &colleague,
            &board,
            &assign,
            &[],
            &[("assignee", "bawaslu.jabar")],
        )
        .await,
        422,
        "Perkara pada tahap ini tidak ditangani oleh Pengkaji (Bawaslu)",
    );
    assert_refused(
        &post_desk(
            &app,
            &colleague,
            &board,
            &assign,
            &[],
            &[("assignee", "tidak.ada")],
        )
        .await,
        422,
        "Tidak ada akun aktif bernama tidak.ada",
    );
    let reviewer = signed_in(&app, "bawaslu.jabar").await;
    let reviewer_board = desk(&app, &reviewer, &case).await;
    assert!(!reviewer_board.body.contains(&take));
    assert_refused(
        &post_raw(
            &app,
            &reviewer,
            &reviewer_board,
            &take,
            &[("seen", "satgas")],
        )
        .await,
        409,
        "Tindakan ini tidak dapat dilakukan oleh peran Anda",
    );
    assert_eq!(assignee(&app, &case).await.as_deref(), Some("satgas"));

    // The task force's verifiers share out new reports: satgas2 takes it over, on record.
    assert_done(
        &post_desk(
            &app,
            &colleague,
            &board,
            &assign,
            &[],
            &[("assignee", "satgas2")],
        )
        .await,
        &case,
    );
    assert_eq!(assignee(&app, &case).await.as_deref(), Some("satgas2"));
    let page = colleague
        .get(&app, &format!("/kantor/perkara/{case}"))
        .await;
    page.assert_contains("Penugasan");
    page.assert_contains("satgas → satgas2");
    assert!(
        !verifier
            .get(&app, "/kantor/perkara?antrean=mine")
            .await
            .body
            .contains(&case)
    );
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'case.assign'")
            .await,
        2
    );
}

#[tokio::test]
async fn a_subject_is_found_in_the_roster_linked_and_corrected_only_with_a_reason() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let case = file_on(&app, UNKNOWN_NIP, Utc::now().date_naive()).await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    add_user(
        &app,
        "satgas.jabar",
        Role::Verifier,
        "province:32".parse().unwrap(),
    )
    .await;
    let verifier = signed_in(&app, "satgas").await;
    let jabar = signed_in(&app, "satgas.jabar").await;
    // Not linked to any agency yet: a province's staff cannot see it.
    assert_eq!(
        jabar
            .get(&app, &format!("/kantor/perkara/{case}/meja"))
            .await
            .status,
        404
    );

    let board = desk(&app, &verifier, &case).await;
    board.assert_contains("Kaitkan terlapor dengan data pegawai");
    board.assert_contains(UNKNOWN_NIP);
    let found = search(&app, &verifier, &case, "ahmad+suryana").await;
    found.assert_contains(NIP);
    found.assert_contains("Kaitkan dengan Drs. H. Ahmad Suryana, M.Si.");
    let link = format!("/kantor/perkara/{case}/terlapor");
    assert_done(
        &post_desk(&app, &verifier, &found, &link, &[], &[]).await,
        &case,
    );
    let page = verifier.get(&app, &format!("/kantor/perkara/{case}")).await;
    page.assert_contains("Pemerintah Kabupaten Karawang");
    page.assert_contains("Terlapor dikaitkan dengan data pegawai");
    page.assert_contains(&format!("NIP {NIP}"));

    // West Java's verifier sees it now, but cannot move it to Central Java's teacher.
    let jabar_board = search(&app, &jabar, &case, SEMARANG_NIP).await;
    jabar_board.assert_contains("Tidak ada pegawai yang cocok");
    assert_refused(
        &post_raw(
            &app,
            &jabar,
            &jabar_board,
            &link,
            &[
                ("nip", SEMARANG_NIP),
                ("seen", NIP),
                ("reason", "Pelapor salah menulis NIP"),
            ],
        )
        .await,
        422,
        &format!("Tidak ada pegawai dengan NIP {SEMARANG_NIP} dalam data pegawai wilayah Anda"),
    );
    // A correction names what it replaces and why.
    let elsewhere = search(&app, &verifier, &case, SEMARANG_NIP).await;
    elsewhere.assert_contains("Alasan perbaikan");
    assert_refused(
        &post_desk(&app, &verifier, &elsewhere, &link, &[], &[("reason", " ")]).await,
        422,
        "Alasan: wajib diisi.",
    );
    assert_refused(
        &post_desk(
            &app,
            &verifier,
            &elsewhere,
            &link,
            &[("seen", "")],
            &[("reason", "Pelapor salah menulis NIP")],
        )
        .await,
        409,
        "Terlapor perkara ini baru saja diubah oleh petugas lain",
    );
    assert_done(
        &post_desk(
            &app,
            &verifier,
            &elsewhere,
            &link,
            &[],
            &[("reason", "Pelapor salah menulis NIP")],
        )
        .await,
        &case,
    );
    let page = verifier.get(&app, &format!("/kantor/perkara/{case}")).await;
    page.assert_contains("Pemerintah Kota Semarang");
    page.assert_contains(&format!(
        "NIP {NIP} → {SEMARANG_NIP}: Pelapor salah menulis NIP"
    ));
    assert_eq!(
        jabar
            .get(&app, &format!("/kantor/perkara/{case}"))
            .await
            .status,
        404
    );
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'case.link_subject'")
            .await,
        2
    );
}

async fn case_of_report(app: &TestApp, report: &str) -> String {
    netral_store::sql(
        "SELECT c.number FROM reports r JOIN cases c ON c.id = r.case_id WHERE r.number = $1",
    )
    .bind(report.to_owned())
    .fetch_one(&app.db)
    .await
    .unwrap()
    .get("number")
    .unwrap()
}

async fn act(app: &TestApp, number: &str, role: Role, action: netral_domain::case::Action) {
    let actor = netral_store::cases::Actor {
        name: "uji".into(),
        role,
    };
    netral_store::cases::apply(
        &app.db,
        &app.rules,
        number,
        None,
        &actor,
        &action,
        Utc::now(),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn duplicates_are_merged_into_the_case_that_carries_on_and_its_reporter_is_told() {
    let app = TestApp::start_with(quick()).await;
    add_two_agencies(&app).await;
    // The public report of good_report() is about the Karawang official, on 28 September.
    let carrying = file_on(&app, NIP, day("2024-09-30")).await;
    let filed = receipt(&send_report(&app, &good_report(), &[]).await);
    let duplicate = case_of_report(&app, &filed.number).await;
    let elsewhere = file_on(&app, SEMARANG_NIP, day("2024-09-30")).await;
    let finished = file_on(&app, NIP, day("2024-09-29")).await;
    act(
        &app,
        &finished,
        Role::Verifier,
        netral_domain::case::Action::Cancel {
            note: "dicabut pelapor".into(),
        },
    )
    .await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    add_user(
        &app,
        "satgas.jateng",
        Role::Verifier,
        "province:33".parse().unwrap(),
    )
    .await;
    let verifier = signed_in(&app, "satgas").await;

    let board = desk(&app, &verifier, &carrying).await;
    board.assert_contains("Kemungkinan laporan ganda");
    board.assert_contains(&format!("Gabungkan {duplicate} ke perkara ini"));
    assert!(!board.body.contains(&format!("Gabungkan {elsewhere}")));
    assert!(!board.body.contains(&format!("Gabungkan {finished}")));

    // Refusals, from the duplicate's own desk.
    let own = desk(&app, &verifier, &duplicate).await;
    let merge = format!("/kantor/perkara/{duplicate}/gabung");
    assert_refused(
        &post_raw(&app, &verifier, &own, &merge, &away(&duplicate)).await,
        422,
        "Perkara tidak dapat digabung ke dirinya sendiri.",
    );
    assert_refused(
        &post_raw(&app, &verifier, &own, &merge, &away("NTR-2099-999999")).await,
        422,
        "Tidak ada perkara NTR-2099-999999 dalam wilayah Anda.",
    );
    assert_refused(
        &post_raw(&app, &verifier, &own, &merge, &away(&finished)).await,
        409,
        &format!("Perkara {finished} sudah selesai"),
    );
    let other_board = desk(&app, &verifier, &elsewhere).await;
    assert_refused(
        &post_raw(
            &app,
            &verifier,
            &other_board,
            &format!("/kantor/perkara/{elsewhere}/gabung"),
            &away(&carrying),
        )
        .await,
        422,
        &format!("Perkara {elsewhere} menyangkut pegawai yang berbeda dengan perkara {carrying}"),
    );
    // Central Java's verifier reaches the Semarang case only: the Karawang case is not there.
    let jateng = signed_in(&app, "satgas.jateng").await;
    let jateng_board = desk(&app, &jateng, &elsewhere).await;
    assert_refused(
        &post_raw(
            &app,
            &jateng,
            &jateng_board,
            &format!("/kantor/perkara/{elsewhere}/gabung"),
            &away(&carrying),
        )
        .await,
        422,
        &format!("Tidak ada perkara {carrying} dalam wilayah Anda."),
    );
    assert_refused(
        &post_desk(&app, &verifier, &board, &merge, &[], &[("note", " ")]).await,
        422,
        "Alasan atau catatan: wajib diisi.",
    );

    // The merge, from the carrying case's desk.
    let answer = post_desk(
        &app,
        &verifier,
        &board,
        &merge,
        &[],
        &[("note", "Foto dan acara yang sama")],
    )
    .await;
    assert_done(&answer, &carrying);
    let page = verifier
        .get(&app, &format!("/kantor/perkara/{carrying}"))
        .await;
    page.assert_contains(&filed.number);
    page.assert_contains("dari perkara yang digabung");
    let merged = verifier
        .get(&app, &format!("/kantor/perkara/{duplicate}"))
        .await;
    merged.assert_contains("Digabung ke perkara lain");
    merged.assert_contains(&format!("href=\"/kantor/perkara/{carrying}\""));
    let carrying_desk = desk(&app, &verifier, &carrying).await;
    carrying_desk.assert_contains("Laporan ganda yang digabung ke perkara ini");
    assert!(
        !carrying_desk
            .body
            .contains(&format!("Gabungkan {duplicate} ke perkara ini"))
    );
    // After the review found on the merits, a case is no one's duplicate any more.
    let decided = file_on(&app, NIP, day("2024-09-30")).await;
    for (role, action) in [
        (
            Role::Verifier,
            netral_domain::case::Action::StartVerification,
        ),
        (
            Role::Verifier,
            netral_domain::case::Action::PassVerification { note: "ok".into() },
        ),
        (
            Role::Reviewer,
            netral_domain::case::Action::FindViolation {
                violations: vec!["MEDSOS_INTERAKSI".into()],
                note: "terbukti".into(),
            },
        ),
    ] {
        act(&app, &decided, role, action).await;
    }
    let decided_page = desk(&app, &verifier, &carrying).await;
    assert!(
        !decided_page
            .body
            .contains(&format!("Gabungkan {decided} ke perkara ini"))
    );
    let forced = post_raw(
        &app,
        &verifier,
        &decided_page,
        &format!("/kantor/perkara/{decided}/gabung"),
        &[("into", carrying.as_str()), ("note", "sama")],
    )
    .await;
    assert_refused(
        &forced,
        409,
        "laporan ganda hanya dapat digabung sebelum itu",
    );

    // The reporter of the merged report learns where it went, and nothing of the other report.
    let (status, _) = look_up(&app, &filed.number, &filed.code).await;
    assert_eq!(status.status, 200, "{}", status.body);
    status.assert_contains(&format!(
        "Laporan Anda kini ditangani bersama perkara {carrying}"
    ));
    status.assert_contains("Laporan diterima, menunggu diperiksa");
    assert!(!status.body.contains("Berorasi dalam deklarasi"));
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'case.merge'")
            .await,
        1
    );
}
