//! The README's first command, end to end: start with demo data on a fresh SQLite file, read the
//! printed address, fetch the page, stop with SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};

use crate::{netral, rules_dir};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn serve_demo_creates_the_database_prints_the_address_and_serves_the_home_page() {
    let work = tempfile::tempdir().unwrap();
    let child = netral()
        .current_dir(work.path())
        .args(["serve", "--demo", "--listen", "127.0.0.1:0", "--rules"])
        .arg(rules_dir())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let mut lines = BufReader::new(server.0.stdout.take().unwrap()).lines();
    let mut printed = Vec::new();
    let running = loop {
        let line = lines
            .next()
            .expect("netral serve printed its address")
            .unwrap();
        if line.starts_with("Netral is running") {
            break line;
        }
        printed.push(line);
    };
    assert!(
        printed
            .iter()
            .any(|l| l.starts_with("Added demonstration data")),
        "{printed:?}"
    );
    assert!(
        printed
            .iter()
            .any(|l| l.starts_with("Staff sign in at /masuk as admin, satgas")),
        "{printed:?}"
    );
    assert!(
        printed
            .iter()
            .any(|l| l.starts_with("Created a new secret key at netral-data/secret.key")),
        "{printed:?}"
    );
    let address = running
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {running:?}"))
        .to_owned();
    assert!(
        work.path().join("netral.db").exists(),
        "netral.db is created in the working directory"
    );
    let home = get(&address, "/");
    assert!(home.starts_with("HTTP/1.1 200"), "{home}");
    assert!(home.contains("lang=\"id\""), "Indonesian by default");
    let health = get(&address, "/healthz");
    assert!(health.contains("\"database\":\"sqlite\""), "{health}");
    // SIGTERM, as a service manager would send: a clean stop.
    let status = Command::new("kill")
        .args(["-TERM", &server.0.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = server.0.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
    assert_eq!(
        lines.next().map(Result::unwrap).as_deref(),
        Some("Netral stopped.")
    );
}

use std::process::Command;
