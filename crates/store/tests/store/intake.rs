use chrono::{DateTime, Duration, NaiveDate, Utc};
use netral_domain::case::{Action, CaseState, Role};
use netral_domain::report::{Channel, ElectionKind, NewReport, ReportDraft, ReporterMode, Subject};
use netral_store::cases::{self, Actor};
use netral_store::intake::{self, Intake, NewAttachment};
use netral_store::thread::{self, Author, NewMessage};
use netral_store::{Db, rate_limit, sql};
use netral_testkit::{at, on_both, rules};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn draft() -> ReportDraft {
    let report = NewReport {
        channel: Channel::Public,
        incident_date: d(2024, 9, 28),
        summary: "Foto bersama calon dengan gestur dua jari".into(),
        subject: Subject::Described("Sekretaris Camat, Kab. Karawang".into()),
        violation_hints: vec!["FOTO_KEBERPIHAKAN".into()],
        place: "Karawang".into(),
        links: vec!["https://facebook.com/post/1".into()],
        election: Some(ElectionKind::Pilkada),
    };
    ReportDraft::new(report, d(2024, 10, 1)).unwrap()
}

fn file_named(name: &str, sha: char) -> NewAttachment {
    NewAttachment {
        sha256: sha.to_string().repeat(64),
        size: 1234,
        media_type: "image/jpeg".into(),
        original_name: name.into(),
    }
}

async fn count(db: &Db, table: &'static str) -> i64 {
    let text = match table {
        "evidence" => "SELECT COUNT(*) AS n FROM evidence",
        "attachments" => "SELECT COUNT(*) AS n FROM attachments",
        "identity_reveals" => "SELECT COUNT(*) AS n FROM identity_reveals",
        _ => unreachable!(),
    };
    sql(text).fetch_one(db).await.unwrap().get("n").unwrap()
}

async fn a_public_report_keeps_its_facts_files_sealed_identity_and_receipt_hash(db: &Db) {
    let draft = draft();
    let files = [
        file_named("foto1.jpg", 'a'),
        file_named("foto2.jpg", 'b'),
        file_named("foto1-copy.jpg", 'a'),
    ];
    let intake = Intake {
        draft: &draft,
        reporter_mode: ReporterMode::Confidential,
        sealed_identity: Some(vec![1, 2, 3, 4]),
        idempotency_key: Some("form-0123456789abcdef"),
        receipt_hash: Some("f".repeat(64)),
        attachments: &files,
    };
    let filed = intake::file_report(db, &rules(), &intake, at("2024-10-01T03:00:00Z"))
        .await
        .unwrap();
    assert_eq!(
        (count(db, "evidence").await, count(db, "attachments").await),
        (2, 3),
        "one evidence row per distinct file"
    );
    let row = sql("SELECT violation_hints, place, links, election, election_code, campaign_phase, reporter_mode, reporter_identity, receipt_hash FROM reports WHERE number = $1")
        .bind(&filed.report_number)
        .fetch_one(db)
        .await
        .unwrap();
    let sqlx::types::Json(hints): sqlx::types::Json<Vec<String>> =
        row.get("violation_hints").unwrap();
    assert_eq!(hints, ["FOTO_KEBERPIHAKAN"]);
    assert_eq!(row.get::<String>("election").unwrap(), "pilkada");
    // 28 September 2024: three days into the Pilkada 2024 campaign.
    assert_eq!(row.get::<String>("election_code").unwrap(), "pilkada-2024");
    assert_eq!(row.get::<String>("campaign_phase").unwrap(), "during");
    assert_eq!(row.get::<String>("reporter_mode").unwrap(), "confidential");
    assert_eq!(
        row.get::<Option<Vec<u8>>>("reporter_identity").unwrap(),
        Some(vec![1, 2, 3, 4])
    );
    let view = thread::reporter_view(db, &filed.report_number, &"f".repeat(64))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(view.state, CaseState::Received);
    assert_eq!(view.deadline.unwrap().due, d(2024, 10, 4));
    assert_eq!(
        view.attachments
            .iter()
            .map(|a| a.original_name.as_str())
            .collect::<Vec<_>>(),
        ["foto1.jpg", "foto2.jpg", "foto1-copy.jpg"]
    );
    assert!(
        thread::reporter_view(db, &filed.report_number, &"e".repeat(64))
            .await
            .unwrap()
            .is_none(),
        "wrong receipt"
    );
    assert!(
        thread::reporter_view(db, "LAP-2024-999999", &"f".repeat(64))
            .await
            .unwrap()
            .is_none(),
        "unknown number"
    );
    let again = intake::file_report(db, &rules(), &intake, at("2024-10-01T03:00:05Z"))
        .await
        .unwrap();
    assert!(again.replayed && again.report_number == filed.report_number);
    assert_eq!(
        count(db, "attachments").await,
        3,
        "a replay attaches nothing"
    );
}

