//! Static files, compiled into the binary: the server needs nothing beside itself, and no page
//! loads anything from elsewhere.

pub(crate) struct Asset {
    pub path: &'static str,
    pub content_type: &'static str,
    pub bytes: &'static [u8],
}

const ASSETS: [Asset; 2] = [
    Asset {
        path: "netral.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../static/netral.css"),
    },
    Asset {
        path: "vendor/htmx/htmx.min.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../static/vendor/htmx/htmx.min.js"),
    },
];

pub(crate) fn find(path: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|asset| asset.path == path)
}

/// The URL a page links to: the path plus a fingerprint of the content. Assets are cached for a
/// year, so a changed file must come under a new URL or browsers would keep the old one.
pub(crate) fn url(path: &str) -> Option<String> {
    // 12 hex digits: ample to tell versions apart, and too short to pass for a NIK or NIP in
    // the tests that look for those.
    find(path).map(|asset| {
        format!(
            "/static/{}?v={:012x}",
            asset.path,
            fingerprint(asset.bytes) >> 16
        )
    })
}

/// FNV-1a: stable across builds and Rust versions (unlike `DefaultHasher`), and plenty to tell
/// one version of a file from the next.
fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn urls_change_with_content_and_unknown_files_have_none() {
        assert_ne!(super::fingerprint(b"a{}"), super::fingerprint(b"b{}"));
        assert!(
            super::url("netral.css")
                .unwrap()
                .starts_with("/static/netral.css?v=")
        );
        assert_eq!(super::url("missing.css"), None);
    }
}
