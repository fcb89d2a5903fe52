use chrono::NaiveDate;
use netral_domain::case::{Action, CaseState, RejectionReason, Role, TransitionError};
use netral_domain::report::{Channel, ReportDraft, Subject};
use netral_store::cases::{self, Actor};
use netral_store::intake::FiledReport;
use netral_store::registry;
use netral_store::{Db, StoreError, sql};
use netral_testkit::on_both;
use netral_testkit::reports;

use netral_testkit::fixtures::{NIP, add_karawang_official};
use netral_testkit::{at, rules};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn draft(incident: NaiveDate, subject: Subject) -> ReportDraft {
    reports::draft(
        Channel::Bawaslu,
        incident,
        "Membagikan stiker paslon di grup WhatsApp dinas",
        subject,
        d(2026, 1, 1),
    )
}

fn described() -> Subject {
    Subject::Described("Kepala Bidang, Dinas Pendidikan Kab. Karawang".into())
}

fn actor(role: Role) -> Actor {
    Actor {
        name: format!("test {role}"),
        role,
    }
}

async fn file(db: &Db, incident: NaiveDate, key: Option<&str>) -> FiledReport {
    reports::file(
        db,
        &rules(),
        &draft(incident, described()),
        key,
        at("2024-10-01T03:00:00Z"),
    )
    .await
    .unwrap()
}

async fn event_count(db: &Db) -> i64 {
    sql("SELECT COUNT(*) AS n FROM case_events")
        .fetch_one(db)
        .await
        .unwrap()
        .get("n")
        .unwrap()
}

async fn filing_a_report_opens_a_case_under_the_rules_of_its_incident_date(db: &Db) {
    let rules = rules();
    let before_bkn = file(db, d(2024, 2, 10), None).await;
    let after_bkn = file(db, d(2024, 9, 15), None).await;
    assert_eq!(before_bkn.case_number, "NTR-2024-000001");
    assert_eq!(after_bkn.case_number, "NTR-2024-000002");
    assert_eq!(after_bkn.report_number, "LAP-2024-000002");
    let case = cases::get_case(db, &before_bkn.case_number)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(case.rules_version, "2022-09-22-skb");
    assert_eq!(case.state, CaseState::Received);
    assert_eq!(case.revision, 1);
    // Received on Tuesday 1 October 2024 (WIB): 3 working days.
    assert_eq!(case.deadline.unwrap().due, d(2024, 10, 4));
    assert_eq!(
        cases::get_case(db, &after_bkn.case_number)
            .await
            .unwrap()
            .unwrap()
            .rules_version,
        "2024-08-24-bkn"
    );
    let events = cases::events(db, case.id).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(
        (
            events[0].kind.as_str(),
            events[0].from_state,
            events[0].to_state
        ),
        ("opened", None, CaseState::Received)
    );
    assert_eq!(events[0].payload["channel"], "bawaslu");
    let too_early = reports::file(
        db,
        &rules,
        &draft(d(2021, 1, 1), described()),
        None,
        at("2024-10-01T03:00:00Z"),
    )
    .await;
    assert!(
        matches!(too_early, Err(StoreError::NoRulesInForce(_))),
        "{too_early:?}"
    );
    assert_eq!(event_count(db).await, 2, "the refused report wrote nothing");
}

async fn a_known_nip_links_the_subject_and_agency(db: &Db) {
    let (person_id, agency_id) = add_karawang_official(db).await;
    let nip = Subject::Nip(NIP.parse().unwrap());
    let filed = reports::file(
        db,
        &rules(),
        &draft(d(2024, 9, 15), nip),
        None,
        at("2024-10-01T03:00:00Z"),
    )
    .await
    .unwrap();
    let case = cases::get_case(db, &filed.case_number)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (case.subject_id, case.agency_id),
        (Some(person_id), Some(agency_id))
    );
    let unknown = Subject::Nip("199001012015032001".parse().unwrap());
    let filed = reports::file(
        db,
        &rules(),
        &draft(d(2024, 9, 15), unknown),
        None,
        at("2024-10-01T03:00:00Z"),
    )
    .await
    .unwrap();
    assert_eq!(
        cases::get_case(db, &filed.case_number)
            .await
            .unwrap()
            .unwrap()
            .subject_id,
        None
    );
    assert_eq!(registry::count_civil_servants(db).await.unwrap(), 1);
}

async fn a_repeated_idempotency_key_files_one_report(db: &Db) {
    let first = file(db, d(2024, 9, 15), Some("click-7f3a")).await;
    let again = file(db, d(2024, 9, 15), Some("click-7f3a")).await;
    assert!(!first.replayed && again.replayed);
    assert_eq!(
        (first.case_number, first.report_number),
        (again.case_number, again.report_number)
    );
    let reports: i64 = sql("SELECT COUNT(*) AS n FROM reports")
        .fetch_one(db)
        .await
        .unwrap()
        .get("n")
        .unwrap();
    assert_eq!(reports, 1);
    let other = file(db, d(2024, 9, 15), Some("click-8b21")).await;
    assert!(!other.replayed);
}

