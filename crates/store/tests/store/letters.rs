//! Letters on both backends: the store numbers recommendations and warnings in the transaction
//! of the action (gapless and unique, even when two are issued at once, a new sequence each
//! year), queues each letter's PDF, records the file once, and holds the PPK liaisons' notice
//! until the PDF exists.

use netral_domain::access::ScopeSpec;
use netral_domain::case::{Action, CaseState, Role, TransitionError};
use netral_domain::letter::LetterKind;
use netral_domain::report::{Channel, Subject};
use netral_store::cases::{self, Actor};
use netral_store::letters::{self, LetterFile};
use netral_store::mail::{self, MailKind};
use netral_store::{Db, StoreError, accounts, audit, jobs, sql};
use netral_testkit::fixtures::{NAME, NIP, add_karawang_official};
use netral_testkit::{at, on_both, reports, rules};

use super::accounts::new_user;

on_both!(
    the_store_numbers_recommendations_and_warnings,
    a_number_typed_by_the_caller_is_refused_and_takes_nothing,
    numbers_stay_gapless_and_unique_when_recommendations_race,
    each_year_starts_a_new_sequence,
    a_letters_file_is_recorded_once_and_releases_the_liaisons_notice,
    the_facts_of_a_letter_are_what_it_must_say,
);

fn actor(role: Role) -> Actor {
    Actor {
        name: format!("{role}-1"),
        role,
    }
}

fn recommend() -> Action {
    Action::IssueRecommendation {
        letter_number: String::new(),
        sanction: "BERAT_TURUN_JABATAN".into(),
        override_reason: None,
    }
}

fn warn() -> Action {
    Action::Warn {
        letter_number: String::new(),
    }
}

async fn count(db: &Db, query: &'static str) -> i64 {
    sql(query).fetch_one(db).await.unwrap().get("n").unwrap()
}

/// A case about the Karawang official, carried to the recommendation stage on `day`
/// (YYYY-MM-DD, actions at 11:00 WIB).
async fn case_awaiting_recommendation(db: &Db, day: &str) -> String {
    let today = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    let draft = reports::draft(
        Channel::Bawaslu,
        today,
        "Mengunggah foto dengan salam dua jari bersama calon bupati",
        Subject::Nip(NIP.parse().unwrap()),
        today,
    );
    let when = at(&format!("{day}T04:00:00Z"));
    let filed = reports::file(db, &rules(), &draft, None, when)
        .await
        .unwrap();
    for (role, action) in [
        (Role::Verifier, Action::StartVerification),
        (
            Role::Verifier,
            Action::PassVerification {
                note: "ASN aktif".into(),
            },
        ),
        (
            Role::Reviewer,
            Action::FindViolation {
                violations: vec!["MEDSOS_INTERAKSI".into()],
                note: "terbukti".into(),
            },
        ),
    ] {
        cases::apply(
            db,
            &rules(),
            &filed.case_number,
            None,
            &actor(role),
            &action,
            when,
        )
        .await
        .unwrap();
    }
    filed.case_number
}

async fn issue(db: &Db, number: &str, action: &Action, when: &str) -> Result<String, StoreError> {
    let case = cases::apply(
        db,
        &rules(),
        number,
        None,
        &actor(Role::DecisionMaker),
        action,
        at(when),
    )
    .await?;
    let events = cases::events(db, case.id).await.unwrap();
    let last = events.last().unwrap();
    Ok(last.payload["letter_number"].as_str().unwrap().to_owned())
}

