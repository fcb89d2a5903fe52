//! Light Indonesian stemming: enough for `menyukai`, `disukai` and `suka` to meet, without a
//! dictionary. It follows the order of the Nazief–Adriani algorithm (particles, possessive,
//! derivational suffix, then up to two prefixes, recoding the nasal ones: `meny-` + vowel was
//! `s`, `mem-` + vowel was `p`, `men-` + vowel was `t`), but where that algorithm checks a
//! dictionary this one only refuses to leave fewer than four letters. So it sometimes cuts a
//! root (`pakai` → `paka`); that is harmless as long as every form of the word is cut the
//! same way, which is what matching needs. Words of four letters or fewer are kept whole.

/// Roots that look like affixed words; cutting them would make them collide with others.
const ROOTS: &[&str] = &[
    "pemilu", "masalah", "sekolah", "istilah", "berita", "bersih", "pertama",
    // A couple or a candidate pair, not `pasang` (to put up).
    "pasangan",
];

/// Endings of roots whose final `-i` is no suffix (`partai`, `berpartai`).
const I_ROOTS: &[&str] = &[
    "partai", "pantai", "sampai", "selesai", "ramai", "damai", "santai", "bupati", "suami",
    "istri", "isteri", "ganti", "janji", "menteri",
];

/// Endings of roots in `-in` that the informal suffix rule must leave alone (`impin` covers
/// `pimpin`, `memimpin`, `pemimpin`).
const IN_ROOTS: &[&str] = &[
    "mungkin", "impin", "kemarin", "cermin", "mandarin", "ingin", "yakin",
];

const MIN_STEM: usize = 4;

/// The stem of one normalised word (lowercase ASCII). Anything else comes back unchanged.
pub fn stem(word: &str) -> String {
    if word.len() <= MIN_STEM || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_owned();
    }
    if ROOTS.contains(&word) {
        return word.to_owned();
    }
    let base = strip_particle(word);
    let (rest, suffix) = strip_suffix(base);
    if let Some(stem) = strip_prefixes(rest, suffix) {
        return stem;
    }
    // The suffix may have been part of the root (`menjadi` is `men-` + `jadi`, not `-i`).
    if suffix.is_some()
        && let Some(stem) = strip_prefixes(base, None)
    {
        return stem;
    }
    rest.to_owned()
}

/// `-lah`, `-kah`, `-pun`, `-tah`, then the possessive `-nya`.
fn strip_particle(word: &str) -> &str {
    let mut w = word;
    for particle in ["lah", "kah", "pun", "tah"] {
        if let Some(rest) = cut_suffix(w, particle) {
            w = rest;
            break;
        }
    }
    cut_suffix(w, "nya").unwrap_or(w)
}

/// The derivational suffix (`-kan`, `-an`, `-i`, and the informal `-in` of `kumpulin`), with
/// which one was cut: `ke-` only counts as a prefix together with `-an`.
fn strip_suffix(word: &str) -> (&str, Option<&'static str>) {
    // `ke-…-an` and `pe(N)-…-an` never take `-kan`: in `keberpihakan` and `penolakan` the `k`
    // is the root's (`pihak`, `tolak`).
    if word.ends_with("kan")
        && (word.starts_with("ke") || (word.starts_with("pe") && !word.starts_with("per")))
        && let Some(rest) = cut_suffix(word, "an")
    {
        return (rest, Some("an"));
    }
    for suffix in ["kan", "an"] {
        if let Some(rest) = cut_suffix(word, suffix) {
            return (rest, Some(suffix));
        }
    }
    // Loanwords in `-si` (`organisasi`, `deklarasi`) are roots; `-i` never follows `s`.
    if !word.ends_with("si")
        && !I_ROOTS.iter().any(|root| word.ends_with(root))
        && let Some(rest) = cut_suffix(word, "i")
    {
        return (rest, Some("i"));
    }
    // Informal `-in` only after five letters or more: too many short roots end in it.
    if word.len() >= 5 + "in".len()
        && !IN_ROOTS.iter().any(|root| word.ends_with(root))
        && let Some(rest) = cut_suffix(word, "in")
    {
        return (rest, Some("in"));
    }
    (word, None)
}

fn cut_suffix<'a>(word: &'a str, suffix: &str) -> Option<&'a str> {
    word.strip_suffix(suffix)
        .filter(|rest| rest.len() >= MIN_STEM)
}

/// Up to two prefixes (`keberpihakan` → `berpihak` → `pihak`); `None` when none could go.
fn strip_prefixes(word: &str, suffix: Option<&str>) -> Option<String> {
    let first = strip_prefix(word, suffix)?;
    Some(strip_prefix(&first, None).unwrap_or(first))
}

