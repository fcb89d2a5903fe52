//! How common a name is: the chance that a random record carries exactly that name, which is
//! what an exact agreement on the name is worth (the term-frequency adjustment).
//!
//! A name's chance is read from its words, because whole names are too many for a sample to
//! count (a million synthetic rows hold about 150,000 distinct ones). The words are counted
//! among names of the same number of strong words: "Siti" is in one name in fourteen, but the
//! name "Siti" alone is one in sixty-five, and a pair of records that both read just "Siti"
//! agrees on far more than a word in the first position of most women's names. So the chance
//! of a name of `k` strong words is the share of names with `k` strong words times, for each of
//! its words, the share of those names that hold the word. All of it is counted among the
//! records of one sex (where the schema has a sex field): "Siti" is a woman's name, and the
//! sex field's own agreement must not pay again for what the name already said. The product
//! takes the words as drawn apart, which they are not; a [`Calibration`] read from the sample
//! mends it.

use crate::blocking::PrehashedMap;
use crate::compare::Comparator;
use crate::normalise::{NameKey, hash_str};
use crate::parallel::map_parts;
use crate::record::{Query, Record, Schema, Value};

/// Names of this many strong words and more are counted as one class: four-word names are too
/// few to count apart.
const LONGEST_COUNTED: usize = 3;

/// Pseudo-rows of the whole sample's shares added to a region's counts: a region of a few
/// hundred sample rows says little alone about a word's share in it.
const REGION_PSEUDO_ROWS: f64 = 100.0;

/// Term frequencies of each name field's words in the training sample, by the record's sex (the
/// schema's `name_sex` field; one group when it has none) and the name's number of strong
/// words, in the whole sample and within each region of the schema's `name_region` field.
#[derive(Debug, PartialEq)]
pub(crate) struct Frequencies {
    /// Sample rows by sex (0: none given); together, all the sample's rows.
    group_rows: PrehashedMap<u32>,
    /// Per name field: sample rows by sex and their name's class (key: [`class_key`]).
    lengths: Vec<PrehashedMap<u32>>,
    /// Per name field: each word counted in the names of its sex and class (key:
    /// [`word_key`]).
    words: Vec<PrehashedMap<u32>>,
    /// Sample rows per region and sex (key: [`regional_key`] of the sex).
    region_rows: PrehashedMap<u32>,
    /// Per name field: the region's rows by sex and class (key: [`regional_key`] of the
    /// [`class_key`]).
    regional_lengths: Vec<PrehashedMap<u32>>,
    /// Per name field: the words of each class counted per region (key: [`regional_key`] of
    /// the [`word_key`]).
    regional_words: Vec<PrehashedMap<u32>>,
    /// Per name field: how the words' product is mended, over the country and within a
    /// region.
    calibration: Vec<[Calibration; 2]>,
}

/// The words' product assumes a name's words are drawn apart, but they are not: a Batak given
/// name comes with a Batak clan name, a woman's with a woman's, a generation's with its own.
/// Names the product calls one in a million are many times commoner than that (measured on
/// the synthetic roster: fifteen times where it expects one holder in a thousand regencies'
/// worth of rows, twice where it expects a few, not at all for common names). The mend is
/// read from the sample itself: the product counted on one half of the sample predicts how
/// often the other half's names occur in it, and what they really do, bin by bin of
/// `log2(product)`; a line through the bins' `log2(actual / predicted)` is the correction.
/// It only ever raises a chance: words that go together make names commoner, never rarer.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Calibration {
    intercept: f64,
    slope: f64,
}

impl Calibration {
    const NONE: Calibration = Calibration {
        intercept: 0.0,
        slope: 0.0,
    };

    fn apply(self, chance: f64) -> f64 {
        let bits = chance.log2();
        (bits + (self.intercept + self.slope * bits).max(0.0)).exp2()
    }
}

/// A bin must hold this many occurrences of names to say how common its names are.
const CALIBRATION_MIN_ACTUAL: f64 = 8.0;

/// Predicted and actual occurrences by bin of `log2(product)`.
#[derive(Default)]
struct Bins(std::collections::BTreeMap<i32, (f64, f64)>);