async fn the_store_numbers_recommendations_and_warnings(db: &Db) {
    add_karawang_official(db).await;
    let number = case_awaiting_recommendation(db, "2026-11-02").await;
    let letter = issue(db, &number, &recommend(), "2026-11-03T04:00:00Z")
        .await
        .unwrap();
    assert_eq!(letter, "0001/REK/BKN/XI/2026");
    let case = cases::get_case(db, &number).await.unwrap().unwrap();
    assert_eq!(case.state, CaseState::AwaitingFollowUp);
    let recorded = letters::of_case(db, case.id).await.unwrap();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].kind, LetterKind::Recommendation);
    assert_eq!(recorded[0].number, letter);
    assert_eq!(recorded[0].event_seq, case.revision);
    assert_eq!(
        recorded[0].sha256, None,
        "the PDF is made later, by the worker"
    );
    assert_eq!(jobs::pending(db, letters::QUEUE).await.unwrap(), 1);
    let entries = audit::about(db, &number).await.unwrap();
    let issued = entries
        .iter()
        .find(|e| e.action == "letter.issued")
        .expect("the issuance is in the audit log");
    assert_eq!(issued.subject.as_deref(), Some(number.as_str()));
    assert_eq!(issued.details["letter"], letter.as_str());

    // The PPK's 14 calendar days run out on 17 November; the warning has its own sequence.
    let warning = issue(db, &number, &warn(), "2026-11-18T04:00:00Z")
        .await
        .unwrap();
    assert_eq!(warning, "0001/PRG/BKN/XI/2026");
    assert_eq!(letters::of_case(db, case.id).await.unwrap().len(), 2);
    assert_eq!(jobs::pending(db, letters::QUEUE).await.unwrap(), 2);
    // Replaying the log reads the numbers back from the events.
    let stored = cases::get_case(db, &number).await.unwrap().unwrap();
    assert_eq!(
        cases::replay(db, &rules(), &number).await.unwrap(),
        stored.file
    );
}

async fn a_number_typed_by_the_caller_is_refused_and_takes_nothing(db: &Db) {
    add_karawang_official(db).await;
    let number = case_awaiting_recommendation(db, "2026-11-02").await;
    let typed = Action::IssueRecommendation {
        letter_number: "R-12/BKN/2026".into(),
        sanction: "BERAT_TURUN_JABATAN".into(),
        override_reason: None,
    };
    let err = issue(db, &number, &typed, "2026-11-03T04:00:00Z")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::LetterNumberAssigned), "{err}");
    assert!(err.to_string().contains("letter_number"), "{err}");
    // A refusal by the rules (a sanction the rules do not know) gives its number back too.
    let unknown = Action::IssueRecommendation {
        letter_number: String::new(),
        sanction: "DIPECAT".into(),
        override_reason: None,
    };
    let err = issue(db, &number, &unknown, "2026-11-03T04:00:00Z")
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Transition(TransitionError::UnknownSanction { .. })
        ),
        "{err}"
    );
    assert_eq!(count(db, "SELECT COUNT(*) AS n FROM letters").await, 0);
    assert_eq!(jobs::pending(db, letters::QUEUE).await.unwrap(), 0);
    let letter = issue(db, &number, &recommend(), "2026-11-03T04:00:00Z")
        .await
        .unwrap();
    assert_eq!(letter, "0001/REK/BKN/XI/2026");
}

async fn numbers_stay_gapless_and_unique_when_recommendations_race(db: &Db) {
    add_karawang_official(db).await;
    let mut cases = Vec::new();
    for _ in 0..3 {
        cases.push(case_awaiting_recommendation(db, "2026-11-02").await);
    }
    // Two cases at once: both succeed, with different numbers.
    let action = recommend();
    let (a, b) = tokio::join!(
        issue(db, &cases[0], &action, "2026-11-03T04:00:00Z"),
        issue(db, &cases[1], &action, "2026-11-03T04:00:00Z"),
    );
    let mut numbers = vec![a.unwrap(), b.unwrap()];
    numbers.sort();
    assert_eq!(numbers, ["0001/REK/BKN/XI/2026", "0002/REK/BKN/XI/2026"]);
    // The same case twice at once, as two handlers who saw the same revision: one wins, the
    // other is refused and gives its number back.
    let seen = cases::get_case(db, &cases[2])
        .await
        .unwrap()
        .unwrap()
        .revision;
    let race = |name: &'static str| {
        let number = cases[2].clone();
        async move {
            cases::apply(
                db,
                &rules(),
                &number,
                Some(seen),
                &Actor {
                    name: name.into(),
                    role: Role::DecisionMaker,
                },
                &recommend(),
                at("2026-11-03T04:00:00Z"),
            )
            .await
        }
    };
    let (first, second) = tokio::join!(race("wasdal-1"), race("wasdal-2"));
    assert_eq!(
        [&first, &second].iter().filter(|r| r.is_ok()).count(),
        1,
        "{first:?} {second:?}"
    );
    let loser = if first.is_err() { first } else { second };
    assert!(
        matches!(loser, Err(StoreError::Conflict { .. })),
        "{loser:?}"
    );
    let numbers: Vec<String> = sql("SELECT number FROM letters ORDER BY serial")
        .fetch_all(db)
        .await
        .unwrap()
        .iter()
        .map(|row| row.get("number").unwrap())
        .collect();
    assert_eq!(
        numbers,
        [
            "0001/REK/BKN/XI/2026",
            "0002/REK/BKN/XI/2026",
            "0003/REK/BKN/XI/2026"
        ]
    );
}

