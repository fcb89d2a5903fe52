//! Desk work on both backends: assigning and taking cases ("my cases"), linking a case to its
//! subject in the roster within the handler's scope, and merging duplicates; every refusal
//! writes nothing, and every change is an event that replays and an audit entry.

use chrono::NaiveDate;
use netral_domain::access::{AssignRefusal, Scope, ScopeSpec};
use netral_domain::case::{Action, CaseState, Role, TransitionError};
use netral_domain::report::{Channel, ReporterMode, Subject};
use netral_store::case_desk::{self, AssigneeFilter, CaseQuery, Queue};
use netral_store::case_work::{self, CaseWorkError, Handler, SubjectLink};
use netral_store::cases::{self, Actor};
use netral_store::intake::{self, Intake, NewAttachment};
use netral_store::thread::{self, Author, NewMessage};
use netral_store::{Db, StoreError, accounts, audit, sql};
use netral_testkit::fixtures::{NIP, SEMARANG_NIP, add_karawang_official, add_semarang_teacher};
use netral_testkit::{at, on_both, reports, rules};

use super::accounts::new_user;

on_both!(
    a_case_is_taken_assigned_and_listed_as_mine,
    a_subject_is_linked_within_the_handlers_scope_and_corrected_with_a_reason,
    likely_duplicates_are_found_and_merged_in_one_transaction,
);

/// A NIP that parses but is in no roster of these tests.
const UNKNOWN_NIP: &str = "198001012005011002";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

async fn add_user(db: &Db, username: &str, role: Role, scope: &str) -> i64 {
    accounts::create_user(
        db,
        &new_user(username, role, scope.parse::<ScopeSpec>().unwrap()),
        audit::Actor::SYSTEM,
        at("2024-09-01T00:00:00Z"),
    )
    .await
    .unwrap()
}

/// Files a report about `nip` on the incident date; a receipt hash and a sealed identity when
/// `key` is given, so its reporter can look it up and be written to.
async fn file(db: &Db, nip: &str, incident: NaiveDate, key: Option<&str>) -> (String, String) {
    let draft = reports::draft(
        Channel::Public,
        incident,
        "Berfoto dengan salam dua jari bersama calon bupati",
        Subject::Nip(nip.parse().unwrap()),
        d(2024, 10, 5),
    );
    let attachments = [NewAttachment {
        sha256: format!("{:0>64}", key.unwrap_or("0")),
        size: 1200,
        media_type: "image/jpeg".into(),
        original_name: "foto.jpg".into(),
    }];
    let intake = Intake {
        draft: &draft,
        reporter_mode: if key.is_some() {
            ReporterMode::Confidential
        } else {
            ReporterMode::Anonymous
        },
        sealed_identity: key.map(|_| b"sealed".to_vec()),
        idempotency_key: key,
        receipt_hash: key.map(|k| format!("receipt-{k}")),
        attachments: if key.is_some() { &attachments } else { &[] },
    };
    let filed = intake::file_report(db, &rules(), &intake, at("2024-10-05T03:00:00Z"))
        .await
        .unwrap();
    (filed.case_number, filed.report_number)
}

async fn act(db: &Db, number: &str, role: Role, action: Action) {
    let actor = Actor {
        name: format!("{role}-1"),
        role,
    };
    cases::apply(
        db,
        &rules(),
        number,
        None,
        &actor,
        &action,
        at("2024-10-06T03:00:00Z"),
    )
    .await
    .unwrap();
}

/// Carries a new case to the PPK: verification, review, recommendation.
async fn to_the_ppk(db: &Db, number: &str) {
    act(db, number, Role::Verifier, Action::StartVerification).await;
    act(
        db,
        number,
        Role::Verifier,
        Action::PassVerification {
            note: "ASN aktif".into(),
        },
    )
    .await;
    act(
        db,
        number,
        Role::Reviewer,
        Action::FindViolation {
            violations: vec!["MEDSOS_INTERAKSI".into()],
            note: "terbukti".into(),
        },
    )
    .await;
    act(
        db,
        number,
        Role::DecisionMaker,
        Action::IssueRecommendation {
            letter_number: String::new(),
            sanction: "BERAT_TURUN_JABATAN".into(),
            override_reason: None,
        },
    )
    .await;
}

