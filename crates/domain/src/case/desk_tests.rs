//! Desk work on a case: assignment, linking the subject, merging a duplicate.

use chrono::NaiveDate;

use super::*;
use crate::calendar::Calendar;
use crate::rules::{RuleSet, parse_rule_set};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 10, 1).unwrap()
}

fn rules() -> RuleSet {
    parse_rule_set(
        "bkn.toml",
        include_str!("../../../../rules/versions/2024-08-24-bkn.toml"),
    )
    .unwrap()
}

fn case_in(state: CaseState) -> CaseFile {
    let mut case = CaseFile::new(
        "2024-08-24-bkn",
        NaiveDate::from_ymd_opt(2024, 9, 1).unwrap(),
    );
    case.state = state;
    case
}

fn run(case: &CaseFile, role: Role, action: &Action) -> Result<CaseFile, TransitionError> {
    decide(case, role, action, today(), &rules(), &Calendar::new())
}

fn assign(to: &str, to_role: Role, from: Option<&str>) -> Action {
    Action::Assign {
        to: to.into(),
        to_role,
        from: from.map(str::to_owned),
    }
}

#[test]
fn assignment_belongs_to_exactly_the_roles_that_handle_the_stage() {
    for state in CaseState::ALL {
        let mut permitted_roles = permitted(ActionKind::Assign, state)
            .map(|(_, roles)| roles.to_vec())
            .unwrap_or_default();
        permitted_roles.sort();
        assert_eq!(permitted_roles, stage_handlers(state), "{state}");
        assert_eq!(
            state.is_final(),
            stage_handlers(state).is_empty(),
            "{state}"
        );
    }
}

#[test]
fn an_assignment_names_a_handler_of_the_stage_and_the_assignee_it_replaces() {
    let received = case_in(CaseState::Received);
    assert_eq!(
        run(
            &received,
            Role::Verifier,
            &assign("bawaslu", Role::Reviewer, None)
        ),
        Err(TransitionError::AssigneeCannotHandle {
            role: Role::Reviewer,
            state: CaseState::Received
        })
    );
    let taken = run(
        &received,
        Role::Verifier,
        &assign("siti", Role::Verifier, None),
    )
    .unwrap();
    assert_eq!(taken.state, CaseState::Received);
    assert_eq!(
        taken.assignee,
        Some(Assignee {
            user: "siti".into(),
            role: Role::Verifier
        })
    );
    // Someone who still believes the case is unassigned cannot override Siti silently.
    assert_eq!(
        run(
            &taken,
            Role::Verifier,
            &assign("budi", Role::Verifier, None)
        ),
        Err(TransitionError::AssignmentChanged {
            current: Some("siti".into())
        })
    );
    assert_eq!(
        run(
            &taken,
            Role::Verifier,
            &assign("siti", Role::Verifier, Some("siti"))
        ),
        Err(TransitionError::AlreadyAssigned {
            user: "siti".into()
        })
    );
    let moved = run(
        &taken,
        Role::Verifier,
        &assign("budi", Role::Verifier, Some("siti")),
    )
    .unwrap();
    assert_eq!(moved.assignee.unwrap().user, "budi");
    assert_eq!(
        run(
            &received,
            Role::Verifier,
            &assign(" ", Role::Verifier, None)
        ),
        Err(TransitionError::MissingField { field: "to" })
    );
}

#[test]
fn an_assignment_ends_when_the_case_moves_to_a_stage_its_role_does_not_handle() {
    let received = case_in(CaseState::Received);
    let taken = run(
        &received,
        Role::Verifier,
        &assign("siti", Role::Verifier, None),
    )
    .unwrap();
    let verifying = run(&taken, Role::Verifier, &Action::StartVerification).unwrap();
    assert_eq!(verifying.assignee.as_ref().unwrap().user, "siti");
    let passed = Action::PassVerification {
        note: "ASN aktif".into(),
    };
    let in_review = run(&verifying, Role::Verifier, &passed).unwrap();
    assert_eq!(in_review.state, CaseState::Review);
    assert_eq!(in_review.assignee, None);
}

#[test]
fn files_written_before_assignment_existed_read_as_unassigned() {
    let json = serde_json::json!({
        "state": "verification",
        "rules_version": "2024-08-24-bkn",
        "stage_started_on": "2024-09-01",
        "pauses": [],
        "violations": [],
        "sanction": null,
    });
    let file: CaseFile = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(file.assignee, None);
    // And an unassigned file is written as it was, so stored files do not change shape.
    assert_eq!(serde_json::to_value(&file).unwrap(), json);
}

#[test]
fn replacing_a_subject_needs_a_reason_and_a_different_person() {
    let verifying = case_in(CaseState::Verification);
    let link = |nip: &str, replaces: Option<&str>, reason: Option<&str>| Action::LinkSubject {
        nip: nip.into(),
        replaces: replaces.map(str::to_owned),
        reason: reason.map(str::to_owned),
    };
    let first = run(
        &verifying,
        Role::Verifier,
        &link("198503122010011003", None, None),
    )
    .unwrap();
    assert_eq!(first, verifying);
    assert_eq!(
        run(
            &verifying,
            Role::Verifier,
            &link("197001012000122001", Some("198503122010011003"), Some("  "))
        ),
        Err(TransitionError::MissingField { field: "reason" })
    );
    assert_eq!(
        run(
            &verifying,
            Role::Verifier,
            &link(
                "198503122010011003",
                Some("198503122010011003"),
                Some("typo")
            )
        ),
        Err(TransitionError::AlreadyLinked {
            nip: "198503122010011003".into()
        })
    );
    assert!(
        run(
            &verifying,
            Role::Verifier,
            &link(
                "197001012000122001",
                Some("198503122010011003"),
                Some("the reporter mistyped one digit")
            )
        )
        .is_ok()
    );
    assert_eq!(
        run(&verifying, Role::Verifier, &link("", None, None)),
        Err(TransitionError::MissingField { field: "nip" })
    );
    // After the recommendation went to a PPK the subject stays as it is.
    assert!(matches!(
        run(
            &case_in(CaseState::AwaitingFollowUp),
            Role::DecisionMaker,
            &link("198503122010011003", None, None)
        ),
        Err(TransitionError::NotAllowedFrom { .. })
    ));
}

#[test]
fn a_merged_duplicate_is_final_and_counts_as_rejected() {
    let merge = Action::MergeInto {
        into: "NTR-2024-000001".into(),
        note: "same photo, same day".into(),
    };
    let mut received = case_in(CaseState::Received);
    received.assignee = Some(Assignee {
        user: "siti".into(),
        role: Role::Verifier,
    });
    let merged = run(&received, Role::Verifier, &merge).unwrap();
    assert_eq!(merged.state, CaseState::Merged);
    assert_eq!(merged.assignee, None);
    assert!(CaseState::Merged.is_final());
    assert_eq!(
        ReportingStatus::of(CaseState::Merged),
        ReportingStatus::Rejected
    );
    assert_eq!(
        run(
            &received,
            Role::Verifier,
            &Action::MergeInto {
                into: " ".into(),
                note: "x".into()
            }
        ),
        Err(TransitionError::MissingField { field: "into" })
    );
    // Once the review found on the merits, the case is no one's duplicate any more.
    assert!(matches!(
        run(&case_in(CaseState::Recommendation), Role::Reviewer, &merge),
        Err(TransitionError::NotAllowedFrom { .. })
    ));
}
