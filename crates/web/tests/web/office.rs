//! The back office over plain HTTP: signing in (password, throttling, second factor), staff
//! sessions, the administrator's accounts page, and the roster within each role's scope.

use chrono::Utc;
use netral_domain::access::Scope;
use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_store::accounts::{self, NewStaffUser, second_factor};
use netral_store::audit;
use netral_store::registry::{self, lookup};
use netral_store::tabular::pipeline::{FileImportOptions, FileImportSummary};
use netral_testkit::fixtures::{NIP, add_karawang_official, add_semarang_teacher};

use super::app::{Page, TestApp};
use super::portal::Form;

pub const PASSWORD: &str = "kopi tubruk panas";
pub use netral_testkit::fixtures::SEMARANG_NIP;

/// Adds an account straight into the store; gives its id.
pub async fn add_user(app: &TestApp, username: &str, role: Role, scope: ScopeSpec) -> i64 {
    let new = NewStaffUser {
        username: username.to_owned(),
        display_name: format!("Petugas {username}"),
        email: None,
        role,
        scope,
        password: PASSWORD.to_owned(),
        must_change_password: false,
    };
    accounts::create_user(&app.db, &new, audit::Actor::SYSTEM, Utc::now())
        .await
        .unwrap()
}

/// Links an authenticator app to the account; gives the secret the "phone" holds.
pub async fn add_second_factor(app: &TestApp, user_id: i64) -> String {
    let secret = second_factor::new_secret();
    let now = Utc::now();
    let code = second_factor::code_at(&secret, now.timestamp() as u64).unwrap();
    assert!(
        accounts::enable_second_factor(&app.db, &app.vault, user_id, &secret, &code, now)
            .await
            .unwrap()
    );
    secret
}

/// The Karawang official of the test kit, and a Semarang teacher in another province.
pub async fn add_two_agencies(app: &TestApp) {
    add_karawang_official(&app.db).await;
    add_semarang_teacher(&app.db, "Hj. Siti Rahayu, S.Pd.").await;
}

/// Files a report received through Bawaslu about the civil servant `nip`, for an incident
/// `days_ago` days back, as a test of the back office needs one.
pub async fn file_about(
    app: &TestApp,
    nip: &str,
    summary: &str,
    days_ago: u64,
) -> netral_store::intake::FiledReport {
    let today = Utc::now().date_naive();
    let draft = netral_testkit::reports::draft(
        netral_domain::report::Channel::Bawaslu,
        today - chrono::Days::new(days_ago),
        summary,
        netral_domain::report::Subject::Nip(nip.parse().unwrap()),
        today,
    );
    netral_testkit::reports::file(&app.db, &app.rules, &draft, None, Utc::now())
        .await
        .unwrap()
}

/// A browser's cookies for one staff member: CSRF and session.
#[derive(Debug, Clone)]
pub struct Session {
    pub cookies: String,
}

impl Session {
    pub async fn get(&self, app: &TestApp, path: &str) -> Page {
        app.get_with(path, &[("cookie", &self.cookies)]).await
    }

    /// Posts the form of `page` that posts to `action`, with `fields`.
    pub async fn post(
        &self,
        app: &TestApp,
        page: &Page,
        action: &str,
        fields: &[(&str, &str)],
    ) -> Page {
        Form::in_page(page, action, &self.cookies)
            .post_urlencoded(app, action, fields)
            .await
    }
}

fn session_cookie(page: &Page) -> Option<String> {
    page.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("netral_sesi="))
        .map(|v| v.split(';').next().unwrap().to_owned())
}

/// Signs in through the form; returns the answer and the cookies a browser would now hold.
pub async fn sign_in(app: &TestApp, username: &str, password: &str) -> (Page, Session) {
    let (_, form) = Form::open(app, "/masuk", "/masuk").await;
    let answer = form
        .post_urlencoded(
            app,
            "/masuk",
            &[("username", username), ("password", password)],
        )
        .await;
    let cookies = match session_cookie(&answer) {
        Some(session) => format!("{}; {session}", form.cookie),
        None => form.cookie.clone(),
    };
    (answer, Session { cookies })
}