fn handler<'a>(name: &'a str, role: Role, scope: &'a Scope) -> Handler<'a> {
    Handler { name, role, scope }
}

const NOW: &str = "2024-10-07T03:00:00Z";

async fn assign(
    db: &Db,
    number: &str,
    by: &Handler<'_>,
    to: &str,
    seen: Option<&str>,
) -> Result<cases::CaseRecord, StoreError> {
    case_work::assign(db, &rules(), number, by, to, seen, at(NOW)).await
}

async fn assignee(db: &Db, number: &str) -> Option<String> {
    let case = cases::get_case(db, number).await.unwrap().unwrap();
    let column: Option<String> = sql("SELECT assignee FROM cases WHERE number = $1")
        .bind(number.to_owned())
        .fetch_one(db)
        .await
        .unwrap()
        .get("assignee")
        .unwrap();
    // The column is the file's projection, for the queues.
    assert_eq!(column, case.file.assignee.map(|a| a.user), "{number}");
    column
}

async fn queue(db: &Db, queue: Queue, viewer: &str, filter: AssigneeFilter) -> Vec<String> {
    let query = CaseQuery {
        queue,
        viewer: viewer.into(),
        assignee: filter,
        text: String::new(),
        state: None,
        agency_id: None,
        election: None,
        today: d(2024, 10, 7),
        limit: 50,
    };
    case_desk::list_cases(db, &query, &Scope::National)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.number)
        .collect()
}

async fn replays(db: &Db, number: &str) {
    let case = cases::get_case(db, number).await.unwrap().unwrap();
    assert_eq!(
        cases::replay(db, &rules(), number).await.unwrap(),
        case.file,
        "{number}"
    );
}

async fn audit_details(db: &Db, number: &str, action: &str) -> Vec<serde_json::Value> {
    audit::about(db, number)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.action == action)
        .map(|r| r.details)
        .collect()
}

async fn link(
    db: &Db,
    case: &str,
    by: &Handler<'_>,
    nip: &str,
    seen: Option<&str>,
    reason: Option<&str>,
) -> Result<cases::CaseRecord, StoreError> {
    let link = SubjectLink { nip, seen, reason };
    case_work::link_subject(db, &rules(), case, by, &link, at(NOW)).await
}

async fn merge(
    db: &Db,
    duplicate: &str,
    into: &str,
    by: &Handler<'_>,
) -> Result<cases::CaseRecord, StoreError> {
    case_work::merge(db, &rules(), duplicate, into, by, "foto yang sama", at(NOW)).await
}

async fn subject_and_agency(db: &Db, number: &str) -> (Option<i64>, Option<i64>) {
    let case = cases::get_case(db, number).await.unwrap().unwrap();
    (case.subject_id, case.agency_id)
}

async fn in_scope(db: &Db, number: &str, scope: &Scope) -> bool {
    let query = CaseQuery {
        queue: Queue::All,
        viewer: String::new(),
        assignee: AssigneeFilter::Anyone,
        text: String::new(),
        state: None,
        agency_id: None,
        election: None,
        today: d(2024, 10, 7),
        limit: 50,
    };
    case_desk::list_cases(db, &query, scope)
        .await
        .unwrap()
        .iter()
        .any(|l| l.number == number)
}

async fn duplicates(db: &Db, number: &str, scope: &Scope) -> Vec<String> {
    let case = cases::get_case(db, number).await.unwrap().unwrap();
    case_work::likely_duplicates(db, &case, scope)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.number)
        .collect()
}

fn work_error(result: Result<cases::CaseRecord, StoreError>) -> CaseWorkError {
    match result {
        Err(StoreError::CaseWork(e)) => e,
        other => panic!("expected a refusal of desk work, got {other:?}"),
    }
}

fn transition_error(result: Result<cases::CaseRecord, StoreError>) -> TransitionError {
    match result {
        Err(StoreError::Transition(e)) => e,
        other => panic!("expected a refusal of the state machine, got {other:?}"),
    }
}

