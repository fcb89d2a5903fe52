//! How common a name is: the chance that a random record carries exactly that name, which is
//! what an exact agreement on the name is worth (the term-frequency adjustment).
//!
//! A name's chance is read from its words, because whole names are too many for a sample to
//! count (a million synthetic rows hold about 150,000 distinct ones). The words are counted
//! among names of the same number of strong words: "Siti" is in one name in fourteen, but the
//! name "Siti" alone is one in sixty-five, and a pair of records that both read just "Siti"
//! agrees on far more than a word in the first position of most women's names. So the chance
//! of a name of `k` strong words is the share of names with `k` strong words times, for each of
//! its words, the share of those names that hold the word.

use crate::blocking::PrehashedMap;
use crate::compare::Comparator;
use crate::normalise::hash_str;
use crate::parallel::map_parts;
use crate::record::{Query, Record, Schema, Value};

/// Names of this many strong words and more are counted as one class: four-word names are too
/// few to count apart.
const LONGEST_COUNTED: usize = 3;

/// Pseudo-rows of the whole sample's shares added to a region's counts: a region of a few
/// hundred sample rows says little alone about a word's share in it.
const REGION_PSEUDO_ROWS: f64 = 100.0;

/// Term frequencies of each name field's words in the training sample, by the name's number of
/// strong words, in the whole sample and within each region of the schema's `name_region`
/// field.
pub(crate) struct Frequencies {
    rows: f64,
    /// Per name field: sample rows by their name's class ([`class`]).
    lengths: Vec<[u32; LONGEST_COUNTED + 1]>,
    /// Per name field: each word counted in the names of its class (key: [`word_key`]).
    words: Vec<PrehashedMap<u32>>,
    /// Sample rows per region.
    region_rows: PrehashedMap<u32>,
    /// Per name field: the region's rows by class (key: [`regional_key`] of the class).
    regional_lengths: Vec<PrehashedMap<u32>>,
    /// Per name field: the words of each class counted per region (key: [`regional_key`] of
    /// the [`word_key`]).
    regional_words: Vec<PrehashedMap<u32>>,
}

/// The class a name of `strong` strong words is counted in.
fn class(strong: usize) -> usize {
    strong.min(LONGEST_COUNTED)
}

fn word_key(class: usize, word: &str) -> u64 {
    hash_str(word) ^ (class as u64 + 1).wrapping_mul(0xd6e8_feb8_6659_fd93)
}

