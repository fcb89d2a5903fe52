//! Statistics over cases: the funnel (reported → verified → proven → recommended → sanctioned,
//! with the side exits), breakdowns by any dimension, time to each stage, and small-cell
//! suppression for what is published. Pure: the store keeps one [`CaseFact`] per case, derived
//! from its event log; [`FactTable`] holds them compactly in memory and answers every query by
//! one scan, so a filter on any combination of dimensions costs the same.

mod fact;
mod filter;
mod position;
mod step;
mod suppress;
mod table;

pub use fact::{CaseFact, Milestone, Milestones};
pub use filter::{Dimension, Filter, UnknownDimension};
pub use position::{CLASSES as POSITION_CLASSES, position_class};
pub use step::{Funnel, Step};
pub use suppress::{Cell, suppress, suppress_column};
pub use table::{Duration, FactTable, Group};

#[cfg(test)]
mod tests;
