//! Staff accounts on both backends: creating them with a checked scope, signing in with
//! throttling, sessions that expire and end, password resets, and TOTP second factors that
//! accept each code once.

use chrono::Duration;
use netral_domain::access::{Scope, ScopeSpec};
use netral_domain::case::Role;
use netral_store::accounts::{
    self, AccountError, NewStaffUser, SignInOutcome, THROTTLE_AFTER_FAILURES, second_factor,
    sessions,
};
use netral_store::vault::Vault;
use netral_store::{Db, audit};
use netral_testkit::fixtures::add_karawang_official;
use netral_testkit::{at, on_both};

on_both!(
    an_account_signs_in_with_its_password_only,
    scopes_are_checked_against_the_registry,
    repeated_failures_throttle_even_the_right_password,
    sessions_end_when_idle_expired_closed_or_reset,
    a_second_factor_code_is_accepted_once,
    a_lost_second_factor_is_reset_by_an_administrator,
);

const PASSWORD: &str = "kopi tubruk panas";
/// The administrator the audit log names for account changes in these tests.
pub const ADMIN: audit::Actor<'static> = audit::Actor {
    name: "admin",
    role: "administrator",
};

pub fn new_user(username: &str, role: Role, scope: ScopeSpec) -> NewStaffUser {
    NewStaffUser {
        username: username.to_owned(),
        display_name: format!("Petugas {username}"),
        email: Some(format!("{username}@example.go.id")),
        role,
        scope,
        password: PASSWORD.to_owned(),
        must_change_password: false,
    }
}

async fn an_account_signs_in_with_its_password_only(db: &Db) {
    let now = at("2024-11-01T08:00:00Z");
    let id = accounts::create_user(
        db,
        &new_user("Siti.Verifikator", Role::Verifier, ScopeSpec::National),
        ADMIN,
        now,
    )
    .await
    .unwrap();
    let user = accounts::get_user(db, id).await.unwrap().unwrap();
    assert_eq!(
        user.username, "siti.verifikator",
        "user names are kept in lower case"
    );
    assert_eq!(
        (user.role, user.scope.clone()),
        (Role::Verifier, Scope::National)
    );
    assert!(!user.has_second_factor && !user.disabled);

    let signed = accounts::sign_in(db, "SITI.verifikator", PASSWORD, "10.0.0.1", now)
        .await
        .unwrap();
    assert_eq!(signed, SignInOutcome::SignedIn(user.clone()));
    for (name, password) in [
        ("siti.verifikator", "kopi tubruk dingin"),
        ("nobody", PASSWORD),
    ] {
        assert_eq!(
            accounts::sign_in(db, name, password, "10.0.0.1", now)
                .await
                .unwrap(),
            SignInOutcome::Refused,
            "{name}"
        );
    }
    let again = accounts::create_user(
        db,
        &new_user("siti.verifikator", Role::Analyst, ScopeSpec::National),
        ADMIN,
        now,
    )
    .await;
    assert!(
        matches!(again, Err(AccountError::UsernameTaken(_))),
        "{again:?}"
    );
    let mut weak = new_user("budi", Role::Analyst, ScopeSpec::National);
    weak.password = "pendek".into();
    assert!(matches!(
        accounts::create_user(db, &weak, ADMIN, now).await,
        Err(AccountError::Password(_))
    ));

    accounts::set_disabled(db, id, true, ADMIN, now)
        .await
        .unwrap();
    assert_eq!(
        accounts::sign_in(db, "siti.verifikator", PASSWORD, "10.0.0.1", now)
            .await
            .unwrap(),
        SignInOutcome::Refused,
        "a disabled account cannot sign in"
    );
}

async fn scopes_are_checked_against_the_registry(db: &Db) {
    let now = at("2024-11-01T08:00:00Z");
    let (_, karawang) = add_karawang_official(db).await;
    let liaison = accounts::create_user(
        db,
        &new_user(
            "ppk.karawang",
            Role::PpkLiaison,
            ScopeSpec::Agency("3215".into()),
        ),
        ADMIN,
        now,
    )
    .await
    .unwrap();
    let user = accounts::get_user(db, liaison).await.unwrap().unwrap();
    assert_eq!(user.scope, Scope::Agency(karawang));
    assert_eq!(
        user.scope_label.as_deref(),
        Some("Pemerintah Kabupaten Karawang")
    );

    let reviewer = accounts::create_user(
        db,
        &new_user(
            "bawaslu.jabar",
            Role::Reviewer,
            "province:32".parse().unwrap(),
        ),
        ADMIN,
        now,
    )
    .await
    .unwrap();
    let user = accounts::get_user(db, reviewer).await.unwrap().unwrap();
    assert_eq!(user.scope, Scope::Province("32".parse().unwrap()));
    assert_eq!(user.scope_label.as_deref(), Some("Jawa Barat"));

    let unknown_agency = accounts::create_user(
        db,
        &new_user("ppk.x", Role::PpkLiaison, ScopeSpec::Agency("9999".into())),
        ADMIN,
        now,
    )
    .await;
    assert!(matches!(unknown_agency, Err(AccountError::UnknownAgency(code)) if code == "9999"));
    let unknown_province = accounts::create_user(
        db,
        // 20 is well formed but no province has it.
        &new_user("prov.x", Role::Reviewer, "province:20".parse().unwrap()),
        ADMIN,
        now,
    )
    .await;
    assert!(
        matches!(unknown_province, Err(AccountError::UnknownProvince(_))),
        "{unknown_province:?}"
    );
    let listed: Vec<String> = accounts::list_users(db)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.username)
        .collect();
    assert_eq!(listed, ["bawaslu.jabar", "ppk.karawang"]);
}

