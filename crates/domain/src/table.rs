//! Tables read from files (CSV, spreadsheets): which columns a kind of file has, and one row's
//! text by column. Reading the files belongs to the store; what a column means belongs to each
//! kind of file (the roster, agencies, candidate lists, prevention records).

use std::fmt::Debug;
use std::marker::PhantomData;

pub use crate::roster::header_key;

/// The columns of one kind of file. The header is what files carry; the key is what a mapping
/// file names. Headers are matched ignoring case, spaces and punctuation (see [`header_key`]).
pub trait FileField: Copy + Eq + Debug + Send + Sync + 'static {
    /// Every column, in the order files usually have them; `index` is the position here.
    const ALL: &'static [Self];
    /// Who names the headers, for messages: "SIASN", "KPU", "Netral".
    const SOURCE: &'static str;

    fn index(self) -> usize;
    /// The header the source writes.
    fn header(self) -> &'static str;
    /// The name in a mapping file (the header is accepted there too).
    fn key(self) -> &'static str;
    /// Whether a file without this column cannot be imported at all.
    fn required(self) -> bool;

    /// The column a header names, by its header or its key.
    fn from_header(header: &str) -> Option<Self> {
        let wanted = header_key(header);
        Self::ALL
            .iter()
            .copied()
            .find(|f| header_key(f.header()) == wanted || header_key(f.key()) == wanted)
    }
}

/// The text of one row, by column; an absent column reads as empty. Buffers are reused from
/// row to row, as files may have millions of rows.
#[derive(Debug, Clone)]
pub struct TextRow<F> {
    values: Vec<String>,
    field: PhantomData<F>,
}

impl<F: FileField> Default for TextRow<F> {
    fn default() -> Self {
        TextRow {
            values: vec![String::new(); F::ALL.len()],
            field: PhantomData,
        }
    }
}

impl<F: FileField> TextRow<F> {
    pub fn new() -> Self {
        Self::default()
    }

    /// The value trimmed; `""` when absent.
    pub fn get(&self, field: F) -> &str {
        self.values[field.index()].trim()
    }

    /// The value trimmed, `None` when empty.
    pub fn optional(&self, field: F) -> Option<&str> {
        Some(self.get(field)).filter(|v| !v.is_empty())
    }

    pub fn set(&mut self, field: F, value: &str) {
        let slot = &mut self.values[field.index()];
        slot.clear();
        slot.push_str(value);
    }

    pub fn clear(&mut self) {
        self.values.iter_mut().for_each(String::clear);
    }

    /// A row from (field, value) pairs: for tests and callers that build rows by hand.
    pub fn of<'a>(values: impl IntoIterator<Item = (F, &'a str)>) -> Self {
        let mut row = Self::default();
        for (field, value) in values {
            row.set(field, value);
        }
        row
    }
}

/// What is wrong with one field of a row, in words for the person who fixes the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem<F> {
    pub field: F,
    pub message: String,
}

impl<F> FieldProblem<F> {
    pub fn new(field: F, message: impl Into<String>) -> Self {
        FieldProblem {
            field,
            message: message.into(),
        }
    }
}

/// Collects a row's problems while its fields are parsed one by one, so that one pass names
/// every problem of the row, not just the first.
#[derive(Debug)]
pub struct Problems<F> {
    found: Vec<FieldProblem<F>>,
}

impl<F> Default for Problems<F> {
    fn default() -> Self {
        Problems { found: Vec::new() }
    }
}

impl<F> Problems<F> {
    /// The value, or `None` after noting the problem.
    pub fn check<T>(&mut self, field: F, result: Result<T, String>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(message) => {
                self.found.push(FieldProblem::new(field, message));
                None
            }
        }
    }

    pub fn push(&mut self, field: F, message: impl Into<String>) {
        self.found.push(FieldProblem::new(field, message));
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    pub fn into_vec(self) -> Vec<FieldProblem<F>> {
        self.found
    }
}

/// Declares the columns of a kind of file: an enum and its [`FileField`] implementation, one
/// line per column: `Variant => ("header", "key", required)`.
#[macro_export]
macro_rules! file_fields {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident from $source:literal {
            $( $(#[$vmeta:meta])* $variant:ident => ($header:literal, $key:literal, $required:expr) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $crate::table::FileField for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];
            const SOURCE: &'static str = $source;

            fn index(self) -> usize {
                self as usize
            }

            fn header(self) -> &'static str {
                match self {
                    $($name::$variant => $header),+
                }
            }

            fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }

            fn required(self) -> bool {
                match self {
                    $($name::$variant => $required),+
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::file_fields! {
        enum Demo from "Netral" {
            Code => ("code", "code", true),
            FullName => ("namaLengkap", "name", false),
        }
    }

    #[test]
    fn fields_are_found_by_header_or_key_in_any_case() {
        assert_eq!(Demo::from_header("NAMA LENGKAP"), Some(Demo::FullName));
        assert_eq!(Demo::from_header("name"), Some(Demo::FullName));
        assert_eq!(Demo::from_header("Code"), Some(Demo::Code));
        assert_eq!(Demo::from_header("nama"), None);
        assert_eq!(Demo::ALL.len(), 2);
        let row = TextRow::of([(Demo::FullName, "  Budi  ")]);
        assert_eq!(row.get(Demo::FullName), "Budi");
        assert_eq!(row.optional(Demo::Code), None);
    }
}
