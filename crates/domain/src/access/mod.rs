//! Who may see and touch what in the back office, apart from case transitions (which
//! [`crate::case::permitted`] decides): each staff account has a [`Role`] and a [`Scope`], and
//! both must allow an act. The server asks these functions on every request; pages only hide
//! what they would refuse anyway.

mod assignment;
mod scope;

pub use assignment::{AssignRefusal, may_assign, stage_lead};
pub use scope::{Scope, ScopeError, ScopeSpec};

use crate::case::Role;

/// Acts outside the case state machine that only some roles may perform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Capability {
    /// Open the work queues and case pages (subject, reports, evidence, thread). Changing a
    /// case is the state machine's to allow, per action.
    ViewCases,
    /// Search the roster and open a civil servant's record (personal data: NIP, NIK, birth).
    ViewRoster,
    /// Import roster, agency and candidate files.
    ImportRegistry,
    /// Create accounts, reset passwords, disable accounts.
    ManageAccounts,
    /// Read the audit log (and export it) and the mail outbox with its delivery log: the
    /// system's own records, which name staff but never a reporter.
    OperateSystem,
    /// Read aggregate figures. Every role that handles cases may; the analyst only this.
    ViewStatistics,
    /// See who reported (always logged, see the identity reveal in the store).
    RevealReporterIdentity,
    /// Prevention work for the agencies in scope: record socialization meetings and their
    /// attendance, read their surveys' results, and run the integrity-pact campaign (targets,
    /// reminders).
    RunPrevention,
    /// Answer the questions sent from the public "Boleh atau tidak?" guide, and publish the
    /// general ones back into it: the oversight body's advisory line.
    AnswerQuestions,
    /// Review the social-media screening engine's leads (activity of named civil servants)
    /// and accept one into a report or reject it: the task force's work before a report.
    ReviewLeads,
}

impl Capability {
    pub const ALL: [Capability; 10] = [
        Self::ViewCases,
        Self::ViewRoster,
        Self::ImportRegistry,
        Self::ManageAccounts,
        Self::OperateSystem,
        Self::ViewStatistics,
        Self::RevealReporterIdentity,
        Self::RunPrevention,
        Self::AnswerQuestions,
        Self::ReviewLeads,
    ];
}

/// Whether `role` may ever perform `capability` (its scope may still narrow what it reaches).
/// Least privilege: the analyst reads figures, never persons; the custodian keeps reporters'
/// identities and has no business in the roster; the administrator runs accounts and imports
/// but decides no case and sees no reporter.
pub fn role_may(role: Role, capability: Capability) -> bool {
    use Capability::*;
    use Role::*;
    match capability {
        // The custodian opens cases to find the report whose reporter must be revealed.
        ViewCases => matches!(
            role,
            Verifier | Reviewer | DecisionMaker | PpkLiaison | Custodian
        ),
        ViewRoster => matches!(
            role,
            Verifier | Reviewer | DecisionMaker | PpkLiaison | Administrator
        ),
        ImportRegistry | ManageAccounts | OperateSystem => role == Administrator,
        ViewStatistics => role != Custodian,
        RevealReporterIdentity => role == Custodian,
        // The agency's own liaison records its meetings; the task force and the oversight
        // official run them nationally or per province.
        RunPrevention => matches!(role, Verifier | DecisionMaker | PpkLiaison),
        AnswerQuestions => matches!(role, Verifier | Reviewer | DecisionMaker),
        ReviewLeads => role == Verifier,
    }
}

/// Roles whose accounts must sign in with a second factor (TOTP): the ones whose account, if
/// stolen, would expose reporters or hand out every other account.
pub fn requires_second_factor(role: Role) -> bool {
    matches!(role, Role::Custodian | Role::Administrator)
}

#[cfg(test)]
mod tests;
