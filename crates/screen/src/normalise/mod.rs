//! Text made comparable for screening, fast: one pass over the characters into a reused buffer
//! of space-separated words, ready for the automaton. The steps, in order:
//! - lowercase, common accents folded, anything but letters and digits separates words
//!   (apostrophes join: `jum'at` → `jumat`);
//! - hashtags kept whole (`#AsalBukanX` → `#asalbukanx`) *and* split into their words
//!   (`asal bukan x`), so both hashtag patterns and word patterns see them;
//! - hand-sign emoji written out ([`signs`]): `✌️` → `2 jari`;
//! - pure numbers lose leading zeros (`02` → `2`): ballot numbers are written both ways;
//! - digits inside words read as the letters they imitate (`c0bl0s` → `coblos`), a trailing
//!   `2` doubles the word (`foto2` → `foto`) unless the word announces a number (`paslon2` →
//!   `calon 2`), a glued year splits (`pilkada2024` → `pilkada 2024`);
//! - a letter written three times or more, once (`pilihhh` → `pilih`);
//! - slang and abbreviations expanded: [`words::SCREEN_WORDS`] first, then the shared table
//!   `netral_domain::text::slang` (number words become digits: `dua` → `2`).
//!
//! The shared `netral_domain::text::normalise::words` does the same for the advisory guide but
//! allocates a `String` per word; screening runs it millions of times a second, so it keeps the
//! rules and not the allocations.

pub mod signs;
pub mod words;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use netral_domain::text::normalise::collapse_repeats;

/// A small multiplicative hasher for short ASCII keys: the slang table is probed for most words
/// of every record, where SipHash's resistance to flooding buys nothing (keys are ours).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;

/// The normalised form of one text: ` word word word` (each word preceded by one space, so a
/// pattern ` pat` starting at a space starts on a word boundary).
#[derive(Debug, Default, Clone)]
pub struct Normalised {
    text: String,
    /// Byte offset of each word's leading space, in order.
    starts: Vec<u32>,
    word: String,
    hashtag: String,
}

impl Normalised {
    /// The whole normalised text, with its leading space (empty when there are no words).
    pub fn haystack(&self) -> &str {
        &self.text
    }

    /// The words, in order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.text.split(' ').skip(1)
    }

    /// Index of the word whose leading space is at or before `byte`.
    pub fn word_at(&self, byte: usize) -> usize {
        match self.starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The words as one string without the leading space.
    pub fn as_phrase(&self) -> &str {
        self.text.strip_prefix(' ').unwrap_or("")
    }

    fn clear(&mut self) {
        self.text.clear();
        self.starts.clear();
        self.word.clear();
        self.hashtag.clear();
    }

    fn emit(&mut self, word: &str) {
        if word.is_empty() {
            return;
        }
        self.starts.push(self.text.len() as u32);
        self.text.push(' ');
        self.text.push_str(word);
    }
}

/// The rules above with their tables built once.
#[derive(Debug, Clone)]
pub struct Normaliser {
    slang: HashMap<&'static str, &'static str, FxBuild>,
}

impl Default for Normaliser {
    fn default() -> Self {
        Normaliser::new()
    }
}

impl Normaliser {
    pub fn new() -> Normaliser {
        let mut slang: HashMap<&'static str, &'static str, FxBuild> = HashMap::default();
        for &(key, value) in netral_domain::text::slang::SLANG {
            // The shared table spells digits out (`2` → `dua`); screening does the opposite.
            if !key.bytes().all(|b| b.is_ascii_digit()) {
                slang.insert(key, value);
            }
        }
        for &(key, value) in words::SCREEN_WORDS {
            slang.insert(key, value);
        }
        Normaliser { slang }
    }

