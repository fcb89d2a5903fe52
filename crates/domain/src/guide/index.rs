//! The guide's search index: every entry's question (both languages) and phrasings reduced to
//! terms, and how rare each term is across entries. Built per request from the rule set in
//! force, so it is kept to plain vectors and one map (about a thousand terms for forty
//! entries).

use std::collections::HashMap;

use crate::rules::RuleSet;
use crate::text;

/// A searchable view of one rule set's guide.
pub struct GuideIndex<'a> {
    pub(super) set: &'a RuleSet,
    /// Term → id.
    pub(super) ids: HashMap<String, u32>,
    /// Id → term, scanned for typo matches.
    pub(super) terms: Vec<String>,
    /// Id → weight: rare terms tell entries apart, common ones barely.
    pub(super) idf: Vec<f32>,
    /// Parallel to `set.guide`.
    pub(super) entries: Vec<IndexedEntry>,
}

pub(super) struct IndexedEntry {
    /// The entry's term ids, sorted and unique.
    pub(super) terms: Vec<u32>,
    /// Each searchable text (question in both languages, each phrase) as its sequence of term
    /// ids, for phrase bonuses and for how much of one phrasing a question covers.
    pub(super) fields: Vec<Vec<u32>>,
}

impl<'a> GuideIndex<'a> {
    pub fn new(set: &'a RuleSet) -> Self {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut terms: Vec<String> = Vec::new();
        let mut entries = Vec::with_capacity(set.guide.len());
        for entry in &set.guide {
            let texts = [&entry.question.id, &entry.question.en]
                .into_iter()
                .chain(&entry.phrases);
            let fields: Vec<Vec<u32>> = texts
                .map(|t| {
                    text::terms(t)
                        .into_iter()
                        .map(|term| {
                            *ids.entry(term).or_insert_with_key(|term| {
                                terms.push(term.clone());
                                u32::try_from(terms.len() - 1).expect("fewer than 2^32 terms")
                            })
                        })
                        .collect()
                })
                .collect();
            let mut unique: Vec<u32> = fields.iter().flatten().copied().collect();
            unique.sort_unstable();
            unique.dedup();
            entries.push(IndexedEntry {
                terms: unique,
                fields,
            });
        }
        let mut df = vec![0u32; terms.len()];
        for entry in &entries {
            for &id in &entry.terms {
                df[id as usize] += 1;
            }
        }
        let n = entries.len() as f32;
        let idf = df.iter().map(|&d| idf(n, d as f32)).collect();
        Self {
            set,
            ids,
            terms,
            idf,
            entries,
        }
    }
}

/// Inverse document frequency, smoothed so a term in every entry still weighs a little.
pub(super) fn idf(entries: f32, containing: f32) -> f32 {
    (1.0 + entries / containing.max(1.0)).ln()
}