fn strip_prefix(word: &str, suffix: Option<&str>) -> Option<String> {
    let vowel = |c: &u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    // (letters cut, letter put back): the nasal prefixes swallow the root's first consonant.
    let (cut, restore) = match word.as_bytes() {
        [b'm' | b'p', b'e', b'n', b'y', v, ..] if vowel(v) => (4, Some('s')),
        [b'm' | b'p', b'e', b'n', b'g', v, ..] if vowel(v) => (4, None),
        [b'm' | b'p', b'e', b'n', b'g', b'g' | b'h' | b'k', ..] => (4, None),
        [b'm' | b'p', b'e', b'm', b'b' | b'f' | b'p' | b'v', ..] => (3, None),
        [b'm' | b'p', b'e', b'm', v, ..] if vowel(v) => (3, Some('p')),
        [
            b'm' | b'p',
            b'e',
            b'n',
            b'c' | b'd' | b'j' | b'z' | b's' | b't',
            ..,
        ] => (3, None),
        [b'm' | b'p', b'e', b'n', v, ..] if vowel(v) => (3, Some('t')),
        [b'p', b'e', b'r', ..] => (3, None),
        [
            b'm' | b'p',
            b'e',
            b'l' | b'm' | b'n' | b'r' | b'w' | b'y',
            ..,
        ] => (2, None),
        [b'd', b'i', ..] => (2, None),
        [b'k', b'e', ..] if suffix == Some("an") => (2, None),
        // `be-` and `bel-` instead of `ber-`, each in a single common word.
        _ if word == "bekerja" => (2, None),
        _ if word == "belajar" => (3, None),
        [b'b' | b't', b'e', b'r', ..] => (3, None),
        // Spoken Jakarta prefixes: `ngedukung`, `ngajak`, `nyebar` (for `sebar`).
        [b'n', b'g', b'e', ..] => (3, None),
        [b'n', b'g', v, ..] if vowel(v) => (2, None),
        [b'n', b'y', v, ..] if vowel(v) => (2, Some('s')),
        _ => return None,
    };
    let mut stem = String::with_capacity(word.len());
    stem.extend(restore);
    stem.push_str(&word[cut..]);
    (stem.len() >= MIN_STEM).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::stem;

    fn all_stem_to(words: &[&str], expected: &str) {
        for w in words {
            assert_eq!(stem(w), expected, "{w}");
        }
    }

    #[test]
    fn me_di_and_bare_forms_meet() {
        all_stem_to(&["menyukai", "disukai", "sukai", "suka"], "suka");
        all_stem_to(
            &["mencalonkan", "dicalonkan", "pencalonan", "calon"],
            "calon",
        );
        all_stem_to(&["menghadiri", "hadiri", "kehadiran", "hadir"], "hadir");
        all_stem_to(
            &["mendukung", "dukungan", "pendukung", "ngedukung"],
            "dukung",
        );
        all_stem_to(&["memasang", "dipasang", "pemasangan", "pasang"], "pasang");
        all_stem_to(&["menyebarkan", "penyebaran", "nyebar", "sebar"], "sebar");
    }

    #[test]
    fn ber_ter_and_two_prefixes() {
        all_stem_to(&["berfoto", "foto"], "foto");
        all_stem_to(&["bergabung", "gabung"], "gabung");
        all_stem_to(&["terlibat", "keterlibatan"], "libat");
        all_stem_to(&["keberpihakan", "berpihak", "pihak"], "pihak");
        all_stem_to(&["penolakan", "menolak", "tolak"], "tolak");
        all_stem_to(&["partai", "berpartai", "kepartaian"], "partai");
        assert_ne!(stem("pasangan"), stem("pasang"), "a spouse is not a banner");
        all_stem_to(&["memberikan", "memberi", "beri"], "beri");
        all_stem_to(&["membagikan", "berbagi", "dibagikan", "bagi"], "bagi");
    }

    #[test]
    fn a_suffix_that_belongs_to_the_root_is_restored() {
        all_stem_to(&["menjadi", "jadi"], "jadi");
        assert_eq!(
            stem("memakai"),
            stem("pakai"),
            "cut alike, which is what matching needs"
        );
    }

    #[test]
    fn particles_possessives_and_informal_in() {
        assert_eq!(stem("bolehkah"), "boleh");
        assert_eq!(
            stem("apapun"),
            "apapun",
            "three letters would be left: kept"
        );
        assert_eq!(stem("deklarasinya"), "deklarasi");
        assert_eq!(stem("kumpulin"), "kumpul");
        assert_eq!(stem("mungkin"), "mungkin");
        assert_eq!(stem("pemimpin"), stem("memimpin"), "a root in -in keeps it");
    }

    #[test]
    fn short_words_roots_and_loanwords_stay() {
        for w in [
            "dia",
            "jari",
            "visi",
            "misi",
            "dinas",
            "berita",
            "pemilu",
            "organisasi",
            "2024",
            "teman",
        ] {
            assert_eq!(stem(w), w);
        }
    }
}