    /// Normalises `text` into `out`, reusing its buffers.
    pub fn normalise_into(&self, text: &str, out: &mut Normalised) {
        out.clear();
        let mut in_hashtag = false;
        let mut last_sign: Option<char> = None;
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                if in_hashtag {
                    out.hashtag.push(c);
                } else {
                    out.word.push(c.to_ascii_lowercase());
                }
                last_sign = None;
                continue;
            }
            match c {
                '\'' | '\u{2019}' => continue,
                '_' if in_hashtag => {
                    out.hashtag.push('_');
                    continue;
                }
                '#' => {
                    self.flush(out, &mut in_hashtag);
                    in_hashtag = true;
                    continue;
                }
                _ => {}
            }
            if !c.is_ascii()
                && let Some(plain) = fold(c)
            {
                if in_hashtag {
                    out.hashtag.push(plain);
                } else {
                    out.word.push(plain);
                }
                continue;
            }
            self.flush(out, &mut in_hashtag);
            if let Some(words) = signs::sign_words(c) {
                // A row of the same emoji is one gesture.
                if last_sign != Some(c) {
                    for w in words.split(' ') {
                        out.emit(w);
                    }
                }
                last_sign = Some(c);
            } else if !matches!(c, '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | ' ') {
                last_sign = None;
            }
        }
        self.flush(out, &mut in_hashtag);
    }

    /// Convenience for one-off texts (watchlist phrases, tests).
    pub fn normalise(&self, text: &str) -> Normalised {
        let mut out = Normalised::default();
        self.normalise_into(text, &mut out);
        out
    }

    /// A phrase's normalised words joined by single spaces, no leading space.
    pub fn phrase(&self, text: &str) -> String {
        self.normalise(text).as_phrase().to_owned()
    }

    fn flush(&self, out: &mut Normalised, in_hashtag: &mut bool) {
        if *in_hashtag {
            *in_hashtag = false;
            let body = std::mem::take(&mut out.hashtag);
            self.hashtag(&body, out);
            out.hashtag = body;
            out.hashtag.clear();
        }
        if !out.word.is_empty() {
            let word = std::mem::take(&mut out.word);
            self.finish_word(&word, out);
            out.word = word;
            out.word.clear();
        }
    }

    /// `#AsalBukanX` → `#asalbukanx asal bukan x`: the hashtag itself, then its words, split at
    /// underscores and where a lowercase letter meets a capital.
    fn hashtag(&self, body: &str, out: &mut Normalised) {
        let whole: String = body
            .chars()
            .filter(|c| *c != '_')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if whole.is_empty() {
            return;
        }
        let mut tag = String::with_capacity(whole.len() + 1);
        tag.push('#');
        tag.push_str(&whole);
        out.emit(&tag);
        let mut piece = String::new();
        let mut previous_lower = false;
        for c in body.chars() {
            let split = c == '_' || (c.is_ascii_uppercase() && previous_lower);
            if split && !piece.is_empty() {
                self.finish_word(&piece, out);
                piece.clear();
            }
            if c != '_' {
                piece.push(c.to_ascii_lowercase());
            }
            previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        }
        if !piece.is_empty() {
            self.finish_word(&piece, out);
        }
    }

    /// One lowercase run of letters and digits, emitted as zero or more words.
    fn finish_word(&self, word: &str, out: &mut Normalised) {
        let bytes = word.as_bytes();
        let digits = bytes.iter().filter(|b| b.is_ascii_digit()).count();
        if digits == bytes.len() {
            let trimmed = word.trim_start_matches('0');
            out.emit(if trimmed.is_empty() { "0" } else { trimmed });
            return;
        }
        if digits == 0 {
            self.letters(word, out);
            return;
        }
        let lead = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        let trail = bytes
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if lead + trail == digits {
            if lead > 0 && trail == 0 {
                // `2periode`, `10jari`: a number glued before a word, unless it is leetspeak
                // (`4ku` = `aku`).
                let (number, rest) = word.split_at(lead);
                if lead >= 2 || !is_leet_digit(bytes[0]) {
                    self.finish_word(number, out);
                    self.letters(rest, out);
                    return;
                }
            } else if trail > 0 && lead == 0 {
                let (letters, number) = word.split_at(word.len() - trail);
                let stem = collapse_repeats(letters);
                let expanded = self.slang.get(stem.as_ref()).copied().unwrap_or(&stem);
                let announces_number = words::NUMBER_PREFIXES
                    .iter()
                    .any(|p| expanded.rsplit(' ').next() == Some(p));
                if announces_number || trail >= 2 {
                    self.letters(letters, out);
                    self.finish_word(number, out);
                    return;
                }
                if number == "2" {
                    self.letters(letters, out);
                    return;
                }
            }
        }
        let mut plain = String::with_capacity(word.len());
        let mut previous_letter = false;
        for &b in bytes {
            let c = match b {
                b'2' if previous_letter => continue,
                b'4' => 'a',
                b'3' => 'e',
                b'1' => 'i',
                b'0' => 'o',
                b'5' => 's',
                b'7' => 't',
                b => b as char,
            };
            previous_letter = c.is_ascii_lowercase();
            plain.push(c);
        }
        self.letters(&plain, out);
    }

    /// A word of letters: repeats collapsed, then slang expanded.
    fn letters(&self, word: &str, out: &mut Normalised) {
        let word = collapse_repeats(word);
        if word.len() <= 20
            && let Some(standard) = self.slang.get(word.as_ref())
        {
            for w in standard.split(' ') {
                out.emit(w);
            }
            return;
        }
        out.emit(&word);
    }
}

