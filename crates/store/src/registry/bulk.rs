//! Multi-row statements: one `INSERT … VALUES (…), (…), …` per chunk of rows instead of one
//! statement per row, which is what makes loading reference data and rosters fast on both
//! backends.
//!
//! Statement text must be `'static` (values travel only as parameters, see [`crate::sql`]), and
//! a statement's text depends on how many rows it carries. Texts are therefore built once per
//! (statement, row count) and kept for the life of the process; [`chunk_sizes`] limits the row
//! counts used to the maximum and powers of two, so only a handful of texts ever exist.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// A multi-row statement: `head` ends just before `VALUES`, `tail` follows the last row.
pub(crate) struct Statement {
    pub head: &'static str,
    pub columns: usize,
    pub tail: &'static str,
    pub placeholders: Placeholders,
}

/// How parameters are written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placeholders {
    /// `$1, $2, …`: both backends read them.
    Numbered,
    /// `?, ?, …`: SQLite only. sqlx asks SQLite for each numbered parameter's name, and SQLite
    /// finds it by a linear search: thousands of `$N` in one statement cost seconds, `?` none.
    Anonymous,
}

impl Statement {
    /// The text for `rows` rows, with `$1…$n` placeholders row by row.
    pub fn text(&'static self, rows: usize) -> &'static str {
        static TEXTS: OnceLock<Mutex<HashMap<(usize, usize), &'static str>>> = OnceLock::new();
        let key = (std::ptr::from_ref(self) as usize, rows);
        let mut texts = TEXTS
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        texts.entry(key).or_insert_with(|| {
            let mut text = String::with_capacity(self.head.len() + rows * self.columns * 6);
            text.push_str(self.head);
            text.push_str(" VALUES ");
            for row in 0..rows {
                if row > 0 {
                    text.push_str(", ");
                }
                text.push('(');
                for column in 0..self.columns {
                    if column > 0 {
                        text.push_str(", ");
                    }
                    match self.placeholders {
                        Placeholders::Numbered => {
                            text.push('$');
                            text.push_str(&(row * self.columns + column + 1).to_string());
                        }
                        Placeholders::Anonymous => text.push('?'),
                    }
                }
                text.push(')');
            }
            text.push(' ');
            text.push_str(self.tail);
            // Bounded: at most log2(max) + 1 row counts per statement (see chunk_sizes).
            Box::leak(text.into_boxed_str())
        })
    }
}

/// Splits `total` rows into statement sizes: `max` while that many remain, then descending
/// powers of two, so that any total is covered by few statements of few distinct sizes.
pub(crate) fn chunk_sizes(total: usize, max: usize) -> impl Iterator<Item = usize> {
    let mut left = total;
    std::iter::from_fn(move || {
        if left == 0 {
            return None;
        }
        let size = if left >= max { max } else { 1 << left.ilog2() };
        left -= size;
        Some(size)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_total_with_few_sizes() {
        assert_eq!(chunk_sizes(0, 500).count(), 0);
        assert_eq!(
            chunk_sizes(1200, 500).collect::<Vec<_>>(),
            [500, 500, 128, 64, 8]
        );
        for total in 0..2000 {
            let sizes: Vec<usize> = chunk_sizes(total, 500).collect();
            assert_eq!(sizes.iter().sum::<usize>(), total);
            assert!(sizes.iter().all(|&s| s == 500 || s.is_power_of_two()));
        }
    }

    #[test]
    fn texts_number_placeholders_row_by_row() {
        static INSERT: Statement = Statement {
            head: "INSERT INTO t (a, b)",
            columns: 2,
            tail: "ON CONFLICT DO NOTHING",
            placeholders: Placeholders::Numbered,
        };
        assert_eq!(
            INSERT.text(2),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4) ON CONFLICT DO NOTHING"
        );
        assert!(std::ptr::eq(INSERT.text(2), INSERT.text(2)), "built once");
        static ANONYMOUS: Statement = Statement {
            head: "INSERT INTO t (a, b)",
            columns: 2,
            tail: "",
            placeholders: Placeholders::Anonymous,
        };
        assert_eq!(
            ANONYMOUS.text(2),
            "INSERT INTO t (a, b) VALUES (?, ?), (?, ?) "
        );
    }
}