impl Bins {
    fn add(&mut self, chance: f64, rows: f64, actual: u32) {
        let bin = self.0.entry(chance.log2().floor() as i32).or_default();
        bin.0 += chance * rows;
        bin.1 += f64::from(actual);
    }

    fn absorb(&mut self, other: Bins) {
        for (bin, (predicted, actual)) in other.0 {
            let into = self.0.entry(bin).or_default();
            into.0 += predicted;
            into.1 += actual;
        }
    }

    /// The weighted least-squares line through the bins that hold enough occurrences, each
    /// weighted by its actual count (a count's noise in `log2` shrinks as it grows), its
    /// slope held between −0.5 and 0; none when fewer than three bins hold enough.
    fn fit(&self) -> Calibration {
        let points: Vec<(f64, f64, f64)> = self
            .0
            .iter()
            .filter(|(_, (predicted, actual))| {
                *actual >= CALIBRATION_MIN_ACTUAL && *predicted > 0.0
            })
            .map(|(&bin, &(predicted, actual))| {
                (f64::from(bin) + 0.5, (actual / predicted).log2(), actual)
            })
            .collect();
        if points.len() < 3 {
            return Calibration::NONE;
        }
        let weight: f64 = points.iter().map(|p| p.2).sum();
        let mean_x = points.iter().map(|p| p.0 * p.2).sum::<f64>() / weight;
        let mean_y = points.iter().map(|p| p.1 * p.2).sum::<f64>() / weight;
        let sxx: f64 = points.iter().map(|p| p.2 * (p.0 - mean_x).powi(2)).sum();
        let sxy: f64 = points
            .iter()
            .map(|p| p.2 * (p.0 - mean_x) * (p.1 - mean_y))
            .sum();
        if sxx <= 0.0 {
            return Calibration::NONE;
        }
        // A rarer name is never made commoner than a commoner one: the chance must still
        // grow with the product, so the correction may fall at most half as fast.
        let slope = (sxy / sxx).clamp(-0.5, 0.0);
        Calibration {
            intercept: mean_y - slope * mean_x,
            slope,
        }
    }
}

/// The class a name of `strong` strong words is counted in.
fn class(strong: usize) -> usize {
    strong.min(LONGEST_COUNTED)
}

/// A key of `key` among the records of one sex (`group`).
fn in_group(group: u64, key: u64) -> u64 {
    key ^ group.wrapping_add(1).wrapping_mul(0x2545_f491_4f6c_dd1d)
}

/// The names of `strong` strong words among the records of one sex.
fn class_key(group: u64, strong: usize) -> u64 {
    in_group(group, class(strong) as u64)
}

fn word_key(class_key: u64, word: &str) -> u64 {
    hash_str(word)
        ^ class_key
            .wrapping_add(1)
            .wrapping_mul(0xd6e8_feb8_6659_fd93)
}

/// A whole name's key in one field, among the records of one sex.
fn name_key(group: u64, field: usize, joined: &str) -> u64 {
    in_group(
        group,
        hash_str(joined) ^ (field as u64 + 1).wrapping_mul(0xa076_1d64_78bd_642f),
    )
}