/// Signs in an account without second factor and checks it reached the office.
pub async fn signed_in(app: &TestApp, username: &str) -> Session {
    let (answer, session) = sign_in(app, username, PASSWORD).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(answer.header("location"), Some("/kantor"));
    session
}

#[tokio::test]
async fn a_password_opens_the_office_and_signing_out_closes_it() {
    let app = TestApp::start().await;
    add_user(&app, "siti", Role::Verifier, ScopeSpec::National).await;

    let anonymous = app.get("/kantor/pegawai?q=ahmad").await;
    assert_eq!(anonymous.status, 303);
    assert_eq!(
        anonymous.header("location"),
        Some("/masuk?lanjut=/kantor/pegawai%3Fq%3Dahmad")
    );

    let (wrong, _) = sign_in(&app, "siti", "kopi tubruk dingin").await;
    assert_eq!(wrong.status, 401);
    wrong.assert_contains("Nama pengguna atau kata sandi salah.");
    let (unknown, _) = sign_in(&app, "tidak.ada", PASSWORD).await;
    assert_eq!(
        unknown.body.contains("salah"),
        wrong.body.contains("salah"),
        "same answer for unknown names"
    );

    let session = signed_in(&app, "SITI").await;
    let office = session.get(&app, "/kantor").await;
    assert_eq!(office.status, 200);
    office.assert_contains("Masuk sebagai Petugas siti, Verifikator (Satgas)");
    assert_eq!(office.header("cache-control"), Some("no-store"));

    let out = session.post(&app, &office, "/keluar", &[]).await;
    assert_eq!(out.status, 303);
    assert!(out.header("set-cookie").unwrap().contains("Max-Age=0"));
    let after = session.get(&app, "/kantor").await;
    assert_eq!(
        after.status, 303,
        "the session ended on the server, not only in the browser"
    );
}

