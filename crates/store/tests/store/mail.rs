//! The mail outbox on both backends: notices are queued with their job in the transaction of
//! their cause (and not at all when it fails), the deadline sweep never queues a notice twice,
//! and every attempt is logged.

use chrono::NaiveDate;
use netral_domain::access::ScopeSpec;
use netral_domain::case::{Action, CaseState, Role};
use netral_domain::report::{Channel, ReporterMode, Subject};
use netral_store::accounts;
use netral_store::cases::{self, Actor};
use netral_store::intake::{self, Intake};
use netral_store::mail::{self, Attempt, MailKind, NewMail, Outcome, Recipient};
use netral_store::{Db, jobs, sql};
use netral_testkit::fixtures::{NIP, add_karawang_official};
use netral_testkit::{at, on_both, reports, rules};

use super::accounts::new_user;

on_both!(
    a_recommendation_mails_the_agency_liaisons_and_each_change_the_reporter,
    the_deadline_sweep_queues_each_notice_once,
    attempts_are_logged_and_a_reporter_seal_opening_is_recorded,
);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

async fn count(db: &Db, query: &'static str) -> i64 {
    sql(query).fetch_one(db).await.unwrap().get("n").unwrap()
}

async fn add_user(db: &Db, username: &str, role: Role, scope: &str, email: bool) {
    let mut user = new_user(username, role, scope.parse::<ScopeSpec>().unwrap());
    if !email {
        user.email = None;
    }
    accounts::create_user(
        db,
        &user,
        netral_store::audit::Actor::SYSTEM,
        at("2024-09-01T00:00:00Z"),
    )
    .await
    .unwrap();
}

/// A confidential report about the Karawang official: its reporter can be written to.
async fn file_confidential(db: &Db) -> (String, i64) {
    let draft = reports::draft(
        Channel::Public,
        d(2024, 9, 30),
        "Mengunggah foto dengan salam dua jari bersama calon bupati",
        Subject::Nip(NIP.parse().unwrap()),
        d(2024, 10, 1),
    );
    let intake = Intake {
        draft: &draft,
        reporter_mode: ReporterMode::Confidential,
        sealed_identity: Some(b"sealed identity".to_vec()),
        idempotency_key: Some("form-mail-test-000001"),
        receipt_hash: None,
        attachments: &[],
    };
    let filed = intake::file_report(db, &rules(), &intake, at("2024-10-01T03:00:00Z"))
        .await
        .unwrap();
    let report: i64 = sql("SELECT id FROM reports WHERE number = $1")
        .bind(filed.report_number.clone())
        .fetch_one(db)
        .await
        .unwrap()
        .get("id")
        .unwrap();
    (filed.case_number, report)
}

fn steps() -> Vec<(Role, Action, &'static str)> {
    vec![
        (
            Role::Verifier,
            Action::StartVerification,
            "2024-10-01T04:00:00Z",
        ),
        (
            Role::Verifier,
            Action::PassVerification {
                note: "ASN aktif".into(),
            },
            "2024-10-02T04:00:00Z",
        ),
        (
            Role::Reviewer,
            Action::FindViolation {
                violations: vec!["MEDSOS_INTERAKSI".into()],
                note: "terbukti".into(),
            },
            "2024-10-03T04:00:00Z",
        ),
        (
            Role::DecisionMaker,
            Action::IssueRecommendation {
                letter_number: String::new(),
                sanction: "BERAT_TURUN_JABATAN".into(),
                override_reason: None,
            },
            "2024-10-04T04:00:00Z",
        ),
    ]
}

async fn act(db: &Db, number: &str, seen: Option<i64>, role: Role, action: &Action, when: &str) {
    let actor = Actor {
        name: format!("{role}-1"),
        role,
    };
    cases::apply(db, &rules(), number, seen, &actor, action, at(when))
        .await
        .unwrap();
}

