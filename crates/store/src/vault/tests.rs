use super::*;

fn vault(byte: u8) -> Vault {
    Vault::from_hex(&hex::encode([byte; 32])).unwrap()
}

#[test]
fn seal_round_trip_bound_to_context() {
    let v = vault(1);
    let sealed = v.seal("Siti, 0812-3456-7890".as_bytes(), "LAP-2029-000123");
    assert_eq!(sealed[0], SEAL_VERSION);
    assert_eq!(
        v.open(&sealed, "LAP-2029-000123").unwrap(),
        "Siti, 0812-3456-7890".as_bytes()
    );
    assert!(matches!(
        v.open(&sealed, "LAP-2029-000124"),
        Err(VaultError::CannotOpen)
    ));
    assert!(matches!(
        vault(2).open(&sealed, "LAP-2029-000123"),
        Err(VaultError::CannotOpen)
    ));
}

#[test]
fn any_flipped_byte_or_truncation_is_refused() {
    let v = vault(1);
    let sealed = v.seal(b"identity", "ctx");
    for i in 0..sealed.len() {
        let mut tampered = sealed.clone();
        tampered[i] ^= 0x01;
        assert!(v.open(&tampered, "ctx").is_err(), "byte {i}");
    }
    assert!(v.open(&sealed[..sealed.len() - 1], "ctx").is_err());
    assert!(v.open(&[], "ctx").is_err());
}

#[test]
fn sealing_twice_gives_different_bytes() {
    let v = vault(1);
    assert_ne!(v.seal(b"same", "ctx"), v.seal(b"same", "ctx"));
    assert_eq!(v.open(&v.seal(b"", "ctx"), "ctx").unwrap(), b"");
}

#[test]
fn receipt_code_is_deterministic_per_key_and_submission() {
    let a = vault(1).receipt_code("idem-1");
    assert_eq!(a, vault(1).receipt_code("idem-1"));
    assert_ne!(a, vault(1).receipt_code("idem-2"));
    assert_ne!(a, vault(2).receipt_code("idem-1"));

    let shown = a.to_string();
    assert_eq!(shown.len(), 24);
    assert_eq!(shown.matches('-').count(), 4);
    assert!(shown.split('-').all(|g| g.len() == 4));
    assert_eq!(shown.replace('-', ""), a.as_str());
    assert_eq!(ReceiptCode::parse(&shown).unwrap(), a);
    assert_eq!(format!("{a:?}"), "ReceiptCode(..)");
}

#[test]
fn receipt_code_uses_the_first_100_bits() {
    // 0b00001 00010 00011 … : the characters 1, 2, 3, … in order.
    let mut bits: u128 = 0;
    for i in 0..20u128 {
        bits = (bits << 5) | ((i + 1) % 32);
    }
    let digest = (bits << 28).to_be_bytes();
    assert_eq!(
        ReceiptCode::from_digest(&digest).to_string(),
        "1234-5678-9ABC-DEFG-HJKM"
    );
}

#[test]
fn receipt_code_parsing_is_lenient_but_strict_on_content() {
    let code = ReceiptCode::parse("ABCD-EFGH-JKMN-PQRS-TVWX").unwrap();
    for typed in [
        "abcd efgh jkmn pqrs tvwx",
        "abcdefghjkmnpqrstvwx",
        " AbCd-EfGh jkmn--PQRS tvwx ",
    ] {
        assert_eq!(ReceiptCode::parse(typed).unwrap(), code, "{typed}");
    }
    assert_eq!(
        ReceiptCode::parse("O0IL-1abc-defg-hjkm-npqr").unwrap(),
        ReceiptCode::parse("0011-1ABC-DEFG-HJKM-NPQR").unwrap()
    );
    assert_eq!(
        ReceiptCode::parse("ABCD-EFGH-JKMN-PQRS"),
        Err(ReceiptCodeError::WrongLength(16))
    );
    assert_eq!(
        ReceiptCode::parse("ABCD-EFGH-JKMN-PQRS-TVWXY"),
        Err(ReceiptCodeError::WrongLength(21))
    );
    assert_eq!(
        ReceiptCode::parse("ABCD-EFGH-JKMN-PQRS-TVWU"),
        Err(ReceiptCodeError::InvalidCharacter('U'))
    );
    assert_eq!(
        ReceiptCode::parse("ABCD-EFGH-JKMN-PQRS-TVW*"),
        Err(ReceiptCodeError::InvalidCharacter('*'))
    );
    assert!(ReceiptCode::parse("ABCD-EFGH-JKMN-PQRS-TVWé").is_err());
    assert!(ReceiptCode::parse("").is_err());
}

#[test]
fn receipt_hash_is_stable_and_matches() {
    let code = ReceiptCode::parse("ABCD-EFGH-JKMN-PQRS-TVWX").unwrap();
    // SHA-256 of the canonical text, so any tool can recompute it.
    assert_eq!(
        code.hash(),
        hex::encode(<Sha256 as sha2::Digest>::digest(b"ABCDEFGHJKMNPQRSTVWX"))
    );
    assert_eq!(code.hash().len(), 64);
    assert!(receipt_matches(&code, &code.hash()));
    let other = ReceiptCode::parse("ABCD-EFGH-JKMN-PQRS-TVW0").unwrap();
    assert!(!receipt_matches(&other, &code.hash()));
    assert!(!receipt_matches(&code, ""));
}