async fn a_case_is_taken_assigned_and_listed_as_mine(db: &Db) {
    let (_, karawang) = add_karawang_official(db).await;
    add_semarang_teacher(db, "Siti Aminah, S.Pd.").await;
    let satgas = add_user(db, "satgas", Role::Verifier, "national").await;
    add_user(db, "satgas2", Role::Verifier, "national").await;
    add_user(db, "bawaslu.jabar", Role::Reviewer, "province:32").await;
    add_user(db, "pemutus", Role::DecisionMaker, "national").await;
    add_user(db, "ppk.karawang", Role::PpkLiaison, "agency:3215").await;
    add_user(db, "ppk.semarang", Role::PpkLiaison, "agency:3374").await;
    let national = Scope::National;
    let west_java = Scope::Province("32".parse().unwrap());
    let karawang_scope = Scope::Agency(karawang);
    let (case, _) = file(db, NIP, d(2024, 10, 1), None).await;

    // A verifier takes the new report: it is theirs, and no longer unassigned.
    let verifier = handler("satgas", Role::Verifier, &national);
    assign(db, &case, &verifier, "satgas", None).await.unwrap();
    assert_eq!(assignee(db, &case).await.as_deref(), Some("satgas"));
    assert_eq!(
        queue(db, Queue::Mine, "satgas", AssigneeFilter::Anyone).await,
        [case.as_str()]
    );
    assert!(
        queue(db, Queue::Mine, "satgas2", AssigneeFilter::Anyone)
            .await
            .is_empty()
    );
    assert!(
        queue(db, Queue::All, "x", AssigneeFilter::Nobody)
            .await
            .is_empty()
    );
    assert_eq!(
        queue(db, Queue::All, "x", AssigneeFilter::User("satgas".into())).await,
        [case.as_str()]
    );
    let counts = case_desk::queue_counts(db, &national, d(2024, 10, 7), "satgas")
        .await
        .unwrap();
    assert_eq!(counts[0].queue, Queue::Mine);
    assert_eq!(counts[0].count, 1);

    // Refusals, each writing nothing.
    let reviewer = handler("bawaslu.jabar", Role::Reviewer, &west_java);
    assert_eq!(
        work_error(assign(db, &case, &reviewer, "bawaslu.jabar", None).await),
        CaseWorkError::Assignment(AssignRefusal::NotAHandler(
            Role::Reviewer,
            CaseState::Received
        ))
    );
    let colleague = handler("satgas2", Role::Verifier, &national);
    assert_eq!(
        transition_error(assign(db, &case, &colleague, "satgas2", None).await),
        TransitionError::AssignmentChanged {
            current: Some("satgas".into())
        }
    );
    assert!(matches!(
        transition_error(assign(db, &case, &verifier, "bawaslu.jabar", Some("satgas")).await),
        TransitionError::AssigneeCannotHandle {
            role: Role::Reviewer,
            ..
        }
    ));
    assert_eq!(
        work_error(assign(db, &case, &verifier, "nobody.here", Some("satgas")).await),
        CaseWorkError::UnknownAssignee("nobody.here".into())
    );
    assert_eq!(
        work_error(assign(db, &case, &verifier, "ppk.semarang", Some("satgas")).await),
        CaseWorkError::AssigneeOutOfScope("ppk.semarang".into())
    );
    let semarang_scope = Scope::Agency(
        sql("SELECT id FROM agencies WHERE code = '3374'")
            .fetch_one(db)
            .await
            .unwrap()
            .get("id")
            .unwrap(),
    );
    assert!(matches!(
        assign(
            db,
            &case,
            &handler("ppk.semarang", Role::PpkLiaison, &semarang_scope),
            "ppk.semarang",
            None
        )
        .await,
        Err(StoreError::CaseNotFound(_))
    ));
    let through_apply = cases::apply(
        db,
        &rules(),
        &case,
        None,
        &Actor {
            name: "satgas".into(),
            role: Role::Verifier,
        },
        &Action::Assign {
            to: "satgas2".into(),
            to_role: Role::Verifier,
            from: Some("satgas".into()),
        },
        at(NOW),
    )
    .await;
    assert!(matches!(
        work_error(through_apply),
        CaseWorkError::NotThroughApply(_)
    ));
    assert_eq!(assignee(db, &case).await.as_deref(), Some("satgas"));

    // The stage's lead reassigns, naming whom it takes the case from; the log says both.
    assign(db, &case, &colleague, "satgas2", Some("satgas"))
        .await
        .unwrap();
    assert_eq!(
        audit_details(db, &case, "case.assign")
            .await
            .last()
            .unwrap()["assignee_from"],
        "satgas"
    );
    assert_eq!(
        audit_details(db, &case, "case.assign")
            .await
            .last()
            .unwrap()["assignee_to"],
        "satgas2"
    );
    let events = cases::events(db, cases::get_case(db, &case).await.unwrap().unwrap().id)
        .await
        .unwrap();
    let last = events.last().unwrap();
    assert_eq!(
        (last.kind.as_str(), last.actor.as_str()),
        ("assign", "satgas2")
    );
    assert_eq!(last.payload["from"], "satgas");
    assert_eq!(last.payload["to"], "satgas2");
    // A disabled account is given nothing.
    accounts::set_disabled(db, satgas, true, audit::Actor::SYSTEM, at(NOW))
        .await
        .unwrap();
    assert_eq!(
        work_error(assign(db, &case, &colleague, "satgas", Some("satgas2")).await),
        CaseWorkError::UnknownAssignee("satgas".into())
    );

    // Passing verification hands the case to review: the verifier's assignment ends there.
    act(db, &case, Role::Verifier, Action::StartVerification).await;
    assert_eq!(assignee(db, &case).await.as_deref(), Some("satgas2"));
    act(
        db,
        &case,
        Role::Verifier,
        Action::PassVerification {
            note: "ASN aktif".into(),
        },
    )
    .await;
    assert_eq!(assignee(db, &case).await, None);
    assert!(
        queue(db, Queue::Mine, "satgas2", AssigneeFilter::Anyone)
            .await
            .is_empty()
    );
    assign(db, &case, &reviewer, "bawaslu.jabar", None)
        .await
        .unwrap();
    replays(db, &case).await;

    // At the PPK's stage the liaison may take a free case, and only the decision maker
    // reassigns it.
    let (later, _) = file(db, NIP, d(2024, 10, 2), None).await;
    to_the_ppk(db, &later).await;
    let liaison = handler("ppk.karawang", Role::PpkLiaison, &karawang_scope);
    assert_eq!(
        work_error(assign(db, &later, &liaison, "pemutus", None).await),
        CaseWorkError::Assignment(AssignRefusal::NotTheLead {
            lead: Role::DecisionMaker,
            state: CaseState::AwaitingFollowUp
        })
    );
    assign(db, &later, &liaison, "ppk.karawang", None)
        .await
        .unwrap();
    let decider = handler("pemutus", Role::DecisionMaker, &national);
    assign(db, &later, &decider, "pemutus", Some("ppk.karawang"))
        .await
        .unwrap();
    assert_eq!(
        work_error(assign(db, &later, &liaison, "ppk.karawang", Some("pemutus")).await),
        CaseWorkError::Assignment(AssignRefusal::Taken("pemutus".into(), Role::DecisionMaker))
    );
    let choices: Vec<String> =
        case_work::assignable_staff(db, &cases::get_case(db, &later).await.unwrap().unwrap())
            .await
            .unwrap()
            .into_iter()
            .map(|c| c.username)
            .collect();
    assert_eq!(choices, ["pemutus", "ppk.karawang"]);
    replays(db, &later).await;
    assert!(audit::verify(db).await.unwrap().broken.is_none());
}

