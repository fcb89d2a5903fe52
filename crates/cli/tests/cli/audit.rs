//! `netral audit verify` and `export` as an operator runs them: an intact log says how many
//! entries it holds and its last hash; after a row is changed directly in the database (the
//! append-only trigger dropped first, as an intruder would), verify fails naming that entry.

use netral_store::{Backend, sql};
use netral_testkit::TestDb;

use crate::{netral, text};

fn run(args: &[&str]) -> std::process::Output {
    netral().args(args).output().unwrap()
}

async fn a_changed_row_is_named_by_verify(test_db: TestDb) {
    let url = test_db.url.as_str();
    for (username, role) in [("admin", "administrator"), ("siti", "verifier")] {
        let created = run(&[
            "admin",
            "create-user",
            "--database",
            url,
            "--name",
            "Petugas",
            "--username",
            username,
            "--role",
            role,
        ]);
        assert!(created.status.success(), "{}", text(&created));
    }

    let intact = run(&["audit", "verify", "--database", url]);
    assert!(intact.status.success(), "{}", text(&intact));
    let said = text(&intact);
    let last_hash = said
        .trim()
        .strip_prefix("audit log intact: 2 entries, last hash ")
        .unwrap_or_else(|| panic!("{said}"));
    assert_eq!(last_hash.len(), 64, "{said}");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("audit.jsonl");
    let exported = run(&[
        "audit",
        "export",
        "--database",
        url,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(exported.status.success(), "{}", text(&exported));
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["action"], "account.create");
    assert_eq!(lines[1]["actor"], "system");
    assert_eq!(lines[1]["details"]["role"], "verifier");
    assert_eq!(
        lines[1]["hash"], last_hash,
        "the export carries the same chain"
    );
    let csv = run(&["audit", "export", "--database", url, "--format", "csv"]);
    assert!(csv.status.success(), "{}", text(&csv));
    assert_eq!(String::from_utf8_lossy(&csv.stdout).lines().count(), 3);

    // Someone with the database's owner rights promotes siti in the record of her creation.
    let db = &test_db.db;
    let drop_trigger = match db.backend() {
        Backend::Sqlite => sql("DROP TRIGGER audit_log_no_update"),
        Backend::Postgres => sql("DROP TRIGGER audit_log_append_only ON audit_log"),
    };
    drop_trigger.execute_alone(db).await.unwrap();
    sql("UPDATE audit_log SET details = '{\"role\": \"administrator\", \"scope\": \"national\", \"user\": 2}' WHERE seq = 2")
        .execute_alone(db)
        .await
        .unwrap();

    let broken = run(&["audit", "verify", "--database", url]);
    assert!(!broken.status.success(), "{}", text(&broken));
    let said = text(&broken);
    assert!(
        said.contains(
            "audit log broken at entry 2: its hash does not match its content (changed after it was written?)"
        ),
        "{said}"
    );
    test_db.finish().await;
}

#[tokio::test]
async fn verify_names_a_row_changed_behind_its_back_on_sqlite() {
    a_changed_row_is_named_by_verify(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn verify_names_a_row_changed_behind_its_back_on_postgres() {
    a_changed_row_is_named_by_verify(TestDb::postgres().await).await;
}

#[test]
fn audit_help_documents_its_commands() {
    let help = text(&run(&["audit", "--help"]));
    assert!(help.contains("verify") && help.contains("export"), "{help}");
    let help = text(&run(&["audit", "export", "--help"]));
    assert!(help.contains("jsonl") && help.contains("--out"), "{help}");
}
