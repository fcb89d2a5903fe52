//! The linkage run: learn the model on a sample of the roster, then stream the whole roster
//! through the queries' blocking index on every core, keeping for each query only its two best
//! roster records.
//!
//! The sample is the roster's first rows (`training_rows`), kept in memory and then streamed
//! like the rest, so the roster is read once. From it come the term frequencies, `u` (random
//! pairs of sample record and query) and `m` with the prior (EM over the sample's blocked
//! pairs). A loaded model skips the estimation but still takes term frequencies from the data.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::LinkError;
use crate::blocking::{self, BlockingRule, Rarity, Side};
use crate::bound::{self, Ceiling, Quick};
use crate::compare::Comparator;
use crate::frequency::{Frequencies, QueryShares};
use crate::index::{BlockIndex, Found, prefetch};
use crate::model::{Model, Patterns, Thresholds, TrainingPair, bits, probability};
use crate::normalise::NameKeys;
use crate::parallel::map_parts;
use crate::record::{Band, Contribution, Proposal, Query, Record, Relation, Schema};

/// Called with the number of roster rows processed so far.
pub type Progress = Arc<dyn Fn(u64) + Send + Sync>;

#[derive(Clone)]
pub struct LinkOptions {
    /// Worker threads (the caller's thread reads the input besides).
    pub threads: usize,
    pub thresholds: Thresholds,
    /// A saved model to use instead of estimating one.
    pub model: Option<Model>,
    /// Seeds the choice of random pairs for `u`.
    pub seed: u64,
    pub progress: Option<Progress>,
    /// Roster rows learnt from (and kept in memory meanwhile).
    pub training_rows: usize,
    /// Random pairs counted for `u`.
    pub random_pairs: usize,
    pub em_iterations: u32,
    /// When the second-best roster record scores within this many bits of the best, the pair
    /// goes to review whatever its score: a person must choose between them.
    pub ambiguity_margin: f64,
    /// Pairs a person has rejected, as (query id, relation, record id): never proposed again,
    /// so the query's next-best record can be.
    pub rejected: Vec<(String, Relation, String)>,
}

impl Default for LinkOptions {
    fn default() -> Self {
        LinkOptions {
            threads: std::thread::available_parallelism().map_or(2, usize::from),
            thresholds: Thresholds::default(),
            model: None,
            seed: 1,
            progress: None,
            training_rows: 400_000,
            random_pairs: 1_000_000,
            em_iterations: 100,
            ambiguity_margin: 2.0,
            rejected: Vec::new(),
        }
    }
}

impl std::fmt::Debug for LinkOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinkOptions")
            .field("threads", &self.threads)
            .field("thresholds", &self.thresholds)
            .field("model", &self.model.is_some())
            .field("training_rows", &self.training_rows)
            .finish()
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct LinkStats {
    pub roster_rows: u64,
    /// Roster rows that could not be read, with the first few reasons.
    pub rejected_rows: u64,
    pub rejected_examples: Vec<String>,
    pub queries: u64,
    pub training_rows: u64,
    pub training_pairs: u64,
    pub random_pairs: u64,
    pub pairs_compared: u64,
    /// Each blocking rule's name and the pairs it proposed, before pairs found by several
    /// rules were counted once (Splink's "comparisons by blocking rule"): where to tune.
    pub pairs_by_rule: Vec<(String, u64)>,
    pub matches: u64,
    pub reviews: u64,
    /// Pairs sent to review because a second roster record scored nearly as well.
    pub ambiguous: u64,
}

#[derive(Debug)]
pub struct LinkOutcome {
    pub proposals: Vec<Proposal>,
    pub model: Model,
    pub stats: LinkStats,
}

/// The queries with their blocking index, ready to take a roster.
pub struct Linker {
    schema: Schema,
    queries: Vec<Query>,
    index: BlockIndex,
    /// Each query's values for the score's upper bound, query after query (see [`crate::bound`]).
    quick: Vec<Quick>,
    /// Each query's rejected record ids (`LinkOptions::rejected`), mostly none.
    rejected: Vec<Vec<String>>,
    options: LinkOptions,
}

/// A roster record as far as a proposal needs it.
#[derive(Debug, Clone)]
struct Hit {
    score: f64,
    tf_bits: f64,
    levels: Vec<u8>,
    id: Arc<str>,
    display: Arc<str>,
}

