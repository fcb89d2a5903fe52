//! The application under test: the real server on 127.0.0.1 with a fresh SQLite database in a
//! temporary folder and the repository's rules folder, reached over plain HTTP.

use std::path::Path;
use std::sync::Arc;

use netral_domain::rules::RuleBook;
pub use netral_store::Backend;
use netral_store::Db;
use netral_store::evidence::EvidenceStore;
use netral_store::vault::Vault;
use netral_web::{AppState, IntakeSettings};
use reqwest::header::HeaderMap;
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const RULES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../rules");

pub fn rule_book() -> Arc<RuleBook> {
    Arc::new(
        netral_store::rules_files::load_rule_book(Path::new(RULES_DIR))
            .expect("the repository's rules load"),
    )
}

pub struct TestApp {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub base: String,
    pub db: Db,
    pub rules: Arc<RuleBook>,
    /// The server's key, for tests that act as a trusted part of the system (sealing a second
    /// factor as an enrolment would).
    pub vault: Arc<Vault>,
    /// What the server runs with, for tests that play the job worker.
    pub state: AppState,
    http: reqwest::Client,
    stop: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<std::io::Result<()>>>,
    /// The PostgreSQL database of a test run on it, dropped by [`TestApp::finish`].
    postgres: Option<netral_testkit::TestDb>,
    _dir: TempDir,
}

/// A response read to the end, so tests can look at it as often as they like.
pub struct Page {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub async fn read(response: reqwest::Response) -> Page {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.text().await.unwrap();
        Page {
            status,
            headers,
            body,
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    #[track_caller]
    pub fn assert_contains(&self, text: &str) {
        assert!(
            self.body.contains(text),
            "expected `{text}` in the page:\n{}",
            self.body
        );
    }

    /// The text of the first `<h1>`, tags stripped.
    pub fn h1(&self) -> String {
        let start = self.body.find("<h1").expect("page has an h1");
        let open_end = start + self.body[start..].find('>').unwrap() + 1;
        let close = open_end + self.body[open_end..].find("</h1>").unwrap();
        self.body[open_end..close].trim().to_owned()
    }
}

/// `text` as the templates write it into HTML.
pub fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

impl TestApp {
    pub async fn start() -> TestApp {
        TestApp::start_with(IntakeSettings::default()).await
    }

    /// With the intake limits a test needs: a small file limit, no minimum fill time…
    pub async fn start_with(intake: IntakeSettings) -> TestApp {
        TestApp::start_full(intake, Backend::Sqlite).await
    }

    /// On SQLite or on a PostgreSQL database of its own (see netral-testkit), for tests of
    /// what the store does differently on each; end such a test with [`TestApp::finish`].
    pub async fn start_on(backend: Backend) -> TestApp {
        TestApp::start_full(IntakeSettings::default(), backend).await
    }

    async fn start_full(intake: IntakeSettings, backend: Backend) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let (db, postgres) = match backend {
            Backend::Sqlite => {
                let url = format!("sqlite:{}", dir.path().join("netral.db").display());
                let db = Db::connect(&url).await.unwrap();
                db.migrate().await.unwrap();
                (db, None)
            }
            Backend::Postgres => {
                let test_db = netral_testkit::TestDb::postgres().await;
                (test_db.db.clone(), Some(test_db))
            }
        };
        let rules = rule_book();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = oneshot::channel::<()>();
        let (vault, _) = Vault::load_or_create(&dir.path().join("secret.key")).unwrap();
        let vault = Arc::new(vault);
        let state = AppState {
            db: db.clone(),
            rules: rules.clone(),
            vault: vault.clone(),
            imports: netral_web::ImportSettings::in_folder(dir.path().join("imports")),
            evidence: EvidenceStore::open(dir.path().join("evidence")).unwrap(),
            intake,
            mail: netral_web::MailSettings::default(),
            statistics: netral_web::StatisticsSettings::default(),
            screening: netral_web::ScreeningSettings {
                watchlist_dir: Some(Path::new(RULES_DIR).join("watchlists")),
                ..netral_web::ScreeningSettings::default()
            },
        };
        let server = tokio::spawn(netral_web::serve(listener, state.clone(), async move {
            let _ = stopped.await;
        }));
        // No redirects followed and no cookie jar: each test says exactly what it sends.
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        TestApp {
            base,
            db,
            rules,
            vault,
            state,
            http,
            stop: Some(stop),
            server: Some(server),
            postgres,
            _dir: dir,
        }
    }

    /// The client the tests use: no redirects followed, no cookie jar.
    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    pub async fn get(&self, path: &str) -> Page {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut request = self.http.get(format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        Page::read(response).await
    }

    /// A number from `SELECT COUNT(*) AS n …`.
    pub async fn count(&self, query: &'static str) -> i64 {
        netral_store::sql(query)
            .fetch_one(&self.db)
            .await
            .unwrap()
            .get("n")
            .unwrap()
    }

    /// Stops the server and drops a PostgreSQL test database. Called after a test passed: a
    /// failed test leaves its database behind for a look.
    pub async fn finish(mut self) {
        let postgres = self.postgres.take();
        self.stop().await.unwrap();
        if let Some(test_db) = postgres {
            test_db.finish().await;
        }
    }

    /// Asks the server to stop and waits for it: graceful shutdown must finish on its own.
    pub async fn stop(mut self) -> std::io::Result<()> {
        let _ = self.stop.take().unwrap().send(());
        let server = self.server.take().unwrap();
        tokio::time::timeout(std::time::Duration::from_secs(10), server)
            .await
            .expect("server stops within 10 s")
            .expect("server task did not panic")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Runs `async fn $name(app: &TestApp)` against a server on SQLite and one on PostgreSQL.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                use crate::web::app::{Backend, TestApp};

                #[tokio::test]
                async fn sqlite() {
                    let app = TestApp::start_on(Backend::Sqlite).await;
                    super::$name(&app).await;
                    app.finish().await;
                }

                #[tokio::test]
                async fn postgres() {
                    let app = TestApp::start_on(Backend::Postgres).await;
                    super::$name(&app).await;
                    app.finish().await;
                }
            }
        )*
    };
}
pub(crate) use on_both_backends;
