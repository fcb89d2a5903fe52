//! `netral audit verify` and `netral audit export`: checking the audit log's hash chain, and
//! handing it to someone who checks it elsewhere.

use std::fs::File;
use std::io::Write;

use anyhow::{Context, bail};
use netral_store::audit::{self, ExportFormat};

use crate::args::{AuditCommand, AuditExportArgs, AuditFormat, DatabaseArgs};

pub async fn run(command: AuditCommand) -> anyhow::Result<()> {
    match command {
        AuditCommand::Verify(database) => verify(&database).await,
        AuditCommand::Export(args) => export(args).await,
    }
}

async fn verify(database: &DatabaseArgs) -> anyhow::Result<()> {
    let db = super::open_database(database).await?;
    let report = audit::verify(&db).await;
    db.close().await;
    let report = report.context("while reading the audit log")?;
    if let Some(broken) = report.broken {
        bail!(
            "audit log broken at {broken}; {} entries read. Restore the database from a backup \
             taken before that entry's time and compare with an export",
            report.entries
        );
    }
    match report.last_hash {
        Some(hash) => println!(
            "audit log intact: {} entries, last hash {hash}",
            report.entries
        ),
        None => println!("audit log intact: 0 entries"),
    }
    Ok(())
}

async fn export(args: AuditExportArgs) -> anyhow::Result<()> {
    let format = match args.format {
        AuditFormat::Csv => ExportFormat::Csv,
        AuditFormat::Jsonl => ExportFormat::JsonLines,
    };
    let db = super::open_database(&args.database).await?;
    let written = match &args.out {
        Some(path) => {
            let file =
                File::create(path).with_context(|| format!("while creating {}", path.display()))?;
            audit::export(&db, format, file).await
        }
        None => audit::export(&db, format, std::io::stdout().lock()).await,
    };
    db.close().await;
    let written = written.context("while exporting the audit log")?;
    if let Some(path) = &args.out {
        println!("{written} audit entries written to {}", path.display());
    }
    std::io::stdout().flush()?;
    Ok(())
}
