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
    /// Import data files: agencies, the civil-service roster, KPU candidate lists, and
    /// prevention records (integrity pacts, unpaid leave, resignations).
    #[command(subcommand)]
    Import(ImportCommand),
    /// Generate a synthetic, believable country for tests, benchmarks and demonstrations:
    /// agencies, a SIASN roster, KPU candidate lists with planted civil servants (and the
    /// ground truth), and a case history. The same seed and sizes give identical files.
    Synth(SynthArgs),
    /// Screen public social-media activity (JSON Lines) for civil servants' partisan signals
    /// during one election: leads for review, never verdicts. Activity of accounts that map to
    /// no civil servant is dropped after screening and written nowhere.
    Screen(ScreenArgs),
    /// Cross-check candidate lists against the roster: which candidates are civil servants,
    /// or married to one. Proposals with an explanation, for review — never verdicts.
    Link(LinkArgs),
    /// The tamper-evident audit log: every case transition, message, look at a reporter's
    /// identity, account change and sign-in, chained by SHA-256 hashes.
    #[command(subcommand)]
    Audit(AuditCommand),
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
    #[command(flatten)]
    pub mail: MailArgs,
    /// The smallest count the public statistics page shows: counts from 1 to one less are
    /// withheld, so that no person can be singled out.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(2..))]
    pub public_min_cell: u64,
    /// Days a screening lead is kept when nobody accepted it into a report (open or rejected
    /// leads older than this are deleted when new activity comes in).
    #[arg(long, default_value_t = 180, value_parser = clap::value_parser!(u32).range(1..))]
    pub lead_retention_days: u32,
}

/// Outgoing mail: deadline reminders, overdue notices, recommendations for the PPK liaison,
/// stage notices for reporters. Mail waits in the database's outbox and is retried when the
/// server cannot be reached.
#[derive(Debug, Args)]
pub struct MailArgs {
    /// SMTP server to send mail through (plain SMTP, e.g. a relay on this host). Without it,
    /// mail is kept in the outbox, unsent, and a warning is logged.
    #[arg(long, env = "NETRAL_SMTP_HOST")]
    pub smtp_host: Option<String>,
    #[arg(long, env = "NETRAL_SMTP_PORT", default_value_t = 25)]
    pub smtp_port: u16,
    /// Sender of Netral's mail.
    #[arg(
        long,
        env = "NETRAL_SMTP_FROM",
        default_value = "Netral <netral@localhost>"
    )]
    pub smtp_from: String,
    /// User name, when the server asks for one (then --smtp-password-file too).
    #[arg(long, env = "NETRAL_SMTP_USER", requires = "smtp_password_file")]
    pub smtp_user: Option<String>,
    /// File holding the SMTP password (a file, so the password shows in no process list).
    #[arg(long, env = "NETRAL_SMTP_PASSWORD_FILE", requires = "smtp_user")]
    pub smtp_password_file: Option<PathBuf>,
    /// Upgrade the connection with STARTTLS (needs a build with the `starttls` feature).
    #[arg(long, env = "NETRAL_SMTP_STARTTLS")]
    pub smtp_starttls: bool,
    /// Days before a deadline that the staff acting on a case are reminded.
    #[arg(long, env = "NETRAL_REMINDER_DAYS", default_value_t = 2)]
    pub reminder_days: u32,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Check the rules folder and list what it holds; exits non-zero naming the file, line and
    /// field of the first error. Run it after editing a rules file, before restarting.
    CheckRules(RulesArgs),
    /// Create a back-office account: the first administrator, or any account from a script.
    /// Without --password-stdin a temporary password is made, printed once, and must be
    /// replaced at first sign-in. Custodians and administrators also set up an authenticator
    /// app (TOTP) at first sign-in.
    CreateUser(CreateUserArgs),
    /// Fill an empty database with demonstration data (the same as `serve --demo`).
    Demo {
        #[command(flatten)]
        database: DatabaseArgs,
        #[command(flatten)]
        rules: RulesArgs,
    },
}