impl Hit {
    /// Whether a record scoring `score` ranks above this hit: a higher score, or the same
    /// score and a smaller id, so that ties keep the same records whatever order the roster's
    /// batches reached the workers in.
    fn beaten_by(&self, score: f64, id: &str) -> bool {
        score > self.score || (score == self.score && id < &*self.id)
    }
}

/// Each query's two best hits.
type Best = Vec<[Option<Hit>; 2]>;

/// The model with everything a comparison needs precomputed.
struct Scorer<'a> {
    schema: &'a Schema,
    weights: Vec<Vec<f64>>,
    /// Each query's term-frequency adjustment of an exact agreement, field by field (0 for
    /// fields that are not names): `log2(u_exact / tf(name))`, with the whole sample's
    /// frequencies and then with those of the query's region, both among the records of the
    /// query's sex (see [`crate::frequency`]).
    exact_tf: Vec<[f64; 2]>,
    /// Each field's highest weight below its exact level ("missing", 0, included).
    best_below_exact: Vec<f64>,
    /// The same below the level under exact (a name's phonetic level), for the bound.
    best_below_phonetic: Vec<f64>,
    prior: f64,
    review_bits: f64,
}

impl<'a> Scorer<'a> {
    fn new(
        schema: &'a Schema,
        model: &Model,
        shares: &QueryShares,
        thresholds: Thresholds,
    ) -> Self {
        let weights: Vec<Vec<f64>> = model
            .fields
            .iter()
            .map(|f| (0..f.m.len() as u8).map(|l| f.weight(l)).collect())
            .collect();
        let u_exact: Vec<f64> = schema
            .fields
            .iter()
            .zip(&model.fields)
            .map(|(spec, f)| f.u[usize::from(spec.comparator.exact_level())].log2())
            .collect();
        let fields = schema.fields.len();
        let exact_tf = shares
            .0
            .iter()
            .enumerate()
            .map(|(i, pair)| pair.map(|share| share.map_or(0.0, |s| u_exact[i % fields] - s)))
            .collect();
        let best_below = |top: usize| -> Vec<f64> {
            weights
                .iter()
                .map(|levels| {
                    levels[..levels.len().saturating_sub(top).max(1)]
                        .iter()
                        .fold(f64::NEG_INFINITY, |a, &b| a.max(b))
                })
                .collect()
        };
        let best_below_exact = best_below(1);
        let best_below_phonetic = best_below(2);
        Scorer {
            schema,
            weights,
            exact_tf,
            best_below_exact,
            best_below_phonetic,
            prior: model.prior_weight(),
            review_bits: bits(thresholds.review_probability),
        }
    }

    /// Whether the pair agrees on the region that name frequencies are counted in.
    fn regional(&self, levels: &[u8]) -> bool {
        self.schema
            .name_region
            .is_some_and(|r| levels[r] == self.schema.fields[r].comparator.exact_level())
    }

    /// A field's weight at a level for query `q`, its term-frequency adjustment included
    /// (the region's when `regional`).
    fn weight(&self, q: usize, field: usize, level: u8, regional: bool) -> f64 {
        let exact = self.schema.fields[field].comparator.exact_level();
        let tf = if level == exact && level > 0 {
            self.exact_tf[q * self.schema.fields.len() + field][usize::from(regional)]
        } else {
            0.0
        };
        self.weights[field][usize::from(level)] + tf
    }

    /// The term-frequency adjustment the levels earn (exact name agreements only).
    fn tf_bits(&self, levels: &[u8], q: usize) -> f64 {
        let regional = self.regional(levels);
        levels
            .iter()
            .enumerate()
            .map(|(field, &level)| {
                self.weight(q, field, level, regional) - self.weights[field][usize::from(level)]
            })
            .sum()
    }

    fn score(&self, levels: &[u8], q: usize) -> (f64, f64) {
        let base: f64 = self.prior
            + levels
                .iter()
                .zip(&self.weights)
                .map(|(&l, w)| w[usize::from(l)])
                .sum::<f64>();
        let tf = self.tf_bits(levels, q);
        (base + tf, tf)
    }

