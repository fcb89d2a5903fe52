//! Screening of public social-media activity for civil servants' partisan signals. Records
//! (JSON Lines, see [`record`]) are normalised ([`normalise`]), matched against one election's
//! [`watchlist`] with a single automaton, weighed by the [`rules`], and tied to a civil servant
//! through declared accounts or a proposed name match ([`owner`]). What comes out are
//! [`lead::Lead`]s for a person to review: never verdicts, and nothing about accounts that map
//! to nobody.
//!
//! A pure library: the CLI and the web app read the candidate lists and accounts (from the
//! database or, for benchmarks, from files via [`sources`]) and call [`engine::Screener`].

pub mod engine;
pub mod evaluate;
pub mod lead;
pub mod normalise;
pub mod owner;
pub mod period;
pub mod record;
pub mod rules;
pub mod sources;
pub mod watchlist;

pub use engine::{Outcome, Scratch, Screener, Summary};
pub use lead::Lead;
pub use owner::{AccountBook, Owner, OwnerBasis};
pub use period::Period;
pub use record::{Action, Activity, LineError, parse_json_only, parse_line};
pub use rules::{Rule, RuleConfig};
pub use watchlist::{CandidateEntry, Extras, Watchlist, WatchlistBuilder};
