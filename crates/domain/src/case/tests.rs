use chrono::NaiveDate;

use super::*;
use crate::calendar::Calendar;
use crate::rules::{RuleSet, parse_holiday_year, parse_rule_set};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn rules() -> RuleSet {
    parse_rule_set(
        "bkn.toml",
        include_str!("../../../../rules/versions/2024-08-24-bkn.toml"),
    )
    .unwrap()
}

fn calendar() -> Calendar {
    let year = parse_holiday_year(
        "2024.toml",
        include_str!("../../../../rules/holidays/2024.toml"),
    )
    .unwrap();
    let mut cal = Calendar::new();
    cal.add_year(year.year, year.days).unwrap();
    cal
}

const TODAY: (i32, u32, u32) = (2024, 10, 1);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

/// A valid example of each action: what a careful handler would submit.
fn sample(kind: ActionKind) -> Action {
    let note = || "checked against the roster and the screenshots".to_owned();
    match kind {
        ActionKind::StartVerification => Action::StartVerification,
        ActionKind::PassVerification => Action::PassVerification { note: note() },
        ActionKind::Reject => Action::Reject {
            reason: RejectionReason::Duplicate,
            note: note(),
        },
        ActionKind::Cancel => Action::Cancel { note: note() },
        ActionKind::MarkSeparated => Action::MarkSeparated {
            separation: Separation::Retired,
            note: note(),
        },
        ActionKind::PauseClock => Action::PauseClock {
            reason: "waiting for the reporter's original photo".into(),
        },
        ActionKind::ResumeClock => Action::ResumeClock,
        ActionKind::FindViolation => Action::FindViolation {
            violations: vec!["MEDSOS_INTERAKSI".into()],
            note: note(),
        },
        ActionKind::FindNotProven => Action::FindNotProven { note: note() },
        ActionKind::IssueRecommendation => Action::IssueRecommendation {
            letter_number: "B-123/D.IV/X/2024".into(),
            sanction: "BERAT_TURUN_JABATAN".into(),
            override_reason: None,
        },
        ActionKind::RecordFollowUp => Action::RecordFollowUp {
            decree_number: "800/123/BKPSDM".into(),
            decree_date: d(2024, 9, 30),
            sanction: "BERAT_TURUN_JABATAN".into(),
        },
        ActionKind::RecordRefusal => Action::RecordRefusal {
            reason: "the PPK finds the photo predates the candidacy".into(),
        },
        ActionKind::Warn => Action::Warn {
            letter_number: "B-200/D.IV/X/2024".into(),
        },
        ActionKind::BlockData => Action::BlockData {
            request_number: "B-201/D.IV/X/2024".into(),
        },
        ActionKind::Unblock => Action::Unblock {
            decree_number: "800/124/BKPSDM".into(),
            decree_date: d(2024, 9, 30),
            sanction: "BERAT_PELAKSANA".into(),
        },
        ActionKind::FileAppeal => Action::FileAppeal {
            kind: AppealKind::Objection,
            filed_on: d(2024, 9, 30),
        },
        ActionKind::DecideAppeal => Action::DecideAppeal {
            outcome: AppealOutcome::Upheld,
            note: note(),
        },
        ActionKind::Close => Action::Close { note: note() },
        ActionKind::Assign => Action::Assign {
            to: "siti".into(),
            to_role: Role::Verifier,
            from: None,
        },
        ActionKind::LinkSubject => Action::LinkSubject {
            nip: "198503122010011003".into(),
            replaces: None,
            reason: None,
        },
        ActionKind::MergeInto => Action::MergeInto {
            into: "NTR-2024-000001".into(),
            note: note(),
        },
    }
}

/// [`sample`], with an assignee whose role handles the stage `from`.
fn sample_from(kind: ActionKind, from: CaseState) -> Action {
    match sample(kind) {
        Action::Assign { to, from: seen, .. } => Action::Assign {
            to,
            to_role: stage_handlers(from)
                .first()
                .copied()
                .unwrap_or(Role::Verifier),
            from: seen,
        },
        other => other,
    }
}

/// A case in `state`, set up so that only the state machine's table decides (deadlines long
/// past, a pause open where a resume is tried).
fn case_in(state: CaseState, kind: ActionKind) -> CaseFile {
    let mut case = CaseFile::new("2024-08-24-bkn", d(2024, 9, 1));
    case.state = state;
    case.violations = vec!["MEDSOS_INTERAKSI".into()];
    if kind == ActionKind::ResumeClock {
        case.pauses.push(crate::deadline::Pause {
            from: d(2024, 9, 2),
            until: None,
        });
    }
    case
}