    /// Compares a pair into `levels` unless it certainly scores below `floor`: the cheap fields
    /// first, then the names, each asked only for the levels that could still reach the floor
    /// (so Jaro–Winkler runs only where it can matter). False: skip the pair.
    fn compare_above(
        &self,
        q: usize,
        query: &Query,
        record: &Record,
        floor: f64,
        levels: &mut Vec<u8>,
    ) -> bool {
        levels.clear();
        let mut known = self.prior;
        for (field, spec) in self.schema.fields.iter().enumerate() {
            if spec.comparator == Comparator::Name {
                levels.push(0);
            } else {
                let level = spec
                    .comparator
                    .compare(&query.values[field], &record.values[field]);
                levels.push(level);
                known += self.weights[field][usize::from(level)];
            }
        }
        let regional = self.regional(levels);
        let names = || {
            (0..self.schema.fields.len())
                .filter(|&f| self.schema.fields[f].comparator == Comparator::Name)
        };
        let mut open: f64 = names().map(|f| self.best_weight(q, f, regional)).sum();
        // A hair below the floor: the sums here run in another order than the score's.
        let floor = floor - 1e-9;
        if known + open < floor {
            return false;
        }
        for field in names() {
            let comparator = self.schema.fields[field].comparator;
            open -= self.best_weight(q, field, regional);
            let needed = floor - known - open;
            // On the stack: this runs for most pairs.
            let mut useful = [false; 8];
            let levels_here = comparator.levels().len();
            for (level, slot) in useful[..levels_here].iter_mut().enumerate() {
                *slot = self.weight(q, field, level as u8, regional) >= needed;
            }
            let Some(level) = comparator.compare_useful(
                &query.values[field],
                &record.values[field],
                &useful[..levels_here],
            ) else {
                return false;
            };
            levels[field] = level;
            known += self.weight(q, field, level, regional);
        }
        true
    }

    /// At least the score of query `q` against a record, from the quick values alone: a pair
    /// below the review band by this bound needs no comparison.
    fn upper_bound(&self, q: usize, query: &[Quick], record: &[Quick]) -> f64 {
        let regional = self.schema.name_region.is_some_and(|r| {
            matches!(bound::ceiling(query[r], record[r]),
                Ceiling::Level(l) if l == self.schema.fields[r].comparator.exact_level())
        });
        let mut total = self.prior;
        for (field, (&a, &b)) in query.iter().zip(record).enumerate() {
            total += match bound::ceiling(a, b) {
                Ceiling::Level(level) => self.weight(q, field, level, regional),
                Ceiling::EqualOrBelow => self.best_weight(q, field, regional),
                Ceiling::BelowExact => self.best_below_exact[field],
                Ceiling::BelowPhonetic => self.best_below_phonetic[field],
            };
        }
        total
    }

    /// The most a field could add for query `q`, whatever the record: the best level below
    /// exact, or exact with the query's term-frequency adjustment.
    fn best_weight(&self, q: usize, field: usize, regional: bool) -> f64 {
        let exact = self.schema.fields[field].comparator.exact_level();
        self.best_below_exact[field].max(self.weight(q, field, exact, regional))
    }
}

fn compare_into(schema: &Schema, query: &Query, record: &Record, levels: &mut Vec<u8>) {
    levels.clear();
    levels.extend(
        schema
            .fields
            .iter()
            .zip(query.values.iter().zip(&record.values))
            .map(|(spec, (q, r))| spec.comparator.compare(q, r)),
    );
}

/// A record's blocking: its keys, then the queries it shares one with, in buffers reused from
/// record to record.
#[derive(Default)]
struct Blocked {
    keys: Vec<u64>,
    /// Each key's rule and, once looked up, its queries.
    found: Vec<(usize, Option<Found>)>,
    /// The queries the record shares a key with, each once.
    queries: Vec<u32>,
}

impl Blocked {
    /// Finds the queries `record` shares a key with; `by_rule` counts the pairs each rule
    /// proposed before the union. Each step is taken for every key before the next (start
    /// loading the slots, read them and start loading their queries, copy the queries), so
    /// the keys' waits for memory overlap (see [`crate::index`]).
    fn find(
        &mut self,
        index: &BlockIndex,
        rules: &[BlockingRule],
        record: &Record,
        by_rule: &mut [u64],
    ) {
        self.keys.clear();
        self.found.clear();
        for (r, rule) in rules.iter().enumerate() {
            blocking::rule_keys(r, rule, &record.values, Side::Roster, &mut self.keys);
            self.found.resize(self.keys.len(), (r, None));
        }
        for &key in &self.keys {
            index.prefetch(key);
        }
        for (&key, (_, queries)) in self.keys.iter().zip(&mut self.found) {
            *queries = index.lookup(key);
        }
        self.queries.clear();
        for &(r, queries) in &self.found {
            if let Some(queries) = queries {
                let queries = index.queries(queries);
                self.queries.extend_from_slice(queries);
                by_rule[r] += queries.len() as u64;
            }
        }
        self.queries.sort_unstable();
        self.queries.dedup();
    }
}

