use chrono::Duration;
use netral_store::Db;
use netral_store::jobs;
use netral_testkit::on_both;
use serde_json::json;

use netral_testkit::at;

async fn enqueue(db: &Db, queue: &str, run_at: &str, max_attempts: i64) -> i64 {
    let mut tx = db.begin().await.unwrap();
    let id = jobs::enqueue(
        &mut tx,
        queue,
        &json!({ "case": "NTR-2024-000001" }),
        at(run_at),
        max_attempts,
        at("2024-10-01T00:00:00Z"),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn a_job_exists_only_if_its_transaction_commits(db: &Db) {
    let mut tx = db.begin().await.unwrap();
    jobs::enqueue(
        &mut tx,
        "reminders",
        &json!({}),
        at("2024-10-01T00:00:00Z"),
        3,
        at("2024-10-01T00:00:00Z"),
    )
    .await
    .unwrap();
    drop(tx);
    assert_eq!(jobs::pending(db, "reminders").await.unwrap(), 0);
    enqueue(db, "reminders", "2024-10-01T00:00:00Z", 3).await;
    assert_eq!(jobs::pending(db, "reminders").await.unwrap(), 1);
}

async fn jobs_are_claimed_when_due_once_and_completed(db: &Db) {
    let later = enqueue(db, "mail", "2024-10-02T00:00:00Z", 3).await;
    let sooner = enqueue(db, "mail", "2024-10-01T06:00:00Z", 3).await;
    enqueue(db, "other", "2024-10-01T00:00:00Z", 3).await;
    let now = at("2024-10-01T12:00:00Z");
    let job = jobs::claim(db, "mail", "w1", Duration::minutes(5), now)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (job.id, job.attempts, job.queue.as_str()),
        (sooner, 1, "mail")
    );
    assert_eq!(job.payload["case"], "NTR-2024-000001");
    assert!(
        jobs::claim(db, "mail", "w2", Duration::minutes(5), now)
            .await
            .unwrap()
            .is_none(),
        "the later job is not due, the sooner one is leased"
    );
    assert!(jobs::complete(db, &job, "w1", now).await.unwrap());
    assert!(
        !jobs::complete(db, &job, "w1", now).await.unwrap(),
        "completing twice changes nothing"
    );
    let job = jobs::claim(
        db,
        "mail",
        "w2",
        Duration::minutes(5),
        at("2024-10-02T00:00:01Z"),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(job.id, later);
    assert_eq!(jobs::pending(db, "mail").await.unwrap(), 1);
}

async fn a_dead_workers_lease_runs_out_and_failures_retry_then_stop(db: &Db) {
    let id = enqueue(db, "mail", "2024-10-01T00:00:00Z", 2).await;
    let t0 = at("2024-10-01T12:00:00Z");
    let first = jobs::claim(db, "mail", "dead-worker", Duration::minutes(5), t0)
        .await
        .unwrap()
        .unwrap();
    assert!(
        jobs::claim(
            db,
            "mail",
            "w2",
            Duration::minutes(5),
            t0 + Duration::minutes(4)
        )
        .await
        .unwrap()
        .is_none()
    );
    let second = jobs::claim(
        db,
        "mail",
        "w2",
        Duration::minutes(5),
        t0 + Duration::minutes(6),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!((second.id, second.attempts), (id, 2));
    assert!(
        !jobs::complete(db, &first, "dead-worker", t0 + Duration::minutes(7))
            .await
            .unwrap(),
        "the old lease is void"
    );
    jobs::fail(
        db,
        &second,
        "w2",
        "SMTP 451",
        t0 + Duration::hours(1),
        t0 + Duration::minutes(7),
    )
    .await
    .unwrap();
    assert_eq!(
        jobs::pending(db, "mail").await.unwrap(),
        0,
        "two of two attempts used: set aside"
    );
    assert!(
        jobs::claim(
            db,
            "mail",
            "w3",
            Duration::minutes(5),
            t0 + Duration::days(1)
        )
        .await
        .unwrap()
        .is_none()
    );
}

async fn concurrent_workers_never_share_a_job(db: &Db) {
    for _ in 0..40 {
        enqueue(db, "bulk", "2024-10-01T00:00:00Z", 3).await;
    }
    let now = at("2024-10-01T12:00:00Z");
    let workers = (0..8).map(|w| {
        let db = db.clone();
        tokio::spawn(async move {
            let name = format!("w{w}");
            let mut mine = Vec::new();
            while let Some(job) = jobs::claim(&db, "bulk", &name, Duration::minutes(5), now)
                .await
                .unwrap()
            {
                assert!(jobs::complete(&db, &job, &name, now).await.unwrap());
                mine.push(job.id);
            }
            mine
        })
    });
    let mut all: Vec<i64> = futures::future::join_all(workers)
        .await
        .into_iter()
        .flat_map(Result::unwrap)
        .collect();
    all.sort();
    let claimed = all.len();
    all.dedup();
    assert_eq!((claimed, all.len()), (40, 40));
}

on_both!(
    a_job_exists_only_if_its_transaction_commits,
    jobs_are_claimed_when_due_once_and_completed,
    a_dead_workers_lease_runs_out_and_failures_retry_then_stop,
    concurrent_workers_never_share_a_job,
);
