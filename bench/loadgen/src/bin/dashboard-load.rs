//! Measures the statistics' latency as a reader sees it: the back-office dashboard (HTML, with
//! a session), the case list behind a number, and the JSON API (with a token), each over a set
//! of filters, one request at a time. Prints the first request (which loads every case's facts
//! into memory) apart, then p50/p95 per group over `--rounds` passes.

use std::time::{Duration, Instant};

use anyhow::ensure;
use clap::Parser;

#[derive(Parser)]
struct Args {
    #[arg(long)]
    url: String,
    /// Session token for the `netral_sesi` cookie.
    #[arg(long)]
    session: String,
    /// API token.
    #[arg(long)]
    token: String,
    #[arg(long, default_value_t = 20)]
    rounds: usize,
}

const DASHBOARD: [&str; 5] = [
    "/kantor/statistik",
    "/kantor/statistik?province=32",
    "/kantor/statistik?violation=MEDSOS_KAMPANYE&election=pilkada-2020",
    "/kantor/statistik?position_type=jpt&phase=before&from=2024-01-01",
    "/kantor/statistik/perkara?step=sanctioned&province=32",
];

const API: [&str; 5] = [
    "/api/v1/statistics",
    "/api/v1/statistics?by=violation",
    "/api/v1/statistics?by=province&election=pemilu-2024",
    "/api/v1/statistics?by=month&agency_kind=regency",
    "/api/v1/public/statistics?by=province",
];

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let rank = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1].as_secs_f64() * 1000.0
}

async fn get(http: &reqwest::Client, url: &str, args: &Args) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let response = http
        .get(url)
        .header("cookie", format!("netral_sesi={}", args.session))
        .bearer_auth(&args.token)
        .send()
        .await?;
    let status = response.status();
    let body = response.bytes().await?;
    let took = started.elapsed();
    ensure!(
        status.is_success(),
        "{url}: {status}: {}",
        String::from_utf8_lossy(&body)
    );
    Ok(took)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let http = reqwest::Client::new();
    let cold = get(&http, &format!("{}{}", args.url, API[0]), &args).await?;
    println!(
        "first_request_ms={:.0} (loads every case's facts)",
        cold.as_secs_f64() * 1000.0
    );
    for (group, paths) in [("dashboard", &DASHBOARD[..]), ("api", &API[..])] {
        let mut took = Vec::new();
        for _ in 0..args.rounds {
            for path in paths {
                took.push(get(&http, &format!("{}{path}", args.url), &args).await?);
            }
        }
        took.sort();
        println!(
            "{group} requests={} p50_ms={:.1} p95_ms={:.1} max_ms={:.1}",
            took.len(),
            percentile(&took, 0.50),
            percentile(&took, 0.95),
            percentile(&took, 1.0)
        );
    }
    Ok(())
}
