//! Writes a roster CSV in SIASN's export shape for the import benchmark:
//! `roster-csv --rows 6000000 --out /tmp/roster.csv`.

use clap::Parser;
use netral_testkit::roster::{header, person};

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 1_000_000)]
    rows: u32,
    #[arg(long)]
    out: std::path::PathBuf,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut writer = csv::Writer::from_path(&args.out)?;
    writer.write_record(header())?;
    for i in 0..args.rows {
        writer.write_record(person(i))?;
    }
    writer.flush()?;
    println!("rows={} file={}", args.rows, args.out.display());
    Ok(())
}