#[test]
fn signed_tokens_verify_only_unaltered_and_for_their_purpose() {
    let v = vault(1);
    let token = v.sign("csrf", "session.1721.x");
    assert!(token.starts_with("session.1721.x."));
    assert_eq!(v.verify("csrf", &token).as_deref(), Some("session.1721.x"));

    assert_eq!(v.verify("form-issued", &token), None);
    assert_eq!(vault(2).verify("csrf", &token), None);
    let altered = token.replacen("1721", "1722", 1);
    assert_eq!(v.verify("csrf", &altered), None);
    assert_eq!(v.verify("csrf", "no-signature"), None);
    assert_eq!(v.verify("csrf", "payload.!!!"), None);
    assert_eq!(v.verify("csrf", &format!("{token}A")), None);
    // Moving the purpose/payload boundary must not give the same signature.
    assert_eq!(
        v.verify("csr", &v.sign("csrf", "x").replacen('x', "fx", 1)),
        None
    );
    assert_eq!(v.verify("e", &v.sign("e", "")).as_deref(), Some(""));
}

#[test]
fn random_tokens_are_url_safe_and_distinct() {
    let a = random_token(32);
    assert_eq!(a.len(), 43);
    assert!(
        a.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    );
    assert_ne!(a, random_token(32));
}

#[test]
fn debug_never_shows_the_key() {
    assert_eq!(format!("{:?}", vault(0xAB)), "Vault(..)");
}

#[test]
fn from_hex_refuses_bad_keys() {
    assert!(Vault::from_hex(&format!("{}\n", "0f".repeat(32))).is_ok());
    assert!(Vault::from_hex(&"0F".repeat(32)).is_ok());
    for bad in [
        "",
        "abc",
        &"0f".repeat(31),
        &"zz".repeat(32),
        &"0f".repeat(33),
    ] {
        assert!(matches!(Vault::from_hex(bad), Err(VaultError::InvalidKey)));
    }
}

#[cfg(unix)]
mod key_files {
    use std::os::unix::fs::PermissionsExt as _;

    use super::*;

    fn set_mode(path: &std::path::Path, mode: u32) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn created_private_and_loaded_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secrets/vault.key");
        let created = Vault::create_key_file(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.len(), 65);
        assert!(text.ends_with('\n'));

        let loaded = Vault::from_key_file(&path).unwrap();
        let sealed = created.seal(b"x", "c");
        assert_eq!(loaded.open(&sealed, "c").unwrap(), b"x");

        assert!(matches!(
            Vault::create_key_file(&path),
            Err(VaultError::KeyFileExists { .. })
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }

    #[test]
    fn refused_when_others_can_read_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vault.key");
        Vault::create_key_file(&path).unwrap();
        set_mode(&path, 0o644);
        let err = Vault::from_key_file(&path).unwrap_err();
        assert!(matches!(
            err,
            VaultError::KeyFilePermissions { mode: 0o644, .. }
        ));
        let message = err.to_string();
        assert!(message.contains("chmod 600"), "{message}");
        assert!(message.contains(&path.display().to_string()), "{message}");
        set_mode(&path, 0o400);
        assert!(Vault::from_key_file(&path).is_ok());
    }

    #[test]
    fn hex_and_raw_forms_load_the_same_key() {
        let dir = tempfile::tempdir().unwrap();
        let key = [0x5Au8; 32];
        let raw = dir.path().join("raw.key");
        let hexed = dir.path().join("hex.key");
        let bad = dir.path().join("bad.key");
        std::fs::write(&raw, key).unwrap();
        std::fs::write(&hexed, format!("{}\r\n", hex::encode(key))).unwrap();
        std::fs::write(&bad, "not a key\n").unwrap();
        for p in [&raw, &hexed, &bad] {
            set_mode(p, 0o600);
        }
        let sealed = Vault::from_key_file(&raw).unwrap().seal(b"id", "c");
        let from_hex = Vault::from_key_file(&hexed).unwrap();
        assert_eq!(from_hex.open(&sealed, "c").unwrap(), b"id");
        assert_eq!(vault(0x5A).open(&sealed, "c").unwrap(), b"id");
        let err = Vault::from_key_file(&bad).unwrap_err();
        assert!(matches!(err, VaultError::KeyFileFormat { .. }));
        assert!(matches!(
            Vault::from_key_file(&dir.path().join("missing.key")),
            Err(VaultError::KeyFileRead { .. })
        ));
    }

    #[test]
    fn load_or_create_creates_once_then_loads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vault.key");
        let (first, created) = Vault::load_or_create(&path).unwrap();
        assert!(created);
        let (second, created) = Vault::load_or_create(&path).unwrap();
        assert!(!created);
        assert_eq!(first.receipt_code("k"), second.receipt_code("k"));
    }
}