/// The process of DOMAIN.md, written out on its own so that the table in `permitted` is checked
/// against an independent statement rather than against itself.
fn expected() -> Vec<(ActionKind, CaseState, CaseState, &'static [Role])> {
    use ActionKind as A;
    use CaseState as S;
    use Role as R;
    let mut rows: Vec<(ActionKind, CaseState, CaseState, &'static [Role])> = vec![
        (
            A::StartVerification,
            S::Received,
            S::Verification,
            &[R::Verifier],
        ),
        (
            A::PassVerification,
            S::Verification,
            S::Review,
            &[R::Verifier],
        ),
        (A::Reject, S::Received, S::Rejected, &[R::Verifier]),
        (A::Reject, S::Verification, S::Rejected, &[R::Verifier]),
        (A::Cancel, S::Received, S::Cancelled, &[R::Verifier]),
        (A::Cancel, S::Verification, S::Cancelled, &[R::Verifier]),
        (A::Cancel, S::Review, S::Cancelled, &[R::Reviewer]),
        (A::MarkSeparated, S::Received, S::Separated, &[R::Verifier]),
        (
            A::MarkSeparated,
            S::Verification,
            S::Separated,
            &[R::Verifier],
        ),
        (A::MarkSeparated, S::Review, S::Separated, &[R::Reviewer]),
        (
            A::PauseClock,
            S::Verification,
            S::Verification,
            &[R::Verifier],
        ),
        (
            A::ResumeClock,
            S::Verification,
            S::Verification,
            &[R::Verifier],
        ),
        (A::PauseClock, S::Review, S::Review, &[R::Reviewer]),
        (A::ResumeClock, S::Review, S::Review, &[R::Reviewer]),
        (
            A::FindViolation,
            S::Review,
            S::Recommendation,
            &[R::Reviewer],
        ),
        (A::FindNotProven, S::Review, S::NotProven, &[R::Reviewer]),
        (
            A::IssueRecommendation,
            S::Recommendation,
            S::AwaitingFollowUp,
            &[R::DecisionMaker],
        ),
        (
            A::RecordFollowUp,
            S::AwaitingFollowUp,
            S::Sanctioned,
            &[R::PpkLiaison],
        ),
        (
            A::RecordFollowUp,
            S::FollowUpRefused,
            S::Sanctioned,
            &[R::PpkLiaison],
        ),
        (
            A::RecordFollowUp,
            S::Warned,
            S::Sanctioned,
            &[R::PpkLiaison],
        ),
        (
            A::RecordRefusal,
            S::AwaitingFollowUp,
            S::FollowUpRefused,
            &[R::PpkLiaison],
        ),
        (
            A::RecordRefusal,
            S::Warned,
            S::FollowUpRefused,
            &[R::PpkLiaison],
        ),
        (A::Warn, S::AwaitingFollowUp, S::Warned, &[R::DecisionMaker]),
        (A::Warn, S::FollowUpRefused, S::Warned, &[R::DecisionMaker]),
        (A::BlockData, S::Warned, S::DataBlocked, &[R::DecisionMaker]),
        (
            A::Unblock,
            S::DataBlocked,
            S::Sanctioned,
            &[R::DecisionMaker],
        ),
        (
            A::FileAppeal,
            S::Sanctioned,
            S::Appeal,
            &[R::PpkLiaison, R::DecisionMaker],
        ),
        (
            A::DecideAppeal,
            S::Appeal,
            S::Sanctioned,
            &[R::PpkLiaison, R::DecisionMaker],
        ),
        (A::Close, S::Sanctioned, S::Closed, &[R::DecisionMaker]),
        (A::Close, S::FollowUpRefused, S::Closed, &[R::DecisionMaker]),
    ];
    for from in [
        S::Recommendation,
        S::AwaitingFollowUp,
        S::FollowUpRefused,
        S::Warned,
        S::DataBlocked,
    ] {
        rows.push((A::MarkSeparated, from, S::Separated, &[R::DecisionMaker]));
    }
    rows.extend([
        (A::MergeInto, S::Received, S::Merged, &[R::Verifier][..]),
        (A::MergeInto, S::Verification, S::Merged, &[R::Verifier]),
        (A::MergeInto, S::Review, S::Merged, &[R::Reviewer]),
        (A::LinkSubject, S::Received, S::Received, &[R::Verifier]),
        (
            A::LinkSubject,
            S::Verification,
            S::Verification,
            &[R::Verifier],
        ),
        (A::LinkSubject, S::Review, S::Review, &[R::Reviewer]),
        (
            A::LinkSubject,
            S::Recommendation,
            S::Recommendation,
            &[R::DecisionMaker],
        ),
    ]);
    // Assignment belongs to whoever handles the stage.
    for (from, roles) in [
        (S::Received, &[R::Verifier][..]),
        (S::Verification, &[R::Verifier]),
        (S::Review, &[R::Reviewer]),
        (S::Recommendation, &[R::DecisionMaker]),
        (S::AwaitingFollowUp, &[R::PpkLiaison, R::DecisionMaker]),
        (S::FollowUpRefused, &[R::PpkLiaison, R::DecisionMaker]),
        (S::Warned, &[R::PpkLiaison, R::DecisionMaker]),
        (S::DataBlocked, &[R::DecisionMaker]),
        (S::Sanctioned, &[R::PpkLiaison, R::DecisionMaker]),
        (S::Appeal, &[R::PpkLiaison, R::DecisionMaker]),
    ] {
        rows.push((A::Assign, from, from, roles));
    }
    rows
}

