//! Blocking: which pairs are compared at all. Each rule turns a record into keys; two records
//! are compared when they share a key of any rule. Pairs found by several rules are compared
//! once: every roster record gathers the queries of all its keys, then sorts and deduplicates
//! them, so the union needs no global set.
//!
//! On the query side a "rare words" part takes only the query's rarest strong words (by their
//! frequency among the queries, which stand for the population); on the roster side it takes
//! every strong word, since the roster record cannot know which of its words a query chose.
//! A name made of common words only ("Sri Rahayu", "Siti") keys, where the rule allows it, on
//! its two rarest words together, or on its only word as the whole name: keyed on one common
//! word, it would meet every Sri of its regency, and the pairs grow with the square of the
//! regency's size (decision 0024).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::Datelike;

use crate::normalise::hash_str;
use crate::record::Value;

/// One part of a blocking key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyPart {
    /// The whole value of a field: a date, a category, a text, a name's joined words.
    Same(usize),
    /// The year of a date field.
    Year(usize),
    /// A name field's joined words, only for names of two strong words or more: a single
    /// word ("Dwi", "Retno") names too many people to make a pair likely.
    FullName(usize),
    /// The phonetic keys of a name field's strong words: on the query side the `count` rarest
    /// of those not too common; on the roster side all of them. With `fallback`, a query name
    /// of common words only keys on its two rarest words together (or, of one word, on that
    /// word alone as the whole name), and the roster side gives those keys too.
    RareWords {
        field: usize,
        count: usize,
        fallback: bool,
    },
}

#[derive(Debug, Clone)]
pub struct BlockingRule {
    pub name: String,
    pub parts: Vec<KeyPart>,
}

impl BlockingRule {
    pub fn new(name: &str, parts: Vec<KeyPart>) -> BlockingRule {
        BlockingRule {
            name: name.to_owned(),
            parts,
        }
    }

    /// Whether the rule's keys are made of this field (so all its pairs agree on it).
    pub fn uses(&self, field: usize) -> bool {
        self.parts.iter().any(|part| match *part {
            KeyPart::Same(f) | KeyPart::Year(f) | KeyPart::FullName(f) => f == field,
            KeyPart::RareWords { field: f, .. } => f == field,
        })
    }
}

/// A hasher for keys that are hashes already (taken as they are) or text (hashed by
/// [`crate::normalise::hash_bytes`]).
#[derive(Default, Clone, Copy)]
pub struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(self.0, crate::normalise::hash_bytes(bytes));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n);
    }
}

pub type PrehashedMap<V> = HashMap<u64, V, BuildHasherDefault<Prehashed>>;

