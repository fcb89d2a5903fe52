//! Scoring a question against the guide's entries. Each term of the question carries a
//! weight: rare terms more, unknown ones almost as much as the rarest, stop words nothing. An
//! entry scores by the share of that weight it matches, both anywhere in the entry and within
//! its single best phrasing (so terms gathered from unrelated phrasings count for less), by how
//! fully the question covers that phrasing (a short phrasing said exactly beats a long one
//! touched in passing), and by matched words standing side by side as in the phrasing ("ulang
//! tahun", "salam dua jari"). Typo matches count a little less than exact ones.
//!
//! An entry is only returned when the match is real: most of the question is recognised, or
//! at least two rare words' worth of it is (long, chatty questions). Otherwise the guide says
//! it has no answer rather than guess.

use serde::Serialize;

use super::answer::Answer;
use super::index::{GuideIndex, IndexedEntry, idf};
use crate::text::{fuzzy, stop};

/// A typo match counts this much of an exact one.
const FUZZY: f32 = 0.8;
/// Weight of a pair of neighbouring words found as neighbours in a phrasing, relative to the
/// lighter of the two.
const BIGRAM: f32 = 0.5;
/// How the score is made up: question matched anywhere in the entry, question matched by its
/// best phrasing, best phrasing matched by the question. They add up to 1.
const ANYWHERE: f32 = 0.4;
const ONE_PHRASING: f32 = 0.35;
const PHRASING_COVERED: f32 = 0.25;
/// An entry is relevant when it matches this share of the question's weight…
const MIN_COVERAGE: f32 = 0.6;
/// …or this many rarest-word weights of it, whatever else the question says.
const MIN_EVIDENCE: f32 = 2.0;

/// An entry that matches a question, with how well.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit<'a> {
    pub answer: Answer<'a>,
    /// Higher is better; about 1 for a question that says one phrasing exactly, a little more
    /// when its words also stand in the phrasing's order.
    pub score: f32,
}

/// One term of the question: the index terms it matches, with how well, and its weight.
struct QueryTerm {
    term: String,
    matches: Vec<(u32, f32)>,
    weight: f32,
}

impl QueryTerm {
    fn quality(&self, id: u32) -> f32 {
        self.matches
            .iter()
            .filter(|(m, _)| *m == id)
            .map(|(_, q)| *q)
            .fold(0.0, f32::max)
    }
}

impl<'a> GuideIndex<'a> {
    /// The entries that answer `query`, best first, at most `limit`. Empty when nothing fits.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit<'a>> {
        let sequence = self.query_terms(query);
        let mut unique: Vec<&QueryTerm> = Vec::new();
        for t in &sequence {
            if !unique.iter().any(|u| u.term == t.term) {
                unique.push(t);
            }
        }
        let total: f32 = unique.iter().map(|t| t.weight).sum();
        if total <= 0.0 || unique.iter().all(|t| t.matches.is_empty()) {
            return Vec::new();
        }
        let mut hits: Vec<Hit<'a>> = self
            .entries
            .iter()
            .zip(&self.set.guide)
            .filter_map(|(indexed, entry)| {
                let score = self.score(indexed, &sequence, &unique, total)?;
                Some(Hit {
                    answer: self.set.answer_for(entry),
                    score,
                })
            })
            .collect();
        // Stable: on a tie the entry listed first in the rules wins.
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits.truncate(limit);
        hits
    }

    fn query_terms(&self, query: &str) -> Vec<QueryTerm> {
        let unknown_weight = self.unknown();
        let mut out = Vec::new();
        for term in crate::text::terms(query) {
            let exact = self.ids.get(&term).copied();
            let mut matches: Vec<(u32, f32)> = exact.map(|id| (id, 1.0)).into_iter().collect();
            matches.extend(
                self.terms
                    .iter()
                    .enumerate()
                    .filter(|(_, known)| **known != term && fuzzy::similar(&term, known))
                    .map(|(id, _)| (id as u32, FUZZY)),
            );
            let weight = match exact {
                Some(id) => self.idf[id as usize],
                None if matches.is_empty() => {
                    // A misspelt "boleh" is no reason to doubt every entry.
                    if stop::is_near_stop_word(&term) {
                        continue;
                    }
                    unknown_weight
                }
                None => matches
                    .iter()
                    .map(|(id, _)| self.idf[*id as usize])
                    .fold(0.0, f32::max),
            };
            out.push(QueryTerm {
                term,
                matches,
                weight,
            });
        }
        out
    }

    /// The weight of a term found in one entry only; an unknown word weighs three quarters of
    /// it: likely off topic, but it may be a word the phrasings just do not use.
    fn unknown(&self) -> f32 {
        0.75 * self.rarest()
    }

    /// The weight of a term found in one entry only.
    fn rarest(&self) -> f32 {
        idf(self.entries.len() as f32, 1.0)
    }

    /// The entry's score, or `None` when it does not really match.
    fn score(
        &self,
        entry: &IndexedEntry,
        sequence: &[QueryTerm],
        unique: &[&QueryTerm],
        total: f32,
    ) -> Option<f32> {
        // How well a question term is matched by any of `ids`.
        let best = |t: &QueryTerm, ids: &mut dyn Iterator<Item = u32>| {
            ids.map(|id| t.quality(id)).fold(0.0, f32::max)
        };
        let anywhere: f32 = unique
            .iter()
            .map(|t| t.weight * best(t, &mut entry.terms.iter().copied()))
            .sum();
        if anywhere / total < MIN_COVERAGE && anywhere < MIN_EVIDENCE * self.rarest() {
            return None;
        }
        let one_phrasing = entry
            .fields
            .iter()
            .map(|field| {
                unique
                    .iter()
                    .map(|t| t.weight * best(t, &mut field.iter().copied()))
                    .sum::<f32>()
            })
            .fold(0.0, f32::max);
        let covered = entry
            .fields
            .iter()
            .map(|field| self.covered(field, unique))
            .fold(0.0, f32::max);
        let mut side_by_side = 0.0;
        for pair in sequence.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let found = entry
                .fields
                .iter()
                .flat_map(|f| f.windows(2))
                .map(|w| a.quality(w[0]).min(b.quality(w[1])))
                .fold(0.0, f32::max);
            side_by_side += BIGRAM * a.weight.min(b.weight) * found;
        }
        Some(
            ANYWHERE * anywhere / total
                + ONE_PHRASING * (one_phrasing + side_by_side) / total
                + PHRASING_COVERED * covered,
        )
    }

    /// The weighted share of one phrasing's terms that the question matches.
    fn covered(&self, field: &[u32], unique: &[&QueryTerm]) -> f32 {
        let mut ids = field.to_vec();
        ids.sort_unstable();
        ids.dedup();
        let (mut hit, mut all) = (0.0, 0.0);
        for id in ids {
            let weight = self.idf[id as usize];
            all += weight;
            hit += weight * unique.iter().map(|t| t.quality(id)).fold(0.0, f32::max);
        }
        if all > 0.0 { hit / all } else { 0.0 }
    }
}
