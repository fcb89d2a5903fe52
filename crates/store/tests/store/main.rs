//! The store's conformance suite: every test runs on SQLite and on PostgreSQL. One binary (each
//! file in tests/ would link its own). PostgreSQL comes from NETRAL_TEST_POSTGRES_URL, default
//! postgres://postgres@127.0.0.1:5432/test; each test gets a database of its own. When
//! PostgreSQL is unreachable the PostgreSQL half fails: it is never skipped.

#[macro_use]
mod support;

mod cases;
mod connect;
mod jobs;
mod rules_files;
mod schema;
