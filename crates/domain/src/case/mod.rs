//! A case's life: its states, who may move it, and the transitions between them.

mod action;
mod assignment;
mod error;
mod reporting;
mod role;
mod state;
mod transition;

pub use action::{Action, ActionKind, AppealKind, AppealOutcome, RejectionReason, Separation};
pub use assignment::{Assignee, stage_handlers};
pub use error::TransitionError;
pub use reporting::ReportingStatus;
pub use role::{Role, UnknownRole};
pub use state::{CaseState, UnknownState};
pub use transition::{CaseFile, MAX_TEXT, decide, permitted};

#[cfg(test)]
mod desk_tests;
#[cfg(test)]
mod tests;
