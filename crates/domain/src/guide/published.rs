//! Matching a question against the answers the oversight body published from its advisory
//! line: free text, not indexed entries, so a simpler rule than [`super::GuideIndex`] — most of
//! the question's content words (typos allowed) must appear in the published question.

use crate::text::fuzzy::similar;
use crate::text::stop::is_near_stop_word;
use crate::text::terms;

/// Share of the query's content words the published question must hold.
const MIN_SHARE: f32 = 0.6;

/// Whether the published `question` answers `query`.
pub fn answers_query(query: &str, question: &str) -> bool {
    let offered = terms(question);
    let wanted: Vec<String> = terms(query)
        .into_iter()
        .filter(|t| !is_near_stop_word(t))
        .collect();
    if wanted.is_empty() {
        return false;
    }
    let found = wanted
        .iter()
        .filter(|w| offered.iter().any(|o| o == *w || similar(w, o)))
        .count();
    found >= 2.min(wanted.len()) && found as f32 >= MIN_SHARE * wanted.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUBLISHED: &str = "Bolehkah saya menjadi saksi partai di TPS?";

    #[test]
    fn a_question_in_other_words_and_with_typos_finds_the_published_answer() {
        assert!(answers_query(
            "jadi saksi partai di tps boleh gak",
            PUBLISHED
        ));
        assert!(answers_query("sy mau jd saksi parti di TPS", PUBLISHED));
    }

    #[test]
    fn a_question_about_something_else_does_not() {
        assert!(!answers_query("pasang spanduk calon bupati", PUBLISHED));
        assert!(!answers_query("boleh tidak", PUBLISHED), "no content words");
        assert!(!answers_query("", PUBLISHED));
    }
}