#[test]
fn every_action_from_every_state_by_every_role_is_allowed_exactly_when_the_process_says() {
    let (rules, calendar) = (rules(), calendar());
    let expected = expected();
    let mut allowed = 0;
    for kind in ActionKind::ALL {
        for from in CaseState::ALL {
            let row = expected
                .iter()
                .find(|(k, f, _, _)| *k == kind && *f == from);
            for role in Role::ALL {
                let result = decide(
                    &case_in(from, kind),
                    role,
                    &sample_from(kind, from),
                    today(),
                    &rules,
                    &calendar,
                );
                match (row, result) {
                    (Some((_, _, to, roles)), Ok(next)) if roles.contains(&role) => {
                        assert_eq!(next.state, *to, "{kind} from {from} by {role}");
                        allowed += 1;
                    }
                    (Some((_, _, _, roles)), Err(TransitionError::RoleNotPermitted { .. }))
                        if !roles.contains(&role) => {}
                    (None, Err(TransitionError::NotAllowedFrom { action, state })) => {
                        assert_eq!((action, state), (kind, from))
                    }
                    (row, result) => {
                        panic!("{kind} from {from} by {role}: expected {row:?}, got {result:?}")
                    }
                }
            }
        }
    }
    assert_eq!(
        allowed,
        expected
            .iter()
            .map(|(_, _, _, roles)| roles.len())
            .sum::<usize>()
    );
}

#[test]
fn final_states_have_no_way_out() {
    for state in CaseState::ALL.into_iter().filter(|s| s.is_final()) {
        assert!(
            ActionKind::ALL
                .into_iter()
                .all(|kind| permitted(kind, state).is_none()),
            "{state}"
        );
    }
}

#[test]
fn the_administrator_decides_nothing() {
    for kind in ActionKind::ALL {
        for state in CaseState::ALL {
            if let Some((_, roles)) = permitted(kind, state) {
                assert!(
                    !roles.contains(&Role::Administrator) && !roles.contains(&Role::Analyst),
                    "{kind} {state}"
                );
            }
        }
    }
}

fn refuse(case: &CaseFile, role: Role, action: Action) -> TransitionError {
    decide(case, role, &action, today(), &rules(), &calendar()).unwrap_err()
}

#[test]
fn required_facts_are_named_when_missing() {
    let review = case_in(CaseState::Review, ActionKind::FindViolation);
    assert_eq!(
        refuse(
            &review,
            Role::Reviewer,
            Action::FindNotProven { note: "  ".into() }
        ),
        TransitionError::MissingField { field: "note" }
    );
    assert_eq!(
        refuse(
            &review,
            Role::Reviewer,
            Action::FindViolation {
                violations: vec![],
                note: "x".into()
            }
        ),
        TransitionError::MissingField {
            field: "violations"
        }
    );
    assert!(matches!(
        refuse(&review, Role::Reviewer, Action::FindViolation { violations: vec!["LIKE_CAPRES".into()], note: "x".into() }),
        TransitionError::UnknownViolation { code, .. } if code == "LIKE_CAPRES"
    ));
    assert!(matches!(
        refuse(
            &review,
            Role::Reviewer,
            Action::FindViolation {
                violations: vec!["ATRIBUT".into(), "ATRIBUT".into()],
                note: "x".into()
            }
        ),
        TransitionError::DuplicateViolation { .. }
    ));
    let long = "x".repeat(MAX_TEXT + 1);
    assert_eq!(
        refuse(
            &review,
            Role::Reviewer,
            Action::FindNotProven { note: long }
        ),
        TransitionError::FieldTooLong {
            field: "note",
            max: MAX_TEXT
        }
    );
}