#[tokio::test]
async fn the_sign_in_form_sends_back_only_to_this_site_and_refuses_forgeries() {
    let app = TestApp::start().await;
    add_user(&app, "siti", Role::Verifier, ScopeSpec::National).await;
    let (_, form) = Form::open(&app, "/masuk?lanjut=/kantor/pegawai", "/masuk").await;
    assert_eq!(form.hidden("lanjut"), "/kantor/pegawai");
    let answer = form
        .post_urlencoded(
            &app,
            "/masuk",
            &[("username", "siti"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/kantor/pegawai"));

    let (_, form) = Form::open(&app, "/masuk?lanjut=//evil.example/", "/masuk").await;
    assert_eq!(form.hidden("lanjut"), "");
    let answer = form
        .clone()
        .with_hidden("lanjut", "https://evil.example/")
        .post_urlencoded(
            &app,
            "/masuk",
            &[("username", "siti"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/kantor"));

    let forged = form
        .with_hidden("csrf", "forged")
        .post_urlencoded(
            &app,
            "/masuk",
            &[("username", "siti"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(forged.status, 403);
}

#[tokio::test]
async fn repeated_wrong_passwords_are_throttled() {
    let app = TestApp::start().await;
    add_user(&app, "andi", Role::Verifier, ScopeSpec::National).await;
    for _ in 0..5 {
        let (answer, _) = sign_in(&app, "andi", "salah salah salah").await;
        assert_eq!(answer.status, 401);
    }
    let (answer, session) = sign_in(&app, "andi", PASSWORD).await;
    assert_eq!(answer.status, 429);
    answer.assert_contains("Terlalu banyak percobaan masuk yang gagal");
    assert!(!session.cookies.contains("netral_sesi"));
}

#[tokio::test]
async fn a_custodian_must_link_an_authenticator_app_and_then_give_codes() {
    let app = TestApp::start().await;
    add_user(&app, "kustodian", Role::Custodian, ScopeSpec::National).await;
    let (answer, session) = sign_in(&app, "kustodian", PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/kantor/akun/dua-faktor"));
    let blocked = session.get(&app, "/kantor").await;
    assert_eq!(
        blocked.header("location"),
        Some("/kantor/akun/dua-faktor"),
        "nothing else before the second factor"
    );

    let enroll = session.get(&app, "/kantor/akun/dua-faktor").await;
    assert_eq!(enroll.status, 200);
    enroll.assert_contains("<svg class=\"qr\"");
    let secret: String = enroll
        .body
        .split("id=\"totp-secret\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .replace(' ', "");
    let wrong = session
        .post(
            &app,
            &enroll,
            "/kantor/akun/dua-faktor",
            &[("code", "12345")],
        )
        .await;
    assert_eq!(wrong.status, 422);
    let now = Utc::now().timestamp() as u64;
    let code = second_factor::code_at(&secret, now).unwrap();
    let done = session
        .post(&app, &enroll, "/kantor/akun/dua-faktor", &[("code", &code)])
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(done.header("location"), Some("/kantor"));
    assert_eq!(session.get(&app, "/kantor").await.status, 200);

    // Next time: password, then a fresh code. The code used to enrol is spent.
    let (answer, second) = sign_in(&app, "kustodian", PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/masuk/kode"));
    let page = second.get(&app, "/masuk/kode").await;
    let replay = second
        .post(&app, &page, "/masuk/kode", &[("code", &code)])
        .await;
    assert_eq!(replay.status, 401);
    let fresh = second_factor::code_at(&secret, now + 30).unwrap();
    let ok = second
        .post(&app, &page, "/masuk/kode", &[("code", &fresh)])
        .await;
    assert_eq!(ok.header("location"), Some("/kantor"));
    let office = second.get(&app, "/kantor").await;
    assert_eq!(office.status, 200);
    // The custodian keeps reporters' identities and has no business in the roster.
    assert_eq!(second.get(&app, "/kantor/pegawai").await.status, 403);
    assert!(
        !office.body.contains("href=\"/kantor/pegawai\""),
        "nor a link to it"
    );
}

#[tokio::test]
async fn the_roster_is_searched_and_opened_within_the_scope_only() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    add_user(
        &app,
        "ppk.karawang",
        Role::PpkLiaison,
        ScopeSpec::Agency("3215".into()),
    )
    .await;
    add_user(
        &app,
        "bawaslu.jateng",
        Role::Reviewer,
        "province:33".parse().unwrap(),
    )
    .await;
    add_user(&app, "analis", Role::Analyst, ScopeSpec::National).await;

    let national = signed_in(&app, "satgas").await;
    let found = national.get(&app, "/kantor/pegawai?q=ahmad+suryana").await;
    assert_eq!(found.status, 200);
    found.assert_contains(&format!("href=\"/kantor/pegawai/{NIP}\""));
    found.assert_contains("1 hasil");
    let record = national.get(&app, &format!("/kantor/pegawai/{NIP}")).await;
    assert_eq!(record.status, 200);
    assert_eq!(record.h1(), "Drs. H. Ahmad Suryana, M.Si.");
    record.assert_contains("Pemerintah Kabupaten Karawang");
    record.assert_contains("Laki-laki");
    assert_eq!(
        national
            .get(&app, &format!("/kantor/pegawai/{SEMARANG_NIP}"))
            .await
            .status,
        200
    );

    let liaison = signed_in(&app, "ppk.karawang").await;
    assert_eq!(
        liaison
            .get(&app, &format!("/kantor/pegawai/{NIP}"))
            .await
            .status,
        200
    );
    let guessed = liaison
        .get(&app, &format!("/kantor/pegawai/{SEMARANG_NIP}"))
        .await;
    assert_eq!(
        guessed.status, 404,
        "another agency's record is as good as absent"
    );
    let search = liaison.get(&app, "/kantor/pegawai?q=siti+rahayu").await;
    search.assert_contains("Tidak ada hasil");
    assert!(
        !search.body.contains("Semarang"),
        "not even in the agency filter"
    );

    let central_java = signed_in(&app, "bawaslu.jateng").await;
    assert_eq!(
        central_java
            .get(&app, &format!("/kantor/pegawai/{SEMARANG_NIP}"))
            .await
            .status,
        200
    );
    assert_eq!(
        central_java
            .get(&app, &format!("/kantor/pegawai/{NIP}"))
            .await
            .status,
        404
    );

    let analyst = signed_in(&app, "analis").await;
    assert_eq!(
        analyst.get(&app, "/kantor/pegawai?q=ahmad").await.status,
        403
    );
    assert_eq!(
        analyst
            .get(&app, &format!("/kantor/pegawai/{NIP}"))
            .await
            .status,
        403
    );
    assert_eq!(analyst.get(&app, "/kantor/pengguna").await.status, 403);
}

/// Imports a list (accounts or pacts) through the store, as `netral import` would.
async fn import_list(app: &TestApp, name: &str, text: &str) -> FileImportSummary {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    // The two lists have different columns, hence two option types.
    let summary = if name.starts_with("akun") {
        registry::import_accounts(&app.db, &path, FileImportOptions::new("test", Utc::now())).await
    } else {
        let options = FileImportOptions::new("test", Utc::now());
        registry::import_pacts(&app.db, &path, options, None, &[]).await
    }
    .unwrap();
    assert_eq!(summary.rejected, 0, "{:?}", summary.first_problems);
    summary
}

#[tokio::test]
async fn declared_accounts_appear_on_the_record_as_links() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    import_list(
        &app,
        "akun.csv",
        &format!(
            "nip,platform,handle,url,declared_on\n\
             {NIP},instagram,@Ahmad.Suryana,,2024-08-01\n\
             {NIP},twitter,,https://twitter.com/AhmadS,\n"
        ),
    )
    .await;
    let session = signed_in(&app, "satgas").await;
    let record = session.get(&app, &format!("/kantor/pegawai/{NIP}")).await;
    assert_eq!(record.status, 200);
    record.assert_contains("Akun media sosial yang dilaporkan");
    record.assert_contains(
        "<a href=\"https://www.instagram.com/ahmad.suryana/\" rel=\"noopener noreferrer\">@Ahmad.Suryana</a>",
    );
    record.assert_contains("X (Twitter)");
    record.assert_contains("https://twitter.com/AhmadS");
    record.assert_contains("1 Agustus 2024");
    let other = session
        .get(&app, &format!("/kantor/pegawai/{SEMARANG_NIP}"))
        .await;
    other.assert_contains("belum melaporkan akun media sosial");
}

#[tokio::test]
async fn agencies_are_listed_within_the_scope_with_roster_and_pact_coverage() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    add_user(
        &app,
        "bawaslu.jateng",
        Role::Reviewer,
        "province:33".parse().unwrap(),
    )
    .await;
    add_user(&app, "analis", Role::Analyst, ScopeSpec::National).await;
    // A standing pact by the Semarang teacher: her agency is fully covered, Karawang not at all.
    import_list(
        &app,
        "pakta.csv",
        &format!("nip,signed_on\n{SEMARANG_NIP},2024-09-01\n"),
    )
    .await;
    let ids: Vec<(i64, String)> = lookup::agencies_in_scope(&app.db, &Scope::National)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.id, a.code))
        .collect();
    let id_of = |code: &str| ids.iter().find(|(_, c)| c == code).unwrap().0;
    let (karawang, semarang) = (id_of("3215"), id_of("3374"));

    let national = signed_in(&app, "satgas").await;
    let page = national.get(&app, "/kantor/instansi").await;
    assert_eq!(page.status, 200);
    page.assert_contains("href=\"/kantor/instansi\" aria-current=\"page\"");
    page.assert_contains("2 instansi · halaman 1 dari 1");
    page.assert_contains("Pemerintah Kabupaten Karawang");
    page.assert_contains("Bupati Karawang");
    page.assert_contains(&format!("data-roster=\"{karawang}\">1<"));
    page.assert_contains(&format!("data-coverage=\"{karawang}\">0%<"));
    page.assert_contains(&format!("data-coverage=\"{semarang}\">100%<"));
    page.assert_contains(&format!(
        "href=\"/kantor/pegawai?instansi={karawang}&amp;q=\""
    ));
    let filtered = national.get(&app, "/kantor/instansi?q=semarang").await;
    filtered.assert_contains("1 instansi");
    assert!(!filtered.body.contains("Karawang</a>"));
    let cities = national.get(&app, "/kantor/instansi?jenis=regency").await;
    cities.assert_contains("Pemerintah Kabupaten Karawang");
    assert!(!cities.body.contains("Pemerintah Kota Semarang</a>"));

    // The agency's people, without typing a name.
    let people = national
        .get(&app, &format!("/kantor/pegawai?instansi={karawang}&q="))
        .await;
    assert_eq!(people.status, 200);
    people.assert_contains(&format!("href=\"/kantor/pegawai/{NIP}\""));
    people.assert_contains("Pegawai Pemerintah Kabupaten Karawang · Halaman 1");

    let central_java = signed_in(&app, "bawaslu.jateng").await;
    let page = central_java.get(&app, "/kantor/instansi").await;
    page.assert_contains("1 instansi");
    page.assert_contains("Pemerintah Kota Semarang");
    assert!(!page.body.contains("Karawang"), "another province's agency");
    let outside = central_java
        .get(&app, &format!("/kantor/pegawai?instansi={karawang}&q="))
        .await;
    assert!(
        !outside.body.contains(NIP),
        "another province's people stay hidden"
    );

    let analyst = signed_in(&app, "analis").await;
    assert_eq!(analyst.get(&app, "/kantor/instansi").await.status, 403);
    let home = analyst.get(&app, "/kantor").await;
    assert!(
        !home.body.contains("/kantor/instansi"),
        "no menu item either"
    );
}

#[tokio::test]
async fn an_administrator_creates_and_resets_accounts_whose_owners_choose_their_password() {
    let app = TestApp::start().await;
    add_karawang_official(&app.db).await;
    let admin = add_user(&app, "admin", Role::Administrator, ScopeSpec::National).await;
    let secret = add_second_factor(&app, admin).await;
    let (answer, session) = sign_in(&app, "admin", PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/masuk/kode"));
    let page = session.get(&app, "/masuk/kode").await;
    let code = second_factor::code_at(&secret, Utc::now().timestamp() as u64 + 30).unwrap();
    let ok = session
        .post(&app, &page, "/masuk/kode", &[("code", &code)])
        .await;
    assert_eq!(ok.header("location"), Some("/kantor"));

    let users = session.get(&app, "/kantor/pengguna").await;
    assert_eq!(users.status, 200);
    let missing = session
        .post(
            &app,
            &users,
            "/kantor/pengguna",
            &[("username", "ppk.karawang"), ("display_name", "")],
        )
        .await;
    assert_eq!(missing.status, 422);
    missing.assert_contains("Peran: wajib diisi.");
    missing.assert_contains("Wilayah kerja: pilih nasional, satu provinsi, atau satu instansi.");
    let created = session
        .post(
            &app,
            &users,
            "/kantor/pengguna",
            &[
                ("username", "ppk.karawang"),
                ("display_name", "Dewi Lestari"),
                ("email", "dewi@karawangkab.go.id"),
                ("role", "ppk_liaison"),
                ("scope_kind", "agency"),
                ("agency", "3215"),
            ],
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let temporary: String = created
        .body
        .split("id=\"issued-password\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    let taken = session
        .post(
            &app,
            &users,
            "/kantor/pengguna",
            &[
                ("username", "PPK.karawang"),
                ("display_name", "Orang Lain"),
                ("role", "verifier"),
                ("scope_kind", "national"),
            ],
        )
        .await;
    taken.assert_contains("Nama pengguna: sudah dipakai akun lain.");

    // The new user must choose a password before anything else.
    let (answer, dewi) = sign_in(&app, "ppk.karawang", &temporary).await;
    assert_eq!(answer.header("location"), Some("/kantor/akun/sandi"));
    assert_eq!(
        dewi.get(&app, "/kantor/pegawai").await.header("location"),
        Some("/kantor/akun/sandi")
    );
    let form = dewi.get(&app, "/kantor/akun/sandi").await;
    let short = dewi
        .post(
            &app,
            &form,
            "/kantor/akun/sandi",
            &[
                ("current_password", &temporary),
                ("new_password", "pendek"),
                ("repeat_password", "pendek"),
            ],
        )
        .await;
    short.assert_contains("Kata sandi baru: terlalu pendek");
    let changed = dewi
        .post(
            &app,
            &form,
            "/kantor/akun/sandi",
            &[
                ("current_password", &temporary),
                ("new_password", "nasi goreng kampung"),
                ("repeat_password", "nasi goreng kampung"),
            ],
        )
        .await;
    assert_eq!(changed.header("location"), Some("/kantor"));
    assert_eq!(dewi.get(&app, "/kantor/pegawai").await.status, 200);

    // A reset ends Dewi's sessions and hands out a new temporary password.
    let id = accounts::list_users(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.username == "ppk.karawang")
        .unwrap()
        .id;
    let users = session.get(&app, "/kantor/pengguna").await;
    let reset = session
        .post(&app, &users, &format!("/kantor/pengguna/{id}/sandi"), &[])
        .await;
    assert_eq!(reset.status, 200);
    reset.assert_contains("Kata sandi sementara untuk ppk.karawang");
    assert_eq!(dewi.get(&app, "/kantor/pegawai").await.status, 303);
    // Disabling: sign-in refused with the same words as a wrong password.
    let disabled = session
        .post(&app, &users, &format!("/kantor/pengguna/{id}/status"), &[])
        .await;
    assert_eq!(disabled.status, 303);
    let new_temporary: String = reset
        .body
        .split("id=\"issued-password\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    let (refused, _) = sign_in(&app, "ppk.karawang", &new_temporary).await;
    assert_eq!(refused.status, 401);
    // Nobody but an administrator reaches these actions, even by posting directly.
    add_user(&app, "verif2", Role::Verifier, ScopeSpec::National).await;
    let verifier = signed_in(&app, "verif2").await;
    let office = verifier.get(&app, "/kantor").await;
    let create = Form::in_page(&office, "/keluar", &verifier.cookies)
        .post_urlencoded(
            &app,
            "/kantor/pengguna",
            &[
                ("username", "x.y"),
                ("display_name", "X"),
                ("role", "administrator"),
                ("scope_kind", "national"),
            ],
        )
        .await;
    assert_eq!(
        create.status, 403,
        "a verifier cannot create an administrator"
    );
    let reset = Form::in_page(&office, "/keluar", &verifier.cookies)
        .post_urlencoded(&app, &format!("/kantor/pengguna/{admin}/sandi"), &[])
        .await;
    assert_eq!(reset.status, 403);
}

#[tokio::test]
async fn a_custodian_who_lost_the_authenticator_enrols_a_new_one_after_an_administrator_reset() {
    let app = TestApp::start().await;
    let admin = admin_session(&app).await;
    let custodian = add_user(&app, "kustodian", Role::Custodian, ScopeSpec::National).await;
    add_second_factor(&app, custodian).await;
    let (answer, lost) = sign_in(&app, "kustodian", PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/masuk/kode"));

    let users = admin.get(&app, "/kantor/pengguna").await;
    users.assert_contains(&format!("/kantor/pengguna/{custodian}/dua-faktor"));
    let reset = admin
        .post(
            &app,
            &users,
            &format!("/kantor/pengguna/{custodian}/dua-faktor"),
            &[],
        )
        .await;
    assert_eq!(reset.status, 303, "{}", reset.body);
    let after = lost.get(&app, "/masuk/kode").await;
    assert!(
        after
            .header("location")
            .is_some_and(|to| to.starts_with("/masuk?")),
        "the half-finished sign-in with the lost authenticator is over: {:?}",
        after.header("location")
    );
    let (answer, _) = sign_in(&app, "kustodian", PASSWORD).await;
    assert_eq!(
        answer.header("location"),
        Some("/kantor/akun/dua-faktor"),
        "the custodian links a new authenticator before anything else"
    );
    // Not on one's own account: another administrator must do it.
    let admin_id = accounts::list_users(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.username == "admin")
        .unwrap()
        .id;
    let own = Form::in_page(&users, "/keluar", &admin.cookies)
        .post_urlencoded(
            &app,
            &format!("/kantor/pengguna/{admin_id}/dua-faktor"),
            &[],
        )
        .await;
    assert_eq!(own.status, 403);
}

/// An administrator with an authenticator app, signed in with password and code.
pub async fn admin_session(app: &TestApp) -> Session {
    let admin = add_user(app, "admin", Role::Administrator, ScopeSpec::National).await;
    let secret = add_second_factor(app, admin).await;
    let (answer, session) = sign_in(app, "admin", PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/masuk/kode"));
    let page = session.get(app, "/masuk/kode").await;
    let code = second_factor::code_at(&secret, Utc::now().timestamp() as u64 + 30).unwrap();
    let ok = session
        .post(app, &page, "/masuk/kode", &[("code", &code)])
        .await;
    assert_eq!(ok.header("location"), Some("/kantor"));
    session
}

/// Posts `bytes` as the import form's file, with the CSRF token `csrf`.
async fn upload(app: &TestApp, session: &Session, csrf: &str, name: &str, bytes: Vec<u8>) -> Page {
    let body = reqwest::multipart::Form::new()
        .text("csrf", csrf.to_owned())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
    let response = app
        .http()
        .post(format!("{}/kantor/impor", app.base))
        .header("cookie", &session.cookies)
        .multipart(body)
        .send()
        .await
        .unwrap();
    Page::read(response).await
}

fn roster_csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(netral_testkit::roster::header())
        .unwrap();
    for row in rows {
        writer.write_record(row).unwrap();
    }
    writer.into_inner().unwrap()
}

#[tokio::test]
async fn an_administrator_imports_a_roster_from_the_office_and_follows_it() {
    let app = TestApp::start().await;
    add_karawang_official(&app.db).await;
    let admin = admin_session(&app).await;
    let page = admin.get(&app, "/kantor/impor").await;
    assert_eq!(page.status, 200);
    page.assert_contains("Belum ada impor.");
    let csrf = Form::in_page(&page, "/kantor/impor", &admin.cookies)
        .hidden("csrf")
        .to_owned();

    let empty = upload(&app, &admin, &csrf, "", Vec::new()).await;
    assert_eq!(empty.status, 422);
    empty.assert_contains("Berkas: pilih berkas yang akan diimpor.");

    use netral_testkit::roster::person;
    let good = [person(0), person(2)];
    let mut bad = person(4);
    bad[0] = "19850312201001100".into(); // 17 digits: not a NIP
    let csv = roster_csv(&[good[0].clone(), good[1].clone(), bad]);
    let queued = upload(&app, &admin, &csrf, "siasn-karawang.csv", csv).await;
    assert_eq!(queued.status, 303, "{}", queued.body);
    let run_page = queued.header("location").unwrap().to_owned();
    let waiting = admin.get(&app, &run_page).await;
    waiting.assert_contains("Menunggu giliran");
    waiting.assert_contains("hx-trigger=\"every 1s\"");

    assert_eq!(
        netral_web::worker::run_due(&app.state, "test-worker")
            .await
            .unwrap(),
        1
    );
    let done = admin.get(&app, &format!("{run_page}/kemajuan")).await;
    assert_eq!(done.status, 200);
    done.assert_contains("Selesai");
    assert!(
        !done.body.contains("hx-trigger"),
        "a finished run is not polled again"
    );
    done.assert_contains("<dd class=\"num\" id=\"count-inserted\">2</dd>");
    done.assert_contains("<dd class=\"num\" id=\"count-rejected\">1</dd>");
    let report = admin.get(&app, &format!("{run_page}/galat.csv")).await;
    assert_eq!(report.status, 200);
    assert_eq!(
        report.header("content-type"),
        Some("text/csv; charset=utf-8")
    );
    assert!(
        report
            .body
            .lines()
            .any(|l| l.starts_with("siasn-karawang.csv,4,nipBaru,")),
        "{}",
        report.body
    );
    let nip = &good[0][0];
    let found = admin.get(&app, &format!("/kantor/pegawai?q={nip}")).await;
    found.assert_contains("1 hasil");
    admin
        .get(&app, "/kantor/impor")
        .await
        .assert_contains("siasn-karawang.csv");

    // Only administrators import; a forged form stores nothing.
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    let verifier = signed_in(&app, "satgas").await;
    assert_eq!(verifier.get(&app, "/kantor/impor").await.status, 403);
    assert_eq!(verifier.get(&app, &run_page).await.status, 403);
    let office = verifier.get(&app, "/kantor").await;
    assert!(!office.body.contains("/kantor/impor"));
    let stored_before = std::fs::read_dir(&app.state.imports.dir).unwrap().count();
    let forged = upload(&app, &admin, "forged", "x.csv", b"nipBaru\n1\n".to_vec()).await;
    assert_eq!(forged.status, 403);
    assert_eq!(
        std::fs::read_dir(&app.state.imports.dir).unwrap().count(),
        stored_before
    );
}
