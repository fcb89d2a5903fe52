//! The name lists of `data/names`, parsed once.

use crate::rng::{Rng, Weighted};

/// One name in a list: its spellings (the first is the canonical modern one) and weight.
#[derive(Debug, Clone)]
pub struct Entry {
    pub spellings: Vec<&'static str>,
    pub weight: u64,
}

impl Entry {
    pub fn canonical(&self) -> &'static str {
        self.spellings[0]
    }
}

/// A list to draw from. An entry `-` stands for "nothing" (no prefix).
#[derive(Debug, Clone, Default)]
pub struct Pool {
    pub entries: Vec<Entry>,
    weights: Weighted,
}

impl Pool {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// An entry, or `None` for an empty pool or a drawn `-`.
    pub fn draw(&self, rng: &mut Rng) -> Option<&Entry> {
        if self.entries.is_empty() {
            return None;
        }
        Some(&self.entries[self.weights.pick(rng)]).filter(|e| e.canonical() != "-")
    }
}

/// The pools of one naming tradition.
#[derive(Debug, Clone, Default)]
pub struct Lists {
    pub male: Pool,
    pub female: Pool,
    pub male_second: Pool,
    pub female_second: Pool,
    pub family: Pool,
    pub prefix_male: Pool,
    pub prefix_female: Pool,
    pub order: Pool,
}

/// Parses one file. Errors are defects of the shipped data, caught by the tests.
pub fn parse(file: &str, text: &'static str) -> Lists {
    let mut lists = Lists::default();
    let mut current: Option<&mut Pool> = None;
    let mut pending: Vec<(String, Entry)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        if let Some(section) = line.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            pending.push((
                section.to_owned(),
                Entry {
                    spellings: Vec::new(),
                    weight: 0,
                },
            ));
            continue;
        }
        let (names, weight) = line
            .rsplit_once(' ')
            .unwrap_or_else(|| panic!("names/{file}, line {}: `Name weight`", number + 1));
        let weight: u64 = weight
            .parse()
            .unwrap_or_else(|_| panic!("names/{file}, line {}: bad weight", number + 1));
        let section = pending
            .last()
            .unwrap_or_else(|| {
                panic!(
                    "names/{file}, line {}: entry before a [section]",
                    number + 1
                )
            })
            .0
            .clone();
        pending.push((
            section,
            Entry {
                spellings: names.trim().split('|').map(str::trim).collect(),
                weight,
            },
        ));
    }
    for (section, entry) in pending {
        if entry.spellings.is_empty() {
            current = Some(match section.as_str() {
                "male" => &mut lists.male,
                "female" => &mut lists.female,
                "male_second" => &mut lists.male_second,
                "female_second" => &mut lists.female_second,
                "family" => &mut lists.family,
                "prefix_male" => &mut lists.prefix_male,
                "prefix_female" => &mut lists.prefix_female,
                "order" => &mut lists.order,
                other => panic!("names/{file}: unknown section [{other}]"),
            });
            continue;
        }
        let pool = current.as_mut().expect("a section precedes its entries");
        pool.entries.push(entry);
    }
    for pool in [
        &mut lists.male,
        &mut lists.female,
        &mut lists.male_second,
        &mut lists.female_second,
        &mut lists.family,
        &mut lists.prefix_male,
        &mut lists.prefix_female,
        &mut lists.order,
    ] {
        pool.weights = Weighted::new(pool.entries.iter().map(|e| e.weight));
    }
    assert!(
        !lists.male.is_empty() && !lists.female.is_empty(),
        "names/{file}: needs [male] and [female]"
    );
    lists
}
