//! One module per subcommand.

mod admin;
mod audit;
mod import;
mod link;
mod mail;
mod migrate;
mod registry_import;
mod screen;
mod serve;
mod synth;

use anyhow::Context;
use netral_domain::rules::RuleBook;
use netral_store::Db;
use netral_store::rules_files::load_rule_book;

use crate::args::{Cli, Command, DatabaseArgs, RulesArgs};

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve::run(args).await,
        Command::Migrate(args) => migrate::run(args).await,
        Command::Admin(command) => admin::run(command).await,
        Command::Import(command) => import::run(command).await,
        Command::Synth(args) => synth::run(args),
        Command::Screen(args) => screen::run(args).await,
        Command::Link(args) => link::run(args).await,
        Command::Audit(command) => audit::run(command).await,
    }
}

/// Connects and migrates: every command that touches the database starts here.
async fn open_database(args: &DatabaseArgs) -> anyhow::Result<Db> {
    let db = Db::connect(&args.database).await?;
    db.migrate()
        .await
        .with_context(|| format!("while migrating {}", netral_store::redact(&args.database)))?;
    Ok(db)
}

fn load_rules(args: &RulesArgs) -> anyhow::Result<RuleBook> {
    Ok(load_rule_book(&args.rules)?)
}