async fn a_case_runs_to_its_end_and_its_events_rebuild_it(db: &Db) {
    let rules = rules();
    let filed = file(db, d(2024, 9, 15), None).await;
    let number = filed.case_number.as_str();
    let steps: Vec<(Role, Action, &str)> = vec![
        (
            Role::Verifier,
            Action::StartVerification,
            "2024-10-01T04:00:00Z",
        ),
        (
            Role::Verifier,
            Action::PauseClock {
                reason: "meminta tautan unggahan asli".into(),
            },
            "2024-10-02T04:00:00Z",
        ),
        (Role::Verifier, Action::ResumeClock, "2024-10-04T04:00:00Z"),
        (
            Role::Verifier,
            Action::PassVerification {
                note: "ASN aktif, bukti tangkapan layar cukup".into(),
            },
            "2024-10-05T04:00:00Z",
        ),
        (
            Role::Reviewer,
            Action::FindViolation {
                violations: vec!["MEDSOS_INTERAKSI".into()],
                note: "terbukti".into(),
            },
            "2024-10-07T04:00:00Z",
        ),
        (
            Role::DecisionMaker,
            Action::IssueRecommendation {
                letter_number: String::new(),
                sanction: "BERAT_TURUN_JABATAN".into(),
                override_reason: None,
            },
            "2024-10-08T04:00:00Z",
        ),
        (
            Role::PpkLiaison,
            Action::RecordFollowUp {
                decree_number: "800/55/BKPSDM".into(),
                decree_date: d(2024, 10, 20),
                sanction: "BERAT_TURUN_JABATAN".into(),
            },
            "2024-10-21T04:00:00Z",
        ),
        (
            Role::DecisionMaker,
            Action::Close {
                note: "sanksi dijatuhkan".into(),
            },
            "2024-10-22T04:00:00Z",
        ),
    ];
    let mut revision = 1;
    for (role, action, when) in &steps {
        let case = cases::apply(
            db,
            &rules,
            number,
            Some(revision),
            &actor(*role),
            action,
            at(when),
        )
        .await
        .unwrap();
        revision += 1;
        assert_eq!(case.revision, revision);
        let stored = cases::get_case(db, number).await.unwrap().unwrap();
        assert_eq!(stored, case, "the returned case is what was stored");
        if stored.state == CaseState::AwaitingFollowUp {
            // Recommendation sent 8 October: 14 calendar days for the PPK.
            assert_eq!(stored.deadline.unwrap().due, d(2024, 10, 22));
        }
    }
    let stored = cases::get_case(db, number).await.unwrap().unwrap();
    assert_eq!(stored.state, CaseState::Closed);
    assert_eq!(stored.deadline, None, "a closed case has no deadline");
    let events = cases::events(db, stored.id).await.unwrap();
    assert_eq!(events.len(), steps.len() + 1);
    assert_eq!(
        events.iter().map(|e| e.seq).collect::<Vec<_>>(),
        (1..=steps.len() as i64 + 1).collect::<Vec<_>>()
    );
    assert_eq!(events[5].actor, "test reviewer");
    assert_eq!(events[5].payload["violations"][0], "MEDSOS_INTERAKSI");
    // The store numbered the letter and the event keeps the number, so replay sees it.
    assert_eq!(events[6].payload["letter_number"], "0001/REK/BKN/X/2024");
    assert_eq!(
        cases::replay(db, &rules, number).await.unwrap(),
        stored.file
    );
}

async fn a_refused_transition_writes_nothing(db: &Db) {
    let rules = rules();
    let filed = file(db, d(2024, 9, 15), None).await;
    let before = cases::get_case(db, &filed.case_number)
        .await
        .unwrap()
        .unwrap();
    let warn = Action::Warn {
        letter_number: String::new(),
    };
    let err = cases::apply(
        db,
        &rules,
        &filed.case_number,
        None,
        &actor(Role::DecisionMaker),
        &warn,
        at("2024-10-02T04:00:00Z"),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Transition(TransitionError::NotAllowedFrom {
                state: CaseState::Received,
                ..
            })
        ),
        "{err}"
    );
    let reject = Action::Reject {
        reason: RejectionReason::NotAnAsn,
        note: "".into(),
    };
    let err = cases::apply(
        db,
        &rules,
        &filed.case_number,
        None,
        &actor(Role::Verifier),
        &reject,
        at("2024-10-02T04:00:00Z"),
    )
    .await
    .unwrap_err();
    assert_eq!(err.to_string(), "`note` is required");
    let err = cases::apply(
        db,
        &rules,
        &filed.case_number,
        None,
        &actor(Role::Reviewer),
        &Action::StartVerification,
        at("2024-10-02T04:00:00Z"),
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("reviewer"), "{err}");
    let err = cases::apply(
        db,
        &rules,
        "NTR-2024-999999",
        None,
        &actor(Role::Verifier),
        &Action::StartVerification,
        at("2024-10-02T04:00:00Z"),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, StoreError::CaseNotFound(_)));
    assert_eq!(
        cases::get_case(db, &filed.case_number)
            .await
            .unwrap()
            .unwrap(),
        before
    );
    assert_eq!(event_count(db).await, 1);
}

