use std::io::BufRead;

use anyhow::Context;
use netral_store::accounts::{self, NewStaffUser};
use netral_store::audit;
use netral_store::vault::random_token;

use crate::args::{AdminCommand, CreateUserArgs};
use crate::demo;

pub async fn run(command: AdminCommand) -> anyhow::Result<()> {
    match command {
        AdminCommand::CheckRules(args) => {
            let book = super::load_rules(&args)?;
            println!("Rules folder {} is valid.", args.rules.display());
            for set in book.versions() {
                println!(
                    "  version {} from {}: {} violations, {} sanctions, {} stage clocks ({})",
                    set.version,
                    set.effective_from,
                    set.violations.len(),
                    set.sanctions.len(),
                    set.stages.len(),
                    set.oversight_body
                );
            }
            let years: Vec<String> = book.calendar().years().map(|y| y.to_string()).collect();
            println!("  holidays for {}", years.join(", "));
            Ok(())
        }
        AdminCommand::CreateUser(args) => create_user(args).await,
        AdminCommand::Demo { database, rules } => {
            let rules = super::load_rules(&rules)?;
            let db = super::open_database(&database).await?;
            let outcome = demo::fill(&db, &rules, chrono::Utc::now()).await?;
            println!("{outcome}");
            db.close().await;
            Ok(())
        }
    }
}

async fn create_user(args: CreateUserArgs) -> anyhow::Result<()> {
    let (password, made_here) = if args.password_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("while reading the password from standard input")?;
        (line.trim_end_matches(['\r', '\n']).to_owned(), false)
    } else {
        (random_token(12), true)
    };
    let db = super::open_database(&args.database).await?;
    let new = NewStaffUser {
        username: args.username,
        display_name: args.name,
        email: args.email,
        role: args.role,
        scope: args.scope,
        password: password.clone(),
        must_change_password: made_here,
    };
    let created = accounts::create_user(&db, &new, audit::Actor::SYSTEM, chrono::Utc::now()).await;
    db.close().await;
    let id = created?;
    let username = accounts::normalise_username(&new.username)?;
    println!(
        "Created account {username} (id {id}), role {}, scope {}.",
        new.role, new.scope
    );
    if made_here {
        println!("Temporary password (shown once, to be replaced at first sign-in): {password}");
    }
    Ok(())
}
