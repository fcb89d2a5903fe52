//! The evidence types accepted, recognised by their first bytes. The list is short on purpose:
//! what a reporter photographs, screenshots, records or downloads as a letter. Anything else
//! (archives, office files, HTML, executables) could carry active content to the officers who
//! open it, so it is refused rather than guessed at.

/// A content type accepted as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaType {
    Jpeg,
    Png,
    Gif,
    WebP,
    Heic,
    Heif,
    Pdf,
    Mp4,
    QuickTime,
    WebM,
    Matroska,
    ThreeGp,
}

/// How the back office shows a file: inline picture, document viewer, or video player.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaKind {
    Image,
    Pdf,
    Video,
}

const ALL: [MediaType; 12] = [
    MediaType::Jpeg,
    MediaType::Png,
    MediaType::Gif,
    MediaType::WebP,
    MediaType::Heic,
    MediaType::Heif,
    MediaType::Pdf,
    MediaType::Mp4,
    MediaType::QuickTime,
    MediaType::WebM,
    MediaType::Matroska,
    MediaType::ThreeGp,
];

impl MediaType {
    /// The type of `bytes` judged by content alone; `None` when it is not an accepted type.
    pub fn sniff(bytes: &[u8]) -> Option<MediaType> {
        let starts = |magic: &[u8]| bytes.starts_with(magic);
        if starts(&[0xFF, 0xD8, 0xFF]) {
            return Some(MediaType::Jpeg);
        }
        if starts(b"\x89PNG\r\n\x1a\n") {
            return Some(MediaType::Png);
        }
        if starts(b"GIF87a") || starts(b"GIF89a") {
            return Some(MediaType::Gif);
        }
        if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
            return Some(MediaType::WebP);
        }
        if starts(b"%PDF-") {
            return Some(MediaType::Pdf);
        }
        if starts(&[0x1A, 0x45, 0xDF, 0xA3]) {
            // EBML: WebM and Matroska differ only in the DocType string near the start.
            let head = &bytes[..bytes.len().min(64)];
            let webm = head.windows(4).any(|w| w == b"webm");
            return Some(if webm {
                MediaType::WebM
            } else {
                MediaType::Matroska
            });
        }
        if bytes.get(4..8) == Some(b"ftyp") {
            return sniff_iso_brand(bytes.get(8..12)?);
        }
        None
    }

    /// The MIME type, sent as `Content-Type` and stored with the evidence record.
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
            MediaType::Gif => "image/gif",
            MediaType::WebP => "image/webp",
            MediaType::Heic => "image/heic",
            MediaType::Heif => "image/heif",
            MediaType::Pdf => "application/pdf",
            MediaType::Mp4 => "video/mp4",
            MediaType::QuickTime => "video/quicktime",
            MediaType::WebM => "video/webm",
            MediaType::Matroska => "video/x-matroska",
            MediaType::ThreeGp => "video/3gpp",
        }
    }

    /// The file extension (without dot) used when a file is downloaded.
    pub fn extension(self) -> &'static str {
        match self {
            MediaType::Jpeg => "jpg",
            MediaType::Png => "png",
            MediaType::Gif => "gif",
            MediaType::WebP => "webp",
            MediaType::Heic => "heic",
            MediaType::Heif => "heif",
            MediaType::Pdf => "pdf",
            MediaType::Mp4 => "mp4",
            MediaType::QuickTime => "mov",
            MediaType::WebM => "webm",
            MediaType::Matroska => "mkv",
            MediaType::ThreeGp => "3gp",
        }
    }

    pub fn kind(self) -> MediaKind {
        match self {
            MediaType::Jpeg
            | MediaType::Png
            | MediaType::Gif
            | MediaType::WebP
            | MediaType::Heic
            | MediaType::Heif => MediaKind::Image,
            MediaType::Pdf => MediaKind::Pdf,
            MediaType::Mp4
            | MediaType::QuickTime
            | MediaType::WebM
            | MediaType::Matroska
            | MediaType::ThreeGp => MediaKind::Video,
        }
    }

    /// The inverse of [`MediaType::mime`], for reading a stored type back from the database.
    pub fn from_mime(mime: &str) -> Option<MediaType> {
        ALL.into_iter().find(|t| t.mime() == mime)
    }
}

impl std::fmt::Display for MediaType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.mime())
    }
}

/// The major brand of an ISO base media file (MP4, MOV, HEIC and 3GP share the container).
fn sniff_iso_brand(brand: &[u8]) -> Option<MediaType> {
    match brand {
        b"heic" | b"heix" | b"heim" | b"heis" => Some(MediaType::Heic),
        b"mif1" | b"msf1" => Some(MediaType::Heif),
        b"isom" | b"iso2" | b"iso4" | b"iso5" | b"iso6" | b"mp41" | b"mp42" | b"avc1" | b"M4V " => {
            Some(MediaType::Mp4)
        }
        b"qt  " => Some(MediaType::QuickTime),
        [b'3', b'g', b'p', _] => Some(MediaType::ThreeGp),
        _ => None,
    }
}