async fn each_year_starts_a_new_sequence(db: &Db) {
    add_karawang_official(db).await;
    let late = case_awaiting_recommendation(db, "2026-12-30").await;
    let early = case_awaiting_recommendation(db, "2026-12-30").await;
    let later = case_awaiting_recommendation(db, "2026-12-30").await;
    // 23:59 on 31 December in Jakarta (WIB, UTC+7) is still 2026 ...
    let number = issue(db, &late, &recommend(), "2026-12-31T16:59:00Z")
        .await
        .unwrap();
    assert_eq!(number, "0001/REK/BKN/XII/2026");
    // ... a minute later it is 2027 there, and the count starts again.
    let number = issue(db, &early, &recommend(), "2026-12-31T17:00:00Z")
        .await
        .unwrap();
    assert_eq!(number, "0001/REK/BKN/I/2027");
    let number = issue(db, &later, &recommend(), "2027-01-02T02:00:00Z")
        .await
        .unwrap();
    assert_eq!(number, "0002/REK/BKN/I/2027");
}

async fn a_letters_file_is_recorded_once_and_releases_the_liaisons_notice(db: &Db) {
    add_karawang_official(db).await;
    for (username, scope) in [
        ("ppk.karawang", "agency:3215"),
        ("ppk.jabar", "province:32"),
    ] {
        let user = new_user(
            username,
            Role::PpkLiaison,
            scope.parse::<ScopeSpec>().unwrap(),
        );
        accounts::create_user(db, &user, audit::Actor::SYSTEM, at("2026-11-01T00:00:00Z"))
            .await
            .unwrap();
    }
    let number = case_awaiting_recommendation(db, "2026-11-02").await;
    issue(db, &number, &recommend(), "2026-11-03T04:00:00Z")
        .await
        .unwrap();
    let case = cases::get_case(db, &number).await.unwrap().unwrap();
    let letter = letters::of_case(db, case.id).await.unwrap().remove(0);
    let notices: Vec<_> = mail::list(db, 50)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == MailKind::RecommendationArrived)
        .collect();
    assert_eq!(notices.len(), 2);
    assert!(notices.iter().all(|m| m.letter_id == Some(letter.id)));
    assert_eq!(
        jobs::pending(db, mail::QUEUE).await.unwrap(),
        0,
        "the notices wait for the PDF"
    );

    let sha256 = "a".repeat(64);
    let file = LetterFile {
        sha256: &sha256,
        size: 31_337,
        file_name: "Surat-0001-REK-BKN-XI-2026.pdf",
    };
    let now = at("2026-11-03T04:00:05Z");
    assert!(
        letters::record_file(db, letter.id, &file, now)
            .await
            .unwrap()
    );
    assert_eq!(jobs::pending(db, mail::QUEUE).await.unwrap(), 2);
    let stored = letters::get(db, letter.id).await.unwrap().unwrap();
    assert_eq!(stored.sha256.as_deref(), Some(sha256.as_str()));
    assert_eq!(stored.size, Some(31_337));
    assert_eq!(stored.rendered_at, Some(now));
    let detail = netral_store::case_desk::case_detail(db, &number)
        .await
        .unwrap()
        .unwrap();
    let evidence = detail
        .evidence
        .iter()
        .find(|e| e.sha256 == sha256)
        .expect("the letter is evidence of the case");
    assert_eq!(evidence.media_type, "application/pdf");
    assert_eq!(evidence.original_name, "Surat-0001-REK-BKN-XI-2026.pdf");
    assert_eq!(detail.letters, vec![stored.clone()]);
    let entries = audit::about(db, &number).await.unwrap();
    let entry = entries
        .iter()
        .find(|e| e.action == "letter.stored")
        .unwrap();
    assert_eq!(entry.details["sha256"], sha256.as_str());
    assert_eq!(entry.details["notices"], 2);

    // Once recorded, the file stays: a second record does nothing, and the database refuses
    // any change or removal.
    let other = "b".repeat(64);
    let again = LetterFile {
        sha256: &other,
        ..file
    };
    assert!(
        !letters::record_file(db, letter.id, &again, now)
            .await
            .unwrap()
    );
    assert_eq!(jobs::pending(db, mail::QUEUE).await.unwrap(), 2);
    for statement in [
        "UPDATE letters SET sha256 = 'c' WHERE id = $1",
        "UPDATE letters SET number = 'x' WHERE id = $1",
        "DELETE FROM letters WHERE id = $1",
    ] {
        let mut tx = db.begin().await.unwrap();
        let refused = sql(statement).bind(letter.id).execute(&mut tx).await;
        assert!(refused.is_err(), "{statement} was allowed");
    }
    assert_eq!(letters::get(db, letter.id).await.unwrap().unwrap(), stored);
}