async fn a_pemilu_report_is_placed_before_or_after_the_campaign(db: &Db) {
    let phase_of = |incident: NaiveDate| async move {
        let report = NewReport {
            channel: Channel::Bawaslu,
            incident_date: incident,
            summary: "Mengikuti akun kampanye calon presiden".into(),
            subject: Subject::Described("Guru, SMPN 1 Contoh".into()),
            violation_hints: vec![],
            place: String::new(),
            links: vec![],
            election: Some(ElectionKind::Pemilu),
        };
        let draft = ReportDraft::new(report, d(2024, 10, 1)).unwrap();
        let intake = Intake {
            draft: &draft,
            reporter_mode: ReporterMode::Anonymous,
            sealed_identity: None,
            idempotency_key: None,
            receipt_hash: None,
            attachments: &[],
        };
        let filed = intake::file_report(db, &rules(), &intake, at("2024-10-01T03:00:00Z"))
            .await
            .unwrap();
        let row = sql("SELECT election_code, campaign_phase FROM reports WHERE number = $1")
            .bind(&filed.report_number)
            .fetch_one(db)
            .await
            .unwrap();
        (
            row.get::<Option<String>>("election_code").unwrap(),
            row.get::<Option<String>>("campaign_phase").unwrap(),
        )
    };
    assert_eq!(
        phase_of(d(2023, 10, 1)).await,
        (Some("pemilu-2024".into()), Some("before".into()))
    );
    assert_eq!(
        phase_of(d(2024, 2, 12)).await,
        (Some("pemilu-2024".into()), Some("after".into())),
        "the quiet period is after the campaign"
    );
    assert_eq!(
        phase_of(d(2024, 9, 1)).await,
        (None, None),
        "no later Pemilu is known"
    );
}

async fn the_reporter_sees_replies_but_never_internal_notes(db: &Db) {
    let draft = draft();
    let intake = Intake {
        draft: &draft,
        reporter_mode: ReporterMode::Anonymous,
        sealed_identity: None,
        idempotency_key: Some("form-a"),
        receipt_hash: Some("1".repeat(64)),
        attachments: &[],
    };
    let filed = intake::file_report(db, &rules(), &intake, at("2024-10-01T03:00:00Z"))
        .await
        .unwrap();
    let note = NewMessage {
        case_id: filed.case_id,
        author: Author::Handler,
        handler_name: "Satgas A",
        body: "Cek apakah akun ini milik terlapor",
        internal: true,
        idempotency_key: None,
        attachments: &[],
    };
    thread::add_message(db, &note, at("2024-10-01T04:00:00Z"))
        .await
        .unwrap();
    let question = NewMessage {
        body: "Mohon kirim tautan unggahan aslinya.",
        internal: false,
        ..note
    };
    thread::add_message(db, &question, at("2024-10-01T05:00:00Z"))
        .await
        .unwrap();
    let answer_files = [file_named("tangkapan.png", 'c')];
    let answer = NewMessage {
        case_id: filed.case_id,
        author: Author::Reporter,
        handler_name: "",
        body: "Ini tautannya, dan tangkapan layarnya.",
        internal: true,
        idempotency_key: Some("reply-1"),
        attachments: &answer_files,
    };
    assert!(
        thread::add_message(db, &answer, at("2024-10-01T06:00:00Z"))
            .await
            .unwrap()
    );
    assert!(
        !thread::add_message(db, &answer, at("2024-10-01T06:00:01Z"))
            .await
            .unwrap(),
        "a retried reply is kept once"
    );
    let view = thread::reporter_view(db, &filed.report_number, &"1".repeat(64))
        .await
        .unwrap()
        .unwrap();
    let bodies: Vec<(Author, &str)> = view
        .messages
        .iter()
        .map(|m| (m.author, m.body.as_str()))
        .collect();
    assert_eq!(
        bodies,
        [
            (Author::Handler, "Mohon kirim tautan unggahan aslinya."),
            (Author::Reporter, "Ini tautannya, dan tangkapan layarnya.")
        ]
    );
    assert_eq!(
        view.messages[1].attachments[0].original_name,
        "tangkapan.png"
    );
    assert!(
        view.attachments.is_empty(),
        "the reply's file belongs to the reply"
    );
    let serialised = serde_json::to_string(&view).unwrap();
    assert!(
        !serialised.contains("Satgas A") && !serialised.contains("Cek apakah"),
        "{serialised}"
    );
    let verifier = Actor {
        name: "Satgas A".into(),
        role: Role::Verifier,
    };
    cases::apply(
        db,
        &rules(),
        &filed.case_number,
        None,
        &verifier,
        &Action::StartVerification,
        at("2024-10-02T03:00:00Z"),
    )
    .await
    .unwrap();
    let view = thread::reporter_view(db, &filed.report_number, &"1".repeat(64))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(view.state, CaseState::Verification);
}

