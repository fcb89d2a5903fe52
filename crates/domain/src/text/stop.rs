//! Stop words: words so common in questions about neutrality that they cannot tell one
//! situation from another (who asks, whether it is allowed, that the asker is an ASN). They
//! weigh nothing in matching. Checked on words after slang expansion, and on stems.

use std::collections::HashSet;
use std::sync::LazyLock;

#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    // Pronouns and forms of address.
    "saya", "kamu", "kami", "kita", "dia", "ia", "mereka", "anda", "beliau", "pak", "bu",
    // Function words.
    "yang", "dan", "atau", "di", "ke", "dari", "dengan", "untuk", "pada", "dalam", "oleh",
    "ini", "itu", "tersebut", "ada", "adalah", "sama", "juga", "saja", "tapi", "tetapi",
    "namun", "karena", "jadi", "lagi", "sangat", "banget", "seperti", "sebagai", "hal",
    "lain", "para", "akan", "sudah", "belum", "sedang", "apa", "apakah", "bagaimana",
    "mengapa", "kalau", "jika", "bila", "ya", "yah", "kah", "lah", "pun", "nya", "gitu",
    "kan", "cuma", "hanya", "doang",
    // Chat around the question.
    "tanya", "mohon", "tolong", "kemarin", "sekarang", "nanti", "besok", "halo", "cara",
    // Permission and obligation: every question asks it.
    "boleh", "tidak", "bukan", "bisa", "dapat", "mau", "ingin", "harus", "perlu", "wajib",
    "dilarang", "larang", "melanggar", "langgar",
    // A running mate is a candidate like any other (`cawapres` = `calon wakil presiden`).
    "wakil",
    // The asker.
    "asn", "pns", "pppk", "pegawai", "aparatur", "sipil", "negeri", "seorang",
    // English.
    "i", "me", "my", "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "and",
    "or", "is", "am", "are", "be", "can", "may", "it", "as", "by", "from", "do", "not",
];

static SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// Whether `word` carries no meaning for telling situations apart.
pub fn is_stop_word(word: &str) -> bool {
    SET.contains(word)
}

/// Whether `word` is a stop word with a typo (`bolh`, `tdiak`): a term that matches nothing
/// else is better ignored than counted as an unknown word.
pub fn is_near_stop_word(word: &str) -> bool {
    STOP_WORDS
        .iter()
        .any(|stop| super::fuzzy::similar(word, stop))
}

#[cfg(test)]
mod tests {
    use super::{is_near_stop_word, is_stop_word};

    #[test]
    fn common_words_are_stop_words_and_topic_words_are_not() {
        for w in ["saya", "boleh", "tidak", "asn", "pns", "yang"] {
            assert!(is_stop_word(w), "{w}");
        }
        for w in ["calon", "partai", "foto", "spanduk", "masih"] {
            assert!(!is_stop_word(w), "{w}");
        }
    }

    #[test]
    fn the_list_has_no_repeats() {
        let mut seen = std::collections::HashSet::new();
        for w in super::STOP_WORDS {
            assert!(seen.insert(w), "`{w}` is listed twice");
        }
    }

    #[test]
    fn misspelt_stop_words_are_recognised() {
        assert!(is_near_stop_word("bolh"));
        assert!(is_near_stop_word("tdiak"));
        assert!(!is_near_stop_word("istri"));
        assert!(!is_near_stop_word("ktp"));
    }
}
