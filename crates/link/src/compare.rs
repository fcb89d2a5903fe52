//! Field comparisons: each puts a pair of values into a level, from "missing" (either side has
//! no value: weight 0, as in Splink) through "different" up to "exact".

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::normalise::NameKey;
use crate::record::Value;

/// How a field is compared. Each has its own ladder of levels; level 0 is always "missing".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Comparator {
    /// missing, different, partial (a strong word shared, or Jaro–Winkler ≥ 0.80),
    /// close (every word of the shorter name in the longer, or Jaro–Winkler ≥ 0.92),
    /// phonetic (same words up to spelling variants, any order), exact.
    Name,
    /// missing, different, near (within a year), typo (day and month swapped, or one of day,
    /// month, year different), exact.
    Date,
    /// missing, different, agree.
    Exact,
    /// missing, different, similar (Jaro–Winkler ≥ 0.80), close (≥ 0.92 or one edit), exact.
    Text,
    /// missing, different (nothing shared), overlap (some shared), agree (the same set).
    Set,
}

impl Comparator {
    /// The levels' names, level 0 first.
    pub fn levels(self) -> &'static [&'static str] {
        match self {
            Comparator::Name => &[
                "missing",
                "different",
                "partial",
                "close",
                "phonetic",
                "exact",
            ],
            Comparator::Date => &["missing", "different", "near", "typo", "exact"],
            Comparator::Exact => &["missing", "different", "agree"],
            Comparator::Text => &["missing", "different", "similar", "close", "exact"],
            Comparator::Set => &["missing", "different", "overlap", "agree"],
        }
    }

    /// The level of the exact agreement, which term frequencies adjust.
    pub fn exact_level(self) -> u8 {
        (self.levels().len() - 1) as u8
    }

    pub fn compare(self, left: &Value, right: &Value) -> u8 {
        match (left, right) {
            (Value::Name(Some(a)), Value::Name(Some(b))) => name_level(a, b),
            (Value::Date(Some(a)), Value::Date(Some(b))) => date_level(*a, *b),
            (Value::Exact(Some(a)), Value::Exact(Some(b))) => category_level(*a, *b),
            (Value::Text(Some(a)), Value::Text(Some(b))) => text_level(a, b),
            (Value::Words(Some(a)), Value::Words(Some(b))) => set_level(a, b),
            _ => 0,
        }
    }

    /// The pair's level when that level is `useful`, or `None` when the pair's level is
    /// certainly not: a name's Jaro–Winkler similarity (the costly part of most comparisons)
    /// is computed only when a level it decides is useful. The linker marks useful the levels
    /// that could still lift a pair to the review band.
    pub fn compare_useful(self, left: &Value, right: &Value, useful: &[bool]) -> Option<u8> {
        let level = match (left, right) {
            (Value::Name(Some(a)), Value::Name(Some(b))) => {
                match name_level_without_similarity(a, b) {
                    Some(level) => level,
                    None if useful[1] || useful[2] || useful[3] => name_level(a, b),
                    None => return None,
                }
            }
            _ => self.compare(left, right),
        };
        useful[usize::from(level)].then_some(level)
    }
}

/// The name level where no string similarity is needed to tell it: exact, phonetic, or close
/// by containment; `None` when only Jaro–Winkler can tell close, partial and different apart.
fn name_level_without_similarity(a: &NameKey, b: &NameKey) -> Option<u8> {
    if a.joined == b.joined {
        return Some(5);
    }
    if a.sorted_sounds == b.sorted_sounds {
        return Some(4);
    }
    let (short, long) = if a.tokens.len() <= b.tokens.len() {
        (a, b)
    } else {
        (b, a)
    };
    let contained = short
        .strong()
        .all(|i| long.sounds.contains(&short.sounds[i]));
    let strong_words = short.strong().count();
    (contained && strong_words >= 1 && short.tokens.len() >= 2).then_some(3)
}

fn name_level(a: &NameKey, b: &NameKey) -> u8 {
    if let Some(level) = name_level_without_similarity(a, b) {
        return level;
    }
    let jw = jaro_winkler(&a.core, &b.core);
    if jw >= 0.92 {
        return 3;
    }
    let shares_strong = a
        .strong()
        .any(|i| b.strong().any(|j| a.sounds[i] == b.sounds[j]));
    if shares_strong || jw >= 0.80 {
        return 2;
    }
    1
}

/// Two categories' hashes: different or agree.
pub(crate) fn category_level(a: u64, b: u64) -> u8 {
    1 + u8::from(a == b)
}

/// Two sorted sets of distinct hashes.
fn set_level(a: &[u64], b: &[u64]) -> u8 {
    if a == b {
        return 3;
    }
    if a.iter().any(|x| b.binary_search(x).is_ok()) {
        2
    } else {
        1
    }
}

