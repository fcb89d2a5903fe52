//! Taking a decision on a case, the one way the case page's forms and the JSON API both do it:
//! the role must take this action at the case's stage, the case must still be at the revision
//! the caller saw, and the domain must accept the facts. What is refused says why, so each
//! caller can answer in its own terms (a form with the problem, or a status and a field).

use chrono::Utc;
use netral_domain::case::{Action, ActionKind, CaseState, Role, TransitionError};
use netral_store::StoreError;
use netral_store::case_desk::CaseDetail;
use netral_store::cases::{self, Actor, CaseRecord};

use super::case_forms::available;
use crate::app::Ctx;
use crate::error::WebError;
use crate::staff::Staff;

/// Why a decision was not taken. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// The role takes this action at no stage of any case.
    NotForRole,
    /// The role takes it, but not at the case's stage (someone may have moved it on).
    NotNow,
    /// The case changed since the revision the caller saw.
    Stale,
    /// The domain refused: a fact missing or unknown, or a condition of the stage not met.
    Transition(TransitionError),
}

/// Whether `role` may take `kind` on a case that is `state`, and if not, why.
pub(crate) fn check(role: Role, state: CaseState, kind: ActionKind) -> Result<(), Refusal> {
    if available(role, state).contains(&kind) {
        Ok(())
    } else if CaseState::ALL
        .into_iter()
        .any(|s| available(role, s).contains(&kind))
    {
        Err(Refusal::NotNow)
    } else {
        Err(Refusal::NotForRole)
    }
}

/// Takes `action` on the case of `detail` (already opened within `staff`'s scope) as `staff`;
/// `seen` is the revision the caller looked at. Gives the case as it now is.
pub(crate) async fn decide(
    ctx: &Ctx,
    staff: &Staff,
    detail: &CaseDetail,
    seen: Option<i64>,
    action: &Action,
) -> Result<Result<CaseRecord, Refusal>, WebError> {
    if let Err(refusal) = check(staff.user.role, detail.case.state, action.kind()) {
        return Ok(Err(refusal));
    }
    let actor = Actor {
        name: staff.user.username.clone(),
        role: staff.user.role,
    };
    match cases::apply(
        &ctx.app.db,
        &ctx.app.rules,
        &detail.case.number,
        seen,
        &actor,
        action,
        Utc::now(),
    )
    .await
    {
        Ok(record) => Ok(Ok(record)),
        Err(StoreError::Conflict { .. }) => Ok(Err(Refusal::Stale)),
        Err(StoreError::Transition(e)) => Ok(Err(Refusal::Transition(e))),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_tells_the_wrong_role_from_the_wrong_stage() {
        let start = ActionKind::StartVerification;
        assert_eq!(check(Role::Verifier, CaseState::Received, start), Ok(()));
        assert_eq!(
            check(Role::Verifier, CaseState::Review, start),
            Err(Refusal::NotNow)
        );
        assert_eq!(
            check(Role::Reviewer, CaseState::Received, start),
            Err(Refusal::NotForRole)
        );
        for kind in ActionKind::ALL {
            assert_eq!(
                check(Role::Administrator, CaseState::Received, kind),
                Err(Refusal::NotForRole),
                "the administrator decides no case"
            );
        }
    }
}
