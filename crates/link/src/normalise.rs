//! Indonesian names reduced to what identifies the person, so that two writings of one name
//! compare equal and two different names do not.
//!
//! In order: titles come off (front, back and glued: "Ir.Hj. Siti, S.Pd." → "Siti", by the
//! domain's [`PersonName`]); case and punctuation go; abbreviations are expanded (M., Moh., Muh.,
//! Mhd., Moch. → Muhammad; Abd. → Abdul); old spellings fold into one class per word
//! (oe/u, dj/j, tj/c, j/y, nj/ny, sj/sy, ch/kh: Soeharto = Suharto, Djoko = Joko). The last step
//! maps modern j and y to one letter too, because a written "j" may be old (Jusuf = Yusuf) or
//! modern (Joko): the class is what both writings share, and a modern name always lands in the
//! same class as itself, so no modern spelling is split from its own writings.
//!
//! Balinese names open with I/Ni (and caste prefixes) and a birth-order name (Wayan, Made,
//! Nyoman, Ketut…) that a quarter of Bali shares; those words are kept for comparison but marked
//! weak, so they never serve as a blocking key and count little when they agree.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::str::FromStr;
use std::sync::Arc;

use netral_domain::ids::PersonName;

use crate::blocking::Prehashed;

/// A name ready for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKey {
    /// The words in spelling-class form, in the order written.
    pub tokens: Vec<Box<str>>,
    /// The words joined by single spaces.
    pub joined: Box<str>,
    /// The strong words joined by single spaces: what string similarity looks at, so that two
    /// Balinese names do not look alike for their shared "I Wayan".
    pub core: Box<str>,
    /// Each word's phonetic key (see [`phonetic`]), hashed; what blocking and the phonetic
    /// comparison level use.
    pub sounds: Vec<u64>,
    /// The same keys sorted: comparing two names' words regardless of order costs no sort.
    pub sorted_sounds: Vec<u64>,
    /// Whether each word is weak (a Balinese prefix or birth-order name).
    pub weak: Vec<bool>,
    /// `joined` hashed: unequal hashes mean the names are not the same (see [`crate::bound`]).
    pub joined_hash: u64,
    /// `sorted_sounds` hashed, likewise for the phonetic level.
    pub sounds_hash: u64,
}

impl NameKey {
    /// Indexes of the words that may identify someone, in order written.
    pub fn strong(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.tokens.len()).filter(|&i| !self.weak[i])
    }
}

/// Name keys and degree sets already made, by the text they were made from: a roster repeats
/// its names (a million synthetic rows hold about 150,000 distinct ones) and far more its
/// titles, and making a key is most of the work of reading a row. One per worker thread;
/// each map is cleared when it reaches [`NameKeys::LIMIT`].
#[derive(Debug, Default)]
pub struct NameKeys {
    keys: HashMap<Box<str>, Option<Arc<NameKey>>, BuildHasherDefault<Prehashed>>,
    /// By front titles, a separator, back titles.
    degrees: HashMap<Box<str>, Option<Arc<[u64]>>, BuildHasherDefault<Prehashed>>,
    scratch: String,
}

impl NameKeys {
    /// Entries kept at most in each map (a few tens of megabytes).
    pub const LIMIT: usize = 200_000;

    /// The key of a name as written, made once.
    pub fn get(&mut self, written: &str) -> Option<Arc<NameKey>> {
        if let Some(key) = self.keys.get(written) {
            return key.clone();
        }
        if self.keys.len() >= Self::LIMIT {
            self.keys.clear();
        }
        let key = name_key(written).map(Arc::new);
        self.keys.insert(written.into(), key.clone());
        key
    }

    /// The degrees among a roster row's front titles (separated by spaces) and back titles
    /// (separated by commas), made once per pair of title columns.
    pub fn degrees(&mut self, front: &str, back: &str) -> Option<Arc<[u64]>> {
        if front.is_empty() && back.is_empty() {
            return None;
        }
        self.scratch.clear();
        self.scratch.push_str(front);
        self.scratch.push('\u{1f}');
        self.scratch.push_str(back);
        if let Some(set) = self.degrees.get(self.scratch.as_str()) {
            return set.clone();
        }
        if self.degrees.len() >= Self::LIMIT {
            self.degrees.clear();
        }
        let set = degrees(front.split_whitespace().chain(back.split(',')));
        self.degrees
            .insert(self.scratch.as_str().into(), set.clone());
        set
    }
}