async fn a_subject_is_linked_within_the_handlers_scope_and_corrected_with_a_reason(db: &Db) {
    let (official, karawang) = add_karawang_official(db).await;
    let (teacher, semarang) = add_semarang_teacher(db, "Siti Aminah, S.Pd.").await;
    add_user(db, "satgas", Role::Verifier, "national").await;
    add_user(db, "satgas.jabar", Role::Verifier, "province:32").await;
    let national = Scope::National;
    let west_java = Scope::Province("32".parse().unwrap());
    let verifier = handler("satgas", Role::Verifier, &national);
    let jabar = handler("satgas.jabar", Role::Verifier, &west_java);
    let (case, _) = file(db, UNKNOWN_NIP, d(2024, 10, 1), None).await;

    // The reporter's NIP did not resolve: no subject, no agency, national business only.
    assert_eq!(subject_and_agency(db, &case).await, (None, None));
    assert!(matches!(
        link(db, &case, &jabar, NIP, None, None).await,
        Err(StoreError::CaseNotFound(_))
    ));
    assert_eq!(
        work_error(link(db, &case, &verifier, UNKNOWN_NIP, None, None).await),
        CaseWorkError::SubjectNotFound(UNKNOWN_NIP.into())
    );
    link(db, &case, &verifier, NIP, None, None).await.unwrap();
    assert_eq!(
        subject_and_agency(db, &case).await,
        (Some(official), Some(karawang))
    );
    assert!(in_scope(db, &case, &Scope::Agency(karawang)).await);
    assert!(in_scope(db, &case, &west_java).await);
    let details = audit_details(db, &case, "case.link_subject").await;
    assert_eq!(details[0]["subject_from"], serde_json::Value::Null);
    assert_eq!(details[0]["subject_to"], NIP);
    assert_eq!(details[0]["agency_to"], "3215");

    // Corrections: seen right, with a reason, to someone else, within the handler's scope.
    assert_eq!(
        work_error(
            link(
                db,
                &case,
                &verifier,
                SEMARANG_NIP,
                None,
                Some("salah ketik")
            )
            .await
        ),
        CaseWorkError::SubjectChanged {
            current: Some(NIP.into())
        }
    );
    assert_eq!(
        transition_error(link(db, &case, &verifier, SEMARANG_NIP, Some(NIP), None).await),
        TransitionError::MissingField { field: "reason" }
    );
    assert_eq!(
        transition_error(link(db, &case, &verifier, NIP, Some(NIP), Some("lagi")).await),
        TransitionError::AlreadyLinked { nip: NIP.into() }
    );
    // West Java's verifier sees the case now, and cannot send it to Central Java.
    assert_eq!(
        work_error(
            link(
                db,
                &case,
                &jabar,
                SEMARANG_NIP,
                Some(NIP),
                Some("pelapor salah menulis NIP")
            )
            .await
        ),
        CaseWorkError::SubjectNotFound(SEMARANG_NIP.into())
    );
    // Nor would a national handler move it away from the West Java verifier working on it.
    assign(db, &case, &verifier, "satgas.jabar", None)
        .await
        .unwrap();
    assert_eq!(
        work_error(
            link(
                db,
                &case,
                &verifier,
                SEMARANG_NIP,
                Some(NIP),
                Some("pelapor salah menulis NIP")
            )
            .await
        ),
        CaseWorkError::AssigneeWouldLoseCase("satgas.jabar".into())
    );
    assert_eq!(
        subject_and_agency(db, &case).await,
        (Some(official), Some(karawang))
    );
    assign(db, &case, &verifier, "satgas", Some("satgas.jabar"))
        .await
        .unwrap();
    link(
        db,
        &case,
        &verifier,
        SEMARANG_NIP,
        Some(NIP),
        Some("pelapor salah menulis NIP"),
    )
    .await
    .unwrap();
    assert_eq!(
        subject_and_agency(db, &case).await,
        (Some(teacher), Some(semarang))
    );
    assert!(!in_scope(db, &case, &Scope::Agency(karawang)).await);
    assert!(in_scope(db, &case, &Scope::Agency(semarang)).await);
    let details = audit_details(db, &case, "case.link_subject").await;
    assert_eq!(
        (
            &details[1]["subject_from"],
            &details[1]["agency_from"],
            &details[1]["agency_to"]
        ),
        (
            &serde_json::json!(NIP),
            &serde_json::json!("3215"),
            &serde_json::json!("3374")
        )
    );
    let events = cases::events(db, cases::get_case(db, &case).await.unwrap().unwrap().id)
        .await
        .unwrap();
    let last = events.last().unwrap();
    assert_eq!(last.kind, "link_subject");
    assert_eq!(last.payload["replaces"], NIP);
    assert_eq!(last.payload["reason"], "pelapor salah menulis NIP");
    replays(db, &case).await;

    // Once the recommendation went to the PPK, the subject stays.
    let (sent, _) = file(db, NIP, d(2024, 10, 1), None).await;
    to_the_ppk(db, &sent).await;
    let decider = handler("pemutus", Role::DecisionMaker, &national);
    assert!(matches!(
        transition_error(link(db, &sent, &decider, SEMARANG_NIP, Some(NIP), Some("x")).await),
        TransitionError::NotAllowedFrom { .. }
    ));
}

