//! Drives `POST /api/v1/reports` with N concurrent clients for a fixed time and prints the
//! durable submission rate and latency percentiles. Every counted submission was acknowledged
//! with 201, i.e. committed. Traffic goes only to the URL given (a server on this machine).

use std::time::{Duration, Instant};

use base64::Engine;
use clap::Parser;

#[derive(Parser)]
struct Args {
    /// Base URL of the server, e.g. http://127.0.0.1:8080
    #[arg(long)]
    url: String,
    #[arg(long, default_value_t = 64)]
    clients: usize,
    /// Measured seconds (after the warm-up).
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    #[arg(long, default_value_t = 2)]
    warmup: u64,
    /// Attach a small photo to every report (exercises the evidence store's fsyncs too).
    #[arg(long)]
    with_file: bool,
}

const PNG_HEADER: &[u8] = b"\x89PNG\r\n\x1a\n";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(args.clients)
        .build()?;
    let start = Instant::now();
    let measure_from = start + Duration::from_secs(args.warmup);
    let stop_at = measure_from + Duration::from_secs(args.seconds);
    let run_id = std::process::id();
    let clients = (0..args.clients).map(|client| {
        let (http, url, with_file) = (http.clone(), args.url.clone(), args.with_file);
        tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0u64;
            for n in 0u64.. {
                let sent_at = Instant::now();
                if sent_at >= stop_at {
                    break;
                }
                let mut body = serde_json::json!({
                    "channel": "bawaslu",
                    "incident_date": "2024-09-28",
                    "summary": format!("bench report {client}/{n}: membagikan stiker paslon di grup WhatsApp"),
                    "subject": { "nip": "198503122010011003" },
                    "violation_hints": ["MEDSOS_KAMPANYE"],
                });
                if with_file {
                    let mut file = PNG_HEADER.to_vec();
                    file.extend(format!("{run_id} {client} {n} ").repeat(40).bytes());
                    body["attachments"] = serde_json::json!([{ "name": "foto.png", "content_base64": base64::engine::general_purpose::STANDARD.encode(&file) }]);
                }
                let response = http
                    .post(format!("{url}/api/v1/reports"))
                    .header("Idempotency-Key", format!("bench-{run_id}-{client:04}-{n:010}"))
                    .json(&body)
                    .send()
                    .await;
                let ok = matches!(&response, Ok(r) if r.status().as_u16() == 201);
                if sent_at >= measure_from {
                    if ok {
                        latencies.push(sent_at.elapsed());
                    } else {
                        errors += 1;
                    }
                }
            }
            (latencies, errors)
        })
    });
    let mut latencies = Vec::new();
    let mut errors = 0;
    for client in futures_join(clients.collect()).await {
        let (mine, failed) = client?;
        latencies.extend(mine);
        errors += failed;
    }
    latencies.sort();
    let count = latencies.len();
    let pct = |p: f64| {
        latencies
            .get(((count as f64 * p) as usize).min(count.saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    let rate = count as f64 / args.seconds as f64;
    println!(
        "submissions={count} errors={errors} seconds={} rate={rate:.0} p50_ms={:.2} p99_ms={:.2} max_ms={:.2}",
        args.seconds,
        pct(0.50),
        pct(0.99),
        pct(1.0)
    );
    Ok(())
}

async fn futures_join<T>(
    handles: Vec<tokio::task::JoinHandle<T>>,
) -> Vec<Result<T, tokio::task::JoinError>> {
    let mut out = Vec::with_capacity(handles.len());
    for handle in handles {
        out.push(handle.await);
    }
    out
}
