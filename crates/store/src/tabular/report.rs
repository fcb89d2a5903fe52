//! The report of an import's bad rows: a CSV file `file,line,field,message` that a person can
//! open next to the file and fix it line by line, and the first problems kept for a summary.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use super::Problem;

/// How many problems a summary carries; the rest are only in the report file.
const PROBLEMS_KEPT: usize = 100;

#[derive(Debug, thiserror::Error)]
#[error("cannot write the report {path}: {source}")]
pub(crate) struct ReportError {
    pub path: String,
    pub source: std::io::Error,
}

pub(crate) struct ProblemReport {
    file_label: String,
    writer: Option<(csv::Writer<BufWriter<File>>, PathBuf)>,
    pub problems: u64,
    pub first_problems: Vec<Problem>,
}

impl ProblemReport {
    /// Creates the report file at once (with its header), so that an old report is never
    /// mistaken for this import's.
    pub fn create(path: Option<&Path>, file_label: String) -> Result<ProblemReport, ReportError> {
        let writer = match path {
            Some(path) => {
                let file = File::create(path).map_err(|e| report_error(path, e))?;
                let mut writer = csv::Writer::from_writer(BufWriter::new(file));
                writer
                    .write_record(["file", "line", "field", "message"])
                    .map_err(|e| report_error(path, e.into()))?;
                Some((writer, path.to_owned()))
            }
            None => None,
        };
        Ok(ProblemReport {
            file_label,
            writer,
            problems: 0,
            first_problems: Vec::new(),
        })
    }

    pub fn add(&mut self, line: u64, field: &str, message: String) -> Result<(), ReportError> {
        if let Some((writer, path)) = &mut self.writer {
            writer
                .write_record([self.file_label.as_str(), &line.to_string(), field, &message])
                .map_err(|e| report_error(path, e.into()))?;
        }
        self.problems += 1;
        if self.first_problems.len() < PROBLEMS_KEPT {
            self.first_problems.push(Problem {
                file: self.file_label.clone(),
                line,
                field: field.to_owned(),
                message,
            });
        }
        Ok(())
    }

    /// Flushes the file; gives the count and the first problems.
    pub fn finish(mut self) -> Result<(u64, Vec<Problem>), ReportError> {
        if let Some((mut writer, path)) = self.writer.take() {
            writer.flush().map_err(|e| report_error(&path, e))?;
        }
        Ok((self.problems, self.first_problems))
    }
}

fn report_error(path: &Path, source: std::io::Error) -> ReportError {
    ReportError {
        path: path.display().to_string(),
        source,
    }
}