async fn likely_duplicates_are_found_and_merged_in_one_transaction(db: &Db) {
    let (_, karawang) = add_karawang_official(db).await;
    add_semarang_teacher(db, "Siti Aminah, S.Pd.").await;
    let national = Scope::National;
    let karawang_scope = Scope::Agency(karawang);
    let verifier = handler("satgas", Role::Verifier, &national);
    let (a, _) = file(db, NIP, d(2024, 9, 30), None).await;
    let (b, b_report) = file(db, NIP, d(2024, 10, 3), Some("b")).await;
    let (e, e_report) = file(db, NIP, d(2024, 10, 2), Some("e")).await;
    let (old, _) = file(db, NIP, d(2024, 9, 1), None).await;
    let (elsewhere, _) = file(db, SEMARANG_NIP, d(2024, 9, 30), None).await;
    let (unknown_1, _) = file(db, UNKNOWN_NIP, d(2024, 10, 1), None).await;
    let (unknown_2, _) = file(db, UNKNOWN_NIP, d(2024, 10, 2), None).await;
    let (decided, _) = file(db, NIP, d(2024, 10, 1), None).await;
    to_the_ppk(db, &decided).await;
    let b_id = cases::get_case(db, &b).await.unwrap().unwrap().id;
    thread::add_message(
        db,
        &NewMessage {
            case_id: b_id,
            author: Author::Reporter,
            handler_name: "",
            body: "Ada foto kedua dari acara yang sama.",
            internal: false,
            idempotency_key: None,
            attachments: &[],
        },
        at("2024-10-05T05:00:00Z"),
    )
    .await
    .unwrap();
    // Same subject within the window; the case at the PPK is live too (a merge the other way
    // is the handler's call). Not the old incident, not the other person.
    assert_eq!(
        duplicates(db, &a, &national).await,
        [b.clone(), e.clone(), decided.clone()]
    );
    assert_eq!(
        duplicates(db, &unknown_1, &national).await,
        [unknown_2.as_str()]
    );
    assert!(duplicates(db, &unknown_1, &karawang_scope).await.is_empty());

    let local = handler("satgas.karawang", Role::Verifier, &karawang_scope);
    let reviewer = handler("bawaslu", Role::Reviewer, &national);
    assert_eq!(
        work_error(merge(db, &a, &a.to_lowercase(), &verifier).await),
        CaseWorkError::MergeIntoItself
    );
    assert_eq!(
        work_error(merge(db, &b, "NTR-2099-999999", &verifier).await),
        CaseWorkError::MergeTargetNotFound("NTR-2099-999999".into())
    );
    assert_eq!(
        work_error(merge(db, &elsewhere, &a, &verifier).await),
        CaseWorkError::SubjectsDiffer {
            duplicate: elsewhere.clone(),
            into: a.clone()
        }
    );
    assert_eq!(
        work_error(merge(db, &b, &unknown_1, &verifier).await),
        CaseWorkError::AcrossScopes {
            duplicate: b.clone(),
            into: unknown_1.clone()
        }
    );
    assert_eq!(
        work_error(merge(db, &b, &elsewhere, &local).await),
        CaseWorkError::MergeTargetNotFound(elsewhere.clone())
    );
    assert!(matches!(
        merge(db, &elsewhere, &a, &local).await,
        Err(StoreError::CaseNotFound(_))
    ));
    assert!(matches!(
        transition_error(merge(db, &decided, &a, &verifier).await),
        TransitionError::NotAllowedFrom { .. }
    ));
    assert!(matches!(
        transition_error(merge(db, &b, &a, &reviewer).await),
        TransitionError::RoleNotPermitted { .. }
    ));
    act(
        db,
        &old,
        Role::Verifier,
        Action::Cancel {
            note: "dicabut".into(),
        },
    )
    .await;
    assert_eq!(
        work_error(merge(db, &old, &a, &verifier).await),
        CaseWorkError::CaseFinished(old.clone())
    );
    assert_eq!(
        work_error(merge(db, &b, &old, &verifier).await),
        CaseWorkError::CaseFinished(old.clone())
    );
    let untouched = cases::get_case(db, &b).await.unwrap().unwrap();
    assert_eq!(
        (untouched.state, untouched.merged_into),
        (CaseState::Received, None)
    );

    // E into B, then B into A: A gathers both, and their reporters follow A.
    merge(db, &e, &b, &verifier).await.unwrap();
    let merged = merge(db, &b, &a, &verifier).await.unwrap();
    assert_eq!(merged.state, CaseState::Merged);
    let a_case = cases::get_case(db, &a).await.unwrap().unwrap();
    assert_eq!(merged.merged_into, Some(a_case.id));
    assert_eq!(
        cases::get_case(db, &b).await.unwrap().unwrap().merged_into,
        Some(a_case.id)
    );
    let detail = case_desk::case_detail(db, &a).await.unwrap().unwrap();
    let report_cases: Vec<&str> = detail
        .reports
        .iter()
        .map(|r| r.case_number.as_str())
        .collect();
    assert_eq!(report_cases, [a.as_str(), b.as_str(), e.as_str()]);
    assert_eq!(detail.messages.len(), 1);
    assert_eq!(detail.messages[0].case_number, b);
    assert_eq!(detail.evidence.len(), 2);
    let merged_from: Vec<&str> = detail
        .merged_from
        .iter()
        .map(|m| m.number.as_str())
        .collect();
    assert_eq!(merged_from, [e.as_str(), b.as_str()]);
    assert_eq!(
        case_desk::case_detail(db, &b)
            .await
            .unwrap()
            .unwrap()
            .merged_into,
        Some(a.clone())
    );
    assert_eq!(duplicates(db, &a, &national).await, [decided.as_str()]);
    assert_eq!(
        audit_details(db, &b, "case.merge").await[0]["into"],
        a.as_str()
    );
    replays(db, &b).await;
    replays(db, &e).await;

    // The reporter of E sees that it continues under A, and nothing of A's reports.
    let view = thread::reporter_view(db, &e_report, "receipt-e")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(view.state, CaseState::Merged);
    let under = view.continues_under.unwrap();
    assert_eq!(
        (under.case_number.as_str(), under.state),
        (a.as_str(), CaseState::Received)
    );
    assert!(view.messages.is_empty());
    assert!(
        thread::reporter_view(db, &b_report, "receipt-b")
            .await
            .unwrap()
            .unwrap()
            .messages
            .iter()
            .all(|m| m.author == Author::Reporter)
    );
    // When A moves on, the reporters of its merged duplicates are told.
    let notices = || async {
        sql(
            "SELECT COUNT(*) AS n FROM mail_outbox o JOIN reports r ON r.id = o.report_id \
             WHERE o.kind = 'stage_changed' AND r.number IN ($1, $2)",
        )
        .bind(b_report.clone())
        .bind(e_report.clone())
        .fetch_one(db)
        .await
        .unwrap()
        .get::<i64>("n")
        .unwrap()
    };
    let before = notices().await;
    act(db, &a, Role::Verifier, Action::StartVerification).await;
    assert_eq!(notices().await, before + 2);
    assert!(audit::verify(db).await.unwrap().broken.is_none());
}
