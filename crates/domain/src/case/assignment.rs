//! Who works on a case now. A case is assigned to one staff member at a time, whose role
//! handles the case's current stage; when the case moves to a stage that role does not handle,
//! the assignment ends by itself, so "my cases" only ever lists cases one can act on. Who may
//! assign whom is an access rule: see [`crate::access::may_assign`].

use serde::{Deserialize, Serialize};

use super::{ActionKind, CaseState, Role, permitted};

/// The staff member a case is assigned to: their user name and the role they hold it in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignee {
    pub user: String,
    pub role: Role,
}

/// The roles that take the stage's decisions: whoever may act on a case in `state`, desk work
/// aside. Empty for a final state.
pub fn stage_handlers(state: CaseState) -> Vec<Role> {
    let mut roles: Vec<Role> = ActionKind::ALL
        .into_iter()
        .filter(|kind| !matches!(kind, ActionKind::Assign | ActionKind::LinkSubject))
        .filter_map(|kind| permitted(kind, state))
        .flat_map(|(_, roles)| roles.iter().copied())
        .collect();
    roles.sort();
    roles.dedup();
    roles
}