/// The forms of Muhammad, lowercased and without dots.
const MUHAMMAD: &[&str] = &[
    "m",
    "mhd",
    "moh",
    "mohd",
    "muh",
    "moch",
    "mochamad",
    "mochammad",
    "mohamad",
    "mohammad",
    "muhamad",
    "muhammad",
    "muchammad",
    "muchamad",
    "md",
];

/// Balinese prefixes (I, Ni, caste names) and birth-order names.
const BALINESE: &[&str] = &[
    "i", "ni", "gusti", "ida", "bagus", "anak", "agung", "ayu", "wayan", "putu", "gede", "made",
    "kadek", "nengah", "nyoman", "komang", "ketut",
];

/// The name without titles and in comparison form; `None` when nothing of a name is left.
pub fn name_key(written: &str) -> Option<NameKey> {
    let given = match PersonName::from_str(written) {
        Ok(name) => name.given_name().to_owned(),
        // Only titles, or too long: compare what is there rather than nothing.
        Err(_) => written.to_owned(),
    };
    let tokens = normalise_words(&given);
    if tokens.is_empty() {
        return None;
    }
    // A Balinese prefix is weak only at the start, where it is a prefix ("Made" later in a
    // Javanese name is a name).
    let mut weak = vec![false; tokens.len()];
    for (i, token) in tokens.iter().enumerate() {
        if BALINESE.contains(&token.as_ref()) && weak[..i].iter().all(|&w| w) {
            weak[i] = true;
        }
    }
    if weak.iter().all(|&w| w) {
        // "I Made" alone is all there is: every word must count.
        weak.iter_mut().for_each(|w| *w = false);
    }
    let sounds: Vec<u64> = tokens.iter().map(|t| hash_str(&phonetic(t))).collect();
    let mut sorted_sounds = sounds.clone();
    sorted_sounds.sort_unstable();
    let joined = tokens.join(" ").into_boxed_str();
    let core = (0..tokens.len())
        .filter(|&i| !weak[i])
        .map(|i| tokens[i].as_ref())
        .collect::<Vec<_>>()
        .join(" ")
        .into_boxed_str();
    Some(NameKey {
        joined_hash: hash_str(&joined),
        sounds_hash: hash_u64s(&sorted_sounds),
        tokens,
        joined,
        core,
        sounds,
        sorted_sounds,
        weak,
    })
}

/// The words of a name without titles, in comparison form: case and punctuation off,
/// Muhammad and Abdul written out, old spellings folded. Applying it to its own output (joined
/// by spaces) gives the same words.
pub fn normalise_words(given: &str) -> Vec<Box<str>> {
    let mut tokens = Vec::new();
    for word in given.split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | '-' | '/')) {
        let plain: String = word
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if plain.is_empty() {
            continue;
        }
        let expanded = if MUHAMMAD.contains(&plain.as_str()) {
            "muhammad".to_owned()
        } else if plain == "abd" {
            "abdul".to_owned()
        } else {
            plain
        };
        tokens.push(spelling_class(&expanded).into_boxed_str());
    }
    tokens
}

/// A lowercase word in the spelling class where its old and new writings meet:
/// `spelling_class("soedjono") == spelling_class("sujono")`.
pub fn spelling_class(word: &str) -> String {
    // One pass can make a pair another rule reads ("tjh" gives "ch"), so passes repeat until
    // nothing changes; every rule shortens the word or turns "ch" into "kh" for good, so the
    // second pass is almost always the last.
    let mut class = spelling_pass(word);
    loop {
        let again = spelling_pass(&class);
        if again == class {
            return class;
        }
        class = again;
    }
}

fn spelling_pass(word: &str) -> String {
    let bytes = word.as_bytes();
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < bytes.len() {
        let next = bytes.get(i + 1).copied();
        let (text, step) = match (bytes[i], next) {
            (b'o', Some(b'e')) => ("u", 2),
            (b'd', Some(b'j')) => ("y", 2),
            (b't', Some(b'j')) => ("c", 2),
            (b'c', Some(b'h')) => ("kh", 2),
            (b'j', _) => ("y", 1),
            _ => {
                // Multi-byte letters (rare in names) are copied whole.
                let len = word[i..].chars().next().map_or(1, char::len_utf8);
                out.push_str(&word[i..i + len]);
                i += len;
                continue;
            }
        };
        out.push_str(text);
        i += step;
    }
    out
}