#[derive(Debug, Args)]
pub struct CreateUserArgs {
    /// Sign-in name: 3 to 64 lower-case letters, digits, dots, hyphens or underscores.
    #[arg(long)]
    pub username: String,
    /// The person's full name, as pages and the audit log show it.
    #[arg(long)]
    pub name: String,
    /// verifier, reviewer, decision_maker, ppk_liaison, custodian, analyst or administrator.
    #[arg(long)]
    pub role: netral_domain::case::Role,
    /// Where the account acts: `national`, `province:CODE` (e.g. province:32) or
    /// `agency:CODE` (an agency's code, e.g. agency:3215).
    #[arg(long, default_value = "national")]
    pub scope: netral_domain::access::ScopeSpec,
    /// E-mail address for deadline reminders.
    #[arg(long)]
    pub email: Option<String>,
    /// Read the password from the first line of standard input instead of making one.
    #[arg(long)]
    pub password_stdin: bool,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import the civil-service roster from a SIASN export. Good rows are added or updated
    /// (keyed on the NIP, so importing again never duplicates); bad rows are listed in
    /// FILE.errors.csv with their line, column and problem. Agencies must already exist.
    Roster(RosterImportArgs),
    /// Import employing agencies. Columns: code, name, kind (central, province, regency, city),
    /// region_code (e.g. 32.15; empty only for central), ppk_title. Agencies are updated by
    /// code; names must stay unique ignoring case, punctuation and abbreviations ("Kab.").
    /// Import them before the roster, which finds agencies by name.
    Agencies(AgencyImportArgs),
    /// Import a KPU candidate list (DCS or DCT) for one election. Columns, as KPU names them:
    /// tingkat (dpr, dpd, dprd_provinsi, dprd_kabkota, kepala_daerah, wakil_kepala_daerah),
    /// dapil, nomorPartai and namaPartai (empty only for dpd), nomorUrut, namaLengkap (titles
    /// kept), jenisKelamin (L/P), and optionally tempatTinggal ("KAB. KARAWANG"; resolved to a
    /// region where it names one), namaPasangan, tanggalLahir (YYYY-MM-DD, DD-MM-YYYY,
    /// DD/MM/YYYY or YYYYMMDD). Candidates are updated by (election, tingkat, dapil, nomorPartai, nomorUrut).
    Candidates(CandidateImportArgs),
    /// Import integrity pacts (pakta integritas). Columns: nip (a person's pact) or agency_code
    /// (a pact signed for a whole agency), election (a code from the rules folder; empty for a
    /// standing pledge that counts for every election), signed_on, signatory (who signed for an
    /// agency), document (a file path relative to the list, stored as evidence). One pact per
    /// signer and election: importing again updates it.
    Pacts(PactImportArgs),
    /// Import unpaid-leave (CLTN) periods. Columns: nip, starts_on, ends_on, reason,
    /// decree_number, document (a file path relative to the list, stored as evidence). A period
    /// is found again by its NIP and start date.
    Leave(PreventionImportArgs),
    /// Import resignations of civil servants who run for office. Columns: nip, resigned_on,
    /// effective_on, decree_number, document (a file path relative to the list, stored as
    /// evidence). A resignation is found again by its NIP and date.
    Resignations(PreventionImportArgs),
    /// Import civil servants' declared social-media accounts. Columns: nip, platform (facebook,
    /// instagram, x or twitter, tiktok, youtube, threads, linkedin, whatsapp_channel, other),
    /// handle (@name or the profile's address), url, declared_on; a handle or a url is needed.
    /// An account belongs to one person and is found again by platform and handle, ignoring
    /// @, addresses and case: importing again updates it.
    Accounts(AccountImportArgs),
}

