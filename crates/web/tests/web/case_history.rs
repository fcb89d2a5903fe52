//! Case histories for the statistics tests, made through the real intake and the real state
//! machine (`intake::file_report`, `cases::apply`), so that the figures are counted from the
//! same events a real case leaves. Cases run several at a time: SQLite commits them in groups,
//! PostgreSQL in parallel.

use std::sync::Arc;

use chrono::Utc;
use netral_domain::case::{Action, RejectionReason, Role};
use netral_domain::report::{Channel, NewReport, ReportDraft, ReporterMode, Subject};
use netral_domain::rules::RuleBook;
use netral_store::Db;
use netral_store::cases::{self, Actor};
use netral_store::intake::{self, Intake};
use netral_testkit::fixtures::{NIP, SEMARANG_NIP};

/// How a case ends in a history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Turned away at verification.
    Rejected,
    /// Verified, then found not proven.
    NotProven,
    /// Proven, recommended, and sanctioned by the PPK.
    Sanctioned,
    /// Proven, recommended, and refused by the PPK: not followed up.
    Refused,
    /// Still waiting for verification.
    Received,
}

/// One case to make: who about, through which channel, which violation, and how it ends.
#[derive(Debug, Clone)]
pub struct Planned {
    pub nip: &'static str,
    pub channel: Channel,
    pub violation: &'static str,
    pub outcome: Outcome,
}

fn actor(role: Role) -> Actor {
    Actor {
        name: format!("uji-{}", role.as_str()),
        role,
    }
}

/// The actions that lead a new case to `outcome`, by whom.
fn steps(outcome: Outcome, violation: &str) -> Vec<(Role, Action)> {
    let start = (Role::Verifier, Action::StartVerification);
    let pass = (
        Role::Verifier,
        Action::PassVerification {
            note: "Terlapor ASN aktif.".into(),
        },
    );
    let proven = vec![
        start.clone(),
        pass.clone(),
        (
            Role::Reviewer,
            Action::FindViolation {
                violations: vec![violation.into()],
                note: "Unsur terpenuhi.".into(),
            },
        ),
        (
            Role::DecisionMaker,
            Action::IssueRecommendation {
                letter_number: String::new(),
                sanction: "MORAL_TERTUTUP".into(),
                override_reason: Some("Sanksi disesuaikan untuk uji.".into()),
            },
        ),
    ];
    match outcome {
        Outcome::Received => Vec::new(),
        Outcome::Rejected => vec![
            start,
            (
                Role::Verifier,
                Action::Reject {
                    reason: RejectionReason::NoEvidence,
                    note: "Tidak ada bukti.".into(),
                },
            ),
        ],
        Outcome::NotProven => vec![
            start,
            pass,
            (
                Role::Reviewer,
                Action::FindNotProven {
                    note: "Tidak terbukti.".into(),
                },
            ),
        ],
        Outcome::Sanctioned => {
            let mut steps = proven;
            steps.push((
                Role::PpkLiaison,
                Action::RecordFollowUp {
                    decree_number: "800/1/BKPSDM".into(),
                    decree_date: Utc::now().date_naive(),
                    sanction: "MORAL_TERTUTUP".into(),
                },
            ));
            steps
        }
        Outcome::Refused => {
            let mut steps = proven;
            steps.push((
                Role::PpkLiaison,
                Action::RecordRefusal {
                    reason: "PPK menilai tidak cukup bukti.".into(),
                },
            ));
            steps
        }
    }
}

