//! The neutrality domain: who can be reported (identifiers, names), what is forbidden and what
//! it costs (rules as versioned data), and how a case moves from report to sanction (the state
//! machine and its deadlines). Pure: no I/O, no async, no database.

pub mod access;
pub mod calendar;
pub mod case;
pub mod deadline;
pub mod election;
pub mod guide;
pub mod ids;
pub mod letter;
pub mod registry;
pub mod report;
pub mod roster;
pub mod rules;
pub mod stats;
pub mod survey;
pub mod table;
pub mod text;
