//! The position types the figures break down by (DOMAIN.md: JPT, administrator, supervisor,
//! district and village heads, functional, staff), read from the roster's SIASN columns.

/// Every class, as filters and breakdowns name them.
pub const CLASSES: [&str; 7] = [
    "jpt",
    "administrator",
    "supervisor",
    "camat",
    "lurah",
    "functional",
    "staff",
];

/// The class of a post from SIASN's `jenisJabatan`, `eselon` and `jabatanNama`. A district
/// head (*camat*) or urban-village head (*lurah*) is a structural post by law but is counted
/// apart in public figures, so the post's name is looked at first. `None` when the roster
/// says nothing usable.
pub fn position_class(
    kind: Option<&str>,
    eselon: Option<&str>,
    position: Option<&str>,
) -> Option<&'static str> {
    let lower = |s: Option<&str>| s.map(|s| s.trim().to_lowercase()).unwrap_or_default();
    let (kind, eselon, position) = (lower(kind), lower(eselon), lower(position));
    if position.starts_with("camat") {
        return Some("camat");
    }
    if position.starts_with("lurah") || position.starts_with("kepala desa") {
        return Some("lurah");
    }
    // Eselon is written `II.a`, `III/b`, `IV a`: the roman numeral before any separator.
    let level: String = eselon
        .chars()
        .take_while(|c| matches!(c, 'i' | 'v'))
        .collect();
    match level.as_str() {
        "i" | "ii" => return Some("jpt"),
        "iii" => return Some("administrator"),
        "iv" | "v" => return Some("supervisor"),
        _ => {}
    }
    if position.starts_with("kepala") && kind.contains("struktural") {
        return Some("supervisor");
    }
    if kind.contains("pelaksana") || kind.contains("fungsional umum") {
        Some("staff")
    } else if kind.contains("fungsional") {
        Some("functional")
    } else if kind.contains("struktural") {
        Some("staff")
    } else {
        // Data already in these terms (the synthetic roster, a cleaned export).
        CLASSES.into_iter().find(|c| *c == kind)
    }
}

#[cfg(test)]
mod tests {
    use super::position_class;

    #[test]
    fn posts_are_classed_by_name_then_eselon_then_kind() {
        let cases = [
            (
                Some("Struktural"),
                Some("II.a"),
                Some("Kepala Dinas Pendidikan"),
                Some("jpt"),
            ),
            (
                Some("Struktural"),
                Some("III.b"),
                Some("Sekretaris Dinas"),
                Some("administrator"),
            ),
            (
                Some("Struktural"),
                Some("IV/a"),
                Some("Kepala Seksi"),
                Some("supervisor"),
            ),
            (
                Some("Struktural"),
                Some("III.a"),
                Some("Camat Cikarang Utara"),
                Some("camat"),
            ),
            (
                Some("Struktural"),
                Some("IV.a"),
                Some("Lurah Sukamaju"),
                Some("lurah"),
            ),
            (
                Some("Fungsional"),
                None,
                Some("Guru Ahli Pertama"),
                Some("functional"),
            ),
            (
                Some("Jabatan Fungsional Umum"),
                None,
                Some("Pengadministrasi Umum"),
                Some("staff"),
            ),
            (
                Some("Pelaksana"),
                None,
                Some("Pengelola Data"),
                Some("staff"),
            ),
            (Some("functional"), None, None, Some("functional")),
            (None, None, None, None),
        ];
        for (kind, eselon, position, expected) in cases {
            assert_eq!(
                position_class(kind, eselon, position),
                expected,
                "{position:?}"
            );
        }
    }
}