async fn a_stale_revision_is_a_conflict_and_only_one_of_two_racing_handlers_wins(db: &Db) {
    let rules = rules();
    let filed = file(db, d(2024, 9, 15), None).await;
    let number = filed.case_number.clone();
    let verifier = actor(Role::Verifier);
    let err = cases::apply(
        db,
        &rules,
        &number,
        Some(7),
        &verifier,
        &Action::StartVerification,
        at("2024-10-02T04:00:00Z"),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Conflict {
                expected: 7,
                actual: 1,
                ..
            }
        ),
        "{err}"
    );
    let race = |db: Db, number: String| {
        let rules = rules.clone();
        let verifier = verifier.clone();
        tokio::spawn(async move {
            cases::apply(
                &db,
                &rules,
                &number,
                Some(1),
                &verifier,
                &Action::StartVerification,
                at("2024-10-02T04:00:00Z"),
            )
            .await
        })
    };
    let (a, b) = (
        race(db.clone(), number.clone()),
        race(db.clone(), number.clone()),
    );
    let results = [a.await.unwrap(), b.await.unwrap()];
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        1,
        "{results:?}"
    );
    assert!(
        results
            .iter()
            .any(|r| matches!(r, Err(StoreError::Conflict { .. }))),
        "{results:?}"
    );
    assert_eq!(event_count(db).await, 2);
}

async fn recorded_history_cannot_be_edited_or_deleted(db: &Db) {
    let filed = file(db, d(2024, 9, 15), None).await;
    let tamper = [
        "UPDATE case_events SET actor = 'someone else'",
        "DELETE FROM case_events",
        "DELETE FROM cases",
        "UPDATE reports SET summary = 'rewritten'",
        "DELETE FROM reports",
    ];
    for statement in tamper {
        let mut tx = db.begin().await.unwrap();
        let err = sql(statement).execute(&mut tx).await.unwrap_err();
        assert!(
            err.to_string().contains("append-only"),
            "{statement}: {err}"
        );
    }
    assert_eq!(event_count(db).await, 1);
    assert!(
        cases::get_case(db, &filed.case_number)
            .await
            .unwrap()
            .is_some()
    );
}

async fn queues_find_counts_and_due_cases(db: &Db) {
    let rules = rules();
    let first = file(db, d(2024, 9, 15), None).await;
    let second = file(db, d(2024, 9, 16), None).await;
    let third = file(db, d(2024, 9, 17), None).await;
    cases::apply(
        db,
        &rules,
        &first.case_number,
        None,
        &actor(Role::Verifier),
        &Action::StartVerification,
        at("2024-10-01T04:00:00Z"),
    )
    .await
    .unwrap();
    let counts = cases::count_by_state(db).await.unwrap();
    assert_eq!(
        counts,
        vec![(CaseState::Received, 2), (CaseState::Verification, 1)]
    );
    // All received on Tuesday 1 October: received ones due Friday 4 October (3 working days),
    // the one in verification due Tuesday 8 October (7 calendar days).
    let due = cases::due_by(db, d(2024, 10, 3), 10).await.unwrap();
    assert!(due.is_empty(), "{due:?}");
    let due = cases::due_by(db, d(2024, 10, 4), 10).await.unwrap();
    assert_eq!(
        due.iter().map(|c| c.number.as_str()).collect::<Vec<_>>(),
        [second.case_number.as_str(), third.case_number.as_str()]
    );
    let due = cases::due_by(db, d(2024, 10, 8), 10).await.unwrap();
    assert_eq!(due.len(), 3);
    assert_eq!(due[2].number, first.case_number, "most urgent first");
    assert_eq!(
        cases::due_by(db, d(2024, 10, 8), 1).await.unwrap().len(),
        1,
        "limit holds"
    );
}

on_both!(
    filing_a_report_opens_a_case_under_the_rules_of_its_incident_date,
    a_known_nip_links_the_subject_and_agency,
    a_repeated_idempotency_key_files_one_report,
    a_case_runs_to_its_end_and_its_events_rebuild_it,
    a_refused_transition_writes_nothing,
    a_stale_revision_is_a_conflict_and_only_one_of_two_racing_handlers_wins,
    recorded_history_cannot_be_edited_or_deleted,
    queues_find_counts_and_due_cases,
);