/// What every registry import takes. Bad rows are listed in FILE.errors.csv with their line,
/// column and problem; good rows go in. Dates: YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or YYYYMMDD.
#[derive(Debug, Args)]
pub struct RegistryFileArgs {
    /// CSV (comma, semicolon or tab; UTF-8, with or without BOM) or XLSX (first sheet); headers
    /// in any case.
    pub file: PathBuf,
    /// TOML file naming the columns of a file whose headers differ, one line per field, e.g.
    /// `code = "KODE INSTANSI"`.
    #[arg(long)]
    pub mapping: Option<PathBuf>,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args)]
pub struct AgencyImportArgs {
    #[command(flatten)]
    pub file: RegistryFileArgs,
}

#[derive(Debug, Args)]
pub struct CandidateImportArgs {
    #[command(flatten)]
    pub file: RegistryFileArgs,
    /// The election the list is for: its code (pemilu-2024) or its file's name (2024-pemilu)
    /// in the rules folder's elections/.
    #[arg(long)]
    pub election: String,
    #[command(flatten)]
    pub rules: RulesArgs,
}

#[derive(Debug, Args)]
pub struct EvidenceArgs {
    /// Folder whose `evidence/` receives the documents the list names.
    #[arg(long, env = "NETRAL_DATA_DIR", default_value = "netral-data")]
    pub data_dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct PactImportArgs {
    #[command(flatten)]
    pub file: RegistryFileArgs,
    #[command(flatten)]
    pub evidence: EvidenceArgs,
    #[command(flatten)]
    pub rules: RulesArgs,
}

#[derive(Debug, Args)]
pub struct PreventionImportArgs {
    #[command(flatten)]
    pub file: RegistryFileArgs,
    #[command(flatten)]
    pub evidence: EvidenceArgs,
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
    #[arg(
        long,
        default_value_t = netral_store::roster_import::DEFAULT_BATCH_SIZE as u32,
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    pub batch_size: u32,
    /// Writes the rows in the file's order instead of the NIP's: for `bench/import`, to
    /// measure what sorting saves.
    #[arg(long, hide = true)]
    pub file_order: bool,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct SynthArgs {
    #[command(subcommand)]
    pub corpus: Option<SynthCorpus>,
    /// Folder to write agencies.csv, roster.csv, candidates.csv, candidates-truth.csv and
    /// cases.csv into; created when missing, files in it replaced.
    #[arg(long, required = true)]
    pub out: Option<PathBuf>,
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

#[derive(Debug, Subcommand)]
pub enum SynthCorpus {
    /// A labelled social-media corpus for the screening engine: activity.jsonl, candidates.csv
    /// (KPU format, Pilkada pairs), accounts.csv (declared accounts), roster.csv (nip,name),
    /// watchlist.toml and truth.csv (line,violation,case). For election pilkada-2024.
    Activity(SynthActivityArgs),
}

#[derive(Debug, Args)]
pub struct SynthActivityArgs {
    /// Folder to write the files into; created when missing, files in it replaced.
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Activity records (lines of activity.jsonl).
    #[arg(long, default_value_t = 100_000)]
    pub records: u64,
    /// Rows of the candidate list (two per pair).
    #[arg(long, default_value_t = 2_000)]
    pub candidates: u64,
    /// Civil servants on the roster, each with one account.
    #[arg(long, default_value_t = 20_000)]
    pub civil_servants: u64,
}

#[derive(Debug, Args)]
pub struct ScreenArgs {
    /// JSON Lines files of activity records; `-` reads standard input.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The election screened: its code (pilkada-2024) or file name in the rules folder's
    /// elections/. Only records within its stages (registration to counting) are screened.
    #[arg(long)]
    pub election: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub rules: RulesArgs,
    /// The election's editable watchlist extras (nicknames, slogans, hashtags, campaign
    /// accounts); default RULES/watchlists/ELECTION.toml when it exists.
    #[arg(long)]
    pub watchlist: Option<PathBuf>,
    /// Write leads here as JSON Lines; standard output when absent.
    #[arg(long)]
    pub leads: Option<PathBuf>,
    /// Also record the leads in the database's review queue.
    #[arg(long)]
    pub store: bool,
    /// With --store: days a lead is kept when nobody accepted it into a report; older open
    /// and rejected leads are deleted after storing.
    #[arg(long, default_value_t = 180, value_parser = clap::value_parser!(u32).range(1..))]
    pub retain_days: u32,
    /// Only parse each line as JSON and count: the limit screening can reach on this input.
    #[arg(long)]
    pub parse_only: bool,
    /// Read the candidates from a KPU list (CSV) instead of the database.
    #[arg(long)]
    pub candidates: Option<PathBuf>,
    /// Read declared accounts from a list (nip,platform,handle,url) instead of the database.
    #[arg(long)]
    pub accounts: Option<PathBuf>,
    /// Read roster names from a CSV (SIASN's nipBaru,nama or nip,name) instead of the database.
    #[arg(long)]
    pub roster: Option<PathBuf>,
    /// Write the watchlist's normalised phrases (`kinds<TAB>phrase`) here, for baselines.
    #[arg(long)]
    pub export_patterns: Option<PathBuf>,
}

fn percent(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(value) if (0.0..=100.0).contains(&value) => Ok(value),
        _ => Err(format!("{text:?} is not a percentage between 0 and 100")),
    }
}

#[derive(Debug, Args)]
pub struct AccountImportArgs {
    #[command(flatten)]
    pub file: RegistryFileArgs,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute every entry's hash and check every link. Exits 0 printing the number of
    /// entries and the last hash (keep it elsewhere: a later check shows whether the log was
    /// rewritten since); exits non-zero naming the first broken entry.
    Verify(DatabaseArgs),
    /// Write every entry, hashes included, for an administrator or an outside check.
    Export(AuditExportArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AuditFormat {
    /// One row per entry with a header; `details` as JSON text.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

#[derive(Debug, Args)]
pub struct AuditExportArgs {
    #[arg(long, value_enum, default_value_t = AuditFormat::Jsonl)]
    pub format: AuditFormat,
    /// File to write; standard output when absent.
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LinkProfile {
    /// A SIASN roster against a KPU candidate list (and the spouses it declares).
    Kpu,
    /// Two files in the FEBRL layout (rec_id, given_name, surname, address, date_of_birth,
    /// soc_sec_id), for measuring the engine on the public FEBRL benchmark.
    Febrl,
}

#[derive(Debug, Args)]
pub struct LinkArgs {
    /// The roster (CSV or XLSX; SIASN's columns). Without it and --candidates, both come from
    /// the database for --election.
    #[arg(long, requires = "candidates")]
    pub roster: Option<PathBuf>,
    /// The candidate list (CSV or XLSX; KPU's columns); a candidate is named by its line.
    #[arg(long, requires = "roster")]
    pub candidates: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = LinkProfile::Kpu)]
    pub profile: LinkProfile,
    /// Write the proposals here: .csv or .xlsx (by extension); standard output (CSV) when
    /// absent. Files only: in database mode the proposals go to the review queue.
    #[arg(long, conflicts_with = "election")]
    pub out: Option<PathBuf>,
    /// Use this saved model instead of estimating one from the data.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Save the model used (estimated or loaded) here, as JSON.
    #[arg(long)]
    pub save_model: Option<PathBuf>,
    /// Match probability from which a pair is proposed as a match.
    #[arg(long, default_value_t = 0.99)]
    pub match_threshold: f64,
    /// Match probability from which a pair goes to clerical review.
    #[arg(long, default_value_t = 0.20)]
    pub review_threshold: f64,
    /// Worker threads; default: one per core.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Roster rows the model is estimated on (the first ones).
    #[arg(long, default_value_t = 400_000)]
    pub training_rows: usize,
    /// Hide the progress bar.
    #[arg(long)]
    pub no_progress: bool,
    /// Database mode: the election whose candidates are cross-checked against the roster in
    /// the database; the proposals go to the review queue.
    #[arg(long, conflicts_with_all = ["roster", "candidates"])]
    pub election: Option<String>,
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub rules: RulesArgs,
}
