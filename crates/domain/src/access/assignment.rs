//! Who may give a case to whom. Each stage has a lead who shares out its cases: the task force
//! (Satgas verifiers) for new reports and verification, Bawaslu's reviewers for review, the
//! decision makers from the finding on (recommendation, the PPK's follow-up, escalation,
//! appeal). The lead may assign any staff member who handles the stage, reassign a case, or
//! take it; anyone else who handles the stage may only take an unassigned case for
//! themselves ("Ambil"). The state machine checks that the assignee's role handles the stage;
//! the store checks that the assignee's scope covers the case.

use crate::case::{CaseState, Role, stage_handlers};

/// The role that shares out cases in `state`; none for a final state.
pub fn stage_lead(state: CaseState) -> Option<Role> {
    use CaseState as S;
    match state {
        S::Received | S::Verification => Some(Role::Verifier),
        S::Review => Some(Role::Reviewer),
        S::Recommendation
        | S::AwaitingFollowUp
        | S::FollowUpRefused
        | S::Warned
        | S::DataBlocked
        | S::Sanctioned
        | S::Appeal => Some(Role::DecisionMaker),
        S::Closed | S::Rejected | S::NotProven | S::Cancelled | S::Separated | S::Merged => None,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssignRefusal {
    #[error("a case that is `{0}` is finished: no one works on it")]
    Finished(CaseState),
    #[error("the role `{0}` does not handle a case that is `{1}`")]
    NotAHandler(Role, CaseState),
    #[error(
        "only a {lead} gives a case that is `{state}` to someone else; you may take an unassigned case for yourself"
    )]
    NotTheLead { lead: Role, state: CaseState },
    #[error("the case is already taken by `{0}`; a {1} may reassign it")]
    Taken(String, Role),
}

/// Whether `actor` (in `actor_role`) may assign a case in `state`, now assigned to `current`,
/// to the user `to`.
pub fn may_assign(
    actor: &str,
    actor_role: Role,
    state: CaseState,
    current: Option<&str>,
    to: &str,
) -> Result<(), AssignRefusal> {
    let Some(lead) = stage_lead(state) else {
        return Err(AssignRefusal::Finished(state));
    };
    if actor_role == lead {
        return Ok(());
    }
    if !stage_handlers(state).contains(&actor_role) {
        return Err(AssignRefusal::NotAHandler(actor_role, state));
    }
    if to != actor {
        return Err(AssignRefusal::NotTheLead { lead, state });
    }
    match current {
        None => Ok(()),
        Some(user) => Err(AssignRefusal::Taken(user.to_owned(), lead)),
    }
}