/// The blocking index of `queries` under `rules` (their rare words told by `rarity`), and how
/// many queries have at least one key.
fn index_queries(
    queries: &[Query],
    rules: &[BlockingRule],
    rarity: &Rarity,
) -> (BlockIndex, usize) {
    let mut entries = Vec::new();
    let mut keys = Vec::new();
    let mut keyed = 0;
    for (i, query) in queries.iter().enumerate() {
        keys.clear();
        blocking::keys(rules, &query.values, Side::Query(rarity), &mut keys);
        keyed += usize::from(!keys.is_empty());
        entries.extend(keys.iter().map(|&key| (key, i as u32)));
    }
    (BlockIndex::new(entries), keyed)
}

/// splitmix64: a small seeded generator for choosing random pairs reproducibly.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

impl Linker {
    pub fn new(schema: Schema, queries: Vec<Query>, options: LinkOptions) -> Linker {
        let mut rarity = Rarity::default();
        for query in &queries {
            rarity.count(&query.values);
        }
        let (index, _) = index_queries(&queries, &schema.blocking, &rarity);
        let quick = queries
            .iter()
            .flat_map(|q| q.values.iter().map(Quick::of))
            .collect();
        let mut rejected = vec![Vec::new(); queries.len()];
        if !options.rejected.is_empty() {
            let position: HashMap<(&str, Relation), usize> = queries
                .iter()
                .enumerate()
                .map(|(i, q)| ((q.id.as_str(), q.relation), i))
                .collect();
            for (query, relation, record) in &options.rejected {
                if let Some(&i) = position.get(&(query.as_str(), *relation)) {
                    rejected[i].push(record.clone());
                }
            }
        }
        Linker {
            schema,
            queries,
            index,
            quick,
            rejected,
            options,
        }
    }

