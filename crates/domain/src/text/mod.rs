//! Everyday Indonesian text made comparable: what people type (typos, slang, `4l4y` digits,
//! affixed verbs) reduced to plain terms. Used by the "may I do this?" guide and meant for the
//! social-media screening engine too, so nothing here knows about guide entries.
//!
//! The steps, each its own module: [`normalise`] (characters and word shapes), [`slang`]
//! (abbreviations and informal words), [`stem`] (affixes), [`stop`] (words too common to tell
//! anything apart) and [`fuzzy`] (typo tolerance when comparing terms).

pub mod fuzzy;
pub mod normalise;
pub mod slang;
pub mod stem;
pub mod stop;

/// The terms of a text: normalised words, slang expanded, stop words dropped, each stemmed, in
/// the order they appear (so that neighbouring terms can be compared as phrases).
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in normalise::words(text) {
        match slang::expand(&word) {
            Some(standard) => {
                out.extend(standard.split_whitespace().filter_map(term));
            }
            None => out.extend(term(&word)),
        }
    }
    out
}

/// One word's term, or `None` for a stop word (checked before and after stemming, since an
/// affixed stop word such as `bolehkah` only shows itself once stemmed).
fn term(word: &str) -> Option<String> {
    if stop::is_stop_word(word) {
        return None;
    }
    let stemmed = stem::stem(word);
    (!stop::is_stop_word(&stemmed)).then_some(stemmed)
}

#[cfg(test)]
mod tests {
    use super::terms;

    #[test]
    fn a_slangy_question_becomes_plain_terms() {
        assert_eq!(
            terms("Boleh gak sy ngelike postingan capres??"),
            ["suka", "posting", "calon", "presiden"]
        );
        assert_eq!(
            terms("dtg ke ultah partai"),
            ["datang", "ulang", "tahun", "partai"]
        );
        assert_eq!(
            terms("Bolehkah saya menyukai foto2 caleg?"),
            ["suka", "foto", "calon", "legislatif"]
        );
    }

    #[test]
    fn nothing_but_stop_words_gives_nothing() {
        assert!(terms("apakah saya boleh, ya?").is_empty());
        assert!(terms("").is_empty());
    }
}
