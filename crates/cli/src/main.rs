//! `netral`: one binary for every part of Netral. This file only parses arguments and hands
//! over to a command; errors reach the user through anyhow, with their context chain.

mod args;
mod commands;
mod demo;
mod demo_accounts;
mod demo_cross_check;
mod demo_prevention;

use clap::Parser;

/// mimalloc instead of glibc's allocator: the link engine and the roster import allocate on
/// one thread and free on another by the million, where glibc's arenas spent a quarter of the
/// link run (decision 0028).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("NETRAL_LOG")
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = args::Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the async runtime starts");
    match runtime.block_on(commands::run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
