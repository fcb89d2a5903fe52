//! The public "Boleh atau tidak?" guide: a civil servant types an everyday question and learns
//! whether the act is allowed, allowed with conditions, or forbidden, why, on what legal basis,
//! what sanction it can bring and what to do instead. Entries are `[[guide]]` tables of a rule
//! set, so they answer from the same data as case handling and change with it; the guide always
//! answers from the rule set in force today.
//!
//! Matching is in [`GuideIndex`]: the question and the entries' phrasings are reduced to terms
//! by [`crate::text`], and entries are scored by the rare words they share with the question.

mod answer;
mod entry;
mod index;
pub(crate) mod parse;
mod published;
mod search;

pub use answer::Answer;
pub use entry::{GuideEntry, Verdict};
pub use index::GuideIndex;
pub use published::answers_query;
pub use search::Hit;

#[cfg(test)]
mod tests;
