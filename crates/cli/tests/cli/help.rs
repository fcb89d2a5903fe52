use crate::{netral, text};

#[test]
fn help_names_every_command() {
    let output = netral().arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = text(&output);
    for command in ["serve", "migrate", "admin", "synth", "audit"] {
        assert!(help.contains(command), "{help}");
    }
}

#[test]
fn serve_help_documents_its_options_and_defaults() {
    let help = text(&netral().args(["serve", "--help"]).output().unwrap());
    for expected in [
        "--listen",
        "127.0.0.1:8080",
        "--demo",
        "--database",
        "DATABASE_URL",
        "sqlite:netral.db",
        "--rules",
    ] {
        assert!(help.contains(expected), "missing {expected} in:\n{help}");
    }
    let help = text(&netral().args(["admin", "--help"]).output().unwrap());
    assert!(
        help.contains("check-rules") && help.contains("demo"),
        "{help}"
    );
}
