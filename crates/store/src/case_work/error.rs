//! Why desk work on a case was refused, beyond the state machine's own refusals
//! ([`netral_domain::case::TransitionError`]). Each names what to put right.

use netral_domain::access::AssignRefusal;
use netral_domain::case::ActionKind;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseWorkError {
    #[error(
        "`{0}` is desk work: take it through netral_store::case_work, which checks the accounts, the roster and the cases it involves"
    )]
    NotThroughApply(ActionKind),
    #[error("case {0} is finished: nothing more can be done to it")]
    CaseFinished(String),
    #[error(transparent)]
    Assignment(#[from] AssignRefusal),
    #[error("no active staff account is named `{0}`")]
    UnknownAssignee(String),
    #[error("`{0}` works for a part of the country that does not include this case")]
    AssigneeOutOfScope(String),
    #[error(
        "the case is assigned to `{0}`, whose part of the country does not include the new agency: reassign it first"
    )]
    AssigneeWouldLoseCase(String),
    /// The NIP is not in the roster, or its agency lies outside the handler's scope: the two are
    /// told apart nowhere, so guessing NIPs reveals nothing.
    #[error("no civil servant with NIP {0} in the roster of your area")]
    SubjectNotFound(String),
    #[error(
        "the case's subject was changed meanwhile (now {}); reload it and try again",
        .current.as_deref().unwrap_or("none")
    )]
    SubjectChanged { current: Option<String> },
    #[error("a case cannot be merged into itself")]
    MergeIntoItself,
    #[error("no case {0} in your area")]
    MergeTargetNotFound(String),
    #[error(
        "case {duplicate} is about another civil servant than case {into}: correct its subject first if it is the same person"
    )]
    SubjectsDiffer { duplicate: String, into: String },
    /// Merging would take the duplicate out of the sight of those whose scope reaches it.
    #[error(
        "case {duplicate} is placed in another agency than case {into}: link case {into} to the same civil servant first"
    )]
    AcrossScopes { duplicate: String, into: String },
}
