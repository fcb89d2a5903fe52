use std::sync::Arc;

use anyhow::Context;
use netral_web::AppState;

use crate::args::ServeArgs;
use crate::demo;

pub async fn run(args: ServeArgs) -> anyhow::Result<()> {
    // Rules first: a broken rules file must stop the start before anything is touched.
    let rules = super::load_rules(&args.rules)?;
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
    let state = AppState {
        db: db.clone(),
        rules: Arc::new(rules),
    };
    netral_web::serve(listener, state, shutdown_signal()).await?;
    db.close().await;
    println!("Netral stopped.");
    Ok(())
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