/// A coarse key under which spelling variants of one name meet (Ahmad/Achmad/Akhmad,
/// Zaenal/Zainal, Rizki/Rizky, Syamsudin/Syamsuddin, Nur/Noor): the first letter, then the
/// consonants, with h, w and y dropped, digraphs reduced (kh→h, sy/sh/ts→s, dz/z→s, dh→d,
/// th→t, q→k, p/v→f) and doubled letters collapsed. Used for blocking and as a comparison
/// level, never alone as a verdict.
pub fn phonetic(class: &str) -> String {
    let bytes = class.as_bytes();
    let mut reduced: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let next = bytes.get(i + 1).copied();
        let (letter, step) = match (bytes[i], next) {
            (b'k', Some(b'h')) => (b'h', 2),
            (b's', Some(b'y' | b'h')) | (b't', Some(b's')) | (b'd', Some(b'z')) => (b's', 2),
            (b'd', Some(b'h')) => (b'd', 2),
            (b't', Some(b'h')) => (b't', 2),
            (b'z', _) => (b's', 1),
            (b'q', _) => (b'k', 1),
            (b'p' | b'v', _) => (b'f', 1),
            (b, _) => (b, 1),
        };
        reduced.push(letter);
        i += step;
    }
    let mut out = String::with_capacity(reduced.len());
    for (i, &b) in reduced.iter().enumerate() {
        let keep = if i == 0 {
            true
        } else {
            !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'h' | b'w' | b'y')
        };
        if keep && out.as_bytes().last() != Some(&b) {
            out.push(char::from(b));
        }
    }
    out
}

/// Front titles that say nothing of schooling: religious (Haji, Hajjah, Kiai, Teungku,
/// Ustaz), noble (Raden) and marital. A candidate list adds "H." to an elder's name where the
/// roster has none, so these would only add noise to the comparison of degrees.
const NOT_DEGREES: &[&str] = &["h", "hj", "kh", "tgk", "ust", "r", "rr", "ra", "rm", "ny"];

/// A person's academic degrees as a set to compare (see [`word_set`]), from titles as written,
/// the titles of [`NOT_DEGREES`] left out.
pub fn degrees<'a>(titles: impl IntoIterator<Item = &'a str>) -> Option<Arc<[u64]>> {
    word_set(
        titles
            .into_iter()
            .filter(|title| !NOT_DEGREES.contains(&plain(title).as_str())),
    )
}

/// Words as a set to compare: sorted distinct hashes of each word lowercased without dots,
/// spaces or other punctuation ("S.Pd." and "S. PD" are both "spd"); `None` when empty.
pub fn word_set<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<Arc<[u64]>> {
    let mut set: Vec<u64> = words
        .into_iter()
        .map(plain)
        .filter(|word| !word.is_empty())
        .map(|word| hash_str(&word))
        .collect();
    set.sort_unstable();
    set.dedup();
    (!set.is_empty()).then(|| Arc::from(set))
}

fn plain(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A fast 64-bit hash of a word or name (FxHash's step over 8-byte words, then MurmurHash3's
/// finaliser so that every bit depends on every byte). Hashes live for one run only, so no
/// defence against chosen collisions is needed, and this runs for every word of every row.
pub(crate) fn hash_str(text: &str) -> u64 {
    hash_bytes(text.as_bytes())
}

pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hash = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        hash = fx_step(hash, u64::from_le_bytes(word.try_into().expect("8 bytes")));
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        hash = fx_step(hash, u64::from_le_bytes(last));
    }
    finalise(hash)
}

pub(crate) fn hash_u64s(values: &[u64]) -> u64 {
    finalise(
        values
            .iter()
            .fold(values.len() as u64, |hash, &v| fx_step(hash, v)),
    )
}

fn fx_step(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95)
}

fn finalise(mut hash: u64) -> u64 {
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

#[cfg(test)]
mod tests;
