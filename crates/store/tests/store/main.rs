//! The store's conformance suite: every test runs on SQLite and on PostgreSQL (see
//! `netral-testkit`). One binary: each file in tests/ would link its own.

mod accounts;
mod agencies_import;
mod agency_overview;
mod api_tokens;
mod audit;
mod candidates;
mod case_desk;
mod case_facts;
mod case_work;
mod cases;
mod connect;
mod declared_accounts;
mod group_commit;
mod intake;
mod jobs;
mod letters;
mod linking;
mod lookup;
mod mail;
mod prevention;
mod regions;
mod roster_import;
mod rules_files;
mod schema;
mod screening;