async fn make(db: &Db, rules: &RuleBook, plan: &Planned) {
    let today = Utc::now().date_naive();
    let report = NewReport {
        channel: plan.channel,
        incident_date: today,
        summary: format!("Dugaan {} oleh ASN", plan.violation),
        subject: Subject::Nip(plan.nip.parse().unwrap()),
        violation_hints: vec![plan.violation.into()],
        place: String::new(),
        links: Vec::new(),
        election: None,
    };
    let draft = ReportDraft::new(report, today).unwrap();
    let intake = Intake {
        draft: &draft,
        reporter_mode: ReporterMode::Anonymous,
        sealed_identity: None,
        idempotency_key: None,
        receipt_hash: None,
        attachments: &[],
    };
    let filed = intake::file_report(db, rules, &intake, Utc::now())
        .await
        .unwrap();
    for (role, action) in steps(plan.outcome, plan.violation) {
        cases::apply(
            db,
            rules,
            &filed.case_number,
            None,
            &actor(role),
            &action,
            Utc::now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{:?} on {}: {e}", action.kind(), filed.case_number));
    }
}

/// Makes every planned case, eight at a time.
pub async fn make_all(db: &Db, rules: &Arc<RuleBook>, plans: Vec<Planned>) {
    let plans = Arc::new(plans);
    let mut workers = tokio::task::JoinSet::new();
    for worker in 0..8 {
        let (db, rules, plans) = (db.clone(), rules.clone(), plans.clone());
        workers.spawn(async move {
            for plan in plans.iter().skip(worker).step_by(8) {
                make(&db, &rules, plan).await;
            }
        });
    }
    while let Some(done) = workers.join_next().await {
        done.unwrap();
    }
}

/// West Java 2020–2022 as DOMAIN.md reports it (seed 000), scaled to 1,000 reported cases so
/// that every published share is a whole number of cases: social-media campaigning 30.2 %,
/// partisan activities 15.1 %, declarations 13.5 %, partisan photos 13.1 %, approaching a
/// party 10.1 %; 278 proven, 194 of them sanctioned. All about the Karawang official.
pub fn west_java(nip: &'static str) -> Vec<Planned> {
    let violations = [
        ("MEDSOS_KAMPANYE", 302),
        ("KEGIATAN_KEBERPIHAKAN", 151),
        ("DEKLARASI", 135),
        ("FOTO_KEBERPIHAKAN", 131),
        ("PENDEKATAN_PARPOL", 101),
        ("MEDSOS_INTERAKSI", 100),
        ("ATRIBUT", 80),
    ];
    // 278 proven (194 sanctioned, 84 refused), 322 not proven, 400 rejected: outcomes dealt
    // round the violations so each violation gets a mix.
    let mut outcomes = Vec::with_capacity(1_000);
    outcomes.extend(std::iter::repeat_n(Outcome::Sanctioned, 194));
    outcomes.extend(std::iter::repeat_n(Outcome::Refused, 84));
    outcomes.extend(std::iter::repeat_n(Outcome::NotProven, 322));
    outcomes.extend(std::iter::repeat_n(Outcome::Rejected, 400));
    let mut codes = Vec::with_capacity(1_000);
    for (code, n) in violations {
        codes.extend(std::iter::repeat_n(code, n));
    }
    assert_eq!((codes.len(), outcomes.len()), (1_000, 1_000));
    // Interleave, so that outcome i goes with a violation spread over the list.
    (0..1_000)
        .map(|i| Planned {
            nip,
            channel: if i % 3 == 0 {
                Channel::Bawaslu
            } else {
                Channel::Public
            },
            violation: codes[(i * 7) % 1_000],
            outcome: outcomes[i],
        })
        .collect()
}

/// Ten cases: six about the Karawang official (West Java), four about the Semarang teacher
/// (Central Java).
pub fn two_provinces() -> Vec<Planned> {
    let plan = |nip, channel, violation, outcome| Planned {
        nip,
        channel,
        violation,
        outcome,
    };
    vec![
        plan(NIP, Channel::Public, "MEDSOS_KAMPANYE", Outcome::Sanctioned),
        plan(NIP, Channel::Public, "MEDSOS_KAMPANYE", Outcome::Sanctioned),
        plan(NIP, Channel::Bawaslu, "DEKLARASI", Outcome::Sanctioned),
        plan(NIP, Channel::Public, "ATRIBUT", Outcome::Rejected),
        plan(NIP, Channel::Public, "ATRIBUT", Outcome::Rejected),
        plan(NIP, Channel::Bawaslu, "DEKLARASI", Outcome::Received),
        plan(
            SEMARANG_NIP,
            Channel::Public,
            "FOTO_KEBERPIHAKAN",
            Outcome::NotProven,
        ),
        plan(
            SEMARANG_NIP,
            Channel::Public,
            "FOTO_KEBERPIHAKAN",
            Outcome::NotProven,
        ),
        plan(
            SEMARANG_NIP,
            Channel::Bawaslu,
            "MEDSOS_KAMPANYE",
            Outcome::Refused,
        ),
        plan(
            SEMARANG_NIP,
            Channel::Public,
            "MEDSOS_KAMPANYE",
            Outcome::Refused,
        ),
    ]
}
