//! The work queues and the case page's data on both backends: queues by stage and deadline,
//! search by number, NIP and name, and scopes that never show another agency's cases.

use chrono::NaiveDate;
use netral_domain::access::Scope;
use netral_domain::case::{Action, CaseState, Role};
use netral_domain::report::{Channel, Subject};
use netral_store::Db;
use netral_store::case_desk::{self, AssigneeFilter, CaseQuery, Queue};
use netral_store::cases::{self, Actor};
use netral_testkit::fixtures::{NIP, add_karawang_official};
use netral_testkit::{at, on_both, reports, rules};

on_both!(
    queues_count_and_list_cases_within_the_scope,
    a_case_page_gathers_reports_events_and_subject
);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

async fn file(db: &Db, subject: Subject) -> String {
    let draft = reports::draft(
        Channel::Bawaslu,
        d(2024, 9, 30),
        "Mengunggah foto dengan salam dua jari bersama calon bupati",
        subject,
        d(2024, 10, 1),
    );
    reports::file(db, &rules(), &draft, None, at("2024-10-01T03:00:00Z"))
        .await
        .unwrap()
        .case_number
}

fn query(queue: Queue, text: &str, today: NaiveDate) -> CaseQuery {
    CaseQuery {
        queue,
        viewer: "satgas".into(),
        assignee: AssigneeFilter::Anyone,
        text: text.into(),
        state: None,
        agency_id: None,
        election: None,
        today,
        limit: 50,
    }
}

async fn numbers(db: &Db, query: &CaseQuery, scope: &Scope) -> Vec<String> {
    case_desk::list_cases(db, query, scope)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.number)
        .collect()
}

async fn queues_count_and_list_cases_within_the_scope(db: &Db) {
    let (_, karawang) = add_karawang_official(db).await;
    let named = file(db, Subject::Nip(NIP.parse().unwrap())).await;
    let described = file(db, Subject::Described("Camat, Kab. Bekasi".into())).await;
    let verifier = Actor {
        name: "satgas".into(),
        role: Role::Verifier,
    };
    cases::apply(
        db,
        &rules(),
        &named,
        None,
        &verifier,
        &Action::StartVerification,
        at("2024-10-01T04:00:00Z"),
    )
    .await
    .unwrap();
    let today = d(2024, 10, 2);
    let national = Scope::National;
    assert_eq!(
        numbers(db, &query(Queue::New, "", today), &national).await,
        [described.as_str()]
    );
    assert_eq!(
        numbers(db, &query(Queue::All, "", today), &national)
            .await
            .len(),
        2
    );
    // Due soon and overdue follow each case's own deadline, day by day.
    let mut deadlines = Vec::new();
    for number in [&named, &described] {
        let case = cases::get_case(db, number).await.unwrap().unwrap();
        deadlines.push((
            number.clone(),
            case.deadline.expect("both stages have a clock").due,
        ));
    }
    for offset in 0..20 {
        let day = today + chrono::Days::new(offset);
        let mut due_soon: Vec<String> = deadlines
            .iter()
            .filter(|(_, due)| *due >= day && *due <= day + chrono::Days::new(3))
            .map(|(n, _)| n.clone())
            .collect();
        let mut overdue: Vec<String> = deadlines
            .iter()
            .filter(|(_, due)| *due < day)
            .map(|(n, _)| n.clone())
            .collect();
        let mut listed_soon = numbers(db, &query(Queue::DueSoon, "", day), &national).await;
        let mut listed_late = numbers(db, &query(Queue::Overdue, "", day), &national).await;
        for list in [
            &mut due_soon,
            &mut overdue,
            &mut listed_soon,
            &mut listed_late,
        ] {
            list.sort();
        }
        assert_eq!(listed_soon, due_soon, "due soon on {day}");
        assert_eq!(listed_late, overdue, "overdue on {day}");
    }
    let late = d(2024, 10, 30);
    // Search by case number, NIP and name without titles.
    assert_eq!(
        numbers(
            db,
            &query(Queue::All, &named.to_lowercase(), today),
            &national
        )
        .await,
        [named.as_str()]
    );
    assert_eq!(
        numbers(db, &query(Queue::All, NIP, today), &national).await,
        [named.as_str()]
    );
    assert_eq!(
        numbers(db, &query(Queue::All, "ahmad suryana", today), &national).await,
        [named.as_str()]
    );

    // Karawang's liaison sees Karawang's case only; West Java's reviewers too (the unlinked
    // case has no agency yet: national business); Central Java's none.
    assert_eq!(
        numbers(db, &query(Queue::All, "", today), &Scope::Agency(karawang)).await,
        [named.as_str()]
    );
    assert_eq!(
        numbers(
            db,
            &query(Queue::All, "", today),
            &Scope::Province("32".parse().unwrap())
        )
        .await,
        [named.as_str()]
    );
    assert!(
        numbers(
            db,
            &query(Queue::All, "", today),
            &Scope::Province("33".parse().unwrap())
        )
        .await
        .is_empty()
    );

    let counts = case_desk::queue_counts(db, &national, late, "satgas")
        .await
        .unwrap();
    let count = |queue: Queue| counts.iter().find(|c| c.queue == queue).unwrap().count;
    assert_eq!(
        (
            count(Queue::New),
            count(Queue::Overdue),
            count(Queue::Open),
            count(Queue::All)
        ),
        (1, 2, 2, 2)
    );
    let scoped = case_desk::queue_counts(db, &Scope::Agency(karawang), late, "satgas")
        .await
        .unwrap();
    assert_eq!(
        scoped.iter().find(|c| c.queue == Queue::All).unwrap().count,
        1
    );
}

async fn a_case_page_gathers_reports_events_and_subject(db: &Db) {
    add_karawang_official(db).await;
    let number = file(db, Subject::Nip(NIP.parse().unwrap())).await;
    let verifier = Actor {
        name: "satgas".into(),
        role: Role::Verifier,
    };
    cases::apply(
        db,
        &rules(),
        &number,
        None,
        &verifier,
        &Action::StartVerification,
        at("2024-10-01T04:00:00Z"),
    )
    .await
    .unwrap();
    let detail = case_desk::case_detail(db, &number).await.unwrap().unwrap();
    assert_eq!(detail.case.state, CaseState::Verification);
    assert_eq!(
        detail.agency.as_deref(),
        Some("Pemerintah Kabupaten Karawang")
    );
    assert_eq!(detail.agency_region.as_deref(), Some("32.15"));
    assert_eq!(detail.subject.as_ref().map(|s| s.nip.as_str()), Some(NIP));
    assert_eq!(detail.reports.len(), 1);
    assert_eq!(detail.reports[0].subject_nip.as_deref(), Some(NIP));
    assert_eq!(detail.reports[0].reporter_mode, "anonymous");
    let kinds: Vec<&str> = detail.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["opened", "start_verification"]);
    assert!(
        case_desk::case_detail(db, "NTR-1999-000001")
            .await
            .unwrap()
            .is_none()
    );
}
