//! Every back-office route and action, for every role and scope, against a table written out
//! by hand: allowed (200/201/303), refused for the role (403), out of the scope (404, as if it
//! did not exist), or not possible at this stage (409). The table is the specification; a
//! change of access rules must change it here, on purpose.

use netral_domain::access::{ScopeSpec, requires_second_factor};
use netral_domain::case::Role;
use netral_store::accounts::second_factor;
use netral_testkit::fixtures::NIP;

use netral_store::prevention::socialization;

use super::app::{Page, TestApp};
use super::office::{
    PASSWORD, SEMARANG_NIP, Session, add_second_factor, add_two_agencies, add_user, file_about,
    sign_in,
};

/// A posted form: path, fields, and the expected status for each account.
type Action = (String, Vec<(&'static str, String)>, [u16; 8]);

/// The accounts, in the order of the table's columns.
const USERS: [(&str, Role, &str); 8] = [
    ("verif", Role::Verifier, "national"),
    ("review.jabar", Role::Reviewer, "province:32"),
    ("pemutus", Role::DecisionMaker, "national"),
    ("ppk.karawang", Role::PpkLiaison, "agency:3215"),
    ("ppk.semarang", Role::PpkLiaison, "agency:3374"),
    ("kustodian", Role::Custodian, "national"),
    ("analis", Role::Analyst, "national"),
    ("admin", Role::Administrator, "national"),
];

async fn file(app: &TestApp, nip: &str) -> (String, String) {
    let filed = file_about(
        app,
        nip,
        "Hadir dan berorasi dalam deklarasi pasangan calon",
        1,
    )
    .await;
    (filed.report_number, filed.case_number)
}

/// Signs the account in completely, second factor included where its role needs one.
async fn session_of(app: &TestApp, username: &str, role: Role, scope: &str) -> Session {
    let id = add_user(app, username, role, scope.parse::<ScopeSpec>().unwrap()).await;
    let secret = if requires_second_factor(role) {
        Some(add_second_factor(app, id).await)
    } else {
        None
    };
    let (answer, session) = sign_in(app, username, PASSWORD).await;
    if let Some(secret) = secret {
        assert_eq!(answer.header("location"), Some("/masuk/kode"), "{username}");
        let page = session.get(app, "/masuk/kode").await;
        let code =
            second_factor::code_at(&secret, chrono::Utc::now().timestamp() as u64 + 30).unwrap();
        let done = session
            .post(app, &page, "/masuk/kode", &[("code", &code)])
            .await;
        assert_eq!(done.header("location"), Some("/kantor"), "{username}");
    } else {
        assert_eq!(answer.header("location"), Some("/kantor"), "{username}");
    }
    session
}

fn csrf_of(page: &Page) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = page.body.find(marker).expect("a page with a form") + marker.len();
    page.body[start..].split('"').next().unwrap().to_owned()
}

async fn post(app: &TestApp, session: &Session, path: &str, fields: &[(&str, &str)]) -> u16 {
    let office = session.get(app, "/kantor").await;
    let mut all = vec![("csrf".to_owned(), csrf_of(&office))];
    all.extend(
        fields
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned())),
    );
    app.http()
        .post(format!("{}{path}", app.base))
        .header("cookie", &session.cookies)
        .form(&all)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn every_route_and_action_for_every_role_and_scope() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let (karawang_report, karawang) = file(&app, NIP).await;
    let (_, semarang) = file(&app, SEMARANG_NIP).await;
    // A report whose NIP is in no roster: no subject, no agency, national business only.
    let (_, unlinked) = file(&app, "198001012005011002").await;
    let mut sessions = Vec::new();
    for (username, role, scope) in USERS {
        sessions.push(session_of(&app, username, role, scope).await);
    }
    // An account for the administrator's actions to act on.
    let target = add_user(&app, "sasaran", Role::Analyst, ScopeSpec::National).await;
    // A verifier for cases to be assigned to.
    add_user(&app, "verif2", Role::Verifier, ScopeSpec::National).await;
    // A socialization meeting of Karawang's, recorded by its liaison.
    let karawang_liaison = netral_store::accounts::list_users(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.username == "ppk.karawang")
        .unwrap();
    let karawang_id = netral_store::registry::prevention::agency_id_by_code(&app.db, "3215")
        .await
        .unwrap()
        .unwrap();
    let meeting = socialization::create_event(
        &app.db,
        &karawang_liaison,
        &socialization::NewEvent {
            agency_id: karawang_id,
            title: "Sosialisasi netralitas".into(),
            held_on: chrono::NaiveDate::from_ymd_opt(2024, 9, 10).unwrap(),
            place: "Aula Setda".into(),
            audience: "Kepala perangkat daerah".into(),
            materials: String::new(),
            survey_code: "evaluasi-sosialisasi".into(),
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap();

    // Columns: verif, review.jabar, pemutus, ppk.karawang, ppk.semarang, kustodian, analis, admin.
    let pages: Vec<(String, [u16; 8])> = vec![
        ("/kantor".into(), [200, 200, 200, 200, 200, 200, 200, 200]),
        (
            "/kantor/akun/sandi".into(),
            [200, 200, 200, 200, 200, 200, 200, 200],
        ),
        (
            "/kantor/akun/token".into(),
            [200, 200, 200, 200, 200, 200, 200, 200],
        ),
        (
            "/kantor/perkara".into(),
            [200, 200, 200, 200, 200, 200, 403, 403],
        ),
        (
            format!("/kantor/perkara/{karawang}"),
            [200, 200, 200, 200, 404, 200, 403, 403],
        ),
        (
            format!("/kantor/perkara/{semarang}"),
            [200, 404, 200, 404, 200, 200, 403, 403],
        ),
        (
            format!("/kantor/perkara/{karawang}/meja"),
            [200, 200, 200, 200, 404, 200, 403, 403],
        ),
        (
            format!("/kantor/perkara/{semarang}/meja"),
            [200, 404, 200, 404, 200, 200, 403, 403],
        ),
        (
            format!("/kantor/perkara/{unlinked}/meja"),
            [200, 404, 200, 404, 404, 200, 403, 403],
        ),
        // A roster search from the desk needs the roster: not the custodian's.
        (
            format!("/kantor/perkara/{karawang}/meja?q=ahmad"),
            [200, 200, 200, 200, 404, 403, 403, 403],
        ),
        (
            "/kantor/pegawai?q=a".into(),
            [200, 200, 200, 200, 200, 403, 403, 200],
        ),
        (
            format!("/kantor/pegawai/{NIP}"),
            [200, 200, 200, 200, 404, 403, 403, 200],
        ),
        (
            format!("/kantor/pegawai/{SEMARANG_NIP}"),
            [200, 404, 200, 404, 200, 403, 403, 200],
        ),
        (
            "/kantor/instansi".into(),
            [200, 200, 200, 200, 200, 403, 403, 200],
        ),
        (
            "/kantor/impor".into(),
            [403, 403, 403, 403, 403, 403, 403, 200],
        ),
        (
            "/kantor/pengguna".into(),
            [403, 403, 403, 403, 403, 403, 403, 200],
        ),
        (
            "/kantor/impor/1".into(),
            [403, 403, 403, 403, 403, 403, 403, 404],
        ),
        (
            "/kantor/audit".into(),
            [403, 403, 403, 403, 403, 403, 403, 200],
        ),
        (
            "/kantor/audit/ekspor?format=csv".into(),
            [403, 403, 403, 403, 403, 403, 403, 200],
        ),
        (
            "/kantor/surel".into(),
            [403, 403, 403, 403, 403, 403, 403, 200],
        ),
        // Figures: every role but the custodian, each within its scope.
        (
            "/kantor/statistik?by=violation".into(),
            [200, 200, 200, 200, 200, 403, 200, 200],
        ),
        (
            "/kantor/statistik/perkara?step=reported".into(),
            [200, 200, 200, 200, 200, 403, 200, 200],
        ),
        (
            "/kantor/statistik/ekspor?by=province&format=csv".into(),
            [200, 200, 200, 200, 200, 403, 200, 200],
        ),
        (
            "/kantor/statistik/perkara/ekspor?step=reported&format=xlsx".into(),
            [200, 200, 200, 200, 200, 403, 200, 200],
        ),
        (
            "/kantor/statistik/laporan.pdf".into(),
            [200, 200, 200, 200, 200, 403, 200, 200],
        ),
        (
            "/kantor/surel/999999".into(),
            [403, 403, 403, 403, 403, 403, 403, 404],
        ),
        // Prevention: the task force, the oversight official and the agencies' own liaisons,
        // each within its scope; questions from the guide go to those who judge cases.
        (
            "/kantor/sosialisasi".into(),
            [200, 403, 200, 200, 200, 403, 403, 403],
        ),
        (
            "/kantor/sosialisasi/rekap?format=xlsx".into(),
            [200, 403, 200, 200, 200, 403, 403, 403],
        ),
        (
            format!("/kantor/sosialisasi/{meeting}"),
            [200, 403, 200, 200, 404, 403, 403, 403],
        ),
        (
            format!("/kantor/sosialisasi/{meeting}/ekspor?tabel=hadir&format=csv"),
            [200, 403, 200, 200, 404, 403, 403, 403],
        ),
        (
            "/kantor/pakta?pemilu=pilkada-2024".into(),
            [200, 403, 200, 200, 200, 403, 403, 403],
        ),
        (
            "/kantor/pakta?pemilu=pilkada-2024&format=csv".into(),
            [200, 403, 200, 200, 200, 403, 403, 403],
        ),
        (
            "/kantor/pakta/3215?pemilu=pilkada-2024".into(),
            [200, 403, 200, 200, 404, 403, 403, 403],
        ),
        (
            "/kantor/pertanyaan".into(),
            [200, 200, 200, 403, 403, 403, 403, 403],
        ),
        // Leads name persons before any report: the task force's alone.
        (
            "/kantor/temuan".into(),
            [200, 403, 403, 403, 403, 403, 403, 403],
        ),
    ];
    let mut wrong = Vec::new();
    for (path, expected) in &pages {
        let anonymous = app.get(path).await;
        if anonymous.status != 303
            || !anonymous
                .header("location")
                .unwrap_or("")
                .starts_with("/masuk")
        {
            wrong.push(format!("anonymous GET {path}: {}", anonymous.status));
        }
        for (i, session) in sessions.iter().enumerate() {
            let got = session.get(&app, path).await.status;
            if got != expected[i] {
                wrong.push(format!(
                    "{} GET {path}: expected {}, got {got}",
                    USERS[i].0, expected[i]
                ));
            }
        }
    }

    // Actions. The verifier goes last: its start of verification changes the case's stage.
    let actions: Vec<Action> = vec![
        (
            format!("/kantor/perkara/{karawang}/identitas"),
            vec![
                ("report_number", karawang_report.clone()),
                ("reason", "Klarifikasi bukti dengan pelapor".into()),
            ],
            [403, 403, 403, 403, 403, 200, 403, 403],
        ),
        (
            format!("/kantor/perkara/{karawang}/pesan"),
            vec![
                ("body", "Catatan uji akses".into()),
                ("internal", "1".into()),
            ],
            [303, 303, 303, 303, 404, 303, 403, 403],
        ),
        (
            "/kantor/pengguna".into(),
            vec![
                ("username", "baru".into()),
                ("display_name", "Akun Baru".into()),
                ("role", "analyst".into()),
                ("scope_kind", "national".into()),
            ],
            [403, 403, 403, 403, 403, 403, 403, 201],
        ),
        (
            format!("/kantor/pengguna/{target}/sandi"),
            vec![],
            [403, 403, 403, 403, 403, 403, 403, 200],
        ),
        (
            "/kantor/audit/periksa".into(),
            vec![],
            [403, 403, 403, 403, 403, 403, 403, 200],
        ),
        (
            format!("/kantor/pengguna/{target}/dua-faktor"),
            vec![],
            [403, 403, 403, 403, 403, 403, 403, 303],
        ),
        (
            format!("/kantor/pengguna/{target}/status"),
            vec![("disabled", "1".into())],
            [403, 403, 403, 403, 403, 403, 403, 303],
        ),
        // Every account makes its own API tokens (the token then has the account's role and
        // scope); revoking one that is not the account's own is 404, as for one that does not
        // exist.
        (
            "/kantor/akun/token".into(),
            vec![
                ("token_name", "skrip uji".into()),
                ("lifetime", "30".into()),
            ],
            [201, 201, 201, 201, 201, 201, 201, 201],
        ),
        (
            "/kantor/akun/token/999999/cabut".into(),
            vec![],
            [404, 404, 404, 404, 404, 404, 404, 404],
        ),
        // One pact target per election: national users only.
        (
            "/kantor/pakta/target".into(),
            vec![("pemilu", "pilkada-2024".into()), ("target", "80".into())],
            [303, 403, 303, 403, 403, 403, 403, 403],
        ),
        (
            format!("/kantor/sosialisasi/{meeting}/hadir"),
            vec![("attendance", NIP.into())],
            [200, 403, 200, 200, 404, 403, 403, 403],
        ),
        (
            "/kantor/temuan/lead/999999/tolak".into(),
            vec![("note", "uji".into())],
            [404, 403, 403, 403, 403, 403, 403, 403],
        ),
        (
            "/kantor/pertanyaan/999999".into(),
            vec![("verdict", "allowed".into()), ("answer", "Boleh.".into())],
            [404, 404, 404, 403, 403, 403, 403, 403],
        ),
        // Desk work. A new report is the task force's: its verifier takes it, then gives it to
        // a colleague; no other role handles it (409), Semarang's liaison does not see it.
        (
            format!("/kantor/perkara/{karawang}/ambil"),
            vec![("seen", String::new())],
            [303, 409, 409, 409, 404, 409, 403, 403],
        ),
        (
            format!("/kantor/perkara/{karawang}/penugasan"),
            vec![("assignee", "verif2".into()), ("seen", "verif".into())],
            [303, 409, 409, 409, 404, 409, 403, 403],
        ),
        // Linking needs the roster (403 for the custodian); once linked to Karawang's official,
        // the case is in West Java's and Karawang's sight, and the others' pages are stale.
        (
            format!("/kantor/perkara/{unlinked}/terlapor"),
            vec![("nip", NIP.into()), ("seen", String::new())],
            [303, 409, 409, 409, 404, 403, 403, 403],
        ),
        // Merged as a duplicate of the Karawang case; after that it is finished (409).
        (
            format!("/kantor/perkara/{unlinked}/gabung"),
            vec![
                ("into", karawang.clone()),
                ("note", "Laporan ganda atas acara yang sama".into()),
            ],
            [303, 409, 409, 409, 404, 409, 403, 403],
        ),
    ];
    for (path, fields, expected) in &actions {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
        for (i, session) in sessions.iter().enumerate() {
            let got = post(&app, session, path, &fields).await;
            if got != expected[i] {
                wrong.push(format!(
                    "{} POST {path}: expected {}, got {got}",
                    USERS[i].0, expected[i]
                ));
            }
        }
    }

    // Revision 3: the case was taken and reassigned above, each an event of its own.
    let start = [("action", "start_verification"), ("revision", "3")];
    let expected_start = [303, 409, 409, 409, 404, 409, 403, 403];
    for i in (0..USERS.len()).rev() {
        let got = post(
            &app,
            &sessions[i],
            &format!("/kantor/perkara/{karawang}/tindakan"),
            &start,
        )
        .await;
        if got != expected_start[i] {
            wrong.push(format!(
                "{} POST start_verification: expected {}, got {got}",
                USERS[i].0, expected_start[i]
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "access differs from the table:\n{}",
        wrong.join("\n")
    );
}
