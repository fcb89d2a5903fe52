use super::*;

fn ftyp(brand: &[u8; 4]) -> Vec<u8> {
    let mut b = vec![0, 0, 0, 0x18];
    b.extend_from_slice(b"ftyp");
    b.extend_from_slice(brand);
    b.extend_from_slice(&[0; 12]);
    b
}

fn jpeg() -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
    b.extend_from_slice(b"JFIF\0 some picture");
    b
}

#[test]
fn sniffs_each_type_from_its_header() {
    let mut webp = b"RIFF\x10\0\0\0WEBPVP8 ".to_vec();
    webp.extend_from_slice(&[0; 8]);
    let ebml = |doc: &[u8]| {
        let mut b = vec![0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x84];
        b.extend_from_slice(doc);
        b
    };
    let cases: Vec<(Vec<u8>, MediaType)> = vec![
        (jpeg(), MediaType::Jpeg),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), MediaType::Png),
        (b"GIF87a\x01\0".to_vec(), MediaType::Gif),
        (b"GIF89a\x01\0".to_vec(), MediaType::Gif),
        (webp, MediaType::WebP),
        (ftyp(b"heic"), MediaType::Heic),
        (ftyp(b"heix"), MediaType::Heic),
        (ftyp(b"mif1"), MediaType::Heif),
        (b"%PDF-1.7\n".to_vec(), MediaType::Pdf),
        (ftyp(b"isom"), MediaType::Mp4),
        (ftyp(b"iso2"), MediaType::Mp4),
        (ftyp(b"mp41"), MediaType::Mp4),
        (ftyp(b"mp42"), MediaType::Mp4),
        (ftyp(b"avc1"), MediaType::Mp4),
        (ftyp(b"M4V "), MediaType::Mp4),
        (ftyp(b"qt  "), MediaType::QuickTime),
        (ebml(b"webm"), MediaType::WebM),
        (ebml(b"matroska"), MediaType::Matroska),
        (ftyp(b"3gp4"), MediaType::ThreeGp),
        (ftyp(b"3gp5"), MediaType::ThreeGp),
    ];
    for (bytes, expected) in cases {
        assert_eq!(EvidenceStore::sniff(&bytes), Some(expected), "{expected:?}");
        assert_eq!(MediaType::from_mime(expected.mime()), Some(expected));
    }
    assert_eq!(MediaType::Jpeg.mime(), "image/jpeg");
    assert_eq!(MediaType::QuickTime.extension(), "mov");
    assert_eq!(MediaType::Heic.kind(), MediaKind::Image);
    assert_eq!(MediaType::Pdf.kind(), MediaKind::Pdf);
    assert_eq!(MediaType::WebM.kind(), MediaKind::Video);
}

#[test]
fn refuses_everything_else_whatever_its_name() {
    let refused: [&[u8]; 10] = [
        b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff", // a Windows .exe, even if uploaded as photo.jpg
        b"PK\x03\x04\x14\0\0\0",                 // ZIP (and so DOCX, XLSX, APK)
        b"<!DOCTYPE html><html>",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\">",
        b"just some text",
        b"\x7fELF\x02\x01\x01",
        b"RIFF\x10\0\0\0WAVEfmt ", // RIFF but not WebP
        b"\0\0\0\x18ftypM4A \0\0", // audio-only MP4 brand
        b"\xFF\xD8",               // truncated JPEG magic
        b"",
    ];
    for bytes in refused {
        assert_eq!(EvidenceStore::sniff(bytes), None, "{bytes:?}");
    }
}

#[test]
fn size_limit() {
    assert!(check_size(10, 10).is_ok());
    assert!(matches!(
        check_size(11, 10),
        Err(EvidenceError::TooLarge { size: 11, max: 10 })
    ));
}

#[tokio::test]
async fn stores_once_read_only_under_its_hash() {
    let dir = tempfile::tempdir().unwrap();
    let store = EvidenceStore::open(dir.path().join("evidence")).unwrap();
    let bytes = jpeg();

    let first = store.put(&bytes).await.unwrap();
    assert!(first.newly_stored);
    assert_eq!(first.size, bytes.len() as u64);
    assert_eq!(first.media_type, MediaType::Jpeg);
    assert_eq!(first.sha256, hex::encode(Sha256::digest(&bytes)));

    let second = store.put(&bytes).await.unwrap();
    assert!(!second.newly_stored);
    assert_eq!(second.sha256, first.sha256);

    let path = store.path_of(&first.sha256).unwrap();
    let h = &first.sha256;
    assert_eq!(path, store.root().join(&h[..2]).join(&h[2..4]).join(h));
    let folder: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        folder,
        vec![std::ffi::OsString::from(h)],
        "no temp files left"
    );

    let on_disk = std::fs::read(&path).unwrap();
    assert_eq!(hex::encode(Sha256::digest(&on_disk)), first.sha256);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o444);
    }
    assert_eq!(store.get(&first.sha256).await.unwrap(), bytes);
}

#[tokio::test]
async fn refuses_unknown_and_empty_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = EvidenceStore::open(dir.path()).unwrap();
    assert!(matches!(
        store.put(b"MZ\x90\0 not a photo").await,
        Err(EvidenceError::UnsupportedType)
    ));
    assert!(matches!(store.put(b"").await, Err(EvidenceError::Empty)));
}

#[tokio::test]
async fn get_detects_tampering_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = EvidenceStore::open(dir.path()).unwrap();
    let stored = store.put(b"%PDF-1.4 a letter").await.unwrap();
    let path = store.path_of(&stored.sha256).unwrap();

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    #[cfg(not(unix))]
    {
        let mut perms = std::fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(false);
        std::fs::set_permissions(&path, perms).unwrap();
    }
    std::fs::write(&path, b"%PDF-1.4 a forgery").unwrap();
    assert!(matches!(
        store.get(&stored.sha256).await,
        Err(EvidenceError::Corrupt { .. })
    ));

    let absent = "0".repeat(64);
    assert!(matches!(
        store.get(&absent).await,
        Err(EvidenceError::NotFound { .. })
    ));
}

#[tokio::test]
async fn refuses_malformed_hashes_before_touching_the_filesystem() {
    let dir = tempfile::tempdir().unwrap();
    let store = EvidenceStore::open(dir.path()).unwrap();
    let valid = "ab".repeat(32);
    let bad = [
        "../etc/passwd".to_owned(),
        valid.to_uppercase(),
        valid[..63].to_owned(),
        format!("{valid}0"),
        format!("../{}", &valid[3..]),
        format!("{}g", &valid[..63]),
        String::new(),
    ];
    for hash in &bad {
        assert!(
            matches!(store.path_of(hash), Err(EvidenceError::InvalidHash)),
            "{hash}"
        );
        assert!(
            matches!(store.get(hash).await, Err(EvidenceError::InvalidHash)),
            "{hash}"
        );
    }
    assert!(store.path_of(&valid).is_ok());
}
