//! Candidate names as people write them in posts: without titles ("Dr. H. Ahmad, S.H." →
//! "Ahmad …"), and without a first honorific word that posts often leave out ("Muhammad Rizki
//! Pratama" → "Rizki Pratama").

use std::str::FromStr;

use netral_domain::ids::PersonName;

/// Leading words a post often drops: religious or noble honorifics that survive title parsing
/// and the most common first names that carry little.
const FIRST_HONORIFICS: &[&str] = &[
    "muhammad", "mohammad", "mohamad", "muhamad", "moh", "muh", "mhd", "moch", "m", "haji",
    "hajjah", "h", "hj", "kh", "raden", "r", "teuku", "tengku", "andi", "i", "ni", "siti", "nur",
];

/// The written forms of a candidate's name worth watching, as text still to be normalised:
/// the name without titles, and the same without a first honorific word when at least two
/// words are left. A single-word name is watched only when long enough to be distinctive.
pub fn name_forms(written: &str) -> Vec<String> {
    let given = match PersonName::from_str(written) {
        Ok(name) => name.given_name().to_owned(),
        Err(_) => written.trim().to_owned(),
    };
    let words: Vec<&str> = given.split_whitespace().collect();
    let mut forms = Vec::new();
    if words.len() >= 2 || given.len() >= 6 {
        forms.push(given.clone());
    }
    if words.len() >= 3 {
        let first = words[0].trim_end_matches('.').to_ascii_lowercase();
        if FIRST_HONORIFICS.contains(&first.as_str()) {
            forms.push(words[1..].join(" "));
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::name_forms;

    #[test]
    fn titles_go_and_a_first_honorific_may_go() {
        assert_eq!(
            name_forms("Dr. H. Muhammad Rizki Pratama, S.H., M.Si."),
            ["Muhammad Rizki Pratama", "Rizki Pratama"]
        );
        assert_eq!(name_forms("Budi Santoso"), ["Budi Santoso"]);
    }

    #[test]
    fn short_single_names_are_not_watched() {
        assert!(name_forms("Budi").is_empty());
        assert_eq!(name_forms("Sukarmadi"), ["Sukarmadi"]);
    }
}
