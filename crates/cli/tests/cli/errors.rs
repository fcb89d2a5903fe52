//! Every way a start can go wrong ends with one line that says what, and a failure exit code.

use crate::{netral, rules_dir, text};

/// A copy of the shipped rules with one wrong value; returns the folder and the line it is on.
fn broken_rules() -> (tempfile::TempDir, usize) {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["versions", "holidays"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(rules_dir().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.path().join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    let file = dir.path().join("versions/2024-08-24-bkn.toml");
    let text = std::fs::read_to_string(&file).unwrap().replacen(
        "severity = \"heavy\"",
        "severity = \"berat\"",
        1,
    );
    std::fs::write(file, &text).unwrap();
    let line = text.lines().position(|l| l.contains("berat")).unwrap() + 1;
    (dir, line)
}

#[test]
fn a_corrupt_rules_file_stops_the_start_naming_file_line_and_field() {
    let (rules, line) = broken_rules();
    let work = tempfile::tempdir().unwrap();
    let output = netral()
        .current_dir(work.path())
        .args(["serve", "--listen", "127.0.0.1:0", "--rules"])
        .arg(rules.path())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = text(&output);
    assert!(
        message.contains(&format!(
            "versions/2024-08-24-bkn.toml, line {line}, field `sanctions[5].severity`"
        )),
        "{message}"
    );
    assert!(message.contains("unknown variant `berat`"), "{message}");
    assert!(
        !work.path().join("netral.db").exists(),
        "nothing was touched before the rules were read"
    );
    let check = netral()
        .args(["admin", "check-rules", "--rules"])
        .arg(rules.path())
        .output()
        .unwrap();
    assert!(!check.status.success());
    assert!(
        text(&check).contains("sanctions[5].severity"),
        "{}",
        text(&check)
    );
}

#[test]
fn an_unreachable_or_unknown_database_is_named() {
    let output = netral()
        .args([
            "migrate",
            "--database",
            "postgres://netral:secret@127.0.0.1:1/netral",
        ])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = text(&output);
    assert!(
        message.contains("cannot reach the database at postgres://netral:***@127.0.0.1:1/netral"),
        "{message}"
    );
    assert!(!message.contains("secret"), "{message}");
    let output = netral()
        .args(["migrate", "--database", "oracle://x"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        text(&output).contains("unsupported database URL `oracle://x`"),
        "{}",
        text(&output)
    );
}

#[test]
fn a_bad_listen_address_is_named() {
    let output = netral()
        .args(["serve", "--listen", "localhost"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(text(&output).contains("--listen"), "{}", text(&output));
}
