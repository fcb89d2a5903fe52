//! The neutrality rules as versioned data: violations on both tracks, sanctions, stage clocks,
//! and the holiday calendar. Files live in the repository's `rules/` folder; `rules/README.md`
//! documents the format.

mod book;
mod error;
mod model;
pub(crate) mod parse;

pub use book::{NoRulesInForce, RuleBook};
pub use error::RulesError;
pub use model::{
    Bilingual, LetterSettings, RuleSet, Sanction, Severity, StageClock, Track, Violation,
};
pub use parse::{HolidayYear, parse_holiday_year, parse_rule_set};

#[cfg(test)]
mod tests;
