//! Why a transition was refused. Every variant names what is wrong: the action and the state,
//! the role, or the field, so the handler can put it right.

use chrono::NaiveDate;

use super::{ActionKind, CaseState, Role};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("`{action}` is not possible while the case is `{state}`")]
    NotAllowedFrom {
        action: ActionKind,
        state: CaseState,
    },
    #[error("the role `{role}` may not `{action}` a case that is `{state}`")]
    RoleNotPermitted {
        action: ActionKind,
        role: Role,
        state: CaseState,
    },
    #[error("`{field}` is required")]
    MissingField { field: &'static str },
    #[error("`{field}` is longer than {max} characters")]
    FieldTooLong { field: &'static str, max: usize },
    #[error("`{field}`: no violation `{code}` in rules {rules_version}")]
    UnknownViolation {
        field: &'static str,
        code: String,
        rules_version: String,
    },
    #[error("`{field}`: violation `{code}` is listed twice")]
    DuplicateViolation { field: &'static str, code: String },
    #[error("`{field}`: no sanction `{code}` in rules {rules_version}")]
    UnknownSanction {
        field: &'static str,
        code: String,
        rules_version: String,
    },
    #[error("`override_reason` is required: the rules suggest `{suggested}`")]
    OverrideReasonRequired { suggested: String },
    #[error("`{field}` ({date}) is in the future")]
    DateInFuture {
        field: &'static str,
        date: NaiveDate,
    },
    #[error("the PPK's deadline ({due}) has not passed yet")]
    DeadlineNotPassed { due: NaiveDate },
    #[error("the clock is already paused")]
    AlreadyPaused,
    #[error("the clock is not paused")]
    NotPaused,
    #[error("the role `{role}` does not handle a case that is `{state}`; assign someone who does")]
    AssigneeCannotHandle { role: Role, state: CaseState },
    #[error(
        "the case was assigned to {} meanwhile; reload it and try again",
        .current.as_deref().unwrap_or("nobody")
    )]
    AssignmentChanged { current: Option<String> },
    #[error("the case is already assigned to `{user}`")]
    AlreadyAssigned { user: String },
    #[error("the case is already linked to the civil servant with NIP {nip}")]
    AlreadyLinked { nip: String },
}
