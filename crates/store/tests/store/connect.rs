//! Bad database URLs get a clear message naming the URL, never a hang or a panic.

use netral_store::{Db, StoreError};

#[tokio::test]
async fn an_unsupported_url_is_named() {
    let err = Db::connect("mysql://root@localhost/netral")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::UnsupportedUrl(_)));
    assert!(
        err.to_string().contains("mysql://root@localhost/netral")
            && err.to_string().contains("sqlite:"),
        "{err}"
    );
}

#[tokio::test]
async fn an_unreachable_postgres_is_named_without_its_password() {
    let err = Db::connect("postgres://netral:hunter2@127.0.0.1:1/netral")
        .await
        .unwrap_err();
    let message = err.to_string();
    assert!(matches!(err, StoreError::Connect { .. }), "{message}");
    assert!(
        message.contains("127.0.0.1:1") && !message.contains("hunter2"),
        "{message}"
    );
}

#[tokio::test]
async fn a_sqlite_file_in_a_missing_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}/no/such/folder/netral.db", dir.path().display());
    let err = Db::connect(&url).await.unwrap_err();
    assert!(err.to_string().contains("no/such/folder"), "{err}");
}

#[tokio::test]
async fn a_missing_sqlite_file_is_created_and_migrations_are_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.db");
    let db = Db::connect(&format!("sqlite:{}", path.display()))
        .await
        .unwrap();
    db.migrate().await.unwrap();
    db.migrate().await.unwrap();
    assert!(path.exists());
    let mode: String = netral_store::sql("PRAGMA journal_mode")
        .fetch_one(&db)
        .await
        .unwrap()
        .get("journal_mode")
        .unwrap();
    assert_eq!(mode, "wal");
    db.close().await;
}
