//! `netral admin create-user`: the first administrator of a fresh installation, and clear
//! refusals for a taken name, an unknown agency or a weak password.

use std::io::Write;
use std::process::Stdio;

use crate::{netral, text};

fn create_user(database: &str, extra: &[&str]) -> std::process::Output {
    netral()
        .args([
            "admin",
            "create-user",
            "--database",
            database,
            "--name",
            "Siti Rahma",
        ])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn the_first_administrator_gets_a_temporary_password_once() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", dir.path().join("netral.db").display());
    let output = create_user(
        &database,
        &["--username", "Admin", "--role", "administrator"],
    );
    assert!(output.status.success(), "{}", text(&output));
    let said = text(&output);
    assert!(said.contains("Created account admin"), "{said}");
    assert!(said.contains("scope national"), "{said}");
    let password = said
        .lines()
        .find_map(|l| l.split("first sign-in): ").nth(1))
        .expect("the temporary password is printed");
    assert_eq!(password.trim().len(), 16);

    let again = create_user(&database, &["--username", "admin", "--role", "verifier"]);
    assert!(!again.status.success());
    assert!(
        text(&again).contains("user name `admin` is taken"),
        "{}",
        text(&again)
    );

    let unknown = create_user(
        &database,
        &[
            "--username",
            "ppk.x",
            "--role",
            "ppk_liaison",
            "--scope",
            "agency:9999",
        ],
    );
    assert!(!unknown.status.success());
    assert!(
        text(&unknown).contains("no agency has the code `9999`"),
        "{}",
        text(&unknown)
    );

    let bad_scope = create_user(
        &database,
        &[
            "--username",
            "x.y",
            "--role",
            "reviewer",
            "--scope",
            "jabar",
        ],
    );
    assert!(!bad_scope.status.success());
    assert!(text(&bad_scope).contains("--scope"), "{}", text(&bad_scope));
}

#[test]
fn a_password_from_standard_input_is_checked_and_not_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", dir.path().join("netral.db").display());
    let run = |password: &str| {
        let mut child = netral()
            .args([
                "admin",
                "create-user",
                "--database",
                &database,
                "--name",
                "Budi",
            ])
            .args([
                "--username",
                "budi",
                "--role",
                "verifier",
                "--password-stdin",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
        child.wait_with_output().unwrap()
    };
    let short = run("pendek");
    assert!(!short.status.success());
    assert!(
        text(&short).contains("at least 12 characters"),
        "{}",
        text(&short)
    );
    let good = run("teh manis hangat sekali");
    assert!(good.status.success(), "{}", text(&good));
    assert!(
        !text(&good).contains("teh manis"),
        "the password is never printed"
    );
}
