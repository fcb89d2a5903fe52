//! The Fellegi–Sunter model: for every field and level, `m` (how often true pairs land there)
//! and `u` (how often random pairs do), and the prior (the share of true pairs among those
//! compared). `u` is counted on random pairs; `m` and the prior are estimated by EM over the
//! blocked pairs with `u` held fixed, as Splink does. A model can be saved and loaded, so a
//! reviewed model can be reused for the next list.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::LinkError;
use crate::compare::Comparator;
use crate::record::Schema;

/// One field's parameters, indexed by level (level 0, "missing", is unused: it weighs 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldModel {
    pub field: String,
    pub comparator: Comparator,
    pub m: Vec<f64>,
    pub u: Vec<f64>,
}

impl FieldModel {
    /// The weight of a level in bits: `log2(m / u)`, 0 for "missing".
    pub fn weight(&self, level: u8) -> f64 {
        let l = usize::from(level);
        if l == 0 {
            0.0
        } else {
            (self.m[l] / self.u[l]).log2()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// The share of true pairs among the blocked pairs (λ).
    pub prior: f64,
    pub fields: Vec<FieldModel>,
    /// EM iterations run when it was estimated.
    pub em_iterations: u32,
}

/// Where the bands start, as match probabilities.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// At or above: proposed as a match.
    pub match_probability: f64,
    /// At or above (and below the match threshold): clerical review.
    pub review_probability: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            match_probability: 0.99,
            review_probability: 0.20,
        }
    }
}

/// A probability as a match weight in bits.
pub fn bits(probability: f64) -> f64 {
    let p = probability.clamp(1e-12, 1.0 - 1e-12);
    (p / (1.0 - p)).log2()
}

/// A match weight in bits as a probability.
pub fn probability(bits: f64) -> f64 {
    let odds = bits.exp2();
    odds / (1.0 + odds)
}

/// One pair of a training session: its query, its levels packed, and the term-frequency
/// adjustment its name agreement earns.
#[derive(Debug, Clone, Copy)]
pub struct TrainingPair {
    pub query: u32,
    pub pattern: u64,
    pub tf_bits: f64,
}

/// Levels of every field packed into one number (mixed radix), to count patterns.
#[derive(Debug, Clone)]
pub struct Patterns {
    radices: Vec<u64>,
}

impl Patterns {
    pub fn new(schema: &Schema) -> Patterns {
        Patterns {
            radices: schema
                .fields
                .iter()
                .map(|f| f.comparator.levels().len() as u64)
                .collect(),
        }
    }

    pub fn encode(&self, levels: &[u8]) -> u64 {
        levels
            .iter()
            .zip(&self.radices)
            .fold(0, |acc, (&l, &r)| acc * r + u64::from(l))
    }

    pub fn decode(&self, mut pattern: u64, levels: &mut Vec<u8>) {
        levels.clear();
        levels.resize(self.radices.len(), 0);
        for (slot, &r) in levels.iter_mut().zip(&self.radices).rev() {
            *slot = (pattern % r) as u8;
            pattern /= r;
        }
    }
}

impl Model {
    pub fn prior_weight(&self) -> f64 {
        bits(self.prior)
    }

    /// `u` from the level counts of random pairs (one count vector per field), smoothed so
    /// that no level is impossible; `m` starts where true pairs usually are (mostly exact) and
    /// the prior at one in a thousand, for EM to correct.
    pub fn from_random_pairs(schema: &Schema, random: &[Vec<u64>]) -> Model {
        let fields = schema
            .fields
            .iter()
            .zip(random)
            .map(|(spec, counts)| {
                let levels = counts.len();
                let seen: u64 = counts[1..].iter().sum();
                let mut u = vec![1.0; levels];
                for l in 1..levels {
                    u[l] = (counts[l] as f64 + 0.5) / (seen as f64 + 0.5 * (levels - 1) as f64);
                }
                let mut m = vec![1.0; levels];
                let total: f64 = (1..levels).map(|l| 4f64.powi(l as i32)).sum();
                for (l, slot) in m.iter_mut().enumerate().skip(1) {
                    *slot = 4f64.powi(l as i32) / total;
                }
                FieldModel {
                    field: spec.name.clone(),
                    comparator: spec.comparator,
                    m,
                    u,
                }
            })
            .collect();
        Model {
            prior: 1e-3,
            fields,
            em_iterations: 0,
        }
    }

