//! Record linkage: which candidates on a KPU list are civil servants, or married to one.
//!
//! The method is Splink's (Fellegi–Sunter): every pair that shares a blocking key is compared
//! field by field, each comparison lands in a level (exact, close, different, missing), and
//! each level carries a weight `log2(m / u)` — `m` the chance of that level among true pairs
//! (estimated by EM over the blocked pairs), `u` among random pairs (counted on a random
//! sample). A pair's score is the prior's weight plus its levels' weights, so its explanation
//! (one line a field) adds up to the score by construction. Common names (Siti, Sri, Nur,
//! Muhammad) weigh less when they agree than rare ones: the term-frequency adjustment.
//!
//! The small side (candidates, a few hundred thousand) is held in memory with its blocking
//! index; the big side (a roster of up to 6 million) streams through it once, so memory is
//! bounded by the small side and by the pairs worth keeping.

pub mod blocking;
mod bound;
pub mod compare;
pub mod engine;
pub mod febrl;
mod frequency;
mod index;
pub mod input;
pub mod kpu;
pub mod model;
pub mod normalise;
mod parallel;
pub mod record;

pub use engine::{LinkOptions, LinkOutcome, LinkStats, Linker};
pub use model::{Model, Thresholds};
pub use record::{Band, Contribution, FieldSpec, Proposal, Query, Record, Relation, Schema, Value};

#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("{file}: {message}")]
    Input { file: String, message: String },
    #[error("{file}, line {line}: {message}")]
    Line {
        file: String,
        line: u64,
        message: String,
    },
    #[error("the model file {file}: {message}")]
    Model { file: String, message: String },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}
