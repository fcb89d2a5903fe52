//! Mail over real SMTP: a sink server runs as a separate Python process speaking SMTP on a
//! port of its own, and the worker's sends are read back from what it received. The retry is
//! shown with the server down first, then up, the clock passed to the worker explicitly.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use chrono::{DateTime, Utc};
use netral_domain::access::ScopeSpec;
use netral_domain::case::{Action, Role};
use netral_store::accounts::{self, NewStaffUser};
use netral_store::cases::{self, Actor};
use netral_store::mail;
use netral_testkit::fixtures::{NIP, add_karawang_official};
use netral_web::{AppState, MailSettings, SmtpSettings};

use super::app::TestApp;

/// A minimal SMTP server: every message received is decoded with Python's `email` package and
/// appended to the output file as one JSON line (envelope, To, Subject, plain-text body, and
/// each attachment's file name, media type and SHA-256).
/// Written with sockets only, so it runs on any Python 3 (the `smtpd` module is gone in 3.12).
const SINK: &str = r#"
import email, email.policy, hashlib, json, socket, sys, threading
port, out = int(sys.argv[1]), sys.argv[2]
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(8)
lock = threading.Lock()
def serve(conn):
    reader = conn.makefile("rb")
    say = lambda text: conn.sendall((text + "\r\n").encode())
    say("220 sink ESMTP")
    sender, rcpts = None, []
    while True:
        line = reader.readline()
        if not line:
            break
        command = line.decode().strip()
        verb = command[:4].upper()
        if verb == "EHLO":
            say("250-sink")
            say("250 8BITMIME")
        elif verb == "HELO":
            say("250 sink")
        elif verb == "MAIL":
            sender, rcpts = command[10:].strip(), []
            say("250 OK")
        elif verb == "RCPT":
            rcpts.append(command[8:].strip())
            say("250 OK")
        elif verb == "DATA":
            say("354 end with a dot")
            lines = []
            while True:
                data = reader.readline()
                if data in (b".\r\n", b".\n", b""):
                    break
                lines.append(data[1:] if data.startswith(b"..") else data)
            message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
            attachments = [{"name": part.get_filename(), "type": part.get_content_type(),
                            "sha256": hashlib.sha256(part.get_content()).hexdigest()}
                           for part in message.iter_attachments()]
            record = {"from": sender, "rcpt": rcpts, "to": str(message["To"]),
                      "subject": str(message["Subject"]),
                      "body": message.get_body(preferencelist=("plain",)).get_content(),
                      "attachments": attachments}
            with lock, open(out, "a") as f:
                f.write(json.dumps(record) + "\n")
            say("250 OK queued")
        elif verb == "QUIT":
            say("221 bye")
            break
        else:
            say("250 OK")
    conn.close()
while True:
    conn, _ = server.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
"#;

/// The sink process; killed when dropped, so a failing test leaves nothing running.
struct SmtpSink {
    child: Child,
    out: PathBuf,
}

