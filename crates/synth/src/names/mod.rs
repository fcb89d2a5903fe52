//! Indonesian names by naming tradition: drawing a person's name, writing it the ways rosters
//! and candidate lists write it, and a key under which those ways agree.
//!
//! A drawn [`Name`] is a list of canonical parts (each a list entry, possibly several words)
//! with the spelling the person uses legally. [`Writing`] says how one document writes it:
//! old or new spelling, which form of Muhammad, "Abd." for Abdul, capitals.

mod pools;
mod spelling;

use std::collections::HashMap;
use std::sync::OnceLock;

use netral_domain::ids::{PersonName, Sex};

pub use pools::{Entry, Lists, Pool};
pub use spelling::{spelling_key, write_old};

use crate::rng::Rng;

/// A naming tradition. Provinces mix several (see `geography`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameRegion {
    /// Common Islamic names, used across Muslim-majority regions.
    Islamic,
    Javanese,
    Sundanese,
    Batak,
    Minang,
    /// Bugis and Makassar.
    Bugis,
    Balinese,
    /// Malay and other Sumatran.
    Malay,
    Betawi,
    Banjar,
    /// Minahasa and other Christian communities of Sulawesi and Maluku.
    Manado,
    Papua,
    /// East Nusa Tenggara and Catholic communities.
    Ntt,
}

impl NameRegion {
    pub const ALL: [NameRegion; 13] = [
        NameRegion::Islamic,
        NameRegion::Javanese,
        NameRegion::Sundanese,
        NameRegion::Batak,
        NameRegion::Minang,
        NameRegion::Bugis,
        NameRegion::Balinese,
        NameRegion::Malay,
        NameRegion::Betawi,
        NameRegion::Banjar,
        NameRegion::Manado,
        NameRegion::Papua,
        NameRegion::Ntt,
    ];

    fn file(self) -> (&'static str, &'static str) {
        macro_rules! data {
            ($name:literal) => {
                ($name, include_str!(concat!("../../data/names/", $name)))
            };
        }
        match self {
            NameRegion::Islamic => data!("islamic.txt"),
            NameRegion::Javanese => data!("javanese.txt"),
            NameRegion::Sundanese => data!("sundanese.txt"),
            NameRegion::Batak => data!("batak.txt"),
            NameRegion::Minang => data!("minang.txt"),
            NameRegion::Bugis => data!("bugis.txt"),
            NameRegion::Balinese => data!("balinese.txt"),
            NameRegion::Malay => data!("malay.txt"),
            NameRegion::Betawi => data!("betawi.txt"),
            NameRegion::Banjar => data!("banjar.txt"),
            NameRegion::Manado => data!("manado.txt"),
            NameRegion::Papua => data!("papua.txt"),
            NameRegion::Ntt => data!("ntt.txt"),
        }
    }

    fn style(self) -> Style {
        use NameRegion::*;
        let (seconds, family, single, old) = match self {
            Islamic => ([15, 70, 15], 0.0, 0.03, true),
            Javanese => ([20, 60, 20], 0.0, 0.08, true),
            Sundanese => ([15, 70, 15], 0.0, 0.04, true),
            Batak => ([55, 42, 3], 0.95, 0.01, false),
            Minang => ([25, 65, 10], 0.0, 0.03, true),
            Bugis => ([25, 60, 15], 0.0, 0.02, true),
            Balinese => ([70, 30, 0], 0.0, 0.0, false),
            Malay => ([20, 65, 15], 0.0, 0.03, true),
            Betawi => ([25, 65, 10], 0.0, 0.05, true),
            Banjar => ([20, 65, 15], 0.0, 0.03, true),
            Manado => ([45, 50, 5], 0.95, 0.0, false),
            Papua => ([60, 40, 0], 0.95, 0.0, false),
            Ntt => ([50, 45, 5], 0.9, 0.0, false),
        };
        Style {
            seconds,
            family,
            single,
            old,
        }
    }

    /// Whether Muslim titles (H., Hj.) and the Muhammad forms belong to this tradition.
    pub fn muslim(self) -> bool {
        !matches!(
            self,
            NameRegion::Balinese | NameRegion::Manado | NameRegion::Papua | NameRegion::Ntt
        ) && self != NameRegion::Batak
    }
}