    /// Links a roster given in batches of raw rows, each turned into a [`Record`] by
    /// `convert` on the worker threads (so parsing is parallel too), with the worker's cache of
    /// name keys. A row `convert` rejects is counted and skipped.
    pub fn run<R, I, C>(&self, mut roster: I, convert: C) -> Result<LinkOutcome, LinkError>
    where
        R: Send + Sync,
        I: Iterator<Item = Vec<R>>,
        C: Fn(&R, &mut NameKeys) -> Result<Record, String> + Sync,
    {
        let mut stats = LinkStats {
            queries: self.queries.len() as u64,
            ..LinkStats::default()
        };
        // The training sample: the first rows, converted in parallel as they are read, and kept.
        let converted = self.convert_sample(&mut roster, &convert);
        let mut sample = Vec::with_capacity(self.options.training_rows);
        for result in converted.into_iter().flatten() {
            match result {
                Ok(record) => sample.push(record),
                Err(message) => {
                    stats.rejected_rows += 1;
                    if stats.rejected_examples.len() < 10 {
                        stats.rejected_examples.push(message);
                    }
                }
            }
        }
        stats.training_rows = sample.len() as u64;
        let frequencies = Frequencies::count(&self.schema, &sample);
        let shares = QueryShares::new(
            &self.schema,
            &frequencies,
            &self.queries,
            self.options.threads,
        );
        let model = match &self.options.model {
            Some(model) => {
                model
                    .fits(&self.schema)
                    .map_err(|message| LinkError::Model {
                        file: "model".into(),
                        message,
                    })?;
                model.clone()
            }
            None => self.estimate(&sample, &shares, &mut stats),
        };
        let scorer = Scorer::new(&self.schema, &model, &shares, self.options.thresholds);
        let processed = AtomicU64::new(0);
        let compared = AtomicU64::new(0);
        let rejected = Mutex::new((0u64, Vec::<String>::new()));
        let threads = self.options.threads.max(1);
        let (sender, receiver) = sync_channel::<Work<R>>(threads * 2);
        let receiver = Mutex::new(receiver);
        let results: Vec<(Best, Vec<u64>)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut best: Best = vec![[None, None]; self.queries.len()];
                        let mut state = WorkerState::default();
                        loop {
                            let work = receiver.lock().expect("no worker panics").recv();
                            let Ok(work) = work else { break };
                            let count = match work {
                                Work::Records(records) => {
                                    for record in &records {
                                        self.score_record(&scorer, record, &mut best, &mut state);
                                    }
                                    records.len()
                                }
                                Work::Raw(rows) => {
                                    for row in &rows {
                                        match convert(row, &mut state.names) {
                                            Ok(record) => self.score_record(
                                                &scorer, &record, &mut best, &mut state,
                                            ),
                                            Err(message) => {
                                                let mut r =
                                                    rejected.lock().expect("no worker panics");
                                                r.0 += 1;
                                                if r.1.len() < 10 {
                                                    r.1.push(message);
                                                }
                                            }
                                        }
                                    }
                                    rows.len()
                                }
                            };
                            compared
                                .fetch_add(std::mem::take(&mut state.compared), Ordering::Relaxed);
                            let done =
                                processed.fetch_add(count as u64, Ordering::Relaxed) + count as u64;
                            if let Some(progress) = &self.options.progress {
                                progress(done);
                            }
                        }
                        (best, state.by_rule)
                    })
                })
                .collect();
            let mut sample = sample.into_iter();
            loop {
                let chunk: Vec<Record> = sample.by_ref().take(8192).collect();
                if chunk.is_empty() || sender.send(Work::Records(chunk)).is_err() {
                    break;
                }
            }
            for batch in roster {
                if sender.send(Work::Raw(batch)).is_err() {
                    break;
                }
            }
            drop(sender);
            workers
                .into_iter()
                .map(|w| w.join().expect("no worker panics"))
                .collect()
        });
        let (rejected_rows, examples) = rejected.into_inner().expect("no worker panics");
        stats.rejected_rows += rejected_rows;
        for example in examples {
            if stats.rejected_examples.len() < 10 {
                stats.rejected_examples.push(example);
            }
        }
        stats.roster_rows = processed.into_inner() + stats.rejected_rows;
        stats.pairs_compared = compared.into_inner();
        stats.pairs_by_rule = self
            .schema
            .blocking
            .iter()
            .map(|rule| (rule.name.clone(), 0))
            .collect();
        let mut bests = Vec::with_capacity(results.len());
        for (best, by_rule) in results {
            for ((_, total), count) in stats.pairs_by_rule.iter_mut().zip(by_rule) {
                *total += count;
            }
            bests.push(best);
        }
        let proposals = self.propose(&scorer, bests, &mut stats);
        Ok(LinkOutcome {
            proposals,
            model,
            stats,
        })
    }

    /// Reads the roster's first `training_rows` rows (whole batches) and converts them on the
    /// worker threads while the next batches are read; the batches come back in their order.
    fn convert_sample<R, I, C>(
        &self,
        roster: &mut I,
        convert: &C,
    ) -> Vec<Vec<Result<Record, String>>>
    where
        R: Send,
        I: Iterator<Item = Vec<R>>,
        C: Fn(&R, &mut NameKeys) -> Result<Record, String> + Sync,
    {
        let threads = self.options.threads.max(1);
        let (sender, receiver) = sync_channel::<(usize, Vec<R>)>(threads * 2);
        let receiver = Mutex::new(receiver);
        let mut out: Vec<(usize, Vec<Result<Record, String>>)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        let mut names = NameKeys::default();
                        loop {
                            let work = receiver.lock().expect("no worker panics").recv();
                            let Ok((i, batch)) = work else { break done };
                            done.push((i, batch.iter().map(|r| convert(r, &mut names)).collect()));
                        }
                    })
                })
                .collect();
            let mut rows = 0usize;
            let mut batches = 0usize;
            while rows < self.options.training_rows.max(1) {
                let Some(batch) = roster.next() else { break };
                rows += batch.len();
                if sender.send((batches, batch)).is_err() {
                    break;
                }
                batches += 1;
            }
            drop(sender);
            workers
                .into_iter()
                .flat_map(|w| w.join().expect("no worker panics"))
                .collect()
        });
        out.sort_by_key(|(i, _)| *i);
        out.into_iter().map(|(_, b)| b).collect()
    }

    /// `u` from random pairs of sample record and query, then EM over the sample's blocked pairs.
    fn estimate(&self, sample: &[Record], shares: &QueryShares, stats: &mut LinkStats) -> Model {
        let patterns = Patterns::new(&self.schema);
        let mut random: Vec<Vec<u64>> = self
            .schema
            .fields
            .iter()
            .map(|f| vec![0; f.comparator.levels().len()])
            .collect();
        if !sample.is_empty() && !self.queries.is_empty() {
            let wanted = self
                .options
                .random_pairs
                .min(sample.len().saturating_mul(self.queries.len()));
            // In a fixed number of parts, each with its own seed, shared out among the
            // threads: the counts do not depend on how many threads there are.
            const PARTS: usize = 16;
            let next = AtomicU64::new(0);
            let counted: Vec<Vec<Vec<u64>>> = std::thread::scope(|scope| {
                let workers: Vec<_> = (0..self.options.threads.max(1))
                    .map(|_| {
                        scope.spawn(|| {
                            let mut counts = random.clone();
                            let mut levels = Vec::with_capacity(self.schema.fields.len());
                            loop {
                                let part = next.fetch_add(1, Ordering::Relaxed) as usize;
                                if part >= PARTS {
                                    break counts;
                                }
                                let mut rng = SplitMix(self.options.seed.wrapping_add(part as u64));
                                let pairs = wanted / PARTS + usize::from(part < wanted % PARTS);
                                // Every pair of a few random records and a few random queries
                                // (Splink's way: a cross join of samples), so that the
                                // queries compared stay in the cache.
                                let side =
                                    pairs.isqrt() + usize::from(pairs.isqrt().pow(2) < pairs);
                                let queries: Vec<&Query> = (0..side)
                                    .map(|_| &self.queries[rng.below(self.queries.len())])
                                    .collect();
                                let mut left = pairs;
                                while left > 0 {
                                    let record = &sample[rng.below(sample.len())];
                                    for query in queries.iter().take(left) {
                                        compare_into(&self.schema, query, record, &mut levels);
                                        for (field, &l) in counts.iter_mut().zip(&levels) {
                                            field[usize::from(l)] += 1;
                                        }
                                    }
                                    left = left.saturating_sub(side);
                                }
                            }
                        })
                    })
                    .collect();
                workers
                    .into_iter()
                    .map(|w| w.join().expect("no worker panics"))
                    .collect()
            });
            for counts in counted {
                for (total, field) in random.iter_mut().zip(counts) {
                    for (t, c) in total.iter_mut().zip(field) {
                        *t += c;
                    }
                }
            }
            stats.random_pairs = wanted as u64;
        }
        let mut model = Model::from_random_pairs(&self.schema, &random);
        // Sessions in order, each starting from the model so far: the first (large blocks)
        // estimates its share of true pairs and from it the prior; later ones score with it.
        let fields = self.schema.fields.len();
        let mut prior: Option<f64> = None;
        for rule in &self.schema.training {
            let scorer = Scorer::new(&self.schema, &model, shares, self.options.thresholds);
            let (pairs, queries_keyed) = self.training_pairs(sample, rule, &patterns, &scorer);
            stats.training_pairs += pairs.len() as u64;
            let fixed: Vec<bool> = (0..fields).map(|f| rule.uses(f)).collect();
            let share =
                model.estimate_m(&patterns, &pairs, &fixed, prior, self.options.em_iterations);
            if prior.is_none() && queries_keyed > 0 && !sample.is_empty() {
                // True pairs among the session's pairs, scaled to every query (a query the
                // rule cannot key has true pairs at the same rate), over all pairs.
                let found = share * pairs.len() as f64;
                let all_queries = self.queries.len() as f64;
                let matches = found * all_queries / queries_keyed as f64;
                let estimate = (matches / (sample.len() as f64 * all_queries)).clamp(1e-15, 0.5);
                model.prior = estimate;
                prior = Some(estimate);
            }
        }
        model
    }

    /// The sample's pairs that share a key of `rule`, and how many queries the rule gives a key.
    fn training_pairs(
        &self,
        sample: &[Record],
        rule: &BlockingRule,
        patterns: &Patterns,
        scorer: &Scorer<'_>,
    ) -> (Vec<TrainingPair>, usize) {
        let rules = std::slice::from_ref(rule);
        let (index, keyed) = index_queries(&self.queries, rules, &Rarity::default());
        let pairs = map_parts(sample, self.options.threads, |part| {
            let mut pairs = Vec::new();
            let (mut blocked, mut levels) = (Blocked::default(), Vec::new());
            let mut by_rule = [0];
            for record in part {
                blocked.find(&index, rules, record, &mut by_rule);
                for &q in &blocked.queries {
                    let query = &self.queries[q as usize];
                    compare_into(&self.schema, query, record, &mut levels);
                    pairs.push(TrainingPair {
                        query: q,
                        pattern: patterns.encode(&levels),
                        tf_bits: scorer.tf_bits(&levels, q as usize),
                    });
                }
            }
            pairs
        });
        (pairs, keyed)
    }

    /// Scores a record against the queries it shares a blocking key with.
    fn score_record(
        &self,
        scorer: &Scorer<'_>,
        record: &Record,
        best: &mut Best,
        state: &mut WorkerState,
    ) {
        let rules = &self.schema.blocking;
        if state.by_rule.len() != rules.len() {
            state.by_rule = vec![0; rules.len()];
        }
        let blocked = &mut state.blocked;
        blocked.find(&self.index, rules, record, &mut state.by_rule);
        // Each query's values are a wait for memory: started together, the waits overlap.
        let fields = self.schema.fields.len();
        for &q in &blocked.queries {
            let q = q as usize;
            prefetch(&self.quick[q * fields]);
            prefetch(&scorer.exact_tf[q * fields]);
        }
        state.record_quick.clear();
        state
            .record_quick
            .extend(record.values.iter().map(Quick::of));
        let mut shared: Option<(Arc<str>, Arc<str>)> = None;
        for &q in &state.blocked.queries {
            let q = q as usize;
            state.compared += 1;
            let quick = &self.quick[q * fields..(q + 1) * fields];
            // The slack covers the sums' rounding: the bound only skips pairs well below.
            if scorer.upper_bound(q, quick, &state.record_quick) < scorer.review_bits - 1e-6 {
                continue;
            }
            let query = &self.queries[q];
            let slots = &mut best[q];
            // A pair matters only if it reaches review and beats the query's second best.
            let floor = slots[1]
                .as_ref()
                .map_or(scorer.review_bits, |h| h.score.max(scorer.review_bits));
            if self.rejected[q].contains(&record.id)
                || !scorer.compare_above(q, query, record, floor, &mut state.levels)
            {
                continue;
            }
            let (score, tf_bits) = scorer.score(&state.levels, q);
            if score < scorer.review_bits
                || slots[1]
                    .as_ref()
                    .is_some_and(|h| !h.beaten_by(score, &record.id))
            {
                continue;
            }
            let (id, display) = shared
                .get_or_insert_with(|| {
                    (
                        Arc::from(record.id.as_str()),
                        Arc::from(record.display.as_str()),
                    )
                })
                .clone();
            let hit = Hit {
                score,
                tf_bits,
                levels: state.levels.clone(),
                id,
                display,
            };
            if slots[0]
                .as_ref()
                .is_none_or(|h| h.beaten_by(score, &record.id))
            {
                slots[1] = slots[0].take();
                slots[0] = Some(hit);
            } else {
                slots[1] = Some(hit);
            }
        }
    }

    fn propose(
        &self,
        scorer: &Scorer<'_>,
        bests: Vec<Best>,
        stats: &mut LinkStats,
    ) -> Vec<Proposal> {
        let match_bits = bits(self.options.thresholds.match_probability);
        let mut proposals = Vec::new();
        for (q, query) in self.queries.iter().enumerate() {
            let mut hits: Vec<&Hit> = bests.iter().flat_map(|b| b[q].iter().flatten()).collect();
            hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
            // The same roster record may sit in two workers' lists only if it was streamed
            // twice; keep the first of each.
            hits.dedup_by(|a, b| a.id == b.id);
            let Some(top) = hits.first() else { continue };
            let ambiguous = hits
                .get(1)
                .is_some_and(|second| top.score - second.score < self.options.ambiguity_margin);
            let band = if top.score >= match_bits && !ambiguous {
                stats.matches += 1;
                Band::Match
            } else {
                if top.score >= match_bits {
                    stats.ambiguous += 1;
                }
                stats.reviews += 1;
                Band::Review
            };
            proposals.push(Proposal {
                query_id: query.id.clone(),
                relation: query.relation,
                query_name: query.display.clone(),
                record_id: top.id.to_string(),
                record_name: top.display.to_string(),
                score: top.score,
                probability: probability(top.score),
                band,
                contributions: self.explain(scorer, top),
            });
        }
        proposals
    }

    fn explain(&self, scorer: &Scorer<'_>, hit: &Hit) -> Vec<Contribution> {
        let mut lines = vec![Contribution {
            field: "prior".into(),
            level: String::new(),
            weight: scorer.prior,
        }];
        for ((spec, &level), weights) in self
            .schema
            .fields
            .iter()
            .zip(&hit.levels)
            .zip(&scorer.weights)
        {
            lines.push(Contribution {
                field: spec.name.clone(),
                level: spec.comparator.levels()[usize::from(level)].into(),
                weight: weights[usize::from(level)],
            });
        }
        if hit.tf_bits != 0.0 {
            lines.push(Contribution {
                field: "name_frequency".into(),
                level: if hit.tf_bits < 0.0 { "common" } else { "rare" }.into(),
                weight: hit.tf_bits,
            });
        }
        lines
    }
}

