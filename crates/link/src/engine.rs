//! The linkage run: learn the model on a sample of the roster, then stream the whole roster
//! through the queries' blocking index on every core, keeping for each query only its two best
//! roster records.
//!
//! The sample is the roster's first rows (`training_rows`), kept in memory and then streamed
//! like the rest, so the roster is read once. From it come the term frequencies, `u` (random
//! pairs of sample record and query) and `m` with the prior (EM over the sample's blocked
//! pairs). A loaded model skips the estimation but still takes term frequencies from the data.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::LinkError;
use crate::blocking::{self, BlockingRule, PrehashedMap, Rarity, Side};
use crate::compare::Comparator;
use crate::model::{Model, Patterns, Thresholds, TrainingPair, bits, probability};
use crate::normalise::hash_str;
use crate::record::{Band, Contribution, Proposal, Query, Record, Schema, Value};

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
    index: PrehashedMap<Vec<u32>>,
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

/// Each query's two best hits.
type Best = Vec<[Option<Hit>; 2]>;

/// Term frequencies of each name field's words in the training sample.
struct Frequencies {
    rows: f64,
    words: Vec<PrehashedMap<u32>>,
}

impl Frequencies {
    fn count(schema: &Schema, sample: &[Record]) -> Frequencies {
        let mut words: Vec<PrehashedMap<u32>> = vec![PrehashedMap::default(); schema.fields.len()];
        for record in sample {
            for (table, value) in words.iter_mut().zip(&record.values) {
                if let Value::Name(Some(name)) = value {
                    for i in name.strong() {
                        *table.entry(hash_str(&name.tokens[i])).or_insert(0) += 1;
                    }
                }
            }
        }
        Frequencies {
            rows: sample.len().max(1) as f64,
            words,
        }
    }

    /// The chance that a random record carries this exact name: the product of its strong
    /// words' shares, no rarer than one record in the sample.
    fn of_name(&self, field: usize, value: &Value) -> Option<f64> {
        let Value::Name(Some(name)) = value else {
            return None;
        };
        let table = &self.words[field];
        let product: f64 = name
            .strong()
            .map(|i| {
                let n = table.get(&hash_str(&name.tokens[i])).copied().unwrap_or(0);
                (f64::from(n) + 1.0) / (self.rows + 1.0)
            })
            .product();
        Some(product.max(1.0 / self.rows))
    }
}

/// The model with everything a comparison needs precomputed.
struct Scorer<'a> {
    schema: &'a Schema,
    model: &'a Model,
    frequencies: &'a Frequencies,
    weights: Vec<Vec<f64>>,
    prior: f64,
    review_bits: f64,
}

impl<'a> Scorer<'a> {
    fn new(
        schema: &'a Schema,
        model: &'a Model,
        frequencies: &'a Frequencies,
        thresholds: Thresholds,
    ) -> Self {
        let weights = model
            .fields
            .iter()
            .map(|f| (0..f.m.len() as u8).map(|l| f.weight(l)).collect())
            .collect();
        Scorer {
            schema,
            model,
            frequencies,
            weights,
            prior: model.prior_weight(),
            review_bits: bits(thresholds.review_probability),
        }
    }

    /// The term-frequency adjustment of exact name agreements: `log2(u_exact / tf(name))`.
    fn tf_bits(&self, levels: &[u8], query: &Query) -> f64 {
        let mut total = 0.0;
        for (field, spec) in self.schema.fields.iter().enumerate() {
            if spec.comparator == Comparator::Name
                && levels[field] == spec.comparator.exact_level()
                && let Some(tf) = self.frequencies.of_name(field, &query.values[field])
            {
                let u_exact = self.model.fields[field].u[usize::from(levels[field])];
                total += (u_exact / tf).log2();
            }
        }
        total
    }

