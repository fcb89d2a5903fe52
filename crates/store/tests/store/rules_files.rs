//! The rules folder on disk: the shipped one loads; a broken file stops loading with its name.

use std::path::Path;

use netral_store::rules_files::load_rule_book;

fn shipped() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules")
}

fn copy_of_shipped() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["versions", "holidays"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(shipped().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.path().join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

#[test]
fn the_shipped_rules_folder_loads() {
    let book = load_rule_book(&shipped()).unwrap();
    assert_eq!(book.versions().len(), 2);
    assert_eq!(
        book.calendar().years().collect::<Vec<_>>(),
        [2024, 2025, 2026]
    );
}

#[test]
fn a_corrupt_file_is_named_with_its_line() {
    let dir = copy_of_shipped();
    let file = dir.path().join("holidays/2025.toml");
    let text = std::fs::read_to_string(&file).unwrap().replacen(
        "kind = \"national\"",
        "kind = \"nasional\"",
        1,
    );
    std::fs::write(&file, &text).unwrap();
    let err = load_rule_book(dir.path()).unwrap_err();
    let line = text.lines().position(|l| l.contains("nasional")).unwrap() + 1;
    assert!(err.file.ends_with("holidays/2025.toml"), "{err}");
    assert_eq!(err.line, Some(line), "{err}");
    assert_eq!(err.field.as_deref(), Some("days[0].kind"), "{err}");
}

#[test]
fn a_missing_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_rule_book(&dir.path().join("nowhere")).unwrap_err();
    assert!(
        err.to_string().contains("nowhere/versions")
            && err.to_string().contains("cannot read the folder"),
        "{err}"
    );
}
