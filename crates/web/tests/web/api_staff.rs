//! The staff endpoints of the JSON API, called with personal tokens: every endpoint for every
//! role and scope against a table written out by hand (as access_control.rs does for the
//! pages), decisions that are the pages' decisions, refusals that name the field, and tokens
//! that stop working when revoked or when their account is disabled. The tests that touch
//! what the store does run on SQLite and on PostgreSQL.

use chrono::Utc;
use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_store::accounts::{self, api_tokens};
use netral_store::audit;
use netral_testkit::fixtures::NIP;
use serde_json::{Value, json};

use super::app::{TestApp, on_both_backends};
use super::office::{SEMARANG_NIP, add_two_agencies, add_user, file_about, signed_in};
use super::office_cases::file_confidential;

/// Makes an account and a personal token for it, as its owner would on the tokens page.
pub async fn token_for(app: &TestApp, username: &str, role: Role, scope: &str) -> String {
    let id = add_user(app, username, role, scope.parse::<ScopeSpec>().unwrap()).await;
    let user = accounts::get_user(&app.db, id).await.unwrap().unwrap();
    api_tokens::create(&app.db, &user, "uji", 30, Utc::now())
        .await
        .unwrap()
        .secret
}

/// An answer of the API: its status, headers and JSON body (`Null` when there is none).
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Answer {
    /// The `field` of an error answer.
    pub fn field(&self) -> Option<&str> {
        self.body["error"]["field"].as_str()
    }

    pub fn code(&self) -> Option<&str> {
        self.body["error"]["code"].as_str()
    }
}