struct Style {
    /// Weights of zero, one and two further words after the first.
    seconds: [u64; 3],
    /// Share of names ending in a family name (marga, fam).
    family: f64,
    /// Share of single-word names.
    single: f64,
    /// Whether old spellings occur in this tradition.
    old: bool,
}

/// The forms of Muhammad seen in rosters and candidate lists; index 0 is the canonical one.
pub const MUHAMMAD_FORMS: [&str; 9] = [
    "Muhammad",
    "M.",
    "Moh.",
    "Muh.",
    "Mhd.",
    "Moch.",
    "Mochammad",
    "Mohammad",
    "Muhamad",
];

/// One part of a name: a list entry and the spelling its bearer uses.
#[derive(Debug, Clone, Copy)]
pub struct Part {
    pub entry: &'static Entry,
    pub spelling: u8,
}

/// A person's name: canonical parts, and how the person writes them legally.
#[derive(Debug, Clone)]
pub struct Name {
    pub region: NameRegion,
    parts: [Option<Part>; 6],
    len: u8,
    /// The person's own form of Muhammad, an index into [`MUHAMMAD_FORMS`].
    pub muhammad: u8,
    /// Whether the person's documents keep the old spelling.
    pub old: bool,
}

/// How one document writes a name.
#[derive(Debug, Clone, Copy, Default)]
pub struct Writing {
    /// Old spelling instead of the person's own choice (`None`: as the person writes it).
    pub old: Option<bool>,
    /// A form of Muhammad other than the person's own.
    pub muhammad: Option<u8>,
    /// Abdul written "Abd.".
    pub abdul_short: bool,
    /// All capitals, as many KPU lists are typed.
    pub upper: bool,
    /// Spelling variants redrawn with this seed (`0`: the person's own spellings).
    pub respell: u64,
}

impl Name {
    pub fn parts(&self) -> impl Iterator<Item = &Part> {
        self.parts[..usize::from(self.len)].iter().flatten()
    }

    /// The canonical modern form: what every way of writing the name comes back to.
    pub fn canonical(&self) -> String {
        self.parts()
            .map(|p| p.entry.canonical())
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn has_muhammad(&self) -> bool {
        self.parts()
            .any(|p| p.entry.canonical().split(' ').any(|w| w == "Muhammad"))
    }

    pub fn has_abdul(&self) -> bool {
        self.parts()
            .any(|p| p.entry.canonical().split(' ').any(|w| w == "Abdul"))
    }

    /// The name as the person writes it (roster form).
    pub fn write_legal(&self, out: &mut String) {
        self.write(&Writing::default(), out);
    }

    pub fn write(&self, writing: &Writing, out: &mut String) {
        let start = out.len();
        let old = writing.old.unwrap_or(self.old) && self.region.style().old;
        let muhammad = writing.muhammad.unwrap_or(self.muhammad);
        let mut first = true;
        for (index, part) in self.parts().enumerate() {
            let spelling = if writing.respell == 0 || part.entry.spellings.len() == 1 {
                part.entry.spellings[usize::from(part.spelling)]
            } else {
                let pick = crate::rng::hash(&[writing.respell, index as u64]);
                part.entry.spellings[(pick % part.entry.spellings.len() as u64) as usize]
            };
            for (word, canonical) in spelling.split(' ').zip(part.entry.canonical().split(' ')) {
                if !first {
                    out.push(' ');
                }
                first = false;
                if canonical == "Muhammad" {
                    out.push_str(MUHAMMAD_FORMS[usize::from(muhammad)]);
                } else if canonical == "Abdul" && writing.abdul_short {
                    out.push_str("Abd.");
                } else if old && word.len() > 1 {
                    write_old(word, out);
                } else {
                    out.push_str(word);
                }
            }
        }
        if writing.upper {
            let upper = out[start..].to_uppercase();
            out.truncate(start);
            out.push_str(&upper);
        }
    }
}

/// Every tradition's lists, parsed once, and the table that folds spelling variants together.
pub struct NameBook {
    lists: Vec<Lists>,
    /// Spelling key of a variant word → the key of its group's representative.
    variants: HashMap<String, String>,
}

impl NameBook {
    /// The shipped lists. A malformed file panics, naming file and line: a defect of the build.
    pub fn get() -> &'static NameBook {
        static BOOK: OnceLock<NameBook> = OnceLock::new();
        BOOK.get_or_init(|| {
            let lists: Vec<Lists> = NameRegion::ALL
                .iter()
                .map(|r| {
                    let (file, text) = r.file();
                    pools::parse(file, text)
                })
                .collect();
            let variants = variant_table(&lists);
            NameBook { lists, variants }
        })
    }