pub(crate) fn date_level(a: NaiveDate, b: NaiveDate) -> u8 {
    if a == b {
        return 4;
    }
    let swapped = a.day() == b.month() && a.month() == b.day() && a.year() == b.year();
    let parts_equal = u8::from(a.day() == b.day())
        + u8::from(a.month() == b.month())
        + u8::from(a.year() == b.year());
    if swapped || parts_equal == 2 {
        return 3;
    }
    if (a - b).num_days().abs() <= 366 {
        return 2;
    }
    1
}

fn text_level(a: &str, b: &str) -> u8 {
    if a == b {
        return 4;
    }
    let jw = jaro_winkler(a, b);
    if jw >= 0.92 || one_edit_apart(a.as_bytes(), b.as_bytes()) {
        3
    } else if jw >= 0.80 {
        2
    } else {
        1
    }
}

/// Whether one substitution, insertion, deletion or swap of neighbours turns `a` into `b`.
fn one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match (ra.len(), rb.len()) {
        (x, y) if x == y => {
            ra[1..] == rb[1..] || (x >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        (x, y) if x > y => ra[1..] == *rb,
        _ => *ra == rb[1..],
    }
}

/// Jaro–Winkler similarity of two strings (byte-wise; names here are ASCII after
/// normalisation), 0.0 to 1.0; strings are compared on their first 64 bytes.
///
/// The textbook algorithm, with each step done on bit sets of positions (bit `j` for byte `j`
/// of `b`): a byte of `a` matches the first unused equal byte of `b` within the window, found
/// as the lowest bit of (where the byte occurs in `b`, unused, in the window) instead of by a
/// scan of the window. It runs for every name pair that reaches the similarity levels, in
/// training as well as in scoring.
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.is_empty() || b.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let (a, b) = (&a[..a.len().min(64)], &b[..b.len().min(64)]);
    // Where each byte occurs in `b`, by the byte's low six bits: letters (and the space) each
    // have their own entry; a byte sharing one with another is told apart when read.
    let mut occurs = [0u64; 64];
    for (j, &c) in b.iter().enumerate() {
        occurs[usize::from(c & 63)] |= 1 << j;
    }
    let below = |n: usize| if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
    let (mut a_used, mut b_used) = (0u64, 0u64);
    for (i, &c) in a.iter().enumerate() {
        let in_window = below((i + window + 1).min(b.len())) & !below(i.saturating_sub(window));
        let mut candidates = occurs[usize::from(c & 63)] & !b_used & in_window;
        while candidates != 0 {
            let j = candidates.trailing_zeros() as usize;
            if b[j] == c {
                a_used |= 1 << i;
                b_used |= 1 << j;
                break;
            }
            candidates &= candidates - 1;
        }
    }
    let matches = a_used.count_ones();
    if matches == 0 {
        return 0.0;
    }
    // The matched bytes of each side in order: a pair that differs is half a transposition.
    let mut transpositions = 0u32;
    let (mut left, mut right) = (a_used, b_used);
    while left != 0 {
        let (i, j) = (left.trailing_zeros(), right.trailing_zeros());
        transpositions += u32::from(a[i as usize] != b[j as usize]);
        left &= left - 1;
        right &= right - 1;
    }
    let m = f64::from(matches);
    let jaro =
        (m / a.len() as f64 + m / b.len() as f64 + (m - f64::from(transpositions) / 2.0) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Value {
        Value::name(text)
    }

    fn level(c: Comparator, a: &Value, b: &Value) -> &'static str {
        c.levels()[usize::from(c.compare(a, b))]
    }

    #[test]
    fn name_levels() {
        let c = Comparator::Name;
        assert_eq!(
            level(c, &name("Ir. Djoko Santoso"), &name("Joko Santoso, S.T.")),
            "exact"
        );
        assert_eq!(
            level(c, &name("Achmad Rizki"), &name("Ahmad Rizky")),
            "phonetic"
        );
        assert_eq!(
            level(c, &name("Santoso Joko"), &name("Joko Santoso")),
            "phonetic"
        );
        assert_eq!(
            level(c, &name("Siti Nurhaliza"), &name("Siti Nurhaliza Putri")),
            "close"
        );
        assert_eq!(
            level(c, &name("Siti Nurhaliza"), &name("Nurhaliza Wati")),
            "partial"
        );
        assert_eq!(
            level(c, &name("Budi Santoso"), &name("Wati Lestari")),
            "different"
        );
        assert_eq!(level(c, &name("Budi"), &Value::Name(None)), "missing");
        // A shared Balinese birth-order name alone is no partial agreement.
        assert_eq!(
            level(c, &name("I Wayan Sudarsana"), &name("I Wayan Artawan")),
            "different"
        );
    }

    #[test]
    fn a_useful_level_is_the_level_and_no_other_is_reported() {
        let names = [
            "Ir. Djoko Santoso",
            "Joko Santoso, S.T.",
            "Achmad Rizki",
            "Ahmad Rizky",
            "Santoso Joko",
            "Siti Nurhaliza",
            "Siti Nurhaliza Putri",
            "Nurhaliza Wati",
            "Budi Santoso",
            "Budiman Santosa",
            "Wati Lestari",
            "I Wayan Sudarsana",
            "I Wayan Artawan",
            "Rini",
        ];
        let c = Comparator::Name;
        for a in names {
            for b in names {
                let (a, b) = (name(a), name(b));
                let level = c.compare(&a, &b);
                // Every set of useful levels, "missing" to "exact".
                for mask in 0u32..64 {
                    let useful: Vec<bool> = (0..6).map(|l| mask & (1 << l) != 0).collect();
                    let got = c.compare_useful(&a, &b, &useful);
                    let want = useful[usize::from(level)].then_some(level);
                    assert_eq!(got, want, "{a:?} / {b:?}, useful {useful:?}");
                }
            }
        }
    }

    #[test]
    fn date_levels() {
        let d = |y, m, d| Value::Date(NaiveDate::from_ymd_opt(y, m, d));
        let c = Comparator::Date;
        assert_eq!(level(c, &d(1980, 3, 4), &d(1980, 3, 4)), "exact");
        assert_eq!(level(c, &d(1980, 3, 4), &d(1980, 4, 3)), "typo");
        assert_eq!(level(c, &d(1980, 3, 4), &d(1981, 3, 4)), "typo");
        assert_eq!(level(c, &d(1980, 3, 4), &d(1980, 9, 20)), "near");
        assert_eq!(level(c, &d(1980, 3, 4), &d(1975, 9, 20)), "different");
        assert_eq!(level(c, &d(1980, 3, 4), &Value::Date(None)), "missing");
    }

    #[test]
    fn text_levels_and_edits() {
        let t = |s: &str| Value::Text(Some(s.into()));
        let c = Comparator::Text;
        assert_eq!(level(c, &t("1234567"), &t("1234567")), "exact");
        assert_eq!(level(c, &t("1234567"), &t("1243567")), "close");
        assert_eq!(level(c, &t("1234567"), &t("123567")), "close");
        assert_eq!(level(c, &t("abcdef"), &t("zzzzzz")), "different");
    }

    #[test]
    fn set_levels() {
        let w = |s: &[u64]| Value::Words(Some(s.into()));
        let c = Comparator::Set;
        assert_eq!(level(c, &w(&[1, 2]), &w(&[1, 2])), "agree");
        assert_eq!(level(c, &w(&[1, 2]), &w(&[2, 5])), "overlap");
        assert_eq!(level(c, &w(&[1]), &w(&[1, 2])), "overlap");
        assert_eq!(level(c, &w(&[1]), &w(&[3])), "different");
        assert_eq!(level(c, &w(&[1]), &Value::Words(None)), "missing");
    }

    /// The textbook Jaro–Winkler (a scan of the window for each byte), for checking the bit-set
    /// version against.
    fn jaro_winkler_by_scanning(a: &str, b: &str) -> f64 {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.is_empty() || b.is_empty() {
            return if a == b { 1.0 } else { 0.0 };
        }
        let window = (a.len().max(b.len()) / 2).saturating_sub(1);
        let (a, b) = (&a[..a.len().min(64)], &b[..b.len().min(64)]);
        let (mut a_used, mut b_used) = ([false; 64], [false; 64]);
        let mut matches = 0usize;
        for (i, &ca) in a.iter().enumerate() {
            let end = (i + window + 1).min(b.len());
            for j in i.saturating_sub(window)..end {
                if !b_used[j] && b[j] == ca {
                    a_used[i] = true;
                    b_used[j] = true;
                    matches += 1;
                    break;
                }
            }
        }
        if matches == 0 {
            return 0.0;
        }
        let (mut transpositions, mut j) = (0usize, 0usize);
        for (i, &ca) in a.iter().enumerate() {
            if a_used[i] {
                while !b_used[j] {
                    j += 1;
                }
                transpositions += usize::from(ca != b[j]);
                j += 1;
            }
        }
        let m = matches as f64;
        let jaro =
            (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64 / 2.0) / m) / 3.0;
        let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f64;
        jaro + prefix * 0.1 * (1.0 - jaro)
    }

    proptest::proptest! {
        /// Same value as the scan, bit for bit: names of a small alphabet (many repeats and
        /// transpositions), bytes that share a table entry with a letter ('0' and 'p', '-' and
        /// 'm'), and strings past the 64 bytes compared.
        #[test]
        fn jaro_winkler_equals_the_scan(
            a in "[aeinrs0p\\-m ]{0,70}",
            b in "[aeinrs0p\\-m ]{0,70}",
        ) {
            proptest::prop_assert_eq!(
                jaro_winkler(&a, &b).to_bits(),
                jaro_winkler_by_scanning(&a, &b).to_bits()
            );
        }
    }

    #[test]
    fn jaro_winkler_known_values() {
        assert!((jaro_winkler("martha", "marhta") - 0.9611).abs() < 1e-3);
        assert!((jaro_winkler("dwayne", "duane") - 0.84).abs() < 1e-3);
        assert_eq!(jaro_winkler("abc", "abc"), 1.0);
        assert_eq!(jaro_winkler("abc", "xyz"), 0.0);
    }
}
