//! The candidate cross-check (`netral-link`): one election's candidate lists against the
//! roster, to find civil servants who run for office (and must resign once designated) and
//! those whose spouse runs (and must take CLTN, unpaid leave, to accompany the campaign).
//!
//! A run ([`runs`]) streams the roster out of the database in id ranges into the engine on a
//! blocking thread and keeps its proposals, once per candidate, relation and civil servant
//! ([`proposals`]). The task force works the queue of open ones and accepts a pair — filing a
//! report of the right violation on the Lead channel, unless a resignation or CLTN record
//! already covers it — or rejects it, which is remembered ([`review`]). See
//! docs/decisions/0021-candidate-cross-check.md.

pub mod proposals;
pub mod review;
pub mod runs;
pub mod sources;

// The engine's options and explanation lines, for callers that do not depend on it.
pub use netral_link::{Contribution, LinkOptions};
pub use proposals::{Covering, OpenPage, Proposal, QueueLine, open_queue};
pub use review::{Decision, ReviewError, accept, reject};
pub use runs::{
    LinkRun, QueueOutcome, RunError, RunSummary, latest_run, queue_run, run_cross_check, run_queued,
};
