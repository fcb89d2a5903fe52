//! `Db::write`: on SQLite concurrent writes share a transaction (group commit). Whatever the
//! batching, a caller told "done" finds its write, a write that failed left nothing behind, and
//! the others in its batch are not hurt by it.

use netral_store::{Db, StoreError, sql};
use netral_testkit::TestDb;

async fn write_counter(db: Db, name: String, fail: bool) -> Result<(), StoreError> {
    db.write(move |tx| {
        let name = name.clone();
        Box::pin(async move {
            sql("INSERT INTO counters (name, value) VALUES ($1, 1)")
                .bind(&name)
                .execute(&mut *tx)
                .await?;
            if fail {
                return Err(StoreError::CaseNotFound(format!(
                    "planted failure after writing {name}"
                )));
            }
            Ok(())
        })
    })
    .await
}

async fn exists(db: &Db, name: &str) -> bool {
    sql("SELECT value FROM counters WHERE name = $1")
        .bind(name)
        .fetch_optional(db)
        .await
        .unwrap()
        .is_some()
}

async fn acknowledged_writes_are_kept_and_failed_batches_leave_nothing(test_db: TestDb) {
    let db = test_db.db.clone();
    let writers: Vec<_> = (0..200)
        .map(|i| {
            let db = db.clone();
            tokio::spawn(async move { (i, write_counter(db, format!("w{i}"), i % 50 == 7).await) })
        })
        .collect();
    let mut acknowledged = 0;
    for writer in writers {
        let (i, result) = writer.await.unwrap();
        let name = format!("w{i}");
        match result {
            Ok(()) => {
                acknowledged += 1;
                assert!(
                    exists(&db, &name).await,
                    "{name} was acknowledged but is missing"
                );
            }
            Err(StoreError::CaseNotFound(message)) => {
                assert!(message.contains(&name), "{message}");
                assert!(
                    !exists(&db, &name).await,
                    "{name} failed but its write was kept"
                );
            }
            Err(other) => panic!("{name}: only planted failures may fail, got {other}"),
        }
    }
    assert_eq!(acknowledged, 196, "a failure costs only its own write");
    let retried = write_counter(db.clone(), "after".into(), false).await;
    assert!(
        retried.is_ok(),
        "the writer goes on after a failed batch: {retried:?}"
    );
    test_db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_group_commit_keeps_exactly_what_it_acknowledged() {
    acknowledged_writes_are_kept_and_failed_batches_leave_nothing(TestDb::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_writes_keep_exactly_what_they_acknowledged() {
    acknowledged_writes_are_kept_and_failed_batches_leave_nothing(TestDb::postgres().await).await;
}

/// `checkpoint_between_writes` copies the whole WAL back, so the next write starts the WAL
/// over instead of appending to it: what keeps a long import's WAL from growing by everything
/// it writes.
#[tokio::test]
async fn a_checkpoint_between_writes_lets_the_wal_start_over() {
    let test_db = TestDb::sqlite().await;
    let db = test_db.db.clone();
    let wal =
        std::path::PathBuf::from(format!("{}-wal", test_db.url.trim_start_matches("sqlite:")));
    let write = |from: usize| {
        let db = db.clone();
        async move {
            let mut tx = db.begin().await.unwrap();
            for i in from..from + 2_000 {
                sql("INSERT INTO counters (name, value) VALUES ($1, 1)")
                    .bind(format!(
                        "counter {i:06} padded to fill a few pages of the WAL"
                    ))
                    .execute(&mut tx)
                    .await
                    .unwrap();
            }
            tx.commit().await.unwrap();
        }
    };
    // Ten transactions back to back, as an import's batches come: with a checkpoint between
    // each two, the WAL stays the size of one.
    db.checkpoint_between_writes().await.unwrap();
    write(0).await;
    let one = std::fs::metadata(&wal).unwrap().len();
    for round in 1..10 {
        db.checkpoint_between_writes().await.unwrap();
        write(round * 2_000).await;
    }
    let ten = std::fs::metadata(&wal).unwrap().len();
    assert!(
        ten < 2 * one,
        "each transaction reused the WAL from its start: {one} bytes after one, {ten} after ten"
    );
    test_db.finish().await;
    // PostgreSQL has nothing to checkpoint: a no-op, not an error.
    let pg = TestDb::postgres().await;
    pg.db.checkpoint_between_writes().await.unwrap();
    pg.finish().await;
}
