//! Prevention work (see DOMAIN.md, "Prevention"): the guide's advisory line and how often its
//! answers are read, socialization meetings with their attendance and evaluation surveys, and
//! the integrity-pact campaign's targets and reminders. Pacts themselves are registry records
//! (`crate::registry::prevention`).

pub mod advisory;
pub mod guide_reads;
pub mod pact_campaign;
pub mod socialization;
pub mod survey_responses;
