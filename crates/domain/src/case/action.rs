//! What a handler can do to a case, with the facts each step must record. The serialised form
//! (`{"action": "reject", "reason": "duplicate", ...}`) is what the event log keeps.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Role;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum Action {
    StartVerification,
    PassVerification {
        note: String,
    },
    Reject {
        reason: RejectionReason,
        note: String,
    },
    Cancel {
        note: String,
    },
    MarkSeparated {
        separation: Separation,
        note: String,
    },
    /// Stops the stage's clock, typically while waiting on the reporter.
    PauseClock {
        reason: String,
    },
    ResumeClock,
    FindViolation {
        violations: Vec<String>,
        note: String,
    },
    FindNotProven {
        note: String,
    },
    /// `sanction` differing from the rules' suggestion needs `override_reason`.
    IssueRecommendation {
        letter_number: String,
        sanction: String,
        override_reason: Option<String>,
    },
    /// The PPK's decree, as recorded in I'DIS (BKN's discipline records).
    RecordFollowUp {
        decree_number: String,
        decree_date: NaiveDate,
        sanction: String,
    },
    RecordRefusal {
        reason: String,
    },
    Warn {
        letter_number: String,
    },
    /// Request to block the employee's personnel data in SIASN until the PPK acts.
    BlockData {
        request_number: String,
    },
    /// The PPK acted: its decree is recorded and the data block lifted.
    Unblock {
        decree_number: String,
        decree_date: NaiveDate,
        sanction: String,
    },
    FileAppeal {
        kind: AppealKind,
        filed_on: NaiveDate,
    },
    DecideAppeal {
        outcome: AppealOutcome,
        note: String,
    },
    Close {
        note: String,
    },
    /// Gives the case to a staff member who handles its current stage, or lets one take it.
    /// `from` is the assignee the handler saw (none when the case was unassigned): if someone
    /// else was assigned meanwhile, the change is refused rather than silently overridden.
    Assign {
        to: String,
        to_role: Role,
        from: Option<String>,
    },
    /// Links the case to the civil servant with this NIP (or PPPK number) in the roster, which
    /// also places it in that person's agency. `replaces` is the subject's NIP before the link
    /// (none when the reporter's NIP did not resolve); replacing a subject needs a `reason`.
    LinkSubject {
        nip: String,
        replaces: Option<String>,
        reason: Option<String>,
    },
    /// Ends this case as a duplicate of the case numbered `into`, which carries on with its
    /// reports, evidence and messages.
    MergeInto {
        into: String,
        note: String,
    },
}

/// The name of an action without its facts: what permission tables and event logs index by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    StartVerification,
    PassVerification,
    Reject,
    Cancel,
    MarkSeparated,
    PauseClock,
    ResumeClock,
    FindViolation,
    FindNotProven,
    IssueRecommendation,
    RecordFollowUp,
    RecordRefusal,
    Warn,
    BlockData,
    Unblock,
    FileAppeal,
    DecideAppeal,
    Close,
    Assign,
    LinkSubject,
    MergeInto,
}

impl ActionKind {
    pub const ALL: [ActionKind; 21] = [
        Self::StartVerification,
        Self::PassVerification,
        Self::Reject,
        Self::Cancel,
        Self::MarkSeparated,
        Self::PauseClock,
        Self::ResumeClock,
        Self::FindViolation,
        Self::FindNotProven,
        Self::IssueRecommendation,
        Self::RecordFollowUp,
        Self::RecordRefusal,
        Self::Warn,
        Self::BlockData,
        Self::Unblock,
        Self::FileAppeal,
        Self::DecideAppeal,
        Self::Close,
        Self::Assign,
        Self::LinkSubject,
        Self::MergeInto,
    ];

    /// Desk work rather than a decision on the stage: giving the case to someone, linking its
    /// subject, merging it into another case. Their checks need more than the case file (the
    /// assignee's account and scope, the roster, the other case), so the store takes them
    /// through its own functions and not through the generic `apply`, and the decision forms
    /// leave them out.
    pub fn is_desk_work(self) -> bool {
        matches!(self, Self::Assign | Self::LinkSubject | Self::MergeInto)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::StartVerification => "start_verification",
            Self::PassVerification => "pass_verification",
            Self::Reject => "reject",
            Self::Cancel => "cancel",
            Self::MarkSeparated => "mark_separated",
            Self::PauseClock => "pause_clock",
            Self::ResumeClock => "resume_clock",
            Self::FindViolation => "find_violation",
            Self::FindNotProven => "find_not_proven",
            Self::IssueRecommendation => "issue_recommendation",
            Self::RecordFollowUp => "record_follow_up",
            Self::RecordRefusal => "record_refusal",
            Self::Warn => "warn",
            Self::BlockData => "block_data",
            Self::Unblock => "unblock",
            Self::FileAppeal => "file_appeal",
            Self::DecideAppeal => "decide_appeal",
            Self::Close => "close",
            Self::Assign => "assign",
            Self::LinkSubject => "link_subject",
            Self::MergeInto => "merge_into",
        }
    }
}

impl std::fmt::Display for ActionKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Self::StartVerification => ActionKind::StartVerification,
            Self::PassVerification { .. } => ActionKind::PassVerification,
            Self::Reject { .. } => ActionKind::Reject,
            Self::Cancel { .. } => ActionKind::Cancel,
            Self::MarkSeparated { .. } => ActionKind::MarkSeparated,
            Self::PauseClock { .. } => ActionKind::PauseClock,
            Self::ResumeClock => ActionKind::ResumeClock,
            Self::FindViolation { .. } => ActionKind::FindViolation,
            Self::FindNotProven { .. } => ActionKind::FindNotProven,
            Self::IssueRecommendation { .. } => ActionKind::IssueRecommendation,
            Self::RecordFollowUp { .. } => ActionKind::RecordFollowUp,
            Self::RecordRefusal { .. } => ActionKind::RecordRefusal,
            Self::Warn { .. } => ActionKind::Warn,
            Self::BlockData { .. } => ActionKind::BlockData,
            Self::Unblock { .. } => ActionKind::Unblock,
            Self::FileAppeal { .. } => ActionKind::FileAppeal,
            Self::DecideAppeal { .. } => ActionKind::DecideAppeal,
            Self::Close { .. } => ActionKind::Close,
            Self::Assign { .. } => ActionKind::Assign,
            Self::LinkSubject { .. } => ActionKind::LinkSubject,
            Self::MergeInto { .. } => ActionKind::MergeInto,
        }
    }
}

/// Why verification turned a report away (DOMAIN.md, step 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectionReason {
    NotAnAsn,
    NoEvidence,
    OutOfScope,
    Duplicate,
}

/// How the subject left the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Separation {
    Retired,
    Dismissed,
    Resigned,
    Died,
}

/// *Keberatan* goes to the official above the one who imposed the sanction; *banding* to BPASN
/// (the civil-service appeals board).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppealKind {
    Objection,
    AdministrativeAppeal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "result")]
pub enum AppealOutcome {
    Upheld,
    /// The sanction was changed to another one of the rules' sanctions.
    Changed {
        sanction: String,
    },
    /// The sanction was annulled; the case closes.
    Annulled,
}