async fn repeated_failures_throttle_even_the_right_password(db: &Db) {
    let now = at("2024-11-01T08:00:00Z");
    accounts::create_user(
        db,
        &new_user("andi", Role::Verifier, ScopeSpec::National),
        ADMIN,
        now,
    )
    .await
    .unwrap();
    for _ in 0..THROTTLE_AFTER_FAILURES {
        let outcome = accounts::sign_in(db, "andi", "salah salah salah", "10.0.0.9", now)
            .await
            .unwrap();
        assert_eq!(outcome, SignInOutcome::Refused);
    }
    assert_eq!(
        accounts::sign_in(db, "andi", PASSWORD, "10.0.0.9", now)
            .await
            .unwrap(),
        SignInOutcome::Throttled
    );
    // Another user name is not held back by andi's failures.
    accounts::create_user(
        db,
        &new_user("sari", Role::Verifier, ScopeSpec::National),
        ADMIN,
        now,
    )
    .await
    .unwrap();
    assert!(matches!(
        accounts::sign_in(db, "sari", PASSWORD, "10.0.0.9", now)
            .await
            .unwrap(),
        SignInOutcome::SignedIn(_)
    ));
    let later = now + Duration::minutes(16);
    assert!(matches!(
        accounts::sign_in(db, "andi", PASSWORD, "10.0.0.9", later)
            .await
            .unwrap(),
        SignInOutcome::SignedIn(_)
    ));
    // Success wiped the slate: a fresh failure does not throttle at once.
    accounts::sign_in(db, "andi", "salah lagi salah", "10.0.0.9", later)
        .await
        .unwrap();
    assert!(matches!(
        accounts::sign_in(db, "andi", PASSWORD, "10.0.0.9", later)
            .await
            .unwrap(),
        SignInOutcome::SignedIn(_)
    ));
}

async fn sessions_end_when_idle_expired_closed_or_reset(db: &Db) {
    let now = at("2024-11-01T08:00:00Z");
    let id = accounts::create_user(
        db,
        &new_user("dewi", Role::Reviewer, ScopeSpec::National),
        ADMIN,
        now,
    )
    .await
    .unwrap();
    let token = sessions::open(db, id, true, "10.0.0.2", now).await.unwrap();
    let found = sessions::find(db, &token, now + Duration::minutes(5))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.user.id, id);
    assert!(found.second_factor_done);
    assert!(
        sessions::find(db, "not-a-token", now)
            .await
            .unwrap()
            .is_none()
    );
    // Kept alive by use: requests every 90 minutes for 10 hours.
    for hour in 1..=6 {
        let t = now + Duration::minutes(90 * hour);
        assert!(
            sessions::find(db, &token, t).await.unwrap().is_some(),
            "at +{hour}×90 min"
        );
    }
    assert!(
        sessions::find(db, &token, now + Duration::hours(12) + Duration::minutes(1))
            .await
            .unwrap()
            .is_none(),
        "a working day at most"
    );
    let idle = sessions::open(db, id, true, "10.0.0.2", now).await.unwrap();
    assert!(
        sessions::find(db, &idle, now + Duration::minutes(121))
            .await
            .unwrap()
            .is_none()
    );

    let closed = sessions::open(db, id, true, "10.0.0.2", now).await.unwrap();
    sessions::close(db, &closed).await.unwrap();
    assert!(sessions::find(db, &closed, now).await.unwrap().is_none());

    let before_reset = sessions::open(db, id, true, "10.0.0.2", now).await.unwrap();
    accounts::reset_password(db, id, "teh manis hangat", ADMIN, now)
        .await
        .unwrap();
    assert!(
        sessions::find(db, &before_reset, now)
            .await
            .unwrap()
            .is_none()
    );
    let user = accounts::get_user(db, id).await.unwrap().unwrap();
    assert!(user.must_change_password);
    assert_eq!(
        accounts::sign_in(db, "dewi", PASSWORD, "10.0.0.2", now)
            .await
            .unwrap(),
        SignInOutcome::Refused
    );
    let here = sessions::open(db, id, true, "10.0.0.2", now).await.unwrap();
    let elsewhere = sessions::open(db, id, true, "10.0.0.3", now).await.unwrap();
    assert!(matches!(
        accounts::change_password(db, id, "salah", "wedang jahe panas", &here, now).await,
        Err(AccountError::WrongCurrentPassword)
    ));
    accounts::change_password(db, id, "teh manis hangat", "wedang jahe panas", &here, now)
        .await
        .unwrap();
    assert!(
        sessions::find(db, &here, now).await.unwrap().is_some(),
        "the session in use stays"
    );
    assert!(
        sessions::find(db, &elsewhere, now).await.unwrap().is_none(),
        "others end"
    );
    let SignInOutcome::SignedIn(user) =
        accounts::sign_in(db, "dewi", "wedang jahe panas", "10.0.0.2", now)
            .await
            .unwrap()
    else {
        panic!("the new password signs in")
    };
    assert!(!user.must_change_password);
}

