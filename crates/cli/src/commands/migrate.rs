use crate::args::DatabaseArgs;

pub async fn run(args: DatabaseArgs) -> anyhow::Result<()> {
    let db = super::open_database(&args).await?;
    db.close().await;
    println!(
        "The database at {} is up to date.",
        netral_store::redact(&args.database)
    );
    Ok(())
}
