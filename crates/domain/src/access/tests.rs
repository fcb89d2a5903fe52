use super::*;
use crate::case::Role;
use crate::ids::RegionCode;

fn region(code: &str) -> RegionCode {
    code.parse().unwrap()
}

#[test]
fn only_the_custodian_sees_reporters_and_the_analyst_sees_no_person() {
    for role in Role::ALL {
        assert_eq!(
            role_may(role, Capability::RevealReporterIdentity),
            role == Role::Custodian,
            "{role}"
        );
    }
    assert!(!role_may(Role::Analyst, Capability::ViewRoster));
    assert!(!role_may(Role::Custodian, Capability::ViewRoster));
    assert!(role_may(Role::Analyst, Capability::ViewStatistics));
    assert!(role_may(Role::PpkLiaison, Capability::ViewRoster));
}

#[test]
fn accounts_imports_and_the_system_records_belong_to_the_administrator_alone() {
    for role in Role::ALL {
        for capability in [
            Capability::ManageAccounts,
            Capability::ImportRegistry,
            Capability::OperateSystem,
        ] {
            assert_eq!(
                role_may(role, capability),
                role == Role::Administrator,
                "{role} {capability:?}"
            );
        }
    }
}

#[test]
fn custodians_and_administrators_need_a_second_factor() {
    let needing: Vec<Role> = Role::ALL
        .into_iter()
        .filter(|r| requires_second_factor(*r))
        .collect();
    assert_eq!(needing, [Role::Custodian, Role::Administrator]);
}

#[test]
fn a_province_covers_its_regencies_and_not_central_agencies_or_other_provinces() {
    let west_java = Scope::Province(region("32"));
    assert!(west_java.covers_agency(1, Some(&region("32"))));
    assert!(west_java.covers_agency(2, Some(&region("32.15"))));
    assert!(!west_java.covers_agency(3, Some(&region("33.74"))));
    assert!(!west_java.covers_agency(4, None));
    assert!(Scope::National.covers_agency(4, None));
    assert!(Scope::Agency(7).covers_agency(7, None));
    assert!(!Scope::Agency(7).covers_agency(8, Some(&region("32.15"))));
}

#[test]
fn scopes_are_written_as_on_the_command_line() {
    assert_eq!("national".parse(), Ok(ScopeSpec::National));
    assert_eq!("province:32".parse(), Ok(ScopeSpec::Province(region("32"))));
    assert_eq!(
        "agency:3215".parse(),
        Ok(ScopeSpec::Agency("3215".to_owned()))
    );
    assert_eq!(
        "province:32.15".parse::<ScopeSpec>(),
        Err(ScopeError::NotAProvince("32.15".to_owned()))
    );
    assert!(matches!(
        "everywhere".parse::<ScopeSpec>(),
        Err(ScopeError::Unknown(_))
    ));
    assert!("agency:".parse::<ScopeSpec>().is_err());
    for written in ["national", "province:32", "agency:KEMENKEU"] {
        assert_eq!(written.parse::<ScopeSpec>().unwrap().to_string(), written);
    }
}

#[test]
fn analysts_and_administrators_open_no_case() {
    for role in Role::ALL {
        assert_eq!(
            role_may(role, Capability::ViewCases),
            !matches!(role, Role::Analyst | Role::Administrator),
            "{role}"
        );
    }
}

#[test]
fn the_stage_lead_shares_out_cases_and_other_handlers_only_take_free_ones() {
    use crate::case::CaseState as S;
    // The task force's verifier gives a new report to a colleague, or takes it back.
    assert_eq!(
        may_assign("siti", Role::Verifier, S::Received, None, "budi"),
        Ok(())
    );
    assert_eq!(
        may_assign("siti", Role::Verifier, S::Received, Some("budi"), "siti"),
        Ok(())
    );
    // At the PPK's stage the decision maker leads; the PPK's liaison may take a free case.
    assert_eq!(
        may_assign("ppk", Role::PpkLiaison, S::AwaitingFollowUp, None, "ppk"),
        Ok(())
    );
    assert_eq!(
        may_assign(
            "ppk",
            Role::PpkLiaison,
            S::AwaitingFollowUp,
            Some("wasdal"),
            "ppk"
        ),
        Err(AssignRefusal::Taken("wasdal".into(), Role::DecisionMaker))
    );
    assert_eq!(
        may_assign("ppk", Role::PpkLiaison, S::AwaitingFollowUp, None, "other"),
        Err(AssignRefusal::NotTheLead {
            lead: Role::DecisionMaker,
            state: S::AwaitingFollowUp
        })
    );
    assert_eq!(
        may_assign("kustodian", Role::Custodian, S::Received, None, "kustodian"),
        Err(AssignRefusal::NotAHandler(Role::Custodian, S::Received))
    );
    assert_eq!(
        may_assign("siti", Role::Verifier, S::Merged, None, "siti"),
        Err(AssignRefusal::Finished(S::Merged))
    );
    for state in S::ALL {
        if let Some(lead) = stage_lead(state) {
            assert!(
                crate::case::stage_handlers(state).contains(&lead),
                "{state}"
            );
        }
    }
}