/// `GET` or `POST` (with a JSON body) as a program holding `token` would.
pub async fn call(
    app: &TestApp,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Answer {
    let url = format!("{}{path}", app.base);
    let mut request = match method {
        "GET" => app.http().get(url),
        "POST" => app.http().post(url),
        other => panic!("no {other} in these tests"),
    };
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    Answer {
        status,
        headers,
        body: serde_json::from_str(&text).unwrap_or(Value::Null),
    }
}

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

/// The accounts, in the order of the table's columns (as in access_control.rs).
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

on_both_backends!(
    every_endpoint_for_every_role_and_scope,
    a_decision_through_the_api_is_the_pages_decision,
    tokens_stop_when_revoked_or_their_account_is_disabled,
);

async fn every_endpoint_for_every_role_and_scope(app: &TestApp) {
    add_two_agencies(app).await;
    let (karawang_report, karawang) = file(app, NIP).await;
    let (_, semarang) = file(app, SEMARANG_NIP).await;
    let mut tokens = Vec::new();
    for (username, role, scope) in USERS {
        tokens.push(token_for(app, username, role, scope).await);
    }

    // Columns: verif, review.jabar, pemutus, ppk.karawang, ppk.semarang, kustodian, analis, admin.
    let reads: Vec<(String, [u16; 8])> = vec![
        (
            "/api/v1/cases".into(),
            [200, 200, 200, 200, 200, 200, 403, 403],
        ),
        (
            format!("/api/v1/cases/{karawang}"),
            [200, 200, 200, 200, 404, 200, 403, 403],
        ),
        (
            format!("/api/v1/cases/{semarang}"),
            [200, 404, 200, 404, 200, 200, 403, 403],
        ),
        (
            "/api/v1/civil-servants?q=a".into(),
            [200, 200, 200, 200, 200, 403, 403, 200],
        ),
        (
            format!("/api/v1/civil-servants/{NIP}"),
            [200, 200, 200, 200, 404, 403, 403, 200],
        ),
        (
            format!("/api/v1/civil-servants/{SEMARANG_NIP}"),
            [200, 404, 200, 404, 200, 403, 403, 200],
        ),
        (
            "/api/v1/agencies".into(),
            [200, 200, 200, 200, 200, 403, 403, 200],
        ),
    ];
    let mut wrong = Vec::new();
    for (path, expected) in &reads {
        let anonymous = call(app, "GET", path, None, None).await;
        if anonymous.status != 401 {
            wrong.push(format!("anonymous GET {path}: {}", anonymous.status));
        }
        for (i, token) in tokens.iter().enumerate() {
            let got = call(app, "GET", path, Some(token), None).await;
            if got.status != expected[i] {
                wrong.push(format!(
                    "{} GET {path}: expected {}, got {} {}",
                    USERS[i].0, expected[i], got.status, got.body
                ));
            }
        }
    }

    // Actions. The verifier goes last: its start of verification moves the case on. The
    // reviewer, decision maker and PPK liaison never start a verification: 403 for the role
    // (the page answers them 409, as it cannot tell); the Semarang liaison does not even
    // learn that the Karawang case exists.
    let writes: Vec<(String, Value, [u16; 8])> = vec![
        (
            format!("/api/v1/cases/{karawang}/reporter-identity"),
            json!({"report_number": karawang_report, "reason": "Klarifikasi bukti dengan pelapor"}),
            [403, 403, 403, 403, 403, 200, 403, 403],
        ),
        (
            format!("/api/v1/cases/{karawang}/messages"),
            json!({"body": "Catatan uji akses", "internal": true}),
            [201, 201, 201, 201, 404, 201, 403, 403],
        ),
        (
            format!("/api/v1/cases/{karawang}/actions"),
            json!({"action": "start_verification", "revision": 1}),
            [200, 403, 403, 403, 404, 403, 403, 403],
        ),
    ];
    for (path, body, expected) in &writes {
        let anonymous = call(app, "POST", path, None, Some(body.clone())).await;
        if anonymous.status != 401 {
            wrong.push(format!("anonymous POST {path}: {}", anonymous.status));
        }
        for i in (0..USERS.len()).rev() {
            let got = call(app, "POST", path, Some(&tokens[i]), Some(body.clone())).await;
            if got.status != expected[i] {
                wrong.push(format!(
                    "{} POST {path}: expected {}, got {} {}",
                    USERS[i].0, expected[i], got.status, got.body
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "access differs from the table:\n{}",
        wrong.join("\n")
    );

    // Scoped lists leave out what the scope does not cover.
    let listed = call(
        app,
        "GET",
        "/api/v1/cases?queue=all",
        Some(&tokens[3]),
        None,
    )
    .await;
    let numbers: Vec<&str> = listed.body["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["number"].as_str().unwrap())
        .collect();
    assert_eq!(
        numbers,
        [karawang.as_str()],
        "Karawang's liaison sees Karawang's"
    );
    let found = call(
        app,
        "GET",
        "/api/v1/civil-servants?q=siti+rahayu",
        Some(&tokens[1]),
        None,
    )
    .await;
    assert_eq!(
        found.body["results"],
        json!([]),
        "Semarang is not West Java"
    );
    let agencies = call(app, "GET", "/api/v1/agencies", Some(&tokens[4]), None).await;
    assert_eq!(agencies.body["total"], 1, "{}", agencies.body);
    assert_eq!(agencies.body["agencies"][0]["code"], "3374");
}

async fn a_decision_through_the_api_is_the_pages_decision(app: &TestApp) {
    add_two_agencies(app).await;
    let (_, number) = file(app, NIP).await;
    let verifier = token_for(app, "satgas", Role::Verifier, "national").await;
    let reviewer = token_for(app, "bawaslu.jabar", Role::Reviewer, "province:32").await;
    let case_path = format!("/api/v1/cases/{number}");
    let actions = format!("{case_path}/actions");

    let case = call(app, "GET", &case_path, Some(&verifier), None).await;
    assert_eq!(case.status, 200, "{}", case.body);
    assert_eq!(case.body["revision"], 1);
    assert_eq!(case.body["state"], "received");
    assert!(
        case.body["actions"]
            .as_array()
            .unwrap()
            .contains(&json!("start_verification")),
        "{}",
        case.body
    );
    assert_eq!(case.body["subject"]["nip"], NIP);
    assert_eq!(case.body["timeline"][0]["kind"], "opened");

    let started = call(
        app,
        "POST",
        &actions,
        Some(&verifier),
        Some(json!({"action": "start_verification", "revision": 1})),
    )
    .await;
    assert_eq!(started.status, 200, "{}", started.body);
    assert_eq!(started.body["state"], "verification");
    assert_eq!(started.body["revision"], 2);

    // The page shows the decision, and the audit log names who took it.
    add_user(app, "satgas.layar", Role::Verifier, ScopeSpec::National).await;
    let session = signed_in(app, "satgas.layar").await;
    let page = session.get(app, &format!("/kantor/perkara/{number}")).await;
    page.assert_contains("Mulai verifikasi");
    let logged: Vec<(String, String, Value)> = audit::about(&app.db, &number)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.action == "case.transition")
        .map(|r| (r.actor, r.actor_role, r.details))
        .collect();
    assert_eq!(
        logged,
        [(
            "satgas".to_owned(),
            "verifier".to_owned(),
            json!({"event": 2, "kind": "start_verification", "from": "received", "to": "verification"})
        )]
    );

    // Refusals: each says why, and names the field where there is one.
    let post = |body: Value| call(app, "POST", &actions, Some(&verifier), Some(body));
    let stale = post(json!({"action": "pass_verification", "revision": 1, "note": "cocok"})).await;
    assert_eq!(
        (stale.status, stale.code(), stale.field()),
        (409, Some("stale_revision"), Some("revision")),
        "{}",
        stale.body
    );
    let again = post(json!({"action": "start_verification", "revision": 2})).await;
    assert_eq!((again.status, again.code()), (409, Some("not_now")));
    let empty = post(json!({"action": "pass_verification", "revision": 2, "note": "  "})).await;
    assert_eq!(
        (empty.status, empty.field()),
        (422, Some("note")),
        "{}",
        empty.body
    );
    let wrong_type = post(json!({"action": "pass_verification", "revision": 2, "note": 5})).await;
    assert_eq!(
        (wrong_type.status, wrong_type.field()),
        (400, Some("note")),
        "{}",
        wrong_type.body
    );
    let unknown = post(json!({"action": "lulus", "revision": 2})).await;
    assert_eq!((unknown.status, unknown.field()), (400, Some("action")));
    let stray = post(json!({"action": "start_verification", "revision": 2, "catatan": "x"})).await;
    assert_eq!((stray.status, stray.field()), (400, Some("catatan")));
    let no_revision = post(json!({"action": "pass_verification", "note": "cocok"})).await;
    assert_eq!(
        (no_revision.status, no_revision.field()),
        (400, Some("revision"))
    );
    let broken = app
        .http()
        .post(format!("{}{actions}", app.base))
        .bearer_auth(&verifier)
        .header("content-type", "application/json")
        .body("{\"action\": \"pass_verification\", ")
        .send()
        .await
        .unwrap();
    assert_eq!(broken.status().as_u16(), 400);
    let broken: Value = broken.json().await.unwrap();
    assert_eq!(broken["error"]["code"], "invalid_json", "{broken}");
    let not_json = app
        .http()
        .post(format!("{}{actions}", app.base))
        .bearer_auth(&verifier)
        .body("action=pass_verification")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status().as_u16(), 415);
    let case = call(app, "GET", &case_path, Some(&verifier), None).await;
    assert_eq!(
        (
            case.body["revision"].clone(),
            case.body["timeline"].as_array().unwrap().len()
        ),
        (json!(2), 2),
        "nothing refused was written"
    );

    let passed =
        post(json!({"action": "pass_verification", "revision": 2, "note": "NIP cocok"})).await;
    assert_eq!(passed.status, 200, "{}", passed.body);
    assert_eq!(passed.body["state"], "review");

    // The reviewer's decision: the rules' codes, checked by the domain.
    let review = |body: Value| call(app, "POST", &actions, Some(&reviewer), Some(body));
    let unknown_code = review(json!({"action": "find_violation", "revision": 3,
                                     "violations": ["BUKAN_KODE"], "note": "terbukti"}))
    .await;
    assert_eq!(
        (unknown_code.status, unknown_code.field()),
        (422, Some("violations")),
        "{}",
        unknown_code.body
    );
    assert!(
        unknown_code.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("BUKAN_KODE")
    );
    let found = review(json!({"action": "find_violation", "revision": 3,
                              "violations": ["MEDSOS_KAMPANYE"], "note": "Unggahan terbukti"}))
    .await;
    assert_eq!(found.status, 200, "{}", found.body);
    let case = call(app, "GET", &case_path, Some(&reviewer), None).await;
    assert_eq!(case.body["proven_violations"], json!(["MEDSOS_KAMPANYE"]));
    assert_eq!(
        case.body["timeline"][3]["payload"],
        json!({"action": "find_violation", "violations": ["MEDSOS_KAMPANYE"], "note": "Unggahan terbukti"}),
        "the timeline keeps the action as it was posted"
    );
}

async fn tokens_stop_when_revoked_or_their_account_is_disabled(app: &TestApp) {
    let id = add_user(app, "satgas", Role::Verifier, ScopeSpec::National).await;
    let user = accounts::get_user(&app.db, id).await.unwrap().unwrap();
    let issued = api_tokens::create(&app.db, &user, "rekap", 30, Utc::now())
        .await
        .unwrap();
    let token = issued.secret;
    assert_eq!(
        call(app, "GET", "/api/v1/cases", Some(&token), None)
            .await
            .status,
        200
    );

    assert!(
        api_tokens::revoke(&app.db, &user, issued.id, Utc::now())
            .await
            .unwrap()
    );
    let revoked = call(app, "GET", "/api/v1/cases", Some(&token), None).await;
    assert_eq!(
        (revoked.status, revoked.code()),
        (401, Some("unauthorized"))
    );
    assert_eq!(
        revoked.headers.get("www-authenticate").unwrap(),
        "Bearer realm=\"netral\""
    );

    let second = api_tokens::create(&app.db, &user, "kedua", 30, Utc::now())
        .await
        .unwrap()
        .secret;
    assert_eq!(
        call(app, "GET", "/api/v1/cases", Some(&second), None)
            .await
            .status,
        200
    );
    accounts::set_disabled(&app.db, user.id, true, audit::Actor::SYSTEM, Utc::now())
        .await
        .unwrap();
    assert_eq!(
        call(app, "GET", "/api/v1/cases", Some(&second), None)
            .await
            .status,
        401,
        "a disabled account's token"
    );

    for header in [
        "Bearer ntr_bukan-token",
        "Basic c2F0Z2FzOnNhbmRp",
        "Bearer",
        "",
    ] {
        let response = app
            .http()
            .get(format!("{}/api/v1/cases", app.base))
            .header("authorization", header)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 401, "{header:?}");
    }
}

#[tokio::test]
async fn a_session_cookie_opens_nothing_in_the_api() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let (_, number) = file(&app, NIP).await;
    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    let session = signed_in(&app, "satgas").await;
    assert_eq!(session.get(&app, "/kantor/perkara").await.status, 200);
    let read = app
        .get_with("/api/v1/cases", &[("cookie", &session.cookies)])
        .await;
    assert_eq!(read.status, 401, "{}", read.body);
    let act = app
        .http()
        .post(format!("{}/api/v1/cases/{number}/actions", app.base))
        .header("cookie", &session.cookies)
        .json(&json!({"action": "start_verification", "revision": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(act.status().as_u16(), 401);
    let case = netral_store::cases::get_case(&app.db, &number)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(case.revision, 1, "nothing was decided with the cookie");
}

#[tokio::test]
async fn only_the_custodian_opens_an_identity_and_every_look_is_logged() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let (report, case) = file_confidential(&app).await;
    let verifier = token_for(&app, "satgas", Role::Verifier, "national").await;
    let custodian = token_for(&app, "kustodian", Role::Custodian, "national").await;
    let analyst = token_for(&app, "analis", Role::Analyst, "national").await;
    let case_path = format!("/api/v1/cases/{case}");
    let reveal_path = format!("{case_path}/reporter-identity");
    let reveals = || app.count("SELECT COUNT(*) AS n FROM identity_reveals");

    for token in [&verifier, &custodian] {
        let detail = call(&app, "GET", &case_path, Some(token), None).await;
        assert_eq!(detail.status, 200);
        assert_eq!(detail.body["reports"][0]["reporter_mode"], "confidential");
        let text = detail.body.to_string();
        for secret in ["Rahmat", "081234567890", "rahmat@example.id"] {
            assert!(
                !text.contains(secret),
                "the case never carries the identity: {text}"
            );
        }
        // The evidence with its hash, and the file by it.
        let sha = detail.body["evidence"][0]["sha256"].as_str().unwrap();
        assert_eq!(sha.len(), 64);
        assert_eq!(detail.body["evidence"][0]["media_type"], "image/png");
        let photo = app
            .http()
            .get(format!("{}{case_path}/evidence/{sha}", app.base))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(photo.status().as_u16(), 200);
        assert_eq!(photo.headers()["content-type"], "image/png");
        assert_eq!(&photo.bytes().await.unwrap()[..], super::portal::PNG);
        let analysts = call(
            &app,
            "GET",
            &format!("{case_path}/evidence/{sha}"),
            Some(&analyst),
            None,
        )
        .await;
        assert_eq!(analysts.status, 403);
    }
    let elsewhere = call(
        &app,
        "GET",
        &format!("{case_path}/evidence/{}", "0".repeat(64)),
        Some(&verifier),
        None,
    )
    .await;
    assert_eq!(elsewhere.status, 404, "a file of no report of this case");
    assert_eq!(
        call(&app, "GET", &case_path, Some(&analyst), None)
            .await
            .status,
        403
    );
    let reason = "Pelapor perlu dihubungi untuk klarifikasi bukti asli";
    for token in [&verifier, &analyst] {
        let refused = call(
            &app,
            "POST",
            &reveal_path,
            Some(token),
            Some(json!({"report_number": report, "reason": reason})),
        )
        .await;
        assert_eq!(refused.status, 403);
    }
    let short = call(
        &app,
        "POST",
        &reveal_path,
        Some(&custodian),
        Some(json!({"report_number": report, "reason": "cek"})),
    )
    .await;
    assert_eq!((short.status, short.field()), (422, Some("reason")));
    let other = call(
        &app,
        "POST",
        &reveal_path,
        Some(&custodian),
        Some(json!({"report_number": "LAP-2024-999999", "reason": reason})),
    )
    .await;
    assert_eq!((other.status, other.field()), (404, Some("report_number")));
    let unreadable = call(
        &app,
        "POST",
        &reveal_path,
        Some(&custodian),
        Some(json!({"report_number": report, "reason": ["bukan", "teks"]})),
    )
    .await;
    assert_eq!(
        (unreadable.status, unreadable.field()),
        (400, Some("reason"))
    );
    assert_eq!(reveals().await, 0, "nothing opened, nothing logged");

    let opened = call(
        &app,
        "POST",
        &reveal_path,
        Some(&custodian),
        Some(json!({"report_number": report, "reason": reason})),
    )
    .await;
    assert_eq!(opened.status, 200, "{}", opened.body);
    assert_eq!(opened.body["identity"]["name"], "Rahmat Hidayat");
    assert_eq!(opened.body["identity"]["phone"], "081234567890");
    assert_eq!(
        opened.headers.get("cache-control").unwrap(),
        "no-store",
        "no cache keeps it"
    );
    assert_eq!(reveals().await, 1);
    let logged = audit::about(&app.db, &report).await.unwrap();
    assert_eq!(logged.len(), 1);
    assert_eq!(
        (logged[0].actor.as_str(), logged[0].action.as_str()),
        ("kustodian", "identity.reveal")
    );
    assert_eq!(logged[0].details["reason"], reason);

    // The thread: a note for colleagues, refused when empty or unreadable.
    let messages = format!("{case_path}/messages");
    let note = call(
        &app,
        "POST",
        &messages,
        Some(&verifier),
        Some(json!({"body": "Bukti asli sudah diminta.", "internal": true})),
    )
    .await;
    assert_eq!(note.status, 201, "{}", note.body);
    for (body, status, field) in [
        (json!({"body": "   "}), 422, "body"),
        (json!({"body": 5}), 400, "body"),
        (json!({"body": "ya", "internal": "ya"}), 400, "internal"),
        (json!({"isi": "ya"}), 400, "isi"),
    ] {
        let refused = call(&app, "POST", &messages, Some(&verifier), Some(body.clone())).await;
        assert_eq!(
            (refused.status, refused.field()),
            (status, Some(field)),
            "{body}: {}",
            refused.body
        );
    }
    let detail = call(&app, "GET", &case_path, Some(&verifier), None).await;
    let thread = detail.body["messages"].as_array().unwrap();
    assert_eq!(thread.len(), 1, "{}", detail.body);
    assert_eq!(thread[0]["internal"], true);
    assert_eq!(thread[0]["author"], "satgas");
}

#[tokio::test]
async fn queries_are_read_strictly_and_name_what_is_wrong() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    file(&app, NIP).await;
    let token = token_for(&app, "satgas", Role::Verifier, "national").await;
    let get = |path: &'static str| call(&app, "GET", path, Some(&token), None);
    for (path, field) in [
        ("/api/v1/cases?queue=baru", Some("queue")),
        ("/api/v1/cases?state=terbang", Some("state")),
        ("/api/v1/cases?limit=0", Some("limit")),
        ("/api/v1/cases?agency_id=karawang", Some("agency_id")),
        ("/api/v1/civil-servants", Some("q")),
        ("/api/v1/civil-servants?agency_id=1&page=nol", Some("page")),
        ("/api/v1/agencies?kind=desa", Some("kind")),
        ("/api/v1/agencies?election=pemilu-1955", Some("election")),
    ] {
        let answer = get(path).await;
        assert_eq!(
            (answer.status, answer.field()),
            (400, field),
            "{path}: {}",
            answer.body
        );
    }
    let typo = get("/api/v1/cases?antrean=new").await;
    assert_eq!(typo.status, 400);
    assert!(
        typo.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("antrean"),
        "{}",
        typo.body
    );

    let queue = get("/api/v1/cases?queue=new&q=ahmad+suryana").await;
    assert_eq!(queue.status, 200, "{}", queue.body);
    assert_eq!(queue.body["queue"], "new");
    assert_eq!(queue.body["cases"].as_array().unwrap().len(), 1);
    let new_count = queue.body["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["queue"] == "new")
        .unwrap()["count"]
        .clone();
    assert_eq!(new_count, 1);

    let agencies = get("/api/v1/agencies?kind=regency").await;
    assert_eq!(agencies.body["total"], 1, "{}", agencies.body);
    let karawang_id = agencies.body["agencies"][0]["id"].as_i64().unwrap();
    let people = call(
        &app,
        "GET",
        &format!("/api/v1/civil-servants?agency_id={karawang_id}"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(people.body["page"], 1);
    assert_eq!(people.body["results"][0]["nip"], NIP);
    let record = call(
        &app,
        "GET",
        &format!("/api/v1/civil-servants/{NIP}"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(record.status, 200);
    assert_eq!(record.body["birth_date"], "1985-03-12");
    assert_eq!(record.body["agency"], "Pemerintah Kabupaten Karawang");
    assert_eq!(record.body["cases"].as_array().unwrap().len(), 1);
}