    /// Estimates `m` over one training session's pairs, `u` fixed, as Splink trains in
    /// sessions: the fields the session blocked on (`fixed`) agree on every pair by
    /// construction, so they stay out of the likelihood and keep their `m`.
    ///
    /// The expectation step is one-to-one: a query is one person, so only its best pair may be
    /// true, and it counts as true when its posterior passes one half (classification EM).
    /// Plain EM, which lets every pair of a query count, was tried first and collapsed: among
    /// pairs blocked on birth date and sex, names that share a common word (Siti, Sri) are far
    /// more frequent than `u` from random pairs predicts, because names follow sex, and EM took
    /// that surplus for the true pairs. Each pair carries its term-frequency adjustment in bits,
    /// which joins the likelihood: a session blocked on the name cannot otherwise tell
    /// namesakes from true pairs.
    ///
    /// Without `prior`, the session's share of true pairs is estimated along (and returned):
    /// right for a session whose blocks are large. With the overall prior, a pair's odds are
    /// the full model's, blocked fields included: right for a session of small blocks (same
    /// name and regency), where a share of its own would call every namesake true.
    pub fn estimate_m(
        &mut self,
        patterns: &Patterns,
        pairs: &[TrainingPair],
        fixed: &[bool],
        prior: Option<f64>,
        max_iterations: u32,
    ) -> f64 {
        if pairs.is_empty() {
            return 0.0;
        }
        let decoded: Vec<Vec<u8>> = pairs
            .iter()
            .map(|pair| {
                let mut levels = Vec::new();
                patterns.decode(pair.pattern, &mut levels);
                levels
            })
            .collect();
        let queries = pairs
            .iter()
            .map(|p| p.query)
            .max()
            .map_or(0, |q| q as usize + 1);
        // At most one true pair a query: the share starts at that bound and comes down.
        let mut distinct: Vec<u32> = pairs.iter().map(|p| p.query).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let mut share = (distinct.len() as f64 / pairs.len() as f64).clamp(1e-9, 0.5);
        let mut chosen: Vec<bool> = vec![false; pairs.len()];
        for _ in 0..max_iterations {
            self.em_iterations += 1;
            // Each query's best pair under the current parameters.
            let mut best: Vec<Option<(f64, usize)>> = vec![None; queries];
            for (i, (pair, levels)) in pairs.iter().zip(&decoded).enumerate() {
                let mut score = bits(prior.unwrap_or(share)) + pair.tf_bits;
                for ((field, &l), &skip) in self.fields.iter().zip(levels).zip(fixed) {
                    if !skip || prior.is_some() {
                        score += field.weight(l);
                    }
                }
                let slot = &mut best[pair.query as usize];
                if slot.is_none_or(|(s, _)| s < score) {
                    *slot = Some((score, i));
                }
            }
            let mut next = vec![false; pairs.len()];
            for (_, i) in best.into_iter().flatten().filter(|(s, _)| *s > 0.0) {
                next[i] = true;
            }
            let true_pairs = next.iter().filter(|&&c| c).count();
            if next == chosen || true_pairs == 0 {
                break;
            }
            chosen = next;
            share = (true_pairs as f64 / pairs.len() as f64).clamp(1e-9, 0.5);
            for (f, field) in self.fields.iter_mut().enumerate() {
                if fixed[f] {
                    continue;
                }
                let mut counts = vec![0.0; field.m.len()];
                for (levels, _) in decoded.iter().zip(&chosen).filter(|(_, c)| **c) {
                    counts[usize::from(levels[f])] += 1.0;
                }
                let seen: f64 = counts[1..].iter().sum();
                if seen == 0.0 {
                    continue;
                }
                // Half a pair of smoothing: no level becomes impossible.
                let levels = (field.m.len() - 1) as f64;
                for (m, count) in field.m.iter_mut().zip(&counts).skip(1) {
                    *m = (count + 0.5) / (seen + 0.5 * levels);
                }
            }
        }
        share
    }

