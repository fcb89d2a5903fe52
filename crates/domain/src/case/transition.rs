//! The case state machine: which action may move a case from which state, by whom, with which
//! facts. `decide` is pure: it returns the new case file, and the store records it as an event.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::action::{Action, ActionKind, AppealOutcome};
use super::assignment::{Assignee, stage_handlers};
use super::error::TransitionError;
use super::{CaseState, Role};
use crate::calendar::Calendar;
use crate::deadline::{Deadline, Pause, due_date};
use crate::rules::RuleSet;

/// Longest free text accepted in a note or reason; longer text belongs in an attached file.
pub const MAX_TEXT: usize = 4000;

/// What the state machine needs to know about a case, and what it changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFile {
    pub state: CaseState,
    /// The rule version in force on the incident date; kept for the case's whole life.
    pub rules_version: String,
    /// Day the current state was entered (WIB), from which its deadline counts.
    pub stage_started_on: NaiveDate,
    /// Pauses of the current stage's clock.
    pub pauses: Vec<Pause>,
    /// Violation codes found proven by the review.
    pub violations: Vec<String>,
    /// Sanction recommended to, then imposed by, the PPK.
    pub sanction: Option<String>,
    /// Who works on the case now. Absent from files written before assignment existed, which
    /// read back as unassigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<Assignee>,
}

impl CaseFile {
    pub fn new(rules_version: &str, received_on: NaiveDate) -> Self {
        Self {
            state: CaseState::Received,
            rules_version: rules_version.to_owned(),
            stage_started_on: received_on,
            pauses: Vec::new(),
            violations: Vec::new(),
            sanction: None,
            assignee: None,
        }
    }

    /// The current stage's deadline; `None` when the state has no clock or the clock is paused.
    pub fn deadline(&self, rules: &RuleSet, calendar: &Calendar) -> Option<Deadline> {
        let clock = rules.clock(self.state)?;
        due_date(self.stage_started_on, clock.clock, &self.pauses, calendar)
    }

    pub fn is_paused(&self) -> bool {
        self.pauses.last().is_some_and(|p| p.until.is_none())
    }
}

/// Where `action` leads from `from` and who may take it; `None` if it is not possible there.
/// `DecideAppeal` leads to `Sanctioned`, or to `Closed` when the sanction is annulled.
pub fn permitted(action: ActionKind, from: CaseState) -> Option<(CaseState, &'static [Role])> {
    use ActionKind as A;
    use CaseState as S;
    use Role as R;
    let rule: (CaseState, &'static [Role]) = match (action, from) {
        (A::StartVerification, S::Received) => (S::Verification, &[R::Verifier]),
        (A::PassVerification, S::Verification) => (S::Review, &[R::Verifier]),
        (A::Reject, S::Received | S::Verification) => (S::Rejected, &[R::Verifier]),
        (A::Cancel, S::Received | S::Verification) => (S::Cancelled, &[R::Verifier]),
        (A::Cancel, S::Review) => (S::Cancelled, &[R::Reviewer]),
        (A::MarkSeparated, S::Received | S::Verification) => (S::Separated, &[R::Verifier]),
        (A::MarkSeparated, S::Review) => (S::Separated, &[R::Reviewer]),
        (
            A::MarkSeparated,
            S::Recommendation
            | S::AwaitingFollowUp
            | S::FollowUpRefused
            | S::Warned
            | S::DataBlocked,
        ) => (S::Separated, &[R::DecisionMaker]),
        (A::PauseClock | A::ResumeClock, S::Verification) => (S::Verification, &[R::Verifier]),
        (A::PauseClock | A::ResumeClock, S::Review) => (S::Review, &[R::Reviewer]),
        (A::FindViolation, S::Review) => (S::Recommendation, &[R::Reviewer]),
        (A::FindNotProven, S::Review) => (S::NotProven, &[R::Reviewer]),
        (A::IssueRecommendation, S::Recommendation) => (S::AwaitingFollowUp, &[R::DecisionMaker]),
        (A::RecordFollowUp, S::AwaitingFollowUp | S::FollowUpRefused | S::Warned) => {
            (S::Sanctioned, &[R::PpkLiaison])
        }
        (A::RecordRefusal, S::AwaitingFollowUp | S::Warned) => {
            (S::FollowUpRefused, &[R::PpkLiaison])
        }
        (A::Warn, S::AwaitingFollowUp | S::FollowUpRefused) => (S::Warned, &[R::DecisionMaker]),
        (A::BlockData, S::Warned) => (S::DataBlocked, &[R::DecisionMaker]),
        (A::Unblock, S::DataBlocked) => (S::Sanctioned, &[R::DecisionMaker]),
        (A::FileAppeal, S::Sanctioned) => (S::Appeal, &[R::PpkLiaison, R::DecisionMaker]),
        (A::DecideAppeal, S::Appeal) => (S::Sanctioned, &[R::PpkLiaison, R::DecisionMaker]),
        (A::Close, S::Sanctioned | S::FollowUpRefused) => (S::Closed, &[R::DecisionMaker]),
        // A duplicate is merged before anyone has found on the merits; the case it goes into
        // may stand anywhere short of its end (the store checks that one).
        (A::MergeInto, S::Received | S::Verification) => (S::Merged, &[R::Verifier]),
        (A::MergeInto, S::Review) => (S::Merged, &[R::Reviewer]),
        // The subject can be linked or corrected until the recommendation goes to a PPK: after
        // that, the employing authority has been told, and a wrong subject is a new case.
        (A::LinkSubject, S::Received | S::Verification) => (from, &[R::Verifier]),
        (A::LinkSubject, S::Review) => (from, &[R::Reviewer]),
        (A::LinkSubject, S::Recommendation) => (from, &[R::DecisionMaker]),
        // Everyone who handles the stage takes part in assigning it (`stage_handlers`, checked
        // by a test); which of them may give it to others is `access::may_assign`.
        (A::Assign, S::Received | S::Verification) => (from, &[R::Verifier]),
        (A::Assign, S::Review) => (from, &[R::Reviewer]),
        (A::Assign, S::Recommendation | S::DataBlocked) => (from, &[R::DecisionMaker]),
        (
            A::Assign,
            S::AwaitingFollowUp | S::FollowUpRefused | S::Warned | S::Sanctioned | S::Appeal,
        ) => (from, &[R::PpkLiaison, R::DecisionMaker]),
        _ => return None,
    };
    Some(rule)
}

