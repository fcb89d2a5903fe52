//! How many durable writes per second the disk takes: append 512 bytes and fsync, in a loop, in
//! the folder where the database lives. The peer figure for the intake benchmark: a durable
//! submission needs at least one fsync, so this bounds what a single writer can do.

use std::io::Write;
use std::time::{Duration, Instant};

use clap::Parser;

#[derive(Parser)]
struct Args {
    /// Folder to write the probe file in (same disk as the database).
    #[arg(long)]
    dir: std::path::PathBuf,
    #[arg(long, default_value_t = 3)]
    seconds: u64,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let path = args.dir.join("fsync-probe");
    let mut file = std::fs::File::create(&path)?;
    let until = Instant::now() + Duration::from_secs(args.seconds);
    let mut count = 0u64;
    while Instant::now() < until {
        file.write_all(&[b'x'; 512])?;
        file.sync_data()?;
        count += 1;
    }
    std::fs::remove_file(&path)?;
    println!(
        "fsyncs={count} seconds={} rate={:.0}",
        args.seconds,
        count as f64 / args.seconds as f64
    );
    Ok(())
}