async fn a_recommendation_mails_the_agency_liaisons_and_each_change_the_reporter(db: &Db) {
    add_karawang_official(db).await;
    add_user(db, "ppk.karawang", Role::PpkLiaison, "agency:3215", true).await;
    add_user(db, "ppk.jabar", Role::PpkLiaison, "province:32", true).await;
    add_user(db, "ppk.tanpa.surel", Role::PpkLiaison, "national", false).await;
    add_user(db, "ppk.jateng", Role::PpkLiaison, "province:33", true).await;
    add_user(db, "wasdal", Role::DecisionMaker, "national", true).await;
    let (number, report) = file_confidential(db).await;
    assert_eq!(count(db, "SELECT COUNT(*) AS n FROM mail_outbox").await, 0);

    let steps = steps();
    for (role, action, when) in &steps[..3] {
        act(db, &number, None, *role, action, when).await;
    }
    // A refused change (someone else acted meanwhile) writes no mail and no job.
    let (role, action, when) = &steps[3];
    let stale = cases::apply(
        db,
        &rules(),
        &number,
        Some(1),
        &Actor {
            name: "wasdal".into(),
            role: *role,
        },
        action,
        at(when),
    )
    .await;
    assert!(stale.is_err());
    assert_eq!(count(db, "SELECT COUNT(*) AS n FROM mail_outbox").await, 3);
    act(db, &number, None, *role, action, when).await;

    let outbox = mail::list(db, 100).await.unwrap();
    let mut liaisons: Vec<&str> = outbox
        .iter()
        .filter(|m| m.kind == MailKind::RecommendationArrived)
        .map(|m| m.to_address.as_deref().unwrap())
        .collect();
    liaisons.sort_unstable();
    assert_eq!(
        liaisons,
        ["ppk.jabar@example.go.id", "ppk.karawang@example.go.id"]
    );
    let reporter: Vec<CaseState> = outbox
        .iter()
        .filter(|m| m.kind == MailKind::StageChanged)
        .inspect(|m| {
            assert_eq!((m.to_address.as_deref(), m.report_id), (None, Some(report)));
            assert_eq!(m.case_number.as_deref(), Some(number.as_str()));
        })
        .filter_map(|m| m.stage)
        .collect();
    assert_eq!(
        reporter,
        [
            CaseState::AwaitingFollowUp,
            CaseState::Recommendation,
            CaseState::Review,
            CaseState::Verification
        ]
    );
    assert!(outbox.iter().all(|m| m.status == "queued"));
    // The liaisons' two notices wait for the recommendation's PDF (see the letters tests).
    assert_eq!(jobs::pending(db, mail::QUEUE).await.unwrap(), 4);
}

async fn the_deadline_sweep_queues_each_notice_once(db: &Db) {
    add_karawang_official(db).await;
    add_user(db, "satgas.jabar", Role::Verifier, "province:32", true).await;
    add_user(db, "satgas.jateng", Role::Verifier, "province:33", true).await;
    add_user(db, "bawaslu", Role::Reviewer, "national", true).await;
    let (number, _) = file_confidential(db).await;
    let (role, action, when) = &steps()[0];
    act(db, &number, None, *role, action, when).await;
    let due = cases::get_case(db, &number)
        .await
        .unwrap()
        .unwrap()
        .deadline
        .unwrap()
        .due;
    let now = at("2024-10-01T05:00:00Z");

    let far = due - chrono::Days::new(5);
    let sweep = mail::queue_deadline_notices(db, far, 2, now).await.unwrap();
    assert_eq!((sweep.reminders, sweep.overdue), (0, 0));
    let near = due - chrono::Days::new(1);
    let sweep = mail::queue_deadline_notices(db, near, 2, now)
        .await
        .unwrap();
    assert_eq!((sweep.reminders, sweep.overdue), (1, 0));
    let sweep = mail::queue_deadline_notices(db, due, 2, now).await.unwrap();
    assert_eq!((sweep.reminders, sweep.overdue), (0, 0));
    let late = due + chrono::Days::new(1);
    for expected in [1, 0] {
        let sweep = mail::queue_deadline_notices(db, late, 2, now)
            .await
            .unwrap();
        assert_eq!((sweep.reminders, sweep.overdue), (0, expected));
    }

    let outbox = mail::list(db, 100).await.unwrap();
    let notices: Vec<(MailKind, Option<&str>, Option<NaiveDate>)> = outbox
        .iter()
        .filter(|m| matches!(m.kind, MailKind::Reminder | MailKind::Overdue))
        .map(|m| (m.kind, m.to_address.as_deref(), m.due_on))
        .collect();
    assert_eq!(
        notices,
        [
            (
                MailKind::Overdue,
                Some("satgas.jabar@example.go.id"),
                Some(due)
            ),
            (
                MailKind::Reminder,
                Some("satgas.jabar@example.go.id"),
                Some(due)
            ),
        ]
    );
    assert_eq!(
        count(db, "SELECT COUNT(*) AS n FROM jobs WHERE queue = 'mail'").await,
        i64::try_from(outbox.len()).unwrap()
    );
}

