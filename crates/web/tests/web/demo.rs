//! Demo cases with personal data in every field the public must never see, so that tests can
//! check that none of it reaches a public page.

use chrono::NaiveDate;
use netral_domain::case::{Action, RejectionReason, Role};
use netral_domain::report::{Channel, Subject};
use netral_store::cases::{self, Actor};
use netral_testkit::at;
use netral_testkit::fixtures::add_karawang_official;
use netral_testkit::reports;

use super::app::TestApp;

pub use netral_testkit::fixtures::NIP;
pub const SUMMARY: &str = "Membagikan stiker paslon di grup WhatsApp dinas";
pub const DESCRIPTION: &str = "Kepala Bidang Kebudayaan, Dinas Pendidikan Kab. Karawang";
pub const NOTE: &str = "Terlapor bukan ASN menurut SIASN";

/// Words from the demo data that would only appear on a page by leaking personal data.
pub const PRIVATE_WORDS: [&str; 7] = [NIP, "Suryana", SUMMARY, "Kebudayaan", NOTE, "NTR-", "LAP-"];

/// Three cases: two waiting for verification (one about a named civil servant), one rejected.
pub async fn seed(app: &TestApp) {
    let db = &app.db;
    add_karawang_official(db).await;

    let incident = NaiveDate::from_ymd_opt(2024, 9, 15).unwrap();
    let today = NaiveDate::from_ymd_opt(2024, 10, 1).unwrap();
    let now = at("2024-10-01T03:00:00Z");
    let named = reports::draft(
        Channel::Public,
        incident,
        SUMMARY,
        Subject::Nip(NIP.parse().unwrap()),
        today,
    );
    let described = reports::draft(
        Channel::Bawaslu,
        incident,
        SUMMARY,
        Subject::Described(DESCRIPTION.into()),
        today,
    );
    reports::file(db, &app.rules, &named, None, now)
        .await
        .unwrap();
    reports::file(db, &app.rules, &described, None, now)
        .await
        .unwrap();
    let rejected = reports::file(db, &app.rules, &described, None, now)
        .await
        .unwrap();
    let verifier = Actor {
        name: "Petugas Satgas Demo".into(),
        role: Role::Verifier,
    };
    for action in [
        Action::StartVerification,
        Action::Reject {
            reason: RejectionReason::NotAnAsn,
            note: NOTE.into(),
        },
    ] {
        cases::apply(
            db,
            &app.rules,
            &rejected.case_number,
            None,
            &verifier,
            &action,
            at("2024-10-02T03:00:00Z"),
        )
        .await
        .unwrap();
    }
}