    pub fn lists(&'static self, region: NameRegion) -> &'static Lists {
        &self.lists[NameRegion::ALL
            .iter()
            .position(|r| *r == region)
            .unwrap_or(0)]
    }

    /// A name of `region` for a person of `sex` born in `birth_year`.
    pub fn draw(
        &'static self,
        region: NameRegion,
        sex: Sex,
        birth_year: i32,
        rng: &mut Rng,
    ) -> Name {
        let lists = self.lists(region);
        let style = region.style();
        let male = sex == Sex::Male;
        let mut name = Name {
            region,
            parts: [None; 6],
            len: 0,
            muhammad: 0,
            old: false,
        };
        let push = |name: &mut Name, entry: &'static Entry, rng: &mut Rng| {
            if name.parts().any(|p| std::ptr::eq(p.entry, entry)) || name.len == 6 {
                return;
            }
            // Three in four write the canonical spelling; the rest one of its variants.
            let spelling = if entry.spellings.len() > 1 && rng.chance(0.25) {
                1 + rng.below(entry.spellings.len() as u64 - 1) as u8
            } else {
                0
            };
            name.parts[usize::from(name.len)] = Some(Part { entry, spelling });
            name.len += 1;
        };
        let prefix = if male {
            &lists.prefix_male
        } else {
            &lists.prefix_female
        };
        let prefix = prefix.draw(rng);
        if let Some(prefix) = prefix {
            push(&mut name, prefix, rng);
            if matches!(prefix.canonical(), "I" | "Ni")
                && let Some(order) = lists.order.draw(rng)
            {
                push(&mut name, order, rng);
            }
        }
        let (first, second) = if male {
            (&lists.male, &lists.male_second)
        } else {
            (&lists.female, &lists.female_second)
        };
        let second = if second.is_empty() { first } else { second };
        if let Some(entry) = first.draw(rng) {
            push(&mut name, entry, rng);
        }
        // Single names are mostly older people's.
        let single = style.single * if birth_year < 1975 { 2.0 } else { 0.5 };
        let alone = prefix.is_none() && name.len == 1 && rng.chance(single);
        if !alone {
            let seconds = rng.weighted(&[
                (0, style.seconds[0]),
                (1, style.seconds[1]),
                (2, style.seconds[2]),
            ]);
            for _ in 0..seconds {
                if let Some(entry) = second.draw(rng) {
                    push(&mut name, entry, rng);
                }
            }
            if !lists.family.is_empty()
                && rng.chance(style.family)
                && let Some(entry) = lists.family.draw(rng)
            {
                push(&mut name, entry, rng);
            }
        }
        // "Muhammad" alone is never a whole name.
        if name.has_muhammad()
            && name.len == 1
            && let Some(entry) = second.draw(rng)
        {
            push(&mut name, entry, rng);
        }
        name.muhammad = match rng.below(100) {
            0..=69 => 0,
            70..=84 => 1,
            85..=89 => 2,
            90..=94 => 6,
            _ => 7,
        };
        let old_share = match birth_year {
            ..1965 => 0.30,
            1965..1975 => 0.15,
            _ => 0.03,
        };
        name.old = style.old && rng.chance(old_share);
        name
    }

    /// A key under which every way of writing a name agrees: titles removed, capitals, old
    /// spellings, listed variants, the forms of Muhammad and "Abd." folded. Used to check that
    /// planted candidates really are the roster people they claim to be.
    pub fn name_key(&self, written: &str) -> String {
        let given = written
            .parse::<PersonName>()
            .map(|n| n.given_name().to_owned())
            .unwrap_or_else(|_| written.to_owned());
        let mut key = String::with_capacity(given.len());
        for word in given.split_whitespace() {
            let bare = word.trim_end_matches('.').to_lowercase();
            if !key.is_empty() {
                key.push(' ');
            }
            if MUHAMMAD_FORMS
                .iter()
                .any(|f| f.trim_end_matches('.').eq_ignore_ascii_case(&bare))
            {
                key.push_str("muhammad");
                continue;
            }
            let mut word_key = String::new();
            spelling_key(if bare == "abd" { "abdul" } else { &bare }, &mut word_key);
            key.push_str(self.variants.get(&word_key).unwrap_or(&word_key));
        }
        key
    }
}