async fn attempts_are_logged_and_a_reporter_seal_opening_is_recorded(db: &Db) {
    add_karawang_official(db).await;
    let (_, report) = file_confidential(db).await;
    let mut tx = db.begin().await.unwrap();
    let new = NewMail {
        notice_key: "test:1".into(),
        kind: MailKind::StageChanged,
        recipient: Recipient::ReporterOf(report),
        case_id: None,
        stage: Some(CaseState::Review),
        due_on: None,
        letter_id: None,
        details: None,
    };
    let id = mail::queue_mail(&mut tx, &new, at("2024-10-01T05:00:00Z"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        mail::queue_mail(&mut tx, &new, at("2024-10-01T05:00:00Z"))
            .await
            .unwrap(),
        None,
        "the same notice key queues nothing"
    );
    tx.commit().await.unwrap();
    assert_eq!(jobs::pending(db, mail::QUEUE).await.unwrap(), 1);

    let (sealed, context) = mail::open_reporter_seal(db, report, at("2024-10-01T05:01:00Z"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (sealed.as_slice(), context.as_str()),
        (b"sealed identity".as_slice(), "form-mail-test-000001")
    );
    let reveal = sql("SELECT actor, reason FROM identity_reveals WHERE report_id = $1")
        .bind(report)
        .fetch_one(db)
        .await
        .unwrap();
    assert_eq!(reveal.get::<String>("actor").unwrap(), "system:mail");
    assert_eq!(
        reveal.get::<String>("reason").unwrap(),
        "stage-change notice"
    );

    let failed = Attempt {
        at: at("2024-10-01T05:01:00Z"),
        subject: Some("Laporan".into()),
        body_text: None,
        outcome: Outcome::Failed {
            error: "connection refused".into(),
            gave_up: false,
        },
    };
    mail::record_attempt(db, id, &failed).await.unwrap();
    let queued = mail::get(db, id).await.unwrap().unwrap();
    assert_eq!((queued.status.as_str(), queued.attempts), ("queued", 1));
    assert_eq!(queued.last_error.as_deref(), Some("connection refused"));
    mail::mark_sent(
        db,
        id,
        "Laporan",
        "Tahap berubah",
        "250 OK",
        at("2024-10-01T05:02:00Z"),
    )
    .await
    .unwrap();
    let sent = mail::get(db, id).await.unwrap().unwrap();
    assert_eq!(
        (sent.status.as_str(), sent.attempts, sent.sent_at),
        ("sent", 2, Some(at("2024-10-01T05:02:00Z")))
    );
    assert_eq!(sent.body_text.as_deref(), Some("Tahap berubah"));
    let log: Vec<(String, String)> = mail::deliveries(db, id)
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.outcome, d.response))
        .collect();
    assert_eq!(
        log,
        [
            ("failed".into(), "connection refused".into()),
            ("sent".into(), "250 OK".into())
        ]
    );
}
