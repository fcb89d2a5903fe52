//! Test harness shared by every crate's tests: a fresh, migrated database per test on SQLite
//! (a temporary file) or PostgreSQL (a database of its own, on the server named by
//! NETRAL_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test), the shipped
//! rules, and fixed instants. When PostgreSQL is unreachable, its half fails: never skipped.

pub mod cross_check;
pub mod roster;

use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{DateTime, Utc};
use netral_domain::rules::RuleBook;
use netral_store::Db;

pub fn postgres_admin_url() -> String {
    std::env::var("NETRAL_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

pub struct TestDb {
    pub db: Db,
    /// The URL the database was opened with, for a process started by the test.
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { name: String },
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("netral.db").display());
        let db = Db::connect(&url).await.unwrap();
        db.migrate().await.unwrap();
        TestDb {
            db,
            url,
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    pub async fn postgres() -> TestDb {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let admin_url = postgres_admin_url();
        let admin = Db::connect(&admin_url)
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL is required for the conformance suite and is not reachable: {e}. Start it, or run ./scripts/test which does."));
        let name = format!(
            "netral_t_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        exec(&admin, &format!("DROP DATABASE IF EXISTS {name}")).await;
        exec(&admin, &format!("CREATE DATABASE {name}")).await;
        admin.close().await;
        let url = match admin_url.rsplit_once('/') {
            Some((base, _)) => format!("{base}/{name}"),
            None => panic!("NETRAL_TEST_POSTGRES_URL must end in /DATABASE"),
        };
        let db = Db::connect(&url).await.unwrap();
        db.migrate().await.unwrap();
        TestDb {
            db,
            url,
            cleanup: Cleanup::Postgres { name },
        }
    }

    /// Drops the per-test database. Called after a test passed: a failed test leaves its
    /// database behind for a look.
    pub async fn finish(self) {
        self.db.close().await;
        if let Cleanup::Postgres { name } = self.cleanup {
            let admin = Db::connect(&postgres_admin_url()).await.unwrap();
            exec(
                &admin,
                &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            )
            .await;
            admin.close().await;
        }
    }
}

async fn exec(db: &Db, statement: &str) {
    match db {
        Db::Postgres(pool) => {
            sqlx::raw_sql(sqlx::AssertSqlSafe(statement.to_owned()))
                .execute(pool)
                .await
                .unwrap();
        }
        Db::Sqlite { .. } => unreachable!("only PostgreSQL has databases to create"),
    }
}

pub fn rules() -> RuleBook {
    netral_store::rules_files::load_rule_book(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules"),
    )
    .unwrap()
}

pub fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

/// Runs `async fn $name(db: &Db)` once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    let test_db = $crate::TestDb::sqlite().await;
                    super::$name(&test_db.db).await;
                    test_db.finish().await;
                }

                #[tokio::test]
                async fn postgres() {
                    let test_db = $crate::TestDb::postgres().await;
                    super::$name(&test_db.db).await;
                    test_db.finish().await;
                }
            }
        )*
    };
}

/// A civil servant who exists in the roster of every test that asks for one.
pub mod fixtures {
    use netral_store::Db;
    use netral_store::registry::{self, NewAgency, NewCivilServant};

    pub const NIP: &str = "198503122010011003";
    pub const NAME: &str = "Drs. H. Ahmad Suryana, M.Si.";

    /// Adds the Karawang regency and one of its officials; returns (person id, agency id).
    pub async fn add_karawang_official(db: &Db) -> (i64, i64) {
        let mut tx = db.begin().await.unwrap();
        let agency = NewAgency {
            code: "3215".into(),
            name: "Pemerintah Kabupaten Karawang".into(),
            kind: "regency",
            region_code: Some("32.15".into()),
            ppk_title: "Bupati Karawang".into(),
        };
        let agency_id = registry::insert_agency(&mut tx, &agency).await.unwrap();
        let person = NewCivilServant {
            nip: NIP.parse().unwrap(),
            nik: None,
            name: NAME.parse().unwrap(),
            agency_id,
            unit: "Dinas Pendidikan".into(),
            position_type: "administrator".into(),
            position: "Kepala Bidang".into(),
        };
        let person_id = registry::insert_civil_servant(&mut tx, &person)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        (person_id, agency_id)
    }

    /// A teacher's NIP in Semarang, Central Java: another province than Karawang's.
    pub const SEMARANG_NIP: &str = "197001012000122001";

    /// Adds the city of Semarang and a teacher there named `name` (tests pick a name that
    /// does or does not resemble the Karawang official's); returns (person id, agency id).
    pub async fn add_semarang_teacher(db: &Db, name: &str) -> (i64, i64) {
        let mut tx = db.begin().await.unwrap();
        let agency = NewAgency {
            code: "3374".into(),
            name: "Pemerintah Kota Semarang".into(),
            kind: "city",
            region_code: Some("33.74".into()),
            ppk_title: "Wali Kota Semarang".into(),
        };
        let agency_id = registry::insert_agency(&mut tx, &agency).await.unwrap();
        let person = NewCivilServant {
            nip: SEMARANG_NIP.parse().unwrap(),
            nik: None,
            name: name.parse().unwrap(),
            agency_id,
            unit: "Dinas Pendidikan".into(),
            position_type: "functional".into(),
            position: "Guru Ahli Madya".into(),
        };
        let person_id = registry::insert_civil_servant(&mut tx, &person)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        (person_id, agency_id)
    }
}

/// Reports as tests need them: the facts that matter to the test, the rest left empty.
pub mod reports {
    use chrono::{DateTime, NaiveDate, Utc};
    use netral_domain::report::{Channel, NewReport, ReportDraft, ReporterMode, Subject};
    use netral_domain::rules::RuleBook;
    use netral_store::intake::{self, FiledReport, Intake};
    use netral_store::{Db, StoreError};

    pub fn draft(
        channel: Channel,
        incident_date: NaiveDate,
        summary: &str,
        subject: Subject,
        today: NaiveDate,
    ) -> ReportDraft {
        let report = NewReport {
            channel,
            incident_date,
            summary: summary.into(),
            subject,
            violation_hints: Vec::new(),
            place: String::new(),
            links: Vec::new(),
            election: None,
        };
        ReportDraft::new(report, today).unwrap()
    }

    /// Files an anonymous report without receipt or files.
    pub async fn file(
        db: &Db,
        rules: &RuleBook,
        draft: &ReportDraft,
        idempotency_key: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<FiledReport, StoreError> {
        let intake = Intake {
            draft,
            reporter_mode: ReporterMode::Anonymous,
            sealed_identity: None,
            idempotency_key,
            receipt_hash: None,
            attachments: &[],
        };
        intake::file_report(db, rules, &intake, now).await
    }
}