/// Folds the listed spellings of each entry into groups (union–find over spelling keys), so
/// that a variant listed under one name and canonical under another still meets it.
fn variant_table(lists: &[Lists]) -> HashMap<String, String> {
    let mut parent: HashMap<String, String> = HashMap::new();
    fn root(parent: &HashMap<String, String>, key: &str) -> String {
        let mut key = key.to_owned();
        while let Some(next) = parent.get(&key).filter(|n| **n != key) {
            key = next.clone();
        }
        key
    }
    let key = |word: &str| {
        let mut out = String::new();
        spelling_key(word, &mut out);
        out
    };
    for list in lists {
        for pool in [
            &list.male,
            &list.female,
            &list.male_second,
            &list.female_second,
            &list.family,
            &list.prefix_male,
            &list.prefix_female,
            &list.order,
        ] {
            for entry in pool.entries.iter().filter(|e| e.spellings.len() > 1) {
                let canonical: Vec<String> = entry.canonical().split(' ').map(key).collect();
                for spelling in &entry.spellings[1..] {
                    let words: Vec<String> = spelling.split(' ').map(key).collect();
                    if words.len() != canonical.len() {
                        continue;
                    }
                    for (a, b) in canonical.iter().zip(words) {
                        let (ra, rb) = (root(&parent, a), root(&parent, &b));
                        if ra != rb {
                            // The smaller key represents the group: independent of file order.
                            let (small, large) = if ra < rb { (ra, rb) } else { (rb, ra) };
                            parent.insert(large, small);
                        }
                    }
                }
            }
        }
    }
    let keys: Vec<String> = parent.keys().cloned().collect();
    keys.into_iter()
        .map(|k| {
            let r = root(&parent, &k);
            (k, r)
        })
        .filter(|(k, r)| k != r)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Stream;

    #[test]
    fn every_list_parses_and_draws() {
        let book = NameBook::get();
        for (i, region) in NameRegion::ALL.into_iter().enumerate() {
            let mut rng = Rng::new(1, Stream::Setup, i as u64);
            for sex in [Sex::Male, Sex::Female] {
                for _ in 0..200 {
                    let name = book.draw(region, sex, 1980, &mut rng);
                    let mut written = String::new();
                    name.write_legal(&mut written);
                    let parsed: PersonName =
                        written.parse().unwrap_or_else(|e| panic!("{written}: {e}"));
                    assert!(parsed.front_titles().is_empty(), "{written}");
                    assert_eq!(
                        book.name_key(&written),
                        book.name_key(&name.canonical()),
                        "{written}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_writing_of_a_name_has_the_same_key() {
        let book = NameBook::get();
        let mut rng = Rng::new(2, Stream::Setup, 0);
        for i in 0..3000u64 {
            let region = NameRegion::ALL[(i % 13) as usize];
            let sex = if i % 2 == 0 { Sex::Male } else { Sex::Female };
            let name = book.draw(region, sex, 1960 + (i % 40) as i32, &mut rng);
            let mut legal = String::new();
            name.write_legal(&mut legal);
            let writing = Writing {
                old: Some(i % 3 == 0),
                muhammad: Some((i % 9) as u8),
                abdul_short: i % 2 == 0,
                upper: i % 5 == 0,
                respell: i + 1,
            };
            let mut other = String::new();
            name.write(&writing, &mut other);
            assert_eq!(
                book.name_key(&legal),
                book.name_key(&other),
                "{legal} / {other}"
            );
        }
    }

    #[test]
    fn keys_fold_titles_muhammad_and_old_spelling() {
        let book = NameBook::get();
        assert_eq!(
            book.name_key("Ir.Hj. SITI AMINAH, S.H."),
            book.name_key("Siti Aminah")
        );
        assert_eq!(
            book.name_key("H. Moch. Joesoef"),
            book.name_key("Muhammad Yusuf")
        );
        assert_eq!(book.name_key("Abd. Rachman"), book.name_key("Abdul Rahman"));
        assert_eq!(book.name_key("Soedjono"), book.name_key("Sujono"));
        assert_ne!(book.name_key("Siti Aminah"), book.name_key("Siti Aisyah"));
    }
}
