//! Personal API tokens on both backends: a token acts as its owner until revoked or expired,
//! ends with a disabled account or an administrator's reset, is kept only as a hash, and every
//! creation and revocation is in the audit log without the typed name.

use chrono::Duration;
use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_store::accounts::api_tokens::{self, MAX_LIVE_TOKENS, TOKEN_PREFIX, TokenError};
use netral_store::accounts::{self, StaffUser};
use netral_store::{Db, audit, sql};
use netral_testkit::{at, on_both};

use super::accounts::{ADMIN, new_user};

on_both!(
    a_token_acts_as_its_owner_until_revoked,
    tokens_expire_and_end_with_a_disabled_or_reset_account,
    names_lifetimes_and_the_number_of_live_tokens_are_checked,
);

async fn user(db: &Db, username: &str, role: Role) -> StaffUser {
    let id = accounts::create_user(
        db,
        &new_user(username, role, ScopeSpec::National),
        ADMIN,
        at("2024-11-01T08:00:00Z"),
    )
    .await
    .unwrap();
    accounts::get_user(db, id).await.unwrap().unwrap()
}

async fn a_token_acts_as_its_owner_until_revoked(db: &Db) {
    let now = at("2024-11-01T08:00:00Z");
    let siti = user(db, "siti", Role::Verifier).await;
    let budi = user(db, "budi", Role::Verifier).await;
    let issued = api_tokens::create(db, &siti, "  Skrip rekap harian  ", 90, now)
        .await
        .unwrap();
    assert!(issued.secret.starts_with(TOKEN_PREFIX), "{}", issued.secret);
    assert_eq!(issued.expires_at, now + Duration::days(90));
    let stored: i64 = sql("SELECT COUNT(*) AS n FROM api_tokens WHERE token_hash = $1")
        .bind(issued.secret.clone())
        .fetch_one(db)
        .await
        .unwrap()
        .get("n")
        .unwrap();
    assert_eq!(stored, 0, "the secret itself is never stored");

    let later = now + Duration::hours(3);
    let acting = api_tokens::authenticate(db, &issued.secret, later)
        .await
        .unwrap()
        .expect("a live token opens the API");
    assert_eq!(
        acting, siti,
        "as its owner, with the owner's role and scope"
    );
    let listed = api_tokens::list(db, siti.id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name, "Skrip rekap harian", "the name trimmed");
    assert_eq!(listed[0].last_used_at, Some(later));
    assert!(api_tokens::list(db, budi.id).await.unwrap().is_empty());

    for wrong in [
        "",
        "ntr_",
        issued.secret.trim_start_matches(TOKEN_PREFIX),
        &format!("{}x", issued.secret),
    ] {
        assert_eq!(
            api_tokens::authenticate(db, wrong, later).await.unwrap(),
            None,
            "{wrong:?}"
        );
    }

    assert!(
        !api_tokens::revoke(db, &budi, issued.id, later)
            .await
            .unwrap(),
        "nobody revokes another's token"
    );
    assert!(
        api_tokens::authenticate(db, &issued.secret, later)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        api_tokens::revoke(db, &siti, issued.id, later)
            .await
            .unwrap()
    );
    assert!(
        !api_tokens::revoke(db, &siti, issued.id, later)
            .await
            .unwrap(),
        "revoked once"
    );
    assert_eq!(
        api_tokens::authenticate(db, &issued.secret, later)
            .await
            .unwrap(),
        None
    );
    let listed = api_tokens::list(db, siti.id).await.unwrap();
    assert_eq!(listed[0].revoked_at, Some(later), "the row stays, marked");
    assert!(!listed[0].is_live(later));

    let logged: Vec<(String, serde_json::Value)> = audit::about(db, "siti")
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.action.starts_with("api_token."))
        .map(|r| (r.action, r.details))
        .collect();
    assert_eq!(
        logged,
        [
            (
                "api_token.create".to_owned(),
                serde_json::json!({"user": siti.id, "token": issued.id, "days": 90})
            ),
            (
                "api_token.revoke".to_owned(),
                serde_json::json!({"user": siti.id, "token": issued.id})
            ),
        ]
    );
    assert!(audit::verify(db).await.unwrap().broken.is_none());
}