fn is_leet_digit(b: u8) -> bool {
    matches!(b, b'4' | b'3' | b'1' | b'0' | b'5' | b'7')
}

/// The ASCII letter an accented Latin letter stands for (lowercased).
fn fold(c: char) -> Option<char> {
    Some(match c {
        'à'..='å' | 'À'..='Å' | 'ā' => 'a',
        'ç' | 'Ç' => 'c',
        'è'..='ë' | 'È'..='Ë' | 'ē' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::Normaliser;

    fn norm(text: &str) -> String {
        Normaliser::new().phrase(text)
    }

    #[test]
    fn case_and_punctuation_go() {
        assert_eq!(norm("AYO, Datang!!! (ke TPS)"), "ayo datang ke tps");
        assert_eq!(norm("Café jum'at"), "cafe jumat");
        assert_eq!(norm("  ?! "), "");
    }

    #[test]
    fn letters_repeated_three_times_collapse() {
        assert_eq!(norm("pilihhhh menangkaaan"), "pilih menangkan");
        assert_eq!(norm("maaf saat"), "maaf saat");
    }

    #[test]
    fn digits_inside_words_are_letters_but_numbers_stay_numbers() {
        assert_eq!(norm("c0bl0s p1l1h"), "coblos pilih");
        assert_eq!(norm("paslon 02"), "calon 2");
        assert_eq!(norm("paslon2 no.3"), "calon 2 nomor 3");
        assert_eq!(norm("foto2 pilkada2024"), "foto pilkada 2024");
        assert_eq!(norm("2periode"), "2 periode");
    }

    #[test]
    fn slang_and_number_words_expand() {
        assert_eq!(
            norm("jgn lupa nyoblos yg no dua"),
            "jangan lupa coblos yang nomor 2"
        );
        assert_eq!(norm("capres"), "calon presiden");
        assert_eq!(norm("allin"), "all in");
        assert_eq!(norm("nge-like"), "suka");
    }

    #[test]
    fn hand_signs_become_words() {
        assert_eq!(norm("salam ✌️✌️"), "salam 2 jari");
        assert_eq!(norm("☝🏽 mantap"), "1 jari mantap");
        assert_eq!(norm("salam 3 jari"), "salam 3 jari");
        assert_eq!(norm("salam tiga jari"), "salam 3 jari");
    }

    #[test]
    fn hashtags_keep_their_form_and_give_their_words() {
        assert_eq!(norm("#AsalBukanX"), "#asalbukanx asal bukan x");
        assert_eq!(norm("#2Periode!"), "#2periode 2 periode");
        assert_eq!(norm("#karawang_maju"), "#karawangmaju karawang maju");
    }

    #[test]
    fn word_positions_follow_the_words() {
        let n = Normaliser::new().normalise("satu dua tiga");
        assert_eq!(n.haystack(), " 1 2 3");
        assert_eq!(n.word_at(0), 0);
        assert_eq!(n.word_at(2), 1);
        assert_eq!(n.word_at(4), 2);
        assert_eq!(n.words().collect::<Vec<_>>(), ["1", "2", "3"]);
    }
}