    pub fn load(path: &Path) -> Result<Model, LinkError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| LinkError::Model {
            file: file.clone(),
            message: e.to_string(),
        })?;
        serde_json::from_str(&text).map_err(|e| LinkError::Model {
            file,
            message: e.to_string(),
        })
    }

    pub fn save(&self, path: &Path) -> Result<(), LinkError> {
        let text = serde_json::to_string_pretty(self).expect("a model is plain numbers and names");
        std::fs::write(path, text).map_err(LinkError::from)
    }

    /// Whether the model was made for this schema (same fields, comparators and levels).
    pub fn fits(&self, schema: &Schema) -> Result<(), String> {
        if self.fields.len() != schema.fields.len() {
            return Err(format!(
                "the model has {} fields, the data {}",
                self.fields.len(),
                schema.fields.len()
            ));
        }
        for (model, spec) in self.fields.iter().zip(&schema.fields) {
            if model.field != spec.name
                || model.comparator != spec.comparator
                || model.m.len() != spec.comparator.levels().len()
                || model.u.len() != model.m.len()
            {
                return Err(format!(
                    "field {} does not match the data's {}",
                    model.field, spec.name
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::FieldSpec;

    fn schema() -> Schema {
        Schema {
            fields: vec![
                FieldSpec::new("name", Comparator::Exact),
                FieldSpec::new("date", Comparator::Exact),
            ],
            blocking: vec![],
            training: vec![],
            name_region: None,
            name_sex: None,
        }
    }

    #[test]
    fn patterns_round_trip() {
        let schema = Schema {
            fields: vec![
                FieldSpec::new("a", Comparator::Name),
                FieldSpec::new("b", Comparator::Date),
                FieldSpec::new("c", Comparator::Exact),
            ],
            blocking: vec![],
            training: vec![],
            name_region: None,
            name_sex: None,
        };
        let patterns = Patterns::new(&schema);
        let mut out = Vec::new();
        for levels in [[0u8, 0, 0], [5, 4, 2], [3, 1, 1]] {
            patterns.decode(patterns.encode(&levels), &mut out);
            assert_eq!(out, levels);
        }
    }

    /// 1,000 queries, each with one true pair (agreeing on both fields 95 % of the time) and
    /// 99 random pairs (agreeing on each field with chance `random`).
    fn session(patterns: &Patterns, second_blocked: bool, random: f64) -> Vec<TrainingPair> {
        let mut pairs = Vec::new();
        let mut state = 7u64;
        let mut draw = |p: f64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 11) as f64 / (1u64 << 53) as f64) < p
        };
        for query in 0..1000u32 {
            for k in 0..100 {
                let p = if k == 0 { 0.95 } else { random };
                let a = 1 + u8::from(draw(p));
                let b = if second_blocked {
                    2
                } else {
                    1 + u8::from(draw(p))
                };
                pairs.push(TrainingPair {
                    query,
                    pattern: patterns.encode(&[a, b]),
                    tf_bits: 0.0,
                });
            }
        }
        pairs
    }

    #[test]
    fn em_finds_the_true_pairs_share_and_their_agreement() {
        let schema = schema();
        let patterns = Patterns::new(&schema);
        let random = vec![vec![0, 9_900, 100], vec![0, 9_900, 100]];
        let mut model = Model::from_random_pairs(&schema, &random);
        let share = model.estimate_m(
            &patterns,
            &session(&patterns, false, 0.01),
            &[false, false],
            None,
            50,
        );
        assert!((share - 0.01).abs() < 0.002, "share {share}");
        for field in &model.fields {
            assert!((field.m[2] - 0.95).abs() < 0.05, "m {:?}", field.m);
        }
    }

    #[test]
    fn em_leaves_the_blocked_field_alone() {
        let schema = schema();
        let patterns = Patterns::new(&schema);
        // One field to tell by: it must be rarer among random pairs for a true pair's
        // posterior to pass one half.
        let random = vec![vec![0, 9_990, 10], vec![0, 9_990, 10]];
        let mut model = Model::from_random_pairs(&schema, &random);
        let before = model.fields[1].m.clone();
        model.estimate_m(
            &patterns,
            &session(&patterns, true, 0.001),
            &[false, true],
            None,
            50,
        );
        assert_eq!(model.fields[1].m, before);
        assert!(model.fields[0].m[2] > 0.85, "{:?}", model.fields[0].m);
    }

    #[test]
    fn a_model_for_other_fields_does_not_fit() {
        let model = Model::from_random_pairs(&schema(), &[vec![0, 1, 1], vec![0, 1, 1]]);
        assert!(model.fits(&schema()).is_ok());
        let other = Schema {
            fields: vec![FieldSpec::new("name", Comparator::Name)],
            blocking: vec![],
            training: vec![],
            name_region: None,
            name_sex: None,
        };
        assert!(model.fits(&other).is_err());
    }

    #[test]
    fn bits_and_probability_are_inverse() {
        for p in [0.01, 0.2, 0.5, 0.99] {
            assert!((probability(bits(p)) - p).abs() < 1e-9);
        }
    }
}