fn regional_key(region: u64, key: u64) -> u64 {
    region.rotate_left(29) ^ key.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// `count` out of `rows`, drawn towards `prior` by `pseudo` rows.
fn shrunk(count: u32, rows: u32, prior: f64, pseudo: f64) -> f64 {
    (f64::from(count) + pseudo * prior) / (f64::from(rows) + pseudo)
}

fn add_counts(into: &mut PrehashedMap<u32>, from: &PrehashedMap<u32>) {
    for (key, count) in from {
        *into.entry(*key).or_insert(0) += count;
    }
}

impl Frequencies {
    /// The sample's word counts, and the mend of their product read from its two halves.
    /// The halves are counted on two threads and then added together: the start-up of a
    /// run waits for this.
    pub(crate) fn count(schema: &Schema, sample: &[Record]) -> Frequencies {
        let odd_rows: Vec<&Record> = sample.iter().skip(1).step_by(2).collect();
        let mut names = PrehashedMap::default();
        let (even, odd) = std::thread::scope(|scope| {
            let odd = scope.spawn(|| Frequencies::tally(schema, odd_rows.iter().copied(), None));
            let even = Frequencies::tally(schema, sample.iter().step_by(2), Some(&mut names));
            (even, odd.join().expect("no worker panics"))
        });
        let calibration = even.calibrate(schema, &names, &odd_rows);
        let mut frequencies = even.plus(&odd);
        frequencies.calibration = calibration;
        frequencies
    }

    /// Each name field's [`Calibration`]: the words' product counted on the sample's even rows
    /// (`self`, and `names` their whole names) predicts how often each odd row's name occurs
    /// among the even rows.
    fn calibrate(
        &self,
        schema: &Schema,
        names: &PrehashedMap<u32>,
        odd_rows: &[&Record],
    ) -> Vec<[Calibration; 2]> {
        let actual = |key| names.get(&key).copied().unwrap_or(0);
        let parts = map_parts(odd_rows, 2, |part| {
            let mut bins: Vec<[Bins; 2]> = (0..schema.fields.len())
                .map(|_| Default::default())
                .collect();
            for record in part {
                let region = region_of(schema, &record.values);
                let group = sex_of(schema, &record.values).unwrap_or(0);
                for (field, value) in record.values.iter().enumerate() {
                    let Value::Name(Some(name)) = value else {
                        continue;
                    };
                    let whole = name_key(group, field, &name.joined);
                    let [country, regional] = &mut bins[field];
                    let rows = f64::from(self.group_rows.get(&group).copied().unwrap_or(0));
                    let chance = self.product(field, name, None, group);
                    country.add(chance, rows, actual(whole));
                    if let Some(region) = region {
                        let rows = self
                            .region_rows
                            .get(&regional_key(region, group))
                            .copied()
                            .unwrap_or(0);
                        let rows = f64::from(rows);
                        let chance = self.product(field, name, Some(region), group);
                        regional.add(chance, rows, actual(regional_key(region, whole)));
                    }
                }
            }
            vec![bins]
        });
        let mut bins = parts.into_iter();
        let mut total = bins.next().unwrap_or_default();
        for part in bins {
            for (into, from) in total.iter_mut().zip(part) {
                for (into, from) in into.iter_mut().zip(from) {
                    into.absorb(from);
                }
            }
        }
        (0..schema.fields.len())
            .map(|field| match total.get(field) {
                Some([country, regional]) => [country.fit(), regional.fit()],
                None => [Calibration::NONE; 2],
            })
            .collect()
    }

    /// Both samples' counts added together.
    fn plus(mut self, other: &Frequencies) -> Frequencies {
        add_counts(&mut self.group_rows, &other.group_rows);
        add_counts(&mut self.region_rows, &other.region_rows);
        for (into, from) in [
            (&mut self.lengths, &other.lengths),
            (&mut self.words, &other.words),
            (&mut self.regional_lengths, &other.regional_lengths),
            (&mut self.regional_words, &other.regional_words),
        ] {
            for (into, from) in into.iter_mut().zip(from) {
                add_counts(into, from);
            }
        }
        self
    }

    /// Rows counted, one at least: shares divide by it.
    fn rows(&self) -> f64 {
        f64::from(self.group_rows.values().sum::<u32>().max(1))
    }

    /// The counts of `sample`; with `names`, each whole name counted there too, by sex, in
    /// the whole sample and within its region (keys: [`name_key`], and its
    /// [`regional_key`]).
    fn tally<'a>(
        schema: &Schema,
        sample: impl Iterator<Item = &'a Record>,
        mut names: Option<&mut PrehashedMap<u32>>,
    ) -> Frequencies {
        let fields = schema.fields.len();
        let mut group_rows: PrehashedMap<u32> = PrehashedMap::default();
        let mut lengths: Vec<PrehashedMap<u32>> = vec![PrehashedMap::default(); fields];
        let mut words: Vec<PrehashedMap<u32>> = vec![PrehashedMap::default(); fields];
        let mut region_rows: PrehashedMap<u32> = PrehashedMap::default();
        let mut regional_lengths: Vec<PrehashedMap<u32>> = vec![PrehashedMap::default(); fields];
        let mut regional_words: Vec<PrehashedMap<u32>> = vec![PrehashedMap::default(); fields];
        for record in sample {
            let region = region_of(schema, &record.values);
            let group = sex_of(schema, &record.values).unwrap_or(0);
            *group_rows.entry(group).or_insert(0) += 1;
            if let Some(region) = region {
                *region_rows.entry(regional_key(region, group)).or_insert(0) += 1;
            }
            for (field, value) in record.values.iter().enumerate() {
                let Value::Name(Some(name)) = value else {
                    continue;
                };
                if let Some(names) = names.as_deref_mut() {
                    let whole = name_key(group, field, &name.joined);
                    *names.entry(whole).or_insert(0) += 1;
                    if let Some(region) = region {
                        *names.entry(regional_key(region, whole)).or_insert(0) += 1;
                    }
                }
                let class = class_key(group, name.strong().count());
                *lengths[field].entry(class).or_insert(0) += 1;
                if let Some(region) = region {
                    *regional_lengths[field]
                        .entry(regional_key(region, class))
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
            group_rows,
            lengths,
            words,
            region_rows,
            regional_lengths,
            regional_words,
            calibration: vec![[Calibration::NONE; 2]; fields],
        }
    }

    /// The chance that a random record of sex `sex` carries this exact name: the words'
    /// [`product`], mended by the [`Calibration`] read from the sample, over the country or
    /// within `region`. Without a sex, the sexes' chances weighted by their rows.
    ///
    /// [`product`]: Frequencies::product
    pub(crate) fn of_name(
        &self,
        field: usize,
        value: &Value,
        region: Option<u64>,
        sex: Option<u64>,
    ) -> Option<f64> {
        let Value::Name(Some(name)) = value else {
            return None;
        };
        let all = self.rows();
        let product = match sex {
            Some(sex) => self.product(field, name, region, sex),
            None => self
                .group_rows
                .iter()
                .map(|(&group, &rows)| {
                    f64::from(rows) / all * self.product(field, name, region, group)
                })
                .sum(),
        };
        let calibration = self.calibration[field][usize::from(region.is_some())];
        Some(calibration.apply(product).clamp(1.0 / all, 1.0))
    }

    /// Among the records of sex `group`: the share of names with as many strong words times
    /// the product of its strong words' shares among those names, no rarer than one record.
    /// With `region`, the shares are the region's (drawn towards the whole sample's where the
    /// region has few rows): names follow regional traditions, so among people of one regency
    /// a Sundanese name is far commoner than in the country, and a pair that agrees on the
    /// regency must not count the name as rare as the country would.
    fn product(&self, field: usize, name: &NameKey, region: Option<u64>, group: u64) -> f64 {
        let class = class_key(group, name.strong().count());
        let group_rows = self.group_rows.get(&group).copied().unwrap_or(0);
        let class_rows = self.lengths[field].get(&class).copied().unwrap_or(0);
        // One pseudo-row each, so that a class or word the sample lacks is rare, not absent.
        let class_share = shrunk(class_rows, group_rows, 1.0, 1.0);
        let word_share = |word: u64| {
            let n = self.words[field].get(&word).copied().unwrap_or(0);
            shrunk(n, class_rows, 1.0, 1.0)
        };
        let words = name.strong().map(|i| word_key(class, &name.tokens[i]));
        let chance: f64 = match region {
            None => class_share * words.map(word_share).product::<f64>(),
            Some(region) => {
                let region_rows = self
                    .region_rows
                    .get(&regional_key(region, group))
                    .copied()
                    .unwrap_or(0);
                let class_here = self.regional_lengths[field]
                    .get(&regional_key(region, class))
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
        chance.max(1.0 / f64::from(group_rows.max(1)))
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
                let sex = sex_of(schema, &query.values);
                for (field, spec) in schema.fields.iter().enumerate() {
                    let share = |region: Option<u64>| match spec.comparator {
                        Comparator::Name => frequencies
                            .of_name(field, &query.values[field], region, sex)
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
    exact_value(values, schema.name_region?)
}

/// The sex a record's values give, when the schema counts name frequencies by sex.
fn sex_of(schema: &Schema, values: &[Value]) -> Option<u64> {
    exact_value(values, schema.name_sex?)
}

fn exact_value(values: &[Value], field: usize) -> Option<u64> {
    match values.get(field)? {
        Value::Exact(Some(value)) => Some(*value),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
