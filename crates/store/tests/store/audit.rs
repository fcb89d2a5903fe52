//! The audit log on both backends: case transitions, messages, identity reveals and account
//! changes each add an entry in their own transaction; `verify` passes on an untouched chain and
//! names the first broken link when a row is changed or deleted behind the system's back (the
//! tests drop the append-only trigger and edit the table directly, as an intruder with database
//! access would); concurrent appends stay one contiguous chain.

use chrono::{Duration, NaiveDate};
use netral_domain::access::ScopeSpec;
use netral_domain::case::{Action, Role};
use netral_domain::report::{Channel, ReporterMode, Subject};
use netral_store::audit::{self, Break, ExportFormat, Problem};
use netral_store::cases::{self, Actor};
use netral_store::intake::{self, Intake};
use netral_store::thread::{self, Author, NewMessage};
use netral_store::{Backend, Db, sql};
use netral_testkit::{at, on_both, reports, rules};

use crate::accounts::{ADMIN, new_user};

on_both!(
    every_accountable_act_extends_the_chain,
    a_row_changed_behind_the_systems_back_is_named,
    a_deleted_row_shows_as_a_gap,
    a_rewritten_row_breaks_the_next_link,
    concurrent_appends_stay_one_chain,
    export_writes_every_column,
    the_log_is_paged_newest_first,
);

/// A confidential report, a transition, a handler's message, a reporter's reply, a look at the
/// reporter's identity, and account changes: one entry each, in order, and the chain verifies.
async fn every_accountable_act_extends_the_chain(db: &Db) {
    let now = at("2024-10-01T03:00:00Z");
    let draft = reports::draft(
        Channel::Public,
        NaiveDate::from_ymd_opt(2024, 9, 20).unwrap(),
        "Membagikan stiker paslon di grup WhatsApp dinas",
        Subject::Described("Kepala Bidang, Dinas Pendidikan".into()),
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    );
    let filed = intake::file_report(
        db,
        &rules(),
        &Intake {
            draft: &draft,
            reporter_mode: ReporterMode::Confidential,
            sealed_identity: Some(b"sealed".to_vec()),
            idempotency_key: Some("form-a"),
            receipt_hash: None,
            attachments: &[],
        },
        now,
    )
    .await
    .unwrap();
    let verifier = Actor {
        name: "siti".into(),
        role: Role::Verifier,
    };
    cases::apply(
        db,
        &rules(),
        &filed.case_number,
        Some(1),
        &verifier,
        &Action::StartVerification,
        now + Duration::hours(1),
    )
    .await
    .unwrap();
    for (author, body) in [
        (Author::Handler, "Mohon kirim foto aslinya."),
        (Author::Reporter, "Terlampir."),
    ] {
        let message = NewMessage {
            case_id: filed.case_id,
            author,
            handler_name: "siti",
            body,
            internal: false,
            idempotency_key: None,
            attachments: &[],
        };
        thread::add_message(db, &message, now + Duration::hours(2))
            .await
            .unwrap();
    }
    thread::reveal_identity(
        db,
        &filed.report_number,
        "kustodian",
        "the reporter must be heard as a witness",
        now + Duration::hours(3),
    )
    .await
    .unwrap()
    .unwrap();
    let id = netral_store::accounts::create_user(
        db,
        &new_user("dewi", Role::Reviewer, ScopeSpec::National),
        ADMIN,
        now,
    )
    .await
    .unwrap();
    netral_store::accounts::reset_password(db, id, "teh manis hangat", ADMIN, now)
        .await
        .unwrap();
    netral_store::accounts::set_disabled(db, id, true, ADMIN, now)
        .await
        .unwrap();

    let entries = exported(db).await;
    let summary: Vec<(i64, &str, &str, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["seq"].as_i64().unwrap(),
                e["actor"].as_str().unwrap(),
                e["action"].as_str().unwrap(),
                e["subject"].as_str().unwrap(),
            )
        })
        .collect();
    let case = filed.case_number.as_str();
    assert_eq!(
        summary,
        [
            (1, "public", "report.received", case),
            (2, "siti", "case.transition", case),
            (3, "siti", "case.message", case),
            (4, "reporter", "case.message", case),
            (
                5,
                "kustodian",
                "identity.reveal",
                filed.report_number.as_str()
            ),
            (6, "admin", "account.create", "dewi"),
            (7, "admin", "account.reset_password", "dewi"),
            (8, "admin", "account.disable", "dewi"),
        ]
    );
    assert_eq!(
        entries[1]["details"],
        serde_json::json!({"event": 2, "kind": "start_verification", "from": "received", "to": "verification"}),
        "a transition names the event it records, not the free text in it"
    );
    assert_eq!(
        entries[4]["details"]["reason"],
        "the reporter must be heard as a witness"
    );
    let report = audit::verify(db).await.unwrap();
    assert_eq!(report.broken, None);
    assert_eq!(report.entries, 8);
    assert_eq!(
        report.last_hash.as_deref(),
        entries[7]["hash"].as_str(),
        "the last hash is the one to keep elsewhere"
    );
    assert_eq!(entries[0]["prev_hash"], audit::GENESIS);
}

async fn a_row_changed_behind_the_systems_back_is_named(db: &Db) {
    append_some(db, 5).await;
    let refused = sql("UPDATE audit_log SET details = '{\"n\": 99}' WHERE seq = 3")
        .execute_alone(db)
        .await;
    assert!(
        refused.is_err(),
        "the table refuses edits while its trigger stands"
    );
    drop_append_only_triggers(db).await;
    sql("UPDATE audit_log SET details = '{\"n\": 99}' WHERE seq = 3")
        .execute_alone(db)
        .await
        .unwrap();
    let report = audit::verify(db).await.unwrap();
    let broken = report.broken.expect("a changed row is found");
    assert_eq!(
        broken,
        Break {
            seq: 3,
            problem: Problem::WrongHash
        }
    );
    assert_eq!(
        broken.to_string(),
        "entry 3: its hash does not match its content (changed after it was written?)"
    );
    assert_eq!(report.entries, 5, "the rest of the log is still read");
}

