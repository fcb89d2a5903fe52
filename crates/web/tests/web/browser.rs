//! Real headless Chromium through chromedriver, for tests that need a browser: layout, keyboard,
//! CSP enforcement. Each run starts its own chromedriver on a free port and a fresh profile.
//!
//! Missing browser packages fail the test with instructions: a skipped browser test would let
//! a broken page pass unnoticed.

use std::future::Future;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;
use tempfile::TempDir;

/// Debian's `chromium` and `chromium-driver`; `NETRAL_CHROMIUM` / `NETRAL_CHROMEDRIVER` point
/// elsewhere on other systems.
fn binary(variable: &str, default: &str) -> String {
    let path = std::env::var(variable).unwrap_or_else(|_| default.to_owned());
    assert!(
        Path::new(&path).exists(),
        "{path} not found: the browser tests need Chromium and its driver. Install them with \
         `apt-get install -y chromium chromium-driver` (or set {variable} to the binary)."
    );
    path
}

/// The chromedriver process, killed when dropped: also when a test panics half-way.
struct Chromedriver {
    child: Child,
    port: u16,
}

impl Chromedriver {
    fn start() -> Chromedriver {
        let driver = binary("NETRAL_CHROMEDRIVER", "/usr/bin/chromedriver");
        // Ask the OS for a free port, then hand it to chromedriver.
        let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {driver}: {e}"));
        let mut driver = Chromedriver { child, port };
        driver.wait_until_listening();
        driver
    }

    fn wait_until_listening(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect((Ipv4Addr::LOCALHOST, self.port)).is_err() {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "chromedriver exited at start ({status}); is `chromium-driver` the same version as `chromium`?"
                );
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not listen on port {} within 30 s",
                self.port
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `test` against a fresh browser 360 px wide that prefers Indonesian, then closes the browser and the driver,
/// whether the test passed or panicked.
pub async fn with_browser<F, Fut>(test: F)
where
    F: FnOnce(Client) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let chromium = binary("NETRAL_CHROMIUM", "/usr/bin/chromium");
    let driver = Chromedriver::start();
    let profile = TempDir::new().unwrap();
    let options = json!({
        "binary": chromium,
        "args": [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            format!("--user-data-dir={}", profile.path().display()),
            "--window-size=360,800",
        ],
        // An Indonesian visitor's browser, the site's main audience; Chromium would otherwise
        // ask for en-US and get English pages through Accept-Language.
        "prefs": { "intl.accept_languages": "id-ID,id" },
    });
    let mut capabilities = serde_json::Map::new();
    capabilities.insert("goog:chromeOptions".into(), options);
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .unwrap_or_else(|e| panic!("chromedriver could not start Chromium: {e}"));
    // On its own task, so that a panic inside still lets the session be closed below.
    let browser = client.clone();
    let outcome = tokio::spawn(async move {
        // Chromium widens a start-up window narrower than 500 px; a resize afterwards is obeyed.
        browser
            .set_window_size(360, 800)
            .await
            .expect("resize the window to 360 px");
        test(browser).await;
    })
    .await;
    let _ = client.close().await;
    drop(driver);
    drop(profile);
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Presses and releases one key, sent to whatever has the focus.
pub async fn press(client: &Client, key: Key) {
    let key: char = key.into();
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    client.perform_actions(actions).await.unwrap();
}

/// Evaluates a JavaScript expression in the page.
pub async fn eval(client: &Client, expression: &str) -> serde_json::Value {
    client
        .execute(&format!("return {expression};"), vec![])
        .await
        .unwrap_or_else(|e| panic!("`{expression}`: {e}"))
}

/// Saves a PNG of the whole page into `$NETRAL_SCREENSHOTS/<name>.png` when that variable is
/// set, for a person to look at; does nothing otherwise. The window grows to the page's height
/// for the picture (WebDriver shots show the viewport only) and then returns to 360 × 800.
pub async fn snapshot(client: &Client, name: &str) {
    let Ok(dir) = std::env::var("NETRAL_SCREENSHOTS") else {
        return;
    };
    let height = eval(client, "document.documentElement.scrollHeight")
        .await
        .as_u64()
        .unwrap_or(800);
    client
        .set_window_size(360, height as u32 + 100)
        .await
        .unwrap();
    let png = client
        .screenshot()
        .await
        .unwrap_or_else(|e| panic!("screenshot {name}: {e}"));
    client.set_window_size(360, 800).await.unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(Path::new(&dir).join(format!("{name}.png")), png).unwrap();
}

/// Clicks the first element matching `css`.
pub async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no `{css}`: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("click `{css}`: {e}"));
}

pub async fn type_into(client: &Client, css: &str, text: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no `{css}`: {e}"))
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("type into `{css}`: {e}"));
}

/// The text of an element on the page now showing (waiting for it after a navigation). An
/// element found on a page that is just being replaced goes stale: it is looked up again.
pub async fn text(client: &Client, css: &str) -> String {
    let start = Instant::now();
    loop {
        let element = client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no `{css}`: {e}"));
        match element.text().await {
            Ok(text) => return text,
            Err(e) if start.elapsed() > Duration::from_secs(10) => panic!("`{css}`: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// Types a date into a date field as a person does: the digits, in the order the browser's
/// locale shows the parts (month first in en-US, day first in Indonesian).
pub async fn type_date(client: &Client, css: &str, year: &str, month: &str, day: &str) {
    let field = client.find(Locator::Css(css)).await.unwrap();
    for digits in [format!("{month}{day}{year}"), format!("{day}{month}{year}")] {
        field.clear().await.unwrap();
        field.send_keys(&digits).await.unwrap();
        let value = field.prop("value").await.unwrap().unwrap_or_default();
        if value == format!("{year}-{month}-{day}") {
            return;
        }
    }
    panic!("could not type {year}-{month}-{day} into {css}");
}

/// Waits until the first element matching `css` reads `expected`: after a click that loads a
/// new page, the old page may still be read for a moment.
pub async fn wait_for_text(client: &Client, css: &str, expected: &str) {
    let start = Instant::now();
    let mut seen = String::new();
    while start.elapsed() < Duration::from_secs(10) {
        if let Ok(element) = client.find(Locator::Css(css)).await
            && let Ok(now) = element.text().await
        {
            if now == expected {
                return;
            }
            seen = now;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("`{css}` reads `{seen}`, expected `{expected}`");
}