async fn a_second_factor_code_is_accepted_once(db: &Db) {
    let vault = Vault::from_hex(&"ab".repeat(32)).unwrap();
    let now = at("2024-11-01T08:00:00Z");
    let id = accounts::create_user(
        db,
        &new_user("kustodian", Role::Custodian, ScopeSpec::National),
        ADMIN,
        now,
    )
    .await
    .unwrap();
    let secret = second_factor::new_secret();
    let unix = u64::try_from(now.timestamp()).unwrap();
    let code = second_factor::code_at(&secret, unix).unwrap();
    let wrong: String = code
        .chars()
        .map(|c| char::from_digit((c.to_digit(10).unwrap() + 1) % 10, 10).unwrap())
        .collect();
    assert!(
        !accounts::enable_second_factor(db, &vault, id, &secret, &wrong, now)
            .await
            .unwrap()
    );
    assert!(
        !accounts::get_user(db, id)
            .await
            .unwrap()
            .unwrap()
            .has_second_factor
    );
    assert!(
        accounts::enable_second_factor(db, &vault, id, &secret, &code, now)
            .await
            .unwrap()
    );
    assert!(
        accounts::get_user(db, id)
            .await
            .unwrap()
            .unwrap()
            .has_second_factor
    );

    // The enrolment code is spent; the next step's code works once.
    assert!(
        !accounts::check_second_factor(db, &vault, id, &code, now)
            .await
            .unwrap()
    );
    let next = now + Duration::seconds(30);
    let next_code = second_factor::code_at(&secret, unix + 30).unwrap();
    assert!(
        accounts::check_second_factor(db, &vault, id, &next_code, next)
            .await
            .unwrap()
    );
    assert!(
        !accounts::check_second_factor(db, &vault, id, &next_code, next)
            .await
            .unwrap()
    );
    // Another server key cannot open the sealed secret.
    let other = Vault::from_hex(&"cd".repeat(32)).unwrap();
    let later = now + Duration::seconds(60);
    let later_code = second_factor::code_at(&secret, unix + 60).unwrap();
    assert!(
        accounts::check_second_factor(db, &other, id, &later_code, later)
            .await
            .is_err()
    );
}

async fn a_lost_second_factor_is_reset_by_an_administrator(db: &Db) {
    let vault = Vault::from_hex(&"ab".repeat(32)).unwrap();
    let now = at("2024-11-01T08:00:00Z");
    let id = accounts::create_user(
        db,
        &new_user("kustodian", Role::Custodian, ScopeSpec::National),
        ADMIN,
        now,
    )
    .await
    .unwrap();
    let secret = second_factor::new_secret();
    let unix = u64::try_from(now.timestamp()).unwrap();
    let code = second_factor::code_at(&secret, unix).unwrap();
    assert!(
        accounts::enable_second_factor(db, &vault, id, &secret, &code, now)
            .await
            .unwrap()
    );
    let token = sessions::open(db, id, true, "10.0.0.2", now).await.unwrap();

    let later = now + Duration::minutes(5);
    accounts::reset_second_factor(db, id, ADMIN, later)
        .await
        .unwrap();
    let user = accounts::get_user(db, id).await.unwrap().unwrap();
    assert!(
        !user.has_second_factor,
        "the old authenticator is forgotten"
    );
    assert!(
        sessions::find(db, &token, later).await.unwrap().is_none(),
        "sessions opened with the lost authenticator end"
    );
    let old_code = second_factor::code_at(&secret, unix + 330).unwrap();
    assert!(
        !accounts::check_second_factor(db, &vault, id, &old_code, later)
            .await
            .unwrap(),
        "codes of the old authenticator no longer sign in"
    );
    let logged = audit::about(db, "kustodian").await.unwrap();
    assert!(
        logged
            .iter()
            .any(|r| r.action == "account.second_factor_reset" && r.actor == "admin"),
        "{logged:?}"
    );
}