async fn the_facts_of_a_letter_are_what_it_must_say(db: &Db) {
    add_karawang_official(db).await;
    let user = new_user(
        "wasdal",
        Role::DecisionMaker,
        "national".parse::<ScopeSpec>().unwrap(),
    );
    accounts::create_user(db, &user, audit::Actor::SYSTEM, at("2026-11-01T00:00:00Z"))
        .await
        .unwrap();
    let number = case_awaiting_recommendation(db, "2026-11-02").await;
    let wasdal = Actor {
        name: "wasdal".into(),
        role: Role::DecisionMaker,
    };
    let overridden = Action::IssueRecommendation {
        letter_number: String::new(),
        sanction: "SEDANG_TPP_6".into(),
        override_reason: Some("Pelanggaran pertama".into()),
    };
    cases::apply(
        db,
        &rules(),
        &number,
        None,
        &wasdal,
        &overridden,
        at("2026-11-03T04:00:00Z"),
    )
    .await
    .unwrap();
    cases::apply(
        db,
        &rules(),
        &number,
        None,
        &actor(Role::DecisionMaker),
        &warn(),
        at("2026-11-18T04:00:00Z"),
    )
    .await
    .unwrap();
    let case = cases::get_case(db, &number).await.unwrap().unwrap();
    let [recommendation, warning] =
        <[_; 2]>::try_from(letters::of_case(db, case.id).await.unwrap()).unwrap();

    let facts = letters::facts(db, recommendation.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        facts.signer_name, "Petugas wasdal",
        "the account's display name"
    );
    let subject = facts.subject.unwrap();
    assert_eq!((subject.nip.as_str(), subject.name.as_str()), (NIP, NAME));
    assert_eq!(subject.agency, "Pemerintah Kabupaten Karawang");
    let addressee = facts.addressee.unwrap();
    assert_eq!(addressee.ppk_title, "Bupati Karawang");
    assert!(matches!(
        facts.action,
        Action::IssueRecommendation { ref sanction, ref override_reason, .. }
            if sanction == "SEDANG_TPP_6" && override_reason.as_deref() == Some("Pelanggaran pertama")
    ));
    assert_eq!(facts.event.to_state, CaseState::AwaitingFollowUp);
    assert_eq!(facts.recommendation, None);

    let facts = letters::facts(db, warning.id).await.unwrap().unwrap();
    assert_eq!(
        facts.signer_name,
        actor(Role::DecisionMaker).name,
        "no account: the name recorded"
    );
    assert_eq!(
        facts.recommendation,
        Some((recommendation.number.clone(), at("2026-11-03T04:00:00Z")))
    );
    assert_eq!(facts.event.to_state, CaseState::Warned);
    assert_eq!(facts.case.file.sanction.as_deref(), Some("SEDANG_TPP_6"));
    assert_eq!(letters::facts(db, 999_999).await.unwrap(), None);
}