fn mix(acc: u64, value: u64) -> u64 {
    (acc.rotate_left(5) ^ value).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// How often each phonetic word key occurs among the queries.
#[derive(Debug, Default)]
pub struct Rarity {
    counts: PrehashedMap<u32>,
    queries: u32,
}

impl Rarity {
    /// Whether a word is too common to key on: more than one query in 500 carries it (Siti,
    /// Sri, Nur, Muhammad). Pairing on it would compare a query with every roster namesake of
    /// a year or regency; a query whose only words are common is left to the other rules.
    fn too_common(&self, sound: u64) -> bool {
        self.of(sound) > (self.queries / 500).max(20)
    }

    pub fn count(&mut self, values: &[Value]) {
        self.queries += 1;
        for value in values {
            if let Value::Name(Some(name)) = value {
                for i in name.strong() {
                    *self.counts.entry(name.sounds[i]).or_insert(0) += 1;
                }
            }
        }
    }

    fn of(&self, sound: u64) -> u32 {
        self.counts.get(&sound).copied().unwrap_or(0)
    }
}

/// Which side a record is on: queries pick their rarest words, roster records give all.
#[derive(Debug, Clone, Copy)]
pub enum Side<'a> {
    Query(&'a Rarity),
    Roster,
}

/// Appends the keys of every rule for one record to `out`.
pub fn keys(rules: &[BlockingRule], values: &[Value], side: Side<'_>, out: &mut Vec<u64>) {
    for (index, rule) in rules.iter().enumerate() {
        rule_keys(index, rule, values, side, out);
    }
}

/// Appends the keys of one rule, the `index`-th of its schema (keys of different rules never
/// meet, even when made of the same values).
pub fn rule_keys(
    index: usize,
    rule: &BlockingRule,
    values: &[Value],
    side: Side<'_>,
    out: &mut Vec<u64>,
) {
    // The cartesian product of the parts' values, built in place in `out` (this runs for every
    // roster row and rule: no allocation but a rare-words part's own).
    let start = out.len();
    out.push(mix(0, index as u64 + 1));
    for part in &rule.parts {
        match part_values(part, values, side) {
            PartValues::Missing => {
                out.truncate(start);
                return;
            }
            PartValues::One(value) => {
                for key in &mut out[start..] {
                    *key = mix(*key, value);
                }
            }
            PartValues::Many(options) if options.is_empty() => {
                out.truncate(start);
                return;
            }
            PartValues::Many(options) if out.len() == start + 1 => {
                let acc = out.pop().expect("one partial key");
                out.extend(options.iter().map(|&v| mix(acc, v)));
            }
            PartValues::Many(options) => {
                let partial: Vec<u64> = out.drain(start..).collect();
                for acc in partial {
                    out.extend(options.iter().map(|&v| mix(acc, v)));
                }
            }
        }
    }
}

/// What one part of a key gives a record: nothing (no key), one value, or several.
enum PartValues {
    Missing,
    One(u64),
    Many(Vec<u64>),
}

/// Tags that keep a word pair's key and a one-word name's key apart from a word's.
const WORD_PAIR: u64 = 0x7061_6972;
const SOLE_WORD: u64 = 0x736f_6c65;

fn word_pair(a: u64, b: u64) -> u64 {
    let (low, high) = if a <= b { (a, b) } else { (b, a) };
    mix(mix(WORD_PAIR, low), high)
}

fn part_values(part: &KeyPart, values: &[Value], side: Side<'_>) -> PartValues {
    match *part {
        KeyPart::Same(field) => match &values[field] {
            Value::Name(Some(n)) => PartValues::One(hash_str(&n.joined)),
            Value::Date(Some(d)) => PartValues::One(d.num_days_from_ce() as u64),
            Value::Exact(Some(h)) => PartValues::One(*h),
            Value::Text(Some(t)) => PartValues::One(hash_str(t)),
            _ => PartValues::Missing,
        },
        KeyPart::FullName(field) => match &values[field] {
            Value::Name(Some(n)) if n.strong().nth(1).is_some() => {
                PartValues::One(hash_str(&n.joined))
            }
            _ => PartValues::Missing,
        },
        KeyPart::Year(field) => match &values[field] {
            Value::Date(Some(d)) => PartValues::One(d.year() as u64),
            _ => PartValues::Missing,
        },
        KeyPart::RareWords {
            field,
            count,
            fallback,
        } => {
            let Value::Name(Some(name)) = &values[field] else {
                return PartValues::Missing;
            };
            let mut sounds: Vec<u64> = name.strong().map(|i| name.sounds[i]).collect();
            sounds.sort_unstable();
            sounds.dedup();
            match side {
                Side::Query(rarity) => {
                    sounds.sort_by_key(|&s| (rarity.of(s), s));
                    let uncommon = sounds.iter().filter(|&&s| !rarity.too_common(s)).count();
                    if uncommon == 0 && fallback {
                        // Common words only: no query is left without a key, and the key is
                        // still narrow.
                        return match sounds[..] {
                            [] => PartValues::Missing,
                            [sole] => PartValues::One(mix(SOLE_WORD, sole)),
                            [a, b, ..] => PartValues::One(word_pair(a, b)),
                        };
                    }
                    sounds.truncate(uncommon.min(count));
                    PartValues::Many(sounds)
                }
                Side::Roster => {
                    if fallback {
                        let words = sounds.len();
                        for i in 0..words {
                            for j in i + 1..words {
                                sounds.push(word_pair(sounds[i], sounds[j]));
                            }
                        }
                        if words == 1 {
                            sounds.push(mix(SOLE_WORD, sounds[0]));
                        }
                    }
                    PartValues::Many(sounds)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn rules() -> Vec<BlockingRule> {
        vec![
            BlockingRule::new("birth date", vec![KeyPart::Same(1)]),
            BlockingRule::new(
                "rare word and year",
                vec![
                    KeyPart::RareWords {
                        field: 0,
                        count: 1,
                        fallback: false,
                    },
                    KeyPart::Year(1),
                ],
            ),
        ]
    }

    fn values(name: &str, birth: Option<(i32, u32, u32)>) -> Vec<Value> {
        vec![
            Value::name(name),
            Value::Date(birth.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))),
        ]
    }

    #[test]
    fn a_query_keys_on_its_rarest_word_and_the_roster_on_all() {
        let mut rarity = Rarity::default();
        for name in ["Siti Aminah", "Siti Rahma", "Siti Nur"] {
            rarity.count(&values(name, None));
        }
        let query = values("Siti Aminah", Some((1980, 1, 2)));
        let mut query_keys = Vec::new();
        keys(&rules(), &query, Side::Query(&rarity), &mut query_keys);
        assert_eq!(query_keys.len(), 2, "one birth-date key, one rare-word key");
        let mut roster_keys = Vec::new();
        // Same person, birth date typed wrong: the rare word and year still meet.
        keys(
            &rules(),
            &values("Siti Aminah", Some((1980, 2, 1))),
            Side::Roster,
            &mut roster_keys,
        );
        assert_eq!(roster_keys.len(), 3);
        assert!(query_keys.iter().any(|k| roster_keys.contains(k)));
        // Another Siti of the same year shares only the common word, which the query did not key on.
        let mut other = Vec::new();
        keys(
            &rules(),
            &values("Siti Rahma", Some((1980, 5, 5))),
            Side::Roster,
            &mut other,
        );
        assert!(!query_keys.iter().any(|k| other.contains(k)));
    }

    /// Keys of the name-and-regency rule with fallback (field 0 the name, 1 the regency).
    fn fallback_keys(name: &str, side: Side<'_>) -> Vec<u64> {
        let rule = BlockingRule::new(
            "rare word and regency",
            vec![
                KeyPart::RareWords {
                    field: 0,
                    count: 2,
                    fallback: true,
                },
                KeyPart::Same(1),
            ],
        );
        let values = vec![Value::name(name), Value::Exact(Some(32))];
        let mut out = Vec::new();
        keys(std::slice::from_ref(&rule), &values, side, &mut out);
        out
    }

    #[test]
    fn a_name_of_common_words_keys_on_them_together() {
        // Among 1,000 queries, "Sri", "Rahayu" and "Siti" are common (more than 1 in 500).
        let mut rarity = Rarity::default();
        for i in 0..1000 {
            let name = match i % 4 {
                0 => "Sri Rahayu".to_owned(),
                1 => "Siti".to_owned(),
                _ => format!("Budi{i}"),
            };
            rarity.count(&[Value::name(&name), Value::Exact(Some(32))]);
        }
        let meets = |query: &str, roster: &str| {
            let q = fallback_keys(query, Side::Query(&rarity));
            assert_eq!(q.len(), 1, "{query}: one key");
            fallback_keys(roster, Side::Roster)
                .iter()
                .any(|k| q.contains(k))
        };
        assert!(meets("Sri Rahayu", "Sri Rahayu"));
        assert!(meets("SRI RAHAYU, S.Pd.", "Rahayu Sri Ningsih"));
        // One common word shared is not enough: that key would meet every Sri of the regency.
        assert!(!meets("Sri Rahayu", "Sri Wahyuni"));
        assert!(!meets("Sri Rahayu", "Rahayu"));
        // A one-word name meets the same one-word name only.
        assert!(meets("Hj. Siti", "Siti"));
        assert!(!meets("Siti", "Siti Aminah"));
        // A name with a word that is not common keys on that word alone, as before.
        assert!(meets("Siti Aminah", "Aminah"));
    }

    #[test]
    fn a_rule_with_a_missing_part_gives_no_key() {
        let mut out = Vec::new();
        keys(
            &rules(),
            &values("Siti Aminah", None),
            Side::Roster,
            &mut out,
        );
        assert!(out.is_empty());
    }

    #[test]
    fn rules_do_not_share_keys() {
        // The same value under two rules must give two different keys.
        let rules = vec![
            BlockingRule::new("a", vec![KeyPart::Same(1)]),
            BlockingRule::new("b", vec![KeyPart::Same(1)]),
        ];
        let mut out = Vec::new();
        keys(
            &rules,
            &values("X", Some((1980, 1, 2))),
            Side::Roster,
            &mut out,
        );
        assert_eq!(out.len(), 2);
        assert_ne!(out[0], out[1]);
    }
}
