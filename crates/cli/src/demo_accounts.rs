//! Staff accounts for the demonstration: one per role, so a visitor of `serve --demo` can walk
//! through the back office as each of them. The password is public on purpose (it is printed
//! and in the README): demo data only, never a real installation.

use chrono::{DateTime, Utc};
use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_store::Db;
use netral_store::accounts::{self, NewStaffUser};
use netral_store::audit;

/// The demo accounts' shared password.
pub const PASSWORD: &str = "netral-demo-2024";

/// (user name, full name, role, scope). Karawang (3215) and West Java (32) are in the demo's
/// generated country.
const ACCOUNTS: [(&str, &str, Role, &str); 7] = [
    (
        "admin",
        "Rina Administrator",
        Role::Administrator,
        "national",
    ),
    ("satgas", "Budi Verifikator", Role::Verifier, "national"),
    (
        "bawaslu.jabar",
        "Sri Pengkaji",
        Role::Reviewer,
        "province:32",
    ),
    ("pemutus", "Hendra Pemutus", Role::DecisionMaker, "national"),
    (
        "ppk.karawang",
        "Dewi Penghubung",
        Role::PpkLiaison,
        "agency:3215",
    ),
    ("kustodian", "Maya Kustodian", Role::Custodian, "national"),
    ("analis", "Yusuf Analis", Role::Analyst, "national"),
];

/// Adds the accounts to a database that has none; gives their user names.
pub async fn add(db: &Db, now: DateTime<Utc>) -> anyhow::Result<Vec<&'static str>> {
    if !accounts::list_users(db).await?.is_empty() {
        return Ok(Vec::new());
    }
    for (username, name, role, scope) in ACCOUNTS {
        let new = NewStaffUser {
            username: username.to_owned(),
            display_name: name.to_owned(),
            email: Some(format!("{username}@demo.netral.invalid")),
            role,
            scope: scope.parse::<ScopeSpec>()?,
            password: PASSWORD.to_owned(),
            must_change_password: false,
        };
        accounts::create_user(db, &new, audit::Actor::SYSTEM, now).await?;
    }
    Ok(ACCOUNTS.map(|(username, ..)| username).to_vec())
}