async fn a_deleted_row_shows_as_a_gap(db: &Db) {
    append_some(db, 6).await;
    drop_append_only_triggers(db).await;
    sql("DELETE FROM audit_log WHERE seq IN (3, 4)")
        .execute_alone(db)
        .await
        .unwrap();
    let broken = audit::verify(db).await.unwrap().broken.unwrap();
    assert_eq!(
        broken,
        Break {
            seq: 3,
            problem: Problem::Missing { last: 4 }
        }
    );
    assert_eq!(
        broken.to_string(),
        "entry 3: it and the entries after it up to 4 are missing (deleted?)"
    );
}

/// An intruder who also recomputes the changed row's hash is caught by the next row's link.
async fn a_rewritten_row_breaks_the_next_link(db: &Db) {
    append_some(db, 4).await;
    drop_append_only_triggers(db).await;
    sql("UPDATE audit_log SET actor = 'someone else', hash = $1 WHERE seq = 2")
        .bind("ab".repeat(32))
        .execute_alone(db)
        .await
        .unwrap();
    assert_eq!(
        audit::verify(db).await.unwrap().broken.unwrap().seq,
        2,
        "its own hash no longer matches what it says"
    );
    let mut rows = audit::about(db, "subject-1").await.unwrap();
    let mut row = rows.remove(0);
    assert_eq!(row.actor, "someone else");
    row.hash = row.expected_hash();
    sql("UPDATE audit_log SET hash = $1 WHERE seq = 2")
        .bind(row.hash)
        .execute_alone(db)
        .await
        .unwrap();
    assert_eq!(
        audit::verify(db).await.unwrap().broken,
        Some(Break {
            seq: 3,
            problem: Problem::WrongLink
        })
    );
}

/// Many transactions appending at once: on PostgreSQL each waits for the log's lock, so no two
/// take the same place (the primary key would refuse the second, failing this test).
async fn concurrent_appends_stay_one_chain(db: &Db) {
    const WRITERS: i64 = 40;
    let tasks: Vec<_> = (0..WRITERS)
        .map(|i| {
            let db = db.clone();
            tokio::spawn(async move { append_one(&db, i).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let report = audit::verify(db).await.unwrap();
    assert_eq!(report.broken, None);
    assert_eq!(report.entries, WRITERS);
}

async fn export_writes_every_column(db: &Db) {
    append_some(db, 3).await;
    let mut csv = Vec::new();
    let written = audit::export(db, ExportFormat::Csv, &mut csv)
        .await
        .unwrap();
    assert_eq!(written, 3);
    let text = String::from_utf8(csv).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("seq,at,actor,actor_role,action,subject,details,prev_hash,hash")
    );
    let first = lines.next().unwrap();
    assert!(
        first.starts_with("1,2024-10-01T03:00:00.000000Z,tester,verifier,test.append,subject-0,"),
        "{first}"
    );
    assert!(first.contains(audit::GENESIS), "{first}");
    assert_eq!(lines.count(), 2);
}

async fn append_some(db: &Db, n: i64) {
    for i in 0..n {
        append_one(db, i).await;
    }
}

async fn append_one(db: &Db, i: i64) {
    let mut tx = db.begin().await.unwrap();
    let subject = format!("subject-{i}");
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: audit::Actor {
                name: "tester",
                role: "verifier",
            },
            action: "test.append",
            subject: Some(&subject),
            details: serde_json::json!({ "n": i, "text": "ä \"quoted\"" }),
        },
        at("2024-10-01T03:00:00Z"),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

/// What an intruder with the database's owner rights does first.
async fn drop_append_only_triggers(db: &Db) {
    match db.backend() {
        Backend::Sqlite => {
            sql("DROP TRIGGER audit_log_no_update")
                .execute_alone(db)
                .await
                .unwrap();
            sql("DROP TRIGGER audit_log_no_delete")
                .execute_alone(db)
                .await
                .unwrap();
        }
        Backend::Postgres => {
            sql("DROP TRIGGER audit_log_append_only ON audit_log")
                .execute_alone(db)
                .await
                .unwrap();
        }
    }
}

async fn exported(db: &Db) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    audit::export(db, ExportFormat::JsonLines, &mut out)
        .await
        .unwrap();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

async fn the_log_is_paged_newest_first(db: &Db) {
    let now = at("2024-10-01T03:00:00Z");
    for i in 0..5_i64 {
        let seq = audit::record(
            db,
            &audit::Entry {
                actor: ADMIN,
                action: "audit.export",
                subject: None,
                details: serde_json::json!({ "n": i }),
            },
            now + Duration::seconds(i),
        )
        .await
        .unwrap();
        assert_eq!(seq, i + 1);
    }
    let seqs = |records: Vec<audit::Record>| records.iter().map(|r| r.seq).collect::<Vec<_>>();
    assert_eq!(seqs(audit::latest(db, None, 2).await.unwrap()), [5, 4]);
    assert_eq!(
        seqs(audit::latest(db, Some(4), 10).await.unwrap()),
        [3, 2, 1]
    );
    assert!(audit::latest(db, Some(1), 10).await.unwrap().is_empty());
    assert!(audit::verify(db).await.unwrap().broken.is_none());
}
