use crate::args::AdminCommand;
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