async fn every_look_at_a_reporters_identity_is_logged(db: &Db) {
    let draft = draft();
    let confidential = Intake {
        draft: &draft,
        reporter_mode: ReporterMode::Confidential,
        sealed_identity: Some(b"sealed".to_vec()),
        idempotency_key: Some("form-c"),
        receipt_hash: None,
        attachments: &[],
    };
    let anonymous = Intake {
        reporter_mode: ReporterMode::Anonymous,
        sealed_identity: None,
        idempotency_key: Some("form-d"),
        receipt_hash: None,
        ..confidential
    };
    let named = intake::file_report(db, &rules(), &confidential, at("2024-10-01T03:00:00Z"))
        .await
        .unwrap();
    let nameless = intake::file_report(db, &rules(), &anonymous, at("2024-10-01T03:00:00Z"))
        .await
        .unwrap();
    let sealed = thread::reveal_identity(
        db,
        &named.report_number,
        "custodian@bkn",
        "needed to ask for the original photo",
        at("2024-10-02T00:00:00Z"),
    )
    .await
    .unwrap();
    assert_eq!(sealed.as_deref(), Some(&b"sealed"[..]));
    assert_eq!(count(db, "identity_reveals").await, 1);
    assert_eq!(
        thread::reveal_identity(
            db,
            &nameless.report_number,
            "custodian@bkn",
            "x",
            at("2024-10-02T00:00:00Z")
        )
        .await
        .unwrap(),
        None
    );
    assert_eq!(
        count(db, "identity_reveals").await,
        1,
        "nothing to reveal, nothing logged"
    );
    let mut tx = db.begin().await.unwrap();
    let err = sql("DELETE FROM identity_reveals")
        .execute(&mut tx)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
}

async fn rate_limit_windows_count_and_roll_over(db: &Db) {
    let t0 = at("2024-10-01T03:00:10Z");
    let window = Duration::minutes(10);
    for expected in 1..=3 {
        assert_eq!(
            rate_limit::hit(db, "submit:203.0.113.7", window, t0)
                .await
                .unwrap(),
            expected
        );
    }
    assert_eq!(
        rate_limit::hit(db, "submit:198.51.100.2", window, t0)
            .await
            .unwrap(),
        1,
        "buckets are separate"
    );
    let hits = |at: DateTime<Utc>| rate_limit::hits(db, "submit:203.0.113.7", window, at);
    assert_eq!(hits(t0 + Duration::minutes(5)).await.unwrap(), 3);
    // 03:10:01: a new fixed window, but the last ten minutes still hold the three hits.
    assert_eq!(
        hits(t0 + Duration::seconds(591)).await.unwrap(),
        3,
        "no reset at the boundary"
    );
    // 03:11:10: this hit, and the previous window's three weighted by the 8 min 50 s of it
    // that the last ten minutes still cover: 1 + 2.65, rounded to 4.
    assert_eq!(
        rate_limit::hit(db, "submit:203.0.113.7", window, t0 + Duration::minutes(11))
            .await
            .unwrap(),
        4
    );
    // 03:25:10: the three are two windows back; the hit of 03:11 weighs under half.
    assert_eq!(
        hits(t0 + Duration::minutes(25)).await.unwrap(),
        0,
        "forgotten"
    );
}

on_both!(
    a_public_report_keeps_its_facts_files_sealed_identity_and_receipt_hash,
    the_reporter_sees_replies_but_never_internal_notes,
    every_look_at_a_reporters_identity_is_logged,
    a_pemilu_report_is_placed_before_or_after_the_campaign,
    rate_limit_windows_count_and_roll_over,
);
