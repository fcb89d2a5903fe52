//! One error for everything that can be wrong with a rules file, always naming the file, and
//! the line and field when there is one, so an administrator can fix it without reading code.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct RulesError {
    /// The file (or other source) the text came from.
    pub file: String,
    /// 1-based line, when the problem sits on one.
    pub line: Option<usize>,
    /// Dotted path of the field, e.g. `violations[3].suggested_sanction`.
    pub field: Option<String>,
    pub message: String,
}

impl RulesError {
    pub fn new(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line: None,
            field: None,
            message: message.into(),
        }
    }

    pub fn at(mut self, text: &str, byte_offset: usize) -> Self {
        self.line = Some(line_of(text, byte_offset));
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rules file {}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

fn line_of(text: &str, byte_offset: usize) -> usize {
    let end = byte_offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
