//! Where files uploaded for import go, and how big they may be. A roster export of a whole
//! country is over a gigabyte: uploads are streamed to disk, never held in memory.

use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct ImportSettings {
    /// The folder uploads are kept in (with their error reports) while and after they run.
    pub dir: PathBuf,
    /// Largest upload accepted, in bytes.
    pub max_bytes: u64,
}

impl ImportSettings {
    /// `dir` with a 4 GiB limit: a 6-million-row SIASN export is about 1.5 GB.
    pub fn in_folder(dir: PathBuf) -> ImportSettings {
        ImportSettings {
            dir,
            max_bytes: 4 * 1024 * 1024 * 1024,
        }
    }

    /// Where the report of a run's bad rows is written.
    pub fn report_path(&self, stored_name: &str) -> PathBuf {
        self.dir.join(format!("{stored_name}.errors.csv"))
    }
}