async fn tokens_expire_and_end_with_a_disabled_or_reset_account(db: &Db) {
    let now = at("2024-11-01T08:00:00Z");
    let siti = user(db, "siti", Role::Verifier).await;
    let short = api_tokens::create(db, &siti, "satu hari", 1, now)
        .await
        .unwrap();
    let long = api_tokens::create(db, &siti, "setahun", 365, now)
        .await
        .unwrap();
    let next_day = now + Duration::days(1) + Duration::seconds(1);
    assert_eq!(
        api_tokens::authenticate(db, &short.secret, next_day)
            .await
            .unwrap(),
        None,
        "expired"
    );
    assert!(
        api_tokens::authenticate(db, &long.secret, next_day)
            .await
            .unwrap()
            .is_some()
    );

    // The user's own password change keeps their tokens.
    let session = accounts::sessions::open(db, siti.id, true, "10.0.0.2", now)
        .await
        .unwrap();
    accounts::change_password(
        db,
        siti.id,
        "kopi tubruk panas",
        "wedang jahe panas",
        &session,
        now,
    )
    .await
    .unwrap();
    assert!(
        api_tokens::authenticate(db, &long.secret, now)
            .await
            .unwrap()
            .is_some()
    );

    accounts::set_disabled(db, siti.id, true, ADMIN, now)
        .await
        .unwrap();
    assert_eq!(
        api_tokens::authenticate(db, &long.secret, now)
            .await
            .unwrap(),
        None,
        "a disabled account's token"
    );
    accounts::set_disabled(db, siti.id, false, ADMIN, now)
        .await
        .unwrap();
    assert_eq!(
        api_tokens::authenticate(db, &long.secret, now)
            .await
            .unwrap(),
        None,
        "enabling the account again does not bring its tokens back"
    );

    let fresh = api_tokens::create(db, &siti, "baru", 30, now)
        .await
        .unwrap();
    assert!(
        api_tokens::authenticate(db, &fresh.secret, now)
            .await
            .unwrap()
            .is_some()
    );
    accounts::reset_password(db, siti.id, "teh manis hangat", ADMIN, now)
        .await
        .unwrap();
    assert_eq!(
        api_tokens::authenticate(db, &fresh.secret, now)
            .await
            .unwrap(),
        None,
        "an administrator's reset ends the tokens with the sessions"
    );
    assert!(
        api_tokens::list(db, siti.id)
            .await
            .unwrap()
            .iter()
            .all(|t| t.revoked_at.is_some()),
        "every one of them revoked"
    );
}

async fn names_lifetimes_and_the_number_of_live_tokens_are_checked(db: &Db) {
    let now = at("2024-11-01T08:00:00Z");
    let siti = user(db, "siti", Role::Verifier).await;
    for (name, days) in [(" ", 30), ("", 30)] {
        assert!(matches!(
            api_tokens::create(db, &siti, name, days, now).await,
            Err(TokenError::EmptyName)
        ));
    }
    assert!(matches!(
        api_tokens::create(db, &siti, &"x".repeat(101), 30, now).await,
        Err(TokenError::NameTooLong)
    ));
    for days in [0, -1, 366] {
        assert!(matches!(
            api_tokens::create(db, &siti, "skrip", days, now).await,
            Err(TokenError::BadLifetime(d)) if d == days
        ));
    }
    let mut first = None;
    for i in 0..MAX_LIVE_TOKENS {
        let issued = api_tokens::create(db, &siti, &format!("skrip {i}"), 30, now)
            .await
            .unwrap();
        first.get_or_insert(issued.id);
    }
    assert!(matches!(
        api_tokens::create(db, &siti, "satu lagi", 30, now).await,
        Err(TokenError::TooMany)
    ));
    assert!(
        api_tokens::revoke(db, &siti, first.unwrap(), now)
            .await
            .unwrap()
    );
    api_tokens::create(db, &siti, "satu lagi", 30, now)
        .await
        .expect("a revoked token makes room");
    assert_eq!(
        api_tokens::list(db, siti.id).await.unwrap().len() as i64,
        MAX_LIVE_TOKENS + 1
    );
}
