//! The `netral` binary as an operator meets it: its help, its start, its errors. One test
//! binary for the crate (each file in tests/ would link its own).

mod accounts;
mod audit;
mod crash;
mod errors;
mod help;
mod import;
mod registry_import;
mod serve;
mod synth;

use std::path::PathBuf;
use std::process::{Command, Output};

pub fn netral() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_netral"));
    command
        .env_remove("DATABASE_URL")
        .env_remove("NETRAL_RULES")
        .env("NETRAL_LOG", "warn");
    command
}

pub fn rules_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../rules")
}

pub fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}