/// Applies `action`, taken by someone in `role` on `today` (WIB), to `case` under `rules`.
/// Returns the case file as it stands afterwards; `case` itself is left untouched.
pub fn decide(
    case: &CaseFile,
    role: Role,
    action: &Action,
    today: NaiveDate,
    rules: &RuleSet,
    calendar: &Calendar,
) -> Result<CaseFile, TransitionError> {
    let kind = action.kind();
    let (mut to, roles) = permitted(kind, case.state).ok_or(TransitionError::NotAllowedFrom {
        action: kind,
        state: case.state,
    })?;
    if !roles.contains(&role) {
        return Err(TransitionError::RoleNotPermitted {
            action: kind,
            role,
            state: case.state,
        });
    }
    let mut next = case.clone();
    match action {
        Action::StartVerification => {}
        Action::PassVerification { note }
        | Action::Cancel { note }
        | Action::FindNotProven { note }
        | Action::Reject { note, .. }
        | Action::MarkSeparated { note, .. }
        | Action::Close { note } => text("note", note)?,
        Action::PauseClock { reason } => {
            text("reason", reason)?;
            if case.is_paused() {
                return Err(TransitionError::AlreadyPaused);
            }
            next.pauses.push(Pause {
                from: today,
                until: None,
            });
        }
        Action::ResumeClock => {
            let open = next
                .pauses
                .last_mut()
                .filter(|p| p.until.is_none())
                .ok_or(TransitionError::NotPaused)?;
            open.until = Some(today);
        }
        Action::FindViolation { violations, note } => {
            text("note", note)?;
            if violations.is_empty() {
                return Err(TransitionError::MissingField {
                    field: "violations",
                });
            }
            for (i, code) in violations.iter().enumerate() {
                if rules.violation(code).is_none() {
                    return Err(TransitionError::UnknownViolation {
                        field: "violations",
                        code: code.clone(),
                        rules_version: rules.version.clone(),
                    });
                }
                if violations[..i].contains(code) {
                    return Err(TransitionError::DuplicateViolation {
                        field: "violations",
                        code: code.clone(),
                    });
                }
            }
            next.violations = violations.clone();
        }
        Action::IssueRecommendation {
            letter_number,
            sanction,
            override_reason,
        } => {
            text("letter_number", letter_number)?;
            known_sanction(rules, "sanction", sanction)?;
            let suggested = rules
                .suggested_sanction(case.violations.iter().map(String::as_str))
                .map(|s| s.code.clone());
            if suggested.as_deref() != Some(sanction.as_str()) {
                let reason = override_reason.as_deref().unwrap_or("");
                if reason.trim().is_empty() {
                    return Err(TransitionError::OverrideReasonRequired {
                        suggested: suggested.unwrap_or_default(),
                    });
                }
                text("override_reason", reason)?;
            }
            next.sanction = Some(sanction.clone());
        }
        Action::RecordFollowUp {
            decree_number,
            decree_date,
            sanction,
        }
        | Action::Unblock {
            decree_number,
            decree_date,
            sanction,
        } => {
            text("decree_number", decree_number)?;
            not_after_today("decree_date", *decree_date, today)?;
            known_sanction(rules, "sanction", sanction)?;
            next.sanction = Some(sanction.clone());
        }
        Action::RecordRefusal { reason } => text("reason", reason)?,
        Action::Warn { letter_number } => {
            text("letter_number", letter_number)?;
            if case.state == CaseState::AwaitingFollowUp
                && let Some(deadline) = case.deadline(rules, calendar)
                && today <= deadline.due
            {
                return Err(TransitionError::DeadlineNotPassed { due: deadline.due });
            }
        }
        Action::BlockData { request_number } => text("request_number", request_number)?,
        Action::Assign { to, to_role, from } => {
            text("to", to)?;
            if !stage_handlers(case.state).contains(to_role) {
                return Err(TransitionError::AssigneeCannotHandle {
                    role: *to_role,
                    state: case.state,
                });
            }
            let current = case.assignee.as_ref().map(|a| a.user.as_str());
            if from.as_deref() != current {
                return Err(TransitionError::AssignmentChanged {
                    current: current.map(str::to_owned),
                });
            }
            if current == Some(to.as_str()) {
                return Err(TransitionError::AlreadyAssigned { user: to.clone() });
            }
            next.assignee = Some(Assignee {
                user: to.clone(),
                role: *to_role,
            });
        }
        Action::LinkSubject {
            nip,
            replaces,
            reason,
        } => {
            text("nip", nip)?;
            if replaces.as_deref() == Some(nip.as_str()) {
                return Err(TransitionError::AlreadyLinked { nip: nip.clone() });
            }
            match (replaces, reason.as_deref()) {
                // Replacing a subject is a correction: it is never made without saying why.
                (Some(_), reason) => text("reason", reason.unwrap_or(""))?,
                (None, Some(reason)) if !reason.trim().is_empty() => text("reason", reason)?,
                (None, _) => {}
            }
        }
        Action::MergeInto { into, note } => {
            text("into", into)?;
            text("note", note)?;
        }
        Action::FileAppeal { filed_on, .. } => not_after_today("filed_on", *filed_on, today)?,
        Action::DecideAppeal { outcome, note } => {
            text("note", note)?;
            match outcome {
                AppealOutcome::Upheld => {}
                AppealOutcome::Changed { sanction } => {
                    known_sanction(rules, "outcome.sanction", sanction)?;
                    next.sanction = Some(sanction.clone());
                }
                AppealOutcome::Annulled => to = CaseState::Closed,
            }
        }
    }
    if to != case.state {
        next.state = to;
        next.stage_started_on = today;
        next.pauses.clear();
        if next
            .assignee
            .as_ref()
            .is_some_and(|a| !stage_handlers(to).contains(&a.role))
        {
            next.assignee = None;
        }
    }
    Ok(next)
}

fn text(field: &'static str, value: &str) -> Result<(), TransitionError> {
    if value.trim().is_empty() {
        return Err(TransitionError::MissingField { field });
    }
    if value.chars().count() > MAX_TEXT {
        return Err(TransitionError::FieldTooLong {
            field,
            max: MAX_TEXT,
        });
    }
    Ok(())
}

fn known_sanction(rules: &RuleSet, field: &'static str, code: &str) -> Result<(), TransitionError> {
    if code.trim().is_empty() {
        return Err(TransitionError::MissingField { field });
    }
    match rules.sanction(code) {
        Some(_) => Ok(()),
        None => Err(TransitionError::UnknownSanction {
            field,
            code: code.to_owned(),
            rules_version: rules.version.clone(),
        }),
    }
}

fn not_after_today(
    field: &'static str,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<(), TransitionError> {
    if date > today {
        Err(TransitionError::DateInFuture { field, date })
    } else {
        Ok(())
    }
}