#[test]
fn a_sanction_other_than_the_suggested_one_needs_a_written_reason() {
    let case = case_in(CaseState::Recommendation, ActionKind::IssueRecommendation);
    let issue = |sanction: &str, override_reason: Option<&str>| Action::IssueRecommendation {
        letter_number: "B-1/2024".into(),
        sanction: sanction.into(),
        override_reason: override_reason.map(str::to_owned),
    };
    assert_eq!(
        refuse(&case, Role::DecisionMaker, issue("SEDANG_TPP_6", None)),
        TransitionError::OverrideReasonRequired {
            suggested: "BERAT_TURUN_JABATAN".into()
        }
    );
    assert!(matches!(
        refuse(&case, Role::DecisionMaker, issue("TEGURAN", Some("x"))),
        TransitionError::UnknownSanction { .. }
    ));
    let next = decide(
        &case,
        Role::DecisionMaker,
        &issue(
            "SEDANG_TPP_6",
            Some("first offence, deleted the post at once"),
        ),
        today(),
        &rules(),
        &calendar(),
    )
    .unwrap();
    assert_eq!(next.sanction.as_deref(), Some("SEDANG_TPP_6"));
}

#[test]
fn a_decree_cannot_be_dated_in_the_future() {
    let case = case_in(CaseState::AwaitingFollowUp, ActionKind::RecordFollowUp);
    let tomorrow = today().succ_opt().unwrap();
    let action = Action::RecordFollowUp {
        decree_number: "800/1".into(),
        decree_date: tomorrow,
        sanction: "BERAT_PELAKSANA".into(),
    };
    assert_eq!(
        refuse(&case, Role::PpkLiaison, action),
        TransitionError::DateInFuture {
            field: "decree_date",
            date: tomorrow
        }
    );
}

#[test]
fn the_ppk_is_warned_only_after_its_deadline() {
    let (rules, calendar) = (rules(), calendar());
    let mut case = case_in(CaseState::AwaitingFollowUp, ActionKind::Warn);
    case.stage_started_on = d(2024, 9, 20);
    // 14 calendar days from 20 September: due 4 October.
    let warn = sample(ActionKind::Warn);
    assert_eq!(
        decide(
            &case,
            Role::DecisionMaker,
            &warn,
            d(2024, 10, 4),
            &rules,
            &calendar
        ),
        Err(TransitionError::DeadlineNotPassed {
            due: d(2024, 10, 4)
        })
    );
    assert_eq!(
        decide(
            &case,
            Role::DecisionMaker,
            &warn,
            d(2024, 10, 5),
            &rules,
            &calendar
        )
        .unwrap()
        .state,
        CaseState::Warned
    );
    case.state = CaseState::FollowUpRefused;
    assert!(
        decide(
            &case,
            Role::DecisionMaker,
            &warn,
            d(2024, 9, 21),
            &rules,
            &calendar
        )
        .is_ok(),
        "a refusal can be escalated at once"
    );
}

