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

/// One column of counts whose total is published: fewer than `k` (but more than none) are
/// withheld, and where exactly one is, the smallest other non-zero count goes with it, so the
/// total minus the rest does not give it away. A zero stays shown: withholding it hides nothing.
pub fn suppress_column(counts: &[u64], k: u64) -> Vec<Cell> {
    let mut cells: Vec<Cell> = counts
        .iter()
        .map(|&n| {
            if n > 0 && n < k {
                Cell::Suppressed
            } else {
                Cell::Shown(n)
            }
        })
        .collect();
    if cells.iter().filter(|c| **c == Cell::Suppressed).count() == 1 {
        let smallest = cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c {
                Cell::Shown(n) if *n > 0 => Some((*n, i)),
                _ => None,
            })
            .min();
        if let Some((_, i)) = smallest {
            cells[i] = Cell::Suppressed;
        }
    }
    cells
}

/// The cells of a breakdown, one row per group and one column per step, each column withheld
/// as [`suppress_column`] does.
pub fn suppress(groups: &[Group], steps: &[Step], k: u64) -> Vec<Vec<Cell>> {
    let columns: Vec<Vec<Cell>> = steps
        .iter()
        .map(|step| {
            let counts: Vec<u64> = groups.iter().map(|g| g.funnel.get(*step)).collect();
            suppress_column(&counts, k)
        })
        .collect();
    (0..groups.len())
        .map(|row| columns.iter().map(|column| column[row]).collect())
        .collect()
}