impl SmtpSink {
    fn start(port: u16, dir: &Path) -> SmtpSink {
        let out = dir.join("received.jsonl");
        let child = Command::new("python3")
            .arg("-c")
            .arg(SINK)
            .arg(port.to_string())
            .arg(&out)
            .stdin(Stdio::null())
            .spawn()
            .expect("python3 runs (scripts/test installs it)");
        let sink = SmtpSink { child, out };
        // Ready when it accepts connections; give up after a generous while.
        for _ in 0..200 {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return sink;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("the SMTP sink did not start listening on port {port}");
    }

    fn received(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(&self.out)
            .unwrap_or_default()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nobody listens on (yet): bound and let go.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn with_smtp(app: &TestApp, port: u16) -> AppState {
    let mut state = app.state.clone();
    state.mail = MailSettings {
        smtp: Some(SmtpSettings {
            host: "127.0.0.1".into(),
            port,
            from: "Netral <netral@example.go.id>".into(),
            credentials: None,
            starttls: false,
        }),
        ..MailSettings::default()
    };
    state
}

async fn add_liaison(app: &TestApp) {
    let new = NewStaffUser {
        username: "ppk.karawang".into(),
        display_name: "Penghubung PPK Karawang".into(),
        email: Some("ppk.karawang@example.go.id".into()),
        role: Role::PpkLiaison,
        scope: ScopeSpec::Agency("3215".into()),
        password: "kopi tubruk panas".into(),
        must_change_password: false,
    };
    accounts::create_user(
        &app.db,
        &new,
        netral_store::audit::Actor::SYSTEM,
        Utc::now(),
    )
    .await
    .unwrap();
}

/// Files a confidential report with an e-mail address through the public API; gives (report,
/// case).
async fn file_confidential(app: &TestApp) -> (String, String) {
    let body = serde_json::json!({
        "channel": "public",
        "incident_date": (Utc::now().date_naive() - chrono::Days::new(1)).to_string(),
        "summary": "Kepala bidang mengunggah foto bersama calon dengan gestur dua jari",
        "subject": { "nip": NIP },
        "reporter": { "mode": "confidential", "name": "Rahmat Hidayat", "phone": "", "email": "rahmat@example.id" },
        "attachments": []
    });
    let response = app
        .http()
        .post(format!("{}/api/v1/reports", app.base))
        .header("Idempotency-Key", "mail-test-confidential-0001")
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

async fn act(app: &TestApp, number: &str, role: Role, action: Action, now: DateTime<Utc>) {
    let actor = Actor {
        name: format!("{role}-1"),
        role,
    };
    cases::apply(&app.db, &app.rules, number, None, &actor, &action, now)
        .await
        .unwrap();
}

#[tokio::test]
async fn notices_go_out_over_smtp_and_an_attempt_while_the_server_is_down_is_retried() {
    let app = TestApp::start().await;
    add_karawang_official(&app.db).await;
    add_liaison(&app).await;
    let (report, case) = file_confidential(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let state = with_smtp(&app, port);
    let t0 = Utc::now();

    act(&app, &case, Role::Verifier, Action::StartVerification, t0).await;
    // The server is not running: the attempt fails, is logged, and the job waits for later.
    assert_eq!(
        netral_web::mail::send_due(&state, "w1", t0).await.unwrap(),
        1
    );
    let first = mail::list(&app.db, 10).await.unwrap();
    assert_eq!(first.len(), 1);
    let stage_notice = first[0].id;
    assert_eq!((first[0].status.as_str(), first[0].attempts), ("queued", 1));
    assert!(first[0].last_error.is_some());
    assert_eq!(
        netral_web::mail::send_due(&state, "w1", t0).await.unwrap(),
        0,
        "not retried before its time"
    );

    let steps = [
        (
            Role::Verifier,
            Action::PassVerification {
                note: "ASN aktif".into(),
            },
        ),
        (
            Role::Reviewer,
            Action::FindViolation {
                violations: vec!["MEDSOS_KAMPANYE".into()],
                note: "terbukti".into(),
            },
        ),
        (
            Role::DecisionMaker,
            Action::IssueRecommendation {
                letter_number: String::new(),
                sanction: "BERAT_TURUN_JABATAN".into(),
                override_reason: None,
            },
        ),
    ];
    for (role, action) in steps {
        act(&app, &case, role, action, t0).await;
    }

    // The liaison's notice waits for the recommendation's PDF, which the worker makes first.
    let queued = || netral_store::jobs::pending(&app.db, mail::QUEUE);
    assert_eq!(queued().await.unwrap(), 4, "the stage notices only");
    assert_eq!(
        netral_web::letters::render_due(&state, "w1", t0)
            .await
            .unwrap(),
        1
    );
    let letter = netral_store::letters::get(&app.db, 1)
        .await
        .unwrap()
        .unwrap();
    let pdf = letter
        .sha256
        .clone()
        .expect("the PDF was made and recorded");
    assert_eq!(queued().await.unwrap(), 5, "and now the liaison's");

    let sink = SmtpSink::start(port, dir.path());
    let later = t0 + netral_web::mail::backoff(1) + chrono::Duration::seconds(1);
    assert_eq!(
        netral_web::mail::send_due(&state, "w1", later)
            .await
            .unwrap(),
        5,
        "four stage notices and the liaison's"
    );
    let received = sink.received();
    assert_eq!(received.len(), 5, "{received:#?}");
    assert!(
        mail::list(&app.db, 10)
            .await
            .unwrap()
            .iter()
            .all(|m| m.status == "sent")
    );

    let liaison: Vec<&serde_json::Value> = received
        .iter()
        .filter(|m| m["to"] == "ppk.karawang@example.go.id")
        .collect();
    assert_eq!(liaison.len(), 1, "{received:#?}");
    let subject = liaison[0]["subject"].as_str().unwrap();
    let body = liaison[0]["body"].as_str().unwrap();
    assert!(subject.contains(&case), "{subject}");
    assert!(
        subject.starts_with("Rekomendasi"),
        "Indonesian first: {subject}"
    );
    assert!(body.contains(&case), "{body}");
    assert!(
        body.contains("Recommendation") || body.contains("recommendation"),
        "{body}"
    );
    assert_eq!(liaison[0]["from"], "<netral@example.go.id>");
    // The letter goes with it, the very file stored as evidence.
    assert!(body.contains(&letter.number), "{body}");
    assert!(body.contains(&pdf), "{body}");
    let attachments = liaison[0]["attachments"].as_array().unwrap();
    assert_eq!(attachments.len(), 1, "{received:#?}");
    assert_eq!(attachments[0]["type"], "application/pdf");
    assert_eq!(attachments[0]["sha256"], pdf.as_str());
    assert_eq!(
        attachments[0]["name"],
        netral_letters::file_name(&letter.number).as_str()
    );

    let reporter: Vec<&serde_json::Value> = received
        .iter()
        .filter(|m| m["to"] == "rahmat@example.id")
        .collect();
    assert_eq!(reporter.len(), 4);
    for notice in &reporter {
        let subject = notice["subject"].as_str().unwrap();
        let body = notice["body"].as_str().unwrap();
        assert!(subject.contains(&report), "{subject}");
        assert!(
            !subject.contains(&case) && !body.contains(&case),
            "no case details for the reporter: {body}"
        );
    }
    assert!(reporter.iter().any(|m| {
        m["body"]
            .as_str()
            .unwrap()
            .contains("menunggu tindak lanjut")
    }));

    let log: Vec<String> = mail::deliveries(&app.db, stage_notice)
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.outcome)
        .collect();
    assert_eq!(log, ["failed", "sent"]);
    let reveals = app
        .count("SELECT COUNT(*) AS n FROM identity_reveals WHERE actor = 'system:mail' AND reason = 'stage-change notice'")
        .await;
    assert_eq!(reveals, 5, "each opening of the seal is on the record");
    drop(sink);
}

#[tokio::test]
async fn without_an_smtp_server_mail_stays_queued() {
    let app = TestApp::start().await;
    add_karawang_official(&app.db).await;
    let (_, case) = file_confidential(&app).await;
    act(
        &app,
        &case,
        Role::Verifier,
        Action::StartVerification,
        Utc::now(),
    )
    .await;
    assert_eq!(
        netral_web::mail::send_due(&app.state, "w1", Utc::now() + chrono::Duration::days(1))
            .await
            .unwrap(),
        0
    );
    let queued = mail::list(&app.db, 10).await.unwrap();
    assert_eq!(
        queued
            .iter()
            .map(|m| (m.status.as_str(), m.attempts))
            .collect::<Vec<_>>(),
        [("queued", 0)]
    );
}
