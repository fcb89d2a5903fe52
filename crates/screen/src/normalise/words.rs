//! Word-level rewrites the screening needs beyond the shared slang table of
//! `netral_domain::text::slang`: campaign vocabulary as it is typed, number words as digits (so
//! that "nomor dua", "no 2" and "02" meet), and abbreviations of ballot talk.

/// Screening's own rewrites; they win over the shared table where both list a word.
pub const SCREEN_WORDS: &[(&str, &str)] = &[
    // Number words become digits: ballot numbers and finger counts are compared as numbers.
    ("satu", "1"),
    ("dua", "2"),
    ("tiga", "3"),
    ("empat", "4"),
    ("lima", "5"),
    ("enam", "6"),
    ("tujuh", "7"),
    ("delapan", "8"),
    ("sembilan", "9"),
    ("sepuluh", "10"),
    // Ballot numbers.
    ("no", "nomor"),
    ("nmr", "nomor"),
    ("nomer", "nomor"),
    ("nmor", "nomor"),
    ("nom", "nomor"),
    ("pslon", "calon"),
    ("paslon", "calon"),
    ("paslonnya", "calon"),
    // Campaign calls as typed.
    ("cblos", "coblos"),
    ("cobloss", "coblos"),
    ("coblosss", "coblos"),
    ("nyoblos", "coblos"),
    ("nyoblosin", "coblos"),
    ("coblosin", "coblos"),
    ("coblos", "coblos"),
    ("plh", "pilih"),
    ("pilihlah", "pilih"),
    ("pilihin", "pilih"),
    ("milih", "pilih"),
    ("pilihanku", "pilih"),
    ("pilihan", "pilih"),
    ("dkg", "dukung"),
    ("dukunglah", "dukung"),
    ("dukungin", "dukung"),
    ("menangin", "menangkan"),
    ("menangkeun", "menangkan"),
    ("menangkn", "menangkan"),
    ("mngkn", "menangkan"),
    ("allin", "all in"),
    ("lanjutkeun", "lanjutkan"),
    ("jgn", "jangan"),
    ("jngn", "jangan"),
    ("ayok", "ayo"),
    ("ayuk", "ayo"),
    ("yuk", "ayo"),
    ("yok", "ayo"),
    ("mrk", "mereka"),
    ("tgl", "tanggal"),
    ("kmrn", "kemarin"),
    ("bpk", "bapak"),
    ("pak", "bapak"),
    ("bu", "ibu"),
];

/// Words that, written right after, are read as a ballot number even when glued to it
/// (`paslon2`, `no2`): elsewhere a trailing `2` doubles the word (`foto2`).
pub const NUMBER_PREFIXES: &[&str] = &[
    "calon", "nomor", "urut", "presiden", "bupati", "gubernur", "kota", "partai",
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::SCREEN_WORDS;

    #[test]
    fn keys_are_unique() {
        let mut seen = HashSet::new();
        for (key, _) in SCREEN_WORDS {
            assert!(seen.insert(key), "`{key}` is listed twice");
        }
    }
}
