//! Persistence for Netral on SQLite (embedded, the default) and PostgreSQL (several nodes),
//! from one code base: the same SQL and the same functions on both, a migration tree per
//! backend, and a conformance suite that runs every store test on both.

pub mod accounts;
pub mod audit;
pub mod case_desk;
pub mod case_facts;
pub mod case_work;
pub mod cases;
mod db;
mod error;
pub mod evidence;
mod group_commit;
pub mod import_runs;
pub mod intake;
pub mod jobs;
pub mod letters;
pub mod linking;
pub mod mail;
pub mod prevention;
pub mod rate_limit;
pub mod registry;
mod review_queue;
pub mod roster_import;
pub mod rules_files;
pub mod screening;
pub mod tabular;
pub mod thread;
pub mod vault;

pub use db::{Backend, Column, Db, On, Param, Row, Sql, Tx, redact, sql};
pub use error::StoreError;