fn regional_key(region: u64, key: u64) -> u64 {
    region.rotate_left(29) ^ key.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// `count` out of `rows`, drawn towards `prior` by `pseudo` rows.
fn shrunk(count: u32, rows: u32, prior: f64, pseudo: f64) -> f64 {
    (f64::from(count) + pseudo * prior) / (f64::from(rows) + pseudo)
}

impl Frequencies {
    pub(crate) fn count(schema: &Schema, sample: &[Record]) -> Frequencies {
        let fields = schema.fields.len();
        let mut lengths = vec![[0u32; LONGEST_COUNTED + 1]; fields];
        let mut words: Vec<PrehashedMap<u32>> = vec![PrehashedMap::default(); fields];
        let mut region_rows: PrehashedMap<u32> = PrehashedMap::default();
        let mut regional_lengths: Vec<PrehashedMap<u32>> = vec![PrehashedMap::default(); fields];
        let mut regional_words: Vec<PrehashedMap<u32>> = vec![PrehashedMap::default(); fields];
        for record in sample {
            let region = region_of(schema, &record.values);
            if let Some(region) = region {
                *region_rows.entry(region).or_insert(0) += 1;
            }
            for (field, value) in record.values.iter().enumerate() {
                let Value::Name(Some(name)) = value else {
                    continue;
                };
                let class = class(name.strong().count());
                lengths[field][class] += 1;
                if let Some(region) = region {
                    *regional_lengths[field]
                        .entry(regional_key(region, class as u64))
                        .or_insert(0) += 1;
                }
                for i in name.strong() {
                    let word = word_key(class, &name.tokens[i]);
                    *words[field].entry(word).or_insert(0) += 1;
                    if let Some(region) = region {
                        *regional_words[field]
                            .entry(regional_key(region, word))
                            .or_insert(0) += 1;
                    }
                }
            }
        }
        Frequencies {
            rows: sample.len().max(1) as f64,
            lengths,
            words,
            region_rows,
            regional_lengths,
            regional_words,
        }
    }

    /// The chance that a random record carries this exact name: the share of names with as
    /// many strong words times the product of its strong words' shares among those names, no
    /// rarer than one record in the sample. With `region`, the shares are the region's (drawn
    /// towards the whole sample's where the region has few rows): names follow regional
    /// traditions, so among people of one regency a Sundanese name is far commoner than in
    /// the country, and a pair that agrees on the regency must not count the name as rare as
    /// the country would.
    pub(crate) fn of_name(&self, field: usize, value: &Value, region: Option<u64>) -> Option<f64> {
        let Value::Name(Some(name)) = value else {
            return None;
        };
        let class = class(name.strong().count());
        let class_rows = self.lengths[field][class];
        // One pseudo-row each, so that a class or word the sample lacks is rare, not absent.
        let class_share = shrunk(class_rows, self.rows as u32, 1.0, 1.0);
        let word_share = |word: u64| {
            let n = self.words[field].get(&word).copied().unwrap_or(0);
            shrunk(n, class_rows, 1.0, 1.0)
        };
        let words = name.strong().map(|i| word_key(class, &name.tokens[i]));
        let chance: f64 = match region {
            None => class_share * words.map(word_share).product::<f64>(),
            Some(region) => {
                let region_rows = self.region_rows.get(&region).copied().unwrap_or(0);
                let class_here = self.regional_lengths[field]
                    .get(&regional_key(region, class as u64))
                    .copied()
                    .unwrap_or(0);
                // The region's class is drawn towards the country's by as many pseudo-rows
                // as the class holds of the region's pseudo-rows.
                let pseudo = REGION_PSEUDO_ROWS * class_share;
                let word_share_here = |word: u64| {
                    let here = self.regional_words[field]
                        .get(&regional_key(region, word))
                        .copied()
                        .unwrap_or(0);
                    shrunk(here, class_here, word_share(word), pseudo)
                };
                shrunk(class_here, region_rows, class_share, REGION_PSEUDO_ROWS)
                    * words.map(word_share_here).product::<f64>()
            }
        };
        Some(chance.max(1.0 / self.rows))
    }
}

/// For each query and field, `log2` of the chance that a random record carries the query's
/// exact name (see [`Frequencies::of_name`]), in the whole sample and in the query's region;
/// `None` for fields that are not names or names that are missing. Counted once per run:
/// every model tried during estimation reads them.
pub(crate) struct QueryShares(pub(crate) Vec<[Option<f64>; 2]>);

impl QueryShares {
    pub(crate) fn new(
        schema: &Schema,
        frequencies: &Frequencies,
        queries: &[Query],
        threads: usize,
    ) -> Self {
        QueryShares(map_parts(queries, threads, |part| {
            let mut out = Vec::with_capacity(part.len() * schema.fields.len());
            for query in part {
                let region = region_of(schema, &query.values);
                for (field, spec) in schema.fields.iter().enumerate() {
                    let share = |region: Option<u64>| match spec.comparator {
                        Comparator::Name => frequencies
                            .of_name(field, &query.values[field], region)
                            .map(f64::log2),
                        _ => None,
                    };
                    out.push([share(None), share(region)]);
                }
            }
            out
        }))
    }
}

/// The region a record's values name, when the schema counts name frequencies by region.
pub(crate) fn region_of(schema: &Schema, values: &[Value]) -> Option<u64> {
    match values.get(schema.name_region?)? {
        Value::Exact(Some(region)) => Some(*region),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