#[test]
fn pausing_stops_the_clock_and_resuming_moves_the_deadline() {
    let (rules, calendar) = (rules(), calendar());
    let mut case = CaseFile::new("2024-08-24-bkn", d(2024, 9, 1));
    case = decide(
        &case,
        Role::Verifier,
        &Action::StartVerification,
        d(2024, 9, 2),
        &rules,
        &calendar,
    )
    .unwrap();
    assert_eq!(
        case.deadline(&rules, &calendar).unwrap().due,
        d(2024, 9, 9),
        "7 calendar days"
    );
    let pause = Action::PauseClock {
        reason: "asked the reporter for the post's link".into(),
    };
    case = decide(
        &case,
        Role::Verifier,
        &pause,
        d(2024, 9, 4),
        &rules,
        &calendar,
    )
    .unwrap();
    assert!(case.is_paused());
    assert_eq!(case.deadline(&rules, &calendar), None);
    assert_eq!(
        decide(
            &case,
            Role::Verifier,
            &pause,
            d(2024, 9, 5),
            &rules,
            &calendar
        ),
        Err(TransitionError::AlreadyPaused)
    );
    case = decide(
        &case,
        Role::Verifier,
        &Action::ResumeClock,
        d(2024, 9, 7),
        &rules,
        &calendar,
    )
    .unwrap();
    // 4, 5, 6 September did not count.
    assert_eq!(
        case.deadline(&rules, &calendar).unwrap().due,
        d(2024, 9, 12)
    );
    assert_eq!(
        decide(
            &case,
            Role::Verifier,
            &Action::ResumeClock,
            d(2024, 9, 8),
            &rules,
            &calendar
        ),
        Err(TransitionError::NotPaused)
    );
    let next = decide(
        &case,
        Role::Verifier,
        &sample(ActionKind::PassVerification),
        d(2024, 9, 10),
        &rules,
        &calendar,
    )
    .unwrap();
    assert!(next.pauses.is_empty(), "a new stage starts a fresh clock");
    // Review: 3 working days from Tuesday 10 September.
    assert_eq!(
        next.deadline(&rules, &calendar).unwrap().due,
        d(2024, 9, 13)
    );
}

#[test]
fn a_case_runs_from_report_to_closing() {
    let (rules, calendar) = (rules(), calendar());
    let steps = [
        (
            Role::Verifier,
            ActionKind::StartVerification,
            CaseState::Verification,
        ),
        (
            Role::Verifier,
            ActionKind::PassVerification,
            CaseState::Review,
        ),
        (
            Role::Reviewer,
            ActionKind::FindViolation,
            CaseState::Recommendation,
        ),
        (
            Role::DecisionMaker,
            ActionKind::IssueRecommendation,
            CaseState::AwaitingFollowUp,
        ),
        (
            Role::PpkLiaison,
            ActionKind::RecordFollowUp,
            CaseState::Sanctioned,
        ),
        (Role::PpkLiaison, ActionKind::FileAppeal, CaseState::Appeal),
        (
            Role::DecisionMaker,
            ActionKind::DecideAppeal,
            CaseState::Sanctioned,
        ),
        (Role::DecisionMaker, ActionKind::Close, CaseState::Closed),
    ];
    let mut case = CaseFile::new("2024-08-24-bkn", d(2024, 9, 1));
    for (role, kind, expected) in steps {
        case = decide(&case, role, &sample(kind), today(), &rules, &calendar).unwrap();
        assert_eq!(case.state, expected, "{kind}");
    }
    assert_eq!(case.violations, ["MEDSOS_INTERAKSI"]);
    assert_eq!(case.sanction.as_deref(), Some("BERAT_TURUN_JABATAN"));
}

#[test]
fn an_annulled_sanction_closes_the_case_and_a_changed_one_is_kept() {
    let (rules, calendar) = (rules(), calendar());
    let case = case_in(CaseState::Appeal, ActionKind::DecideAppeal);
    let annul = Action::DecideAppeal {
        outcome: AppealOutcome::Annulled,
        note: "BPASN annulled".into(),
    };
    assert_eq!(
        decide(
            &case,
            Role::DecisionMaker,
            &annul,
            today(),
            &rules,
            &calendar
        )
        .unwrap()
        .state,
        CaseState::Closed
    );
    let change = Action::DecideAppeal {
        outcome: AppealOutcome::Changed {
            sanction: "SEDANG_TPP_12".into(),
        },
        note: "reduced".into(),
    };
    let next = decide(
        &case,
        Role::DecisionMaker,
        &change,
        today(),
        &rules,
        &calendar,
    )
    .unwrap();
    assert_eq!(
        (next.state, next.sanction.as_deref()),
        (CaseState::Sanctioned, Some("SEDANG_TPP_12"))
    );
}

#[test]
fn actions_serialise_with_their_name_for_the_event_log() {
    let action = sample(ActionKind::Reject);
    let json = serde_json::to_value(&action).unwrap();
    assert_eq!(json["action"], "reject");
    assert_eq!(json["reason"], "duplicate");
    assert_eq!(serde_json::from_value::<Action>(json).unwrap(), action);
    for kind in ActionKind::ALL {
        assert_eq!(sample(kind).kind(), kind);
        assert_eq!(
            serde_json::to_value(sample(kind)).unwrap()["action"],
            kind.as_str()
        );
    }
}