    fn score(&self, levels: &[u8], query: &Query) -> (f64, f64) {
        let base: f64 = self.prior
            + levels
                .iter()
                .zip(&self.weights)
                .map(|(&l, w)| w[usize::from(l)])
                .sum::<f64>();
        let tf = self.tf_bits(levels, query);
        (base + tf, tf)
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

/// The queries a record shares a blocking key with, each once.
fn blocked(
    index: &PrehashedMap<Vec<u32>>,
    rules: &[BlockingRule],
    record: &Record,
    keys: &mut Vec<u64>,
    out: &mut Vec<u32>,
) {
    keys.clear();
    out.clear();
    blocking::keys(rules, &record.values, Side::Roster, keys);
    for key in keys.iter() {
        if let Some(queries) = index.get(key) {
            out.extend_from_slice(queries);
        }
    }
    out.sort_unstable();
    out.dedup();
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
        let mut index: PrehashedMap<Vec<u32>> = PrehashedMap::default();
        let mut keys = Vec::new();
        for (i, query) in queries.iter().enumerate() {
            keys.clear();
            blocking::keys(
                &schema.blocking,
                &query.values,
                Side::Query(&rarity),
                &mut keys,
            );
            keys.sort_unstable();
            keys.dedup();
            for &key in &keys {
                index.entry(key).or_default().push(i as u32);
            }
        }
        Linker {
            schema,
            queries,
            index,
            options,
        }
    }

    /// Links a roster given in batches of raw rows, each turned into a [`Record`] by
    /// `convert` on the worker threads (so parsing is parallel too). A row `convert` rejects is
    /// counted and skipped.
    pub fn run<R, I, C>(&self, roster: I, convert: C) -> Result<LinkOutcome, LinkError>
    where
        R: Send + Sync,
        I: Iterator<Item = Vec<R>>,
        C: Fn(&R) -> Result<Record, String> + Sync,
    {
        let mut stats = LinkStats {
            queries: self.queries.len() as u64,
            ..LinkStats::default()
        };
        let mut roster = roster.peekable();
        // The training sample: the first rows, converted in parallel and kept.
        let mut sample_raw: Vec<Vec<R>> = Vec::new();
        let mut sample_rows = 0usize;
        while sample_rows < self.options.training_rows.max(1) {
            match roster.next() {
                Some(batch) => {
                    sample_rows += batch.len();
                    sample_raw.push(batch);
                }
                None => break,
            }
        }
        let converted = self.convert_parallel(&sample_raw, &convert);
        let mut sample = Vec::with_capacity(sample_rows);
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
        drop(sample_raw);
        stats.training_rows = sample.len() as u64;
        let frequencies = Frequencies::count(&self.schema, &sample);
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
            None => self.estimate(&sample, &frequencies, &mut stats),
        };
        let scorer = Scorer::new(&self.schema, &model, &frequencies, self.options.thresholds);
        let processed = AtomicU64::new(0);
        let compared = AtomicU64::new(0);
        let rejected = Mutex::new((0u64, Vec::<String>::new()));
        let threads = self.options.threads.max(1);
        let (sender, receiver) = sync_channel::<Work<R>>(threads * 2);
        let receiver = Mutex::new(receiver);
        let bests: Vec<Best> = std::thread::scope(|scope| {
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
                                        match convert(row) {
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
                        best
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
        let proposals = self.propose(&scorer, bests, &mut stats);
        Ok(LinkOutcome {
            proposals,
            model,
            stats,
        })
    }

    fn convert_parallel<R: Sync, C>(
        &self,
        batches: &[Vec<R>],
        convert: &C,
    ) -> Vec<Vec<Result<Record, String>>>
    where
        C: Fn(&R) -> Result<Record, String> + Sync,
    {
        let threads = self.options.threads.max(1);
        let next = AtomicU64::new(0);
        let mut out: Vec<(usize, Vec<Result<Record, String>>)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                            let Some(batch) = batches.get(i) else { break };
                            done.push((i, batch.iter().map(convert).collect()));
                        }
                        done
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().expect("no worker panics"))
                .collect()
        });
        out.sort_by_key(|(i, _)| *i);
        out.into_iter().map(|(_, b)| b).collect()
    }

    /// `u` from random pairs of sample record and query, then EM over the sample's blocked pairs.
    fn estimate(
        &self,
        sample: &[Record],
        frequencies: &Frequencies,
        stats: &mut LinkStats,
    ) -> Model {
        let patterns = Patterns::new(&self.schema);
        let mut random: Vec<Vec<u64>> = self
            .schema
            .fields
            .iter()
            .map(|f| vec![0; f.comparator.levels().len()])
            .collect();
        let mut levels = Vec::with_capacity(self.schema.fields.len());
        if !sample.is_empty() && !self.queries.is_empty() {
            let wanted = self
                .options
                .random_pairs
                .min(sample.len().saturating_mul(self.queries.len()));
            let mut rng = SplitMix(self.options.seed);
            for _ in 0..wanted {
                let record = &sample[rng.below(sample.len())];
                let query = &self.queries[rng.below(self.queries.len())];
                compare_into(&self.schema, query, record, &mut levels);
                for (counts, &l) in random.iter_mut().zip(&levels) {
                    counts[usize::from(l)] += 1;
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
            let scorer = Scorer::new(&self.schema, &model, frequencies, self.options.thresholds);
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
        let rarity = Rarity::default();
        let mut index: PrehashedMap<Vec<u32>> = PrehashedMap::default();
        let mut keys = Vec::new();
        let mut keyed = 0;
        for (i, query) in self.queries.iter().enumerate() {
            keys.clear();
            blocking::keys(rules, &query.values, Side::Query(&rarity), &mut keys);
            keyed += usize::from(!keys.is_empty());
            for &key in &keys {
                index.entry(key).or_default().push(i as u32);
            }
        }
        let threads = self.options.threads.max(1);
        let chunk = sample.len().div_ceil(threads).max(1);
        let index = &index;
        let parts: Vec<Vec<TrainingPair>> = std::thread::scope(|scope| {
            let workers: Vec<_> = sample
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        let mut pairs = Vec::new();
                        let (mut keys, mut found, mut levels) =
                            (Vec::new(), Vec::new(), Vec::new());
                        for record in part {
                            blocked(index, rules, record, &mut keys, &mut found);
                            for &q in &found {
                                let query = &self.queries[q as usize];
                                compare_into(&self.schema, query, record, &mut levels);
                                pairs.push(TrainingPair {
                                    query: q,
                                    pattern: patterns.encode(&levels),
                                    tf_bits: scorer.tf_bits(&levels, query),
                                });
                            }
                        }
                        pairs
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().expect("no worker panics"))
                .collect()
        });
        (parts.concat(), keyed)
    }

    fn score_record(
        &self,
        scorer: &Scorer<'_>,
        record: &Record,
        best: &mut Best,
        state: &mut WorkerState,
    ) {
        blocked(
            &self.index,
            &self.schema.blocking,
            record,
            &mut state.keys,
            &mut state.found,
        );
        let mut shared: Option<(Arc<str>, Arc<str>)> = None;
        for &q in &state.found {
            let query = &self.queries[q as usize];
            compare_into(&self.schema, query, record, &mut state.levels);
            state.compared += 1;
            let (score, tf_bits) = scorer.score(&state.levels, query);
            if score < scorer.review_bits {
                continue;
            }
            let slots = &mut best[q as usize];
            if slots[1].as_ref().is_some_and(|h| h.score >= score) {
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
            if slots[0].as_ref().is_none_or(|h| h.score < score) {
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
    keys: Vec<u64>,
    found: Vec<u32>,
    levels: Vec<u8>,
    compared: u64,
}
