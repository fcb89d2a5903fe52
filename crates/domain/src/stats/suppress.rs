//! Small-cell suppression for published figures: a count of fewer than `k` cases (but more
//! than none) could point at a person, so it is withheld; and where one withheld count in a
//! column could be worked out from the column's published total, the next smallest is withheld
//! too.

use serde::Serialize;

use super::step::Step;
use super::table::Group;

/// A published count, or one withheld. Serialises as the number, or `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Shown(u64),
    Suppressed,
}

impl Cell {
    pub fn shown(self) -> Option<u64> {
        match self {
            Self::Shown(n) => Some(n),
            Self::Suppressed => None,
        }
    }
}

impl Serialize for Cell {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.shown().serialize(serializer)
    }
}

/// The cells of a breakdown, one row per group and one column per step, with fewer than `k`
/// withheld. Each column adds up to a published total (the funnel above the table), so a
/// column with exactly one withheld cell also loses its smallest other non-zero cell; a zero
/// stays shown, since withholding it hides nothing.
pub fn suppress(groups: &[Group], steps: &[Step], k: u64) -> Vec<Vec<Cell>> {
    let mut cells: Vec<Vec<Cell>> = groups
        .iter()
        .map(|g| {
            steps
                .iter()
                .map(|s| match g.funnel.get(*s) {
                    n if n > 0 && n < k => Cell::Suppressed,
                    n => Cell::Shown(n),
                })
                .collect()
        })
        .collect();
    for column in 0..steps.len() {
        let withheld = cells
            .iter()
            .filter(|row| row[column] == Cell::Suppressed)
            .count();
        if withheld != 1 {
            continue;
        }
        let smallest = cells
            .iter()
            .enumerate()
            .filter_map(|(i, row)| match row[column] {
                Cell::Shown(n) if n > 0 => Some((n, i)),
                _ => None,
            })
            .min();
        if let Some((_, row)) = smallest {
            cells[row][column] = Cell::Suppressed;
        }
    }
    cells
}
