use std::sync::Arc;

use anyhow::Context;
use netral_store::evidence::EvidenceStore;
use netral_store::vault::Vault;
use netral_web::{AppState, ImportSettings, IntakeSettings, ScreeningSettings, StatisticsSettings};

use crate::args::{DataArgs, ServeArgs};
use crate::demo;

pub async fn run(args: ServeArgs) -> anyhow::Result<()> {
    // Rules first: a broken rules file must stop the start before anything is touched.
    let rules = super::load_rules(&args.rules)?;
    let (vault, evidence) = open_data(&args.data)?;
    let db = super::open_database(&args.database).await?;
    if args.demo {
        let outcome = demo::fill(&db, &rules, chrono::Utc::now()).await?;
        println!("{outcome}");
    }
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let address = listener.local_addr()?;
    println!(
        "Netral is running at http://{address}/ (database {}). Press Ctrl+C to stop.",
        netral_store::redact(&args.database.database)
    );
    let intake = IntakeSettings {
        max_file_bytes: args.intake.max_file_mb * 1024 * 1024,
        max_files: args.intake.max_files,
        submissions_per_window: args.intake.submissions_per_client,
        ..IntakeSettings::default()
    };
    let state = AppState {
        db: db.clone(),
        rules: Arc::new(rules),
        vault: Arc::new(vault),
        evidence,
        intake,
        imports: ImportSettings::in_folder(args.data.data_dir.join("imports")),
        mail: super::mail::settings(&args.mail)?,
        statistics: StatisticsSettings {
            min_public_cell: args.public_min_cell,
        },
        screening: ScreeningSettings {
            watchlist_dir: Some(args.rules.rules.join("watchlists")),
            lead_retention_days: args.lead_retention_days,
        },
    };
    // The job worker runs beside the web server and stops after it, finishing the job in hand.
    let (stop_worker, worker_stopped) = tokio::sync::oneshot::channel::<()>();
    let worker = tokio::spawn(netral_web::worker::run(state.clone(), async move {
        let _ = worker_stopped.await;
    }));
    let served = netral_web::serve(listener, state, shutdown_signal()).await;
    let _ = stop_worker.send(());
    let _ = worker.await;
    served?;
    db.close().await;
    println!("Netral stopped.");
    Ok(())
}

/// The secret key and the evidence folder; a new key is announced, since it must be kept safe.
fn open_data(args: &DataArgs) -> anyhow::Result<(Vault, EvidenceStore)> {
    let key_file = args
        .secret_key_file
        .clone()
        .unwrap_or_else(|| args.data_dir.join("secret.key"));
    let (vault, created) = Vault::load_or_create(&key_file)?;
    if created {
        println!(
            "Created a new secret key at {}: keep it safe and out of database backups.",
            key_file.display()
        );
    }
    let evidence = EvidenceStore::open(args.data_dir.join("evidence"))?;
    Ok((vault, evidence))
}

/// Ctrl+C or SIGTERM (what service managers send) start a graceful shutdown.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}