enum Work<R> {
    Records(Vec<Record>),
    Raw(Vec<R>),
}

#[derive(Default)]
struct WorkerState {
    blocked: Blocked,
    levels: Vec<u8>,
    record_quick: Vec<Quick>,
    compared: u64,
    by_rule: Vec<u64>,
    names: NameKeys,
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::kpu;
    use crate::normalise::degrees;
    use crate::record::Value;

    fn values(name: &str, birth: Option<(i32, u32, u32)>, sex: u64, region: u64) -> Vec<Value> {
        vec![
            Value::name(name),
            Value::Date(birth.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))),
            Value::Exact(Some(sex)),
            Value::Exact(Some(region)),
            Value::Words(degrees(name.split(',').skip(1))),
        ]
    }

    #[test]
    fn pruned_comparisons_skip_only_pairs_below_the_floor() {
        let schema = kpu::schema();
        let people = [
            ("Siti Aminah, S.Pd.", Some((1980, 3, 4)), 2, 1),
            ("Hj. Siti Aminah, S.Pd., M.Pd.", Some((1980, 4, 3)), 2, 1),
            ("Siti Aminah", None, 2, 2),
            ("Sitti Aminah Putri", Some((1981, 3, 4)), 2, 1),
            ("Djoko Santoso", Some((1975, 1, 1)), 1, 1),
            ("Joko Santosa", Some((1975, 1, 1)), 1, 3),
            ("Budi", None, 1, 1),
            ("Budiman", Some((1990, 6, 6)), 1, 1),
            ("I Wayan Sudarsana", Some((1970, 7, 7)), 1, 4),
            ("I Wayan Artawan", Some((1970, 7, 7)), 1, 4),
        ];
        let records: Vec<Record> = people
            .iter()
            .map(|&(name, birth, sex, region)| Record {
                id: name.to_owned(),
                display: name.to_owned(),
                values: values(name, birth, sex, region),
            })
            .collect();
        let queries: Vec<Query> = records
            .iter()
            .map(|r| Query {
                id: r.id.clone(),
                relation: Relation::Own,
                display: r.display.clone(),
                values: r.values.clone(),
            })
            .collect();
        // Random pairs rarely agree; true pairs are left as `from_random_pairs` guesses them.
        let random = vec![
            vec![0, 9_000, 900, 90, 9, 1],
            vec![0, 9_500, 400, 80, 20],
            vec![0, 5_000, 5_000],
            vec![0, 9_900, 100],
            vec![0, 800, 150, 50],
        ];
        let mut model = Model::from_random_pairs(&schema, &random);
        model.prior = 1e-6;
        let frequencies = Frequencies::count(&schema, &records);
        let shares = QueryShares::new(&schema, &frequencies, &queries, 2);
        let scorer = Scorer::new(&schema, &model, &shares, Thresholds::default());
        let (mut full, mut pruned) = (Vec::new(), Vec::new());
        let mut skipped = 0;
        for (q, query) in queries.iter().enumerate() {
            for record in &records {
                compare_into(&schema, query, record, &mut full);
                let (score, _) = scorer.score(&full, q);
                for floor in [-30.0, -10.0, -2.0, 0.0, 5.0, 10.0, score, score + 0.5] {
                    if scorer.compare_above(q, query, record, floor, &mut pruned) {
                        assert_eq!(pruned, full, "{} / {}", query.id, record.id);
                    } else {
                        skipped += 1;
                        assert!(
                            score < floor,
                            "{} / {} skipped at {floor} with score {score}",
                            query.id,
                            record.id
                        );
                    }
                }
            }
        }
        assert!(skipped > 0, "some pairs fall below some floor");
        let mut bounded_out = 0;
        for (q, query) in queries.iter().enumerate() {
            let query_quick: Vec<Quick> = query.values.iter().map(Quick::of).collect();
            for record in &records {
                compare_into(&schema, query, record, &mut full);
                let (score, _) = scorer.score(&full, q);
                let record_quick: Vec<Quick> = record.values.iter().map(Quick::of).collect();
                let bound = scorer.upper_bound(q, &query_quick, &record_quick);
                assert!(
                    bound >= score - 1e-9,
                    "{} / {}: bound {bound} below score {score}",
                    query.id,
                    record.id
                );
                bounded_out += usize::from(bound < scorer.review_bits);
            }
        }
        assert!(bounded_out > 0, "the bound alone rules some pairs out");
    }
}
