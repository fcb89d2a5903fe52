//! Crash test: reports are submitted under load, the server is killed with SIGKILL midway and
//! started again; every report for which a receipt was returned must be there, with its files,
//! on SQLite and on PostgreSQL.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use netral_store::Db;
use netral_store::evidence::EvidenceStore;
use netral_store::thread;
use netral_store::vault::ReceiptCode;
use netral_testkit::TestDb;
use sha2::{Digest, Sha256};

use crate::{netral, rules_dir};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(url: &str, data: &Path) -> (Server, String) {
    let child = netral()
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--submissions-per-client",
            "0",
            "--database",
            url,
            "--rules",
        ])
        .arg(rules_dir())
        .arg("--data-dir")
        .arg(data)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let lines = BufReader::new(server.0.stdout.take().unwrap()).lines();
    for line in lines {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("Netral is running at http://") {
            return (server, rest.split('/').next().unwrap().to_owned());
        }
    }
    panic!("the server stopped before printing its address");
}

/// An acknowledged submission: what the reporter holds, and the file they sent.
struct Acknowledged {
    number: String,
    code: String,
    sha256: String,
}

async fn submit_until_refused(
    address: String,
    client: usize,
    acknowledged: Arc<Mutex<Vec<Acknowledged>>>,
) {
    let http = reqwest::Client::new();
    for n in 0.. {
        let mut file = b"\x89PNG\r\n\x1a\n".to_vec();
        file.extend(format!("client {client} report {n}").bytes());
        let body = serde_json::json!({
            "channel": "bawaslu",
            "incident_date": "2024-09-28",
            "summary": format!("crash test report {client}/{n}"),
            "subject": { "description": "Kepala Seksi, Kecamatan Contoh" },
            "attachments": [{ "name": "foto.png", "content_base64": base64::engine::general_purpose::STANDARD.encode(&file) }]
        });
        let sent = http
            .post(format!("http://{address}/api/v1/reports"))
            .header("Idempotency-Key", format!("crash-test-{client:04}-{n:08}"))
            .json(&body)
            .timeout(Duration::from_secs(10))
            .send()
            .await;
        // A refused connection or a cut-off answer is the kill; anything else is a bug.
        let Ok(response) = sent else { return };
        let status = response.status().as_u16();
        if status != 201 {
            let body = response.text().await.unwrap_or_default();
            assert!(body.is_empty(), "unexpected answer {status}: {body}");
            return;
        }
        let Ok(receipt) = response.json::<serde_json::Value>().await else {
            return;
        };
        acknowledged.lock().unwrap().push(Acknowledged {
            number: receipt["report_number"].as_str().unwrap().to_owned(),
            code: receipt["receipt_code"].as_str().unwrap().to_owned(),
            sha256: hex_sha256(&file),
        });
    }
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn every_acknowledged_report_survives_sigkill(test_db: TestDb) {
    test_db.db.close().await;
    let data = tempfile::tempdir().unwrap();
    let (mut server, address) = start(&test_db.url, data.path());
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let clients: Vec<_> = (0..16)
        .map(|c| {
            tokio::spawn(submit_until_refused(
                address.clone(),
                c,
                acknowledged.clone(),
            ))
        })
        .collect();
    let started = Instant::now();
    while acknowledged.lock().unwrap().len() < 150 && started.elapsed() < Duration::from_secs(60) {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    // SIGKILL: no shutdown handler runs, nothing is flushed on the way out.
    server.0.kill().unwrap();
    server.0.wait().unwrap();
    for client in clients {
        client.await.unwrap();
    }
    let acknowledged = std::mem::take(&mut *acknowledged.lock().unwrap());
    assert!(
        acknowledged.len() >= 150,
        "only {} reports acknowledged before the kill",
        acknowledged.len()
    );

    let (_restarted, address) = start(&test_db.url, data.path());
    let health = reqwest::get(format!("http://{address}/healthz"))
        .await
        .unwrap();
    assert_eq!(health.status().as_u16(), 200);
    let db = Db::connect(&test_db.url).await.unwrap();
    let evidence = EvidenceStore::open(data.path().join("evidence")).unwrap();
    for ack in &acknowledged {
        let hash = ReceiptCode::parse(&ack.code).unwrap().hash();
        let view = thread::reporter_view(&db, &ack.number, &hash)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("report {} was acknowledged but is gone", ack.number));
        assert_eq!(view.attachments.len(), 1, "{}", ack.number);
        assert_eq!(view.attachments[0].sha256, ack.sha256, "{}", ack.number);
        evidence
            .get(&ack.sha256)
            .await
            .unwrap_or_else(|e| panic!("file of {} is unreadable: {e}", ack.number));
    }
    db.close().await;
    test_db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_keeps_every_acknowledged_report_through_sigkill() {
    every_acknowledged_report_survives_sigkill(TestDb::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_keeps_every_acknowledged_report_through_sigkill() {
    every_acknowledged_report_survives_sigkill(TestDb::postgres().await).await;
}
