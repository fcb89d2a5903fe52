//! Leads of the social-media screening engine (`netral-screen`): partisan-looking activity of
//! civil servants, kept for a person to review, never as a verdict. The engine writes them
//! ([`leads::record_leads`]); the back office lists them per civil servant and election
//! ([`queue`]), and a reviewer accepts one — filing a report on the Lead channel with the
//! activity as its evidence — or rejects it, which is remembered ([`review`]). Leads not
//! accepted are deleted after the retention period ([`leads::purge_before`]).

pub mod engine;
pub mod leads;
pub mod queue;
pub mod review;

pub use leads::{Lead, NewLead, purge_before, record_leads};
