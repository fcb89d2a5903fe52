//! The command line. Help texts are the documentation most operators read: keep them exact.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Netral: reports of civil servants' (ASN) breaches of political neutrality, handled from
/// intake to sanction, with honest statistics.
#[derive(Debug, Parser)]
#[command(name = "netral", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web application (public portal and pages). Migrates the database first.
    Serve(ServeArgs),
    /// Create or update the database schema, then exit.
    Migrate(DatabaseArgs),
    /// Administration tasks.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Import data files: the civil-service roster.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Generate a synthetic, believable country for tests, benchmarks and demonstrations:
    /// agencies, a SIASN roster, KPU candidate lists with planted civil servants (and the
    /// ground truth), and a case history. The same seed and sizes give identical files.
    Synth(SynthArgs),
}

#[derive(Debug, Args)]
pub struct DatabaseArgs {
    /// Database URL: `sqlite:PATH` (embedded; the file is created when missing) or
    /// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite:netral.db")]
    pub database: String,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Folder with the neutrality rules: `versions/*.toml` and `holidays/*.toml`.
    #[arg(long, env = "NETRAL_RULES", default_value = "rules")]
    pub rules: PathBuf,
}

#[derive(Debug, Args)]
pub struct DataArgs {
    /// Folder for evidence files (`evidence/`) and, unless --secret-key-file says otherwise,
    /// the secret key (`secret.key`, created with mode 600 when missing).
    #[arg(long, env = "NETRAL_DATA_DIR", default_value = "netral-data")]
    pub data_dir: PathBuf,
    /// Key that seals reporters' identities and signs receipts and forms: 64 hex characters.
    /// Keep it out of backups of the database; losing it makes sealed identities unreadable.
    #[arg(long, env = "NETRAL_SECRET_KEY_FILE")]
    pub secret_key_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct IntakeArgs {
    /// Largest evidence file accepted, in megabytes.
    #[arg(long, default_value_t = 20)]
    pub max_file_mb: u64,
    /// Most evidence files in one report or reply.
    #[arg(long, default_value_t = 10)]
    pub max_files: usize,
    /// Reports and replies one client may send per 10 minutes; 0 turns the limit off (load
    /// tests on a closed machine only).
    #[arg(long, default_value_t = 30)]
    pub submissions_per_client: i64,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Fill an empty database with demonstration agencies, civil servants and cases in every
    /// state. Does nothing when the database already holds cases.
    #[arg(long)]
    pub demo: bool,
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub rules: RulesArgs,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub intake: IntakeArgs,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Check the rules folder and list what it holds; exits non-zero naming the file, line and
    /// field of the first error. Run it after editing a rules file, before restarting.
    CheckRules(RulesArgs),
    /// Fill an empty database with demonstration data (the same as `serve --demo`).
    Demo {
        #[command(flatten)]
        database: DatabaseArgs,
        #[command(flatten)]
        rules: RulesArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import the civil-service roster from a SIASN export. Good rows are added or updated
    /// (keyed on the NIP, so importing again never duplicates); bad rows are listed in
    /// FILE.errors.csv with their line, column and problem. Agencies must already exist.
    Roster(RosterImportArgs),
}

#[derive(Debug, Args)]
pub struct RosterImportArgs {
    /// The export: CSV (comma, semicolon or tab; UTF-8, with or without BOM) or XLSX (first
    /// sheet), with SIASN's headers (nipBaru, nama, instansiIndukNama, …) in any case.
    pub file: PathBuf,
    /// TOML file naming the columns of a file whose headers are not SIASN's, one line per
    /// field, e.g. `nip = "NIP BARU"`.
    #[arg(long)]
    pub mapping: Option<PathBuf>,
    /// Rows written per transaction: an interruption loses at most one batch, and running the
    /// import again completes it.
    #[arg(long, default_value_t = 5000, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch_size: u32,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args)]
pub struct SynthArgs {
    /// Folder to write agencies.csv, roster.csv, candidates.csv, candidates-truth.csv and
    /// cases.csv into; created when missing, files in it replaced.
    #[arg(long)]
    pub out: PathBuf,
    /// Seed of every random choice.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Civil servants on the roster (PNS and PPPK).
    #[arg(long, default_value_t = 100_000)]
    pub roster: u64,
    /// Rows of the candidate list.
    #[arg(long, default_value_t = 20_000)]
    pub candidates: u64,
    /// Cases in the history (2,034 is the Pilkada 2020 count the shares come from).
    #[arg(long, default_value_t = 2_034)]
    pub cases: u64,
    /// Percentage of candidates who are roster civil servants.
    #[arg(long, default_value_t = 1.0, value_parser = percent)]
    pub plant_self: f64,
    /// Percentage of candidates whose spouse is a roster civil servant.
    #[arg(long, default_value_t = 0.5, value_parser = percent)]
    pub plant_spouse: f64,
}

fn percent(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(value) if (0.0..=100.0).contains(&value) => Ok(value),
        _ => Err(format!("{text:?} is not a percentage between 0 and 100")),
    }
}
